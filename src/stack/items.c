/*
 * items.c
 *		A learner's awards and exceptions: from the jsonb array that
 *		stack_evaluate takes, and from the credreg.stack_item composite.
 *
 * Item members (camelCase; the composite's snake_case names are accepted
 * too, so to_jsonb(stack_item) works): id (required), achievement,
 * achievementType, humanCode, issuer, home, tags, credits, level, earnedAt,
 * validUntil, status (the Result status; absent = "Completed"), verified
 * (absent = true: the registry passes the awards it has verified), passed,
 * alignments [{targetUrl|uri, level}], results [{resultDescription, value,
 * allowedValues}].
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"
#include "utils/timestamp.h"

#include "stack/stack_internal.h"

static void item_error(const char *path, const char *fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();

static void
item_error(const char *path, const char *fmt,...)
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
			 errmsg("invalid stack input at %s: %s", path, msg.data)));
	pg_unreachable();
}

static CrJson *
member2(const CrJson *obj, const char *camel, const char *snake)
{
	CrJson	   *v = crjson_get(obj, camel);

	if (v == NULL && snake)
		v = crjson_get(obj, snake);
	if (v && v->kind == CRJ_NULL)
		return NULL;
	return v;
}

static char *
str_member(const CrJson *obj, const char *camel, const char *snake, const char *path)
{
	CrJson	   *v = member2(obj, camel, snake);

	if (v == NULL)
		return NULL;
	if (v->kind != CRJ_STRING)
		item_error(path, "\"%s\" must be a string", camel);
	if ((int) strlen(v->u.str) != v->count)
		item_error(path, "\"%s\" must not contain U+0000", camel);
	return pstrdup(v->u.str);
}

/*
 * An award date: xsd:dateTime, a bare date (YYYY-MM-DD) or a year-month
 * (YYYY-MM), by the one parser of util/datetime.h: never DateStyle or
 * TimeZone dependent (a bare date or a value without a zone is UTC).
 */
static TimestampTz
parse_time(const char *s, const char *path, const char *what)
{
	TimestampTz t;

	if (!credreg_datetime_parse(s, strlen(s), STACK_DATE_FORMS, &t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid stack input at %s: %s \"%s\" is not an xsd:dateTime, a date or a year-month with a year 0001-9999",
						path, what, s)));
	return t;
}

static int
level_of(const CrJson *v, const char *path)
{
	double		d;
	char	   *end;

	if (v->kind != CRJ_NUMBER)
		item_error(path, "\"level\" must be an integer");
	d = strtod(v->u.str, &end);
	if (*end || d != floor(d) || d < 0 || d > 1000)
		item_error(path, "\"level\" must be an integer between 0 and 1000");
	return (int) d;
}

static bool
bool_member(const CrJson *obj, const char *name, bool dflt, const char *path)
{
	CrJson	   *v = member2(obj, name, NULL);

	if (v == NULL)
		return dflt;
	if (v->kind != CRJ_TRUE && v->kind != CRJ_FALSE)
		item_error(path, "\"%s\" must be a boolean", name);
	return v->kind == CRJ_TRUE;
}

/* Reads the alignments array (also used for the composite's jsonb column). */
static void
parse_alignments(const CrJson *arr, StackItem *item, const char *path)
{
	int			i;

	if (arr->kind != CRJ_ARRAY)
		item_error(path, "\"alignments\" must be an array");
	item->nalign = arr->count;
	item->align = palloc0(sizeof(StackAlign) * Max(arr->count, 1));
	for (i = 0; i < arr->count; i++)
	{
		CrJson	   *a = arr->u.elems[i];
		CrJson	   *lv;

		if (a->kind == CRJ_STRING)
		{
			item->align[i].uri = pstrdup(a->u.str);
			item->align[i].level = -1;
			continue;
		}
		if (a->kind != CRJ_OBJECT)
			item_error(path, "alignment %d must be an object", i);
		item->align[i].uri = str_member(a, "targetUrl", "uri", path);
		if (item->align[i].uri == NULL)
			item->align[i].uri = str_member(a, "uri", NULL, path);
		if (item->align[i].uri == NULL)
			item_error(path, "alignment %d has no \"targetUrl\"", i);
		lv = member2(a, "level", NULL);
		item->align[i].level = lv ? level_of(lv, path) : -1;
	}
}

