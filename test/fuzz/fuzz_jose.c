/*
 * fuzz_jose.c
 *		libFuzzer harness for the verifier's parsers: JWS compact (split,
 *		protected header, payload, VC-JWT claim mapping) and Data Integrity
 *		proofs (proof set, previousProof, proof configuration, JCS hashing),
 *		with a sign-then-verify round trip.
 *
 * FUZZ_SOURCES: src/jose/jws.c src/jose/jwt.c src/util/datetime.c src/dataint/proof.c src/dataint/jcs_suites.c src/dataint/detached_jws.c src/crypto/keys.c src/crypto/jwk.c src/crypto/sig.c src/util/encoding.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The first input byte chooses the mode; the rest is
 *   mode & 1 == 0: a JWS compact string;
 *   mode & 1 == 1: a JSON document with Data Integrity proofs.
 * Checked on every input:
 * - nothing on the verifier's path raises (an ERROR is a finding), and every
 *   failure carries one of the documented codes and a message;
 * - JWS: a parsed JWS has an allowed alg and its signing input is exactly
 *   header '.' payload; verifying with a fixed key fails cleanly; when a
 *   credential is mapped from the payload it is an object, and an `iss`
 *   claim is its issuer;
 * - Data Integrity: a proof's "jws" (EcdsaSecp256k1Signature2019) parses
 *   as a detached JWS or fails with a documented code; when it parses, its
 *   header part is a non-empty prefix followed by "..";
 * - for every proof whose hashing succeeds, the hash data is
 *   the proof configuration hash followed by the document hash, each the
 *   SHA-256 of its canonical form, and both canonical forms parse again;
 * - a document that is a JSON object is signed with eddsa-jcs-2022 (signing
 *   may refuse it with an ERROR, e.g. a number JCS cannot write), and then
 *   the new proof verifies with the public key, and does not once one byte
 *   of the document changes.
 */
#include "postgres.h"

#include "dataint/dataint.h"
#include "jose/jose.h"

#include "pg_shim.h"

/*
 * The rdfc suites, EcdsaSecp256k1Signature2019 and ecdsa-sd-2023 need JSON-LD contexts from
 * credreg.context (SPI), which the shim has no server for; they are fuzzed
 * through fuzz_jsonld, fuzz_nquads and fuzz_ecdsa_sd.  Here only the JOSE
 * and JCS paths register.
 */
void
crdi_register_rdfc_suites(void)
{
}

void
crdi_register_ecdsa_sd_suite(void)
{
}

/* EcdsaSecp256k1Signature2019 canonicalizes with RDFC too (contexts from SPI) */
void
crdi_register_secp256k1_suite(void)
{
}

static const char *const codes[] = {
	"malformed", "unsupported_format", "algorithm_refused", "key_mismatch",
	"signature_invalid", "issuer_mismatch", "claim_mismatch", NULL
};

typedef struct Case
{
	const char *text;
	size_t		len;
} Case;

static CrKey *priv_key;
static CrKey *pub_key;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_jose: %s\n", what);
	abort();
}

static void
check_failure(const CredregFailure *f)
{
	if (f->code == NULL || f->message == NULL || f->message[0] == '\0')
		fail("a failure without code or message");
	for (int i = 0; codes[i]; i++)
		if (strcmp(f->code, codes[i]) == 0)
			return;
	fprintf(stderr, "code %s: %s\n", f->code, f->message);
	fail("an undocumented failure code");
}

static void
load_keys(void *arg)
{
	static const char priv[] = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
	static const char pub[] = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
	CredregFailure f;

	if (!crkey_parse_private(priv, strlen(priv), &priv_key, &f) ||
		!crkey_parse(pub, strlen(pub), &pub_key, &f))
		fail("the RFC 8037 key does not load");
}

static void
jws_case(void *arg)
{
	Case	   *c = arg;
	CrJws		jws;
	CredregFailure f;
	uint8	   *payload;
	size_t		plen;
	CrJson	   *pj;
	CrJson	   *cred;
	CrJwtKind	kind;

	if (!crjws_parse(c->text, c->len, &jws, &f))
	{
		check_failure(&f);
		return;
	}
	if (jws.signing_input_len != jws.header_len + 1 + jws.payload_b64_len ||
		c->text[jws.header_len] != '.' || jws.payload_b64 != c->text + jws.header_len + 1)
		fail("the signing input is not header '.' payload");
	if (crjws_verify(&jws, pub_key, &f))
	{
		/* only the RFC 8037 A.4 JWS itself could verify */
		if (jws.alg != CRSIG_EDDSA)
			fail("a JWS verified with an algorithm that does not fit the key");
	}
	else
		check_failure(&f);
	if (!crjws_payload_bytes(&jws, &payload, &plen, &f))
	{
		check_failure(&f);
		return;
	}
	pj = crjson_parse((const char *) payload, plen, &f);
	if (pj == NULL)
	{
		check_failure(&f);
		return;
	}
	if (!crjwt_credential(&jws, pj, &cred, &kind, &f))
	{
		check_failure(&f);
		return;
	}
	if (cred->kind != CRJ_OBJECT)
		fail("a mapped credential is not an object");
	{
		const char *iss = crjson_get_string(pj, "iss");

		if (iss != NULL && (crjwt_issuer_id(cred) == NULL || strcmp(crjwt_issuer_id(cred), iss) != 0))
			fail("the iss claim is not the credential's issuer");
	}
}

