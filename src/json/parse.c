/*
 * parse.c
 *		The strict JSON parser: PostgreSQL's own JSON lexer (json_lex) drives
 *		an iterative grammar that builds the compact CrJson tree.
 *
 * Why json_lex and not pg_parse_json with semantic actions: pg_parse_json
 * recurses (and calls check_stack_depth, which raises), and it de-escapes
 * strings with pg_unicode_to_server, which raises in a database whose
 * encoding cannot hold the character and yields non-UTF-8 bytes in one that
 * is not UTF8.  Here the lexer runs without de-escaping (need_escapes off),
 * so it only tokenizes and checks the lexical syntax, the grammar keeps an
 * explicit stack (the depth limit is checked as containers open, nothing
 * recurses), and strings are decoded to UTF-8 here, where lone surrogates
 * are caught.  Nothing in this file raises on bad input.
 *
 * The tree is allocated from a bump arena (a few palloc'd blocks) because a
 * credential has hundreds of small nodes and the verifier parses one per
 * row.  Everything is in the memory context current at the call.
 */
#include "postgres.h"

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "json/json.h"

/* ---------- bump arena ---------- */

typedef struct CrArena
{
	char	   *cur;
	char	   *end;
} CrArena;

#define CRARENA_MIN_BLOCK 8192

static void *
arena_alloc(CrArena *a, size_t size)
{
	char	   *p;

	size = MAXALIGN(size);
	if ((size_t) (a->end - a->cur) < size)
	{
		size_t		block = Max(size, CRARENA_MIN_BLOCK);

		a->cur = palloc(block);
		a->end = a->cur + block;
	}
	p = a->cur;
	a->cur += size;
	return p;
}

/* ---------- scratch stacks ---------- */

typedef struct ParseItem
{
	const char *name;			/* object member name, NULL in arrays */
	int			name_len;
	int			name_offset;	/* byte offset of the name token */
	CrJson	   *value;
} ParseItem;

typedef struct ParseFrame
{
	bool		is_object;
	int			start;			/* first item of this container */
	int			offset;			/* byte offset of the opening bracket */
} ParseFrame;

typedef struct CrParser
{
	JsonLexContext lex;
	CrArena		arena;
	ParseItem  *items;
	int			nitems;
	int			maxitems;
	ParseFrame *frames;
	int			nframes;
	int			maxframes;
	CredregFailure *failure;
	bool		limit;			/* failure is a limit, not a syntax error */
} CrParser;

/* Byte offset of the current token (json_lex clears token_start at the end). */
static inline int
lex_offset(CrParser *p)
{
	if (p->lex.token_start == NULL)
		return p->lex.input_length;
	return (int) (p->lex.token_start - p->lex.input);
}

/*
 * A lexer or grammar error, worded by PostgreSQL's json_errdetail ("Token
 * "x" is invalid." becomes "token "x" is invalid").
 */
static bool
fail_lex(CrParser *p, JsonParseErrorType err)
{
	char	   *detail;
	size_t		dlen;

	if (err == JSON_EXPECTED_JSON || err == JSON_EXPECTED_ARRAY_FIRST ||
		err == JSON_EXPECTED_ARRAY_NEXT || err == JSON_EXPECTED_COLON ||
		err == JSON_EXPECTED_END || err == JSON_EXPECTED_OBJECT_FIRST ||
		err == JSON_EXPECTED_OBJECT_NEXT || err == JSON_EXPECTED_STRING)
	{
		/* as report_parse_error does: at the end, say so */
		if (p->lex.token_type == JSON_TOKEN_END)
			err = JSON_EXPECTED_MORE;
	}
	/* json_errdetail may return a constant: copy before trimming */
	detail = pstrdup(json_errdetail(err, &p->lex));
	dlen = strlen(detail);
	if (dlen > 0 && detail[dlen - 1] == '.')
		detail[dlen - 1] = '\0';
	if (detail[0] >= 'A' && detail[0] <= 'Z' &&
		!(detail[1] >= 'A' && detail[1] <= 'Z'))
		detail[0] += 'a' - 'A';
	/*
	 * In a string, json_lex leaves token_terminator on a raw control
	 * character and token_start on the letter after a bad backslash: point
	 * at the character and at the backslash.
	 */
	if (err == JSON_ESCAPING_REQUIRED)
		return credreg_fail(p->failure, "malformed",
							"invalid JSON at byte offset %d: %s",
							(int) (p->lex.token_terminator - p->lex.input),
							detail);
	if (err == JSON_ESCAPING_INVALID)
		return credreg_fail(p->failure, "malformed",
							"invalid JSON at byte offset %d: %s",
							lex_offset(p) - 1, detail);
	return credreg_fail(p->failure, "malformed",
						"invalid JSON at byte offset %d: %s",
						lex_offset(p), detail);
}

