/*
 * ob2_assertion.c
 *		Reading an Open Badges 2.0 assertion (see ob2.h).  Pure: the
 *		libFuzzer harness test/fuzz/fuzz_ob2.c runs it on arbitrary JSON.
 */
#include "postgres.h"

#include "ob2/ob2.h"

/* The OB 2.0 context, under its canonical IRI and the one it redirects to. */
static bool
is_ob2_context(const CrJson *ctx)
{
	if (ctx != NULL && ctx->kind == CRJ_ARRAY && ctx->count > 0)
		ctx = ctx->u.elems[0];
	return crjson_is_string(ctx, "https://w3id.org/openbadges/v2") ||
		crjson_is_string(ctx, "https://openbadgespec.org/v2/context.json");
}

bool
crob2_is_assertion(const CrJson *doc)
{
	return doc != NULL && doc->kind == CRJ_OBJECT &&
		is_ob2_context(crjson_get(doc, "@context")) && crjson_has_string(crjson_get(doc, "type"), "Assertion");
}

bool
crob2_read_assertion(const CrJson *doc, CrOb2Assertion *a, CredregFailure *f)
{
	const CrJson *ver = crjson_get(doc, "verification");
	const CrJson *rec = crjson_get(doc, "recipient");
	const CrJson *revoked = crjson_get(doc, "revoked");
	const char *vt;

	memset(a, 0, sizeof(*a));
	a->doc = doc;
	if (!crob2_is_assertion(doc))
		return credreg_fail(f, "malformed", "not an Open Badges 2.0 Assertion");
	a->id = crjson_get_string(doc, "id");
	if (a->id == NULL || a->id[0] == '\0')
		return credreg_fail(f, "malformed", "the assertion has no id");
	if (ver == NULL || ver->kind != CRJ_OBJECT || (vt = crjson_get_string(ver, "type")) == NULL)
		return credreg_fail(f, "malformed", "the assertion has no verification object with a type");
	/* OB 2.0 §VerificationObject: HostedBadge / SignedBadge, aliases hosted / signed */
	if (strcmp(vt, "HostedBadge") == 0 || strcmp(vt, "hosted") == 0)
		a->verification_type = "hosted";
	else if (strcmp(vt, "SignedBadge") == 0 || strcmp(vt, "signed") == 0)
	{
		a->verification_type = "signed";
		a->creator = crjson_get_string(ver, "creator");
	}
	else
		return credreg_fail(f, "unsupported_format", "verification type \"%s\" is neither HostedBadge nor SignedBadge", vt);
	if (rec == NULL || rec->kind != CRJ_OBJECT || (a->identity = crjson_get_string(rec, "identity")) == NULL)
		return credreg_fail(f, "malformed", "the assertion's recipient has no identity");
	a->badge = crjson_get(doc, "badge");
	if (a->badge == NULL || (a->badge->kind != CRJ_STRING && a->badge->kind != CRJ_OBJECT))
		return credreg_fail(f, "malformed", "the assertion's badge is neither an IRI nor a BadgeClass");
	a->issued_on = crjson_get_string(doc, "issuedOn");
	if (a->issued_on == NULL)
		return credreg_fail(f, "malformed", "the assertion has no issuedOn");
	a->expires = crjson_get_string(doc, "expires");
	if (crjson_get(doc, "expires") != NULL && a->expires == NULL)
		return credreg_fail(f, "malformed", "the assertion's expires is not a string");
	if (revoked != NULL && revoked->kind != CRJ_TRUE && revoked->kind != CRJ_FALSE)
		return credreg_fail(f, "malformed", "the assertion's revoked is not a boolean");
	a->revoked = revoked != NULL && revoked->kind == CRJ_TRUE;
	return true;
}

bool
crob2_revocation_lists(const CrJson *list, const char *assertion_id)
{
	const CrJson *revoked = crjson_get(list, "revokedAssertions");

	if (revoked == NULL || revoked->kind != CRJ_ARRAY)
		return false;
	for (int i = 0; i < revoked->count; i++)
	{
		const CrJson *e = revoked->u.elems[i];
		const char *id = e->kind == CRJ_STRING ? e->u.str : crjson_get_string(e, "id");

		if (id != NULL && strcmp(id, assertion_id) == 0)
			return true;
	}
	return false;
}
