/*
 * explain.c
 *		The explanation of an evaluation (SEMANTICS.md §4.2): nodes, missing,
 *		unused, overLimit, built as jsonb directly (pushJsonbValue), not as
 *		text for jsonb_in to parse again.
 *
 * The model's strings are UTF-8 (src/json converts on input); they are
 * converted to the server encoding here, the one place they leave.  jsonb
 * orders object keys itself, so members are pushed in any order.
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
#include "utils/numeric.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "stack/eval_internal.h"
#include "stack/stack.h"
#include "stack/stack_search.h"

/* ---- jsonb building ---- */

typedef JsonbParseState *JB;

static void
jb_key(JB *st, const char *key)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = unconstify(char *, key);	/* keys are ASCII */
	v.val.string.len = strlen(key);
	pushJsonbValue(st, WJB_KEY, &v);
}

/* A model string (UTF-8) as a value (WJB_VALUE) or an element (WJB_ELEM). */
static void
jb_str(JB *st, JsonbIteratorToken tok, const char *s)
{
	JsonbValue	v;
	int			len = strlen(s);
	char	   *conv = pg_any_to_server(s, len, PG_UTF8);

	v.type = jbvString;
	v.val.string.val = conv;
	v.val.string.len = (conv == s) ? len : (int) strlen(conv);
	pushJsonbValue(st, tok, &v);
}

static void
jb_bool(JB *st, JsonbIteratorToken tok, bool b)
{
	JsonbValue	v;

	v.type = jbvBool;
	v.val.boolean = b;
	pushJsonbValue(st, tok, &v);
}

/* Integers as integers, other values in their shortest exact decimal form. */
static void
jb_num(JB *st, JsonbIteratorToken tok, double d)
{
	JsonbValue	v;

	v.type = jbvNumeric;
	if (d == (double) (int64) d && fabs(d) < 1e15)
		v.val.numeric = int64_to_numeric((int64) d);
	else
	{
		char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(d, buf);
		v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
															ObjectIdGetDatum(InvalidOid),
															Int32GetDatum(-1)));
	}
	pushJsonbValue(st, tok, &v);
}

static void
jb_key_str(JB *st, const char *key, const char *s)
{
	jb_key(st, key);
	jb_str(st, WJB_VALUE, s);
}

static void
jb_key_num(JB *st, const char *key, double d)
{
	jb_key(st, key);
	jb_num(st, WJB_VALUE, d);
}

static void
jb_key_bool(JB *st, const char *key, bool b)
{
	jb_key(st, key);
	jb_bool(st, WJB_VALUE, b);
}

static void
jb_begin(JB *st, JsonbIteratorToken tok)
{
	pushJsonbValue(st, tok, NULL);
}

/* Appends d as append_num wrote numbers in text (for reasons). */
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

/* ---- output ---- */

