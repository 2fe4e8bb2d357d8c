/*
 * ob2_verify.c
 *		Verifying Open Badges 2.0 assertions (see ob2.h), following the
 *		specification's "Verification" section with stored documents in
 *		place of HTTP fetches:
 *		- hosted: the assertion's id names its hosted copy, which must be
 *		  stored and equal to the assertion given (JCS); the assertion's id
 *		  must lie on the issuer's origin, or on its allowedOrigins /
 *		  startsWith (the Issuer Profile's VerificationObject);
 *		- signed: a JWS with alg RS256 whose verification.creator names a
 *		  CryptographicKey, registered in credreg.issuer_key or stored as a
 *		  hosted document, owned by the issuer (and listed in its Profile's
 *		  publicKey when the Profile lists keys); the signature is checked
 *		  before anything else in the payload is believed;
 *		- both: BadgeClass and Issuer Profile from the assertion or stored,
 *		  revoked: true and the Profile's revocationList honoured, issuedOn
 *		  and expires as the validity window, the trust list.
 */
#include "postgres.h"

#include "crypto/keystore.h"
#include "did/stored_document.h"
#include "ob2/ob2.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

/* A linked document: embedded, or stored under its IRI. */
static const CrJson *
linked(const CrJson *v, const char *what, CrVerification *r)
{
	const CrJson *doc;

	if (v == NULL)
	{
		cr_verify_fail(r, "malformed", psprintf("the %s is missing", what));
		return NULL;
	}
	if (v->kind == CRJ_OBJECT)
		return v;
	if (v->kind != CRJ_STRING)
	{
		cr_verify_fail(r, "malformed", psprintf("the %s is neither an IRI nor an object", what));
		return NULL;
	}
	doc = cr_hosted_document(v->u.str);
	if (doc == NULL)
		cr_verify_fail(r, "document_unavailable",
					   psprintf("the %s %s is not stored in credreg.hosted_document", what, v->u.str));
	return doc;
}

static bool
date_ok(const char *s, const char *name, CrVerification *r)
{
	TimestampTz ts;
	CredregFailure f;

	if (s != NULL && !xsd_datetime_parse(s, strlen(s), &ts, name, &f))
		return cr_verify_fail(r, f.code, f.message);
	return true;
}

/* scheme://host[:port] of an http(s) URL, or NULL. */
static char *
origin_of(const char *url)
{
	const char *p = strstr(url, "://");
	const char *end;

	if (p == NULL || !(strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0))
		return NULL;
	end = p + 3;
	while (*end && *end != '/' && *end != '?' && *end != '#')
		end++;
	return pnstrdup(url, end - url);
}

static bool
string_or_member(const CrJson *v, const char *s)
{
	if (v == NULL)
		return false;
	if (v->kind == CRJ_STRING)
		return strcmp(v->u.str, s) == 0;
	if (v->kind == CRJ_OBJECT)
		return crjson_is_string(crjson_get(v, "id"), s);
	if (v->kind == CRJ_ARRAY)
		for (int i = 0; i < v->count; i++)
			if (string_or_member(v->u.elems[i], s))
				return true;
	return false;
}

/* OB 2.0 §Hosted verification: the assertion's id must be on the issuer's origin or its allowed ones. */
static bool
hosted_origin_allowed(const char *assertion_id, const CrJson *profile, const char *issuer_id)
{
	const CrJson *ver = crjson_get(profile, "verification");
	const CrJson *starts = crjson_get(ver, "startsWith");
	const CrJson *allowed = crjson_get(ver, "allowedOrigins");
	char	   *origin = origin_of(assertion_id);

	if (origin == NULL)
		return false;
	if (starts != NULL)
	{
		if (starts->kind == CRJ_STRING)
			return strncmp(assertion_id, starts->u.str, starts->count) == 0;
		if (starts->kind == CRJ_ARRAY)
			for (int i = 0; i < starts->count; i++)
				if (starts->u.elems[i]->kind == CRJ_STRING &&
					strncmp(assertion_id, starts->u.elems[i]->u.str, starts->u.elems[i]->count) == 0)
					return true;
		return false;
	}
	if (allowed != NULL)
	{
		const char *host = strstr(origin, "://") + 3;

		return string_or_member(allowed, host);
	}
	{
		char	   *issuer_origin = origin_of(issuer_id);

		return issuer_origin != NULL && strcmp(origin, issuer_origin) == 0;
	}
}

