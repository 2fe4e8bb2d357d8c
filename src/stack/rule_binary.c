/*
 * rule_binary.c
 *		The stackrule type's compiled binary form (storage) and canonical JSON
 *		text.  Free of catalog and fmgr calls, so the fuzz harness can link
 *		it (the SQL functions are in rule_sql.c).
 *
 * Storage: a varlena whose first byte after the header is
 * STACKRULE_STORAGE_VERSION (1 and 2 are read too: 1 lacks minMeanLevel,
 * both keep dates as text), followed by the model in a compact tagged
 * serialization (int32, float8 and length-prefixed strings, little endian as
 * the host writes them; the stored form never leaves the server).
 *
 * Wire (send/recv): a version byte followed by the canonical JSON text, so
 * recv validates exactly as text input does, as jsonb does.
 */
#include "postgres.h"

#include "common/shortest_dec.h"
#include "miscadmin.h"

#include "stack/stack_internal.h"

/* ---- writer ---- */

static void
put_i32(StringInfo b, int32 v)
{
	appendBinaryStringInfo(b, (const char *) &v, sizeof(v));
}

static void
put_f64(StringInfo b, double v)
{
	appendBinaryStringInfo(b, (const char *) &v, sizeof(v));
}

static void
put_str(StringInfo b, const char *s)
{
	if (s == NULL)
		put_i32(b, -1);
	else
	{
		int32		len = strlen(s);

		put_i32(b, len);
		appendBinaryStringInfo(b, s, len);
	}
}

static void
put_strs(StringInfo b, char **s, int n)
{
	int			i;

	put_i32(b, n);
	for (i = 0; i < n; i++)
		put_str(b, s[i]);
}

static void
put_date(StringInfo b, bool has, TimestampTz t)
{
	put_i32(b, has);
	if (has)
		appendBinaryStringInfo(b, (const char *) &t, sizeof(t));
}

static void
put_span(StringInfo b, const StackSpan *s)
{
	put_i32(b, s->years);
	put_i32(b, s->months);
	put_i32(b, s->days);
}

static void
put_pred(StringInfo b, const StackPred *p)
{
	int			i;

	if (p == NULL)
	{
		put_i32(b, -1);
		return;
	}
	put_i32(b, p->kind);
	put_str(b, p->str);
	put_strs(b, p->strs, p->nstr);
	put_i32(b, p->nchild);
	for (i = 0; i < p->nchild; i++)
		put_pred(b, p->child[i]);
	put_i32(b, p->narrower);
	put_i32(b, p->max_hops);
	put_i32(b, p->close);
	put_i32(b, p->set_index);
}

static void
put_node(StringInfo b, const StackNode *n)
{
	int			i;

	if (n == NULL)
	{
		put_i32(b, -1);
		return;
	}
	put_i32(b, n->kind);
	put_str(b, n->id);
	put_str(b, n->label);
	put_f64(b, n->weight);
	put_i32(b, n->n);
	put_i32(b, n->nchild);
	for (i = 0; i < n->nchild; i++)
		put_node(b, n->child[i]);
	put_i32(b, n->nlimit);
	for (i = 0; i < n->nlimit; i++)
	{
		put_pred(b, n->limits[i].select);
		put_i32(b, n->limits[i].max_items);
		put_f64(b, n->limits[i].max_credits);
	}
	put_f64(b, n->min_mean_level);
	put_pred(b, n->select);
	put_pred(b, n->except);
	put_i32(b, n->min_items);
	put_f64(b, n->min_credits);
	put_i32(b, n->max_items);
	put_f64(b, n->max_credits);
	put_i32(b, n->share);
	put_str(b, n->group);
	put_i32(b, n->min_level);
	put_i32(b, n->passed);
	put_i32(b, n->has_within);
	put_span(b, &n->within);
	put_date(b, n->has_earned_after, n->earned_after);
	put_date(b, n->has_earned_before, n->earned_before);
	put_strs(b, n->status_in, n->nstatus);
	put_str(b, n->min_result_rd);
	put_str(b, n->min_result_value);
	put_str(b, n->target_uri);
	put_i32(b, n->has_match);
	put_i32(b, n->m_narrower);
	put_i32(b, n->m_max_hops);
	put_i32(b, n->m_close);
	put_i32(b, n->ncrosswalk);
	for (i = 0; i < n->ncrosswalk; i++)
		put_str(b, n->crosswalk[i]);
	put_str(b, n->ref);
	put_i32(b, n->inline_ref);
	put_str(b, n->ref_achievement);
	put_pred(b, n->when);
	put_node(b, n->then_node);
	put_node(b, n->else_node);
}