static void
emit_ids(JB *st, Eval *e, int l, bool (*pick) (Eval *, int, int))
{
	int			k;

	jb_begin(st, WJB_BEGIN_ARRAY);
	for (k = 0; k < e->nitems; k++)
		if (pick(e, l, k))
			jb_str(st, WJB_ELEM, e->items[k].id);
	jb_begin(st, WJB_END_ARRAY);
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

static bool
is_blocked(Eval *e, int l, int k)
{
	return e->matched[AT(e, l, k)] && !e->elig[AT(e, l, k)] && e->reason[AT(e, l, k)];
}

static void
emit_blocked(JB *st, Eval *e, int l)
{
	int			k;

	jb_begin(st, WJB_BEGIN_ARRAY);
	for (k = 0; k < e->nitems; k++)
		if (is_blocked(e, l, k))
		{
			jb_begin(st, WJB_BEGIN_OBJECT);
			jb_key_str(st, "award", e->items[k].id);
			jb_key_str(st, "reason", e->reason[AT(e, l, k)]);
			jb_begin(st, WJB_END_OBJECT);
		}
	jb_begin(st, WJB_END_ARRAY);
}

static const char *const type_names[] = {"all", "nOf", "items", "competency", "stack", "condition"};

static void
emit_need_have(JB *st, Eval *e, StackNode *n)
{
	int			l = n->leaf;

	if (l >= 0 && n->kind != SN_STACK)
	{
		jb_key(st, "need");
		jb_begin(st, WJB_BEGIN_OBJECT);
		if (e->min_items[l] >= 0)
			jb_key_num(st, "items", e->min_items[l]);
		if (e->min_credits[l] >= 0)
			jb_key_num(st, "credits", e->min_credits[l]);
		jb_begin(st, WJB_END_OBJECT);
		jb_key(st, "have");
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_num(st, "items", e->have_items[l]);
		if (e->min_credits[l] >= 0)
			jb_key_num(st, "credits", e->have_credits[l]);
		jb_begin(st, WJB_END_OBJECT);
	}
	else if (l >= 0 || n->kind == SN_ALL || n->kind == SN_NOF)
	{
		const char *what = l >= 0 ? "award" : "children";
		int			need = l >= 0 ? 1 : (n->kind == SN_NOF ? n->n : n->nchild);
		int			have = l >= 0 ? e->have_items[l] : e->nsat[n->index];

		jb_key(st, "need");
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_num(st, what, need);
		jb_begin(st, WJB_END_OBJECT);
		jb_key(st, "have");
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_num(st, what, have);
		jb_begin(st, WJB_END_OBJECT);
	}
}

static void
emit_nodes(JB *st, Eval *e)
{
	StackRule  *r = e->rule;
	int			i;

	jb_begin(st, WJB_BEGIN_ARRAY);
	for (i = 0; i < e->N; i++)
	{
		StackNode  *n = r->nodes[i];
		int			l = n->leaf;

		if (!e->active[i])
			continue;
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_str(st, "id", n->eff_id);
		jb_key_str(st, "type", type_names[n->kind]);
		jb_key_bool(st, "satisfied", e->sat[i]);
		if (e->waived[i])
			jb_key_bool(st, "waived", true);
		emit_need_have(st, e, n);
		if (e->mean_apply && e->mean[i] >= 0)
			jb_key_num(st, "meanLevel", round(e->mean[i] * 1000) / 1000);
		if (l >= 0)
		{
			int			k;
			bool		any = false;

			jb_key(st, "assigned");
			emit_ids(st, e, l, pick_assigned);
			for (k = 0; k < e->nitems; k++)
				if (e->assigned[AT(e, l, k)] && e->path[AT(e, l, k)])
				{
					if (!any)
					{
						jb_key(st, "path");
						jb_begin(st, WJB_BEGIN_OBJECT);
						any = true;
					}
					/* an award id as a key: converted like any model string */
					{
						JsonbValue	kv;
						const char *id = e->items[k].id;
						char	   *conv = pg_any_to_server(id, strlen(id), PG_UTF8);

						kv.type = jbvString;
						kv.val.string.val = conv;
						kv.val.string.len = strlen(conv);
						pushJsonbValue(st, WJB_KEY, &kv);
					}
					jb_str(st, WJB_VALUE, e->path[AT(e, l, k)]);
				}
			if (any)
				jb_begin(st, WJB_END_OBJECT);
			for (k = 0; k < e->nitems; k++)
				if (is_blocked(e, l, k))
				{
					jb_key(st, "blocked");
					emit_blocked(st, e, l);
					break;
				}
		}
		jb_begin(st, WJB_END_OBJECT);
	}
	jb_begin(st, WJB_END_ARRAY);
}

static int
cstring_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* The achievements of the registry candidates eligible for leaf l, sorted, distinct. */
static void
emit_candidates(JB *st, Eval *e, int l)
{
	char	  **ids = palloc(sizeof(char *) * Max(e->ncands, 1));
	int			n = 0;
	int			k;

	for (k = 0; k < e->ncands; k++)
		if (e->cand_elig[l * e->ncands + k])
			ids[n++] = e->cands[k].achievement;
	qsort(ids, n, sizeof(char *), cstring_cmp);
	jb_begin(st, WJB_BEGIN_ARRAY);
	for (k = 0; k < n; k++)
	{
		if (k > 0 && strcmp(ids[k], ids[k - 1]) == 0)
			continue;
		jb_str(st, WJB_ELEM, ids[k]);
	}
	jb_begin(st, WJB_END_ARRAY);
	pfree(ids);
}

/* The members of a missing leaf's object (the caller opens and closes it). */
static void
emit_missing_leaf(JB *st, Eval *e, StackNode *n, bool with_need)
{
	int			l = n->leaf;

	jb_key_str(st, "node", n->eff_id);
	if (n->label)
		jb_key_str(st, "label", n->label);
	if (l >= 0 && with_need)
	{
		jb_key(st, "need");
		jb_begin(st, WJB_BEGIN_OBJECT);
		if (n->kind == SN_STACK)
			jb_key_str(st, "award", n->ref_achievement ? n->ref_achievement : n->ref);
		else
		{
			if (e->min_items[l] >= 0 && e->have_items[l] < e->min_items[l])
				jb_key_num(st, "items", e->min_items[l] - e->have_items[l]);
			if (e->min_credits[l] >= 0 && e->have_credits[l] < e->min_credits[l] - EPS)
				jb_key_num(st, "credits", e->min_credits[l] - e->have_credits[l]);
		}
		jb_begin(st, WJB_END_OBJECT);
	}
	if (l >= 0)
	{
		int			k;
		bool		any = false;

		jb_key(st, "blocked");
		emit_blocked(st, e, l);
		for (k = 0; k < e->nitems; k++)
			if (pick_over(e, l, k))
				any = true;
		if (any)
		{
			jb_key(st, "overLimit");
			emit_ids(st, e, l, pick_over);
		}
		if (e->has_cands)
		{
			jb_key(st, "candidates");
			emit_candidates(st, e, l);
		}
	}
}

/* Unsatisfied leaves under `all` paths; an unsatisfied nOf once, with its open children. */
static void
emit_missing(JB *st, Eval *e, StackNode *n)
{
	int			i;
	StackNode  *kids[STACK_MAX_CHILDREN];
	int			nk;

	check_stack_depth();
	if (!e->active[n->index] || e->sat[n->index])
		return;
	if (n->leaf >= 0)
	{
		jb_begin(st, WJB_BEGIN_OBJECT);
		emit_missing_leaf(st, e, n, true);
		jb_begin(st, WJB_END_OBJECT);
		return;
	}
	if (n->kind == SN_CONDITION)
	{
		StackNode  *b = e->cond_true[n->index] ? n->then_node : n->else_node;

		if (b)
			emit_missing(st, e, b);
		return;
	}
	if (e->mean_apply && e->mean_bad[n->index])
	{
		/* minMeanLevel failed: the reason, then what the children still need */
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_str(st, "node", n->eff_id);
		if (n->label)
			jb_key_str(st, "label", n->label);
		if (e->mean[n->index] >= 0)
		{
			StringInfoData why;

			initStringInfo(&why);
			appendStringInfoString(&why, "mean level ");
			append_num(&why, round(e->mean[n->index] * 1000) / 1000);
			appendStringInfoString(&why, " < minMeanLevel ");
			append_num(&why, n->min_mean_level);
			jb_key_str(st, "reason", why.data);
		}
		else
			jb_key_str(st, "reason", "no assigned award has a known level");
		jb_begin(st, WJB_END_OBJECT);
		if (n->kind == SN_NOF && e->nsat[n->index] >= n->n)
			return;
	}
	nk = eval_node_children(n, kids);
	if (n->kind == SN_NOF && n->n < n->nchild)
	{
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_str(st, "node", n->eff_id);
		if (n->label)
			jb_key_str(st, "label", n->label);
		jb_key(st, "need");
		jb_begin(st, WJB_BEGIN_OBJECT);
		jb_key_num(st, "children", n->n - e->nsat[n->index]);
		jb_begin(st, WJB_END_OBJECT);
		jb_key(st, "of");
		jb_begin(st, WJB_BEGIN_ARRAY);
		for (i = 0; i < nk; i++)
		{
			if (e->sat[kids[i]->index])
				continue;
			jb_begin(st, WJB_BEGIN_OBJECT);
			emit_missing_leaf(st, e, kids[i], false);
			jb_begin(st, WJB_END_OBJECT);
		}
		jb_begin(st, WJB_END_ARRAY);
		jb_begin(st, WJB_END_OBJECT);
		return;
	}
	for (i = 0; i < nk; i++)
		emit_missing(st, e, kids[i]);
}

Jsonb *
eval_emit(Eval *e)
{
	JsonbParseState *state = NULL;
	JB		   *st = &state;
	StackRule  *r = e->rule;
	JsonbValue *res;
	int			k,
				l;

	jb_begin(st, WJB_BEGIN_OBJECT);
	jb_key_str(st, "stack", r->id);
	if (r->version)
		jb_key_str(st, "version", r->version);
	jb_key_str(st, "asOf", timestamp_to_xsd_exact(e->as_of));
	jb_key_bool(st, "complete", e->sat[0] && stack_rule_in_force(r, e->as_of));
	if (!stack_rule_in_force(r, e->as_of))
		jb_key_bool(st, "inForce", false);
	jb_key_num(st, "progress", round(e->f[0] * 1000) / 1000);
	jb_key_bool(st, "optimal", e->optimal);
	jb_key(st, "nodes");
	emit_nodes(st, e);
	jb_key(st, "missing");
	jb_begin(st, WJB_BEGIN_ARRAY);
	emit_missing(st, e, r->root);
	jb_begin(st, WJB_END_ARRAY);
	jb_key(st, "unused");
	jb_begin(st, WJB_BEGIN_ARRAY);
	for (k = 0; k < e->nitems; k++)
	{
		bool		placed = e->over_limit[k];

		for (l = 0; l < e->LF && !placed; l++)
			if (e->assigned[AT(e, l, k)])
				placed = true;
		if (!placed)
			jb_str(st, WJB_ELEM, e->items[k].id);
	}
	jb_begin(st, WJB_END_ARRAY);
	jb_key(st, "overLimit");
	jb_begin(st, WJB_BEGIN_ARRAY);
	for (k = 0; k < e->nitems; k++)
		if (e->over_limit[k])
			jb_str(st, WJB_ELEM, e->items[k].id);
	jb_begin(st, WJB_END_ARRAY);
	jb_key_bool(st, "greedyDiffers", eval_greedy_differs(e));
	res = pushJsonbValue(st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(res);
}