void
stack_item_from_json(const CrJson *obj, StackItem *item, const char *path)
{
	CrJson	   *v;
	char	   *s;
	int			i;

	if (obj->kind != CRJ_OBJECT)
		item_error(path, "an award must be an object");
	memset(item, 0, sizeof(StackItem));
	item->id = str_member(obj, "id", NULL, path);
	if (item->id == NULL)
		item_error(path, "member \"id\" is required");
	item->achievement = str_member(obj, "achievement", NULL, path);
	item->achievement_type = str_member(obj, "achievementType", "achievement_type", path);
	item->human_code = str_member(obj, "humanCode", "human_code", path);
	item->issuer = str_member(obj, "issuer", NULL, path);
	item->home = bool_member(obj, "home", false, path);
	if ((v = member2(obj, "tags", NULL)) != NULL)
	{
		if (v->kind != CRJ_ARRAY)
			item_error(path, "\"tags\" must be an array of strings");
		item->ntags = v->count;
		item->tags = palloc(sizeof(char *) * Max(v->count, 1));
		for (i = 0; i < v->count; i++)
		{
			if (v->u.elems[i]->kind != CRJ_STRING)
				item_error(path, "\"tags\" must be an array of strings");
			item->tags[i] = pstrdup(v->u.elems[i]->u.str);
		}
	}
	if ((v = member2(obj, "credits", NULL)) != NULL)
	{
		char	   *end;

		if (v->kind != CRJ_NUMBER)
			item_error(path, "\"credits\" must be a number");
		item->credits = strtod(v->u.str, &end);
		if (*end || !isfinite(item->credits) || item->credits < 0 || item->credits > STACK_MAX_DEMAND)
			item_error(path, "\"credits\" must be a number between 0 and %d", STACK_MAX_DEMAND);
	}
	item->level = -1;
	if ((v = member2(obj, "level", NULL)) != NULL)
		item->level = level_of(v, path);
	if ((s = str_member(obj, "earnedAt", "earned_at", path)) != NULL)
	{
		item->has_earned = true;
		item->earned_at = parse_time(s, path, "earnedAt");
	}
	if ((s = str_member(obj, "validUntil", "valid_until", path)) != NULL)
	{
		item->has_valid_until = true;
		item->valid_until = parse_time(s, path, "validUntil");
	}
	item->status = str_member(obj, "status", NULL, path);
	item->verified = bool_member(obj, "verified", true, path);
	if (member2(obj, "passed", NULL))
	{
		item->has_passed = true;
		item->passed = bool_member(obj, "passed", false, path);
	}
	if ((v = member2(obj, "alignments", NULL)) != NULL)
		parse_alignments(v, item, path);
	if ((v = member2(obj, "results", NULL)) != NULL)
	{
		if (v->kind != CRJ_ARRAY)
			item_error(path, "\"results\" must be an array");
		item->nresult = v->count;
		item->results = palloc0(sizeof(StackResult) * Max(v->count, 1));
		for (i = 0; i < v->count; i++)
		{
			CrJson	   *r = v->u.elems[i];
			CrJson	   *av;
			int			j;

			if (r->kind != CRJ_OBJECT)
				item_error(path, "result %d must be an object", i);
			item->results[i].rd = str_member(r, "resultDescription", NULL, path);
			item->results[i].value = str_member(r, "value", NULL, path);
			if ((av = member2(r, "allowedValues", "allowedValue")) != NULL)
			{
				if (av->kind != CRJ_ARRAY)
					item_error(path, "\"allowedValues\" must be an array of strings");
				item->results[i].nallowed = av->count;
				item->results[i].allowed = palloc(sizeof(char *) * Max(av->count, 1));
				for (j = 0; j < av->count; j++)
				{
					if (av->u.elems[j]->kind != CRJ_STRING)
						item_error(path, "\"allowedValues\" must be an array of strings");
					item->results[i].allowed[j] = pstrdup(av->u.elems[j]->u.str);
				}
			}
		}
	}
}

static int
item_ptr_cmp(const void *a, const void *b)
{
	return strcmp((*(StackItem *const *) a)->id, (*(StackItem *const *) b)->id);
}

/* Sorts by id (moving pointers, not the structs) and rejects duplicate ids. */
void
stack_items_sort(StackItem *items, int nitems)
{
	int			i;
	bool		sorted = true;

	for (i = 1; i < nitems && sorted; i++)
		if (strcmp(items[i - 1].id, items[i].id) > 0)
			sorted = false;
	if (!sorted)
	{
		StackItem **ptrs = palloc(sizeof(StackItem *) * nitems);
		StackItem  *copy = palloc(sizeof(StackItem) * nitems);

		for (i = 0; i < nitems; i++)
			ptrs[i] = &items[i];
		qsort(ptrs, nitems, sizeof(StackItem *), item_ptr_cmp);
		for (i = 0; i < nitems; i++)
			copy[i] = *ptrs[i];
		memcpy(items, copy, sizeof(StackItem) * nitems);
		pfree(ptrs);
		pfree(copy);
	}
	for (i = 1; i < nitems; i++)
		if (strcmp(items[i - 1].id, items[i].id) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("award id \"%s\" occurs more than once in the items", items[i].id)));
}

