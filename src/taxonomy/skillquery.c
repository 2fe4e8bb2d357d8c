/*
 * skillquery.c
 *		The skillquery type: a boolean query over competencies with minimum
 *		levels, and skillset @@ skillquery.
 *
 * Text format (precedence ! over & over |, parentheses group):
 *     query  := or
 *     or     := and { '|' and }
 *     and    := unary { '&' unary }
 *     unary  := '!' unary | '(' or ')' | leaf
 *     leaf   := id [ '>=' level ]
 * e.g. '12 & (40 | 7>=3) & !9'.  id is a competency id (see
 * credreg.competency), level 0..100; a leaf without a level is true when
 * the skillset holds the id at any level.  Stored in postfix order.
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
Emit(QueryParser *qp, uint8 type, int32 id, int level)
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
	qp->items[qp->nitems].unused = 0;
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
		Emit(qp, SQI_NOT, 0, 0);
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
	if (!ReadInt(qp, PG_INT32_MAX, &id) || id == 0)
	{
		QuerySyntaxError(qp, "a competency id (an integer from 1 to 2147483647), \"!\" or \"(\"");
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
	Emit(qp, SQI_VAL, (int32) id, (int) level);
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
		Emit(qp, SQI_AND, 0, 0);
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
		Emit(qp, SQI_OR, 0, 0);
	}
}

PG_FUNCTION_INFO_V1(skillquery_in);
/* Text to skillquery. */
Datum
skillquery_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	QueryParser qp;
	SkillQuery *q;
	Size		size;

	qp.str = str;
	qp.p = str;
	qp.cap = 16;
	qp.nitems = 0;
	qp.items = palloc(qp.cap * sizeof(SkillQueryItem));
	qp.escontext = fcinfo->context;
	qp.failed = false;

	ParseOr(&qp);
	SkipSpace(&qp);
	if (!qp.failed && *qp.p != '\0')
		QuerySyntaxError(&qp, "\"&\", \"|\" or the end of the query");
	if (qp.failed)
		PG_RETURN_NULL();

	size = add_size(SKILLQUERY_HDRSZ, mul_size(qp.nitems, sizeof(SkillQueryItem)));
	q = palloc0(size);
	SET_VARSIZE(q, size);
	q->version = SKILLQUERY_VERSION;
	q->nitems = qp.nitems;
	memcpy(q->items, qp.items, qp.nitems * sizeof(SkillQueryItem));
	PG_RETURN_POINTER(q);
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
				if (it->id <= 0 || it->level > SKILLSET_MAX_LEVEL)
					depth = -100;
				depth++;
				break;
			case SQI_NOT:
				if (depth < 1)
					depth = -100;
				break;
			case SQI_AND:
			case SQI_OR:
				if (depth < 2)
					depth = -100;
				depth--;
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
/* Skillquery to binary: version byte, count, postfix items. */
Datum
skillquery_send(PG_FUNCTION_ARGS)
{
	SkillQuery *q = PG_GETARG_SKILLQUERY_P(0);
	StringInfoData buf;
	int			i;

	credreg_skillquery_check(q);
	pq_begintypsend(&buf);
	pq_sendint8(&buf, SKILLQUERY_VERSION);
	pq_sendint32(&buf, q->nitems);
	for (i = 0; i < q->nitems; i++)
	{
		pq_sendint8(&buf, q->items[i].type);
		pq_sendint8(&buf, q->items[i].level);
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

	if (version != SKILLQUERY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported skillquery binary format version %d", version)));
	n = pq_getmsgint(buf, 4);
	if (n < 1 || n > SKILLQUERY_MAX_ITEMS || buf->len - buf->cursor != n * 6)
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
		q->items[i].id = pq_getmsgint(buf, 4);
		if ((q->items[i].type != SQI_VAL && (q->items[i].id != 0 || q->items[i].level != 0)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid skillquery binary value")));
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
