/*
 * rule_parse.c
 *		Validation of the JSON stack rule (SEMANTICS.md §4.1) into the
 *		in-memory model, and the preparation of that model for evaluation
 *		(inline stack expansion, preorder numbering, leaf numbering).
 *
 * Every error names the JSON path of the offending node ("$.root.children[1]
 * .minItems"): 22023 for a rule that is well-formed JSON but not a valid
 * rule, 54000 for sizes beyond the documented limits.  Unknown members are
 * rejected so that a misspelt filter never silently widens a requirement.
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"

#include "stack/stack_internal.h"

typedef struct ParseCtx
{
	StringInfoData path;
	int			pred_nodes;
	int			nodes;
	StackRule  *top;			/* for set lookups */
} ParseCtx;

static void rule_error(ParseCtx *cx, const char *fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();
static StackNode *parse_node(ParseCtx *cx, const CrJson *v, bool nested);

static void
rule_error(ParseCtx *cx, const char *fmt,...)
{
	StringInfoData msg;

	initStringInfo(&msg);
	{
		va_list		args;

		va_start(args, fmt);
		credreg_appendv(&msg, fmt, args);
		va_end(args);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid stack rule at %s: %s", cx->path.data, msg.data)));
	pg_unreachable();
}

static void
limit_error(ParseCtx *cx, const char *what, int limit)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("stack rule at %s has more than %d %s", cx->path.data, limit, what)));
}

/* Path helpers: push returns the old length for pop. */
static int
push_member(ParseCtx *cx, const char *name)
{
	int			old = cx->path.len;

	appendStringInfo(&cx->path, ".%s", name);
	return old;
}

static int
push_index(ParseCtx *cx, int i)
{
	int			old = cx->path.len;

	appendStringInfo(&cx->path, "[%d]", i);
	return old;
}

static int
push_key(ParseCtx *cx, const char *key)
{
	int			old = cx->path.len;

	appendStringInfoChar(&cx->path, '[');
	crjson_append_string(&cx->path, key, strlen(key));
	appendStringInfoChar(&cx->path, ']');
	return old;
}

static void
pop_path(ParseCtx *cx, int old)
{
	cx->path.len = old;
	cx->path.data[old] = '\0';
}

static const char *
kind_name(CrJsonKind k)
{
	switch (k)
	{
		case CRJ_NULL:
			return "null";
		case CRJ_FALSE:
		case CRJ_TRUE:
			return "a boolean";
		case CRJ_NUMBER:
			return "a number";
		case CRJ_STRING:
			return "a string";
		case CRJ_ARRAY:
			return "an array";
		case CRJ_OBJECT:
			return "an object";
	}
	return "?";
}

/* Rejects members of obj not in the NULL-terminated list `allowed`. */
static void
check_members(ParseCtx *cx, const CrJson *obj, const char *const *allowed)
{
	int			i;

	for (i = 0; i < obj->count; i++)
	{
		const char *name = obj->u.members[i].name;
		const char *const *a;
		bool		ok = false;

		for (a = allowed; *a; a++)
			if (strcmp(*a, name) == 0)
			{
				ok = true;
				break;
			}
		if (!ok)
		{
			int			old = push_member(cx, name);

			rule_error(cx, "unknown member \"%s\"", name);
			pop_path(cx, old);
		}
	}
}

static void
expect_kind(ParseCtx *cx, const CrJson *v, CrJsonKind kind, const char *what)
{
	if (v->kind != kind && !(kind == CRJ_TRUE && v->kind == CRJ_FALSE))
		rule_error(cx, "expected %s, found %s", what, kind_name(v->kind));
}

static char *
get_string(ParseCtx *cx, const CrJson *obj, const char *name, bool required)
{
	CrJson	   *v = crjson_get(obj, name);
	int			old;
	char	   *s;

	if (v == NULL || (v->kind == CRJ_NULL && !required))
	{
		if (required)
			rule_error(cx, "member \"%s\" is required", name);
		return NULL;
	}
	old = push_member(cx, name);
	expect_kind(cx, v, CRJ_STRING, "a string");
	if (v->count == 0)
		rule_error(cx, "must not be empty");
	if (v->count > STACK_MAX_STRING)
		limit_error(cx, "bytes in a string", STACK_MAX_STRING);
	if ((int) strlen(v->u.str) != v->count)
		rule_error(cx, "must not contain U+0000");
	s = pstrdup(v->u.str);
	pop_path(cx, old);
	return s;
}

static bool
get_bool(ParseCtx *cx, const CrJson *obj, const char *name, bool dflt)
{
	CrJson	   *v = crjson_get(obj, name);
	int			old;

	if (v == NULL)
		return dflt;
	old = push_member(cx, name);
	if (v->kind != CRJ_TRUE && v->kind != CRJ_FALSE)
		rule_error(cx, "expected a boolean, found %s", kind_name(v->kind));
	pop_path(cx, old);
	return v->kind == CRJ_TRUE;
}

static double
number_of(ParseCtx *cx, const CrJson *v)
{
	char	   *end;
	double		d;

	if (v->kind != CRJ_NUMBER)
		rule_error(cx, "expected a number, found %s", kind_name(v->kind));
	errno = 0;
	d = strtod(v->u.str, &end);
	if (*end != '\0' || !isfinite(d))
		rule_error(cx, "number %s is out of range", v->u.str);
	return d;
}

