/*
 * verify.c
 *		The verification orchestrator (see verify.h).
 *
 * Order of work for a JWS: split, read the (cached) header, resolve the
 * key, check the signature over the received bytes, and only then decode
 * and parse the payload.  For a Data Integrity document: parse, list the
 * proofs, resolve each proof's key, verify every proof (a set or a chain).
 * Then, for both: the key's binding to the issuer, the validity window, the
 * status lists, the trust list.
 */
#include "postgres.h"

#include <string.h>

#include "utils/memutils.h"

#include "blockcerts/blockcerts.h"
#include "dataint/dataint.h"
#include "jose/jose.h"
#include "ob2/ob2.h"
#include "util/datetime.h"
#include "crypto/keystore.h"
#include "did/did.h"
#include "verify/verify_internal.h"
#include "sdjwt/sdjwt.h"

bool
cr_verify_fail(CrVerification *r, const char *code, const char *message)
{
	r->valid = false;
	if (r->first_code == NULL)
		r->first_code = code;
	r->errors = lappend(r->errors, psprintf("%s: %s", code, message));
	return false;
}

void
cr_verify_check(CrVerification *r, const char *check)
{
	r->checks = lappend(r->checks, (char *) check);
}

static bool
fail_with(CrVerification *r, const CredregFailure *f)
{
	return cr_verify_fail(r, f->code, f->message);
}

const char *
cr_credential_issuer(const CrJson *cred)
{
	return crjwt_issuer_id(cred);
}

static bool
is_inline_did(const char *s)
{
	return strncmp(s, "did:key:", 8) == 0 || strncmp(s, "did:jwk:", 8) == 0;
}

static char *
did_of(const char *didurl)
{
	const char *hash = strchr(didurl, '#');

	return hash ? pnstrdup(didurl, hash - didurl) : pstrdup(didurl);
}

/*
 * A verification method or kid: did:key / did:jwk decoded inline, anything
 * else looked up in credreg.issuer_key, and finally the
 * `<issuer id>#<multibase key>` convention (an embedded key whose binding
 * to the issuer is checked later).
 */
static bool
resolve_method(const char *vm, const char *issuer, ResolvedKey *rk, CredregFailure *f)
{
	const CrRegisteredKey *reg;

	memset(rk, 0, sizeof(*rk));
	rk->key_id = vm;
	if (is_inline_did(vm))
	{
		if (!crkey_cached(vm, strlen(vm), &rk->key, f))
			return credreg_fail(f, "key_unresolved", "verification method %s does not decode: %s",
								vm, f->message);
		rk->controller = did_of(vm);
		return true;
	}
	if (crkey_lookup_registered(vm, strlen(vm), &reg))
	{
		rk->key = reg->key;
		rk->controller = reg->issuer;
		rk->reg = reg;
		return true;
	}
	{
		/* did:web / https: the document the registry stored for it */
		bool		stored;
		const char *controller;

		if (crdid_resolve(vm, &rk->key, &controller, &stored, f))
		{
			rk->controller = controller;
			return true;
		}
		if (stored)
			return false;
	}
	{
		/*
		 * <issuer id>#<multibase>: the key is in the fragment.  For a JWS kid
		 * the issuer is not known yet (the payload is read after the
		 * signature); the binding check that follows is what makes the key
		 * count, in both cases.
		 */
		const char *hash = strrchr(vm, '#');

		if (hash != NULL && hash[1] == 'z' &&
			(issuer == NULL ||
			 (strncmp(vm, issuer, hash - vm) == 0 && issuer[hash - vm] == '\0')))
		{
			const char *mb = hash + 1;

			if (!crkey_cached(mb, strlen(mb), &rk->key, f))
				return credreg_fail(f, "key_unresolved", "verification method %s does not decode: %s",
									vm, f->message);
			rk->controller = NULL;
			rk->issuer_fragment = true;
			return true;
		}
	}
	return credreg_fail(f, "key_unresolved",
						"verification method %s is neither a did:key or did:jwk nor registered in credreg.issuer_key nor in a stored document (credreg.did_document)",
						vm);
}

/*
 * The key must belong to the issuer: its controller is the issuer, or (an
 * embedded key) it is registered for the issuer or is the key of the
 * issuer's did:key / did:jwk.
 */
