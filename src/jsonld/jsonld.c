/*
 * jsonld.c
 *		Entry points of the JSON-LD processor: the C API of jsonld.h.
 */
#include "postgres.h"

#include "jsonld/jsonld_int.h"

static void
proc_init(JldProc *p, CredregFailure *failure, bool safe_mode)
{
	memset(p, 0, sizeof(*p));
	p->failure = failure;
	failure->code = NULL;
	failure->message = NULL;
	p->safe_mode = safe_mode;
	p->bnode_map = jv_object();
	jld_cache_begin();
}

static bool
check_base(const char *base, CredregFailure *failure)
{
	if (base != NULL && !jld_is_absolute_iri(base))
		return credreg_fail(failure, "jsonld_invalid",
							"invalid base IRI: \"%s\" is not an absolute IRI", base);
	return true;
}

bool
credreg_jsonld_expand_text(const CrJson *doc, const char *base, bool safe_mode,
						   StringInfo out, CredregFailure *failure)
{
	JldProc		p;
	CredregFailure f;
	JldValue   *expanded;

	if (!check_base(base, failure))
		return false;
	proc_init(&p, &f, safe_mode);
	if (!jld_expand(&p, doc, base, &expanded))
	{
		if (failure)
			*failure = f;
		return false;
	}
	jv_append_json(out, expanded);
	return true;
}

bool
credreg_jsonld_to_dataset(const CrJson *doc, const char *base, bool safe_mode,
						  RdfDataset *ds, CredregFailure *failure)
{
	JldProc		p;
	CredregFailure f;
	JldValue   *expanded;

	if (!check_base(base, failure))
		return false;
	proc_init(&p, &f, safe_mode);
	if (!jld_expand(&p, doc, base, &expanded) || !jld_to_dataset(&p, expanded, ds))
	{
		if (failure)
			*failure = f;
		return false;
	}
	return true;
}

bool
credreg_jsonld_to_nquads(const CrJson *doc, const char *base, bool safe_mode,
						 StringInfo out, CredregFailure *failure)
{
	RdfDataset *ds = rdf_dataset_create();

	if (!credreg_jsonld_to_dataset(doc, base, safe_mode, ds, failure))
		return false;
	jld_write_sorted(ds, out);
	return true;
}