/* A non-negative integer member; -1 when absent.  `min` is its least value. */
static int
get_count(ParseCtx *cx, const CrJson *obj, const char *name, int min)
{
	CrJson	   *v = crjson_get(obj, name);
	int			old;
	double		d;

	if (v == NULL)
		return -1;
	old = push_member(cx, name);
	d = number_of(cx, v);
	if (d != floor(d))
		rule_error(cx, "expected an integer, found %s", v->u.str);
	if (d < 0)
		rule_error(cx, "must not be negative");
	if (d < min)
		rule_error(cx, "must be at least %d", min);
	if (d > STACK_MAX_DEMAND)
	{
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("stack rule at %s: %s exceeds the limit of %d",
						cx->path.data, v->u.str, STACK_MAX_DEMAND)));
	}
	pop_path(cx, old);
	return (int) d;
}

/* A non-negative credit amount; -1 when absent.  positive: must be > 0. */
static double
get_credits(ParseCtx *cx, const CrJson *obj, const char *name, bool positive)
{
	CrJson	   *v = crjson_get(obj, name);
	int			old;
	double		d;

	if (v == NULL)
		return -1;
	old = push_member(cx, name);
	d = number_of(cx, v);
	if (d < 0)
		rule_error(cx, "must not be negative");
	if (positive && d == 0)
		rule_error(cx, "must be positive");
	if (d > STACK_MAX_DEMAND)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("stack rule at %s: %s exceeds the limit of %d",
						cx->path.data, v->u.str, STACK_MAX_DEMAND)));
	pop_path(cx, old);
	return d;
}

/* minMeanLevel (all / nOf): a credreg level, 1..5, fractional allowed; -1 absent. */
static double
get_mean_level(ParseCtx *cx, const CrJson *obj)
{
	CrJson	   *v = crjson_get(obj, "minMeanLevel");
	int			old;
	double		d;

	if (v == NULL)
		return -1;
	old = push_member(cx, "minMeanLevel");
	d = number_of(cx, v);
	if (!(d >= 1 && d <= STACK_MAX_LEVEL))
		rule_error(cx, "must be a level between 1 and %d", STACK_MAX_LEVEL);
	pop_path(cx, old);
	return d;
}

static char **
get_string_array(ParseCtx *cx, const CrJson *v, int *n)
{
	char	  **out;
	int			i;

	expect_kind(cx, v, CRJ_ARRAY, "an array of strings");
	if (v->count > STACK_MAX_CHILDREN)
		limit_error(cx, "elements", STACK_MAX_CHILDREN);
	out = palloc(sizeof(char *) * Max(v->count, 1));
	for (i = 0; i < v->count; i++)
	{
		int			old = push_index(cx, i);
		CrJson	   *e = v->u.elems[i];

		expect_kind(cx, e, CRJ_STRING, "a string");
		if (e->count == 0)
			rule_error(cx, "must not be empty");
		if ((int) strlen(e->u.str) != e->count)
			rule_error(cx, "must not contain U+0000");
		out[i] = pstrdup(e->u.str);
		pop_path(cx, old);
	}
	*n = v->count;
	return out;
}

/*
 * A date member: xsd:dateTime, or a bare date or year-month (their first
 * instant in UTC), read by the one parser of util/datetime.h and stored
 * parsed.  False when absent.  A malformed or impossible date is 22007 here,
 * at input, never later at evaluation.
 */
static bool
get_date(ParseCtx *cx, const CrJson *obj, const char *name, TimestampTz *result)
{
	char	   *s = get_string(cx, obj, name, false);
	int			old;

	if (s == NULL)
		return false;
	old = push_member(cx, name);
	if (!credreg_datetime_parse(s, strlen(s), STACK_DATE_FORMS, result))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid stack rule at %s: \"%s\" is not an xsd:dateTime, a date or a year-month with a year 0001-9999",
						cx->path.data, s)));
	pop_path(cx, old);
	pfree(s);
	return true;
}

bool
stack_parse_span(const CrJson *v, StackSpan *span, const char *path)
{
	ParseCtx	cx;
	static const char *const allowed[] = {"years", "months", "days", NULL};
	int			y,
				m,
				d;

	memset(&cx, 0, sizeof(cx));
	initStringInfo(&cx.path);
	appendStringInfoString(&cx.path, path);
	expect_kind(&cx, v, CRJ_OBJECT, "an object such as {\"years\": 5}");
	check_members(&cx, v, allowed);
	y = get_count(&cx, v, "years", 0);
	m = get_count(&cx, v, "months", 0);
	d = get_count(&cx, v, "days", 0);
	if (y < 0 && m < 0 && d < 0)
		rule_error(&cx, "needs \"years\", \"months\" or \"days\"");
	span->years = Max(y, 0);
	span->months = Max(m, 0);
	span->days = Max(d, 0);
	return true;
}

static void
get_span(ParseCtx *cx, const CrJson *v, StackSpan *span)
{
	stack_parse_span(v, span, cx->path.data);
}

/* ---- predicates ---- */

static StackPred *parse_pred(ParseCtx *cx, const CrJson *v, bool in_set);

static StackPred *
parse_pred_list(ParseCtx *cx, StackPred *p, const CrJson *v, bool in_set)
{
	int			i;

	expect_kind(cx, v, CRJ_ARRAY, "an array of predicates");
	if (v->count == 0)
		rule_error(cx, "must not be empty");
	if (v->count > STACK_MAX_CHILDREN)
		limit_error(cx, "predicates in one list", STACK_MAX_CHILDREN);
	p->nchild = v->count;
	p->child = palloc(sizeof(StackPred *) * v->count);
	for (i = 0; i < v->count; i++)
	{
		int			old = push_index(cx, i);

		p->child[i] = parse_pred(cx, v->u.elems[i], in_set);
		pop_path(cx, old);
	}
	return p;
}

