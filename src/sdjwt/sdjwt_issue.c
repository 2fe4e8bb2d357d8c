/*
 * sdjwt_issue.c
 *		Issuing SD-JWT VCs (RFC 9901 §4, SD-JWT VC §3) and adding a Key
 *		Binding JWT to one (RFC 9901 §4.3), for credreg.sd_jwt_issue and
 *		credreg.sd_jwt_present.
 *
 * Raises on bad arguments (these are SQL calls by a registrar, not a
 * verifier's input).  Salts and decoys come from OpenSSL's CSPRNG: 16
 * bytes, the 128 bits RFC 9901 §9.3 recommends.
 */
#include "postgres.h"

#include <openssl/rand.h>

#include "miscadmin.h"

#include "jose/jose.h"
#include "sdjwt/sdjwt_issue.h"
#include "util/encoding.h"

#define SALT_BYTES 16

typedef struct Issuing
{
	const char *const *pointers;	/* JSON pointers to conceal */
	bool	   *matched;
	int			npointers;
	StringInfo	disclosures;	/* "<d1>~<d2>~..." */
} Issuing;

static char *
random_b64(int nbytes)
{
	uint8		buf[32];

	Assert(nbytes <= (int) sizeof(buf));
	if (RAND_bytes(buf, nbytes) != 1)
		elog(ERROR, "RAND_bytes() failed");
	return base64url_encode(buf, nbytes);
}

static CrJson *
make_array(int n)
{
	CrJson	   *a = palloc(sizeof(CrJson));

	a->kind = CRJ_ARRAY;
	a->count = 0;
	a->u.elems = palloc(sizeof(CrJson *) * Max(n, 1));
	return a;
}

/* §4.2.1 / §4.2.2: a disclosure of [salt, name, value] or [salt, value]; returns its digest */
static char *
disclose(Issuing *s, const char *name, CrJson *value)
{
	CrJson	   *a = make_array(3);
	StringInfoData json;
	StringInfoData b64;

	a->u.elems[a->count++] = crjson_make_string(random_b64(SALT_BYTES));
	if (name != NULL)
		a->u.elems[a->count++] = crjson_make_string(name);
	a->u.elems[a->count++] = value;
	initStringInfo(&json);
	crjson_append_text(&json, a);
	initStringInfo(&b64);
	base64url_append(&b64, (const uint8 *) json.data, json.len);
	appendBinaryStringInfo(s->disclosures, b64.data, b64.len);
	appendStringInfoChar(s->disclosures, '~');
	return cr_sdjwt_digest(CRSD_SHA256, b64.data, b64.len);
}

/* Is path one of the pointers to conceal?  Marks it used. */
static bool
wanted(Issuing *s, const char *path)
{
	bool		found = false;

	for (int i = 0; i < s->npointers; i++)
		if (strcmp(s->pointers[i], path) == 0)
		{
			s->matched[i] = true;
			found = true;
		}
	return found;
}

/* RFC 6901 §3: the reference token of a member name, "~" as "~0", "/" as "~1" */
static void
append_token(StringInfo path, const char *name)
{
	appendStringInfoChar(path, '/');
	for (const char *c = name; *c; c++)
	{
		if (*c == '~')
			appendStringInfoString(path, "~0");
		else if (*c == '/')
			appendStringInfoString(path, "~1");
		else
			appendStringInfoChar(path, *c);
	}
}

static int
digest_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * The value with what the pointers name concealed; children first, so a
 * disclosed object may itself hold concealed claims (§4.2.6, recursive).
 */
