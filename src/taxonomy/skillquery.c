/*
 * skillquery.c
 *		The skillquery type: a boolean query over competencies with minimum
 *		levels, and skillset @@ skillquery.
 *
 * Text format (precedence ! over & over |, parentheses group):
 *     query  := or
 *     or     := and { '|' and }
 *     and    := unary { '&' unary }
 *     unary  := '!' unary | '(' or ')' | atleast | leaf
 *     atleast:= count 'of' '(' [ or { ',' or } ] ')'
 *     leaf   := competency [ '>=' level ]
 * e.g. '12 & (40 | 7>=3) & !9' or '2 of (12, 40, 7>=3)'.  A competency is
 * its id (see credreg.competency); credreg.skills_query(text), which reads the
 * taxonomy, also takes its URI or framework:code, bare or in double quotes
 * ('esco:S1.2 | "http://data.europa.eu/esco/skill/..."').  Level 0..100; a
 * leaf without a level is true when the skillset holds the competency at any
 * level.  "t of (...)" is true when at least t of its operands are: the
 * recruiter's "at least 80% of the essentials" (readiness_query()) that GIN
 * can answer from the index.  Stored in postfix order.
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"

typedef struct QueryParser
{
	const char *str;
	const char *p;
	SkillQueryItem *items;
	int			nitems;
	int			cap;
	Node	   *escontext;
	bool		failed;
	bool		resolve;		/* references allowed (skills_query(text)) */
} QueryParser;

static void ParseOr(QueryParser *qp);

static void
QuerySyntaxError(QueryParser *qp, const char *what)
{
	if (qp->failed)
		return;
	qp->failed = true;
	errsave(qp->escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type skillquery: \"%s\"", qp->str),
			 errdetail("Expected %s at character %d.", what, (int) (qp->p - qp->str) + 1)));
}

static void
SkipSpace(QueryParser *qp)
{
	while (*qp->p == ' ' || *qp->p == '\t' || *qp->p == '\n' || *qp->p == '\r')
		qp->p++;
}

static void
Emit(QueryParser *qp, uint8 type, int32 id, int level, int nargs)
{
	if (qp->failed)
		return;
	if (qp->nitems >= SKILLQUERY_MAX_ITEMS)
	{
		qp->failed = true;
		errsave(qp->escontext,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("skillquery cannot have more than %d items", SKILLQUERY_MAX_ITEMS)));
		return;
	}
	if (qp->nitems == qp->cap)
	{
		qp->cap *= 2;
		qp->items = repalloc(qp->items, qp->cap * sizeof(SkillQueryItem));
	}
	qp->items[qp->nitems].type = type;
	qp->items[qp->nitems].level = (uint8) level;
	qp->items[qp->nitems].nargs = (uint16) nargs;
	qp->items[qp->nitems].id = id;
	qp->nitems++;
}

static bool
ReadInt(QueryParser *qp, int64 max, int64 *out)
{
	int64		v = 0;
	const char *start = qp->p;

	if (!isdigit((unsigned char) *qp->p))
		return false;
	while (isdigit((unsigned char) *qp->p))
	{
		v = v * 10 + (*qp->p - '0');
		if (v > max)
		{
			qp->p = start;		/* errors point at the number */
			return false;
		}
		qp->p++;
	}
	*out = v;
	if (v == 0 && max > SKILLSET_MAX_LEVEL)
		qp->p = start;
	return true;
}

/* characters of a bare competency reference (URI or framework:code) */
static bool
IsRefChar(char c)
{
	return isalnum((unsigned char) c) || (c != '\0' && strchr(":/._#+%~?=-@", c) != NULL) ||
		IS_HIGHBIT_SET(c);
}

/*
 * A competency reference, bare or in double quotes, resolved through the
 * taxonomy: only skills_query(text) allows them (the type's input function
 * is immutable and cannot read tables).
 */