static StackPred *
parse_pred(ParseCtx *cx, const CrJson *v, bool in_set)
{
	static const struct
	{
		const char *name;
		StackPredKind kind;
	}			simple[] = {
		{"achievement", SP_ACHIEVEMENT},
		{"achievementPattern", SP_ACHIEVEMENT_PATTERN},
		{"humanCode", SP_HUMAN_CODE},
		{"issuer", SP_ISSUER},
		{"achievementType", SP_ACHIEVEMENT_TYPE},
		{"tag", SP_TAG},
	};
	StackPred  *p = palloc0(sizeof(StackPred));
	const char *key;
	CrJson	   *val;
	int			old;
	int			i;

	check_stack_depth();
	if (++cx->pred_nodes > STACK_MAX_PRED_NODES)
		limit_error(cx, "predicate nodes", STACK_MAX_PRED_NODES);
	expect_kind(cx, v, CRJ_OBJECT, "a predicate object");
	if (v->count == 0)
		rule_error(cx, "empty predicate");
	key = v->u.members[0].name;
	val = v->u.members[0].value;

	if (strcmp(key, "concept") == 0 || crjson_get(v, "concept") != NULL)
	{
		static const char *const allowed[] = {"concept", "narrower", "maxHops", "close", NULL};

		check_members(cx, v, allowed);
		p->kind = SP_CONCEPT;
		p->str = get_string(cx, v, "concept", true);
		p->narrower = get_bool(cx, v, "narrower", true);
		p->max_hops = get_count(cx, v, "maxHops", 0);
		p->close = get_bool(cx, v, "close", false);
		return p;
	}
	if (v->count != 1)
	{
		old = push_member(cx, v->u.members[1].name);
		rule_error(cx, "a predicate has exactly one member");
	}
	old = push_member(cx, key);
	for (i = 0; i < lengthof(simple); i++)
		if (strcmp(key, simple[i].name) == 0)
		{
			p->kind = simple[i].kind;
			expect_kind(cx, val, CRJ_STRING, "a string");
			if (val->count == 0)
				rule_error(cx, "must not be empty");
			if ((int) strlen(val->u.str) != val->count)
				rule_error(cx, "must not contain U+0000");
			p->str = pstrdup(val->u.str);
			pop_path(cx, old);
			return p;
		}
	if (strcmp(key, "issuerIn") == 0)
	{
		if (val->kind == CRJ_STRING)
		{
			if (strcmp(val->u.str, "home") != 0)
				rule_error(cx, "expected \"home\" or an array of issuer ids");
			p->kind = SP_ISSUER_HOME;
		}
		else
		{
			p->kind = SP_ISSUER_IN;
			p->strs = get_string_array(cx, val, &p->nstr);
			if (p->nstr == 0)
				rule_error(cx, "must not be empty");
		}
	}
	else if (strcmp(key, "set") == 0)
	{
		if (in_set)
			rule_error(cx, "a set cannot refer to another set");
		p->kind = SP_SET;
		expect_kind(cx, val, CRJ_STRING, "a set name");
		p->str = pstrdup(val->u.str);
		p->set_index = -1;
		for (i = 0; i < cx->top->nsets; i++)
			if (strcmp(cx->top->sets[i].name, p->str) == 0)
				p->set_index = i;
		if (p->set_index < 0)
			rule_error(cx, "set \"%s\" is not defined in \"sets\"", p->str);
		p->resolved = cx->top->sets[p->set_index].pred;
	}
	else if (strcmp(key, "anyOf") == 0)
	{
		p->kind = SP_ANY_OF;
		parse_pred_list(cx, p, val, in_set);
	}
	else if (strcmp(key, "allOf") == 0)
	{
		p->kind = SP_ALL_OF;
		parse_pred_list(cx, p, val, in_set);
	}
	else if (strcmp(key, "not") == 0)
	{
		p->kind = SP_NOT;
		p->nchild = 1;
		p->child = palloc(sizeof(StackPred *));
		p->child[0] = parse_pred(cx, val, in_set);
	}
	else
		rule_error(cx, "unknown predicate \"%s\"", key);
	pop_path(cx, old);
	return p;
}

static StackPred *
get_pred(ParseCtx *cx, const CrJson *obj, const char *name, bool required)
{
	CrJson	   *v = crjson_get(obj, name);
	int			old;
	StackPred  *p;

	if (v == NULL)
	{
		if (required)
			rule_error(cx, "member \"%s\" is required", name);
		return NULL;
	}
	old = push_member(cx, name);
	p = parse_pred(cx, v, false);
	pop_path(cx, old);
	return p;
}

/* ---- nodes ---- */

