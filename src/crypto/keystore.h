/*
 * keystore.h
 *		The registry's own keys and issuers: lookups in credreg.issuer_key
 *		and credreg.trusted_issuer through a per-backend cache.
 *
 * A lookup runs one SPI query on a miss and none on a hit.  Negative results
 * (no such row) are cached too.  The cache is dropped when either table
 * changes: a statement trigger on both tables sends a relcache invalidation
 * for the table, which reaches this backend at its next command (its own
 * changes) or transaction (other sessions' committed changes).
 *
 * Returned pointers belong to the cache and stay valid until the end of the
 * current transaction at least (an invalidated generation of the cache is
 * freed only when the transaction ends).  Lookups raise only on database
 * errors (the tables missing, out of memory), never on their input.
 */
#ifndef CREDREG_KEYSTORE_H
#define CREDREG_KEYSTORE_H

#include "crypto/crypto.h"
#include "utils/timestamp.h"

/* One row of credreg.issuer_key; has_* false where the column is NULL. */
typedef struct CrRegisteredKey
{
	const char *key_id;
	const char *issuer;
	const CrKey *key;			/* decoded public key, owned by the cache */
	bool		has_valid_from;
	TimestampTz valid_from;
	bool		has_valid_until;
	TimestampTz valid_until;
	bool		has_revoked_at;
	TimestampTz revoked_at;
} CrRegisteredKey;

/* One row of credreg.trusted_issuer. */
typedef struct CrTrustedIssuer
{
	const char *issuer;
	const char *name;			/* NULL when the column is NULL */
	bool		has_valid_from;
	TimestampTz valid_from;
	bool		has_valid_until;
	TimestampTz valid_until;
	bool		has_revoked_at;
	TimestampTz revoked_at;
} CrTrustedIssuer;

/*
 * The issuer_key row whose key_id equals key_id (exact bytes), or false when
 * there is none.
 */
extern bool crkey_lookup_registered(const char *key_id, size_t len,
									const CrRegisteredKey **out);

/*
 * An issuer_key row registering `key` for `issuer` (whatever its key_id):
 * how a key carried inside a credential (a JWS "jwk" header) is bound to its
 * issuer.  When several rows match, the one not revoked and valid longest is
 * returned (revoked_at NULLS FIRST, valid_until DESC NULLS FIRST, key_id).
 */
extern bool crkey_lookup_registered_for_issuer(const char *issuer, size_t len,
											   const CrKey *key,
											   const CrRegisteredKey **out);

/* The trusted_issuer row of issuer, or false. */
extern bool crissuer_lookup_trusted(const char *issuer, size_t len,
									const CrTrustedIssuer **out);

/*
 * True when a registered key may verify a credential signed at `at`:
 * valid_from <= at < valid_until (a NULL bound is open) and at < revoked_at
 * (when revoked_at is set).
 */
extern bool crkey_registered_valid_at(const CrRegisteredKey *rk, TimestampTz at);

#endif							/* CREDREG_KEYSTORE_H */
