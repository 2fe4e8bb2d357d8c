/*
 * jsonb.c
 *		Converting CrJson trees to and from jsonb (SQL-facing: may raise).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "json/json.h"

/* A tree string (UTF-8) as a jsonb string (server encoding). */
static void
string_to_jbv(JsonbValue *jv, const char *s, int len)
{
	if (memchr(s, '\0', len) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("unsupported Unicode escape sequence"),
				 errdetail("\\u0000 cannot be converted to text.")));
	jv->type = jbvString;
	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		jv->val.string.val = unconstify(char *, s);
		jv->val.string.len = len;
	}
	else
	{
		jv->val.string.val = pg_any_to_server(s, len, PG_UTF8);
		jv->val.string.len = strlen(jv->val.string.val);
	}
}

static void
scalar_to_jbv(JsonbValue *jv, const CrJson *v)
{
	switch (v->kind)
	{
		case CRJ_NULL:
			jv->type = jbvNull;
			break;
		case CRJ_FALSE:
			jv->type = jbvBool;
			jv->val.boolean = false;
			break;
		case CRJ_TRUE:
			jv->type = jbvBool;
			jv->val.boolean = true;
			break;
		case CRJ_NUMBER:
			jv->type = jbvNumeric;
			jv->val.numeric =
				DatumGetNumeric(DirectFunctionCall3(numeric_in,
													CStringGetDatum(v->u.str),
													ObjectIdGetDatum(InvalidOid),
													Int32GetDatum(-1)));
			break;
		case CRJ_STRING:
			string_to_jbv(jv, v->u.str, v->count);
			break;
		default:
			elog(ERROR, "unexpected CrJson kind %d", (int) v->kind);
	}
}

/*
 * Recursive, with check_stack_depth: JsonbValueToJsonb, which the result goes
 * to, recurses over the same nesting anyway.
 */
static JsonbValue *
push_tree(JsonbParseState **st, const CrJson *v)
{
	bool		is_array = v->kind == CRJ_ARRAY;

	Assert(is_array || v->kind == CRJ_OBJECT);
	check_stack_depth();
	pushJsonbValue(st, is_array ? WJB_BEGIN_ARRAY : WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < v->count; i++)
	{
		const CrJson *e;

		if (is_array)
			e = v->u.elems[i];
		else
		{
			const CrJsonMember *m = &v->u.members[i];
			JsonbValue	key;

			string_to_jbv(&key, m->name, m->name_len);
			pushJsonbValue(st, WJB_KEY, &key);
			e = m->value;
		}
		if (e->kind == CRJ_ARRAY || e->kind == CRJ_OBJECT)
			push_tree(st, e);
		else
		{
			JsonbValue	jv;

			scalar_to_jbv(&jv, e);
			pushJsonbValue(st, is_array ? WJB_ELEM : WJB_VALUE, &jv);
		}
	}
	return pushJsonbValue(st, is_array ? WJB_END_ARRAY : WJB_END_OBJECT, NULL);
}

Jsonb *
crjson_to_jsonb(const CrJson *v)
{
	JsonbParseState *st = NULL;

	if (v->kind != CRJ_ARRAY && v->kind != CRJ_OBJECT)
	{
		JsonbValue	jv;

		scalar_to_jbv(&jv, v);
		return JsonbValueToJsonb(&jv);
	}
	return JsonbValueToJsonb(push_tree(&st, v));
}

/* A jsonb scalar as a tree node. */
static CrJson *
jbv_to_node(const JsonbValue *jv)
{
	CrJson	   *v = palloc(sizeof(CrJson));

	v->count = 0;
	v->u.str = NULL;
	switch (jv->type)
	{
		case jbvNull:
			v->kind = CRJ_NULL;
			break;
		case jbvBool:
			v->kind = jv->val.boolean ? CRJ_TRUE : CRJ_FALSE;
			break;
		case jbvNumeric:
			v->kind = CRJ_NUMBER;
			v->u.str = DatumGetCString(DirectFunctionCall1(numeric_out,
														   NumericGetDatum(jv->val.numeric)));
			v->count = strlen(v->u.str);
			break;
		case jbvString:
			{
				char	   *s = pg_server_to_any(jv->val.string.val,
												 jv->val.string.len, PG_UTF8);
				int			len = (s == jv->val.string.val) ?
					jv->val.string.len : (int) strlen(s);

				v->kind = CRJ_STRING;
				v->u.str = pnstrdup(s, len);
				v->count = len;
			}
			break;
		default:
			elog(ERROR, "unexpected jsonb value type %d", (int) jv->type);
	}
	return v;
}