static void
parse_filter(ParseCtx *cx, StackNode *n, const CrJson *f)
{
	static const char *const allowed[] = {"minLevel", "passed", "minResult", "earnedWithin",
	"earnedAfter", "earnedBefore", "statusIn", NULL};
	CrJson	   *v;
	int			old;

	expect_kind(cx, f, CRJ_OBJECT, "a filter object");
	check_members(cx, f, allowed);
	if (crjson_get(f, "minLevel"))
	{
		if (n->min_level >= 0)
			rule_error(cx, "\"minLevel\" is also given on the node");
		n->min_level = get_count(cx, f, "minLevel", 0);
	}
	n->passed = get_bool(cx, f, "passed", false);
	if ((v = crjson_get(f, "minResult")) != NULL)
	{
		static const char *const mr[] = {"resultDescription", "atLeast", NULL};

		old = push_member(cx, "minResult");
		expect_kind(cx, v, CRJ_OBJECT, "an object");
		check_members(cx, v, mr);
		n->min_result_rd = get_string(cx, v, "resultDescription", true);
		n->min_result_value = get_string(cx, v, "atLeast", true);
		pop_path(cx, old);
	}
	if ((v = crjson_get(f, "earnedWithin")) != NULL)
	{
		old = push_member(cx, "earnedWithin");
		get_span(cx, v, &n->within);
		n->has_within = true;
		pop_path(cx, old);
	}
	n->has_earned_after = get_date(cx, f, "earnedAfter", &n->earned_after);
	n->has_earned_before = get_date(cx, f, "earnedBefore", &n->earned_before);
	if ((v = crjson_get(f, "statusIn")) != NULL)
	{
		old = push_member(cx, "statusIn");
		n->status_in = get_string_array(cx, v, &n->nstatus);
		if (n->nstatus == 0)
			rule_error(cx, "must not be empty");
		pop_path(cx, old);
	}
}

static void
parse_share(ParseCtx *cx, StackNode *n, const CrJson *obj)
{
	CrJson	   *v = crjson_get(obj, "share");
	int			old;

	n->share = SHARE_EXCLUSIVE;
	if (v == NULL)
		return;
	old = push_member(cx, "share");
	if (v->kind == CRJ_STRING)
	{
		if (strcmp(v->u.str, "exclusive") == 0)
			n->share = SHARE_EXCLUSIVE;
		else if (strcmp(v->u.str, "nonExclusive") == 0)
			n->share = SHARE_NONEXCLUSIVE;
		else
			rule_error(cx, "expected \"exclusive\", \"nonExclusive\" or {\"group\": name}");
	}
	else
	{
		static const char *const allowed[] = {"group", NULL};

		expect_kind(cx, v, CRJ_OBJECT, "\"exclusive\", \"nonExclusive\" or {\"group\": name}");
		check_members(cx, v, allowed);
		n->share = SHARE_GROUP;
		n->group = get_string(cx, v, "group", true);
	}
	pop_path(cx, old);
}

static void
parse_leaf_demands(ParseCtx *cx, StackNode *n, const CrJson *v, int default_items)
{
	n->min_items = get_count(cx, v, "minItems", 1);
	n->min_credits = get_credits(cx, v, "minCredits", true);
	n->max_items = get_count(cx, v, "maxItems", 1);
	n->max_credits = get_credits(cx, v, "maxCredits", true);
	if (n->min_items < 0 && n->min_credits < 0)
		n->min_items = default_items;
	if (n->max_items >= 0 && n->min_items > n->max_items)
	{
		int			old = push_member(cx, "maxItems");

		rule_error(cx, "maxItems %d is less than minItems %d", n->max_items, n->min_items);
		pop_path(cx, old);
	}
	if (n->max_credits >= 0 && n->min_credits > n->max_credits)
	{
		int			old = push_member(cx, "maxCredits");

		rule_error(cx, "maxCredits is less than minCredits");
		pop_path(cx, old);
	}
}

static void
parse_children(ParseCtx *cx, StackNode *n, const CrJson *v)
{
	CrJson	   *c = crjson_get(v, "children");
	int			old;
	int			i;

	if (c == NULL)
		rule_error(cx, "member \"children\" is required");
	old = push_member(cx, "children");
	expect_kind(cx, c, CRJ_ARRAY, "an array of nodes");
	if (c->count == 0)
		rule_error(cx, "must not be empty");
	if (c->count > STACK_MAX_CHILDREN)
		limit_error(cx, "children", STACK_MAX_CHILDREN);
	n->nchild = c->count;
	n->child = palloc(sizeof(StackNode *) * c->count);
	for (i = 0; i < c->count; i++)
	{
		int			o2 = push_index(cx, i);

		n->child[i] = parse_node(cx, c->u.elems[i], true);
		pop_path(cx, o2);
	}
	pop_path(cx, old);
}

static void
parse_limits(ParseCtx *cx, StackNode *n, const CrJson *v)
{
	CrJson	   *l = crjson_get(v, "limits");
	int			old;
	int			i;

	if (l == NULL)
		return;
	old = push_member(cx, "limits");
	expect_kind(cx, l, CRJ_ARRAY, "an array of limits");
	if (l->count > STACK_MAX_CHILDREN)
		limit_error(cx, "limits", STACK_MAX_CHILDREN);
	n->nlimit = l->count;
	n->limits = palloc0(sizeof(StackLimit) * Max(l->count, 1));
	for (i = 0; i < l->count; i++)
	{
		static const char *const allowed[] = {"select", "maxItems", "maxCredits", NULL};
		int			o2 = push_index(cx, i);
		CrJson	   *e = l->u.elems[i];

		expect_kind(cx, e, CRJ_OBJECT, "a limit object");
		check_members(cx, e, allowed);
		n->limits[i].select = get_pred(cx, e, "select", true);
		n->limits[i].max_items = get_count(cx, e, "maxItems", 0);
		n->limits[i].max_credits = get_credits(cx, e, "maxCredits", false);
		if (n->limits[i].max_items < 0 && n->limits[i].max_credits < 0)
			rule_error(cx, "a limit needs \"maxItems\" or \"maxCredits\"");
		pop_path(cx, o2);
	}
	pop_path(cx, old);
}

