/*
 * explain.c
 *		The explanation of an evaluation (SEMANTICS.md §4.2): nodes, missing,
 *		unused, overLimit.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "stack/eval_internal.h"
#include "stack/stack.h"
#include "stack/stack_search.h"

/* ---- output ---- */

static void
append_num(StringInfo out, double d)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (d == (double) (int64) d && fabs(d) < 1e15)
		appendStringInfo(out, INT64_FORMAT, (int64) d);
	else
	{
		double_to_shortest_decimal_buf(d, buf);
		appendStringInfoString(out, buf);
	}
}


static void
emit_ids(StringInfo out, Eval *e, int l, bool (*pick) (Eval *, int, int))
{
	int			k;
	bool		first = true;

	appendStringInfoChar(out, '[');
	for (k = 0; k < e->nitems; k++)
		if (pick(e, l, k))
		{
			if (!first)
				appendStringInfoString(out, ", ");
			first = false;
			escape_json(out, e->items[k].id);
		}
	appendStringInfoChar(out, ']');
}

static bool
pick_assigned(Eval *e, int l, int k)
{
	return e->assigned[AT(e, l, k)];
}

static bool
pick_over(Eval *e, int l, int k)
{
	return e->over_limit[k] && e->elig[AT(e, l, k)];
}

static void
emit_blocked(StringInfo out, Eval *e, int l)
{
	int			k;
	bool		first = true;

	appendStringInfoChar(out, '[');
	for (k = 0; k < e->nitems; k++)
		if (e->matched[AT(e, l, k)] && !e->elig[AT(e, l, k)] && e->reason[AT(e, l, k)])
		{
			if (!first)
				appendStringInfoString(out, ", ");
			first = false;
			appendStringInfoString(out, "{\"award\": ");
			escape_json(out, e->items[k].id);
			appendStringInfoString(out, ", \"reason\": ");
			escape_json(out, e->reason[AT(e, l, k)]);
			appendStringInfoChar(out, '}');
		}
	appendStringInfoChar(out, ']');
}

static const char *const type_names[] = {"all", "nOf", "items", "competency", "stack", "condition"};

static void
emit_need_have(StringInfo out, Eval *e, StackNode *n)
{
	int			l = n->leaf;

	if (l >= 0 && n->kind != SN_STACK)
	{
		bool		c = false;

		appendStringInfoString(out, ", \"need\": {");
		if (e->min_items[l] >= 0)
		{
			appendStringInfo(out, "\"items\": %d", e->min_items[l]);
			c = true;
		}
		if (e->min_credits[l] >= 0)
		{
			appendStringInfo(out, "%s\"credits\": ", c ? ", " : "");
			append_num(out, e->min_credits[l]);
		}
		appendStringInfo(out, "}, \"have\": {\"items\": %d", e->have_items[l]);
		if (e->min_credits[l] >= 0)
		{
			appendStringInfoString(out, ", \"credits\": ");
			append_num(out, e->have_credits[l]);
		}
		appendStringInfoChar(out, '}');
	}
	else if (l >= 0)
		appendStringInfo(out, ", \"need\": {\"award\": 1}, \"have\": {\"award\": %d}", e->have_items[l]);
	else if (n->kind == SN_ALL || n->kind == SN_NOF)
		appendStringInfo(out, ", \"need\": {\"children\": %d}, \"have\": {\"children\": %d}",
						 n->kind == SN_NOF ? n->n : n->nchild, e->nsat[n->index]);
}

