/*
 * nquads.c
 *		A strict N-Quads parser (rdf-n-quads.txt, section 5 grammar) into an
 *		RdfDataset.  Never raises on bad input: the first error is reported
 *		as a CredregFailure "nquads_malformed" with its line and column.
 *
 * Supported: the whole RDF 1.2 N-Quads grammar except triple terms
 * (`<<( ... )>>`, not part of RDFC-1.0's RDF 1.1 datasets), which are
 * rejected with a clear message; a VERSION directive is accepted and
 * ignored.  Stricter than the grammar in two places, both to keep the
 * canonical form well defined: IRIs must be absolute (a scheme, as the
 * N-Quads prose requires), and a UCHAR in an IRI must not decode to a
 * character IRIREF forbids.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "rdf/rdf.h"

typedef struct NqParser
{
	const char *p;
	const char *end;
	const char *line_start;
	int			line;
	RdfDataset *ds;
	StringInfoData buf;			/* decoded IRI or lexical form */
	StringInfoData buf2;		/* datatype IRI */
	CredregFailure *failure;
} NqParser;

/* Fails with the position of `at` as line and column (in characters). */
static bool
nq_error(NqParser *P, const char *at, const char *what)
{
	int			col = 1;
	const char *q = P->line_start;

	while (q < at)
	{
		int			l = pg_utf_mblen((const unsigned char *) q);

		q += l > 0 ? l : 1;
		col++;
	}
	return credreg_fail(P->failure, "nquads_malformed",
						"invalid N-Quads at line %d, column %d: %s",
						P->line, col, what);
}

static inline void
skip_ws(NqParser *P)
{
	while (P->p < P->end && (*P->p == ' ' || *P->p == '\t'))
		P->p++;
}

/*
 * Decodes one UTF-8 character at P->p (validating it) into *cp and returns
 * its length, or 0 when the bytes are not valid UTF-8.
 */
static int
utf8_decode(const char *s, const char *end, pg_wchar *cp)
{
	const unsigned char *u = (const unsigned char *) s;
	int			l;

	if (*u < 0x80)
	{
		*cp = *u;
		return 1;
	}
	l = pg_utf_mblen(u);
	if (l < 2 || l > 4 || end - s < l || !pg_utf8_islegal(u, l))
		return 0;
	*cp = utf8_to_unicode(u);
	return l;
}

static inline int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* UCHAR (grammar [18]) at P->p, which points at the backslash. */
static bool
parse_uchar(NqParser *P, pg_wchar *cp)
{
	const char *at = P->p;
	int			n = P->p[1] == 'u' ? 4 : 8;
	pg_wchar	v = 0;
	int			i;

	if (P->end - P->p < 2 + n)
		return nq_error(P, at, "truncated \\u or \\U escape");
	for (i = 0; i < n; i++)
	{
		int			h = hexval(P->p[2 + i]);

		if (h < 0)
			return nq_error(P, at, "invalid hexadecimal digit in \\u or \\U escape");
		v = (v << 4) | h;
	}
	if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return nq_error(P, at, "escape does not denote a Unicode scalar value");
	P->p += 2 + n;
	*cp = v;
	return true;
}

static void
append_utf8(StringInfo buf, pg_wchar cp)
{
	unsigned char tmp[4];

	unicode_to_utf8(cp, tmp);
	appendBinaryStringInfo(buf, (char *) tmp, pg_utf_mblen(tmp));
}

/* bytes that may stand for themselves in an IRIREF and are ASCII */
static bool iri_plain[256];
static bool iri_plain_ready = false;

static void
init_iri_plain(void)
{
	int			c;

	for (c = 0x21; c < 0x7F; c++)
		iri_plain[c] = strchr("<>\"{}|^`\\", c) == NULL;
	iri_plain_ready = true;
}

static inline bool
iri_forbidden(pg_wchar c)
{
	return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' ||
		c == '}' || c == '|' || c == '^' || c == '`' || c == '\\';
}

/*
 * IRIREF (grammar [14]) at P->p ('<').  The IRI is returned in *iri and
 * *len: a slice of the input when it has no escapes, else decoded into buf.
 */