static void
push_item(CrParser *p, const char *name, int name_len, int name_offset,
		  CrJson *value)
{
	ParseItem  *it;

	if (p->nitems == p->maxitems)
	{
		/* huge: with a large credreg.max_document_bytes this passes 1 GB */
		p->maxitems *= 2;
		p->items = repalloc_huge(p->items, sizeof(ParseItem) * (Size) p->maxitems);
	}
	it = &p->items[p->nitems++];
	it->name = name;
	it->name_len = name_len;
	it->name_offset = name_offset;
	it->value = value;
}

/* ---------- strings ---------- */

static inline int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;		/* the lexer accepted only hex digits */
}

static inline unsigned int
read_u4(const char *s)
{
	return (hexval(s[0]) << 12) | (hexval(s[1]) << 8) |
		(hexval(s[2]) << 4) | hexval(s[3]);
}

static char *
put_utf8(char *d, unsigned int cp)
{
	if (cp < 0x80)
		*d++ = (char) cp;
	else if (cp < 0x800)
	{
		*d++ = (char) (0xC0 | (cp >> 6));
		*d++ = (char) (0x80 | (cp & 0x3F));
	}
	else if (cp < 0x10000)
	{
		*d++ = (char) (0xE0 | (cp >> 12));
		*d++ = (char) (0x80 | ((cp >> 6) & 0x3F));
		*d++ = (char) (0x80 | (cp & 0x3F));
	}
	else
	{
		*d++ = (char) (0xF0 | (cp >> 18));
		*d++ = (char) (0x80 | ((cp >> 12) & 0x3F));
		*d++ = (char) (0x80 | ((cp >> 6) & 0x3F));
		*d++ = (char) (0x80 | (cp & 0x3F));
	}
	return d;
}

/*
 * Decodes the current string token (already checked by the lexer: escapes
 * are well formed, no raw control characters, the bytes are UTF-8) into a
 * NUL-terminated UTF-8 string in the arena.  Decoding never grows a string,
 * so the raw length is enough.  Fails on lone surrogate escapes.
 */
static bool
decode_string(CrParser *p, const char **out, int *out_len)
{
	const char *s = p->lex.token_start + 1;
	const char *e = p->lex.token_terminator - 1;
	int			n = (int) (e - s);
	const char *bs = memchr(s, '\\', n);
	char	   *buf = arena_alloc(&p->arena, n + 1);
	char	   *d = buf;

	if (bs == NULL)
	{
		memcpy(buf, s, n);
		buf[n] = '\0';
		*out = buf;
		*out_len = n;
		return true;
	}
	memcpy(d, s, bs - s);
	d += bs - s;
	s = bs;
	while (s < e)
	{
		unsigned int cp;

		if (*s != '\\')
		{
			*d++ = *s++;
			continue;
		}
		s++;
		switch (*s++)
		{
			case '"':
				*d++ = '"';
				continue;
			case '\\':
				*d++ = '\\';
				continue;
			case '/':
				*d++ = '/';
				continue;
			case 'b':
				*d++ = '\b';
				continue;
			case 'f':
				*d++ = '\f';
				continue;
			case 'n':
				*d++ = '\n';
				continue;
			case 'r':
				*d++ = '\r';
				continue;
			case 't':
				*d++ = '\t';
				continue;
			case 'u':
				break;
			default:
				/* the lexer rejects any other escape */
				return credreg_fail(p->failure, "malformed",
									"invalid JSON at byte offset %d: invalid escape in string",
									(int) (s - 2 - p->lex.input));
		}
		cp = read_u4(s);
		s += 4;
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return credreg_fail(p->failure, "malformed",
								"invalid JSON at byte offset %d: lone low surrogate \\u%04X in string",
								(int) (s - 6 - p->lex.input), cp);
		if (cp >= 0xD800 && cp <= 0xDBFF)
		{
			unsigned int lo;

			if (e - s < 6 || s[0] != '\\' || s[1] != 'u' ||
				(lo = read_u4(s + 2)) < 0xDC00 || lo > 0xDFFF)
				return credreg_fail(p->failure, "malformed",
									"invalid JSON at byte offset %d: lone high surrogate \\u%04X in string",
									(int) (s - 6 - p->lex.input), cp);
			s += 6;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		}
		d = put_utf8(d, cp);
	}
	*d = '\0';
	*out = buf;
	*out_len = (int) (d - buf);
	return true;
}

