/*
 * detached_jws.c
 *		The "jws" of the Linked Data Signatures suites
 *		(EcdsaSecp256k1Signature2019): a JWS with detached, unencoded payload
 *		(RFC 7515 Appendix F, RFC 7797): BASE64URL(header) '..'
 *		BASE64URL(signature), the header {"alg":…, "b64":false,
 *		"crit":["b64"]}.  Pure (no server calls), so that fuzz_jose runs it.
 */
#include "postgres.h"

#include "dataint/dataint.h"
#include "util/encoding.h"

bool
crdi_detached_jws_parse(const char *jws, const char *alg, size_t *header_len,
						uint8 **sig, size_t *siglen, CredregFailure *failure)
{
	const char *dot1 = strchr(jws, '.');
	const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	uint8	   *hbytes;
	size_t		hlen;
	CrJson	   *header;
	const CrJson *b64;
	const CrJson *crit;

	if (dot1 == NULL || dot2 != dot1 + 1 || strchr(dot2 + 1, '.') != NULL)
		return credreg_fail(failure, "malformed", "\"jws\" is not a detached JWS (header..signature)");
	if (dot1 == jws || !base64url_decode(jws, dot1 - jws, &hbytes, &hlen))
		return credreg_fail(failure, "malformed", "the JWS header is not valid base64url");
	header = crjson_parse((const char *) hbytes, hlen, failure);
	if (header == NULL || header->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "the JWS header is not a JSON object");
	if (!crjson_is_string(crjson_get(header, "alg"), alg))
		return credreg_fail(failure, "algorithm_refused", "the JWS header's alg must be %s", alg);
	/* RFC 7797 §3 and §6: b64 false, and listed in crit */
	b64 = crjson_get(header, "b64");
	crit = crjson_get(header, "crit");
	if (b64 == NULL || b64->kind != CRJ_FALSE)
		return credreg_fail(failure, "malformed", "the JWS has an unencoded payload (b64 false)");
	if (crit == NULL || crit->kind != CRJ_ARRAY || crit->count != 1 ||
		!crjson_is_string(crit->u.elems[0], "b64"))
		return credreg_fail(failure, "malformed", "the JWS header's crit must be [\"b64\"] (RFC 7797 section 6)");
	if (!base64url_decode(dot2 + 1, strlen(dot2 + 1), sig, siglen))
		return credreg_fail(failure, "malformed", "the JWS signature is not valid base64url");
	*header_len = dot1 - jws;
	return true;
}