static StackNode *
parse_node(ParseCtx *cx, const CrJson *v, bool nested)
{
	StackNode  *n = palloc0(sizeof(StackNode));
	char	   *type;
	CrJson	   *w;

	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	if (++cx->nodes > STACK_MAX_NODES)
		limit_error(cx, "nodes", STACK_MAX_NODES);
	expect_kind(cx, v, CRJ_OBJECT, "a node object");
	type = get_string(cx, v, "type", true);
	n->id = get_string(cx, v, "id", false);
	n->label = get_string(cx, v, "label", false);
	n->weight = get_credits(cx, v, "weight", true);
	n->min_items = n->max_items = n->min_level = n->m_max_hops = -1;
	n->min_credits = n->max_credits = n->min_mean_level = -1;
	n->leaf = -1;

	if (strcmp(type, "all") == 0 || strcmp(type, "nOf") == 0)
	{
		static const char *const allowed_all[] = {"type", "id", "label", "weight",
		"children", "limits", "minMeanLevel", NULL};
		static const char *const allowed_nof[] = {"type", "id", "label", "weight",
		"children", "limits", "minMeanLevel", "n", NULL};

		n->kind = type[0] == 'a' ? SN_ALL : SN_NOF;
		check_members(cx, v, n->kind == SN_ALL ? allowed_all : allowed_nof);
		parse_children(cx, n, v);
		parse_limits(cx, n, v);
		n->min_mean_level = get_mean_level(cx, v);
		if (n->kind == SN_NOF)
		{
			if (crjson_get(v, "n") == NULL)
				rule_error(cx, "member \"n\" is required");
			n->n = get_count(cx, v, "n", 1);
			if (n->n > n->nchild)
			{
				int			old = push_member(cx, "n");

				rule_error(cx, "n = %d is larger than the number of children (%d)",
						   n->n, n->nchild);
				pop_path(cx, old);
			}
		}
		else
			n->n = n->nchild;
	}
	else if (strcmp(type, "items") == 0)
	{
		static const char *const allowed[] = {"type", "id", "label", "weight",
			"select", "except", "minItems", "minCredits", "maxItems", "maxCredits",
		"filter", "share", NULL};

		n->kind = SN_ITEMS;
		check_members(cx, v, allowed);
		n->select = get_pred(cx, v, "select", true);
		n->except = get_pred(cx, v, "except", false);
		parse_leaf_demands(cx, n, v, 1);
		if ((w = crjson_get(v, "filter")) != NULL)
		{
			int			old = push_member(cx, "filter");

			parse_filter(cx, n, w);
			pop_path(cx, old);
		}
		parse_share(cx, n, v);
	}
	else if (strcmp(type, "competency") == 0)
	{
		static const char *const allowed[] = {"type", "id", "label", "weight",
			"target", "match", "minLevel", "minItems", "minCredits", "maxItems", "maxCredits",
		"filter", "share", "except", NULL};
		CrJson	   *t;
		int			old;

		n->kind = SN_COMPETENCY;
		check_members(cx, v, allowed);
		if ((t = crjson_get(v, "target")) == NULL)
			rule_error(cx, "member \"target\" is required");
		old = push_member(cx, "target");
		{
			static const char *const tallowed[] = {"uri", "label", NULL};

			expect_kind(cx, t, CRJ_OBJECT, "an object with \"uri\"");
			check_members(cx, t, tallowed);
			n->target_uri = get_string(cx, t, "uri", true);
		}
		pop_path(cx, old);
		n->m_narrower = true;
		n->m_max_hops = -1;
		if ((t = crjson_get(v, "match")) != NULL)
		{
			static const char *const mallowed[] = {"narrower", "maxHops", "close", "crosswalk", NULL};
			CrJson	   *cw;

			old = push_member(cx, "match");
			expect_kind(cx, t, CRJ_OBJECT, "a match object");
			check_members(cx, t, mallowed);
			n->has_match = true;
			n->m_narrower = get_bool(cx, t, "narrower", true);
			n->m_max_hops = get_count(cx, t, "maxHops", 0);
			n->m_close = get_bool(cx, t, "close", false);
			if ((cw = crjson_get(t, "crosswalk")) != NULL)
			{
				int			o2 = push_member(cx, "crosswalk");
				int			i;

				n->crosswalk = get_string_array(cx, cw, &n->ncrosswalk);
				for (i = 0; i < n->ncrosswalk; i++)
					if (strcmp(n->crosswalk[i], "exactMatch") != 0 &&
						strcmp(n->crosswalk[i], "closeMatch") != 0 &&
						strcmp(n->crosswalk[i], "broadMatch") != 0 &&
						strcmp(n->crosswalk[i], "narrowMatch") != 0)
					{
						int			o3 = push_index(cx, i);

						rule_error(cx, "unknown crosswalk relation \"%s\"", n->crosswalk[i]);
						pop_path(cx, o3);
					}
				pop_path(cx, o2);
			}
			else
				n->ncrosswalk = -1;
			pop_path(cx, old);
		}
		else
			n->ncrosswalk = -1;
		n->min_level = get_count(cx, v, "minLevel", 0);
		n->except = get_pred(cx, v, "except", false);
		parse_leaf_demands(cx, n, v, 1);
		if ((w = crjson_get(v, "filter")) != NULL)
		{
			old = push_member(cx, "filter");
			parse_filter(cx, n, w);
			pop_path(cx, old);
		}
		parse_share(cx, n, v);
	}
	else if (strcmp(type, "stack") == 0)
	{
		static const char *const allowed[] = {"type", "id", "label", "weight",
		"ref", "inline", "achievement", NULL};

		n->kind = SN_STACK;
		check_members(cx, v, allowed);
		n->ref = get_string(cx, v, "ref", true);
		n->inline_ref = get_bool(cx, v, "inline", false);
		n->ref_achievement = get_string(cx, v, "achievement", false);
	}
	else if (strcmp(type, "condition") == 0)
	{
		static const char *const allowed[] = {"type", "id", "label", "weight",
		"when", "then", "else", NULL};
		int			old;

		n->kind = SN_CONDITION;
		check_members(cx, v, allowed);
		n->when = get_pred(cx, v, "when", true);
		if ((w = crjson_get(v, "then")) == NULL)
			rule_error(cx, "member \"then\" is required");
		old = push_member(cx, "then");
		n->then_node = parse_node(cx, w, true);
		pop_path(cx, old);
		if ((w = crjson_get(v, "else")) != NULL)
		{
			old = push_member(cx, "else");
			n->else_node = parse_node(cx, w, true);
			pop_path(cx, old);
		}
	}
	else
	{
		int			old = push_member(cx, "type");

		rule_error(cx, "unknown node type \"%s\"", type);
		pop_path(cx, old);
	}
	return n;
}