static void
emit_nodes(StringInfo out, Eval *e)
{
	StackRule  *r = e->rule;
	int			i;
	bool		first = true;

	appendStringInfoChar(out, '[');
	for (i = 0; i < e->N; i++)
	{
		StackNode  *n = r->nodes[i];
		int			l = n->leaf;

		if (!e->active[i])
			continue;
		if (!first)
			appendStringInfoString(out, ", ");
		first = false;
		appendStringInfoString(out, "{\"id\": ");
		escape_json(out, n->eff_id);
		appendStringInfo(out, ", \"type\": \"%s\", \"satisfied\": %s",
						 type_names[n->kind], e->sat[i] ? "true" : "false");
		if (e->waived[i])
			appendStringInfoString(out, ", \"waived\": true");
		emit_need_have(out, e, n);
		if (e->mean_apply && e->mean[i] >= 0)
		{
			appendStringInfoString(out, ", \"meanLevel\": ");
			append_num(out, round(e->mean[i] * 1000) / 1000);
		}
		if (l >= 0)
		{
			int			k;
			bool		any = false;

			appendStringInfoString(out, ", \"assigned\": ");
			emit_ids(out, e, l, pick_assigned);
			for (k = 0; k < e->nitems; k++)
				if (e->assigned[AT(e, l, k)] && e->path[AT(e, l, k)])
				{
					appendStringInfoString(out, any ? ", " : ", \"path\": {");
					any = true;
					escape_json(out, e->items[k].id);
					appendStringInfoString(out, ": ");
					escape_json(out, e->path[AT(e, l, k)]);
				}
			if (any)
				appendStringInfoChar(out, '}');
			for (k = 0; k < e->nitems; k++)
				if (e->matched[AT(e, l, k)] && !e->elig[AT(e, l, k)] && e->reason[AT(e, l, k)])
				{
					appendStringInfoString(out, ", \"blocked\": ");
					emit_blocked(out, e, l);
					break;
				}
		}
		appendStringInfoChar(out, '}');
	}
	appendStringInfoChar(out, ']');
}

static int
cstring_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* The achievements of the registry candidates eligible for leaf l, sorted, distinct. */
static void
emit_candidates(StringInfo out, Eval *e, int l)
{
	char	  **ids = palloc(sizeof(char *) * Max(e->ncands, 1));
	int			n = 0;
	int			k;

	for (k = 0; k < e->ncands; k++)
		if (e->cand_elig[l * e->ncands + k])
			ids[n++] = e->cands[k].achievement;
	qsort(ids, n, sizeof(char *), cstring_cmp);
	appendStringInfoChar(out, '[');
	for (k = 0; k < n; k++)
	{
		if (k > 0 && strcmp(ids[k], ids[k - 1]) == 0)
			continue;
		if (k > 0)
			appendStringInfoString(out, ", ");
		escape_json(out, ids[k]);
	}
	appendStringInfoChar(out, ']');
	pfree(ids);
}

static void
emit_missing_leaf(StringInfo out, Eval *e, StackNode *n, bool with_need)
{
	int			l = n->leaf;

	appendStringInfoString(out, "{\"node\": ");
	escape_json(out, n->eff_id);
	if (n->label)
	{
		appendStringInfoString(out, ", \"label\": ");
		escape_json(out, n->label);
	}
	if (l >= 0 && with_need)
	{
		bool		c = false;

		appendStringInfoString(out, ", \"need\": {");
		if (n->kind == SN_STACK)
		{
			appendStringInfoString(out, "\"award\": ");
			if (n->ref_achievement)
				escape_json(out, n->ref_achievement);
			else
				escape_json(out, n->ref);
		}
		else
		{
			if (e->min_items[l] >= 0 && e->have_items[l] < e->min_items[l])
			{
				appendStringInfo(out, "\"items\": %d", e->min_items[l] - e->have_items[l]);
				c = true;
			}
			if (e->min_credits[l] >= 0 && e->have_credits[l] < e->min_credits[l] - EPS)
			{
				appendStringInfo(out, "%s\"credits\": ", c ? ", " : "");
				append_num(out, e->min_credits[l] - e->have_credits[l]);
			}
		}
		appendStringInfoChar(out, '}');
	}
	if (l >= 0)
	{
		int			k;
		bool		any = false;

		appendStringInfoString(out, ", \"blocked\": ");
		emit_blocked(out, e, l);
		for (k = 0; k < e->nitems; k++)
			if (pick_over(e, l, k))
				any = true;
		if (any)
		{
			appendStringInfoString(out, ", \"overLimit\": ");
			emit_ids(out, e, l, pick_over);
		}
		if (e->has_cands)
		{
			appendStringInfoString(out, ", \"candidates\": ");
			emit_candidates(out, e, l);
		}
	}
}

