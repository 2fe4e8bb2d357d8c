/*
 * baked_svg.c
 *		The credential of a baked SVG: the element <openbadges:credential>
 *		(Open Badges 3.0 §5.3.2) or <openbadges:assertion> (Open Badges 2.0
 *		Baking Specification), whose content is the credential as JSON
 *		(usually in a CDATA section) and whose verify attribute is a compact
 *		JWS or, for a hosted 2.0 assertion, its URL.  The content wins when
 *		it is there (the hosted assertion itself); else the attribute.
 *
 * Not an XML parser: a scanner that knows comments, CDATA sections,
 * processing instructions, the DOCTYPE and quoted attribute values, so that
 * an element name inside any of them is never taken for the badge element,
 * and that decodes the five predefined entities and character references
 * (XML 1.0 §4.6, §4.1).  The element is matched by the prefix both specs
 * write ("openbadges:").
 */
#include "postgres.h"

#include "baked/baked.h"
#include "common/unicode_norm.h"
#include "mb/pg_wchar.h"

typedef struct Scan
{
	const char *s;
	size_t		len;
	size_t		pos;
	CredregFailure *f;
} Scan;

static bool
starts(const Scan *sc, const char *lit)
{
	size_t		n = strlen(lit);

	return sc->len - sc->pos >= n && memcmp(sc->s + sc->pos, lit, n) == 0;
}