/*
 * What both kinds share, once the assertion itself is established: the
 * badge and issuer, the validity window, revocation, trust.
 */
static void
check_assertion(const CrOb2Assertion *a, const CrJws *signed_jws, TimestampTz as_of, bool stop,
				CrVerification *r)
{
	const CrJson *badge,
			   *profile;
	const char *issuer_id;
	CrJson	   *resolved_badge,
			   *resolved,
			   *mapped,
			   *subject;
	bool		revoked = a->revoked;

	badge = linked(a->badge, "BadgeClass", r);
	if (badge == NULL)
		return;
	profile = linked(crjson_get(badge, "issuer"), "issuer Profile of the BadgeClass", r);
	if (profile == NULL)
		return;
	issuer_id = crjson_get_string(profile, "id");
	if (issuer_id == NULL)
	{
		cr_verify_fail(r, "malformed", "the issuer Profile has no id");
		return;
	}
	r->issuer = issuer_id;

	/* the credential as stored for profiles and skills: badge and issuer embedded */
	resolved_badge = crjson_object_without(badge, "issuer");
	crjson_object_put(resolved_badge, "issuer", (CrJson *) profile);
	resolved = crjson_object_without(a->doc, "badge");
	crjson_object_put(resolved, "badge", resolved_badge);
	r->credential = resolved;

	if (signed_jws != NULL)
	{
		/* signed: the key the creator names must be the issuer's */
		if (!stop)
			cr_verify_check(r, "issuer_binding");
		if (r->issuer != NULL && r->key_id != NULL)
		{
			const CrJson *keys = crjson_get(profile, "publicKey");

			if (keys != NULL && !string_or_member(keys, r->key_id))
			{
				cr_verify_fail(r, "issuer_mismatch",
							   psprintf("the key %s is not among the publicKey of the issuer %s", r->key_id, issuer_id));
				if (stop)
					return;
			}
		}
	}
	else if (!hosted_origin_allowed(a->id, profile, issuer_id))
	{
		cr_verify_fail(r, "issuer_mismatch",
					   psprintf("the hosted assertion %s is not on the origin of its issuer %s nor on its allowed origins",
								a->id, issuer_id));
		if (stop)
			return;
	}

	if (!date_ok(a->issued_on, "issuedOn", r) || !date_ok(a->expires, "expires", r))
		return;
	mapped = crjson_make_object(4);
	crjson_object_put(mapped, "issuer", crjson_make_string(issuer_id));
	crjson_object_put(mapped, "validFrom", crjson_make_string(a->issued_on));
	if (a->expires != NULL)
		crjson_object_put(mapped, "validUntil", crjson_make_string(a->expires));
	subject = crjson_make_object(1);
	crjson_object_put(subject, "id", crjson_make_string(a->identity));
	crjson_object_put(mapped, "credentialSubject", subject);
	cr_verify_credential_checks(mapped, as_of, stop, r);

	/* revocation: the assertion's own flag, then the issuer's revocation list */
	{
		const CrJson *rl = crjson_get(profile, "revocationList");

		if (!revoked && rl != NULL)
		{
			const CrJson *list = rl->kind == CRJ_STRING ? cr_hosted_document(rl->u.str) : NULL;

			if (list == NULL)
			{
				r->status = "unknown";
				cr_verify_fail(r, "status_unavailable",
							   psprintf("the revocation list of %s is not stored in credreg.hosted_document", issuer_id));
				return;
			}
			revoked = crob2_revocation_lists(list, a->id);
		}
		if (revoked)
		{
			r->status = "revoked";
			cr_verify_fail(r, "revoked", psprintf("the assertion %s is revoked", a->id));
		}
	}
}

void
crob2_verify_hosted(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r)
{
	CrOb2Assertion given,
				hosted;
	CredregFailure f;
	const CrJson *copy;
	StringInfoData a,
				b;

	r->format = "ob2-hosted";
	if (!stop)
		cr_verify_check(r, "format");
	if (!crob2_read_assertion(doc, &given, &f))
	{
		cr_verify_fail(r, f.code, f.message);
		return;
	}
	if (strcmp(given.verification_type, "hosted") != 0)
	{
		cr_verify_fail(r, "unsupported_format",
					   "a SignedBadge assertion is verified as its JWS, not as the JSON payload");
		return;
	}
	/* the hosted copy is the source of truth (OB 2.0 §Hosted verification) */
	if (!stop)
		cr_verify_check(r, "proof");
	copy = cr_hosted_document(given.id);
	if (copy == NULL)
	{
		cr_verify_fail(r, "document_unavailable",
					   psprintf("the hosted assertion %s is not stored in credreg.hosted_document", given.id));
		return;
	}
	initStringInfo(&a);
	initStringInfo(&b);
	if (!crjcs_append(&a, doc, &f) || !crjcs_append(&b, copy, &f) || strcmp(a.data, b.data) != 0)
	{
		cr_verify_fail(r, "signature_invalid",
					   psprintf("the assertion differs from its hosted copy %s", given.id));
		return;
	}
	if (!crob2_read_assertion(copy, &hosted, &f))
	{
		cr_verify_fail(r, f.code, f.message);
		return;
	}
	r->key_id = hosted.id;
	check_assertion(&hosted, NULL, as_of, stop, r);
}

