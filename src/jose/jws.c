/*
 * jws.c
 *		JWS compact serialization: split, check the protected header against
 *		the allow-list, verify over the received bytes, sign.
 *
 * RFC 7515 §5.2 (Message Signature Validation): the signing input is
 * ASCII(BASE64URL(header) '.' BASE64URL(payload)) exactly as received, so
 * the signature is checked before the payload is decoded or parsed.
 */
#include "postgres.h"

#include <string.h>

#include "jose/jose.h"
#include "util/encoding.h"

/*
 * The allow-list.  Anything else -- "none", the HMAC algorithms (a public
 * key must never be usable as an HMAC secret), RSA1_5, ES512 -- is refused
 * by name before a key is looked at.
 */
static bool
alg_allowed(const char *name, CrSigAlg *alg)
{
	if (strcmp(name, "EdDSA") == 0)
		*alg = CRSIG_EDDSA;
	else if (strcmp(name, "ES256") == 0)
		*alg = CRSIG_ES256;
	else if (strcmp(name, "ES384") == 0)
		*alg = CRSIG_ES384;
	else if (strcmp(name, "RS256") == 0)
		*alg = CRSIG_RS256;
	else if (strcmp(name, "PS256") == 0)
		*alg = CRSIG_PS256;
	else if (strcmp(name, "ES256K") == 0)	/* RFC 8812 §3.2 */
		*alg = CRSIG_ES256K;
	else
		return false;
	return true;
}

bool
crjws_split(const char *text, size_t len, CrJws *jws, CredregFailure *failure)
{
	const char *dot1;
	const char *dot2;

	memset(jws, 0, sizeof(*jws));
	jws->text = text;
	jws->len = len;

	if (len > (size_t) credreg_max_document_bytes)
		return credreg_fail(failure, "malformed",
							"JWS is %zu bytes, more than credreg.max_document_bytes (%d)",
							len, credreg_max_document_bytes);
	dot1 = memchr(text, '.', len);
	if (dot1 == NULL)
		return credreg_fail(failure, "malformed", "JWS compact serialization must have three parts separated by \".\"");
	dot2 = memchr(dot1 + 1, '.', len - (dot1 + 1 - text));
	if (dot2 == NULL || memchr(dot2 + 1, '.', len - (dot2 + 1 - text)) != NULL)
		return credreg_fail(failure, "malformed", "JWS compact serialization must have three parts separated by \".\"");

	jws->header_len = dot1 - text;
	jws->payload_b64 = dot1 + 1;
	jws->payload_b64_len = dot2 - (dot1 + 1);
	jws->signing_input_len = dot2 - text;

	if (!base64url_decode(dot2 + 1, len - (dot2 + 1 - text), &jws->sig, &jws->siglen))
		return credreg_fail(failure, "malformed", "JWS signature is not valid base64url");
	return true;
}

bool
crjws_header(CrJws *jws, CredregFailure *failure)
{
	uint8	   *hbytes;
	size_t		hlen;
	const CrJson *algv;

	if (jws->header_len == 0 ||
		!base64url_decode(jws->text, jws->header_len, &hbytes, &hlen))
		return credreg_fail(failure, "malformed", "JWS header is not valid base64url");
	jws->header = crjson_parse((const char *) hbytes, hlen, failure);
	if (jws->header == NULL)
		return credreg_fail(failure, "malformed", "JWS header is not valid JSON: %s",
							failure ? failure->message : "");
	if (jws->header->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "JWS header is not a JSON object");

	/* RFC 7515 §4.1.1: alg is required. */
	algv = crjson_get(jws->header, "alg");
	if (algv == NULL || algv->kind != CRJ_STRING)
		return credreg_fail(failure, "malformed", "JWS header has no \"alg\" string");
	if (!alg_allowed(algv->u.str, &jws->alg))
		return credreg_fail(failure, "algorithm_refused",
							"JWS algorithm \"%.*s\" is not accepted (accepted: EdDSA, ES256, ES384, RS256, PS256, ES256K)",
							(int) Min(algv->count, 32), algv->u.str);

	/*
	 * RFC 7515 §4.1.11: an extension listed in crit that is not understood
	 * makes the JWS invalid; credreg understands none (b64=false of RFC 7797
	 * included).
	 */
	if (crjson_get(jws->header, "crit") != NULL)
		return credreg_fail(failure, "malformed", "JWS header lists critical extensions, which are not supported");

	jws->kid = crjson_get_string(jws->header, "kid");
	jws->typ = crjson_get_string(jws->header, "typ");
	jws->jwk = crjson_get(jws->header, "jwk");
	if (jws->jwk != NULL && jws->jwk->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "JWS header \"jwk\" is not a JSON object");
	if (crjson_get(jws->header, "kid") != NULL && jws->kid == NULL)
		return credreg_fail(failure, "malformed", "JWS header \"kid\" is not a string");
	if (crjson_get(jws->header, "typ") != NULL && jws->typ == NULL)
		return credreg_fail(failure, "malformed", "JWS header \"typ\" is not a string");
	return true;
}

bool
crjws_parse(const char *text, size_t len, CrJws *jws, CredregFailure *failure)
{
	return crjws_split(text, len, jws, failure) && crjws_header(jws, failure);
}

bool
crjws_verify(const CrJws *jws, const CrKey *key, CredregFailure *failure)
{
	if (!crsig_alg_fits_key(jws->alg, key))
		return credreg_fail(failure, "key_mismatch",
							"JWS algorithm %s does not fit the key (%s)",
							crsig_alg_name(jws->alg), crkey_type_name(key->type));
	if (jws->siglen == 0)
		return credreg_fail(failure, "signature_invalid", "JWS signature is empty");
	return crsig_verify(key, jws->alg, (const uint8 *) jws->text, jws->signing_input_len,
						jws->sig, jws->siglen, failure);
}

bool
crjws_payload_bytes(const CrJws *jws, uint8 **payload, size_t *len, CredregFailure *failure)
{
	if (!base64url_decode(jws->payload_b64, jws->payload_b64_len, payload, len))
		return credreg_fail(failure, "malformed", "JWS payload is not valid base64url");
	return true;
}

char *
crjws_sign(const CrKey *key, CrSigAlg alg, const char *header_json,
		   const uint8 *payload, size_t payload_len)
{
	StringInfoData buf;
	uint8	   *sig;
	size_t		siglen;

	initStringInfo(&buf);
	base64url_append(&buf, (const uint8 *) header_json, strlen(header_json));
	appendStringInfoChar(&buf, '.');
	base64url_append(&buf, payload, payload_len);
	crsig_sign(key, alg, (const uint8 *) buf.data, buf.len, &sig, &siglen);
	appendStringInfoChar(&buf, '.');
	base64url_append(&buf, sig, siglen);
	pfree(sig);
	return buf.data;
}
