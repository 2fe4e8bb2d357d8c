/*
 * stored_document.h
 *		Documents the registry fetched itself and stored in a table: DID and
 *		controller documents (credreg.did_document), Open Badges 2.0 hosted
 *		documents (credreg.hosted_document) and blockchain anchors
 *		(credreg.blockchain_anchor).  credreg never fetches anything; a
 *		document that is not stored is simply not there.
 *
 * Each lookup is one plain SPI query.  They should move onto the shared
 * cache module (src/util/cache.c, branch `cache`) once it is merged, as the
 * keystore lookups did; until then a verification that needs a document
 * costs one query per lookup.  Lookups raise only on database errors, never
 * on their input.
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