static CrJson *
conceal(Issuing *s, const CrJson *v, StringInfo path, int ndecoys)
{
	int			base = path->len;

	check_stack_depth();
	if (v->kind == CRJ_OBJECT)
	{
		CrJson	   *o = crjson_make_object(v->count + 1);
		char	  **digests = palloc(sizeof(char *) * (v->count + ndecoys + 1));
		int			nd = 0;

		for (int i = 0; i < v->count; i++)
		{
			const CrJsonMember *m = &v->u.members[i];
			CrJson	   *c;

			if (strcmp(m->name, "_sd") == 0 || strcmp(m->name, "...") == 0 ||
				strcmp(m->name, "_sd_alg") == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("claims must not contain a member named \"%s\"", m->name),
						 errdetail("SD-JWT reserves _sd, ... and _sd_alg (RFC 9901 section 4.1).")));
			append_token(path, m->name);
			c = conceal(s, m->value, path, 0);
			if (wanted(s, path->data))
				digests[nd++] = disclose(s, m->name, c);
			else
				crjson_object_put(o, m->name, c);
			path->len = base;
			path->data[base] = '\0';
		}
		/* §4.2.5: decoys are digests of random bytes, as indistinguishable as salts */
		for (int i = 0; i < ndecoys; i++)
		{
			char	   *r = random_b64(SALT_BYTES);

			digests[nd++] = cr_sdjwt_digest(CRSD_SHA256, r, strlen(r));
		}
		if (nd > 0)
		{
			CrJson	   *sd = make_array(nd);

			/* §4.2.4.1: the order must not reveal the claims' order */
			qsort(digests, nd, sizeof(char *), digest_cmp);
			for (int i = 0; i < nd; i++)
				sd->u.elems[sd->count++] = crjson_make_string(digests[i]);
			crjson_object_put(o, "_sd", sd);
		}
		return o;
	}
	if (v->kind == CRJ_ARRAY)
	{
		CrJson	   *a = make_array(v->count);

		for (int i = 0; i < v->count; i++)
		{
			CrJson	   *c;

			appendStringInfo(path, "/%d", i);
			c = conceal(s, v->u.elems[i], path, 0);
			if (wanted(s, path->data))
			{
				CrJson	   *ref = crjson_make_object(1);

				crjson_object_put(ref, "...", crjson_make_string(disclose(s, NULL, c)));
				c = ref;
			}
			a->u.elems[a->count++] = c;
			path->len = base;
			path->data[base] = '\0';
		}
		return a;
	}
	return (CrJson *) v;
}

/* SD-JWT VC §3.2.2.2: registered claims that are never selectively disclosed. */
static const char *const fixed_claims[] = {"/iss", "/nbf", "/exp", "/cnf", "/vct", "/vct#integrity", "/status", NULL};