static bool
ReadReference(QueryParser *qp, int64 *id)
{
	const char *start = qp->p;
	char	   *ref;
	int32		resolved;

	if (*qp->p == '"')
	{
		const char *end = strchr(qp->p + 1, '"');

		if (end == NULL)
		{
			QuerySyntaxError(qp, "a closing double quote");
			return false;
		}
		ref = pnstrdup(qp->p + 1, end - qp->p - 1);
		qp->p = end + 1;
	}
	else
	{
		while (IsRefChar(*qp->p))
			qp->p++;
		ref = pnstrdup(start, qp->p - start);
	}
	if (!qp->resolve)
	{
		qp->p = start;
		if (qp->failed)
			return false;
		qp->failed = true;
		errsave(qp->escontext,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type skillquery: \"%s\"", qp->str),
				 errdetail("Expected a competency id (an integer from 1 to 2147483647), \"!\" or \"(\" at character %d.",
						   (int) (qp->p - qp->str) + 1),
				 errhint("Use credreg.skills_query(text) to give competency URIs or framework:code references.")));
		return false;
	}
	resolved = credreg_competency_resolve(ref);
	if (resolved == 0)
	{
		qp->p = start;
		if (qp->failed)
			return false;
		qp->failed = true;
		errsave(qp->escontext,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized competency reference \"%s\"", ref),
				 errhint("Give a competency URI or framework:code of an imported framework.")));
		return false;
	}
	*id = resolved;
	return true;
}

/* After a count: whether the keyword "of" follows (consumed if so). */
static bool
IsOf(QueryParser *qp)
{
	const char *p = qp->p;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (p[0] != 'o' || p[1] != 'f' || IsRefChar(p[2]))
		return false;
	qp->p = p + 2;
	return true;
}

/* "t of (q1, q2, ...)": the operands, then the SQI_ATLEAST item. */
static void
ParseAtLeast(QueryParser *qp, int64 t)
{
	int			nargs = 0;

	SkipSpace(qp);
	if (*qp->p != '(')
	{
		QuerySyntaxError(qp, "\"(\" after \"of\"");
		return;
	}
	qp->p++;
	SkipSpace(qp);
	if (*qp->p != ')')
	{
		for (;;)
		{
			ParseOr(qp);
			if (qp->failed)
				return;
			nargs++;
			SkipSpace(qp);
			if (*qp->p != ',')
				break;
			qp->p++;
		}
	}
	if (*qp->p != ')')
	{
		QuerySyntaxError(qp, "\",\" or \")\"");
		return;
	}
	qp->p++;
	if (nargs > PG_UINT16_MAX)
	{
		QuerySyntaxError(qp, "at most 65535 operands of \"of\"");
		return;
	}
	Emit(qp, SQI_ATLEAST, (int32) t, 0, nargs);
}

static void
ParseUnary(QueryParser *qp)
{
	int64		id,
				level = 0;

	check_stack_depth();
	SkipSpace(qp);
	if (qp->failed)
		return;
	if (*qp->p == '!')
	{
		qp->p++;
		ParseUnary(qp);
		Emit(qp, SQI_NOT, 0, 0, 0);
		return;
	}
	if (*qp->p == '(')
	{
		qp->p++;
		ParseOr(qp);
		SkipSpace(qp);
		if (*qp->p != ')')
		{
			QuerySyntaxError(qp, "\")\"");
			return;
		}
		qp->p++;
		return;
	}
	if (*qp->p == '"' || isalpha((unsigned char) *qp->p))
	{
		if (!ReadReference(qp, &id))
			return;
	}
	else if (qp->p[0] == '0' && !isdigit((unsigned char) qp->p[1]))
	{
		/* no competency has id 0, but "0 of ()" is a (true) query */
		const char *zero = qp->p++;

		if (!IsOf(qp))
		{
			qp->p = zero;
			QuerySyntaxError(qp, "a competency id (an integer from 1 to 2147483647), \"!\" or \"(\"");
			return;
		}
		ParseAtLeast(qp, 0);
		return;
	}
	else if (!ReadInt(qp, PG_INT32_MAX, &id) || id == 0)
	{
		QuerySyntaxError(qp, "a competency id (an integer from 1 to 2147483647), \"!\" or \"(\"");
		return;
	}
	else if (IsOf(qp))
	{
		ParseAtLeast(qp, id);
		return;
	}
	SkipSpace(qp);
	if (qp->p[0] == '>' && qp->p[1] == '=')
	{
		qp->p += 2;
		SkipSpace(qp);
		if (!ReadInt(qp, SKILLSET_MAX_LEVEL, &level))
		{
			QuerySyntaxError(qp, "a level from 0 to 100");
			return;
		}
	}
	Emit(qp, SQI_VAL, (int32) id, (int) level, 0);
}

static void
ParseAnd(QueryParser *qp)
{
	ParseUnary(qp);
	for (;;)
	{
		SkipSpace(qp);
		if (qp->failed || *qp->p != '&')
			return;
		qp->p++;
		ParseUnary(qp);
		Emit(qp, SQI_AND, 0, 0, 0);
	}
}

