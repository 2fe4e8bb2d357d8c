/*
 * match.c
 *		SQL face of the closure: the matching policy, closure(), match(),
 *		gap(), and resolution of competency references (skills()).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/json.h"
#include "utils/numeric.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"
#include "taxonomy/closure.h"

void
credreg_taxonomy_policy_default(TaxonomyPolicy *policy)
{
	policy->max_hops = -1;
	policy->close = false;
	policy->exact = true;
	policy->replaced_by = true;
	policy->inherit_level = true;
	policy->allow_top_level = false;
}

bool
credreg_taxonomy_policy_from_jsonb(Jsonb *json, TaxonomyPolicy *policy,
								   CredregFailure *failure)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;

	credreg_taxonomy_policy_default(policy);
	if (json == NULL)
		return true;
	if (!JB_ROOT_IS_OBJECT(json))
		return credreg_fail(failure, "invalid_policy", "matching policy must be a JSON object");
	it = JsonbIteratorInit(&json->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		if (strcmp(key, "maxHops") == 0)
		{
			if (v.type == jbvNull)
				policy->max_hops = -1;
			else
			{
				char	   *str = (v.type == jbvNumeric) ? numeric_normalize(v.val.numeric) : NULL;
				int			h = 0;
				const char *p;

				if (str == NULL || strlen(str) > 6 || *str == '\0')
					return credreg_fail(failure, "invalid_policy",
										"matching policy key \"maxHops\" must be a whole number or null");
				for (p = (*str == '-') ? str + 1 : str; *p; p++)
				{
					if (!isdigit((unsigned char) *p))
						return credreg_fail(failure, "invalid_policy",
											"matching policy key \"maxHops\" must be a whole number or null");
					h = h * 10 + (*p - '0');
				}
				if (*str == '-')
					h = -h;
				if (h < 0 || h > 1000)
					return credreg_fail(failure, "invalid_policy",
										"matching policy key \"maxHops\" must be between 0 and 1000");
				policy->max_hops = (int) h;
			}
		}
		else
		{
			bool	   *target = NULL;

			if (strcmp(key, "close") == 0)
				target = &policy->close;
			else if (strcmp(key, "exactMatch") == 0)
				target = &policy->exact;
			else if (strcmp(key, "replacedBy") == 0)
				target = &policy->replaced_by;
			else if (strcmp(key, "inheritLevel") == 0)
				target = &policy->inherit_level;
			else if (strcmp(key, "allowTopLevel") == 0)
				target = &policy->allow_top_level;
			else
				return credreg_fail(failure, "invalid_policy",
									"unrecognized matching policy key \"%s\"", key);
			if (v.type != jbvBool)
				return credreg_fail(failure, "invalid_policy",
									"matching policy key \"%s\" must be true or false", key);
			*target = v.val.boolean;
		}
	}
	return true;
}

/* The policy of SQL argument argno (absent or NULL: the defaults); 22023 when invalid. */
void
credreg_taxonomy_policy_arg(FunctionCallInfo fcinfo, int argno, TaxonomyPolicy *policy)
{
	CredregFailure failure;
	Jsonb	   *j = (PG_NARGS() > argno && !PG_ARGISNULL(argno)) ? PG_GETARG_JSONB_P(argno) : NULL;

	if (!credreg_taxonomy_policy_from_jsonb(j, policy, &failure))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", failure.message)));
}

PG_FUNCTION_INFO_V1(taxonomy_closure);
/* closure(skillset, policy jsonb) */
Datum
taxonomy_closure(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	TaxonomyPolicy policy;

	credreg_taxonomy_policy_arg(fcinfo, 1, &policy);
	PG_RETURN_SKILLSET_P(credreg_skillset_closure(s, &policy));
}

PG_FUNCTION_INFO_V1(taxonomy_gap);
/* gap(held, required, policy): the requirements the closure of held misses */
Datum
taxonomy_gap(PG_FUNCTION_ARGS)
{
	SkillSet   *held = PG_GETARG_SKILLSET_P(0);
	SkillSet   *req = PG_GETARG_SKILLSET_P(1);
	TaxonomyPolicy policy;
	int32	   *ids = palloc(sizeof(int32) * Max(req->nitems, 1));
	int32	   *levels = palloc(sizeof(int32) * Max(req->nitems, 1));
	int			n = 0,
				i;

	credreg_taxonomy_policy_arg(fcinfo, 2, &policy);
	for (i = 0; i < req->nitems; i++)
	{
		TaxonomyMatch m;

		if (credreg_taxonomy_satisfies(held, SKILLSET_IDS(req)[i], SKILLSET_LEVELS(req)[i],
									   &policy, &m))
			continue;
		ids[n] = SKILLSET_IDS(req)[i];
		levels[n++] = SKILLSET_LEVELS(req)[i];
	}
	PG_RETURN_SKILLSET_P(credreg_skillset_build(ids, levels, n, NULL));
}