/* ---------- containers ---------- */

static int
item_name_cmp(const void *a, const void *b)
{
	const ParseItem *x = *(ParseItem *const *) a;
	const ParseItem *y = *(ParseItem *const *) b;
	int			c;

	if (x->name_len != y->name_len)
		return x->name_len < y->name_len ? -1 : 1;
	c = memcmp(x->name, y->name, x->name_len);
	if (c != 0)
		return c;
	return x->name_offset < y->name_offset ? -1 : (x->name_offset > y->name_offset);
}

static bool
fail_duplicate(CrParser *p, const ParseItem *dup)
{
	StringInfoData name;

	initStringInfo(&name);
	crjson_append_string(&name, dup->name, dup->name_len);
	return credreg_fail(p->failure, "malformed",
						"invalid JSON at byte offset %d: duplicate member name %s",
						dup->name_offset, name.data);
}

/* Fails when two members of items[start..nitems) share a name. */
static bool
check_duplicates(CrParser *p, int start)
{
	int			n = p->nitems - start;
	ParseItem  *it = p->items + start;

	if (n <= 16)
	{
		for (int i = 1; i < n; i++)
			for (int j = 0; j < i; j++)
				if (it[i].name_len == it[j].name_len &&
					memcmp(it[i].name, it[j].name, it[i].name_len) == 0)
					return fail_duplicate(p, &it[i]);
	}
	else
	{
		ParseItem **sorted = palloc(sizeof(ParseItem *) * n);
		const ParseItem *dup = NULL;

		for (int i = 0; i < n; i++)
			sorted[i] = &it[i];
		qsort(sorted, n, sizeof(ParseItem *), item_name_cmp);
		for (int i = 1; i < n; i++)
			if (sorted[i]->name_len == sorted[i - 1]->name_len &&
				memcmp(sorted[i]->name, sorted[i - 1]->name,
					   sorted[i]->name_len) == 0 &&
				(dup == NULL || sorted[i]->name_offset < dup->name_offset))
				dup = sorted[i];
		pfree(sorted);
		if (dup != NULL)
			return fail_duplicate(p, dup);
	}
	return true;
}

/* Closes the innermost container; its node in *result. */
static bool
close_container(CrParser *p, CrJson **result)
{
	ParseFrame *f = &p->frames[--p->nframes];
	int			n = p->nitems - f->start;
	CrJson	   *v;

	if (f->is_object)
	{
		CrJsonMember *m;

		if (n > 1 && !check_duplicates(p, f->start))
			return false;
		m = n > 0 ? arena_alloc(&p->arena, sizeof(CrJsonMember) * n) : NULL;
		for (int i = 0; i < n; i++)
		{
			m[i].name = p->items[f->start + i].name;
			m[i].name_len = p->items[f->start + i].name_len;
			m[i].value = p->items[f->start + i].value;
		}
		v = arena_alloc(&p->arena, sizeof(CrJson));
		v->kind = CRJ_OBJECT;
		v->u.members = m;
	}
	else
	{
		CrJson	  **el;

		el = n > 0 ? arena_alloc(&p->arena, sizeof(CrJson *) * n) : NULL;
		for (int i = 0; i < n; i++)
			el[i] = p->items[f->start + i].value;
		v = arena_alloc(&p->arena, sizeof(CrJson));
		v->kind = CRJ_ARRAY;
		v->u.elems = el;
	}
	v->count = n;
	p->nitems = f->start;
	*result = v;
	return true;
}

