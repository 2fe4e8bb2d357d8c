/*
 * fuzz_pubkey.c
 *		libFuzzer harness for key import: crkey_parse (every public-key text
 *		form) and crkey_parse_private (the signing-key forms).
 *
 * FUZZ_SOURCES: src/crypto/keys.c src/crypto/jwk.c src/crypto/sig.c src/util/encoding.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * Checked on every input:
 * - neither parser raises (both are on the verifier's or the signer's path
 *   and must report a CredregFailure instead); a rejection carries one of
 *   the documented codes and a message;
 * - an accepted public key has its canonical encoding, which rebuilds the
 *   same key (crkey_from_public_bytes), and its canonical text forms (the
 *   Multikey, or the JWK for RSA, and the RFC 7638 JWK) parse back to the
 *   same canonical bytes;
 * - an accepted private key signs a message with the algorithm of its type,
 *   and the signature verifies with the public half rebuilt from its
 *   canonical bytes (and not over another message).
 * Everything is freed by pg_shim_reset(), which also runs the callbacks
 * that free the OpenSSL objects, so LeakSanitizer sees any EVP leak.
 */
#include "postgres.h"

#include "crypto/crypto.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *data;
	size_t		size;
	CrKey	   *key;
	bool		ok;
	CredregFailure failure;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_pubkey: %s\n", what);
	abort();
}

static void
check_failure(const CredregFailure *f)
{
	if (f->code == NULL || f->message == NULL ||
		(strcmp(f->code, "key_malformed") != 0 &&
		 strcmp(f->code, "key_unsupported") != 0 &&
		 strcmp(f->code, "key_private") != 0))
		fail("rejection without a documented code and a message");
}

static void
parse_public(void *arg)
{
	Case	   *c = arg;

	c->ok = crkey_parse(c->data, c->size, &c->key, &c->failure);
}

static void
parse_private(void *arg)
{
	Case	   *c = arg;

	c->ok = crkey_parse_private(c->data, c->size, &c->key, &c->failure);
}

static bool
same_pub(const CrKey *a, const CrKey *b)
{
	return a->type == b->type && a->publen == b->publen &&
		memcmp(a->pub, b->pub, a->publen) == 0;
}

/* The public-key invariants; raises nothing when they hold. */
static void
check_public(void *arg)
{
	CrKey	   *key = arg;
	CrKey	   *again;
	CredregFailure f;
	StringInfoData jwk;
	char	   *mk;

	if (key->is_private || key->pub == NULL || key->pkey == NULL)
		fail("public key without its canonical bytes");
	if (!crkey_from_public_bytes(key->type, key->pub, key->publen, &again, &f))
		fail("canonical bytes do not rebuild the key");
	if (!same_pub(key, again))
		fail("canonical bytes rebuild a different key");
	initStringInfo(&jwk);
	crkey_append_jwk(&jwk, key);
	if (!crkey_parse(jwk.data, jwk.len, &again, &f) || !same_pub(key, again))
		fail("the JWK output does not parse back to the same key");
	mk = crkey_multikey(key);
	if ((mk == NULL) != (key->type == CRKEY_RSA))
		fail("Multikey exists exactly for the non-RSA keys");
	if (mk && (!crkey_parse(mk, strlen(mk), &again, &f) || !same_pub(key, again)))
		fail("the Multikey output does not parse back to the same key");
	if (crkey_thumbprint(key) == NULL)
		fail("no thumbprint");
}

static void
check_private(void *arg)
{
	CrKey	   *key = arg;
	CrKey	   *pub;
	CredregFailure f;
	CrSigAlg	alg;
	uint8	   *sig;
	size_t		siglen;
	static const uint8 msg[] = "fuzz_pubkey message";

	if (!key->is_private || key->pub == NULL)
		fail("private key without its public half");
	alg = key->type == CRKEY_ED25519 ? CRSIG_EDDSA :
		key->type == CRKEY_P256 ? CRSIG_ES256 :
		key->type == CRKEY_P384 ? CRSIG_ES384 : CRSIG_PS256;
	crsig_sign(key, alg, msg, sizeof(msg), &sig, &siglen);
	if (!crkey_from_public_bytes(key->type, key->pub, key->publen, &pub, &f))
		fail("the public half of a private key does not rebuild");
	if (!crsig_verify(pub, alg, msg, sizeof(msg), sig, siglen, &f))
		fail("a signature does not verify with the public half");
	if (crsig_verify(pub, alg, msg, sizeof(msg) - 1, sig, siglen, &f))
		fail("a signature verifies over another message");
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c = {(const char *) data, size, NULL, false, {NULL, NULL}};

	if (!pg_shim_run(parse_public, &c))
		fail(pg_shim_last_error(NULL));
	if (c.ok)
	{
		if (!pg_shim_run(check_public, c.key))
			fail(pg_shim_last_error(NULL));
	}
	else
		check_failure(&c.failure);

	c.key = NULL;
	c.failure.code = NULL;
	c.failure.message = NULL;
	if (!pg_shim_run(parse_private, &c))
		fail(pg_shim_last_error(NULL));
	if (c.ok)
	{
		if (!pg_shim_run(check_private, c.key))
			fail(pg_shim_last_error(NULL));
	}
	else
		check_failure(&c.failure);

	pg_shim_reset();
	return 0;
}