static void
ParseOr(QueryParser *qp)
{
	ParseAnd(qp);
	for (;;)
	{
		SkipSpace(qp);
		if (qp->failed || *qp->p != '|')
			return;
		qp->p++;
		ParseAnd(qp);
		Emit(qp, SQI_OR, 0, 0, 0);
	}
}

static SkillQuery *
BuildQuery(const SkillQueryItem *items, int nitems)
{
	Size		size = add_size(SKILLQUERY_HDRSZ, mul_size(nitems, sizeof(SkillQueryItem)));
	SkillQuery *q = palloc0(size);

	SET_VARSIZE(q, size);
	q->version = SKILLQUERY_VERSION;
	q->nitems = nitems;
	memcpy(q->items, items, nitems * sizeof(SkillQueryItem));
	return q;
}

/* Text to skillquery; NULL after a soft error reported to escontext. */
static SkillQuery *
ParseQuery(const char *str, Node *escontext, bool resolve)
{
	QueryParser qp;

	qp.str = str;
	qp.p = str;
	qp.cap = 16;
	qp.nitems = 0;
	qp.items = palloc(qp.cap * sizeof(SkillQueryItem));
	qp.escontext = escontext;
	qp.failed = false;
	qp.resolve = resolve;

	ParseOr(&qp);
	SkipSpace(&qp);
	if (!qp.failed && *qp.p != '\0')
		QuerySyntaxError(&qp, "\"&\", \"|\" or the end of the query");
	if (qp.failed)
		return NULL;
	return BuildQuery(qp.items, qp.nitems);
}

PG_FUNCTION_INFO_V1(skillquery_in);
/* Text to skillquery (competency ids only: input functions read no tables). */
Datum
skillquery_in(PG_FUNCTION_ARGS)
{
	SkillQuery *q = ParseQuery(PG_GETARG_CSTRING(0), fcinfo->context, false);

	if (q == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(q);
}

PG_FUNCTION_INFO_V1(skillquery_resolve);
/* skills_query(text): competencies also by URI or framework:code (STABLE). */
Datum
skillquery_resolve(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(ParseQuery(text_to_cstring(PG_GETARG_TEXT_PP(0)), NULL, true));
}

SkillQuery *
credreg_skillquery_at_least(int t, const int32 *ids, const int *levels, int n)
{
	SkillQueryItem *items = palloc0(sizeof(SkillQueryItem) * (n + 1));
	int			i;

	if (n > PG_UINT16_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("skillquery cannot have more than %d operands of \"of\"", PG_UINT16_MAX)));
	for (i = 0; i < n; i++)
	{
		items[i].type = SQI_VAL;
		items[i].id = ids[i];
		items[i].level = (uint8) Min(Max(levels[i], 0), SKILLSET_MAX_LEVEL);
	}
	items[n].type = SQI_ATLEAST;
	items[n].id = t;
	items[n].nargs = (uint16) n;
	return BuildQuery(items, n + 1);
}

/* Whether q is well-formed: header, item types and bounds, stack balance. */
static bool
SkillQueryValid(const SkillQuery *q)
{
	int			depth = 0,
				i;

	if (q->version != SKILLQUERY_VERSION || q->flags != 0 || q->unused != 0 ||
		q->nitems < 1 || q->nitems > SKILLQUERY_MAX_ITEMS ||
		VARSIZE(q) != SKILLQUERY_HDRSZ + q->nitems * sizeof(SkillQueryItem))
		return false;
	for (i = 0; i < q->nitems; i++)
	{
		const SkillQueryItem *it = &q->items[i];

		switch (it->type)
		{
			case SQI_VAL:
				if (it->id <= 0 || it->level > SKILLSET_MAX_LEVEL || it->nargs != 0)
					depth = -100;
				depth++;
				break;
			case SQI_NOT:
				if (depth < 1 || it->id != 0 || it->level != 0 || it->nargs != 0)
					depth = -100;
				break;
			case SQI_AND:
			case SQI_OR:
				if (depth < 2 || it->id != 0 || it->level != 0 || it->nargs != 0)
					depth = -100;
				depth--;
				break;
			case SQI_ATLEAST:
				if (depth < it->nargs || it->id < 0 || it->level != 0)
					depth = -100;
				depth += 1 - it->nargs;
				break;
			default:
				depth = -100;
		}
		if (depth < 0)
			return false;
	}
	return depth == 1;
}