StackItem *
stack_items_from_json(const CrJson *arr, int *nitems)
{
	StackItem  *items;
	int			i;
	char		path[32];

	if (arr == NULL || arr->kind != CRJ_ARRAY)
		item_error("items", "expected an array of awards");
	if (arr->count > STACK_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d awards in one stack evaluation", STACK_MAX_ITEMS)));
	items = palloc0(sizeof(StackItem) * Max(arr->count, 1));
	for (i = 0; i < arr->count; i++)
	{
		snprintf(path, sizeof(path), "items[%d]", i);
		stack_item_from_json(arr->u.elems[i], &items[i], path);
	}
	*nitems = arr->count;
	stack_items_sort(items, *nitems);
	return items;
}

StackException *
stack_exceptions_from_json(const CrJson *arr, int *nexc)
{
	StackException *exc;
	int			i;
	char		path[40];

	*nexc = 0;
	if (arr == NULL || arr->kind == CRJ_NULL)
		return NULL;
	if (arr->kind != CRJ_ARRAY)
		item_error("exceptions", "expected an array of exceptions");
	if (arr->count > STACK_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d exceptions in one stack evaluation", STACK_MAX_ITEMS)));
	exc = palloc0(sizeof(StackException) * Max(arr->count, 1));
	for (i = 0; i < arr->count; i++)
	{
		CrJson	   *e = arr->u.elems[i];
		char	   *type;
		CrJson	   *v;

		snprintf(path, sizeof(path), "exceptions[%d]", i);
		if (e->kind != CRJ_OBJECT)
			item_error(path, "an exception must be an object");
		type = str_member(e, "type", NULL, path);
		exc[i].node = str_member(e, "node", NULL, path);
		if (type == NULL)
			item_error(path, "member \"type\" is required");
		if (exc[i].node == NULL)
			item_error(path, "member \"node\" is required");
		exc[i].min_items = -1;
		exc[i].min_credits = -1;
		if (strcmp(type, "substitute") == 0)
		{
			StackRule  *dummy;
			CrJson	   *rule;
			CrJson	   *root;

			exc[i].kind = EXC_SUBSTITUTE;
			exc[i].award = str_member(e, "with", NULL, path);
			if (exc[i].award == NULL)
				item_error(path, "member \"with\" is required");
			if ((v = crjson_get(e, "replace")) == NULL)
				item_error(path, "member \"replace\" is required");
			/* validate the predicate with the rule parser: wrap it in a leaf */
			root = crjson_make_object(2);
			crjson_object_put(root, "type", crjson_make_string("items"));
			crjson_object_put(root, "select", v);
			rule = crjson_make_object(2);
			crjson_object_put(rule, "id", crjson_make_string("exception"));
			crjson_object_put(rule, "root", root);
			dummy = stack_rule_from_json(rule);
			exc[i].replace = dummy->root->select;
		}
		else if (strcmp(type, "alsoAllow") == 0 || strcmp(type, "applyHere") == 0)
		{
			exc[i].kind = type[0] == 'a' && type[1] == 'l' ? EXC_ALSO_ALLOW : EXC_APPLY_HERE;
			exc[i].award = str_member(e, "award", NULL, path);
			if (exc[i].award == NULL)
				item_error(path, "member \"award\" is required");
		}
		else if (strcmp(type, "waive") == 0)
			exc[i].kind = EXC_WAIVE;
		else if (strcmp(type, "changeLimit") == 0)
		{
			char	   *end;

			exc[i].kind = EXC_CHANGE_LIMIT;
			if ((v = member2(e, "minItems", NULL)) != NULL)
			{
				double		d;

				if (v->kind != CRJ_NUMBER || (d = strtod(v->u.str, &end), *end) ||
					d != floor(d) || d < 1 || d > STACK_MAX_DEMAND)
					item_error(path, "\"minItems\" must be a positive integer");
				exc[i].min_items = (int) d;
			}
			if ((v = member2(e, "minCredits", NULL)) != NULL)
			{
				double		d;

				if (v->kind != CRJ_NUMBER || (d = strtod(v->u.str, &end), *end) ||
					!(d > 0) || d > STACK_MAX_DEMAND)
					item_error(path, "\"minCredits\" must be a positive number");
				exc[i].min_credits = d;
			}
			if (exc[i].min_items < 0 && exc[i].min_credits < 0)
				item_error(path, "changeLimit needs \"minItems\" or \"minCredits\"");
		}
		else
			item_error(path, "unknown exception type \"%s\"", type);
	}
	*nexc = arr->count;
	return exc;
}

/*
 * One credreg.stack_item composite.  The attribute order is fixed by
 * src/stack/stack.sql: id, achievement, achievement_type, human_code,
 * issuer, home, tags, credits, level, earned_at, valid_until, status,
 * verified, passed, alignments.
 */
#define STACK_ITEM_NATTS 15

/*
 * A text attribute as UTF-8: the model compares UTF-8 strings (rules and
 * jsonb awards are converted on input), whatever the database encoding.
 */
static char *
text_utf8(Datum d)
{
	char	   *s = TextDatumGetCString(d);

	return pg_server_to_any(s, strlen(s), PG_UTF8);
}

/* Reads one stack_item from deformed attributes (values/nulls by position). */
static void
item_from_values(const Datum *values, const bool *isnull, StackItem *item)
{
	memset(item, 0, sizeof(StackItem));
	if (isnull[0])
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("stack item id must not be null")));
	item->id = text_utf8(values[0]);
	item->achievement = isnull[1] ? NULL : text_utf8(values[1]);
	item->achievement_type = isnull[2] ? NULL : text_utf8(values[2]);
	item->human_code = isnull[3] ? NULL : text_utf8(values[3]);
	item->issuer = isnull[4] ? NULL : text_utf8(values[4]);
	item->home = !isnull[5] && DatumGetBool(values[5]);
	if (!isnull[6])
	{
		ArrayType  *arr = DatumGetArrayTypeP(values[6]);
		Datum	   *elems;
		bool	   *nulls;
		int			n;
		int			i;
		int			k = 0;

		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		item->tags = palloc(sizeof(char *) * Max(n, 1));
		for (i = 0; i < n; i++)
			if (!nulls[i])
				item->tags[k++] = text_utf8(elems[i]);
		item->ntags = k;
	}
	item->credits = isnull[7] ? 0 : DatumGetFloat8(values[7]);
	if (!isfinite(item->credits) || item->credits < 0 || item->credits > STACK_MAX_DEMAND)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stack item \"%s\": credits must be between 0 and %d", item->id, STACK_MAX_DEMAND)));
	item->level = isnull[8] ? -1 : DatumGetInt32(values[8]);
	if (item->level < -1 || item->level > 1000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stack item \"%s\": level must be between 0 and 1000", item->id)));
	item->has_earned = !isnull[9];
	if (!isnull[9])
		item->earned_at = DatumGetTimestampTz(values[9]);
	item->has_valid_until = !isnull[10];
	if (!isnull[10])
		item->valid_until = DatumGetTimestampTz(values[10]);
	item->status = isnull[11] ? NULL : text_utf8(values[11]);
	item->verified = isnull[12] || DatumGetBool(values[12]);
	item->has_passed = !isnull[13];
	item->passed = !isnull[13] && DatumGetBool(values[13]);
	if (!isnull[14])
	{
		CrJson	   *al = crjson_from_jsonb(DatumGetJsonbP(values[14]));

		parse_alignments(al, item, item->id);
	}
}