static void
di_case(void *arg)
{
	Case	   *c = arg;
	CredregFailure f;
	CrJson	   *doc = crjson_parse(c->text, c->len, &f);
	CrDiProof  *proofs;
	int			n;

	if (doc == NULL)
	{
		check_failure(&f);
		return;
	}
	if (!crdi_proofs(doc, &proofs, &n, &f))
	{
		check_failure(&f);
		return;
	}
	for (int i = 0; i < n; i++)
	{
		CrDiHashing h;
		uint8		x[CR_SHA256_LEN];

		if (proofs[i].jws != NULL)
		{
			size_t		hl,
						sl;
			uint8	   *sig;

			if (!crdi_detached_jws_parse(proofs[i].jws, "ES256K", &hl, &sig, &sl, &f))
				check_failure(&f);
			else if (hl == 0 || strncmp(proofs[i].jws + hl, "..", 2) != 0)
				fail("a parsed detached JWS has no header before \"..\"");
		}

		if (!crdi_hash(doc, proofs, n, i, CRKEY_ED25519, &h, &f))
		{
			check_failure(&f);
			continue;
		}
		if (h.hash_len != CR_SHA256_LEN ||
			memcmp(h.hash_data, h.proof_config_hash, h.hash_len) != 0 ||
			memcmp(h.hash_data + h.hash_len, h.document_hash, h.hash_len) != 0)
			fail("hash data is not proof configuration hash then document hash");
		cr_sha256(h.canonical_document.data, h.canonical_document.len, x);
		if (memcmp(x, h.document_hash, sizeof(x)) != 0)
			fail("the document hash is not the SHA-256 of the canonical document");
		if (crjson_parse(h.canonical_document.data, h.canonical_document.len, &f) == NULL ||
			crjson_parse(h.canonical_proof_config.data, h.canonical_proof_config.len, &f) == NULL)
			fail("a canonical form does not parse again");
		if (!crdi_verify_proof(doc, proofs, n, i, pub_key, &f))
			check_failure(&f);
	}
}

typedef struct Signed
{
	CrJson	   *doc;
	CrJson	   *signed_doc;
} Signed;

static void
sign_case(void *arg)
{
	Signed	   *s = arg;

	s->signed_doc = crdi_sign(s->doc, priv_key, "eddsa-jcs-2022",
							  "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw#z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw",
							  0);
}

static void
verify_signed(void *arg)
{
	Signed	   *s = arg;
	CredregFailure f;
	CrDiProof  *proofs;
	int			n;
	StringInfoData text;
	CrJson	   *changed;

	if (!crdi_proofs(s->signed_doc, &proofs, &n, &f) || n != 1)
		fail("a signed document has no single proof");
	if (!crdi_verify_proof(s->signed_doc, proofs, n, 0, pub_key, &f))
	{
		fprintf(stderr, "%s: %s\n", f.code, f.message);
		fail("what credreg signed does not verify");
	}
	/* change the document: one more member */
	changed = crjson_object_without(s->signed_doc, "\x01");
	crjson_object_put(changed, "fuzzChanged", crjson_make_string("x"));
	if (!crdi_proofs(changed, &proofs, &n, &f))
		fail("the changed document lost its proof");
	if (crdi_verify_proof(changed, proofs, n, 0, pub_key, &f))
		fail("a changed document still verifies");
	initStringInfo(&text);
	crjson_append_text(&text, s->signed_doc);
}

static void
parse_doc(void *arg)
{
	Signed	   *s = arg;
	Case	   *c = (Case *) s->signed_doc;
	CredregFailure f;
	CrJson	   *doc = crjson_parse(c->text, c->len, &f);

	s->signed_doc = NULL;
	s->doc = (doc != NULL && doc->kind == CRJ_OBJECT) ? crjson_object_without(doc, "proof") : NULL;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;
	Signed		s;

	if (size < 1)
		return 0;
	/* keys live in the shim's memory, which pg_shim_reset frees: load per input */
	if (!pg_shim_run(load_keys, NULL))
		fail("loading the keys raised");
	c.text = (const char *) data + 1;
	c.len = size - 1;
	if ((data[0] & 1) == 0)
	{
		if (!pg_shim_run(jws_case, &c))
			fail(pg_shim_last_error(NULL));
	}
	else
	{
		if (!pg_shim_run(di_case, &c))
			fail(pg_shim_last_error(NULL));
		s.signed_doc = (CrJson *) &c;
		if (!pg_shim_run(parse_doc, &s))
			fail(pg_shim_last_error(NULL));
		if (s.doc != NULL && pg_shim_run(sign_case, &s) && !pg_shim_run(verify_signed, &s))
			fail(pg_shim_last_error(NULL));
	}
	pg_shim_reset();
	priv_key = pub_key = NULL;
	return 0;
}