static bool
check_binding(ResolvedKey *rk, const char *issuer, TimestampTz as_of, CrVerification *r)
{
	if (rk->controller != NULL)
	{
		const CrRegisteredKey *reg;

		/*
		 * A did:key / did:jwk of another controller still counts when the
		 * registry says it is the issuer's key (an issuer identified by an
		 * https or urn:uuid id signing with a did:key, as 1EdTech's samples
		 * do).
		 */
		if (strcmp(rk->controller, issuer) != 0)
		{
			if (rk->reg == NULL &&
				crkey_lookup_registered_for_issuer(issuer, strlen(issuer), rk->key, &reg))
				rk->reg = reg;
			else
				return cr_verify_fail(r, "issuer_mismatch",
									  psprintf("the key %s belongs to %s, not to the issuer %s",
											   rk->key_id, rk->controller, issuer));
		}
	}
	else
	{
		char	   *thumb = crkey_thumbprint(rk->key);
		bool		bound = false;

		if (is_inline_did(issuer))
		{
			const CrKey *ik;
			CredregFailure f;

			if (crkey_cached(issuer, strlen(issuer), &ik, &f))
				bound = strcmp(crkey_thumbprint(ik), thumb) == 0;
		}
		if (!bound)
		{
			const CrRegisteredKey *reg;

			if (crkey_lookup_registered_for_issuer(issuer, strlen(issuer), rk->key, &reg))
			{
				bound = true;
				rk->reg = reg;
			}
		}
		/*
		 * 1EdTech's convention (its validator's EmbeddedProofProbe): the
		 * method <issuer id>#<multibase key> is the issuer's key because the
		 * issuer's id prefixes it.  Only under the policy switch: it lets
		 * anyone sign in any issuer's name.  resolve_method checked the
		 * prefix against this very issuer.
		 */
		if (!bound && rk->issuer_fragment && credreg_issuer_fragment_keys)
		{
			const char *hash = strrchr(rk->key_id, '#');

			bound = hash != NULL && strncmp(rk->key_id, issuer, hash - rk->key_id) == 0 &&
				issuer[hash - rk->key_id] == '\0';
		}
		if (!bound)
			return cr_verify_fail(r, "key_unbound",
								  psprintf("the key of verification method %s (thumbprint %s) is carried by the credential but neither registered for the issuer %s in credreg.issuer_key nor contained in its DID%s",
										   rk->key_id, thumb, issuer,
										   rk->issuer_fragment && !credreg_issuer_fragment_keys ?
										   " (credreg.issuer_fragment_keys is off)" : ""));
	}
	if (rk->reg != NULL)
	{
		const CrRegisteredKey *k = rk->reg;

		if (k->has_revoked_at && k->revoked_at <= as_of)
			return cr_verify_fail(r, "key_revoked",
								  psprintf("the key %s was revoked at %s", k->key_id,
										   timestamp_to_xsd(k->revoked_at)));
		if (!crkey_registered_valid_at(k, as_of))
			return cr_verify_fail(r, "key_expired",
								  psprintf("the key %s is not in force at %s", k->key_id,
										   timestamp_to_xsd(as_of)));
	}
	return true;
}

static bool
date_prop(const CrJson *cred, const char *name, bool *has, TimestampTz *ts, CrVerification *r)
{
	const CrJson *v = crjson_get(cred, name);
	CredregFailure f;

	if (v == NULL)
		return true;
	if (v->kind != CRJ_STRING)
		return cr_verify_fail(r, "malformed", psprintf("credential property \"%s\" is not a string", name));
	if (!xsd_datetime_parse(v->u.str, v->count, ts, name, &f))
		return fail_with(r, &f);
	*has = true;
	return true;
}