/* ---- the rule ---- */

static StackRule *
parse_rule(ParseCtx *cx, const CrJson *doc, bool is_def)
{
	static const char *const allowed[] = {"id", "version", "name", "awards",
	"validFrom", "validUntil", "policy", "sets", "stacks", "root", NULL};
	StackRule  *r = palloc0(sizeof(StackRule));
	CrJson	   *v;
	int			old;
	int			i;

	expect_kind(cx, doc, CRJ_OBJECT, "a rule object");
	check_members(cx, doc, allowed);
	r->id = get_string(cx, doc, "id", true);
	r->version = get_string(cx, doc, "version", false);
	r->name = get_string(cx, doc, "name", false);
	r->has_valid_from = get_date(cx, doc, "validFrom", &r->valid_from);
	r->has_valid_until = get_date(cx, doc, "validUntil", &r->valid_until);
	if ((v = crjson_get(doc, "awards")) != NULL)
	{
		static const char *const aw[] = {"achievement", "achievementType", NULL};

		old = push_member(cx, "awards");
		expect_kind(cx, v, CRJ_OBJECT, "an object");
		check_members(cx, v, aw);
		r->awards_achievement = get_string(cx, v, "achievement", false);
		r->awards_type = get_string(cx, v, "achievementType", false);
		pop_path(cx, old);
	}

	r->max_uses = 1;
	r->require_verified = true;
	r->unit_credits = 1;
	r->max_search_nodes = -1;
	if ((v = crjson_get(doc, "policy")) != NULL)
	{
		static const char *const pol[] = {"maxUsesPerItem", "countStatuses", "requireVerified",
		"unitCredits", "completionWindow", "optimality", NULL};
		CrJson	   *w;

		old = push_member(cx, "policy");
		expect_kind(cx, v, CRJ_OBJECT, "an object");
		check_members(cx, v, pol);
		r->has_policy = true;
		if (crjson_get(v, "maxUsesPerItem"))
		{
			r->max_uses = get_count(cx, v, "maxUsesPerItem", 1);
			if (r->max_uses > 16)
			{
				int			o2 = push_member(cx, "maxUsesPerItem");

				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("stack rule at %s: %d exceeds the limit of 16",
								cx->path.data, r->max_uses)));
				pop_path(cx, o2);
			}
		}
		if ((w = crjson_get(v, "countStatuses")) != NULL)
		{
			int			o2 = push_member(cx, "countStatuses");

			r->count_status = get_string_array(cx, w, &r->ncount_status);
			r->has_count_status = true;
			pop_path(cx, o2);
		}
		r->require_verified = get_bool(cx, v, "requireVerified", true);
		if (crjson_get(v, "unitCredits"))
			r->unit_credits = get_credits(cx, v, "unitCredits", true);
		if ((w = crjson_get(v, "completionWindow")) != NULL && w->kind != CRJ_NULL)
		{
			int			o2 = push_member(cx, "completionWindow");

			get_span(cx, w, &r->window);
			r->has_window = true;
			pop_path(cx, o2);
		}
		if ((w = crjson_get(v, "optimality")) != NULL)
		{
			static const char *const op[] = {"maxSearchNodes", NULL};
			int			o2 = push_member(cx, "optimality");

			expect_kind(cx, w, CRJ_OBJECT, "an object");
			check_members(cx, w, op);
			if (crjson_get(w, "maxSearchNodes"))
			{
				CrJson	   *m = crjson_get(w, "maxSearchNodes");
				int			o3 = push_member(cx, "maxSearchNodes");
				double		d = number_of(cx, m);

				if (d != floor(d) || d < 1 || d > PG_INT32_MAX)
					rule_error(cx, "expected a positive integer");
				r->max_search_nodes = (int) d;
				pop_path(cx, o3);
			}
			pop_path(cx, o2);
		}
		pop_path(cx, old);
	}
	if (!r->has_count_status)
	{
		r->ncount_status = 1;
		r->count_status = palloc(sizeof(char *));
		r->count_status[0] = pstrdup("Completed");
	}

	if ((v = crjson_get(doc, "sets")) != NULL)
	{
		old = push_member(cx, "sets");
		expect_kind(cx, v, CRJ_OBJECT, "an object of named predicates");
		if (v->count > STACK_MAX_CHILDREN)
			limit_error(cx, "sets", STACK_MAX_CHILDREN);
		r->nsets = v->count;
		r->sets = palloc0(sizeof(StackSetDef) * Max(v->count, 1));
		for (i = 0; i < v->count; i++)
		{
			int			o2 = push_key(cx, v->u.members[i].name);

			r->sets[i].name = pstrdup(v->u.members[i].name);
			r->sets[i].pred = parse_pred(cx, v->u.members[i].value, true);
			pop_path(cx, o2);
		}
		pop_path(cx, old);
	}

	if ((v = crjson_get(doc, "stacks")) != NULL)
	{
		if (is_def)
		{
			old = push_member(cx, "stacks");
			rule_error(cx, "stack definitions can only be given at the top level");
		}
		old = push_member(cx, "stacks");
		expect_kind(cx, v, CRJ_OBJECT, "an object of rules keyed by their id");
		if (v->count > STACK_MAX_CHILDREN)
			limit_error(cx, "stack definitions", STACK_MAX_CHILDREN);
		r->ndefs = v->count;
		r->defs = palloc0(sizeof(StackRule *) * Max(v->count, 1));
		for (i = 0; i < v->count; i++)
		{
			int			o2 = push_key(cx, v->u.members[i].name);
			StackRule  *saved = cx->top;

			r->defs[i] = parse_rule(cx, v->u.members[i].value, true);
			cx->top = saved;
			if (strcmp(r->defs[i]->id, v->u.members[i].name) != 0)
			{
				int			o3 = push_member(cx, "id");

				rule_error(cx, "id \"%s\" differs from its key", r->defs[i]->id);
				pop_path(cx, o3);
			}
			pop_path(cx, o2);
		}
		pop_path(cx, old);
	}

	cx->top = r;
	/* sets are resolved against this rule: re-point the set lookups */
	if ((v = crjson_get(doc, "root")) == NULL)
		rule_error(cx, "member \"root\" is required");
	old = push_member(cx, "root");
	r->root = parse_node(cx, v, false);
	pop_path(cx, old);
	return r;
}

