/*
 * jwt.c
 *		The credential a JWT carries, and its registered claims.
 *
 * VC-JOSE (vc-jose-cose §3.1.1): with typ "vc+jwt" the payload is the
 * credential.  VC-JWT (VC Data Model 1.1 §6.3.1, "JWT decoding"): the
 * credential is the `vc` claim, and iss, sub, jti, nbf and exp are
 * transformed into issuer, credentialSubject.id, id, issuanceDate (v1) or
 * validFrom (v2) and expirationDate or validUntil.  Where the credential
 * already holds the property and the claim says something else, the JWT
 * contradicts itself and is refused; a verifier that picked one of the two
 * would let the signer show two different credentials to two audiences.
 */
#include "postgres.h"

#include <math.h>
#include <string.h>

#include "jose/jose.h"
#include "util/datetime.h"

#define VC_V1_CONTEXT "https://www.w3.org/2018/credentials/v1"

static bool
is_v1(const CrJson *cred)
{
	const CrJson *ctx = crjson_get(cred, "@context");

	if (ctx != NULL && ctx->kind == CRJ_ARRAY && ctx->count > 0)
		ctx = ctx->u.elems[0];
	return crjson_is_string(ctx, VC_V1_CONTEXT);
}

const char *
crjwt_issuer_id(const CrJson *cred)
{
	const CrJson *iss = crjson_get(cred, "issuer");

	if (iss == NULL)
		return NULL;
	if (iss->kind == CRJ_STRING)
		return iss->u.str;
	return crjson_get_string(iss, "id");
}

/* Ensures cred is our own shallow copy before it is changed. */
static CrJson *
writable(CrJson *cred, bool *copied)
{
	if (!*copied)
	{
		/* a shallow copy: no member is named "\x01" in strict JSON we produce */
		cred = crjson_object_without(cred, "\x01");
		*copied = true;
	}
	return cred;
}

static bool
claim_string(const CrJson *payload, const char *name, const char **value, CredregFailure *failure)
{
	const CrJson *v = crjson_get(payload, name);

	*value = NULL;
	if (v == NULL)
		return true;
	if (v->kind != CRJ_STRING)
		return credreg_fail(failure, "malformed", "JWT claim \"%s\" is not a string", name);
	*value = v->u.str;
	return true;
}

/*
 * A NumericDate claim against the credential's date property `prop`:
 * equal to the second, or absent from the credential (then filled in).
 */
static bool
map_date(CrJson **cred, bool *copied, const CrJson *payload, const char *claim,
		 const char *prop, CredregFailure *failure)
{
	const CrJson *v = crjson_get(payload, claim);
	double		secs;
	TimestampTz claim_ts;
	const CrJson *have;

	if (v == NULL)
		return true;
	if (v->kind != CRJ_NUMBER || !crjson_number_value(v, &secs) ||
		!numericdate_to_timestamp(secs, &claim_ts))
		return credreg_fail(failure, "malformed", "JWT claim \"%s\" is not a valid NumericDate", claim);
	have = crjson_get(*cred, prop);
	if (have != NULL)
	{
		TimestampTz cred_ts;

		if (have->kind != CRJ_STRING)
			return credreg_fail(failure, "malformed", "credential property \"%s\" is not a string", prop);
		if (!xsd_datetime_parse(have->u.str, have->count, &cred_ts, prop, failure))
			return false;
		/* NumericDate has whole seconds in practice; compare to the second */
		if (cred_ts / USECS_PER_SEC != claim_ts / USECS_PER_SEC &&
			!(cred_ts < 0 && (cred_ts - 999999) / USECS_PER_SEC == claim_ts / USECS_PER_SEC))
			return credreg_fail(failure, "claim_mismatch",
								"JWT claim \"%s\" (%s) contradicts the credential's %s (%s)",
								claim, timestamp_to_xsd(claim_ts), prop, have->u.str);
		return true;
	}
	*cred = writable(*cred, copied);
	crjson_object_put(*cred, prop, crjson_make_string(timestamp_to_xsd(claim_ts)));
	return true;
}

