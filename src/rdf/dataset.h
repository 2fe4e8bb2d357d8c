/*
 * dataset.h
 *		A compact in-memory RDF dataset: interned terms and quads as tuples of
 *		term ids.  The N-Quads parser fills one, JSON-LD toRdf fills one
 *		directly, and RDFC-1.0 canonicalizes one, so that no caller has to
 *		serialize quads to text and parse them again.
 *
 * Terms are interned: adding the same IRI, blank node or literal twice gives
 * the same id.  Each term is stored in its canonical N-Quads form (RDFC-1.0
 * appendix A): "<iri>", "_:label", or a quoted literal with its escapes,
 * then "@lang" or "^^<datatype>" (never for xsd:string).  Quads are a set:
 * adding a quad already present does nothing.
 *
 * Everything is palloc'd in the memory context current at
 * rdf_dataset_create(); deleting that context frees the dataset.  None of
 * these functions raises on any input (except out of memory).
 *
 * Usage from JSON-LD toRdf:
 *
 *		RdfDataset *ds = rdf_dataset_create();
 *		RdfTermId s = rdf_term_bnode(ds, "b0", 2);
 *		RdfTermId p = rdf_term_iri(ds, "http://schema.org/name", 22);
 *		RdfTermId o = rdf_term_literal(ds, "Ann", 3, NULL, 0, "en", 2);
 *		rdf_dataset_add(ds, s, p, o, RDF_DEFAULT_GRAPH);
 *		...
 *		if (!rdfc_canonicalize(ds, RDFC_SHA256, &canonical, NULL, &failure))
 *			... failure.code is "canonicalization_limit" ...
 */
#ifndef CREDREG_RDF_DATASET_H
#define CREDREG_RDF_DATASET_H

#include "credreg.h"

/* A term id; 0 is the default graph (only valid as a quad's graph). */
typedef int32 RdfTermId;

#define RDF_DEFAULT_GRAPH ((RdfTermId) 0)

typedef enum RdfTermKind
{
	RDF_KIND_DEFAULT_GRAPH = 0,
	RDF_KIND_IRI,
	RDF_KIND_BNODE,
	RDF_KIND_LITERAL
} RdfTermKind;

typedef struct RdfQuad
{
	RdfTermId	s;
	RdfTermId	p;
	RdfTermId	o;
	RdfTermId	g;				/* RDF_DEFAULT_GRAPH for the default graph */
} RdfQuad;

typedef struct RdfDataset RdfDataset;

extern RdfDataset *rdf_dataset_create(void);

/*
 * Terms.  Strings are given with their byte length and need not be
 * NUL-terminated; they must be valid UTF-8 (the caller checks).
 *
 * rdf_term_iri: the IRI itself, without angle brackets; it is stored as
 *   given (the caller has checked it is an absolute IRI without the
 *   characters N-Quads forbids in IRIREF: controls, space, <>"{}|^`\).
 * rdf_term_bnode: the label without "_:".
 * rdf_term_literal: lexical form (may contain any code point, even U+0000);
 *   datatype IRI or NULL (NULL, and xsd:string, mean a simple literal);
 *   language tag or NULL (when given, the datatype is rdf:langString and
 *   the datatype argument is ignored).
 */
extern RdfTermId rdf_term_iri(RdfDataset *ds, const char *iri, int len);
extern RdfTermId rdf_term_bnode(RdfDataset *ds, const char *label, int len);
extern RdfTermId rdf_term_literal(RdfDataset *ds, const char *lex, int len,
								  const char *datatype, int dtlen,
								  const char *lang, int langlen);

/*
 * Adds a quad (subject IRI or blank node, predicate IRI, object any term,
 * graph RDF_DEFAULT_GRAPH, IRI or blank node).  Returns true when added,
 * false when it was already there.  Term kinds are checked only by
 * assertion: callers build well-formed quads.
 */
extern bool rdf_dataset_add(RdfDataset *ds, RdfTermId s, RdfTermId p,
							RdfTermId o, RdfTermId g);

/* Reading a dataset back. */
extern int	rdf_dataset_nquads(const RdfDataset *ds);
extern const RdfQuad *rdf_dataset_quads(const RdfDataset *ds);
extern int	rdf_dataset_nterms(const RdfDataset *ds);	/* ids 1..nterms */
extern RdfTermKind rdf_term_kind(const RdfDataset *ds, RdfTermId id);

/*
 * The canonical N-Quads form of a term ("<iri>", "_:label", "\"lex\"@en"),
 * not NUL-terminated; *len receives its length.
 */
extern const char *rdf_term_text(const RdfDataset *ds, RdfTermId id, int *len);

/*
 * Appends the dataset as N-Quads in insertion order, one canonical line per
 * quad, blank nodes under their own labels (not canonicalized: see
 * rdfc_canonicalize in rdf.h).
 */
extern void rdf_dataset_write(const RdfDataset *ds, StringInfo out);

/* Appends s as the content of a canonical STRING_LITERAL_QUOTE (no quotes). */
extern void rdf_append_escaped_string(StringInfo out, const char *s, int len);

#endif							/* CREDREG_RDF_DATASET_H */