/* ---- reference resolution and cycles ---- */

static StackRule *
find_def(const StackRule *top, const char *id)
{
	int			i;

	for (i = 0; i < top->ndefs; i++)
		if (strcmp(top->defs[i]->id, id) == 0)
			return top->defs[i];
	return NULL;
}

/* Visits the stack nodes of a subtree. */
typedef void (*StackNodeVisitor) (StackNode *n, void *arg);

static void
walk_nodes(StackNode *n, StackNodeVisitor fn, void *arg)
{
	int			i;

	check_stack_depth();
	fn(n, arg);
	for (i = 0; i < n->nchild; i++)
		walk_nodes(n->child[i], fn, arg);
	if (n->then_node)
		walk_nodes(n->then_node, fn, arg);
	if (n->else_node)
		walk_nodes(n->else_node, fn, arg);
}

typedef struct RefCheck
{
	StackRule  *top;
	int		   *state;			/* per def: 0 new, 1 on path, 2 done */
	const char *from;
} RefCheck;

static void visit_def(RefCheck *rc, int di, const char *from);

static void
ref_visitor(StackNode *n, void *arg)
{
	RefCheck   *rc = (RefCheck *) arg;
	StackRule  *def;
	int			i;

	if (n->kind != SN_STACK)
		return;
	if (strcmp(n->ref, rc->top->id) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid stack rule: stack reference cycle through \"%s\"", n->ref),
				 errdetail("Rule \"%s\" refers back to the rule being defined.", rc->from)));
	def = find_def(rc->top, n->ref);
	if (def == NULL)
	{
		if (n->inline_ref)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid stack rule: inline stack reference \"%s\" is not defined under \"stacks\"",
							n->ref)));
		if (n->ref_achievement == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid stack rule: stack reference \"%s\" is not defined under \"stacks\" and gives no \"achievement\"",
							n->ref)));
		return;
	}
	for (i = 0; i < rc->top->ndefs; i++)
		if (rc->top->defs[i] == def)
			visit_def(rc, i, rc->from);
}

static void
visit_def(RefCheck *rc, int di, const char *from)
{
	const char *saved = rc->from;

	if (rc->state[di] == 2)
		return;
	if (rc->state[di] == 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid stack rule: stack reference cycle through \"%s\"", rc->top->defs[di]->id),
				 errdetail("Rule \"%s\" is reached again from \"%s\".", rc->top->defs[di]->id, from)));
	rc->state[di] = 1;
	rc->from = rc->top->defs[di]->id;
	walk_nodes(rc->top->defs[di]->root, ref_visitor, rc);
	rc->from = saved;
	rc->state[di] = 2;
}

static void
check_refs(StackRule *top)
{
	RefCheck	rc;
	int			i;

	rc.top = top;
	rc.state = palloc0(sizeof(int) * Max(top->ndefs, 1));
	rc.from = top->id;
	walk_nodes(top->root, ref_visitor, &rc);
	for (i = 0; i < top->ndefs; i++)
		visit_def(&rc, i, top->id);
}

