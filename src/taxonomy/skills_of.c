/*
 * skills_of.c
 *		credreg.skills_of(credential jsonb): the skillset an OB 3.0 / CLR 2.0
 *		credential's alignments denote (SEMANTICS.md §1.2-1.3), in one pass
 *		over the document.
 *
 * It gives exactly the answer of the SQL function credential_alignments
 * (taxonomy.sql) restricted to resolved competencies, each kept at its
 * highest level; that function stays the reference and the way to list the
 * alignments themselves.  The SQL version cost 0.65 ms a call (a SET clause
 * prevents inlining, and a dozen jsonb_array_elements scans run even when
 * there is nothing to find); this walks the tree once.  The one deliberate
 * difference: a result whose achievedLevel or value matches several rubric
 * levels or allowed values takes the first, where the SQL raises "more than
 * one row returned by a subquery".
 */
#include "postgres.h"

#include "catalog/pg_collation.h"
#include "utils/builtins.h"
#include "utils/formatting.h"
#include "utils/jsonb.h"

#include "did/stored_document.h"
#include "json/json.h"
#include "taxonomy/taxonomy.h"

PG_FUNCTION_INFO_V1(taxonomy_skills_of);

/* CLR credentials nest credentials; the SQL recursion stops at depth 4. */
#define SKILLS_OF_MAX_DEPTH 4

typedef struct SkillsAcc
{
	int32	   *ids;
	int32	   *levels;
	int			n;
	int			cap;
} SkillsAcc;

/*
 * The elements of taxonomy_jarr(v): an array's elements, any other value
 * alone, none for JSON null or an absent member (*one holds a lone value).
 */
static CrJson **
jarr(CrJson *v, int *n, CrJson **one)
{
	if (v == NULL || v->kind == CRJ_NULL)
	{
		*n = 0;
		return NULL;
	}
	if (v->kind == CRJ_ARRAY)
	{
		*n = v->count;
		return v->u.elems;
	}
	*one = v;
	*n = 1;
	return one;
}

static bool
text_eq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* taxonomy_level(i, n): level 1..5 of the i-th of n values, or -1 (NULL). */
static int
position_level(int i, int n)
{
	if (i < 0 || n < 1 || i >= n)
		return -1;
	if (n == 1)
		return 5;
	/* 1 + round(4.0 * i / (n - 1)), halves away from zero */
	return 1 + (8 * i + (n - 1)) / (2 * (n - 1));
}

/*
 * An alignment's competency: targetUrl, else lower(targetFramework) ':'
 * targetCode, as competency_id resolves them; 0 when neither is known.
 */
static void
add_alignment(SkillsAcc *acc, const CrJson *al, int level)
{
	const char *url,
			   *fw,
			   *code;
	int32		id = 0;

	if (al == NULL || al->kind != CRJ_OBJECT)
		return;
	url = crjson_text(crjson_get(al, "targetUrl"));
	if (url != NULL)
		id = credreg_competency_resolve(url);
	if (id == 0)
	{
		fw = crjson_text(crjson_get(al, "targetFramework"));
		code = crjson_text(crjson_get(al, "targetCode"));
		if (fw != NULL && code != NULL)
			id = credreg_competency_resolve(psprintf("%s:%s",
													 str_tolower(fw, strlen(fw), DEFAULT_COLLATION_OID),
													 code));
	}
	if (id == 0)
		return;
	if (acc->n == acc->cap)
	{
		acc->cap *= 2;
		acc->ids = repalloc(acc->ids, sizeof(int32) * acc->cap);
		acc->levels = repalloc(acc->levels, sizeof(int32) * acc->cap);
	}
	acc->ids[acc->n] = id;
	acc->levels[acc->n] = level;
	acc->n++;
}

static void
add_alignments(SkillsAcc *acc, CrJson *list, int level)
{
	CrJson	   *one;
	int			n;
	CrJson	  **x = jarr(list, &n, &one);

	for (int i = 0; i < n; i++)
		add_alignment(acc, x[i], level);
}

/* Index of the first element whose text is want, or -1. */
static int
first_with_text(CrJson **elems, int n, const char *member, const char *want)
{
	if (want == NULL)
		return -1;
	for (int i = 0; i < n; i++)
	{
		const CrJson *t = member ? crjson_get(elems[i], member) : elems[i];

		if (text_eq(crjson_text(t), want))
			return i;
	}
	return -1;
}

/*
 * A completed result r with its result description d (NULL when none
 * matches): the res, res_level and al rows of credential_alignments.
 */
static void
result_row(SkillsAcc *acc, CrJson *r, CrJson *d)
{
	CrJson	   *one;
	CrJson	   *rcl = crjson_get(d, "rubricCriterionLevel");
	CrJson	   *av = crjson_get(d, "allowedValue");
	CrJson	  **levels = NULL,
			  **values = NULL;
	int			lvl_n = -1,
				val_n = -1,
				lvl_i = -1,
				val_i = -1,
				level;

	if (rcl != NULL)
	{
		levels = jarr(rcl, &lvl_n, &one);
		lvl_i = first_with_text(levels, lvl_n, "id", crjson_text(crjson_get(r, "achievedLevel")));
	}
	if (av != NULL)
	{
		CrJson	   *one_value;

		values = jarr(av, &val_n, &one_value);
		val_i = first_with_text(values, val_n, NULL, crjson_text(crjson_get(r, "value")));
	}
	level = position_level(lvl_i, lvl_n);
	if (level < 0)
		level = position_level(val_i, val_n);
	if (level < 0)
		level = 0;

	if (d != NULL)
		add_alignments(acc, crjson_get(d, "alignment"), level);
	/* the achieved rubric level and the ones below it, each at its own level */
	for (int o = 0; o <= lvl_i; o++)
		add_alignments(acc, crjson_get(levels[o], "alignment"), position_level(o, lvl_n));
	add_alignments(acc, crjson_get(r, "alignment"), level);
}

