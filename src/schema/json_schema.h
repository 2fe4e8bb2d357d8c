/*
 * json_schema.h
 *		A JSON Schema validator for the keywords credential schemas use: the
 *		common core of draft 2020-12 (and draft-04/07, whose keywords it
 *		shares): type, enum, const, properties, required,
 *		additionalProperties, patternProperties, items / prefixItems,
 *		minItems / maxItems, uniqueItems, minimum / maximum /
 *		exclusiveMinimum / exclusiveMaximum (numbers, or draft-04 booleans),
 *		multipleOf, minLength / maxLength, pattern, minProperties /
 *		maxProperties, allOf / anyOf / oneOf / not, boolean schemas, and $ref
 *		within the document ("#", "#/$defs/...", "#/definitions/...").
 *		Other keywords ("format", "$schema", titles...) are annotations and
 *		ignored, as 2020-12 §7.6 allows for unknown ones.
 *
 * pattern is matched with PostgreSQL's regular expressions (ARE), which
 * agree with ECMA-262 on the character classes, anchors and quantifiers
 * schemas use.  Nothing here raises on the schema or the instance.
 */
#ifndef CREDREG_JSON_SCHEMA_H
#define CREDREG_JSON_SCHEMA_H

#include "credreg.h"
#include "json/json.h"

typedef enum CrSchemaResult
{
	CRSCHEMA_VALID,
	CRSCHEMA_INVALID,			/* the instance does not conform */
	CRSCHEMA_ERROR				/* the schema cannot be applied (bad $ref, pattern...) */
} CrSchemaResult;

/* Nesting of subschemas and $ref followed before giving up (a $ref cycle). */
#define CRSCHEMA_MAX_DEPTH 64

/*
 * Validates instance against schema.  On INVALID or ERROR, *message says
 * where (a JSON Pointer into the instance) and which keyword, for the first
 * violation found.
 */
extern CrSchemaResult crschema_validate(const CrJson *schema, const CrJson *instance,
										char **message);

/*
 * Does the regular expression pattern (UTF-8, patlen bytes) match anywhere
 * in s (ECMA-262 patterns are not anchored)?  1, 0, or -1 when the pattern
 * does not compile (json_schema_regex.c).
 */
extern int	crschema_regex_search(const char *pattern, int patlen, const char *s, int slen);

#endif							/* CREDREG_JSON_SCHEMA_H */
