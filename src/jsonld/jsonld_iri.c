/*
 * jsonld_iri.c
 *		Keywords, IRI forms and relative IRI resolution (RFC 3986 section 5.2,
 *		as JSON-LD 1.1 API section 5.2 step 8 requires: the basic algorithm,
 *		no normalization).
 */
#include "postgres.h"

#include "jsonld/jsonld_int.h"

static const char *const keywords[] = {
	"@base", "@container", "@context", "@direction", "@graph", "@id",
	"@import", "@included", "@index", "@json", "@language", "@list",
	"@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
	"@set", "@type", "@value", "@version", "@vocab", NULL
};

bool
jld_is_keyword(const char *s)
{
	if (s == NULL || s[0] != '@' || s[1] < 'b' || s[1] > 'v')
		return false;
	for (int i = 0; keywords[i]; i++)
		if (keywords[i][1] == s[1] && strcmp(s, keywords[i]) == 0)
			return true;
	return false;
}

/* "@"1*ALPHA (JSON-LD 1.1 API 4.2.2 step 5, 5.2.2 step 2) */
bool
jld_has_keyword_form(const char *s)
{
	if (s == NULL || s[0] != '@' || s[1] == '\0')
		return false;
	for (const char *c = s + 1; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
			return false;
	return true;
}

/* length of the scheme (RFC 3986 3.1) before its ':', or 0 */
static int
scheme_length(const char *s)
{
	int			i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; s[i]; i++)
	{
		char		c = s[i];

		if (c == ':')
			return i;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
			return 0;
	}
	return 0;
}

/* "has the form of an IRI": an absolute IRI, i.e. it starts with a scheme */
bool
jld_is_absolute_iri(const char *s)
{
	return s != NULL && scheme_length(s) > 0;
}

/*
 * An absolute IRI that can stand as a datatype: JSON-LD 1.1 API 4.2.2 step
 * 13.3 (type mapping) and 5.3.2 step 15.5 (a value's @type) both require an
 * IRI, and an IRI holds no whitespace; one test serves both, so a context
 * cannot define a type mapping that expansion would then refuse.
 */
bool
jld_is_datatype_iri(const char *s)
{
	return jld_is_absolute_iri(s) && strpbrk(s, " \t\n\r") == NULL;
}

bool
jld_is_bnode(const char *s)
{
	return s != NULL && s[0] == '_' && s[1] == ':';
}

/*
 * The characters RFC 3987 never allows in an IRI: controls, space, DEL and
 * <>"{}|\^`.  A table, because every subject, property and IRI object of
 * every verified RDFC credential passes through the check below.
 */
static const bool iri_forbidden[256] = {
	[0x00 ... 0x20] = true, [0x7f] = true,
	['<'] = true, ['>'] = true, ['"'] = true, ['{'] = true, ['}'] = true,
	['|'] = true, ['\\'] = true, ['^'] = true, ['`'] = true,
};

/*
 * Well-formed IRI for RDF output (JSON-LD 1.1 API section 8.1): absolute,
 * free of the characters RFC 3987 never allows (spaces, controls,
 * <>"{}|\^`), and with at most one "#" (a fragment cannot hold another).
 */
bool
jld_is_wellformed_iri(const char *s)
{
	int			hashes = 0;

	if (!jld_is_absolute_iri(s))
		return false;
	for (const unsigned char *c = (const unsigned char *) s; *c; c++)
	{
		if (iri_forbidden[*c])
			return false;
		if (*c == '#' && ++hashes > 1)
			return false;
	}
	return true;
}

/* BCP47 well-formedness, loosely: 1*8ALPHA *("-" 1*8(ALPHA / DIGIT)) */
bool
jld_is_wellformed_language(const char *s)
{
	int			n = 0;
	bool		first = true;

	for (const char *c = s;; c++)
	{
		if (*c == '-' || *c == '\0')
		{
			if (n == 0 || n > 8)
				return false;
			if (*c == '\0')
				return true;
			n = 0;
			first = false;
			continue;
		}
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))
			n++;
		else if (!first && *c >= '0' && *c <= '9')
			n++;
		else
			return false;
	}
}