static void
put_rule(StringInfo b, const StackRule *r)
{
	int			i;

	put_str(b, r->id);
	put_str(b, r->version);
	put_str(b, r->name);
	put_str(b, r->awards_achievement);
	put_str(b, r->awards_type);
	put_date(b, r->has_valid_from, r->valid_from);
	put_date(b, r->has_valid_until, r->valid_until);
	put_i32(b, r->has_policy);
	put_i32(b, r->max_uses);
	put_i32(b, r->has_count_status);
	put_strs(b, r->count_status, r->ncount_status);
	put_i32(b, r->require_verified);
	put_f64(b, r->unit_credits);
	put_i32(b, r->has_window);
	put_span(b, &r->window);
	put_i32(b, r->max_search_nodes);
	put_i32(b, r->nsets);
	for (i = 0; i < r->nsets; i++)
	{
		put_str(b, r->sets[i].name);
		put_pred(b, r->sets[i].pred);
	}
	put_i32(b, r->ndefs);
	for (i = 0; i < r->ndefs; i++)
		put_rule(b, r->defs[i]);
	put_node(b, r->root);
}

/* The compiled form of a parsed rule, as a varlena (stackrule datum). */
bytea *
stack_rule_serialize(const StackRule *rule)
{
	StringInfoData b;
	bytea	   *res;

	initStringInfo(&b);
	appendStringInfoSpaces(&b, VARHDRSZ);
	appendStringInfoChar(&b, STACKRULE_STORAGE_VERSION);
	put_rule(&b, rule);
	res = (bytea *) b.data;
	SET_VARSIZE(res, b.len);
	return res;
}

/* ---- reader (bounds-checked: a damaged datum raises, never crashes) ---- */

typedef struct Reader
{
	const char *p;
	const char *end;
	int			budget;			/* nodes + predicates still allowed */
	int			version;		/* storage version being read */
} Reader;

static void corrupt(void) pg_attribute_noreturn();

static void
corrupt(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("stackrule value is corrupt")));
}

static int32
get_i32(Reader *r)
{
	int32		v;

	if (r->end - r->p < (long) sizeof(v))
		corrupt();
	memcpy(&v, r->p, sizeof(v));
	r->p += sizeof(v);
	return v;
}

static double
get_f64(Reader *r)
{
	double		v;

	if (r->end - r->p < (long) sizeof(v))
		corrupt();
	memcpy(&v, r->p, sizeof(v));
	r->p += sizeof(v);
	return v;
}

static char *
get_str(Reader *r)
{
	int32		len = get_i32(r);

	if (len == -1)
		return NULL;
	if (len < 0 || r->end - r->p < len)
		corrupt();
	r->p += len;
	return pnstrdup(r->p - len, len);
}

static int32
get_count32(Reader *r, int max)
{
	int32		n = get_i32(r);

	if (n < 0 || n > max)
		corrupt();
	return n;
}

static char **
get_strs(Reader *r, int *n)
{
	int			i;
	char	  **s;

	*n = get_count32(r, STACK_MAX_CHILDREN);
	s = palloc(sizeof(char *) * Max(*n, 1));
	for (i = 0; i < *n; i++)
		s[i] = get_str(r);
	return s;
}

/*
 * A date: parsed (version 3 on), or its text (versions 1 and 2), parsed now
 * with the same parser stackrule_in uses.  Old text that the strict parser
 * refuses was accepted only through timestamptz_in, whose answer depended
 * on DateStyle and TimeZone; it is refused rather than guessed.
 */
