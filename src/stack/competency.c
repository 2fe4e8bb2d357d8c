/*
 * competency.c
 *		Competency leaves and `concept` predicates: does an award's alignment
 *		reach the required concept (SEMANTICS.md §2.3)?
 *
 * This is the one place where the stack capability meets the taxonomy
 * capability: it resolves URIs with credreg_competency_resolve, builds the
 * award's held skillset from its alignments, and asks
 * credreg_taxonomy_satisfies, whose path becomes the explanation
 * ("SQL -broader-> query languages (1 hop)").
 *
 * Levels: an alignment's own level, else the award's level, else 0 (held,
 * no level).  The rule's match policy maps onto TaxonomyPolicy:
 * "narrower": false means no broader hops; "maxHops" bounds them; "close"
 * allows one closeMatch hop; "crosswalk" lists the mapping relations that
 * may be followed (absent: the taxonomy default, exactMatch).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "stack/stack_internal.h"
#include "taxonomy/taxonomy.h"

struct StackCompetencyCtx
{
	int			nuri;
	int			capuri;
	char	  **uris;
	int32	   *ids;
	int			nlabel;
	int			caplabel;
	int32	   *label_ids;
	char	  **labels;
	SkillSet  **held;			/* per item index, built on first use */
	int			nitems;
};

StackCompetencyCtx *
stack_competency_context(int nitems)
{
	StackCompetencyCtx *c = palloc0(sizeof(StackCompetencyCtx));

	c->nitems = nitems;
	c->held = palloc0(sizeof(SkillSet *) * Max(nitems, 1));
	return c;
}

static int32
resolve(StackCompetencyCtx *c, const char *uri)
{
	int			i;
	int32		id;

	for (i = 0; i < c->nuri; i++)
		if (strcmp(c->uris[i], uri) == 0)
			return c->ids[i];
	/* the model is UTF-8, the taxonomy tables are in the server encoding */
	id = credreg_competency_resolve(pg_any_to_server(uri, strlen(uri), PG_UTF8));
	if (c->nuri == c->capuri)
	{
		c->capuri = c->capuri ? c->capuri * 2 : 16;
		c->uris = c->uris ? repalloc(c->uris, sizeof(char *) * c->capuri)
			: palloc(sizeof(char *) * c->capuri);
		c->ids = c->ids ? repalloc(c->ids, sizeof(int32) * c->capuri)
			: palloc(sizeof(int32) * c->capuri);
	}
	c->uris[c->nuri] = pstrdup(uri);
	c->ids[c->nuri++] = id;
	return id;
}

/*
 * A competency's label for explanations, from the compiled taxonomy
 * (credreg_competency_label, no query per evaluation), copied and converted
 * to the model's UTF-8; "#id" when it has none.
 */
static const char *
label_of(StackCompetencyCtx *c, int32 id)
{
	int			i;
	const char *v;
	char	   *label;

	for (i = 0; i < c->nlabel; i++)
		if (c->label_ids[i] == id)
			return c->labels[i];
	v = credreg_competency_label(id);
	if (v == NULL)
		label = psprintf("#%d", id);
	else
		label = pstrdup(pg_server_to_any(v, strlen(v), PG_UTF8));
	if (c->nlabel == c->caplabel)
	{
		c->caplabel = c->caplabel ? c->caplabel * 2 : 16;
		c->label_ids = c->label_ids ? repalloc(c->label_ids, sizeof(int32) * c->caplabel)
			: palloc(sizeof(int32) * c->caplabel);
		c->labels = c->labels ? repalloc(c->labels, sizeof(char *) * c->caplabel)
			: palloc(sizeof(char *) * c->caplabel);
	}
	c->label_ids[c->nlabel] = id;
	c->labels[c->nlabel++] = label;
	return label;
}

