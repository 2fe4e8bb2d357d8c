/*
 * present.c
 *		Presentation verification: format detection, the embedded
 *		credentials and their binding to the holder (see present.h).
 */
#include "postgres.h"

#include <string.h>

#include "present/present.h"
#include "sdjwt/sdjwt.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

static void
init_verification(CrVerification *r)
{
	memset(r, 0, sizeof(*r));
	r->valid = true;
	r->status = "unknown";
}

bool
cr_present_bind_holder(ResolvedKey *rk, TimestampTz as_of, CrPresentation *p)
{
	CrVerification scratch;

	/*
	 * The same rule as a credential key's binding to its issuer (verify.c),
	 * with the holder in the issuer's place; its failure is a holder_mismatch.
	 */
	init_verification(&scratch);
	if (cr_verify_bind_key(rk, p->holder, as_of, &scratch))
		return true;
	if (strcmp(scratch.first_code, "key_revoked") == 0 || strcmp(scratch.first_code, "key_expired") == 0)
		p->self.errors = list_concat(p->self.errors, scratch.errors);
	else
		return cr_verify_fail(&p->self, "holder_mismatch",
							  psprintf("the presentation is signed with %s, which is not a key of the holder %s",
									   rk->key_id, p->holder));
	p->self.valid = false;
	if (p->self.first_code == NULL)
		p->self.first_code = scratch.first_code;
	return false;
}

/* Every credentialSubject id of a verified credential is the holder. */
static bool
subject_is_holder(const CrVerification *r, const char *holder, const char **other)
{
	const CrJson *cs = r->credential ? crjson_get(r->credential, "credentialSubject") : NULL;

	*other = r->subject;
	if (cs == NULL)
		return r->subject != NULL && strcmp(r->subject, holder) == 0;
	if (cs->kind == CRJ_ARRAY)
	{
		if (cs->count == 0)
			return false;
		for (int i = 0; i < cs->count; i++)
		{
			const char *id = crjson_get_string(cs->u.elems[i], "id");

			*other = id;
			if (id == NULL || strcmp(id, holder) != 0)
				return false;
		}
		return true;
	}
	*other = crjson_get_string(cs, "id");
	return *other != NULL && strcmp(*other, holder) == 0;
}

static void
verify_entry(const CrJson *entry, int i, TimestampTz as_of, CrPresentation *p)
{
	CrVerification *r = &p->credentials[i];
	CredregFailure f;
	const char *other;

	if (entry->kind == CRJ_OBJECT && crjson_get(entry, "proof") == NULL &&
		crjson_get_string(entry, "id") != NULL &&
		strncmp(crjson_get_string(entry, "id"), "data:", 5) == 0)
	{
		const char *text = NULL;
		size_t		len = 0;

		if (!cr_present_envelope(crjson_get_string(entry, "id"), &text, &len, &f))
		{
			init_verification(r);
			r->format = "unknown";
			cr_verify_fail(r, f.code, f.message);
		}
		else
			cr_verify_text(text, len, as_of, false, r);
	}
	else if (entry->kind == CRJ_OBJECT || entry->kind == CRJ_STRING)
		cr_verify_json((CrJson *) entry, as_of, false, r);
	else
	{
		init_verification(r);
		r->format = "unknown";
		cr_verify_fail(r, "credential_malformed", "an entry of verifiableCredential is neither an object nor a string");
	}

	if (!r->valid)
	{
		cr_verify_fail(&p->self, "credential_invalid",
					   psprintf("verifiableCredential[%d] does not verify: %s", i,
								(char *) linitial(r->errors)));
		return;
	}
	if (p->holder != NULL && !subject_is_holder(r, p->holder, &other))
		cr_verify_fail(&p->self, "holder_mismatch",
					   psprintf("verifiableCredential[%d] is issued to %s, not to the holder %s", i,
								other ? other : "no subject id", p->holder));
}

void
cr_present_credentials(const CrJson *vcs, TimestampTz as_of, CrPresentation *p)
{
	if (vcs == NULL)
		return;
	cr_verify_check(&p->self, "credentials");
	if (vcs->kind == CRJ_ARRAY)
	{
		p->ncredentials = vcs->count;
		p->credentials = palloc0(sizeof(CrVerification) * Max(vcs->count, 1));
		for (int i = 0; i < vcs->count; i++)
			verify_entry(vcs->u.elems[i], i, as_of, p);
	}
	else
	{
		p->ncredentials = 1;
		p->credentials = palloc0(sizeof(CrVerification));
		verify_entry(vcs, 0, as_of, p);
	}
}

/* An SD-JWT VC presented with key binding: the presentation is the credential. */
static void
present_sdjwt(const char *text, size_t len, const CrPresentExpect *expect, TimestampTz as_of,
			  CrPresentation *p)
{
	CrSdJwtExpect sx = {0};
	CrVerification *r;
	bool		key_bound;

	sx.require_key_binding = true;
	sx.nonce = expect->challenge;
	sx.audience = expect->domain;
	p->ncredentials = 1;
	p->credentials = r = palloc0(sizeof(CrVerification));
	init_verification(r);
	cr_sdjwt_verify(text, len, as_of, &sx, false, r, &key_bound);
	p->self.format = r->format;
	p->self.key_id = r->key_id;
	p->self.checks = r->checks;
	/* the holder is whoever the Key Binding JWT proves to be: the subject */
	p->holder = r->subject;
	if (!r->valid)
	{
		p->self.valid = false;
		p->self.first_code = r->first_code;
		p->self.errors = list_copy(r->errors);
	}
}

void
cr_present_verify(const char *text, size_t len, const CrPresentExpect *expect,
				  TimestampTz as_of, CrPresentation *p)
{
	size_t		i = 0;

	memset(p, 0, sizeof(*p));
	init_verification(&p->self);
	p->self.status = NULL;
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
		i++;
	while (len > i && (text[len - 1] == ' ' || text[len - 1] == '\n' ||
					   text[len - 1] == '\r' || text[len - 1] == '\t'))
		len--;
	text += i;
	len -= i;
	cr_verify_check(&p->self, "format");
	if (len > 0 && text[0] == '{')
	{
		CredregFailure f;
		CrJson	   *doc = crjson_parse(text, len, &f);

		if (doc == NULL)
		{
			p->self.format = "unknown";
			cr_verify_fail(&p->self, f.code, f.message);
			return;
		}
		cr_present_document(doc, expect, as_of, p);
		return;
	}
	if (cr_sdjwt_looks_like(text, len))
	{
		present_sdjwt(text, len, expect, as_of, p);
		return;
	}
	if (len > 0 && memchr(text, '.', len) != NULL)
	{
		cr_present_jws(text, len, expect, as_of, p);
		return;
	}
	p->self.format = "unknown";
	cr_verify_fail(&p->self, "unsupported_format",
				   "the presentation is neither a JWS, an SD-JWT nor a JSON document");
}