void
credreg_skillquery_check(const SkillQuery *q)
{
	if (!SkillQueryValid(q))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid skillquery value")));
}

/* Appends the subexpression ending at item *pos (postfix), moving *pos back. */
static void
PrintItem(const SkillQuery *q, int *pos, StringInfo out, int parent_prec)
{
	const SkillQueryItem *it = &q->items[*pos];

	check_stack_depth();
	(*pos)--;
	switch (it->type)
	{
		case SQI_VAL:
			appendStringInfo(out, "%d", it->id);
			if (it->level > 0)
				appendStringInfo(out, ">=%d", it->level);
			break;
		case SQI_NOT:
			appendStringInfoChar(out, '!');
			PrintItem(q, pos, out, 3);
			break;
		case SQI_ATLEAST:
			{
				/* operands come last first: print each, then in order */
				StringInfoData *args = palloc(sizeof(StringInfoData) * Max(it->nargs, 1));
				int			k;

				for (k = it->nargs - 1; k >= 0; k--)
				{
					initStringInfo(&args[k]);
					PrintItem(q, pos, &args[k], 0);
				}
				appendStringInfo(out, "%d of (", it->id);
				for (k = 0; k < it->nargs; k++)
				{
					if (k > 0)
						appendStringInfoString(out, ", ");
					appendStringInfoString(out, args[k].data);
					pfree(args[k].data);
				}
				appendStringInfoChar(out, ')');
				pfree(args);
			}
			break;
		default:
			{
				/* right operand is printed first into its own buffer */
				int			prec = it->type == SQI_AND ? 2 : 1;
				StringInfoData right;

				initStringInfo(&right);
				PrintItem(q, pos, &right, prec + 1);
				if (prec < parent_prec)
					appendStringInfoChar(out, '(');
				PrintItem(q, pos, out, prec);
				appendStringInfoString(out, it->type == SQI_AND ? " & " : " | ");
				appendStringInfoString(out, right.data);
				if (prec < parent_prec)
					appendStringInfoChar(out, ')');
				pfree(right.data);
			}
	}
}

PG_FUNCTION_INFO_V1(skillquery_out);
/* Skillquery to text, with only the parentheses precedence needs. */
Datum
skillquery_out(PG_FUNCTION_ARGS)
{
	SkillQuery *q = PG_GETARG_SKILLQUERY_P(0);
	StringInfoData out;
	int			pos;

	credreg_skillquery_check(q);
	initStringInfo(&out);
	pos = q->nitems - 1;
	PrintItem(q, &pos, &out, 0);
	PG_RETURN_CSTRING(out.data);
}

PG_FUNCTION_INFO_V1(skillquery_send);
/*
 * Skillquery to binary: version byte, count, postfix items (type, level,
 * id).  Binary version 2 adds each item's operand count, for "t of (...)";
 * queries without one keep version 1, which older servers read.
 */
