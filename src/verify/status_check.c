/*
 * status_check.c
 *		The credentialStatus entries of a credential, checked through the
 *		status capability (status/status.h) against credreg.status_list.
 */
#include "postgres.h"

#include "status/status.h"
#include "verify/verify_internal.h"

static bool
check_entry(const CrJson *entry, TimestampTz as_of, CrVerification *r)
{
	StatusOutcome out;
	CredregFailure f;

	memset(&out, 0, sizeof(out));
	if (!status_check_entry(entry, as_of, &out, &f))
	{
		r->status = "unknown";
		return cr_verify_fail(r, f.code, f.message);
	}
	if (out.code != NULL)
	{
		/* revoked outranks suspended */
		if (strcmp(out.code, "revoked") == 0 || strcmp(r->status, "revoked") != 0)
			r->status = out.code;
		return cr_verify_fail(r, out.code,
							  psprintf("status list %s marks entry " INT64_FORMAT " as %s",
									   out.list_url ? out.list_url : "?", out.index, out.code));
	}
	return true;
}

bool
cr_verify_status(const CrJson *cred, TimestampTz as_of, CrVerification *r)
{
	const CrJson *cs = crjson_get(cred, "credentialStatus");
	bool		ok = true;

	r->status = "active";
	if (cs->kind == CRJ_ARRAY)
	{
		for (int i = 0; i < cs->count; i++)
			if (!check_entry(cs->u.elems[i], as_of, r))
				ok = false;
	}
	else if (cs->kind == CRJ_OBJECT)
		ok = check_entry(cs, as_of, r);
	else
	{
		r->status = "unknown";
		ok = cr_verify_fail(r, "malformed", "credentialStatus is neither an object nor an array");
	}
	/* a failure to read one entry leaves the status unknown unless another revoked */
	return ok;
}
