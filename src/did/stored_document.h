/*
 * stored_document.h
 *		Documents the registry fetched itself and stored in a table: DID and
 *		controller documents (credreg.did_document), Open Badges 2.0 hosted
 *		documents (credreg.hosted_document) and blockchain anchors
 *		(credreg.blockchain_anchor).  credreg never fetches anything; a
 *		document that is not stored is simply not there.
 *
 * Each lookup reads the table's local relation through its primary key
 * (src/util/cache.h, crcache_read_rows), no query planned, so that it also
 * runs on a Citus worker inside a query on a shard.  Lookups raise only on
 * database errors, never on their input.
 */
#ifndef CREDREG_STORED_DOCUMENT_H
#define CREDREG_STORED_DOCUMENT_H

#include "json/json.h"

/* The credreg.did_document row of did, parsed, or NULL. */
extern CrJson *cr_did_document(const char *did);

/* The credreg.hosted_document row of url, parsed, or NULL. */
extern CrJson *cr_hosted_document(const char *url);

/*
 * True when credreg.blockchain_anchor has a row for (chain, transaction_id)
 * whose merkle_root is merkle_root (hex, compared case-insensitively);
 * *found tells whether the transaction is there at all.
 */
extern bool cr_blockchain_anchor_matches(const char *chain, const char *transaction_id,
										 const char *merkle_root, bool *found);

#endif							/* CREDREG_STORED_DOCUMENT_H */
