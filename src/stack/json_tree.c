/*
 * json_tree.c
 *		JSON text and jsonb to the CrJson tree of src/json/json.h, for the
 *		stack capability.
 *
 * The project's strict parser (src/json) is being written on another branch;
 * until it lands, rule text is parsed here with PostgreSQL's own JSON lexer
 * (common/jsonapi.h) and semantic callbacks that build a CrJson tree in
 * document order, rejecting duplicate member names and nesting deeper than
 * credreg.max_json_depth, so the rule parser already sees the strict model.
 * jsonb arguments (items, exceptions) are converted node by node.
 */
#include "postgres.h"

#include "common/jsonapi.h"
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

static void
tree_pop(void *state)
{
	((TreeState *) state)->depth--;
}

static void
tree_object_start(void *state)
{
	tree_push((TreeState *) state, CRJ_OBJECT);
}

static void
tree_array_start(void *state)
{
	tree_push((TreeState *) state, CRJ_ARRAY);
}

static void
tree_field_start(void *state, char *fname, bool isnull)
{
	TreeState  *st = (TreeState *) state;
	TreeFrame  *f = &st->frames[st->depth - 1];
	int			i;

	for (i = 0; i < f->node->count; i++)
		if (strcmp(f->node->u.members[i].name, fname) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s", st->typname),
					 errdetail("Member name \"%s\" occurs twice in one object.", fname)));
	f->pending = fname;
}

static void
tree_scalar(void *state, char *token, JsonTokenType tokentype)
{
	TreeState  *st = (TreeState *) state;
	CrJson	   *v = palloc0(sizeof(CrJson));

	switch (tokentype)
	{
		case JSON_TOKEN_STRING:
			v->kind = CRJ_STRING;
			v->u.str = token;
			v->count = strlen(token);
			break;
		case JSON_TOKEN_NUMBER:
			v->kind = CRJ_NUMBER;
			v->u.str = token;
			v->count = strlen(token);
			break;
		case JSON_TOKEN_TRUE:
			v->kind = CRJ_TRUE;
			break;
		case JSON_TOKEN_FALSE:
			v->kind = CRJ_FALSE;
			break;
		default:
			v->kind = CRJ_NULL;
			break;
	}
	tree_attach(st, v);
}

/*
 * Parses JSON text into a CrJson tree; raises 22P02 naming `typname` on a
 * syntax error or a duplicate member name, 54000 on size and depth limits.
 */
CrJson *
stack_json_parse_text(const char *text, int len, const char *typname)
{
	JsonLexContext *lex;
	JsonSemAction sem;
	TreeState	st;
	JsonParseErrorType err;

	if (len > credreg_max_document_bytes)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s input is larger than credreg.max_document_bytes (%d bytes)",
						typname, credreg_max_document_bytes)));
	memset(&st, 0, sizeof(st));
	st.typname = typname;
	memset(&sem, 0, sizeof(sem));
	sem.semstate = &st;
	sem.object_start = tree_object_start;
	sem.object_end = tree_pop;
	sem.array_start = tree_array_start;
	sem.array_end = tree_pop;
	sem.object_field_start = tree_field_start;
	sem.scalar = tree_scalar;

	lex = makeJsonLexContextCstringLen((char *) text, len, GetDatabaseEncoding(), true);
	err = pg_parse_json(lex, &sem);
	if (err != JSON_SUCCESS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s", typname),
				 errdetail("%s", json_errdetail(err, lex))));
	return st.root;
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

/* Member `name` of an object, or NULL. */
CrJson *
stack_json_member(const CrJson *obj, const char *name)
{
	int			i;

	if (obj == NULL || obj->kind != CRJ_OBJECT)
		return NULL;
	for (i = 0; i < obj->count; i++)
		if (strcmp(obj->u.members[i].name, name) == 0)
			return obj->u.members[i].value;
	return NULL;
}

/* The string value as a palloc'd C string (NULL when v is not a string). */
char *
stack_json_cstring(const CrJson *v)
{
	if (v == NULL || v->kind != CRJ_STRING)
		return NULL;
	return pstrdup(v->u.str);
}

/* Appends s as a JSON string literal. */
void
stack_json_escape(StringInfo out, const char *s)
{
	escape_json(out, s);
}