static bool
get_date(Reader *r, TimestampTz *t)
{
	if (r->version >= 3)
	{
		int32		has = get_i32(r);

		if (has != 0 && has != 1)
			corrupt();
		if (has)
		{
			if (r->end - r->p < (long) sizeof(*t))
				corrupt();
			memcpy(t, r->p, sizeof(*t));
			r->p += sizeof(*t);
		}
		return has;
	}
	else
	{
		char	   *s = get_str(r);

		if (s == NULL)
			return false;
		if (!credreg_datetime_parse(s, strlen(s), STACK_DATE_FORMS, t))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("stored stackrule has a date \"%s\" that is not an xsd:dateTime or a date", s),
					 errhint("Enter the rule again with ISO 8601 dates.")));
		return true;
	}
}

static void
get_span(Reader *r, StackSpan *s)
{
	s->years = get_i32(r);
	s->months = get_i32(r);
	s->days = get_i32(r);
}

static StackPred *
get_pred(Reader *r, StackSetDef *sets, int nsets)
{
	int32		kind = get_i32(r);
	StackPred  *p;
	int			i;

	if (kind == -1)
		return NULL;
	if (kind < SP_ACHIEVEMENT || kind > SP_NOT || --r->budget < 0)
		corrupt();
	check_stack_depth();
	p = palloc0(sizeof(StackPred));
	p->kind = kind;
	p->str = get_str(r);
	p->strs = get_strs(r, &p->nstr);
	p->nchild = get_count32(r, STACK_MAX_CHILDREN);
	p->child = palloc(sizeof(StackPred *) * Max(p->nchild, 1));
	for (i = 0; i < p->nchild; i++)
		if ((p->child[i] = get_pred(r, sets, nsets)) == NULL)
			corrupt();
	p->narrower = get_i32(r);
	p->max_hops = get_i32(r);
	p->close = get_i32(r);
	p->set_index = get_i32(r);
	if (kind == SP_SET)
	{
		if (p->set_index < 0 || p->set_index >= nsets)
			corrupt();
		p->resolved = sets[p->set_index].pred;
	}
	if ((kind == SP_NOT && p->nchild != 1) ||
		((kind == SP_ANY_OF || kind == SP_ALL_OF) && p->nchild < 1) ||
		(kind != SP_ANY_OF && kind != SP_ALL_OF && kind != SP_NOT && kind != SP_ISSUER_HOME &&
		 kind != SP_ISSUER_IN && p->str == NULL))
		corrupt();
	return p;
}

static StackNode *
get_node(Reader *r, StackSetDef *sets, int nsets)
{
	int32		kind = get_i32(r);
	StackNode  *n;
	int			i;

	if (kind == -1)
		return NULL;
	if (kind < SN_ALL || kind > SN_CONDITION || --r->budget < 0)
		corrupt();
	check_stack_depth();
	n = palloc0(sizeof(StackNode));
	n->kind = kind;
	n->id = get_str(r);
	n->label = get_str(r);
	n->weight = get_f64(r);
	n->n = get_i32(r);
	n->nchild = get_count32(r, STACK_MAX_CHILDREN);
	n->child = palloc(sizeof(StackNode *) * Max(n->nchild, 1));
	for (i = 0; i < n->nchild; i++)
		if ((n->child[i] = get_node(r, sets, nsets)) == NULL)
			corrupt();
	n->nlimit = get_count32(r, STACK_MAX_CHILDREN);
	n->limits = palloc0(sizeof(StackLimit) * Max(n->nlimit, 1));
	for (i = 0; i < n->nlimit; i++)
	{
		n->limits[i].select = get_pred(r, sets, nsets);
		n->limits[i].max_items = get_i32(r);
		n->limits[i].max_credits = get_f64(r);
	}
	n->min_mean_level = r->version >= 2 ? get_f64(r) : -1;
	n->select = get_pred(r, sets, nsets);
	n->except = get_pred(r, sets, nsets);
	n->min_items = get_i32(r);
	n->min_credits = get_f64(r);
	n->max_items = get_i32(r);
	n->max_credits = get_f64(r);
	n->share = get_i32(r);
	n->group = get_str(r);
	n->min_level = get_i32(r);
	n->passed = get_i32(r);
	n->has_within = get_i32(r);
	get_span(r, &n->within);
	n->has_earned_after = get_date(r, &n->earned_after);
	n->has_earned_before = get_date(r, &n->earned_before);
	n->status_in = get_strs(r, &n->nstatus);
	n->min_result_rd = get_str(r);
	n->min_result_value = get_str(r);
	n->target_uri = get_str(r);
	n->has_match = get_i32(r);
	n->m_narrower = get_i32(r);
	n->m_max_hops = get_i32(r);
	n->m_close = get_i32(r);
	n->ncrosswalk = get_i32(r);
	if (n->ncrosswalk < -1 || n->ncrosswalk > STACK_MAX_CHILDREN)
		corrupt();
	n->crosswalk = palloc(sizeof(char *) * Max(n->ncrosswalk, 1));
	for (i = 0; i < n->ncrosswalk; i++)
		n->crosswalk[i] = get_str(r);
	n->ref = get_str(r);
	n->inline_ref = get_i32(r);
	n->ref_achievement = get_str(r);
	n->when = get_pred(r, sets, nsets);
	n->then_node = get_node(r, sets, nsets);
	n->else_node = get_node(r, sets, nsets);
	n->leaf = -1;
	if (n->share < SHARE_EXCLUSIVE || n->share > SHARE_GROUP ||
		(n->min_mean_level != -1 && !(n->min_mean_level >= 1 && n->min_mean_level <= STACK_MAX_LEVEL)) ||
		(n->min_mean_level != -1 && n->kind != SN_ALL && n->kind != SN_NOF) ||
		((n->kind == SN_ALL || n->kind == SN_NOF) && (n->nchild < 1 || n->n < 1 || n->n > n->nchild)) ||
		((n->kind == SN_ITEMS) && n->select == NULL) ||
		(n->kind == SN_COMPETENCY && n->target_uri == NULL) ||
		(n->kind == SN_STACK && n->ref == NULL) ||
		(n->kind == SN_CONDITION && (n->when == NULL || n->then_node == NULL)))
		corrupt();
	return n;
}