/* What both securing mechanisms share, once the proof has verified. */
static void
check_credential(CrJson *cred, ResolvedKey *keys, int nkeys, TimestampTz as_of,
				 bool stop, CrVerification *r)
{
	const char *issuer = r->issuer;
	const CrJson *cs;
	bool		bound_once = false;

	/* subject */
	cs = crjson_get(cred, "credentialSubject");
	if (cs != NULL && cs->kind == CRJ_ARRAY && cs->count > 0)
		cs = cs->u.elems[0];
	r->subject = crjson_get_string(cs, "id");

	/* binding: every key belongs to the issuer */
	if (!stop)
		cr_verify_check(r, "issuer_binding");
	{
		List	   *first_errors = NIL;
		const char *first_code = NULL;

		/*
		 * A proof set may carry proofs by others (a notary, an endorser):
		 * every proof must verify, and at least one must be the issuer's.
		 */
		for (int i = 0; i < nkeys && !bound_once; i++)
		{
			CrVerification scratch;

			if (keys[i].key == NULL)
				continue;
			memset(&scratch, 0, sizeof(scratch));
			if (check_binding(&keys[i], issuer, as_of, &scratch))
				bound_once = true;
			else if (first_code == NULL)
			{
				first_code = scratch.first_code;
				first_errors = scratch.errors;
			}
		}
		if (!bound_once && first_code != NULL)
		{
			r->valid = false;
			if (r->first_code == NULL)
				r->first_code = first_code;
			r->errors = list_concat(r->errors, first_errors);
			if (stop)
				return;
		}
	}

	/* validity window */
	if (!stop)
		cr_verify_check(r, "validity");
	{
		bool		has_vf = false,
					has_vu = false;
		TimestampTz vf = 0,
					vu = 0;

		if (!date_prop(cred, "validFrom", &has_vf, &vf, r) && stop)
			return;
		if (!has_vf && !date_prop(cred, "issuanceDate", &has_vf, &vf, r) && stop)
			return;
		if (!date_prop(cred, "validUntil", &has_vu, &vu, r) && stop)
			return;
		if (!has_vu && !date_prop(cred, "expirationDate", &has_vu, &vu, r) && stop)
			return;
		r->has_valid_from = has_vf;
		r->valid_from = vf;
		r->has_valid_until = has_vu;
		r->valid_until = vu;
		if (has_vf && as_of < vf)
		{
			cr_verify_fail(r, "not_yet_valid",
						   psprintf("the credential is valid from %s", timestamp_to_xsd(vf)));
			if (stop)
				return;
		}
		if (has_vu && as_of > vu)
		{
			cr_verify_fail(r, "expired",
						   psprintf("the credential expired at %s", timestamp_to_xsd(vu)));
			if (stop)
				return;
		}
	}

	/* credentialSchema (VCDM 2.0 §5.4) */
	if (crjson_get(cred, "credentialSchema") != NULL)
	{
		if (!stop)
			cr_verify_check(r, "schema");
		if (!cr_verify_credential_schema(cred, stop, r) && stop)
			return;
	}

	/* status lists */
	if (crjson_get(cred, "credentialStatus") != NULL)
	{
		if (!stop)
			cr_verify_check(r, "status");
		if (!cr_verify_status(cred, as_of, r) && stop)
			return;
	}
	else
		r->status = "active";

	/* trust list */
	if (!stop)
		cr_verify_check(r, "trust");
	cr_verify_trust(issuer, as_of, r);
}

void
cr_verify_trust(const char *issuer, TimestampTz as_of, CrVerification *r)
{
	const CrTrustedIssuer *ti;
	bool		found = crissuer_lookup_trusted(issuer, strlen(issuer), &ti);

	r->trusted = found &&
		!(ti->has_revoked_at && ti->revoked_at <= as_of) &&
		!(ti->has_valid_from && as_of < ti->valid_from) &&
		!(ti->has_valid_until && as_of >= ti->valid_until);
	if (!r->trusted)
		cr_verify_fail(r, "untrusted_issuer",
					   found ?
					   psprintf("the issuer %s is in credreg.trusted_issuer but not trusted at %s",
								issuer, timestamp_to_xsd(as_of)) :
					   psprintf("the issuer %s is not in credreg.trusted_issuer", issuer));
}

/* Issuer of the credential, or a failure. */
static bool
take_issuer(CrJson *cred, CrVerification *r)
{
	const CrJson *iv = crjson_get(cred, "issuer");

	r->issuer = cr_credential_issuer(cred);
	if (r->issuer == NULL)
		return cr_verify_fail(r, "malformed",
							  iv == NULL ? "the credential has no issuer" :
							  "the credential's issuer is neither a string nor an object with an id");
	return true;
}