char *
cr_sdjwt_issue(const CrJson *claims, const char *const *pointers, int npointers,
			   const CrKey *key, const char *kid, const CrKey *holder, int ndecoys)
{
	Issuing		s;
	StringInfoData path;
	StringInfoData disclosures;
	StringInfoData header;
	StringInfoData payload;
	CrJson	   *concealed;
	CrSigAlg	alg;
	char	   *jws;

	if (claims->kind != CRJ_OBJECT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claims must be a JSON object")));
	if (crjson_get_string(claims, "vct") == NULL || crjson_get_string(claims, "iss") == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claims of an SD-JWT VC need \"iss\" and \"vct\" strings"),
				 errdetail("vct is required by SD-JWT VC section 3.2.2.2; iss binds the signing key to its issuer.")));
	if (holder != NULL && crjson_get(claims, "cnf") != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claims already have a \"cnf\" claim and a holder key is given")));
	if (ndecoys < 0 || ndecoys > 100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decoys must be between 0 and 100")));
	for (int i = 0; i < npointers; i++)
	{
		if (pointers[i][0] != '/')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("\"%s\" is not a JSON pointer to a claim", pointers[i]),
					 errhint("A JSON pointer (RFC 6901) starts with \"/\", e.g. /given_name or /skills/0.")));
		for (int j = 0; fixed_claims[j]; j++)
			if (strcmp(pointers[i], fixed_claims[j]) == 0 ||
				(strncmp(pointers[i], fixed_claims[j], strlen(fixed_claims[j])) == 0 &&
				 pointers[i][strlen(fixed_claims[j])] == '/'))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the claim %s cannot be selectively disclosed", pointers[i]),
						 errdetail("SD-JWT VC section 3.2.2.2 keeps iss, nbf, exp, cnf, vct, vct#integrity and status in plain text.")));
	}

	memset(&s, 0, sizeof(s));
	s.pointers = pointers;
	s.npointers = npointers;
	s.matched = palloc0(sizeof(bool) * Max(npointers, 1));
	initStringInfo(&disclosures);
	s.disclosures = &disclosures;
	initStringInfo(&path);
	concealed = conceal(&s, claims, &path, ndecoys);
	for (int i = 0; i < npointers; i++)
		if (!s.matched[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the JSON pointer %s names no claim", pointers[i])));

	/* RFC 7800 §3.2: the holder's key, for key binding */
	if (holder != NULL)
	{
		StringInfoData jwk;
		CrJson	   *cnf = crjson_make_object(1);
		CredregFailure f;

		initStringInfo(&jwk);
		crkey_append_jwk(&jwk, holder);
		crjson_object_put(cnf, "jwk", crjson_parse(jwk.data, jwk.len, &f));
		crjson_object_put(concealed, "cnf", cnf);
	}
	crjson_object_put(concealed, "_sd_alg", crjson_make_string("sha-256"));

	if (!crsig_alg_for_key_type(key->type, &alg) || alg == CRSIG_RS256)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SD-JWT VC signing takes an Ed25519, P-256 or P-384 key")));
	initStringInfo(&header);
	appendStringInfo(&header, "{\"alg\":\"%s\",\"typ\":\"dc+sd-jwt\",\"kid\":", crsig_alg_name(alg));
	crjson_append_string(&header, kid, strlen(kid));
	appendStringInfoChar(&header, '}');
	initStringInfo(&payload);
	crjson_append_text(&payload, concealed);
	jws = crjws_sign(key, alg, header.data, (const uint8 *) payload.data, payload.len);
	return psprintf("%s~%s", jws, disclosures.data);
}

char *
cr_sdjwt_present(const char *sdjwt, size_t len, const CrKey *holder, const char *nonce,
				 const char *audience, int64 iat)
{
	CrSdJwt		sd;
	CredregFailure f;
	CrJws		jws;
	uint8	   *bytes;
	size_t		blen;
	CrJson	   *payload;
	CrSdAlg		alg;
	CrSigAlg	kalg;
	StringInfoData claims;

	if (!cr_sdjwt_split(sdjwt, len, &sd, &f) ||
		!crjws_split(sd.jwt, sd.jwt_len, &jws, &f) ||
		!crjws_payload_bytes(&jws, &bytes, &blen, &f) ||
		(payload = crjson_parse((const char *) bytes, blen, &f)) == NULL ||
		!cr_sdjwt_payload_alg(payload, &alg, &f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid SD-JWT: %s", f.message),
				 errdetail("Failure code: %s.", f.code)));
	if (sd.kb != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the SD-JWT has a Key Binding JWT already")));
	if (!crsig_alg_for_key_type(holder->type, &kalg) || kalg == CRSIG_RS256)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("key binding takes an Ed25519, P-256 or P-384 key")));

	/* §4.3: iat, aud, nonce, sd_hash over the SD-JWT as presented */
	initStringInfo(&claims);
	appendStringInfo(&claims, "{\"iat\":" INT64_FORMAT ",\"aud\":", iat);
	crjson_append_string(&claims, audience, strlen(audience));
	appendStringInfoString(&claims, ",\"nonce\":");
	crjson_append_string(&claims, nonce, strlen(nonce));
	appendStringInfo(&claims, ",\"sd_hash\":\"%s\"}", cr_sdjwt_digest(alg, sdjwt, sd.presented_len));
	return psprintf("%.*s%s", (int) sd.presented_len, sdjwt,
					crjws_sign(holder, kalg,
							   psprintf("{\"alg\":\"%s\",\"typ\":\"kb+jwt\"}", crsig_alg_name(kalg)),
							   (const uint8 *) claims.data, claims.len));
}
