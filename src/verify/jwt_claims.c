/*
 * jwt_claims.c
 *		What every JWS-secured format (presentations, SD-JWT VC) reads the
 *		same way: the key its header names, and NumericDate claims.
 */
#include "postgres.h"

#include "jose/jose.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

/*
 * The key a JWS header names: kid first, resolved as a credential's
 * verification method is (did:key / did:jwk, credreg.issuer_key, stored DID
 * documents), then a jwk header (bound by its thumbprint, no controller).
 * signer says what names no key in the failure message ("the
 * presentation's JWS header", "the issuer-signed JWT").
 */
bool
cr_verify_jws_key(const CrJws *jws, const char *signer, ResolvedKey *rk, CrVerification *r)
{
	CredregFailure f;

	memset(rk, 0, sizeof(*rk));
	if (jws->kid != NULL && cr_verify_resolve_key(jws->kid, NULL, rk, &f))
		return true;
	if (jws->jwk != NULL)
	{
		StringInfoData jwk;

		initStringInfo(&jwk);
		crjson_append_text(&jwk, jws->jwk);
		if (!crkey_cached(jwk.data, jwk.len, &rk->key, &f))
			return cr_verify_fail(r, "key_unresolved",
								  psprintf("the jwk header is not a usable key: %s", f.message));
		rk->controller = NULL;
		rk->key_id = psprintf("jwk:%s", crkey_thumbprint(rk->key));
		return true;
	}
	if (jws->kid != NULL)
		return cr_verify_fail(r, f.code, f.message);
	return cr_verify_fail(r, "key_unresolved", psprintf("%s names no key (no kid, no jwk)", signer));
}

/*
 * A NumericDate claim (RFC 7519 §2): absent is fine (*has false), anything
 * but a number in range fails with code.
 */
bool
cr_verify_date_claim(const CrJson *claims, const char *name, const char *code, bool *has,
					 TimestampTz *ts, CrVerification *r)
{
	const CrJson *v = crjson_get(claims, name);
	double		secs;

	*has = false;
	if (v == NULL)
		return true;
	if (!crjson_number_value(v, &secs) || !numericdate_to_timestamp(secs, ts))
		return cr_verify_fail(r, code, psprintf("the claim \"%s\" is not a NumericDate", name));
	*has = true;
	return true;
}