/*
 * Parses and validates a rule document.  Raises on any error; the result is
 * not yet prepared for evaluation (stack_rule_prepare).
 */
StackRule *
stack_rule_from_json(const CrJson *doc)
{
	ParseCtx	cx;
	StackRule  *r;

	memset(&cx, 0, sizeof(cx));
	initStringInfo(&cx.path);
	appendStringInfoChar(&cx.path, '$');
	r = parse_rule(&cx, doc, false);
	check_refs(r);
	/* total size after inline expansion is bounded by prepare */
	stack_rule_prepare(r);
	return r;
}

/* ---- preparation ---- */

static StackNode *
copy_subtree(StackNode *n)
{
	StackNode  *c = palloc(sizeof(StackNode));
	int			i;

	check_stack_depth();
	memcpy(c, n, sizeof(StackNode));
	if (n->nchild > 0)
	{
		c->child = palloc(sizeof(StackNode *) * n->nchild);
		for (i = 0; i < n->nchild; i++)
			c->child[i] = copy_subtree(n->child[i]);
	}
	if (n->then_node)
		c->then_node = copy_subtree(n->then_node);
	if (n->else_node)
		c->else_node = copy_subtree(n->else_node);
	c->expanded = NULL;
	return c;
}

typedef struct PrepCtx
{
	StackRule  *rule;
	int			capn;
	int			capl;
	StringInfoData path;
} PrepCtx;

static void
prep_node(PrepCtx *pc, StackNode *n, int parent)
{
	StackRule  *r = pc->rule;
	int			old = pc->path.len;
	int			i;

	check_stack_depth();
	if (r->nnodes >= STACK_MAX_NODES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("stack rule has more than %d nodes after expanding inline stacks",
						STACK_MAX_NODES)));
	if (r->nnodes >= pc->capn)
	{
		pc->capn *= 2;
		r->nodes = repalloc(r->nodes, sizeof(StackNode *) * pc->capn);
	}
	n->index = r->nnodes;
	n->parent = parent;
	r->nodes[r->nnodes++] = n;
	n->eff_id = n->id ? n->id : pstrdup(pc->path.data);
	n->leaf = -1;

	if (n->kind == SN_ITEMS || n->kind == SN_COMPETENCY ||
		(n->kind == SN_STACK && !n->inline_ref))
	{
		if (n->kind == SN_STACK && n->ref_achievement == NULL)
		{
			StackRule  *def = find_def(r, n->ref);

			n->ref_achievement = def ? def->awards_achievement : NULL;
		}
		if (r->nleaves >= pc->capl)
		{
			pc->capl *= 2;
			r->leaves = repalloc(r->leaves, sizeof(StackNode *) * pc->capl);
		}
		n->leaf = r->nleaves;
		r->leaves[r->nleaves++] = n;
	}
	for (i = 0; i < n->nchild; i++)
	{
		appendStringInfo(&pc->path, ".children[%d]", i);
		prep_node(pc, n->child[i], n->index);
		pc->path.len = old;
		pc->path.data[old] = '\0';
	}
	if (n->kind == SN_STACK && n->inline_ref)
	{
		StackRule  *def = find_def(r, n->ref);

		if (def == NULL)
			elog(ERROR, "inline stack reference \"%s\" is not defined", n->ref);
		n->expanded = copy_subtree(def->root);
		appendStringInfo(&pc->path, ".inline");
		prep_node(pc, n->expanded, n->index);
		pc->path.len = old;
		pc->path.data[old] = '\0';
	}
	if (n->then_node)
	{
		appendStringInfoString(&pc->path, ".then");
		prep_node(pc, n->then_node, n->index);
		pc->path.len = old;
		pc->path.data[old] = '\0';
	}
	if (n->else_node)
	{
		appendStringInfoString(&pc->path, ".else");
		prep_node(pc, n->else_node, n->index);
		pc->path.len = old;
		pc->path.data[old] = '\0';
	}
}

/*
 * Numbers the nodes in preorder (expanding inline stacks into copies) and
 * collects the leaves.  Nodes without an "id" get their JSON path as id.
 * Idempotent.
 */
void
stack_rule_prepare(StackRule *rule)
{
	PrepCtx		pc;

	if (rule->prepared)
		return;
	pc.rule = rule;
	pc.capn = 16;
	pc.capl = 16;
	rule->nnodes = 0;
	rule->nleaves = 0;
	rule->nodes = palloc(sizeof(StackNode *) * pc.capn);
	rule->leaves = palloc(sizeof(StackNode *) * pc.capl);
	initStringInfo(&pc.path);
	appendStringInfoString(&pc.path, "$.root");
	prep_node(&pc, rule->root, -1);
	rule->prepared = true;
}

/*
 * Glob match with `*` (any run) and `?` (one byte), and `@` as a synonym of
 * `*` (the Scribe wildcard, SEMANTICS.md §4.1).
 */
bool
stack_glob_match(const char *pattern, const char *s)
{
	const char *star_p = NULL;
	const char *star_s = NULL;

	while (*s)
	{
		if (*pattern == '*' || *pattern == '@')
		{
			star_p = ++pattern;
			star_s = s;
		}
		else if (*pattern == '?' || *pattern == *s)
		{
			pattern++;
			s++;
		}
		else if (star_p)
		{
			pattern = star_p;
			s = ++star_s;
		}
		else
			return false;
	}
	while (*pattern == '*' || *pattern == '@')
		pattern++;
	return *pattern == '\0';
}
