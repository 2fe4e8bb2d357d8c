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

/*
 * Parse JSON text (UTF-8 bytes, not necessarily NUL-terminated); NULL with
 * failure code "malformed" on any violation.  Never raises on bad input.
 * "\u0000" is valid JSON and is decoded, so a string may contain U+0000
 * (hence CrJson.count).
 */
extern CrJson *crjson_parse(const char *text, size_t len, CredregFailure *failure);

/*
 * As crjson_parse; *limit_exceeded (when not NULL) tells a limit violation
 * (credreg.max_document_bytes, credreg.max_json_depth) from a syntax error,
 * for callers that raise 54000 rather than 22P02.
 */
extern CrJson *crjson_parse_ext(const char *text, size_t len, CredregFailure *failure,
								bool *limit_exceeded);

/*
 * Parse or raise: for SQL functions whose input must be valid JSON.  The
 * text is in the server encoding (converted to UTF-8 first when the database
 * is not UTF8); raises 22P02 on invalid JSON, 54000 on a limit violation.
 */
extern CrJson *crjson_parse_or_error(const char *text, size_t len);

/* Member `name` of an object, or NULL (also when v is not an object). */
extern CrJson *crjson_get(const CrJson *v, const char *name);

/* Member `name` when it is a string, else NULL. */
extern const char *crjson_get_string(const CrJson *v, const char *name);

/* True when v is a string equal to s. */
extern bool crjson_is_string(const CrJson *v, const char *s);
/* v is the string s, or an array holding it (JSON-LD's one-or-many, e.g. "type"). */
extern bool crjson_has_string(const CrJson *v, const char *s);

/* The name jsonb_typeof gives a value's kind ("object", "boolean", ...). */
extern const char *crjson_kind_name(CrJsonKind kind);

/*
 * The text ->> gives for a value: NULL for JSON null or absent (v NULL), a
 * string or number as is, true/false, an object or array as jsonb prints it.
 */
extern const char *crjson_text(const CrJson *v);

/* The number's value as a double; false when v is not a finite number. */
extern bool crjson_number_value(const CrJson *v, double *result);

/*
 * Appends compact JSON text (document order, no whitespace, strings escaped
 * as JCS escapes them).  UTF-8.
 */
extern void crjson_append_text(StringInfo out, const CrJson *v);

/* Appends s (len UTF-8 bytes) as a JSON string literal, escaped as in JCS. */
extern void crjson_append_string(StringInfo out, const char *s, int len);

/*
 * Appends the RFC 8785 canonical form: members sorted by UTF-16 code units,
 * numbers in ECMAScript form.  False (code "malformed") when a number cannot
 * be represented (it overflows a double).
 */
extern bool crjcs_append(StringInfo out, const CrJson *v, CredregFailure *failure);

/* Appends a finite double in ECMAScript Number::toString form (JCS 3.2.2.3). */
extern void crjcs_append_double(StringInfo out, double x);

/*
 * Converting to and from jsonb.  Numbers keep their text both ways (numeric
 * output on the way back: jsonb normalizes 1E+2 to 100).  Strings are UTF-8
 * in the tree and in the server encoding in jsonb; to_jsonb raises (22P05)
 * on a string containing U+0000, which text cannot hold.
 */
extern Jsonb *crjson_to_jsonb(const CrJson *v);
extern CrJson *crjson_from_jsonb(Jsonb *jb);

/* Building trees (for signing): values are not copied. */
extern CrJson *crjson_make_string(const char *s);
extern CrJson *crjson_make_object(int capacity);
extern void crjson_object_put(CrJson *obj, const char *name, CrJson *value);	/* replaces an existing member */
extern CrJson *crjson_object_without(const CrJson *obj, const char *name);	/* shallow copy minus one member */

#endif							/* CREDREG_JSON_H */