/*
 * Backend-lifetime cache of JWS headers: credentials of one issuer share the
 * same header bytes, which are then decoded and parsed once.  Only headers
 * whose key is a did:key / did:jwk are cached; a header carrying a jwk is
 * not.  The decoded key belongs to the key cache: an entry keeps its own
 * copy of the kid and uses the key pointer only while the key cache's
 * generation is the one it was taken from (util/cache.h), else looks the
 * kid up again.
 */
#define HEADER_CACHE_SIZE 64

typedef struct HeaderEntry
{
	char	   *b64;			/* BASE64URL(header), NULL when empty */
	size_t		len;
	CrSigAlg	alg;
	char	   *kid;
	char	   *typ;
	const CrKey *key;			/* inline DID key, borrowed from the key cache */
	uint64		key_generation; /* of the key cache when key was taken */
	char	   *controller;
} HeaderEntry;

static HeaderEntry header_cache[HEADER_CACHE_SIZE];

static uint32
header_slot(const char *s, size_t len)
{
	uint32		h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8) s[i]) * 16777619u;
	return h % HEADER_CACHE_SIZE;
}

bool
cr_verify_take_issuer(CrJson *cred, CrVerification *r)
{
	return take_issuer(cred, r);
}

void
cr_verify_credential_checks(CrJson *cred, TimestampTz as_of, bool stop, CrVerification *r)
{
	check_credential(cred, NULL, 0, as_of, stop, r);
}

static void
verify_jws(const char *text, size_t len, TimestampTz as_of, bool stop, CrVerification *r)
{
	CrJws		jws;
	CredregFailure f;
	ResolvedKey rk;
	HeaderEntry *he;
	uint8	   *payload;
	size_t		plen;
	CrJson	   *pj;
	CrJson	   *cred;
	CrJwtKind	kind;
	bool		sig_ok;

	r->format = "jwt";
	if (!stop)
		cr_verify_check(r, "format");
	if (!crjws_split(text, len, &jws, &f))
	{
		fail_with(r, &f);
		return;
	}

	memset(&rk, 0, sizeof(rk));
	he = &header_cache[header_slot(text, jws.header_len)];
	if (he->b64 != NULL && he->len == jws.header_len && memcmp(he->b64, text, he->len) == 0)
	{
		jws.alg = he->alg;
		jws.kid = he->kid;
		jws.typ = he->typ;
		if (he->key_generation != crkey_cache_generation())
		{
			/* the key cache moved on: look the kid up again (it decoded before) */
			if (!crkey_cached(he->kid, strlen(he->kid), &he->key, &f))
			{
				cr_verify_fail(r, "key_unresolved",
							   psprintf("kid %s does not decode: %s", he->kid, f.message));
				return;
			}
			he->key_generation = crkey_cache_generation();
		}
		rk.key = he->key;
		rk.key_id = he->kid;
		rk.controller = he->controller;
	}
	else
	{
		if (!crjws_header(&jws, &f))
		{
			fail_with(r, &f);
			return;
		}
		if (jws.kid != NULL && is_inline_did(jws.kid) && jws.jwk == NULL)
		{
			/* cache it: inline keys do not change */
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			if (he->b64 != NULL)
			{
				pfree(he->b64);
				pfree(he->kid);
				if (he->typ)
					pfree(he->typ);
				if (he->controller)
					pfree(he->controller);
				he->b64 = NULL;
			}
			if (crkey_cached(jws.kid, strlen(jws.kid), &rk.key, &f))
			{
				he->len = jws.header_len;
				he->alg = jws.alg;
				he->kid = pstrdup(jws.kid);
				he->typ = jws.typ ? pstrdup(jws.typ) : NULL;
				he->key = rk.key;
				he->key_generation = crkey_cache_generation();
				he->controller = did_of(jws.kid);
				he->b64 = pnstrdup(text, jws.header_len);
				rk.key_id = he->kid;
				rk.controller = he->controller;
			}
			MemoryContextSwitchTo(old);
			if (rk.key == NULL)
			{
				cr_verify_fail(r, "key_unresolved",
							   psprintf("kid %s does not decode: %s", jws.kid, f.message));
				return;
			}
		}
	}

	/*
	 * A JWS naming no key may be a signed Open Badges 2.0 assertion, whose
	 * key its payload names (verification.creator): that module reads the
	 * payload only to find the key, and checks the signature first.
	 */
	if (rk.key == NULL && jws.kid == NULL && jws.jwk == NULL)
	{
		if (crjws_payload_bytes(&jws, &payload, &plen, &f) &&
			(pj = crjson_parse((const char *) payload, plen, &f)) != NULL &&
			crob2_is_assertion(pj))
		{
			crob2_verify_signed(&jws, pj, as_of, stop, r);
			return;
		}
	}

	/* the key: kid first, then a jwk header */
	if (!stop)
		cr_verify_check(r, "signature");
	if (rk.key == NULL)
	{
		if (jws.kid != NULL)
		{
			if (!resolve_method(jws.kid, NULL, &rk, &f) && jws.jwk == NULL)
			{
				fail_with(r, &f);
				return;
			}
		}
		if (rk.key == NULL && jws.jwk != NULL)
		{
			StringInfoData jwk;

			initStringInfo(&jwk);
			crjson_append_text(&jwk, jws.jwk);
			if (!crkey_cached(jwk.data, jwk.len, &rk.key, &f))
			{
				cr_verify_fail(r, "key_unresolved",
							   psprintf("the jwk header is not a usable key: %s", f.message));
				return;
			}
			rk.controller = NULL;
			rk.key_id = psprintf("jwk:%s", crkey_thumbprint(rk.key));
		}
		if (rk.key == NULL)
		{
			cr_verify_fail(r, "key_unresolved", "the JWS header names no key (no kid, no jwk)");
			return;
		}
	}
	r->key_id = rk.key_id;

	/* RFC 7515 §5.2 step 8: the signature, over the bytes as received */
	sig_ok = crjws_verify(&jws, rk.key, &f);
	if (!sig_ok)
	{
		fail_with(r, &f);
		return;
	}

	/* now the payload */
	if (!crjws_payload_bytes(&jws, &payload, &plen, &f) ||
		(pj = crjson_parse((const char *) payload, plen, &f)) == NULL)
	{
		cr_verify_fail(r, f.code, psprintf("JWS payload: %s", f.message));
		return;
	}
	if (!crjwt_credential(&jws, pj, &cred, &kind, &f))
	{
		fail_with(r, &f);
		return;
	}
	r->format = (kind == CRJWT_VC_JWT11) ? "vc-jwt" : "vc+jwt";
	r->credential = cred;
	if (!take_issuer(cred, r))
		return;
	check_credential(cred, &rk, 1, as_of, stop, r);
}