static void
subject_skills(SkillsAcc *acc, CrJson *s)
{
	CrJson	   *one_a,
			   *one_r;
	int			na,
				nr;
	CrJson	  **achs = jarr(crjson_get(s, "achievement"), &na, &one_a);
	CrJson	  **results = jarr(crjson_get(s, "result"), &nr, &one_r);

	for (int i = 0; i < na; i++)
		if (achs[i]->kind == CRJ_OBJECT)
			add_alignments(acc, crjson_get(achs[i], "alignment"), 0);

	for (int j = 0; j < nr; j++)
	{
		CrJson	   *r = results[j];
		const char *status;
		const char *ref;
		bool		matched = false;

		if (r->kind != CRJ_OBJECT)
			continue;
		status = crjson_text(crjson_get(r, "status"));
		if (status != NULL && strcmp(status, "Completed") != 0)
			continue;
		/* every description of the subject's achievements with that id */
		ref = crjson_text(crjson_get(r, "resultDescription"));
		for (int i = 0; ref != NULL && i < na; i++)
		{
			CrJson	   *one_d;
			int			nd;
			CrJson	  **ds;

			if (achs[i]->kind != CRJ_OBJECT)
				continue;
			ds = jarr(crjson_get(achs[i], "resultDescription"), &nd, &one_d);
			for (int k = 0; k < nd; k++)
			{
				if (ds[k]->kind == CRJ_OBJECT && text_eq(crjson_text(crjson_get(ds[k], "id")), ref))
				{
					result_row(acc, r, ds[k]);
					matched = true;
				}
			}
		}
		if (!matched)
			result_row(acc, r, NULL);
	}
}

/* A credential (after unwrapping "vc") and the credentials it embeds. */
static void
credential_skills(SkillsAcc *acc, CrJson *c, int depth)
{
	CrJson	   *cs = crjson_get(c, "credentialSubject");
	CrJson	   *one;
	int			n;
	CrJson	  **subjects = jarr(cs, &n, &one);
	CrJson	  **embedded;

	for (int i = 0; i < n; i++)
		if (subjects[i]->kind == CRJ_OBJECT)
			subject_skills(acc, subjects[i]);
	if (depth >= SKILLS_OF_MAX_DEPTH)
		return;
	embedded = jarr(crjson_get(cs, "verifiableCredential"), &n, &one);
	for (int i = 0; i < n; i++)
	{
		CrJson	   *v = embedded[i];
		CrJson	   *vc;

		if (v->kind != CRJ_OBJECT)
			continue;
		vc = crjson_get(v, "vc");
		credential_skills(acc, vc ? vc : v, depth + 1);
	}
}

/*
 * Open Badges 2.0: an assertion's BadgeClass, embedded or stored under its
 * IRI in credreg.hosted_document (credreg never fetches), carries the
 * alignment; its level is 0, as in credential_alignments.
 */
static void
badge_skills(SkillsAcc *acc, CrJson *c)
{
	CrJson	   *badge = crjson_get(c, "badge");
	const char *url;

	if (badge == NULL)
		return;
	if (badge->kind != CRJ_OBJECT)
	{
		url = crjson_text(badge);
		badge = url ? cr_hosted_document(url) : NULL;
	}
	if (badge != NULL && badge->kind == CRJ_OBJECT)
		add_alignments(acc, crjson_get(badge, "alignment"), 0);
}

/*
 * The skillset a credential's alignments denote (credreg.skills_of on the
 * credential given as a tree, e.g. the registry's payload); raises when the
 * skillset would be too large.
 */
SkillSet *
credreg_skills_of(CrJson *doc)
{
	CrJson	   *vc = crjson_get(doc, "vc");
	SkillsAcc	acc;
	SkillSet   *result;
	CredregFailure failure;

	acc.cap = 16;
	acc.n = 0;
	acc.ids = palloc(sizeof(int32) * acc.cap);
	acc.levels = palloc(sizeof(int32) * acc.cap);
	credential_skills(&acc, vc ? vc : doc, 0);
	badge_skills(&acc, vc ? vc : doc);
	if (acc.n == 0)
		return credreg_skillset_empty();
	result = credreg_skillset_build(acc.ids, acc.levels, acc.n, &failure);
	if (result == NULL)
		credreg_raise(&failure, ERRCODE_PROGRAM_LIMIT_EXCEEDED);
	return result;
}

/* credreg.skills_of(credential jsonb) */
Datum
taxonomy_skills_of(PG_FUNCTION_ARGS)
{
	PG_RETURN_SKILLSET_P(credreg_skills_of(crjson_from_jsonb(PG_GETARG_JSONB_P(0))));
}
