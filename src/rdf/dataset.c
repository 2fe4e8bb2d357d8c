/*
 * dataset.c
 *		The in-memory RDF dataset: term interning in canonical N-Quads form
 *		and a set of quads (see dataset.h).
 */
#include "postgres.h"

#include "common/hashfn.h"

#include "rdf/dataset.h"

typedef struct RdfTermEntry
{
	int32		off;			/* canonical form in ds->text */
	int32		len;
	uint32		hash;
	uint8		kind;			/* RdfTermKind */
} RdfTermEntry;

struct RdfDataset
{
	StringInfoData text;		/* arena of canonical term forms */
	RdfTermEntry *terms;		/* terms[1..nterms] */
	int			nterms;
	int			termcap;
	RdfTermId  *termtab;		/* open addressing, 0 = empty slot */
	uint32		termtabsize;	/* power of two */
	RdfQuad    *quads;
	int			nquads;
	int			quadcap;
	int32	   *quadtab;		/* open addressing, quad index + 1, 0 = empty */
	uint32		quadtabsize;
};

#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

RdfDataset *
rdf_dataset_create(void)
{
	RdfDataset *ds = palloc0(sizeof(RdfDataset));

	initStringInfo(&ds->text);
	ds->termcap = 64;
	ds->terms = palloc(sizeof(RdfTermEntry) * ds->termcap);
	ds->termtabsize = 128;
	ds->termtab = palloc0(sizeof(RdfTermId) * ds->termtabsize);
	ds->quadcap = 64;
	ds->quads = palloc(sizeof(RdfQuad) * ds->quadcap);
	ds->quadtabsize = 128;
	ds->quadtab = palloc0(sizeof(int32) * ds->quadtabsize);
	return ds;
}

static void
termtab_grow(RdfDataset *ds)
{
	uint32		size = ds->termtabsize * 2;
	uint32		mask = size - 1;
	RdfTermId  *tab = palloc0(sizeof(RdfTermId) * size);
	int			id;

	for (id = 1; id <= ds->nterms; id++)
	{
		uint32		i = ds->terms[id].hash & mask;

		while (tab[i] != 0)
			i = (i + 1) & mask;
		tab[i] = id;
	}
	pfree(ds->termtab);
	ds->termtab = tab;
	ds->termtabsize = size;
}

/*
 * The canonical form of a candidate term has just been appended to ds->text
 * at offset off: return the id of the equal term if there is one (dropping
 * the candidate), else make it a new term.
 */
static RdfTermId
intern_tail(RdfDataset *ds, int off, RdfTermKind kind)
{
	const char *s = ds->text.data + off;
	int			len = ds->text.len - off;
	uint32		hash = hash_bytes((const unsigned char *) s, len);
	uint32		mask = ds->termtabsize - 1;
	uint32		i = hash & mask;
	RdfTermId	id;

	while ((id = ds->termtab[i]) != 0)
	{
		RdfTermEntry *t = &ds->terms[id];

		if (t->hash == hash && t->len == len &&
			memcmp(ds->text.data + t->off, s, len) == 0)
		{
			ds->text.len = off;
			ds->text.data[off] = '\0';
			return id;
		}
		i = (i + 1) & mask;
	}

	if (ds->nterms + 1 >= ds->termcap)
	{
		ds->termcap *= 2;
		ds->terms = repalloc_huge(ds->terms, sizeof(RdfTermEntry) * (Size) ds->termcap);
	}
	id = ++ds->nterms;
	ds->terms[id].off = off;
	ds->terms[id].len = len;
	ds->terms[id].hash = hash;
	ds->terms[id].kind = (uint8) kind;
	ds->termtab[i] = id;
	if ((uint32) ds->nterms * 2 > ds->termtabsize)
		termtab_grow(ds);
	return id;
}

