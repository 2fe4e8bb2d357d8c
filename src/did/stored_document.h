/*
 * stored_document.h
 *		Documents the registry fetched itself and stored in a table: DID and
 *		controller documents (credreg.did_document), Open Badges 2.0 hosted
 *		documents (credreg.hosted_document) and blockchain anchors
 *		(credreg.blockchain_anchor).  credreg never fetches anything; a
 *		document that is not stored is simply not there.
 *
 * JSON Schemas credentials name in credentialSchema (credreg.credential_schema)
 * are stored documents too.
 *
 * Each table has a per-backend cache (util/cache.h): a lookup reads its row
 * once per generation through the primary key (crcache_read_rows, no query
 * planned, so on Citus a worker reads its own placement), and a hit runs no
 * query.  A returned document
 * belongs to the cache: it is borrowed for the call at hand, not to be
 * modified or kept.  Lookups raise only on database errors (a missing
 * SELECT privilege, say), never on their input.
 */
#ifndef CREDREG_STORED_DOCUMENT_H
#define CREDREG_STORED_DOCUMENT_H

#include "json/json.h"

/* The credreg.did_document row of did, parsed, or NULL. */
extern CrJson *cr_did_document(const char *did);

/* The credreg.hosted_document row of url, parsed, or NULL. */
extern CrJson *cr_hosted_document(const char *url);

/*
 * The credreg.credential_schema row of url, parsed, or NULL; *found tells
 * whether a row exists at all.
 */
extern CrJson *cr_credential_schema_document(const char *url, bool *found);

/* Lookups and table reads of the stored-document caches, over the backend's life. */
extern void cr_stored_document_stats(uint64 *lookups, uint64 *reads);

/*
 * True when credreg.blockchain_anchor has a row for (chain, transaction_id)
 * whose merkle_root is merkle_root (hex, compared case-insensitively);
 * *found tells whether the transaction is there at all.
 */
extern bool cr_blockchain_anchor_matches(const char *chain, const char *transaction_id,
										 const char *merkle_root, bool *found);

#endif							/* CREDREG_STORED_DOCUMENT_H */