void
crob2_verify_hosted_url(const char *url, TimestampTz as_of, bool stop, CrVerification *r)
{
	CrJson	   *copy = cr_hosted_document(url);

	if (copy == NULL || !crob2_is_assertion(copy))
	{
		r->format = "ob2-hosted";
		cr_verify_fail(r, copy == NULL ? "document_unavailable" : "unsupported_format",
					   copy == NULL ?
					   psprintf("%s is not stored in credreg.hosted_document", url) :
					   psprintf("the document stored for %s is not an Open Badges 2.0 assertion", url));
		return;
	}
	crob2_verify_hosted(copy, as_of, stop, r);
}

void
crob2_verify_signed(const CrJws *jws, CrJson *payload, TimestampTz as_of, bool stop,
					CrVerification *r)
{
	CrOb2Assertion a;
	CredregFailure f;
	const CrKey *key = NULL;
	const char *owner = NULL;
	const CrRegisteredKey *reg = NULL;

	r->format = "ob2-signed";
	if (!crob2_read_assertion(payload, &a, &f))
	{
		cr_verify_fail(r, f.code, f.message);
		return;
	}
	if (strcmp(a.verification_type, "signed") != 0 || a.creator == NULL)
	{
		cr_verify_fail(r, "key_unresolved", "the assertion's verification is not a SignedBadge naming its creator key");
		return;
	}
	/* OB 2.0 §Signed verification: RS256 */
	if (jws->alg != CRSIG_RS256)
	{
		cr_verify_fail(r, "algorithm_refused",
					   psprintf("a signed Open Badges 2.0 assertion uses RS256, not %s", crsig_alg_name(jws->alg)));
		return;
	}
	r->key_id = a.creator;
	if (crkey_lookup_registered(a.creator, strlen(a.creator), &reg))
	{
		key = reg->key;
		owner = reg->issuer;
	}
	else
	{
		const CrJson *kd = cr_hosted_document(a.creator);
		const char *pem = crjson_get_string(kd, "publicKeyPem");

		if (kd == NULL || pem == NULL)
		{
			cr_verify_fail(r, "key_unresolved",
						   psprintf("the creator key %s is neither registered in credreg.issuer_key nor a CryptographicKey in credreg.hosted_document",
									a.creator));
			return;
		}
		if (!crkey_cached(pem, strlen(pem), &key, &f))
		{
			cr_verify_fail(r, "key_unresolved", psprintf("the creator key %s does not decode: %s", a.creator, f.message));
			return;
		}
		owner = crjson_get_string(kd, "owner");
	}
	if (!stop)
		cr_verify_check(r, "signature");
	/* RFC 7515 §5.2 step 8, over the bytes as received */
	if (!crjws_verify(jws, key, &f))
	{
		cr_verify_fail(r, f.code, f.message);
		return;
	}
	check_assertion(&a, jws, as_of, stop, r);
	if (r->issuer != NULL && (owner == NULL || strcmp(owner, r->issuer) != 0))
		cr_verify_fail(r, "issuer_mismatch",
					   psprintf("the key %s belongs to %s, not to the issuer %s", a.creator,
								owner ? owner : "no owner", r->issuer));
	if (reg != NULL && reg->has_revoked_at && reg->revoked_at <= as_of)
		cr_verify_fail(r, "key_revoked", psprintf("the key %s was revoked at %s", reg->key_id,
												  timestamp_to_xsd(reg->revoked_at)));
	else if (reg != NULL && !crkey_registered_valid_at(reg, as_of))
		cr_verify_fail(r, "key_expired", psprintf("the key %s is not in force at %s", reg->key_id,
												  timestamp_to_xsd(as_of)));
}