static StackRule *
get_rule(Reader *r, bool top)
{
	StackRule  *rule = palloc0(sizeof(StackRule));
	int			i;

	rule->id = get_str(r);
	rule->version = get_str(r);
	rule->name = get_str(r);
	rule->awards_achievement = get_str(r);
	rule->awards_type = get_str(r);
	rule->has_valid_from = get_date(r, &rule->valid_from);
	rule->has_valid_until = get_date(r, &rule->valid_until);
	rule->has_policy = get_i32(r);
	rule->max_uses = get_i32(r);
	rule->has_count_status = get_i32(r);
	rule->count_status = get_strs(r, &rule->ncount_status);
	rule->require_verified = get_i32(r);
	rule->unit_credits = get_f64(r);
	rule->has_window = get_i32(r);
	get_span(r, &rule->window);
	rule->max_search_nodes = get_i32(r);
	rule->nsets = get_count32(r, STACK_MAX_CHILDREN);
	rule->sets = palloc0(sizeof(StackSetDef) * Max(rule->nsets, 1));
	for (i = 0; i < rule->nsets; i++)
	{
		rule->sets[i].name = get_str(r);
		rule->sets[i].pred = get_pred(r, NULL, 0);
		if (rule->sets[i].name == NULL || rule->sets[i].pred == NULL)
			corrupt();
	}
	rule->ndefs = get_count32(r, top ? STACK_MAX_CHILDREN : 0);
	rule->defs = palloc0(sizeof(StackRule *) * Max(rule->ndefs, 1));
	for (i = 0; i < rule->ndefs; i++)
		rule->defs[i] = get_rule(r, false);
	rule->root = get_node(r, rule->sets, rule->nsets);
	if (rule->id == NULL || rule->root == NULL || rule->max_uses < 1 || rule->unit_credits <= 0)
		corrupt();
	return rule;
}

/* Rebuilds (and prepares) the model from the compiled form. */
StackRule *
stack_rule_deserialize(const char *data, int len)
{
	Reader		r;
	StackRule  *rule;

	if (len < 1 || (uint8) data[0] < 1 || (uint8) data[0] > STACKRULE_STORAGE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stackrule value has unsupported format version %d",
						len < 1 ? -1 : (int) (uint8) data[0])));
	r.version = (uint8) data[0];
	r.p = data + 1;
	r.end = data + len;
	r.budget = STACK_MAX_NODES * 2 + STACK_MAX_PRED_NODES * 2;
	rule = get_rule(&r, true);
	if (r.p != r.end)
		corrupt();
	stack_rule_prepare(rule);
	return rule;
}