RdfTermId
rdf_term_iri(RdfDataset *ds, const char *iri, int len)
{
	int			off = ds->text.len;

	appendStringInfoChar(&ds->text, '<');
	appendBinaryStringInfo(&ds->text, iri, len);
	appendStringInfoChar(&ds->text, '>');
	return intern_tail(ds, off, RDF_KIND_IRI);
}

RdfTermId
rdf_term_bnode(RdfDataset *ds, const char *label, int len)
{
	int			off = ds->text.len;

	appendBinaryStringInfo(&ds->text, "_:", 2);
	appendBinaryStringInfo(&ds->text, label, len);
	return intern_tail(ds, off, RDF_KIND_BNODE);
}

/*
 * RDFC-1.0 appendix A, within STRING_LITERAL_QUOTE: BS, HT, LF, FF, CR, "
 * and \ as ECHAR; U+0000..U+0007, VT, U+000E..U+001F, DEL and the code
 * points outside XML 1.1's Char production (in valid UTF-8 only U+FFFE and
 * U+FFFF remain: surrogates cannot be encoded) as a \u UCHAR with uppercase
 * HEX; everything else as itself.
 */
void
rdf_append_escaped_string(StringInfo out, const char *s, int len)
{
	static const char hex[] = "0123456789ABCDEF";
	int			start = 0;
	int			i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];
		const char *esc = NULL;
		char		ubuf[7];

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0xEF)
			continue;
		switch (c)
		{
			case '\b':
				esc = "\\b";
				break;
			case '\t':
				esc = "\\t";
				break;
			case '\n':
				esc = "\\n";
				break;
			case '\f':
				esc = "\\f";
				break;
			case '\r':
				esc = "\\r";
				break;
			case '"':
				esc = "\\\"";
				break;
			case '\\':
				esc = "\\\\";
				break;
			case 0xEF:
				/* U+FFFE and U+FFFF are EF BF BE and EF BF BF */
				if (i + 2 < len && (unsigned char) s[i + 1] == 0xBF &&
					((unsigned char) s[i + 2] == 0xBE || (unsigned char) s[i + 2] == 0xBF))
				{
					appendBinaryStringInfo(out, s + start, i - start);
					appendBinaryStringInfo(out,
										   (unsigned char) s[i + 2] == 0xBE ? "\\uFFFE" : "\\uFFFF",
										   6);
					i += 2;
					start = i + 1;
				}
				continue;
			default:
				ubuf[0] = '\\';
				ubuf[1] = 'u';
				ubuf[2] = '0';
				ubuf[3] = '0';
				ubuf[4] = hex[c >> 4];
				ubuf[5] = hex[c & 15];
				ubuf[6] = '\0';
				esc = ubuf;
				break;
		}
		appendBinaryStringInfo(out, s + start, i - start);
		appendStringInfoString(out, esc);
		start = i + 1;
	}
	appendBinaryStringInfo(out, s + start, len - start);
}

RdfTermId
rdf_term_literal(RdfDataset *ds, const char *lex, int len,
				 const char *datatype, int dtlen,
				 const char *lang, int langlen)
{
	int			off = ds->text.len;

	appendStringInfoChar(&ds->text, '"');
	rdf_append_escaped_string(&ds->text, lex, len);
	appendStringInfoChar(&ds->text, '"');
	if (lang != NULL)
	{
		appendStringInfoChar(&ds->text, '@');
		appendBinaryStringInfo(&ds->text, lang, langlen);
	}
	else if (datatype != NULL &&
			 !(dtlen == sizeof(XSD_STRING) - 1 &&
			   memcmp(datatype, XSD_STRING, dtlen) == 0))
	{
		appendBinaryStringInfo(&ds->text, "^^<", 3);
		appendBinaryStringInfo(&ds->text, datatype, dtlen);
		appendStringInfoChar(&ds->text, '>');
	}
	return intern_tail(ds, off, RDF_KIND_LITERAL);
}

static inline uint32
quad_hash(RdfTermId s, RdfTermId p, RdfTermId o, RdfTermId g)
{
	uint32		h = murmurhash32((uint32) s);

	h = hash_combine(h, murmurhash32((uint32) p));
	h = hash_combine(h, murmurhash32((uint32) o));
	h = hash_combine(h, murmurhash32((uint32) g));
	return h;
}