/* Moves past the next occurrence of lit; false when there is none. */
static bool
skip_past(Scan *sc, const char *lit)
{
	size_t		n = strlen(lit);

	for (size_t i = sc->pos; i + n <= sc->len; i++)
		if (memcmp(sc->s + i, lit, n) == 0)
		{
			sc->pos = i + n;
			return true;
		}
	return false;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Appends text with entity and character references decoded (XML 1.0 §4.6). */
static bool
append_decoded(StringInfo out, const char *s, size_t n, CredregFailure *f)
{
	for (size_t i = 0; i < n; i++)
	{
		const char *semi;
		size_t		rlen;

		if (s[i] != '&')
		{
			appendStringInfoChar(out, s[i]);
			continue;
		}
		semi = memchr(s + i, ';', Min(n - i, 12));
		if (semi == NULL)
			return credreg_fail(f, "image_malformed", "the SVG has an unterminated entity reference");
		rlen = semi - (s + i) + 1;
		if (rlen == 4 && memcmp(s + i, "&lt;", 4) == 0)
			appendStringInfoChar(out, '<');
		else if (rlen == 4 && memcmp(s + i, "&gt;", 4) == 0)
			appendStringInfoChar(out, '>');
		else if (rlen == 5 && memcmp(s + i, "&amp;", 5) == 0)
			appendStringInfoChar(out, '&');
		else if (rlen == 6 && memcmp(s + i, "&quot;", 6) == 0)
			appendStringInfoChar(out, '"');
		else if (rlen == 6 && memcmp(s + i, "&apos;", 6) == 0)
			appendStringInfoChar(out, '\'');
		else if (rlen > 3 && s[i + 1] == '#')
		{
			bool		hex = (s[i + 2] == 'x');
			uint32		cp = 0;
			unsigned char utf8[4];
			size_t		start = i + (hex ? 3 : 2);

			if (start >= i + rlen - 1)
				return credreg_fail(f, "image_malformed", "the SVG has an empty character reference");
			for (size_t j = start; j < i + rlen - 1; j++)
			{
				char		c = s[j];
				int			d;

				if (c >= '0' && c <= '9')
					d = c - '0';
				else if (hex && c >= 'a' && c <= 'f')
					d = c - 'a' + 10;
				else if (hex && c >= 'A' && c <= 'F')
					d = c - 'A' + 10;
				else
					return credreg_fail(f, "image_malformed", "the SVG has a malformed character reference");
				cp = cp * (hex ? 16 : 10) + d;
				if (cp > 0x10FFFF)
					return credreg_fail(f, "image_malformed", "the SVG has a character reference beyond U+10FFFF");
			}
			if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
				return credreg_fail(f, "image_malformed", "the SVG refers to a character XML does not allow");
			unicode_to_utf8(cp, utf8);
			appendBinaryStringInfo(out, (const char *) utf8, pg_utf_mblen(utf8));
		}
		else
			return credreg_fail(f, "image_malformed", "the SVG uses an entity XML does not predefine");
		i += rlen - 1;
	}
	return true;
}

/*
 * The attributes of a start tag, from after its name to '>' or '/>';
 * *verify gets the decoded verify attribute.
 */
static bool
read_attributes(Scan *sc, char **verify, bool *self_closing)
{
	*verify = NULL;
	*self_closing = false;
	for (;;)
	{
		size_t		name_start;
		size_t		name_len;
		char		quote;
		const char *vend;

		while (sc->pos < sc->len && is_space(sc->s[sc->pos]))
			sc->pos++;
		if (sc->pos >= sc->len)
			return credreg_fail(sc->f, "image_malformed", "the SVG ends inside the badge element's start tag");
		if (sc->s[sc->pos] == '>')
		{
			sc->pos++;
			return true;
		}
		if (starts(sc, "/>"))
		{
			sc->pos += 2;
			*self_closing = true;
			return true;
		}
		name_start = sc->pos;
		while (sc->pos < sc->len && !is_space(sc->s[sc->pos]) && sc->s[sc->pos] != '=' &&
			   sc->s[sc->pos] != '>' && sc->s[sc->pos] != '/')
			sc->pos++;
		name_len = sc->pos - name_start;
		while (sc->pos < sc->len && is_space(sc->s[sc->pos]))
			sc->pos++;
		if (name_len == 0 || sc->pos >= sc->len || sc->s[sc->pos] != '=')
			return credreg_fail(sc->f, "image_malformed", "the badge element has an attribute without a value");
		sc->pos++;
		while (sc->pos < sc->len && is_space(sc->s[sc->pos]))
			sc->pos++;
		if (sc->pos >= sc->len || (sc->s[sc->pos] != '"' && sc->s[sc->pos] != '\''))
			return credreg_fail(sc->f, "image_malformed", "the badge element has an unquoted attribute value");
		quote = sc->s[sc->pos++];
		vend = memchr(sc->s + sc->pos, quote, sc->len - sc->pos);
		if (vend == NULL)
			return credreg_fail(sc->f, "image_malformed", "the badge element has an unterminated attribute value");
		if (name_len == 6 && memcmp(sc->s + name_start, "verify", 6) == 0)
		{
			StringInfoData v;

			if (*verify != NULL)
				return credreg_fail(sc->f, "image_malformed", "the badge element has two verify attributes");
			initStringInfo(&v);
			if (!append_decoded(&v, sc->s + sc->pos, vend - (sc->s + sc->pos), sc->f))
				return false;
			*verify = v.data;
		}
		sc->pos = vend - sc->s + 1;
	}
}

/* The element's content up to </name>: CDATA raw, text decoded, comments dropped. */
static bool
read_content(Scan *sc, const char *name, size_t name_len, StringInfo out)
{
	while (sc->pos < sc->len)
	{
		const char *lt = memchr(sc->s + sc->pos, '<', sc->len - sc->pos);

		if (lt == NULL)
			break;
		if (!append_decoded(out, sc->s + sc->pos, lt - (sc->s + sc->pos), sc->f))
			return false;
		sc->pos = lt - sc->s;
		if (starts(sc, "<![CDATA["))
		{
			size_t		start = sc->pos + 9;

			if (!skip_past(sc, "]]>"))
				return credreg_fail(sc->f, "image_malformed", "the SVG has an unterminated CDATA section");
			appendBinaryStringInfo(out, sc->s + start, sc->pos - 3 - start);
		}
		else if (starts(sc, "<!--"))
		{
			if (!skip_past(sc, "-->"))
				return credreg_fail(sc->f, "image_malformed", "the SVG has an unterminated comment");
		}
		else if (starts(sc, "</") && sc->len - sc->pos >= name_len + 2 &&
				 memcmp(sc->s + sc->pos + 2, name, name_len) == 0)
		{
			sc->pos += 2 + name_len;
			while (sc->pos < sc->len && is_space(sc->s[sc->pos]))
				sc->pos++;
			if (sc->pos >= sc->len || sc->s[sc->pos] != '>')
				return credreg_fail(sc->f, "image_malformed", "the badge element's end tag is malformed");
			sc->pos++;
			return true;
		}
		else
			return credreg_fail(sc->f, "image_malformed",
								"the badge element holds markup other than text and CDATA");
	}
	return credreg_fail(sc->f, "image_malformed", "the badge element is not closed");
}

static bool
is_badge_element(const char *name, size_t n)
{
	return (n == 21 && memcmp(name, "openbadges:credential", 21) == 0) ||
		(n == 20 && memcmp(name, "openbadges:assertion", 20) == 0);
}

/* Skips the rest of a tag up to its '>', over quoted attribute values. */
static bool
skip_tag(Scan *sc)
{
	char		quote = 0;

	for (; sc->pos < sc->len; sc->pos++)
	{
		char		c = sc->s[sc->pos];

		if (quote)
		{
			if (c == quote)
				quote = 0;
		}
		else if (c == '"' || c == '\'')
			quote = c;
		else if (c == '>')
		{
			sc->pos++;
			return true;
		}
	}
	return credreg_fail(sc->f, "image_malformed", "the SVG ends inside a tag");
}

/* <!DOCTYPE ...>, with an internal subset in brackets and quoted literals */
static bool
skip_doctype(Scan *sc)
{
	int			depth = 0;
	char		quote = 0;

	for (; sc->pos < sc->len; sc->pos++)
	{
		char		c = sc->s[sc->pos];

		if (quote)
		{
			if (c == quote)
				quote = 0;
		}
		else if (c == '"' || c == '\'')
			quote = c;
		else if (c == '[')
			depth++;
		else if (c == ']')
			depth--;
		else if (c == '>' && depth <= 0)
		{
			sc->pos++;
			return true;
		}
	}
	return credreg_fail(sc->f, "image_malformed", "the SVG ends inside its DOCTYPE");
}

static char *
trimmed(const char *s, size_t *len)
{
	size_t		b = 0,
				e = strlen(s);

	while (b < e && is_space(s[b]))
		b++;
	while (e > b && is_space(s[e - 1]))
		e--;
	*len = e - b;
	return pnstrdup(s + b, e - b);
}

bool
cr_baked_svg(const char *svg, size_t len, char **text, size_t *textlen, CredregFailure *failure)
{
	Scan		sc = {svg, len, 0, failure};
	bool		seen_svg = false;

	*text = NULL;
	*textlen = 0;
	if (pg_encoding_verifymbstr(PG_UTF8, svg, (int) Min(len, (size_t) PG_INT32_MAX)) != (int) len)
		return credreg_fail(failure, "image_malformed", "the SVG is not UTF-8 text");
	while (sc.pos < sc.len)
	{
		const char *lt = memchr(sc.s + sc.pos, '<', sc.len - sc.pos);
		size_t		name_start;
		size_t		name_len;

		if (lt == NULL)
			break;
		sc.pos = lt - sc.s;
		if (starts(&sc, "<!--"))
		{
			if (!skip_past(&sc, "-->"))
				return credreg_fail(failure, "image_malformed", "the SVG has an unterminated comment");
			continue;
		}
		if (starts(&sc, "<![CDATA["))
		{
			if (!skip_past(&sc, "]]>"))
				return credreg_fail(failure, "image_malformed", "the SVG has an unterminated CDATA section");
			continue;
		}
		if (starts(&sc, "<?"))
		{
			if (!skip_past(&sc, "?>"))
				return credreg_fail(failure, "image_malformed", "the SVG has an unterminated processing instruction");
			continue;
		}
		if (starts(&sc, "<!"))
		{
			if (!skip_doctype(&sc))
				return false;
			continue;
		}
		if (starts(&sc, "</"))
		{
			if (!skip_tag(&sc))
				return false;
			continue;
		}
		sc.pos++;
		name_start = sc.pos;
		while (sc.pos < sc.len && !is_space(sc.s[sc.pos]) && sc.s[sc.pos] != '>' && sc.s[sc.pos] != '/')
			sc.pos++;
		name_len = sc.pos - name_start;
		if ((name_len == 3 && memcmp(sc.s + name_start, "svg", 3) == 0) ||
			(name_len > 4 && memcmp(sc.s + name_start + name_len - 4, ":svg", 4) == 0))
			seen_svg = true;
		if (is_badge_element(sc.s + name_start, name_len))
		{
			char	   *verify;
			bool		self_closing;
			StringInfoData content;
			size_t		clen;
			char	   *c;

			if (*text != NULL)
				return credreg_fail(failure, "baked_ambiguous", "the SVG holds more than one baked credential");
			if (!read_attributes(&sc, &verify, &self_closing))
				return false;
			initStringInfo(&content);
			if (!self_closing && !read_content(&sc, sc.s + name_start, name_len, &content))
				return false;
			c = trimmed(content.data, &clen);
			if (clen > 0)
			{
				*text = c;
				*textlen = clen;
			}
			else if (verify != NULL && (c = trimmed(verify, &clen), clen > 0))
			{
				*text = c;
				*textlen = clen;
			}
			else
				return credreg_fail(failure, "image_malformed",
									"the badge element has neither content nor a verify attribute");
			continue;
		}
		if (!skip_tag(&sc))
			return false;
	}
	if (!seen_svg)
	{
		*text = NULL;
		return credreg_fail(failure, "image_unsupported", "the XML document has no svg element");
	}
	return true;
}