bool
crjwt_credential(const CrJws *jws, CrJson *payload, CrJson **credential,
				 CrJwtKind *kind, CredregFailure *failure)
{
	CrJson	   *cred;
	const CrJson *vc;
	bool		copied = false;
	bool		v1;
	const char *iss,
			   *sub,
			   *jti;

	if (payload->kind != CRJ_OBJECT)
		return credreg_fail(failure, "unsupported_format", "JWT payload is not a JSON object");

	vc = crjson_get(payload, "vc");
	if (jws->typ != NULL &&
		(strcmp(jws->typ, "vc+jwt") == 0 || strcmp(jws->typ, "vc+ld+jwt") == 0))
	{
		*kind = CRJWT_VC_JOSE;
		cred = payload;
	}
	else if (vc != NULL)
	{
		if (vc->kind != CRJ_OBJECT)
			return credreg_fail(failure, "malformed", "JWT claim \"vc\" is not a JSON object");
		*kind = CRJWT_VC_JWT11;
		cred = (CrJson *) vc;
	}
	else if (crjson_get(payload, "@context") != NULL)
	{
		/* an untyped JWT whose payload is a credential (OB 3.0 style) */
		*kind = CRJWT_VC_JOSE;
		cred = payload;
	}
	else
		return credreg_fail(failure, "unsupported_format",
							"JWT carries no credential (no \"vc\" claim, typ is not \"vc+jwt\")");

	v1 = is_v1(cred);
	if (!claim_string(payload, "iss", &iss, failure) ||
		!claim_string(payload, "sub", &sub, failure) ||
		!claim_string(payload, "jti", &jti, failure))
		return false;

	if (iss != NULL)
	{
		const CrJson *issv = crjson_get(cred, "issuer");
		const char *have = crjwt_issuer_id(cred);

		if (have != NULL)
		{
			if (strcmp(have, iss) != 0)
				return credreg_fail(failure, "issuer_mismatch",
									"JWT claim \"iss\" (%s) contradicts the credential's issuer (%s)",
									iss, have);
		}
		else if (issv == NULL || issv->kind == CRJ_OBJECT)
		{
			cred = writable(cred, &copied);
			if (issv == NULL)
				crjson_object_put(cred, "issuer", crjson_make_string(iss));
			else
			{
				CrJson	   *o = crjson_object_without(issv, "id");

				crjson_object_put(o, "id", crjson_make_string(iss));
				crjson_object_put(cred, "issuer", o);
			}
		}
		else
			return credreg_fail(failure, "malformed", "credential \"issuer\" is neither a string nor an object");
	}

	if (jti != NULL)
	{
		const CrJson *id = crjson_get(cred, "id");

		if (id != NULL)
		{
			if (!crjson_is_string(id, jti))
				return credreg_fail(failure, "claim_mismatch",
									"JWT claim \"jti\" (%s) contradicts the credential's id", jti);
		}
		else
		{
			cred = writable(cred, &copied);
			crjson_object_put(cred, "id", crjson_make_string(jti));
		}
	}

	if (sub != NULL)
	{
		const CrJson *cs = crjson_get(cred, "credentialSubject");

		if (cs != NULL && cs->kind == CRJ_ARRAY)
		{
			bool		found = false;

			for (int i = 0; i < cs->count && !found; i++)
				found = crjson_is_string(crjson_get(cs->u.elems[i], "id"), sub);
			if (!found)
				return credreg_fail(failure, "claim_mismatch",
									"JWT claim \"sub\" (%s) names none of the credential's subjects", sub);
		}
		else if (cs != NULL && cs->kind == CRJ_OBJECT)
		{
			const CrJson *id = crjson_get(cs, "id");

			if (id != NULL)
			{
				if (!crjson_is_string(id, sub))
					return credreg_fail(failure, "claim_mismatch",
										"JWT claim \"sub\" (%s) contradicts credentialSubject.id", sub);
			}
			else
			{
				CrJson	   *o = crjson_object_without(cs, "id");

				crjson_object_put(o, "id", crjson_make_string(sub));
				cred = writable(cred, &copied);
				crjson_object_put(cred, "credentialSubject", o);
			}
		}
		else if (cs == NULL)
		{
			CrJson	   *o = crjson_make_object(1);

			crjson_object_put(o, "id", crjson_make_string(sub));
			cred = writable(cred, &copied);
			crjson_object_put(cred, "credentialSubject", o);
		}
		else
			return credreg_fail(failure, "malformed", "credentialSubject is neither an object nor an array");
	}

	if (!map_date(&cred, &copied, payload, "nbf", v1 ? "issuanceDate" : "validFrom", failure) ||
		!map_date(&cred, &copied, payload, "exp", v1 ? "expirationDate" : "validUntil", failure))
		return false;

	*credential = cred;
	return true;
}
