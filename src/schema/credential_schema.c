/*
 * credential_schema.c
 *		A credential's credentialSchema (VCDM 2.0 §5.4, VC JSON Schema):
 *		entries of type JsonSchema name a JSON Schema, entries of type
 *		JsonSchemaCredential a credential whose credentialSubject.jsonSchema
 *		is one.  Either is read from credreg.credential_schema, which the
 *		registry fills with the documents it fetched and checked (credreg
 *		never fetches); other types (1EdTechJsonSchemaValidator2019, ...)
 *		are left to their own validators.
 *
 * What the schema validates: the credential (VC JSON Schema §3: "the
 * credential"), except for Blockcerts credentials, whose schemas describe
 * each credentialSubject, as cert-verifier-js applies them.
 *
 * Outcomes: a schema not stored is a check note ("schema_unavailable", not
 * a failure: a registry that does not collect schemas still verifies
 * proofs); a credential that does not conform fails with "schema_invalid";
 * a stored schema that cannot be applied fails with "schema_unusable".
 */
#include "postgres.h"

#include "did/stored_document.h"
#include "schema/json_schema.h"
#include "verify/verify_internal.h"

/* The JSON Schema the stored document for entry `type` holds, or NULL. */
static const CrJson *
schema_of(const CrJson *stored, bool is_credential)
{
	if (!is_credential)
		return stored;
	return crjson_get(crjson_get(stored, "credentialSubject"), "jsonSchema");
}

static bool
check_instance(const CrJson *schema, const CrJson *instance, const char *url, const char *what,
			   CrVerification *r)
{
	char	   *message;

	switch (crschema_validate(schema, instance, &message))
	{
		case CRSCHEMA_VALID:
			return true;
		case CRSCHEMA_INVALID:
			return cr_verify_fail(r, "schema_invalid",
								  psprintf("%s does not conform to the schema %s: %s", what, url, message));
		case CRSCHEMA_ERROR:
			break;
	}
	return cr_verify_fail(r, "schema_unusable",
						  psprintf("the schema %s cannot be applied: %s", url, message));
}

static bool
check_entry(const CrJson *cred, const CrJson *entry, CrVerification *r)
{
	const char *type = crjson_get_string(entry, "type");
	const char *url = crjson_get_string(entry, "id");
	bool		is_credential;
	bool		found;
	const CrJson *stored;
	const CrJson *schema;

	if (type == NULL || url == NULL)
		return cr_verify_fail(r, "malformed", "a credentialSchema entry needs an id and a type");
	if (strcmp(type, "JsonSchema") != 0 && strcmp(type, "JsonSchemaCredential") != 0)
		return true;
	is_credential = strcmp(type, "JsonSchemaCredential") == 0;
	stored = cr_credential_schema_document(url, &found);
	if (!found)
	{
		cr_verify_check(r, psprintf("schema_unavailable: %s is not stored in credreg.credential_schema", url));
		return true;
	}
	schema = stored != NULL ? schema_of(stored, is_credential) : NULL;
	if (schema == NULL)
		return cr_verify_fail(r, "schema_unusable",
							  psprintf(is_credential ?
									   "the JsonSchemaCredential stored for %s has no credentialSubject.jsonSchema" :
									   "the schema stored for %s cannot be read", url));
	if (crjson_has_string(crjson_get(cred, "type"), "BlockcertsCredential"))
	{
		const CrJson *subjects = crjson_get(cred, "credentialSubject");
		int			n = subjects == NULL ? 0 : subjects->kind == CRJ_ARRAY ? subjects->count : 1;

		for (int i = 0; i < n; i++)
			if (!check_instance(schema, subjects->kind == CRJ_ARRAY ? subjects->u.elems[i] : subjects,
								url, psprintf("credentialSubject[%d]", i), r))
				return false;
		return true;
	}
	return check_instance(schema, cred, url, "the credential", r);
}

bool
cr_verify_credential_schema(const CrJson *cred, bool stop, CrVerification *r)
{
	const CrJson *cs = crjson_get(cred, "credentialSchema");
	bool		ok = true;

	if (cs == NULL)
		return true;
	if (cs->kind == CRJ_OBJECT)
		return check_entry(cred, cs, r);
	if (cs->kind != CRJ_ARRAY)
		return cr_verify_fail(r, "malformed", "credentialSchema is neither an object nor a list of them");
	for (int i = 0; i < cs->count && (ok || !stop); i++)
		ok = check_entry(cred, cs->u.elems[i], r) && ok;
	return ok;
}