typedef struct BuildFrame
{
	CrJson	   *node;
	int			cap;
	char	   *key;			/* pending member name */
	int			key_len;
} BuildFrame;

static void
frame_add(BuildFrame *f, CrJson *value)
{
	CrJson	   *n = f->node;

	if (n->count == f->cap)
	{
		f->cap *= 2;
		if (n->kind == CRJ_ARRAY)
			n->u.elems = repalloc(n->u.elems, sizeof(CrJson *) * f->cap);
		else
			n->u.members = repalloc(n->u.members, sizeof(CrJsonMember) * f->cap);
	}
	if (n->kind == CRJ_ARRAY)
		n->u.elems[n->count++] = value;
	else
	{
		CrJsonMember *m = &n->u.members[n->count++];

		m->name = f->key;
		m->name_len = f->key_len;
		m->value = value;
	}
}

CrJson *
crjson_from_jsonb(Jsonb *jb)
{
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbIteratorToken tok;
	JsonbValue	jv;
	BuildFrame *frames;
	int			nframes = 0;
	int			maxframes = 16;
	CrJson	   *root = NULL;
	bool		raw_scalar = false;

	frames = palloc(sizeof(BuildFrame) * maxframes);
	while ((tok = JsonbIteratorNext(&it, &jv, false)) != WJB_DONE)
	{
		CrJson	   *done = NULL;

		switch (tok)
		{
			case WJB_BEGIN_ARRAY:
			case WJB_BEGIN_OBJECT:
				if (tok == WJB_BEGIN_ARRAY && jv.val.array.rawScalar)
				{
					raw_scalar = true;
					break;
				}
				if (nframes == maxframes)
				{
					maxframes *= 2;
					frames = repalloc(frames, sizeof(BuildFrame) * maxframes);
				}
				{
					BuildFrame *f = &frames[nframes++];

					f->node = palloc(sizeof(CrJson));
					f->node->kind = tok == WJB_BEGIN_ARRAY ? CRJ_ARRAY : CRJ_OBJECT;
					f->node->count = 0;
					f->cap = 4;
					if (tok == WJB_BEGIN_ARRAY)
						f->node->u.elems = palloc(sizeof(CrJson *) * f->cap);
					else
						f->node->u.members = palloc(sizeof(CrJsonMember) * f->cap);
					f->key = NULL;
				}
				break;
			case WJB_KEY:
				{
					CrJson	   *k = jbv_to_node(&jv);

					frames[nframes - 1].key = unconstify(char *, k->u.str);
					frames[nframes - 1].key_len = k->count;
				}
				break;
			case WJB_VALUE:
			case WJB_ELEM:
				if (raw_scalar)
					root = jbv_to_node(&jv);
				else
					frame_add(&frames[nframes - 1], jbv_to_node(&jv));
				break;
			case WJB_END_ARRAY:
			case WJB_END_OBJECT:
				if (raw_scalar)
					break;
				done = frames[--nframes].node;
				if (nframes == 0)
					root = done;
				else
					frame_add(&frames[nframes - 1], done);
				break;
			default:
				break;
		}
	}
	pfree(frames);
	return root;
}

/*
 * The text ->> (and #>> '{}') gives for a value: NULL for JSON null or an
 * absent member, a string's or number's text (numeric_out's form for a
 * tree read from jsonb), else the value as jsonb prints it.
 */
const char *
crjson_text(const CrJson *v)
{
	switch (v == NULL ? CRJ_NULL : v->kind)
	{
		case CRJ_NULL:
			return NULL;
		case CRJ_TRUE:
			return "true";
		case CRJ_FALSE:
			return "false";
		case CRJ_STRING:
		case CRJ_NUMBER:
			return v->u.str;
		default:
			{
				Jsonb	   *jb = crjson_to_jsonb(v);

				return JsonbToCString(NULL, &jb->root, VARSIZE(jb));
			}
	}
}
