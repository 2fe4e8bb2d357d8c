/*
 * json_schema_regex.c
 *		The "pattern" and "patternProperties" matcher of json_schema.c:
 *		PostgreSQL's regular expressions (ARE), on the UTF-8 text as
 *		pg_wchar, with the C collation.  Apart so that the fuzz harness,
 *		which has no backend regex engine, can stand in for it.
 */
#include "postgres.h"

#include "catalog/pg_collation.h"
#include "mb/pg_wchar.h"
#include "regex/regex.h"

#include "schema/json_schema.h"

/*
 * §6.3.3 pattern: does the regular expression match anywhere in s (ECMA-262
 * patterns are not anchored)?  1, 0, or -1 when the pattern does not compile.
 */
int
crschema_regex_search(const char *pattern, int patlen, const char *s, int slen)
{
	pg_wchar   *wp = palloc((patlen + 1) * sizeof(pg_wchar));
	pg_wchar   *ws = palloc((slen + 1) * sizeof(pg_wchar));
	int			wplen = pg_encoding_mb2wchar_with_len(PG_UTF8, pattern, wp, patlen);
	int			wslen = pg_encoding_mb2wchar_with_len(PG_UTF8, s, ws, slen);
	regex_t		re;
	int			rc;

	rc = pg_regcomp(&re, wp, wplen, REG_ADVANCED, C_COLLATION_OID);
	if (rc != REG_OKAY)
		return -1;
	rc = pg_regexec(&re, ws, wslen, 0, NULL, 0, NULL, 0);
	pg_regfree(&re);
	pfree(wp);
	pfree(ws);
	return rc == REG_OKAY ? 1 : rc == REG_NOMATCH ? 0 : -1;
}