static bool
open_container(CrParser *p, bool is_object)
{
	ParseFrame *f;

	if (p->nframes >= credreg_max_json_depth)
	{
		p->limit = true;
		return credreg_fail(p->failure, "malformed",
							"JSON nesting at byte offset %d is deeper than credreg.max_json_depth (%d)",
							lex_offset(p), credreg_max_json_depth);
	}
	if (p->nframes == p->maxframes)
	{
		p->maxframes *= 2;
		p->frames = repalloc(p->frames, sizeof(ParseFrame) * p->maxframes);
	}
	f = &p->frames[p->nframes++];
	f->is_object = is_object;
	f->start = p->nitems;
	f->offset = lex_offset(p);
	CHECK_FOR_INTERRUPTS();
	return true;
}

static inline bool
next_token(CrParser *p)
{
	JsonParseErrorType err = json_lex(&p->lex);

	if (err != JSON_SUCCESS)
		return fail_lex(p, err);
	return true;
}

static CrJson *
make_scalar(CrParser *p, CrJsonKind kind)
{
	CrJson	   *v = arena_alloc(&p->arena, sizeof(CrJson));

	v->kind = kind;
	v->count = 0;
	v->u.str = NULL;
	return v;
}

/*
 * The grammar (RFC 8259 section 2): a loop over tokens with the open
 * containers on p->frames.  Returns the root or NULL.
 */
static CrJson *
parse_document(CrParser *p)
{
	CrJson	   *value;
	bool		have_token = false;
	bool		array_first = false;

	for (;;)
	{
		/* Expecting a value; the token may have been read already. */
		if (!have_token && !next_token(p))
			return NULL;
		have_token = false;
		switch (p->lex.token_type)
		{
			case JSON_TOKEN_OBJECT_START:
				if (!open_container(p, true))
					return NULL;
				if (!next_token(p))
					return NULL;
				if (p->lex.token_type == JSON_TOKEN_OBJECT_END)
				{
					if (!close_container(p, &value))
						return NULL;
					break;
				}
				goto member_name;
			case JSON_TOKEN_ARRAY_START:
				if (!open_container(p, false))
					return NULL;
				if (!next_token(p))
					return NULL;
				if (p->lex.token_type == JSON_TOKEN_ARRAY_END)
				{
					if (!close_container(p, &value))
						return NULL;
					break;
				}
				have_token = true;
				array_first = true;
				continue;
			case JSON_TOKEN_STRING:
				{
					const char *s;
					int			len;

					if (!decode_string(p, &s, &len))
						return NULL;
					value = make_scalar(p, CRJ_STRING);
					value->u.str = s;
					value->count = len;
				}
				break;
			case JSON_TOKEN_NUMBER:
				{
					int			len = (int) (p->lex.token_terminator - p->lex.token_start);
					char	   *s = arena_alloc(&p->arena, len + 1);

					memcpy(s, p->lex.token_start, len);
					s[len] = '\0';
					value = make_scalar(p, CRJ_NUMBER);
					value->u.str = s;
					value->count = len;
				}
				break;
			case JSON_TOKEN_TRUE:
				value = make_scalar(p, CRJ_TRUE);
				break;
			case JSON_TOKEN_FALSE:
				value = make_scalar(p, CRJ_FALSE);
				break;
			case JSON_TOKEN_NULL:
				value = make_scalar(p, CRJ_NULL);
				break;
			default:
				fail_lex(p, array_first ? JSON_EXPECTED_ARRAY_FIRST :
						 JSON_EXPECTED_JSON);
				return NULL;
		}
		array_first = false;

		/* A complete value: attach it and read what follows. */
		for (;;)
		{
			ParseFrame *f;

			if (p->nframes == 0)
			{
				if (!next_token(p))
					return NULL;
				if (p->lex.token_type != JSON_TOKEN_END)
				{
					fail_lex(p, JSON_EXPECTED_END);
					return NULL;
				}
				return value;
			}
			f = &p->frames[p->nframes - 1];
			if (f->is_object)
				p->items[p->nitems - 1].value = value;
			else
				push_item(p, NULL, 0, 0, value);
			if (!next_token(p))
				return NULL;
			if (p->lex.token_type == JSON_TOKEN_COMMA)
			{
				if (!f->is_object)
					break;		/* next element */
				if (!next_token(p))
					return NULL;
				goto member_name;
			}
			if (p->lex.token_type ==
				(f->is_object ? JSON_TOKEN_OBJECT_END : JSON_TOKEN_ARRAY_END))
			{
				if (!close_container(p, &value))
					return NULL;
				continue;
			}
			fail_lex(p, f->is_object ? JSON_EXPECTED_OBJECT_NEXT :
					 JSON_EXPECTED_ARRAY_NEXT);
			return NULL;
		}
		continue;

member_name:
		/* The current token must be a member name, then ':'. */
		{
			const char *s;
			int			len;
			int			off = lex_offset(p);

			if (p->lex.token_type != JSON_TOKEN_STRING)
			{
				fail_lex(p, p->nitems == p->frames[p->nframes - 1].start ?
						 JSON_EXPECTED_OBJECT_FIRST : JSON_EXPECTED_STRING);
				return NULL;
			}
			if (!decode_string(p, &s, &len))
				return NULL;
			push_item(p, s, len, off, NULL);
			if (!next_token(p))
				return NULL;
			if (p->lex.token_type != JSON_TOKEN_COLON)
			{
				fail_lex(p, JSON_EXPECTED_COLON);
				return NULL;
			}
		}
	}
}