static bool
parse_iri(NqParser *P, StringInfo buf, const char **iri, int *len)
{
	const char *start = P->p;
	bool		escaped = false;
	const char *s;
	int			n;
	int			i;

	resetStringInfo(buf);
	P->p++;
	for (;;)
	{
		const char *at;
		const char *run = P->p;
		pg_wchar	c;
		int			l;

		/* copy runs of plain ASCII in one go */
		while (P->p < P->end && iri_plain[(unsigned char) *P->p])
			P->p++;
		if (P->p > run && escaped)
			appendBinaryStringInfo(buf, run, (int) (P->p - run));
		at = P->p;
		if (P->p >= P->end || *P->p == '\n' || *P->p == '\r')
			return nq_error(P, start, "unterminated IRI");
		if (*P->p == '>')
		{
			P->p++;
			break;
		}
		if (*P->p == '\\')
		{
			if (P->end - P->p < 2 || (P->p[1] != 'u' && P->p[1] != 'U'))
				return nq_error(P, at, "invalid escape in IRI (only \\u and \\U are allowed)");
			if (!parse_uchar(P, &c))
				return false;
			if (iri_forbidden(c))
				return nq_error(P, at, "escape in IRI denotes a character that IRIs cannot contain");
			if (!escaped)
			{
				/* from now on build the decoded IRI in buf */
				appendBinaryStringInfo(buf, start + 1, (int) (at - start - 1));
				escaped = true;
			}
			append_utf8(buf, c);
			continue;
		}
		l = utf8_decode(P->p, P->end, &c);
		if (l == 0)
			return nq_error(P, at, "invalid UTF-8");
		if (iri_forbidden(c))
			return nq_error(P, at, "character not allowed in IRI");
		if (escaped)
			appendBinaryStringInfo(buf, P->p, l);
		P->p += l;
	}
	if (escaped)
	{
		s = buf->data;
		n = buf->len;
	}
	else
	{
		s = start + 1;
		n = (int) (P->p - start - 2);
	}
	*iri = s;
	*len = n;

	/* Absolute: scheme ":" with scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
	for (i = 0; i < n; i++)
	{
		char		c = s[i];

		if (c == ':' && i > 0)
			return true;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))))
			break;
	}
	return nq_error(P, start, "relative IRI (an absolute IRI with a scheme is required)");
}

static bool
pn_chars_base(pg_wchar c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
		(c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
		(c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
		(c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
		(c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
		(c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

static bool
pn_chars(pg_wchar c)
{
	return pn_chars_base(c) || c == '_' || c == '-' || (c >= '0' && c <= '9') ||
		c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

/* BLANK_NODE_LABEL (grammar [15]) at P->p ('_'). */
static bool
parse_bnode(NqParser *P, RdfTermId *id)
{
	const char *start = P->p;
	const char *label;
	const char *last_ok;
	pg_wchar	c;
	int			l;

	if (P->end - P->p < 2 || P->p[1] != ':')
		return nq_error(P, start, "invalid blank node label (expected \"_:\")");
	P->p += 2;
	label = P->p;
	l = P->p < P->end ? utf8_decode(P->p, P->end, &c) : 0;
	if (l == 0 || !(pn_chars_base(c) || c == '_' || (c >= '0' && c <= '9')))
		return nq_error(P, label, "invalid blank node label");
	P->p += l;
	last_ok = P->p;
	/* ((PN_CHARS | '.')* PN_CHARS)?: take the longest run, then give back trailing dots */
	while (P->p < P->end)
	{
		if (*P->p == '.')
		{
			P->p++;
			continue;
		}
		l = utf8_decode(P->p, P->end, &c);
		if (l == 0 || !pn_chars(c))
			break;
		P->p += l;
		last_ok = P->p;
	}
	P->p = last_ok;
	*id = rdf_term_bnode(P->ds, label, (int) (last_ok - label));
	return true;
}

/* LANG_DIR (grammar [16]) at P->p ('@'); sets *tag and *taglen. */
static bool
parse_langtag(NqParser *P, const char **tag, int *taglen)
{
	const char *start = P->p;
	const char *q = P->p + 1;

#define ALPHA(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define ALNUM(c) (ALPHA(c) || ((c) >= '0' && (c) <= '9'))
	if (q >= P->end || !ALPHA(*q))
		return nq_error(P, start, "invalid language tag");
	while (q < P->end && ALPHA(*q))
		q++;
	while (q < P->end && *q == '-')
	{
		if (q + 2 < P->end && q[1] == '-' && ALPHA(q[2]))
		{
			q += 2;
			while (q < P->end && ALPHA(*q))
				q++;
			break;
		}
		if (q + 1 < P->end && ALNUM(q[1]))
		{
			q++;
			while (q < P->end && ALNUM(*q))
				q++;
			continue;
		}
		return nq_error(P, q, "invalid language tag");
	}
#undef ALPHA
#undef ALNUM
	*tag = start + 1;
	*taglen = (int) (q - start - 1);
	P->p = q;
	return true;
}

/* STRING_LITERAL_QUOTE (grammar [17]) at P->p ('"'), decoded into buf. */
static bool
parse_string(NqParser *P, StringInfo buf)
{
	const char *start = P->p;

	resetStringInfo(buf);
	P->p++;
	for (;;)
	{
		const char *at = P->p;
		const char *run = P->p;
		pg_wchar	c;
		int			l;

		/* copy plain ASCII runs in one go */
		while (P->p < P->end && (unsigned char) *P->p < 0x80 && *P->p != '"' &&
			   *P->p != '\\' && *P->p != '\n' && *P->p != '\r')
			P->p++;
		if (P->p > run)
			appendBinaryStringInfo(buf, run, (int) (P->p - run));
		at = P->p;
		if (P->p >= P->end || *P->p == '\n' || *P->p == '\r')
			return nq_error(P, start, "unterminated string literal");
		if (*P->p == '"')
		{
			P->p++;
			return true;
		}
		if (*P->p == '\\')
		{
			char		e;

			if (P->end - P->p < 2)
				return nq_error(P, at, "invalid escape in string literal");
			e = P->p[1];
			if (e == 'u' || e == 'U')
			{
				if (!parse_uchar(P, &c))
					return false;
				append_utf8(buf, c);
				continue;
			}
			switch (e)
			{
				case 't':
					c = '\t';
					break;
				case 'b':
					c = '\b';
					break;
				case 'n':
					c = '\n';
					break;
				case 'r':
					c = '\r';
					break;
				case 'f':
					c = '\f';
					break;
				case '"':
				case '\'':
				case '\\':
					c = (pg_wchar) e;
					break;
				default:
					return nq_error(P, at, "invalid escape in string literal");
			}
			appendStringInfoChar(buf, (char) c);
			P->p += 2;
			continue;
		}
		l = utf8_decode(P->p, P->end, &c);
		if (l == 0)
			return nq_error(P, at, "invalid UTF-8");
		appendBinaryStringInfo(buf, P->p, l);
		P->p += l;
	}
}

/* literal (grammar [11]) at P->p ('"'). */
static bool
parse_literal(NqParser *P, RdfTermId *id)
{
	const char *lang = NULL;
	int			langlen = 0;
	const char *dt = NULL;
	int			dtlen = 0;

	if (!parse_string(P, &P->buf))
		return false;
	if (P->p < P->end && *P->p == '@')
	{
		if (!parse_langtag(P, &lang, &langlen))
			return false;
	}
	else if (P->end - P->p >= 2 && P->p[0] == '^' && P->p[1] == '^')
	{
		P->p += 2;
		if (P->p >= P->end || *P->p != '<')
			return nq_error(P, P->p, "expected datatype IRI after \"^^\"");
		if (!parse_iri(P, &P->buf2, &dt, &dtlen))
			return false;
	}
	*id = rdf_term_literal(P->ds, P->buf.data, P->buf.len, dt, dtlen, lang, langlen);
	return true;
}

/* subject, object or graphLabel: IRIREF | BLANK_NODE_LABEL (| literal) */
static bool
parse_term(NqParser *P, RdfTermId *id, bool allow_literal, const char *what)
{
	if (P->p < P->end && *P->p == '<')
	{
		const char *iri;
		int			len;

		if (P->end - P->p >= 2 && P->p[1] == '<')
			return nq_error(P, P->p, "triple terms are not supported");
		if (!parse_iri(P, &P->buf, &iri, &len))
			return false;
		*id = rdf_term_iri(P->ds, iri, len);
		return true;
	}
	if (P->p < P->end && *P->p == '_')
		return parse_bnode(P, id);
	if (allow_literal && P->p < P->end && *P->p == '"')
		return parse_literal(P, id);
	return nq_error(P, P->p, what);
}

/* After a statement: white space, an optional comment, then EOL or the end. */
static bool
parse_line_end(NqParser *P)
{
	skip_ws(P);
	if (P->p < P->end && *P->p == '#')
	{
		while (P->p < P->end && *P->p != '\n' && *P->p != '\r')
			P->p++;
	}
	if (P->p < P->end && *P->p != '\n' && *P->p != '\r')
		return nq_error(P, P->p, "expected end of line after \".\"");
	return true;
}

bool
rdf_parse_nquads(RdfDataset *ds, const char *text, int len, CredregFailure *failure)
{
	NqParser	P;

	if (len > credreg_max_document_bytes)
		return credreg_fail(failure, "document_too_large",
							"N-Quads document of %d bytes is larger than credreg.max_document_bytes (%d)",
							len, credreg_max_document_bytes);
	if (!iri_plain_ready)
		init_iri_plain();
	P.p = text;
	P.end = text + len;
	P.line_start = text;
	P.line = 1;
	P.ds = ds;
	P.failure = failure;
	initStringInfo(&P.buf);
	initStringInfo(&P.buf2);

	while (P.p < P.end)
	{
		RdfTermId	s,
					p,
					o,
					g = RDF_DEFAULT_GRAPH;
		const char *iri;
		int			irilen;

		skip_ws(&P);
		if (P.p >= P.end)
			break;
		if (*P.p == '\n' || *P.p == '\r')
		{
			/* EOL: a CR LF pair counts as one line break */
			if (*P.p == '\r' && P.p + 1 < P.end && P.p[1] == '\n')
				P.p++;
			P.p++;
			P.line++;
			P.line_start = P.p;
			continue;
		}
		if (*P.p == '#')
		{
			while (P.p < P.end && *P.p != '\n' && *P.p != '\r')
				P.p++;
			continue;
		}
		if (P.end - P.p >= 7 && memcmp(P.p, "VERSION", 7) == 0)
		{
			/* versionDirective (grammar [4]) */
			P.p += 7;
			skip_ws(&P);
			if (P.p >= P.end || *P.p != '"')
				return nq_error(&P, P.p, "expected a string after VERSION");
			if (!parse_string(&P, &P.buf) || !parse_line_end(&P))
				return false;
			continue;
		}

		/* quad (grammar [6]) */
		if (!parse_term(&P, &s, false, "expected subject (IRI or blank node)"))
			return false;
		skip_ws(&P);
		if (P.p >= P.end || *P.p != '<')
			return nq_error(&P, P.p, "expected predicate IRI");
		if (!parse_iri(&P, &P.buf, &iri, &irilen))
			return false;
		p = rdf_term_iri(ds, iri, irilen);
		skip_ws(&P);
		if (!parse_term(&P, &o, true, "expected object (IRI, blank node or literal)"))
			return false;
		skip_ws(&P);
		if (P.p < P.end && (*P.p == '<' || *P.p == '_'))
		{
			if (!parse_term(&P, &g, false, "expected graph label"))
				return false;
			skip_ws(&P);
		}
		if (P.p >= P.end || *P.p != '.')
			return nq_error(&P, P.p, "expected \".\" at the end of the statement");
		P.p++;
		if (!parse_line_end(&P))
			return false;
		rdf_dataset_add(ds, s, p, o, g);
	}
	pfree(P.buf.data);
	pfree(P.buf2.data);
	return true;
}