Datum
skillquery_send(PG_FUNCTION_ARGS)
{
	SkillQuery *q = PG_GETARG_SKILLQUERY_P(0);
	StringInfoData buf;
	int			i,
				version = 1;

	credreg_skillquery_check(q);
	for (i = 0; i < q->nitems; i++)
		if (q->items[i].type == SQI_ATLEAST)
			version = 2;
	pq_begintypsend(&buf);
	pq_sendint8(&buf, version);
	pq_sendint32(&buf, q->nitems);
	for (i = 0; i < q->nitems; i++)
	{
		pq_sendint8(&buf, q->items[i].type);
		pq_sendint8(&buf, q->items[i].level);
		if (version == 2)
			pq_sendint16(&buf, q->items[i].nargs);
		pq_sendint32(&buf, q->items[i].id);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(skillquery_recv);
/* Binary to skillquery, validated like a stored value. */
Datum
skillquery_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n;
	SkillQuery *q;
	Size		size;
	int			i;

	if (version != 1 && version != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported skillquery binary format version %d", version)));
	n = pq_getmsgint(buf, 4);
	if (n < 1 || n > SKILLQUERY_MAX_ITEMS || buf->len - buf->cursor != n * (version == 2 ? 8 : 6))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid skillquery binary length")));
	size = SKILLQUERY_HDRSZ + n * sizeof(SkillQueryItem);
	q = palloc0(size);
	SET_VARSIZE(q, size);
	q->version = SKILLQUERY_VERSION;
	q->nitems = n;
	for (i = 0; i < n; i++)
	{
		q->items[i].type = pq_getmsgbyte(buf);
		q->items[i].level = pq_getmsgbyte(buf);
		q->items[i].nargs = version == 2 ? pq_getmsgint(buf, 2) : 0;
		q->items[i].id = pq_getmsgint(buf, 4);
	}
	pq_getmsgend(buf);
	if (!SkillQueryValid(q))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid skillquery binary value")));
	PG_RETURN_POINTER(q);
}

/*
 * Three-valued evaluation in postfix order with an explicit stack (Kleene
 * logic: FALSE & MAYBE = FALSE, TRUE | MAYBE = TRUE, !MAYBE = MAYBE).
 */
int
credreg_skillquery_eval(const SkillQuery *q, SkillQueryLeafFn leaf, void *arg)
{
	int			stackbuf[64] = {0};
	int		   *stack = q->nitems <= 64 ? stackbuf : palloc(q->nitems * sizeof(int));
	int			sp = 0,
				i,
				r;

	for (i = 0; i < q->nitems; i++)
	{
		const SkillQueryItem *it = &q->items[i];

		switch (it->type)
		{
			case SQI_VAL:
				stack[sp++] = leaf(arg, it->id, it->level);
				break;
			case SQI_NOT:
				if (stack[sp - 1] != SQ_MAYBE)
					stack[sp - 1] = stack[sp - 1] == SQ_TRUE ? SQ_FALSE : SQ_TRUE;
				break;
			case SQI_AND:
				sp--;
				if (stack[sp - 1] == SQ_FALSE || stack[sp] == SQ_FALSE)
					stack[sp - 1] = SQ_FALSE;
				else if (stack[sp - 1] == SQ_MAYBE || stack[sp] == SQ_MAYBE)
					stack[sp - 1] = SQ_MAYBE;
				else
					stack[sp - 1] = SQ_TRUE;
				break;
			case SQI_OR:
				sp--;
				if (stack[sp - 1] == SQ_TRUE || stack[sp] == SQ_TRUE)
					stack[sp - 1] = SQ_TRUE;
				else if (stack[sp - 1] == SQ_MAYBE || stack[sp] == SQ_MAYBE)
					stack[sp - 1] = SQ_MAYBE;
				else
					stack[sp - 1] = SQ_FALSE;
				break;
			case SQI_ATLEAST:
				{
					/* TRUE when the sure operands reach the threshold,
					 * FALSE when even the unsure ones cannot */
					int			ntrue = 0,
								nmaybe = 0,
								k;

					for (k = 0; k < it->nargs; k++)
					{
						sp--;
						if (stack[sp] == SQ_TRUE)
							ntrue++;
						else if (stack[sp] == SQ_MAYBE)
							nmaybe++;
					}
					stack[sp++] = ntrue >= it->id ? SQ_TRUE :
						(ntrue + nmaybe < it->id ? SQ_FALSE : SQ_MAYBE);
				}
				break;
		}
	}
	r = stack[0];
	if (stack != stackbuf)
		pfree(stack);
	return r;
}

static int
SkillSetLeaf(void *arg, int32 id, int level)
{
	return credreg_skillset_level((const SkillSet *) arg, id) >= level ? SQ_TRUE : SQ_FALSE;
}

bool
credreg_skillquery_match(const SkillQuery *q, const SkillSet *s)
{
	return credreg_skillquery_eval(q, SkillSetLeaf, (void *) s) == SQ_TRUE;
}

PG_FUNCTION_INFO_V1(skillset_query);
/* skillset @@ skillquery */
Datum
skillset_query(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	SkillQuery *q = PG_GETARG_SKILLQUERY_P(1);
	bool		r = credreg_skillquery_match(q, s);

	PG_FREE_IF_COPY(s, 0);
	PG_FREE_IF_COPY(q, 1);
	PG_RETURN_BOOL(r);
}

PG_FUNCTION_INFO_V1(skillquery_rquery);
/* skillquery ~~ skillset (commutator of @@) */
Datum
skillquery_rquery(PG_FUNCTION_ARGS)
{
	SkillQuery *q = PG_GETARG_SKILLQUERY_P(0);
	SkillSet   *s = PG_GETARG_SKILLSET_P(1);
	bool		r = credreg_skillquery_match(q, s);

	PG_FREE_IF_COPY(q, 0);
	PG_FREE_IF_COPY(s, 1);
	PG_RETURN_BOOL(r);
}
