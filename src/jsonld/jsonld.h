/*
 * jsonld.h
 *		JSON-LD 1.1 expansion and deserialization to RDF (W3C JSON-LD 1.1
 *		Processing Algorithms and API, sections 4, 5, 7.2 and 8), with
 *		contexts taken only from table credreg.context.
 *
 * The entry points never raise on bad input: they return false and fill
 * *failure with one of these codes:
 *
 *	"context_unknown"		a context URL that credreg.context does not hold
 *							(JSON-LD "loading remote context failed" and
 *							"loading document failed")
 *	"jsonld_invalid"		any other JSON-LD error; the message starts with
 *							the JSON-LD error code, e.g. "invalid @id value: "
 *	"jsonld_dropped_term"	safe mode only: expansion would silently drop a
 *							term, property or value, or a type IRI is relative
 *	"jsonld_limit"			credreg.jsonld_max_nodes or
 *							credreg.jsonld_max_context_depth exceeded
 *
 * Processing mode is json-ld-1.1; the options of the API (section 9.3) are
 * fixed: base as given, no expandContext, rdfDirection null,
 * produceGeneralizedRdf false, ordered false.
 */
#ifndef CREDREG_JSONLD_H
#define CREDREG_JSONLD_H

#include "credreg.h"
#include "json/json.h"
#include "rdf/dataset.h"

/*
 * Expands doc (section 5.1, "expand()" of section 9.1) and appends the
 * expanded document as compact JSON text to out.  base may be NULL.
 */
extern bool credreg_jsonld_expand_text(const CrJson *doc, const char *base,
									   bool safe_mode, StringInfo out,
									   CredregFailure *failure);

/*
 * Deserializes doc to RDF (section 8.1), adding its quads to ds: the entry
 * point of Data Integrity verification (canonicalize ds with
 * rdfc_canonicalize of rdf/rdf.h).  Blank nodes are labelled b0, b1, ... in
 * the order the node map generation algorithm (section 7.2) meets them, so
 * ds should be empty or hold no such labels.  With safe_mode, expansion
 * fails with "jsonld_dropped_term" where it would drop data silently.
 */
extern bool credreg_jsonld_to_dataset(const CrJson *doc, const char *base,
									  bool safe_mode, RdfDataset *ds,
									  CredregFailure *failure);

/*
 * Deserializes doc to RDF (section 8.1) and appends the dataset as N-Quads
 * to out: one quad per line, each line ending with "\n", lines sorted
 * bytewise and without duplicates (an RDF dataset is a set).  Blank nodes
 * are labelled _:b0, _:b1, ... in the order the node map generation
 * algorithm (section 7.2) meets them.
 */
extern bool credreg_jsonld_to_nquads(const CrJson *doc, const char *base,
									 bool safe_mode, StringInfo out,
									 CredregFailure *failure);

#endif							/* CREDREG_JSONLD_H */