/* ---- canonical JSON ---- */

static void
out_num(StringInfo out, double d)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (d == (double) (int64) d && d > -1e15 && d < 1e15)
		appendStringInfo(out, INT64_FORMAT, (int64) d);
	else
	{
		double_to_shortest_decimal_buf(d, buf);
		appendStringInfoString(out, buf);
	}
}

typedef struct Emitter
{
	StringInfo	out;
	bool		first;
} Emitter;

static void
em_key(Emitter *e, const char *key)
{
	if (!e->first)
		appendStringInfoString(e->out, ", ");
	e->first = false;
	crjson_append_string(e->out, key, strlen(key));
	appendStringInfoString(e->out, ": ");
}

static void
em_str(Emitter *e, const char *key, const char *s)
{
	if (s == NULL)
		return;
	em_key(e, key);
	crjson_append_string(e->out, s, strlen(s));
}

/* A date in its shortest exact UTC form (a midnight as a bare date). */
static void
em_date(Emitter *e, const char *key, bool has, TimestampTz t)
{
	if (has)
		em_str(e, key, timestamp_to_xsd_exact(t));
}

static void
em_strs(StringInfo out, char **s, int n)
{
	int			i;

	appendStringInfoChar(out, '[');
	for (i = 0; i < n; i++)
	{
		if (i)
			appendStringInfoString(out, ", ");
		crjson_append_string(out, s[i], strlen(s[i]));
	}
	appendStringInfoChar(out, ']');
}

static void
em_span(StringInfo out, const StackSpan *s)
{
	Emitter		e = {out, true};

	appendStringInfoChar(out, '{');
	if (s->years)
	{
		em_key(&e, "years");
		appendStringInfo(out, "%d", s->years);
	}
	if (s->months)
	{
		em_key(&e, "months");
		appendStringInfo(out, "%d", s->months);
	}
	if (s->days || (!s->years && !s->months))
	{
		em_key(&e, "days");
		appendStringInfo(out, "%d", s->days);
	}
	appendStringInfoChar(out, '}');
}

static void
out_pred(StringInfo out, const StackPred *p)
{
	static const char *const names[] = {"achievement", "achievementPattern", "humanCode",
		"issuer", "issuerIn", "issuerIn", "achievementType", "tag", "concept", "set",
	"anyOf", "allOf", "not"};
	Emitter		e = {out, true};
	int			i;

	appendStringInfoChar(out, '{');
	em_key(&e, names[p->kind]);
	switch (p->kind)
	{
		case SP_ISSUER_HOME:
			appendStringInfoString(out, "\"home\"");
			break;
		case SP_ISSUER_IN:
			em_strs(out, p->strs, p->nstr);
			break;
		case SP_ANY_OF:
		case SP_ALL_OF:
			appendStringInfoChar(out, '[');
			for (i = 0; i < p->nchild; i++)
			{
				if (i)
					appendStringInfoString(out, ", ");
				out_pred(out, p->child[i]);
			}
			appendStringInfoChar(out, ']');
			break;
		case SP_NOT:
			out_pred(out, p->child[0]);
			break;
		case SP_CONCEPT:
			crjson_append_string(out, p->str, strlen(p->str));
			em_key(&e, "narrower");
			appendStringInfoString(out, p->narrower ? "true" : "false");
			if (p->max_hops >= 0)
			{
				em_key(&e, "maxHops");
				appendStringInfo(out, "%d", p->max_hops);
			}
			em_key(&e, "close");
			appendStringInfoString(out, p->close ? "true" : "false");
			break;
		default:
			crjson_append_string(out, p->str, strlen(p->str));
			break;
	}
	appendStringInfoChar(out, '}');
}