static void
AppendCompetency(StringInfo out, TaxonomyGraph *g, int32 id)
{
	const char *uri = credreg_taxonomy_index(g, id) >= 0 ? credreg_competency_uri(id) : NULL;
	const char *label = uri != NULL ? credreg_competency_label(id) : NULL;

	appendStringInfo(out, "{\"id\": %d", id);
	if (uri != NULL)
	{
		appendStringInfoString(out, ", \"uri\": ");
		escape_json(out, uri);
		appendStringInfoString(out, ", \"label\": ");
		if (label != NULL)
			escape_json(out, label);
		else
			appendStringInfoString(out, "null");
	}
	appendStringInfoChar(out, '}');
}

PG_FUNCTION_INFO_V1(taxonomy_match);
/* match(held, required, policy): coverage and per-requirement explanation */
Datum
taxonomy_match(PG_FUNCTION_ARGS)
{
	SkillSet   *held = PG_GETARG_SKILLSET_P(0);
	SkillSet   *req = PG_GETARG_SKILLSET_P(1);
	TaxonomyPolicy policy;
	StringInfoData out,
				items;
	int			i,
				nsat = 0;
	TaxonomyGraph *g;

	credreg_taxonomy_policy_arg(fcinfo, 2, &policy);
	initStringInfo(&items);
	for (i = 0; i < req->nitems; i++)
	{
		TaxonomyMatch m;
		int32		target = SKILLSET_IDS(req)[i];
		int			level = SKILLSET_LEVELS(req)[i];
		int			k;

		credreg_taxonomy_satisfies(held, target, level, &policy, &m);
		g = credreg_taxonomy_graph();
		if (i > 0)
			appendStringInfoString(&items, ", ");
		appendStringInfoString(&items, "{\"required\": ");
		AppendCompetency(&items, g, target);
		appendStringInfo(&items, ", \"level\": %d, \"satisfied\": %s", level,
						 m.satisfied ? "true" : "false");
		if (m.satisfied)
		{
			nsat++;
			appendStringInfoString(&items, ", \"by\": ");
			AppendCompetency(&items, g, m.by);
			appendStringInfo(&items, ", \"heldLevel\": %d, \"hops\": %d, \"path\": [",
							 m.by_level, m.hops);
			for (k = 0; k < m.npath; k++)
			{
				if (k > 0)
					appendStringInfoString(&items, ", ");
				AppendCompetency(&items, g, m.path[k]);
			}
			appendStringInfoString(&items, "], \"via\": [");
			for (k = 0; k + 1 < m.npath; k++)
				appendStringInfo(&items, "%s\"%s\"", k > 0 ? ", " : "",
								 credreg_taxonomy_edge_name(m.via[k]));
			appendStringInfoChar(&items, ']');
		}
		else
		{
			appendStringInfo(&items, ", \"reason\": \"%s\"", m.reason);
			if (m.best_level >= 0)
				appendStringInfo(&items, ", \"bestLevel\": %d", m.best_level);
		}
		appendStringInfoChar(&items, '}');
	}
	initStringInfo(&out);
	if (nsat == req->nitems)
		appendStringInfoString(&out, "{\"score\": 1");
	else
		appendStringInfo(&out, "{\"score\": %.4f", (double) nsat / req->nitems);
	appendStringInfo(&out, ", \"satisfied\": %d, \"required\": %d, \"requirements\": [%s]}",
					 nsat, req->nitems, items.data);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(out.data)));
}

PG_FUNCTION_INFO_V1(taxonomy_resolve);
/* competency_id(ref text): id of a URI or framework:code reference, or null */
Datum
taxonomy_resolve(PG_FUNCTION_ARGS)
{
	char	   *ref = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int32		id = credreg_competency_resolve(ref);

	if (id == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(id);
}

PG_FUNCTION_INFO_V1(taxonomy_skills);
/* skills(refs text[], levels int[]): resolve references into a skillset */
Datum
taxonomy_skills(PG_FUNCTION_ARGS)
{
	ArrayType  *refs;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				nl = 0,
				i;
	int32	   *ids,
			   *levels = NULL;
	CredregFailure failure;
	SkillSet   *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	refs = PG_GETARG_ARRAYTYPE_P(0);
	if (ARR_NDIM(refs) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("competency reference array must be one-dimensional")));
	deconstruct_array(refs, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		levels = credreg_int4_array(PG_GETARG_ARRAYTYPE_P(1), &nl, "level array");
		if (nl != n)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("level array has %d elements, competency reference array has %d", nl, n)));
	}
	ids = palloc(sizeof(int32) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		char	   *ref;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("competency reference array must not contain nulls")));
		ref = TextDatumGetCString(elems[i]);
		ids[i] = credreg_competency_resolve(ref);
		if (ids[i] == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized competency reference \"%s\"", ref),
					 errhint("Give a competency URI or framework:code of an imported framework.")));
	}
	s = credreg_skillset_build(ids, levels, n, &failure);
	if (s == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", failure.message)));
	PG_RETURN_SKILLSET_P(s);
}