/* The award's alignments as a skillset (unknown URIs are left out). */
static SkillSet *
held_of(StackCompetencyCtx *c, int k, const StackItem *item)
{
	int32	   *ids;
	int32	   *levels;
	int			n = 0;
	int			i;
	CredregFailure failure;
	SkillSet   *s;

	if (c->held[k])
		return c->held[k];
	ids = palloc(sizeof(int32) * Max(item->nalign, 1));
	levels = palloc(sizeof(int32) * Max(item->nalign, 1));
	for (i = 0; i < item->nalign; i++)
	{
		int32		id = resolve(c, item->align[i].uri);
		int			level = item->align[i].level >= 0 ? item->align[i].level : item->level;

		if (id <= 0)
			continue;
		ids[n] = id;
		levels[n++] = Min(Max(level, 0), SKILLSET_MAX_LEVEL);
	}
	s = n > 0 ? credreg_skillset_build(ids, levels, n, &failure) : credreg_skillset_empty();
	if (s == NULL)
		credreg_raise(&failure, ERRCODE_INVALID_PARAMETER_VALUE);
	c->held[k] = s;
	return s;
}

static void
policy_for(TaxonomyPolicy *pol, bool narrower, int max_hops, bool close,
		   int ncrosswalk, char **crosswalk)
{
	int			i;

	credreg_taxonomy_policy_default(pol);
	if (!narrower)
		pol->max_hops = 0;
	else if (max_hops >= 0)
		pol->max_hops = max_hops;
	pol->close = close;
	if (ncrosswalk >= 0)
	{
		pol->exact = false;
		for (i = 0; i < ncrosswalk; i++)
		{
			if (strcmp(crosswalk[i], "exactMatch") == 0)
				pol->exact = true;
			else if (strcmp(crosswalk[i], "closeMatch") == 0)
				pol->close = true;
		}
	}
}

static char *
path_text(StackCompetencyCtx *c, const TaxonomyMatch *m)
{
	StringInfoData b;
	int			i;

	initStringInfo(&b);
	if (m->npath <= 1)
	{
		appendStringInfo(&b, "%s (same concept)", label_of(c, m->by));
		return b.data;
	}
	appendStringInfoString(&b, label_of(c, m->path[0]));
	for (i = 1; i < m->npath; i++)
		appendStringInfo(&b, " -%s-> %s", credreg_taxonomy_edge_name(m->via[i - 1]),
						 label_of(c, m->path[i]));
	if (m->hops > 0)
		appendStringInfo(&b, " (%d hop%s)", m->hops, m->hops == 1 ? "" : "s");
	return b.data;
}

void
stack_competency_match(StackCompetencyCtx *c, const StackNode *leaf, int k,
					   const StackItem *item, StackCompetencyMatch *result)
{
	TaxonomyPolicy pol;
	TaxonomyMatch m;
	int32		target;
	SkillSet   *held;

	result->matches = false;
	result->level = -1;
	result->path = NULL;
	if (item->nalign == 0)
		return;
	target = resolve(c, leaf->target_uri);
	if (target <= 0)
		return;
	held = held_of(c, k, item);
	policy_for(&pol, leaf->m_narrower, leaf->m_max_hops, leaf->m_close,
			   leaf->ncrosswalk, leaf->crosswalk);
	memset(&m, 0, sizeof(m));
	if (credreg_taxonomy_satisfies(held, target, Max(leaf->min_level, 0), &pol, &m))
	{
		result->matches = true;
		result->level = m.by_level;
		result->path = path_text(c, &m);
	}
	else if (m.reason && strcmp(m.reason, "level_too_low") == 0)
	{
		result->matches = true;
		result->level = m.best_level;
	}
}

bool
stack_concept_match(StackCompetencyCtx *c, const StackPred *pred, int k, const StackItem *item)
{
	TaxonomyPolicy pol;
	TaxonomyMatch m;
	int32		target;

	if (item->nalign == 0)
		return false;
	target = resolve(c, pred->str);
	if (target <= 0)
		return false;
	policy_for(&pol, pred->narrower, pred->max_hops, pred->close, -1, NULL);
	memset(&m, 0, sizeof(m));
	return credreg_taxonomy_satisfies(held_of(c, k, item), target, 0, &pol, &m);
}
