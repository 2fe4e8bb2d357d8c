/*
 * sdjwt_verify.c
 *		Verifying an SD-JWT VC presentation (see sdjwt.h): RFC 9901 §7.1
 *		(the SD-JWT) and §7.3 (the verifier, with key binding), and the
 *		SD-JWT VC draft's typ, vct and non-disclosable claims.
 *
 * Order of work, as for a vc+jwt: split, read the header, resolve the
 * issuer key, check the signature over the received bytes, and only then
 * decode the payload and the disclosures.  Key resolution, the binding of
 * the key to iss and the trust list are the verifier's own (verify/).
 */
#include "postgres.h"

#include <string.h>

#include "jose/jose.h"
#include "sdjwt/sdjwt.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

static bool
fail_with(CrVerification *r, const CredregFailure *f)
{
	return cr_verify_fail(r, f->code, f->message);
}

/* RFC 9901 §7.3 step 5: the Key Binding JWT. */
static bool
check_key_binding(const CrSdJwt *sd, const CrJson *payload, CrSdAlg alg, TimestampTz as_of,
				  const CrSdJwtExpect *expect, bool stop, CrVerification *r)
{
	const CrJson *jwk = crjson_get(crjson_get(payload, "cnf"), "jwk");
	const CrKey *holder;
	StringInfoData jwktext;
	CrJws		kb;
	CredregFailure f;
	uint8	   *bytes;
	size_t		blen;
	CrJson	   *claims;
	const char *aud;
	const char *nonce;
	const char *sd_hash;
	bool		has_iat,
				has_exp,
				has_nbf;
	TimestampTz iat,
				exp,
				nbf;
	bool		ok = true;

	/* step 5.1: the holder's key is cnf.jwk (RFC 7800 §3.2) */
	if (jwk == NULL || jwk->kind != CRJ_OBJECT)
		return cr_verify_fail(r, "holder_key_missing",
							  "a Key Binding JWT needs the holder's key in cnf.jwk, which the SD-JWT lacks");
	initStringInfo(&jwktext);
	crjson_append_text(&jwktext, jwk);
	if (!crkey_cached(jwktext.data, jwktext.len, &holder, &f))
		return cr_verify_fail(r, "holder_key_missing", psprintf("cnf.jwk is not a usable key: %s", f.message));

	/* steps 5.2 to 5.4: algorithm, signature, typ */
	if (!crjws_parse(sd->kb, sd->kb_len, &kb, &f))
		return cr_verify_fail(r, strcmp(f.code, "malformed") == 0 ? "kb_malformed" : f.code,
							  psprintf("Key Binding JWT: %s", f.message));
	if (kb.typ == NULL || strcmp(kb.typ, "kb+jwt") != 0)
		return cr_verify_fail(r, "kb_malformed", "the Key Binding JWT's typ is not kb+jwt");
	if (!crjws_verify(&kb, holder, &f))
		return cr_verify_fail(r, "kb_signature_invalid",
							  psprintf("the Key Binding JWT is not signed by the key in cnf.jwk: %s", f.message));
	if (!crjws_payload_bytes(&kb, &bytes, &blen, &f) ||
		(claims = crjson_parse((const char *) bytes, blen, &f)) == NULL ||
		claims->kind != CRJ_OBJECT)
		return cr_verify_fail(r, "kb_malformed", "the Key Binding JWT's payload is not a JSON object");

	/* §4.3: iat, aud (one string), nonce and sd_hash are required */
	aud = crjson_get_string(claims, "aud");
	nonce = crjson_get_string(claims, "nonce");
	sd_hash = crjson_get_string(claims, "sd_hash");
	if (!cr_verify_date_claim(claims, "iat", "kb_malformed", &has_iat, &iat, r) ||
		!cr_verify_date_claim(claims, "exp", "kb_malformed", &has_exp, &exp, r) ||
		!cr_verify_date_claim(claims, "nbf", "kb_malformed", &has_nbf, &nbf, r))
		return false;
	if (!has_iat || aud == NULL || nonce == NULL || sd_hash == NULL)
		return cr_verify_fail(r, "kb_malformed",
							  "the Key Binding JWT lacks one of iat, aud (a string), nonce, sd_hash");

	/* step 5.7: sd_hash over <issuer JWT>~<disclosures>~ as presented */
	if (strcmp(sd_hash, cr_sdjwt_digest(alg, sd->text, sd->presented_len)) != 0)
	{
		ok = cr_verify_fail(r, "sd_hash_mismatch",
							"the Key Binding JWT's sd_hash is not the hash of the presented SD-JWT");
		if (stop)
			return false;
	}
	/* step 5.6: bound to this transaction and this verifier */
	if (expect != NULL && expect->nonce != NULL && strcmp(nonce, expect->nonce) != 0)
	{
		ok = cr_verify_fail(r, "challenge_mismatch", "the Key Binding JWT's nonce is not the expected challenge");
		if (stop)
			return false;
	}
	if (expect != NULL && expect->audience != NULL && strcmp(aud, expect->audience) != 0)
	{
		ok = cr_verify_fail(r, "domain_mismatch",
							psprintf("the Key Binding JWT is for the audience %s, not %s", aud, expect->audience));
		if (stop)
			return false;
	}
	/* step 5.5 and RFC 7519: iat not in the future, nbf and exp respected */
	if (as_of < iat || (has_nbf && as_of < nbf))
	{
		ok = cr_verify_fail(r, "presentation_not_yet_valid",
							psprintf("the Key Binding JWT is issued at %s, after %s",
									 timestamp_to_xsd(iat), timestamp_to_xsd(as_of)));
		if (stop)
			return false;
	}
	if ((has_exp && as_of >= exp) ||
		(expect != NULL && expect->max_kb_age_seconds > 0 &&
		 as_of - iat > expect->max_kb_age_seconds * USECS_PER_SEC))
	{
		ok = cr_verify_fail(r, "presentation_expired",
							has_exp && as_of >= exp ?
							psprintf("the Key Binding JWT expired at %s", timestamp_to_xsd(exp)) :
							psprintf("the Key Binding JWT, issued at %s, is older than %lld seconds",
									 timestamp_to_xsd(iat), (long long) expect->max_kb_age_seconds));
		if (stop)
			return false;
	}
	return ok;
}