static void
verify_document(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r)
{
	CrDiProof  *proofs;
	int			nproofs;
	CredregFailure f;
	ResolvedKey *keys;
	const char *suite = NULL;

	/* proofs of another shape, verified by their own module */
	if (crbc_is_merkle_document(doc))
	{
		crbc_verify_document(doc, as_of, stop, r);
		return;
	}
	r->format = "data-integrity";
	if (!stop)
		cr_verify_check(r, "format");
	if (!crdi_proofs(doc, &proofs, &nproofs, &f))
	{
		fail_with(r, &f);
		return;
	}
	r->credential = crjson_object_without(doc, "proof");
	for (int i = 0; i < nproofs; i++)
	{
		if (suite == NULL)
			suite = proofs[i].cryptosuite;
		else if (strcmp(suite, proofs[i].cryptosuite) != 0)
			suite = "data-integrity";
	}
	r->format = suite;
	if (!take_issuer(doc, r))
		return;

	if (!stop)
		cr_verify_check(r, "proof");
	keys = palloc0(sizeof(ResolvedKey) * nproofs);
	for (int i = 0; i < nproofs; i++)
	{
		CrDiProof  *p = &proofs[i];

		if (strcmp(p->purpose, "assertionMethod") != 0)
		{
			cr_verify_fail(r, "proof_purpose",
						   psprintf("proofPurpose is \"%s\", not assertionMethod", p->purpose));
			if (stop)
				return;
			continue;
		}
		if (p->suite == NULL)
		{
			cr_verify_fail(r, "unsupported_format",
						   psprintf("cryptosuite \"%s\" is not supported", p->cryptosuite));
			if (stop)
				return;
			continue;
		}
		if (!resolve_method(p->verification_method, r->issuer, &keys[i], &f))
		{
			fail_with(r, &f);
			if (stop)
				return;
			continue;
		}
		if (r->key_id == NULL)
			r->key_id = keys[i].key_id;
		if (p->suite->note != NULL && !stop)
			cr_verify_check(r, p->suite->note);
		if (!crdi_verify_proof(doc, proofs, nproofs, i, keys[i].key, &f))
		{
			keys[i].key = NULL;	/* not checked for binding */
			fail_with(r, &f);
			if (stop)
				return;
			continue;
		}
		if (p->has_expires && as_of > p->expires)
		{
			cr_verify_fail(r, "expired",
						   psprintf("the proof expired at %s", timestamp_to_xsd(p->expires)));
			if (stop)
				return;
		}
	}
	check_credential(doc, keys, nproofs, as_of, stop, r);
}

