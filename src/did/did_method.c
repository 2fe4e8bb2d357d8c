/*
 * did_method.c
 *		Finding a verification method in a DID or controller document (see
 *		did.h).  Pure: no database access, so the libFuzzer harness
 *		(test/fuzz/fuzz_did.c) runs it on arbitrary documents.
 */
#include "postgres.h"

#include "did/did.h"

/* The members that may hold verification method objects (DID Core §5.3). */
static const char *const method_sets[] = {
	"verificationMethod", "assertionMethod", "authentication",
};

/* id names vm: equal, or a relative "#fragment" of the document at base. */
static bool
id_names(const char *id, const char *base, const char *vm)
{
	size_t		blen = strlen(base);

	if (strcmp(id, vm) == 0)
		return true;
	return id[0] == '#' && strncmp(vm, base, blen) == 0 && strcmp(vm + blen, id) == 0;
}

static bool
method_key(const CrJson *m, const char *base, const char *vm, const CrJson *doc,
		   char **key_text, const char **controller, CredregFailure *f)
{
	const char *mb = crjson_get_string(m, "publicKeyMultibase");
	const CrJson *jwk = crjson_get(m, "publicKeyJwk");
	const char *ctl = crjson_get_string(m, "controller");

	if (mb != NULL)
		*key_text = pstrdup(mb);
	else if (jwk != NULL && jwk->kind == CRJ_OBJECT)
	{
		StringInfoData s;

		initStringInfo(&s);
		crjson_append_text(&s, jwk);
		*key_text = s.data;
	}
	else
		return credreg_fail(f, "key_unresolved",
							"verification method %s in the stored document of %s has neither publicKeyMultibase nor publicKeyJwk",
							vm, base);
	if (ctl == NULL)
		ctl = crjson_get_string(doc, "id");
	*controller = ctl != NULL ? ctl : base;
	return true;
}

bool
crdid_find_method(const CrJson *doc, const char *base, const char *vm,
				  char **key_text, const char **controller, CredregFailure *f)
{
	const char *doc_id;

	if (doc == NULL || doc->kind != CRJ_OBJECT)
		return credreg_fail(f, "key_unresolved", "the stored document of %s is not a JSON object", base);
	/* DID Core §7.1.2 / did:web read step: the document must be about base */
	doc_id = crjson_get_string(doc, "id");
	if (doc_id != NULL && strcmp(doc_id, base) != 0)
		return credreg_fail(f, "key_unresolved", "the stored document of %s has the id %s", base, doc_id);
	for (int s = 0; s < lengthof(method_sets); s++)
	{
		const CrJson *set = crjson_get(doc, method_sets[s]);

		if (set == NULL)
			continue;
		if (set->kind == CRJ_OBJECT)
		{
			const char *id = crjson_get_string(set, "id");

			if (id != NULL && id_names(id, base, vm))
				return method_key(set, base, vm, doc, key_text, controller, f);
			continue;
		}
		if (set->kind != CRJ_ARRAY)
			continue;
		for (int i = 0; i < set->count; i++)
		{
			const CrJson *m = set->u.elems[i];
			const char *id;

			if (m->kind != CRJ_OBJECT)
				continue;		/* a reference to a method listed elsewhere */
			id = crjson_get_string(m, "id");
			if (id != NULL && id_names(id, base, vm))
				return method_key(m, base, vm, doc, key_text, controller, f);
		}
	}
	return credreg_fail(f, "key_unresolved",
						"verification method %s is not in the stored document of %s (credreg.did_document)",
						vm, base);
}