void
cr_sdjwt_verify(const char *text, size_t len, TimestampTz as_of, const CrSdJwtExpect *expect,
				bool stop, CrVerification *r, bool *key_bound)
{
	CrSdJwt		sd;
	CrJws		jws;
	CredregFailure f;
	ResolvedKey rk;
	uint8	   *bytes;
	size_t		blen;
	CrJson	   *payload;
	CrJson	   *processed;
	CrSdAlg		alg;
	const char *iss;
	bool		has_iat,
				has_nbf,
				has_exp;
	TimestampTz iat = 0,
				nbf = 0,
				exp = 0;
	bool		require_kb = expect != NULL &&
		(expect->require_key_binding || expect->nonce != NULL || expect->audience != NULL);

	if (key_bound)
		*key_bound = false;
	r->format = "sd-jwt";
	if (!stop)
		cr_verify_check(r, "format");
	if (!cr_sdjwt_split(text, len, &sd, &f) ||
		!crjws_split(sd.jwt, sd.jwt_len, &jws, &f) ||
		!crjws_header(&jws, &f))
	{
		fail_with(r, &f);
		return;
	}
	/* SD-JWT VC §3.2.1: typ dc+sd-jwt; vc+sd-jwt is its name until 2024 */
	if (jws.typ == NULL || (strcmp(jws.typ, "dc+sd-jwt") != 0 && strcmp(jws.typ, "vc+sd-jwt") != 0))
	{
		cr_verify_fail(r, "unsupported_format",
					   psprintf("the issuer-signed JWT's typ is %s; an SD-JWT VC is typed dc+sd-jwt",
								jws.typ ? jws.typ : "absent"));
		return;
	}
	r->format = jws.typ;

	/* §7.1 step 2: the issuer signature over the received bytes */
	if (!stop)
		cr_verify_check(r, "signature");
	if (!cr_verify_jws_key(&jws, "the issuer-signed JWT", &rk, r))
		return;
	r->key_id = rk.key_id;
	if (!crjws_verify(&jws, rk.key, &f))
	{
		fail_with(r, &f);
		return;
	}
	if (!crjws_payload_bytes(&jws, &bytes, &blen, &f) ||
		(payload = crjson_parse((const char *) bytes, blen, &f)) == NULL)
	{
		cr_verify_fail(r, f.code, psprintf("SD-JWT payload: %s", f.message));
		return;
	}
	if (payload->kind != CRJ_OBJECT)
	{
		cr_verify_fail(r, "malformed", "the SD-JWT payload is not a JSON object");
		return;
	}
	iss = crjson_get_string(payload, "iss");
	if (iss == NULL)
	{
		cr_verify_fail(r, "malformed", "the SD-JWT VC has no iss string, so its key cannot be bound to an issuer");
		return;
	}
	r->issuer = iss;

	/* §7.1 steps 2.5, 3 to 5: _sd_alg and the disclosures */
	if (!stop)
		cr_verify_check(r, "disclosures");
	if (!cr_sdjwt_payload_alg(payload, &alg, &f) ||
		!cr_sdjwt_process(&sd, payload, alg, true, &processed, &f))
	{
		fail_with(r, &f);
		return;
	}
	r->credential = processed;
	r->subject = crjson_get_string(processed, "sub");
	if (crjson_get_string(processed, "vct") == NULL)
	{
		cr_verify_fail(r, "malformed", "the SD-JWT VC has no vct string");
		if (stop)
			return;
	}

	/* §7.1 step 2.3: the key belongs to iss */
	if (!stop)
		cr_verify_check(r, "issuer_binding");
	if (!cr_verify_bind_key(&rk, iss, as_of, r) && stop)
		return;

	/* §7.1 step 6: iat, nbf, exp at as_of */
	if (!stop)
		cr_verify_check(r, "validity");
	if (!cr_verify_date_claim(processed, "iat", "malformed", &has_iat, &iat, r) ||
		!cr_verify_date_claim(processed, "nbf", "malformed", &has_nbf, &nbf, r) ||
		!cr_verify_date_claim(processed, "exp", "malformed", &has_exp, &exp, r))
	{
		if (stop)
			return;
	}
	r->has_valid_from = has_nbf || has_iat;
	r->valid_from = has_nbf ? nbf : iat;
	r->has_valid_until = has_exp;
	r->valid_until = exp;
	if ((has_nbf && as_of < nbf) || (has_iat && as_of < iat))
	{
		cr_verify_fail(r, "not_yet_valid",
					   psprintf("the SD-JWT VC is valid from %s",
								timestamp_to_xsd(has_iat && (!has_nbf || iat > nbf) ? iat : nbf)));
		if (stop)
			return;
	}
	if (has_exp && as_of >= exp)
	{
		cr_verify_fail(r, "expired", psprintf("the SD-JWT VC expired at %s", timestamp_to_xsd(exp)));
		if (stop)
			return;
	}

	/* §7.3: key binding, when required or presented */
	if (sd.kb != NULL || require_kb)
	{
		if (!stop)
			cr_verify_check(r, "key_binding");
		if (sd.kb == NULL)
		{
			cr_verify_fail(r, "kb_missing", "key binding is required but the SD-JWT has no Key Binding JWT");
			if (stop)
				return;
		}
		else if (check_key_binding(&sd, payload, alg, as_of, expect, stop, r))
		{
			if (key_bound)
				*key_bound = true;
		}
		else if (stop)
			return;
	}

	/*
	 * Status: SD-JWT VC uses the IETF Token Status List (a JWT credreg does
	 * not store); a credential that names one cannot be judged active.
	 */
	if (crjson_get(processed, "status") != NULL)
	{
		if (!stop)
			cr_verify_check(r, "status");
		cr_verify_fail(r, "status_unavailable",
					   "the SD-JWT VC has a status claim (Token Status List), which credreg cannot check");
		if (stop)
			return;
	}
	else
		r->status = "active";

	if (!stop)
		cr_verify_check(r, "trust");
	cr_verify_trust(iss, as_of, r);
}
