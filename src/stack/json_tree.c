/*
 * json_tree.c
 *		JSON text and jsonb to the CrJson tree of src/json/json.h, for the
 *		stack capability.
 *
 * Rule text goes through the project's strict parser (src/json); jsonb
 * arguments (items, exceptions) are converted node by node here, with the
 * depth limit of credreg.max_json_depth.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "stack/stack_internal.h"

typedef struct TreeFrame
{
	CrJson	   *node;
	int			cap;
	char	   *pending;		/* member name awaiting its value */
} TreeFrame;

typedef struct TreeState
{
	const char *typname;
	TreeFrame  *frames;
	int			depth;
	int			cap;
	CrJson	   *root;
} TreeState;

static void
tree_attach(TreeState *st, CrJson *v)
{
	TreeFrame  *f;

	if (st->depth == 0)
	{
		st->root = v;
		return;
	}
	f = &st->frames[st->depth - 1];
	if (f->node->count >= f->cap)
	{
		int			ncap = f->cap * 2;

		if (f->node->kind == CRJ_ARRAY)
			f->node->u.elems = repalloc(f->node->u.elems, sizeof(CrJson *) * ncap);
		else
			f->node->u.members = repalloc(f->node->u.members, sizeof(CrJsonMember) * ncap);
		f->cap = ncap;
	}
	if (f->node->kind == CRJ_ARRAY)
		f->node->u.elems[f->node->count++] = v;
	else
	{
		CrJsonMember *m = &f->node->u.members[f->node->count++];

		m->name = f->pending;
		m->name_len = strlen(f->pending);
		m->value = v;
		f->pending = NULL;
	}
}

static void
tree_push(TreeState *st, CrJsonKind kind)
{
	CrJson	   *v = palloc0(sizeof(CrJson));
	TreeFrame  *f;

	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	if (st->depth >= credreg_max_json_depth)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s input nests deeper than credreg.max_json_depth (%d)",
						st->typname, credreg_max_json_depth)));
	v->kind = kind;
	tree_attach(st, v);
	if (st->depth >= st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 16;
		st->frames = st->frames ? repalloc(st->frames, sizeof(TreeFrame) * st->cap)
			: palloc(sizeof(TreeFrame) * st->cap);
	}
	f = &st->frames[st->depth++];
	f->node = v;
	f->cap = 4;
	f->pending = NULL;
	if (kind == CRJ_ARRAY)
		v->u.elems = palloc(sizeof(CrJson *) * f->cap);
	else
		v->u.members = palloc(sizeof(CrJsonMember) * f->cap);
}






/*
 * Parses JSON text into a CrJson tree with the project's strict parser
 * (src/json: duplicate member names, invalid UTF-8, lone surrogates, depth
 * and size limits are refused); raises 22P02 naming `typname` on invalid
 * JSON, 54000 on a limit.
 */
CrJson *
stack_json_parse_text(const char *text, int len, const char *typname)
{
	CredregFailure failure;
	bool		limit = false;
	CrJson	   *v;
	char	   *utf8 = pg_server_to_any(text, len, PG_UTF8);

	if (utf8 != text)
		len = strlen(utf8);
	v = crjson_parse_ext(utf8, len, &failure, &limit);
	if (v == NULL)
	{
		if (limit)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s input exceeds a limit: %s", typname, failure.message)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s", typname),
				 errdetail("%s", failure.message)));
	}
	return v;
}

static CrJson *
scalar_from_jsonbvalue(JsonbValue *jv)
{
	CrJson	   *v = palloc0(sizeof(CrJson));

	switch (jv->type)
	{
		case jbvString:
			v->kind = CRJ_STRING;
			v->u.str = pnstrdup(jv->val.string.val, jv->val.string.len);
			v->count = strlen(v->u.str);
			break;
		case jbvNumeric:
			v->kind = CRJ_NUMBER;
			v->u.str = DatumGetCString(DirectFunctionCall1(numeric_out,
														   NumericGetDatum(jv->val.numeric)));
			v->count = strlen(v->u.str);
			break;
		case jbvBool:
			v->kind = jv->val.boolean ? CRJ_TRUE : CRJ_FALSE;
			break;
		default:
			v->kind = CRJ_NULL;
			break;
	}
	return v;
}

/* Converts a jsonb value into a CrJson tree (members in jsonb's order). */
CrJson *
stack_json_from_jsonb(Jsonb *jb)
{
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbValue	jv;
	JsonbIteratorToken tok;
	TreeState	st;
	bool		scalar_root = JB_ROOT_IS_SCALAR(jb);

	memset(&st, 0, sizeof(st));
	st.typname = "jsonb";
	while ((tok = JsonbIteratorNext(&it, &jv, false)) != WJB_DONE)
	{
		switch (tok)
		{
			case WJB_BEGIN_ARRAY:
				if (!scalar_root)
					tree_push(&st, CRJ_ARRAY);
				break;
			case WJB_BEGIN_OBJECT:
				tree_push(&st, CRJ_OBJECT);
				break;
			case WJB_END_ARRAY:
				if (!scalar_root)
					st.depth--;
				break;
			case WJB_END_OBJECT:
				st.depth--;
				break;
			case WJB_KEY:
				st.frames[st.depth - 1].pending = pnstrdup(jv.val.string.val, jv.val.string.len);
				break;
			case WJB_VALUE:
			case WJB_ELEM:
				tree_attach(&st, scalar_from_jsonbvalue(&jv));
				break;
			default:
				break;
		}
	}
	return st.root;
}

