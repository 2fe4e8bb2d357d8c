/*
 * pubkey.h
 *		The credreg.pubkey type: a public key in canonical binary form.
 *
 * On-disk and binary (send/recv) layout, after the varlena header:
 *
 *	 byte 0		format version, 1
 *	 byte 1		key type: 1 Ed25519, 2 P-256, 3 P-384, 4 RSA, 5 secp256k1 (CrKeyType)
 *	 bytes 2..	the canonical public encoding (CrKey.pub):
 *				Ed25519  the 32-byte public key (RFC 8032)
 *				P-256	 the 33-byte compressed SEC1 point
 *				P-384	 the 49-byte compressed SEC1 point
 *				secp256k1 the 33-byte compressed SEC1 point
 *				RSA		 2-byte big-endian length of e, e, n (unsigned
 *						 big-endian, no leading zero bytes)
 *
 * One key has exactly one encoding, so equality, hashing and ordering are
 * bytewise.  recv accepts only this canonical encoding.
 */
#ifndef CREDREG_PUBKEY_H
#define CREDREG_PUBKEY_H

#include "crypto/crypto.h"

#define PUBKEY_VERSION 1

typedef struct PubKey
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		type;
	uint8		data[FLEXIBLE_ARRAY_MEMBER];
} PubKey;

#define PUBKEY_HDRSZ offsetof(PubKey, data)
#define PUBKEY_DATALEN(pk) (VARSIZE(pk) - PUBKEY_HDRSZ)
#define DatumGetPubKeyP(X) ((PubKey *) PG_DETOAST_DATUM(X))
#define PG_GETARG_PUBKEY_P(n) DatumGetPubKeyP(PG_GETARG_DATUM(n))
#define PG_RETURN_PUBKEY_P(x) PG_RETURN_POINTER(x)

/* A pubkey value from a key (its public half). */
extern PubKey *pubkey_from_crkey(const CrKey *key);

/*
 * The decoded key of a pubkey value, from the per-backend cache: decoded
 * once per backend.  Owned by the cache.
 */
extern bool pubkey_to_crkey_cached(const PubKey *pk, const CrKey **key,
								   CredregFailure *failure);

#endif							/* CREDREG_PUBKEY_H */