static void
init_result(CrVerification *r)
{
	memset(r, 0, sizeof(*r));
	r->valid = true;
	r->status = "unknown";
}

void
cr_verify_json(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r)
{
	init_result(r);
	if (doc->kind == CRJ_STRING)
	{
		if (cr_sdjwt_looks_like(doc->u.str, doc->count))
			cr_sdjwt_verify(doc->u.str, doc->count, as_of, NULL, stop, r, NULL);
		else
			verify_jws(doc->u.str, doc->count, as_of, stop, r);
		return;
	}
	if (doc->kind != CRJ_OBJECT)
	{
		r->format = "unknown";
		cr_verify_fail(r, "unsupported_format", "a credential is a JSON object or a JWS string");
		return;
	}
	/* an OB 2.0 assertion without proof (nor a Blockcerts v2 "signature") is a hosted one */
	if (crob2_is_assertion(doc) && crjson_get(doc, "proof") == NULL &&
		crjson_get(doc, "signature") == NULL)
	{
		crob2_verify_hosted(doc, as_of, stop, r);
		return;
	}
	verify_document(doc, as_of, stop, r);
}

void
cr_verify_text(const char *text, size_t len, TimestampTz as_of, bool stop, CrVerification *r)
{
	size_t		i = 0;

	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
		i++;
	if (i < len && (text[i] == '{' || text[i] == '"' || text[i] == '['))
	{
		CredregFailure f;
		CrJson	   *doc = crjson_parse(text, len, &f);

		if (doc == NULL)
		{
			init_result(r);
			r->format = "unknown";
			fail_with(r, &f);
			return;
		}
		cr_verify_json(doc, as_of, stop, r);
		return;
	}
	init_result(r);
	/* trailing whitespace around a JWS is tolerated (text columns, files) */
	while (len > i && (text[len - 1] == ' ' || text[len - 1] == '\n' ||
					   text[len - 1] == '\r' || text[len - 1] == '\t'))
		len--;
	/*
	 * an Open Badges 2.0 hosted assertion given by its URL (':' and '/' are
	 * not base64url, so no JWS starts so)
	 */
	if (len - i > 8 && (strncmp(text + i, "https://", 8) == 0 || strncmp(text + i, "http://", 7) == 0))
	{
		crob2_verify_hosted_url(pnstrdup(text + i, len - i), as_of, stop, r);
		return;
	}
	if (cr_sdjwt_looks_like(text + i, len - i))
	{
		cr_sdjwt_verify(text + i, len - i, as_of, NULL, stop, r, NULL);
		return;
	}
	/* a JWS: has a '.', or starts like a base64url JSON object ("eyJ", a truncated JWS) */
	if (len > i && (memchr(text + i, '.', len - i) != NULL ||
					(len - i >= 3 && memcmp(text + i, "eyJ", 3) == 0)))
	{
		verify_jws(text + i, len - i, as_of, stop, r);
		return;
	}
	r->format = "unknown";
	cr_verify_fail(r, "unsupported_format",
				   "the credential is neither a JWS compact serialization nor a JSON document");
}

/* For other formats (verify_internal.h). */
bool
cr_verify_resolve_key(const char *vm, const char *issuer, ResolvedKey *rk, CredregFailure *f)
{
	return resolve_method(vm, issuer, rk, f);
}

bool
cr_verify_bind_key(ResolvedKey *rk, const char *issuer, TimestampTz as_of, CrVerification *r)
{
	return check_binding(rk, issuer, as_of, r);
}
