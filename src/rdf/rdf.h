/*
 * rdf.h
 *		The rdf capability's public face: the N-Quads parser, the canonical
 *		N-Quads serializer and RDF Dataset Canonicalization (RDFC-1.0) over
 *		the in-memory dataset of dataset.h.
 *
 * Nothing here raises on bad input: functions return false and fill a
 * CredregFailure with one of the codes
 *		"nquads_malformed"        N-Quads syntax error (message gives line and
 *		                          column, counted in characters from 1)
 *		"document_too_large"      the text is longer than
 *		                          credreg.max_document_bytes
 *		"canonicalization_limit"  RDFC-1.0 needed more work than
 *		                          credreg.rdfc_max_work allows (a poison graph)
 * The SQL wrappers raise the first as 22P02, the others as 54000.
 */
#ifndef CREDREG_RDF_H
#define CREDREG_RDF_H

#include "rdf/dataset.h"

typedef enum RdfcHash
{
	RDFC_SHA256 = 0,
	RDFC_SHA384 = 1
} RdfcHash;

/*
 * "sha256" or "sha384" (also "SHA-256", "SHA384", any case) to RdfcHash;
 * false for anything else.
 */
extern bool rdfc_hash_from_name(const char *name, RdfcHash *hash);

/*
 * Parses an N-Quads document (RDF 1.2 N-Quads without triple terms; a
 * VERSION directive is accepted and ignored) into ds.  The text need not be
 * NUL-terminated but must be valid UTF-8 (PostgreSQL text is).  Blank node
 * labels are kept, so that the issued identifiers map can be reported in
 * the input's own labels.
 */
extern bool rdf_parse_nquads(RdfDataset *ds, const char *text, int len,
							 CredregFailure *failure);

/*
 * RDFC-1.0 (rdf-canon.txt section 4.4): appends the canonical N-Quads
 * document of ds to out.  When issued is not NULL, *issued receives a
 * palloc'd array of the blank node term ids of ds in the order the canonical
 * issuer labelled them ((*issued)[i] became "c14n<i>") and *nissued its
 * length.  The work is bounded by the GUC credreg.rdfc_max_work (see
 * rdfc.c): past it the function fails with "canonicalization_limit".
 * Checks for interrupts (a query cancel raises, as usual).
 */
extern bool rdfc_canonicalize(const RdfDataset *ds, RdfcHash hash,
							  StringInfo out,
							  RdfTermId **issued, int *nissued,
							  CredregFailure *failure);

#endif							/* CREDREG_RDF_H */
