/*
 * present_jwt.c
 *		JWS presentations: VC-JWT 1.1 (a `vp` claim; VC-JWT 1.1 §6.3.2:
 *		iss is the holder, nonce the challenge, aud the domain) and
 *		VC-JOSE-COSE `vp+jwt` (the payload is the presentation, its holder
 *		signs; credentials are EnvelopedVerifiableCredential entries).
 *
 * As for a credential, the signature is checked over the received bytes
 * before the payload is decoded.
 */
#include "postgres.h"

#include <string.h>

#include "jose/jose.h"
#include "present/present.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

void
cr_present_jws(const char *text, size_t len, const CrPresentExpect *expect,
			   TimestampTz as_of, CrPresentation *p)
{
	CrJws		jws;
	CredregFailure f;
	ResolvedKey rk;
	uint8	   *bytes;
	size_t		blen;
	CrJson	   *claims;
	const CrJson *vp;
	const char *iss;
	const char *nonce;
	bool		jose;
	bool		has_exp,
				has_nbf,
				has_iat;
	TimestampTz exp,
				nbf,
				iat;

	p->self.format = "jwt";
	if (!crjws_parse(text, len, &jws, &f))
	{
		cr_verify_fail(&p->self, f.code, f.message);
		return;
	}
	jose = jws.typ != NULL && (strcmp(jws.typ, "vp+jwt") == 0 || strcmp(jws.typ, "vp-ld+jwt") == 0);

	/* RFC 7515 §5.2 step 8: the signature under the key kid names */
	cr_verify_check(&p->self, "signature");
	if (!cr_verify_jws_key(&jws, "the presentation's JWS header", &rk, &p->self))
		return;
	p->self.key_id = rk.key_id;
	if (!crjws_verify(&jws, rk.key, &f))
	{
		cr_verify_fail(&p->self, f.code, f.message);
		return;
	}
	if (!crjws_payload_bytes(&jws, &bytes, &blen, &f) ||
		(claims = crjson_parse((const char *) bytes, blen, &f)) == NULL)
	{
		cr_verify_fail(&p->self, f.code, psprintf("JWS payload: %s", f.message));
		return;
	}
	if (claims->kind != CRJ_OBJECT)
	{
		cr_verify_fail(&p->self, "malformed", "the JWS payload is not a JSON object");
		return;
	}

	/* which presentation: vp+jwt's payload is one; VC-JWT 1.1 wraps it in vp */
	vp = jose ? claims : crjson_get(claims, "vp");
	if (vp == NULL || vp->kind != CRJ_OBJECT)
	{
		p->self.format = "jwt";
		cr_verify_fail(&p->self, "unsupported_format",
					   "the JWS is not a presentation: no vp claim and typ is not vp+jwt");
		return;
	}
	p->self.format = jose ? "vp+jwt" : "vp-jwt";

	/*
	 * The holder: iss (VC-JWT 1.1 §6.3.1 maps it to holder) and the
	 * presentation's holder must agree; VC-JOSE-COSE has only holder.
	 */
	cr_verify_check(&p->self, "holder_binding");
	iss = crjson_get_string(claims, "iss");
	p->holder = cr_present_holder_id(crjson_get(vp, "holder"));
	if (p->holder != NULL && iss != NULL && strcmp(p->holder, iss) != 0)
		cr_verify_fail(&p->self, "holder_mismatch",
					   psprintf("iss %s is not the presentation's holder %s", iss, p->holder));
	if (p->holder == NULL)
		p->holder = iss;
	if (p->holder == NULL)
	{
		/* no holder named: the signer is the holder */
		p->holder = rk.controller;
		if (p->holder == NULL)
			cr_verify_fail(&p->self, "holder_mismatch",
						   "the presentation names no holder (iss, holder) and its key has no controller");
	}
	else
		cr_present_bind_holder(&rk, as_of, p);

	/* the verifier's challenge and domain (VC-JWT 1.1 §6.3.2) */
	if (expect->challenge != NULL)
	{
		cr_verify_check(&p->self, "challenge");
		nonce = crjson_get_string(claims, "nonce");
		if (nonce == NULL || strcmp(nonce, expect->challenge) != 0)
			cr_verify_fail(&p->self, "challenge_mismatch",
						   nonce == NULL ? "the presentation has no nonce" :
						   "the presentation's nonce is not the expected challenge");
	}
	if (expect->domain != NULL)
	{
		cr_verify_check(&p->self, "domain");
		/* aud is the domain, or an array holding it (RFC 7519 §4.1.3) */
		if (!crjson_has_string(crjson_get(claims, "aud"), expect->domain))
			cr_verify_fail(&p->self, "domain_mismatch",
						   psprintf("the presentation's aud does not name %s", expect->domain));
	}

	/* lifetime: RFC 7519 §4.1.4, §4.1.5 */
	cr_verify_check(&p->self, "validity");
	if (cr_verify_date_claim(claims, "exp", "malformed", &has_exp, &exp, &p->self) &&
		cr_verify_date_claim(claims, "nbf", "malformed", &has_nbf, &nbf, &p->self) &&
		cr_verify_date_claim(claims, "iat", "malformed", &has_iat, &iat, &p->self))
	{
		if (has_exp && as_of >= exp)
			cr_verify_fail(&p->self, "presentation_expired",
						   psprintf("the presentation expired at %s", timestamp_to_xsd(exp)));
		if ((has_nbf && as_of < nbf) || (has_iat && as_of < iat))
			cr_verify_fail(&p->self, "presentation_not_yet_valid",
						   psprintf("the presentation is valid from %s",
									timestamp_to_xsd(has_nbf ? nbf : iat)));
	}

	cr_present_credentials(crjson_get(vp, "verifiableCredential"), as_of, p);
}