static TupleDesc
item_tupdesc(HeapTupleHeader tup)
{
	TupleDesc	desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(tup),
												   HeapTupleHeaderGetTypMod(tup));

	if (desc->natts != STACK_ITEM_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("stack item has %d attributes, expected %d", desc->natts, STACK_ITEM_NATTS)));
	return desc;
}

static void
item_from_tuple_desc(HeapTupleHeader tup, TupleDesc desc, StackItem *item)
{
	HeapTupleData tmp;
	Datum		values[STACK_ITEM_NATTS];
	bool		isnull[STACK_ITEM_NATTS];

	tmp.t_len = HeapTupleHeaderGetDatumLength(tup);
	ItemPointerSetInvalid(&(tmp.t_self));
	tmp.t_tableOid = InvalidOid;
	tmp.t_data = tup;
	heap_deform_tuple(&tmp, desc, values, isnull);
	item_from_values(values, isnull, item);
}

void
stack_item_from_tuple(HeapTupleHeader tup, StackItem *item)
{
	item_from_tuple_desc(tup, item_tupdesc(tup), item);
}

/* The items of a stack_item[] array, sorted by id. */
StackItem *
stack_items_from_array(ArrayType *arr, int *nitems)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;
	int			k = 0;
	StackItem  *items;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	TupleDesc	desc = NULL;

	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, &elems, &nulls, &n);
	if (n > STACK_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d awards in one stack evaluation", STACK_MAX_ITEMS)));
	items = palloc0(sizeof(StackItem) * Max(n, 1));
	for (i = 0; i < n; i++)
		if (!nulls[i])
		{
			HeapTupleHeader th = DatumGetHeapTupleHeader(elems[i]);

			if (desc == NULL)
				desc = item_tupdesc(th);
			item_from_tuple_desc(th, desc, &items[k++]);
		}
	*nitems = k;
	stack_items_sort(items, k);
	return items;
}