static void
quadtab_grow(RdfDataset *ds)
{
	uint32		size = ds->quadtabsize * 2;
	uint32		mask = size - 1;
	int32	   *tab = palloc0(sizeof(int32) * size);
	int			q;

	for (q = 0; q < ds->nquads; q++)
	{
		const RdfQuad *x = &ds->quads[q];
		uint32		i = quad_hash(x->s, x->p, x->o, x->g) & mask;

		while (tab[i] != 0)
			i = (i + 1) & mask;
		tab[i] = q + 1;
	}
	pfree(ds->quadtab);
	ds->quadtab = tab;
	ds->quadtabsize = size;
}

bool
rdf_dataset_add(RdfDataset *ds, RdfTermId s, RdfTermId p, RdfTermId o, RdfTermId g)
{
	uint32		mask = ds->quadtabsize - 1;
	uint32		i = quad_hash(s, p, o, g) & mask;
	int32		slot;
	RdfQuad    *x;

	Assert(s > 0 && s <= ds->nterms && ds->terms[s].kind != RDF_KIND_LITERAL);
	Assert(p > 0 && p <= ds->nterms && ds->terms[p].kind == RDF_KIND_IRI);
	Assert(o > 0 && o <= ds->nterms);
	Assert(g >= 0 && g <= ds->nterms &&
		   (g == 0 || ds->terms[g].kind != RDF_KIND_LITERAL));

	while ((slot = ds->quadtab[i]) != 0)
	{
		x = &ds->quads[slot - 1];
		if (x->s == s && x->p == p && x->o == o && x->g == g)
			return false;
		i = (i + 1) & mask;
	}
	if (ds->nquads >= ds->quadcap)
	{
		ds->quadcap *= 2;
		ds->quads = repalloc_huge(ds->quads, sizeof(RdfQuad) * (Size) ds->quadcap);
	}
	x = &ds->quads[ds->nquads++];
	x->s = s;
	x->p = p;
	x->o = o;
	x->g = g;
	ds->quadtab[i] = ds->nquads;
	if ((uint32) ds->nquads * 2 > ds->quadtabsize)
		quadtab_grow(ds);
	return true;
}

int
rdf_dataset_nquads(const RdfDataset *ds)
{
	return ds->nquads;
}

const RdfQuad *
rdf_dataset_quads(const RdfDataset *ds)
{
	return ds->quads;
}

int
rdf_dataset_nterms(const RdfDataset *ds)
{
	return ds->nterms;
}

RdfTermKind
rdf_term_kind(const RdfDataset *ds, RdfTermId id)
{
	if (id <= 0 || id > ds->nterms)
		return RDF_KIND_DEFAULT_GRAPH;
	return (RdfTermKind) ds->terms[id].kind;
}

const char *
rdf_term_text(const RdfDataset *ds, RdfTermId id, int *len)
{
	Assert(id > 0 && id <= ds->nterms);
	*len = ds->terms[id].len;
	return ds->text.data + ds->terms[id].off;
}

void
rdf_dataset_write(const RdfDataset *ds, StringInfo out)
{
	int			q;

	for (q = 0; q < ds->nquads; q++)
	{
		const RdfQuad *x = &ds->quads[q];
		RdfTermId	parts[4];
		int			n = x->g != RDF_DEFAULT_GRAPH ? 4 : 3;
		int			k;

		parts[0] = x->s;
		parts[1] = x->p;
		parts[2] = x->o;
		parts[3] = x->g;
		for (k = 0; k < n; k++)
		{
			const RdfTermEntry *t = &ds->terms[parts[k]];

			appendBinaryStringInfo(out, ds->text.data + t->off, t->len);
			appendStringInfoChar(out, ' ');
		}
		appendBinaryStringInfo(out, ".\n", 2);
	}
}
