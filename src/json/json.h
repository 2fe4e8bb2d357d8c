/*
 * json.h
 *		Strict JSON: a parser that produces a compact read-only tree, lookups
 *		over it, and serializers (compact, RFC 8785 JCS, jsonb).
 *
 * Strict means: duplicate member names, invalid UTF-8, lone surrogate
 * escapes, nesting deeper than credreg.max_json_depth and documents larger
 * than credreg.max_document_bytes are rejected.  A parser differential on
 * duplicate names is a forgery vector, so nothing in credreg reads JSON text
 * any other way.
 *
 * Every tree lives in the memory context that was current when it was made.
 */
#ifndef CREDREG_JSON_H
#define CREDREG_JSON_H

#include "credreg.h"

#include "utils/jsonb.h"

typedef enum CrJsonKind
{
	CRJ_NULL,
	CRJ_FALSE,
	CRJ_TRUE,
	CRJ_NUMBER,
	CRJ_STRING,
	CRJ_ARRAY,
	CRJ_OBJECT
} CrJsonKind;

typedef struct CrJson CrJson;

typedef struct CrJsonMember
{
	const char *name;			/* decoded UTF-8, NUL-terminated */
	int			name_len;		/* bytes, without the NUL */
	CrJson	   *value;
} CrJsonMember;

struct CrJson
{
	CrJsonKind	kind;
	int			count;			/* ARRAY: elements; OBJECT: members;
								 * STRING: decoded bytes; NUMBER: literal bytes */
	union
	{
		const char *str;		/* STRING: decoded UTF-8, NUL-terminated (may
								 * contain U+0000, hence count); NUMBER: the
								 * literal exactly as written */
		CrJson	  **elems;		/* ARRAY */
		CrJsonMember *members;	/* OBJECT, in document order */
	}			u;
};

/* Parse JSON text; NULL with failure code "malformed" on any violation. */
extern CrJson *crjson_parse(const char *text, size_t len, CredregFailure *failure);

/* Parse or raise: for SQL functions whose input must be valid JSON. */
extern CrJson *crjson_parse_or_error(const char *text, size_t len);

/* Member `name` of an object, or NULL (also when v is not an object). */
extern CrJson *crjson_get(const CrJson *v, const char *name);

/* Member `name` when it is a string, else NULL. */
extern const char *crjson_get_string(const CrJson *v, const char *name);

/* True when v is a string equal to s. */
extern bool crjson_is_string(const CrJson *v, const char *s);

/* The number's value as a double; false when v is not a finite number. */
extern bool crjson_number_value(const CrJson *v, double *result);

/* Appends compact JSON text (document order, no whitespace). */
extern void crjson_append_text(StringInfo out, const CrJson *v);

/*
 * Appends the RFC 8785 canonical form: members sorted by UTF-16 code units,
 * numbers in ECMAScript form.  False (code "malformed") when a number cannot
 * be represented (it overflows a double).
 */
extern bool crjcs_append(StringInfo out, const CrJson *v, CredregFailure *failure);

/* Converting to and from jsonb. */
extern Jsonb *crjson_to_jsonb(const CrJson *v);
extern CrJson *crjson_from_jsonb(Jsonb *jb);

/* Building trees (for signing): values are not copied. */
extern CrJson *crjson_make_string(const char *s);
extern CrJson *crjson_make_object(int capacity);
extern void crjson_object_put(CrJson *obj, const char *name, CrJson *value);	/* replaces an existing member */
extern CrJson *crjson_object_without(const CrJson *obj, const char *name);	/* shallow copy minus one member */

#endif							/* CREDREG_JSON_H */