/* Unsatisfied leaves under `all` paths; an unsatisfied nOf once, with its open children. */
static void
emit_missing(StringInfo out, Eval *e, StackNode *n, bool *first)
{
	int			i;
	StackNode  *kids[STACK_MAX_CHILDREN];
	int			nk;

	check_stack_depth();
	if (!e->active[n->index] || e->sat[n->index])
		return;
	if (n->leaf >= 0)
	{
		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		emit_missing_leaf(out, e, n, true);
		appendStringInfoChar(out, '}');
		return;
	}
	if (n->kind == SN_CONDITION)
	{
		StackNode  *b = e->cond_true[n->index] ? n->then_node : n->else_node;

		if (b)
			emit_missing(out, e, b, first);
		return;
	}
	if (e->mean_apply && e->mean_bad[n->index])
	{
		/* minMeanLevel failed: the reason, then what the children still need */
		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		appendStringInfoString(out, "{\"node\": ");
		escape_json(out, n->eff_id);
		if (n->label)
		{
			appendStringInfoString(out, ", \"label\": ");
			escape_json(out, n->label);
		}
		appendStringInfoString(out, ", \"reason\": ");
		if (e->mean[n->index] >= 0)
		{
			StringInfoData why;

			initStringInfo(&why);
			appendStringInfoString(&why, "mean level ");
			append_num(&why, round(e->mean[n->index] * 1000) / 1000);
			appendStringInfoString(&why, " < minMeanLevel ");
			append_num(&why, n->min_mean_level);
			escape_json(out, why.data);
		}
		else
			escape_json(out, "no assigned award has a known level");
		appendStringInfoChar(out, '}');
		if (n->kind == SN_NOF && e->nsat[n->index] >= n->n)
			return;
	}
	nk = eval_node_children(n, kids);
	if (n->kind == SN_NOF && n->n < n->nchild)
	{
		bool		f2 = true;

		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		appendStringInfoString(out, "{\"node\": ");
		escape_json(out, n->eff_id);
		if (n->label)
		{
			appendStringInfoString(out, ", \"label\": ");
			escape_json(out, n->label);
		}
		appendStringInfo(out, ", \"need\": {\"children\": %d}, \"of\": [", n->n - e->nsat[n->index]);
		for (i = 0; i < nk; i++)
		{
			if (e->sat[kids[i]->index])
				continue;
			if (!f2)
				appendStringInfoString(out, ", ");
			f2 = false;
			emit_missing_leaf(out, e, kids[i], false);
			appendStringInfoChar(out, '}');
		}
		appendStringInfoString(out, "]}");
		return;
	}
	for (i = 0; i < nk; i++)
		emit_missing(out, e, kids[i], first);
}

Jsonb *
eval_emit(Eval *e)
{
	StringInfoData out;
	StackRule  *r = e->rule;
	int			k,
				l;
	bool		first;

	initStringInfo(&out);
	appendStringInfoString(&out, "{\"stack\": ");
	escape_json(&out, r->id);
	if (r->version)
	{
		appendStringInfoString(&out, ", \"version\": ");
		escape_json(&out, r->version);
	}
	appendStringInfo(&out, ", \"asOf\": \"%s\"", timestamp_to_xsd_exact(e->as_of));
	appendStringInfo(&out, ", \"complete\": %s, \"progress\": ", e->sat[0] ? "true" : "false");
	append_num(&out, round(e->f[0] * 1000) / 1000);
	appendStringInfo(&out, ", \"optimal\": %s, \"nodes\": ", e->optimal ? "true" : "false");
	emit_nodes(&out, e);
	appendStringInfoString(&out, ", \"missing\": [");
	first = true;
	emit_missing(&out, e, r->root, &first);
	appendStringInfoString(&out, "], \"unused\": [");
	first = true;
	for (k = 0; k < e->nitems; k++)
	{
		bool		placed = e->over_limit[k];

		for (l = 0; l < e->LF && !placed; l++)
			if (e->assigned[AT(e, l, k)])
				placed = true;
		if (placed)
			continue;
		if (!first)
			appendStringInfoString(&out, ", ");
		first = false;
		escape_json(&out, e->items[k].id);
	}
	appendStringInfoString(&out, "], \"overLimit\": [");
	first = true;
	for (k = 0; k < e->nitems; k++)
		if (e->over_limit[k])
		{
			if (!first)
				appendStringInfoString(&out, ", ");
			first = false;
			escape_json(&out, e->items[k].id);
		}
	appendStringInfo(&out, "], \"greedyDiffers\": %s}", eval_greedy_differs(e) ? "true" : "false");
	/* the model's strings are UTF-8; jsonb holds the server encoding */
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in,
											  CStringGetDatum(pg_any_to_server(out.data, out.len, PG_UTF8))));
}
