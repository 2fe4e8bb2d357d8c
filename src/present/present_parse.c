/*
 * present_parse.c
 *		The parts of a presentation read without keys or registry: the
 *		holder's id and the credential an EnvelopedVerifiableCredential
 *		carries (so they can be fuzzed on their own).
 */
#include "postgres.h"

#include <string.h>

#include "present/present.h"

const char *
cr_present_holder_id(const CrJson *holder)
{
	if (holder == NULL)
		return NULL;
	if (holder->kind == CRJ_STRING)
		return holder->u.str;
	if (holder->kind == CRJ_OBJECT)
		return crjson_get_string(holder, "id");
	return NULL;
}

/*
 * The data: URL of an EnvelopedVerifiableCredential (VC-JOSE-COSE §3.3,
 * RFC 2397): the media type says how the credential is secured; only the
 * JOSE forms are read, without a ;base64 parameter (the JWS is base64url
 * text already).
 */
bool
cr_present_envelope(const char *url, const char **text, size_t *len, CredregFailure *f)
{
	static const char *const types[] = {
		"application/vc+jwt", "application/vc-ld+jwt", "application/vc+sd-jwt",
		"application/dc+sd-jwt",
	};
	const char *comma;

	if (strncmp(url, "data:", 5) != 0 || (comma = strchr(url, ',')) == NULL)
		return credreg_fail(f, "credential_malformed",
							"an EnvelopedVerifiableCredential's id is not a data: URL");
	for (int i = 0; i < lengthof(types); i++)
	{
		size_t		tl = strlen(types[i]);

		if (comma - (url + 5) == (ptrdiff_t) tl && memcmp(url + 5, types[i], tl) == 0)
		{
			*text = comma + 1;
			*len = strlen(comma + 1);
			return true;
		}
	}
	return credreg_fail(f, "unsupported_format",
						"an EnvelopedVerifiableCredential has the media type %s, not vc+jwt or vc+sd-jwt",
						pnstrdup(url + 5, comma - (url + 5)));
}