static void
out_node(StringInfo out, const StackNode *n)
{
	static const char *const types[] = {"all", "nOf", "items", "competency", "stack", "condition"};
	Emitter		e = {out, true};
	int			i;
	bool		has_filter;

	check_stack_depth();
	appendStringInfoChar(out, '{');
	em_str(&e, "id", n->id);
	em_str(&e, "type", types[n->kind]);
	em_str(&e, "label", n->label);
	if (n->weight >= 0)
	{
		em_key(&e, "weight");
		out_num(out, n->weight);
	}
	switch (n->kind)
	{
		case SN_ALL:
		case SN_NOF:
			if (n->kind == SN_NOF)
			{
				em_key(&e, "n");
				appendStringInfo(out, "%d", n->n);
			}
			em_key(&e, "children");
			appendStringInfoChar(out, '[');
			for (i = 0; i < n->nchild; i++)
			{
				if (i)
					appendStringInfoString(out, ", ");
				out_node(out, n->child[i]);
			}
			appendStringInfoChar(out, ']');
			if (n->nlimit > 0)
			{
				em_key(&e, "limits");
				appendStringInfoChar(out, '[');
				for (i = 0; i < n->nlimit; i++)
				{
					Emitter		le = {out, true};

					if (i)
						appendStringInfoString(out, ", ");
					appendStringInfoChar(out, '{');
					em_key(&le, "select");
					out_pred(out, n->limits[i].select);
					if (n->limits[i].max_items >= 0)
					{
						em_key(&le, "maxItems");
						appendStringInfo(out, "%d", n->limits[i].max_items);
					}
					if (n->limits[i].max_credits >= 0)
					{
						em_key(&le, "maxCredits");
						out_num(out, n->limits[i].max_credits);
					}
					appendStringInfoChar(out, '}');
				}
				appendStringInfoChar(out, ']');
			}
			if (n->min_mean_level >= 0)
			{
				em_key(&e, "minMeanLevel");
				out_num(out, n->min_mean_level);
			}
			break;
		case SN_ITEMS:
		case SN_COMPETENCY:
			if (n->kind == SN_ITEMS)
			{
				em_key(&e, "select");
				out_pred(out, n->select);
			}
			else
			{
				em_key(&e, "target");
				appendStringInfoString(out, "{\"uri\": ");
				crjson_append_string(out, n->target_uri, strlen(n->target_uri));
				appendStringInfoChar(out, '}');
				if (n->has_match)
				{
					Emitter		me = {out, true};

					em_key(&e, "match");
					appendStringInfoChar(out, '{');
					em_key(&me, "narrower");
					appendStringInfoString(out, n->m_narrower ? "true" : "false");
					if (n->m_max_hops >= 0)
					{
						em_key(&me, "maxHops");
						appendStringInfo(out, "%d", n->m_max_hops);
					}
					em_key(&me, "close");
					appendStringInfoString(out, n->m_close ? "true" : "false");
					if (n->ncrosswalk >= 0)
					{
						em_key(&me, "crosswalk");
						em_strs(out, n->crosswalk, n->ncrosswalk);
					}
					appendStringInfoChar(out, '}');
				}
			}
			if (n->except)
			{
				em_key(&e, "except");
				out_pred(out, n->except);
			}
			if (n->min_items >= 0)
			{
				em_key(&e, "minItems");
				appendStringInfo(out, "%d", n->min_items);
			}
			if (n->min_credits >= 0)
			{
				em_key(&e, "minCredits");
				out_num(out, n->min_credits);
			}
			if (n->max_items >= 0)
			{
				em_key(&e, "maxItems");
				appendStringInfo(out, "%d", n->max_items);
			}
			if (n->max_credits >= 0)
			{
				em_key(&e, "maxCredits");
				out_num(out, n->max_credits);
			}
			has_filter = n->min_level >= 0 || n->passed || n->has_within ||
				n->has_earned_after || n->has_earned_before || n->nstatus > 0 || n->min_result_rd;
			if (has_filter)
			{
				Emitter		fe = {out, true};

				em_key(&e, "filter");
				appendStringInfoChar(out, '{');
				if (n->min_level >= 0)
				{
					em_key(&fe, "minLevel");
					appendStringInfo(out, "%d", n->min_level);
				}
				if (n->passed)
				{
					em_key(&fe, "passed");
					appendStringInfoString(out, "true");
				}
				if (n->min_result_rd)
				{
					Emitter		re = {out, true};

					em_key(&fe, "minResult");
					appendStringInfoChar(out, '{');
					em_str(&re, "resultDescription", n->min_result_rd);
					em_str(&re, "atLeast", n->min_result_value);
					appendStringInfoChar(out, '}');
				}
				if (n->has_within)
				{
					em_key(&fe, "earnedWithin");
					em_span(out, &n->within);
				}
				em_date(&fe, "earnedAfter", n->has_earned_after, n->earned_after);
				em_date(&fe, "earnedBefore", n->has_earned_before, n->earned_before);
				if (n->nstatus > 0)
				{
					em_key(&fe, "statusIn");
					em_strs(out, n->status_in, n->nstatus);
				}
				appendStringInfoChar(out, '}');
			}
			if (n->share == SHARE_NONEXCLUSIVE)
				em_str(&e, "share", "nonExclusive");
			else if (n->share == SHARE_GROUP)
			{
				em_key(&e, "share");
				appendStringInfoString(out, "{\"group\": ");
				crjson_append_string(out, n->group, strlen(n->group));
				appendStringInfoChar(out, '}');
			}
			break;
		case SN_STACK:
			em_str(&e, "ref", n->ref);
			if (n->inline_ref)
			{
				em_key(&e, "inline");
				appendStringInfoString(out, "true");
			}
			em_str(&e, "achievement", n->ref_achievement);
			break;
		case SN_CONDITION:
			em_key(&e, "when");
			out_pred(out, n->when);
			em_key(&e, "then");
			out_node(out, n->then_node);
			if (n->else_node)
			{
				em_key(&e, "else");
				out_node(out, n->else_node);
			}
			break;
	}
	appendStringInfoChar(out, '}');
}