CrJson *
crjson_parse_ext(const char *text, size_t len, CredregFailure *failure,
				 bool *limit_exceeded)
{
	CrParser	p;
	CrJson	   *result;
	int			bad;

	if (limit_exceeded)
		*limit_exceeded = false;
	if (len > (size_t) credreg_max_document_bytes)
	{
		if (limit_exceeded)
			*limit_exceeded = true;
		credreg_fail(failure, "malformed",
					 "JSON document of %zu bytes is larger than credreg.max_document_bytes (%d)",
					 len, credreg_max_document_bytes);
		return NULL;
	}

	/* RFC 8259 section 8.1: UTF-8 only (this also rules out NUL bytes). */
	bad = pg_encoding_verifymbstr(PG_UTF8, text, (int) len);
	if (bad != (int) len)
	{
		credreg_fail(failure, "malformed",
					 "invalid JSON at byte offset %d: invalid UTF-8 byte sequence starting with 0x%02x",
					 bad, (unsigned char) text[bad]);
		return NULL;
	}

	memset(&p, 0, sizeof(p));
	p.lex.input = p.lex.token_terminator = p.lex.line_start = unconstify(char *, text);
	p.lex.input_length = (int) len;
	p.lex.input_encoding = PG_UTF8;
	p.lex.line_number = 1;
	p.lex.strval = NULL;		/* tokenize only: strings are decoded here */

	/* Decoded strings never outgrow their text; nodes take about as much. */
	p.arena.cur = palloc(Max(2 * len + 256, 1024));
	p.arena.end = p.arena.cur + Max(2 * len + 256, 1024);
	p.maxitems = 64;
	p.items = palloc(sizeof(ParseItem) * p.maxitems);
	p.maxframes = 16;
	p.frames = palloc(sizeof(ParseFrame) * p.maxframes);
	p.failure = failure;

	result = parse_document(&p);

	pfree(p.items);
	pfree(p.frames);
	if (result == NULL && limit_exceeded)
		*limit_exceeded = p.limit;
	return result;
}

CrJson *
crjson_parse(const char *text, size_t len, CredregFailure *failure)
{
	return crjson_parse_ext(text, len, failure, NULL);
}