char *
jld_str_lower(const char *s)
{
	char	   *r = pstrdup(s);

	for (char *c = r; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 'a' - 'A';
	return r;
}

typedef struct IriParts
{
	const char *scheme;
	int			scheme_len;
	const char *authority;		/* NULL = undefined */
	int			authority_len;
	const char *path;
	int			path_len;
	const char *query;			/* NULL = undefined */
	int			query_len;
	const char *fragment;		/* NULL = undefined */
	int			fragment_len;
} IriParts;

/* RFC 3986 appendix B */
static void
split_iri(const char *s, IriParts *p)
{
	int			n = scheme_length(s);
	const char *c = s;
	const char *e;

	memset(p, 0, sizeof(*p));
	if (n > 0)
	{
		p->scheme = s;
		p->scheme_len = n;
		c = s + n + 1;
	}
	if (c[0] == '/' && c[1] == '/')
	{
		c += 2;
		e = c + strcspn(c, "/?#");
		p->authority = c;
		p->authority_len = e - c;
		c = e;
	}
	e = c + strcspn(c, "?#");
	p->path = c;
	p->path_len = e - c;
	c = e;
	if (*c == '?')
	{
		c++;
		e = c + strcspn(c, "#");
		p->query = c;
		p->query_len = e - c;
		c = e;
	}
	if (*c == '#')
	{
		c++;
		p->fragment = c;
		p->fragment_len = strlen(c);
	}
}

/* RFC 3986 5.2.4 */
static char *
remove_dot_segments(const char *path, int len)
{
	char	   *in = pnstrdup(path, len);
	char	   *out = palloc(len + 1);
	int			o = 0;
	char	   *c = in;

	while (*c)
	{
		if (strncmp(c, "../", 3) == 0)
			c += 3;
		else if (strncmp(c, "./", 2) == 0)
			c += 2;
		else if (strncmp(c, "/./", 3) == 0)
			c += 2;
		else if (strcmp(c, "/.") == 0)
			c[1] = '\0';		/* becomes "/" */
		else if (strncmp(c, "/../", 4) == 0 || strcmp(c, "/..") == 0)
		{
			if (c[3] == '/')
				c += 3;
			else
			{
				c += 2;
				*c = '/';
			}
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		}
		else if (strcmp(c, ".") == 0 || strcmp(c, "..") == 0)
			break;
		else
		{
			if (*c == '/')
				out[o++] = *c++;
			while (*c && *c != '/')
				out[o++] = *c++;
		}
	}
	out[o] = '\0';
	return out;
}

/* Resolves ref against base (RFC 3986 5.2.2, strict). */
char *
jld_resolve_iri(const char *base, const char *ref)
{
	IriParts	b,
				r;
	StringInfoData out;
	const char *auth;
	int			auth_len;
	char	   *path;
	const char *query;
	int			query_len;

	if (base == NULL)
		return pstrdup(ref);
	split_iri(ref, &r);
	if (r.scheme)
		return pstrdup(ref);	/* absolute already; JSON-LD keeps it as is */
	split_iri(base, &b);
	if (r.authority)
	{
		auth = r.authority;
		auth_len = r.authority_len;
		path = remove_dot_segments(r.path, r.path_len);
		query = r.query;
		query_len = r.query_len;
	}
	else
	{
		auth = b.authority;
		auth_len = b.authority_len;
		if (r.path_len == 0)
		{
			path = pnstrdup(b.path, b.path_len);
			if (r.query)
			{
				query = r.query;
				query_len = r.query_len;
			}
			else
			{
				query = b.query;
				query_len = b.query_len;
			}
		}
		else
		{
			if (r.path[0] == '/')
				path = remove_dot_segments(r.path, r.path_len);
			else
			{
				/* 5.2.3 merge */
				StringInfoData m;

				initStringInfo(&m);
				if (b.authority && b.path_len == 0)
					appendStringInfoChar(&m, '/');
				else
				{
					int			last = -1;

					for (int i = 0; i < b.path_len; i++)
						if (b.path[i] == '/')
							last = i;
					appendBinaryStringInfo(&m, b.path, last + 1);
				}
				appendBinaryStringInfo(&m, r.path, r.path_len);
				path = remove_dot_segments(m.data, m.len);
			}
			query = r.query;
			query_len = r.query_len;
		}
	}
	initStringInfo(&out);
	if (b.scheme)
	{
		appendBinaryStringInfo(&out, b.scheme, b.scheme_len);
		appendStringInfoChar(&out, ':');
	}
	if (auth)
	{
		appendStringInfoString(&out, "//");
		appendBinaryStringInfo(&out, auth, auth_len);
	}
	appendStringInfoString(&out, path);
	if (query)
	{
		appendStringInfoChar(&out, '?');
		appendBinaryStringInfo(&out, query, query_len);
	}
	if (r.fragment)
	{
		appendStringInfoChar(&out, '#');
		appendBinaryStringInfo(&out, r.fragment, r.fragment_len);
	}
	return out.data;
}