/*
 * Canonical JSON of a rule: members in a fixed order, defaults that were not
 * written left out, numbers in shortest form.
 */
void
stack_rule_to_json(StringInfo out, const StackRule *r)
{
	Emitter		e = {out, true};
	int			i;

	appendStringInfoChar(out, '{');
	em_str(&e, "id", r->id);
	em_str(&e, "version", r->version);
	em_str(&e, "name", r->name);
	if (r->awards_achievement || r->awards_type)
	{
		Emitter		ae = {out, true};

		em_key(&e, "awards");
		appendStringInfoChar(out, '{');
		em_str(&ae, "achievement", r->awards_achievement);
		em_str(&ae, "achievementType", r->awards_type);
		appendStringInfoChar(out, '}');
	}
	em_date(&e, "validFrom", r->has_valid_from, r->valid_from);
	em_date(&e, "validUntil", r->has_valid_until, r->valid_until);
	if (r->has_policy)
	{
		Emitter		pe = {out, true};

		em_key(&e, "policy");
		appendStringInfoChar(out, '{');
		em_key(&pe, "maxUsesPerItem");
		appendStringInfo(out, "%d", r->max_uses);
		if (r->has_count_status)
		{
			em_key(&pe, "countStatuses");
			em_strs(out, r->count_status, r->ncount_status);
		}
		em_key(&pe, "requireVerified");
		appendStringInfoString(out, r->require_verified ? "true" : "false");
		em_key(&pe, "unitCredits");
		out_num(out, r->unit_credits);
		if (r->has_window)
		{
			em_key(&pe, "completionWindow");
			em_span(out, &r->window);
		}
		if (r->max_search_nodes > 0)
		{
			em_key(&pe, "optimality");
			appendStringInfo(out, "{\"maxSearchNodes\": %d}", r->max_search_nodes);
		}
		appendStringInfoChar(out, '}');
	}
	if (r->nsets > 0)
	{
		Emitter		se = {out, true};

		em_key(&e, "sets");
		appendStringInfoChar(out, '{');
		for (i = 0; i < r->nsets; i++)
		{
			em_key(&se, r->sets[i].name);
			out_pred(out, r->sets[i].pred);
		}
		appendStringInfoChar(out, '}');
	}
	if (r->ndefs > 0)
	{
		Emitter		de = {out, true};

		em_key(&e, "stacks");
		appendStringInfoChar(out, '{');
		for (i = 0; i < r->ndefs; i++)
		{
			em_key(&de, r->defs[i]->id);
			stack_rule_to_json(out, r->defs[i]);
		}
		appendStringInfoChar(out, '}');
	}
	em_key(&e, "root");
	out_node(out, r->root);
	appendStringInfoChar(out, '}');
}
