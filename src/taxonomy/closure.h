/*
 * closure.h
 *		The per-backend compiled taxonomy (internal to the taxonomy capability).
 */
#ifndef CREDREG_TAXONOMY_CLOSURE_H
#define CREDREG_TAXONOMY_CLOSURE_H

#include "utils/hsearch.h"

#define TAXONOMY_REF_MAX	256

typedef struct TaxonomyRefEntry
{
	char		key[TAXONOMY_REF_MAX];	/* URI or "framework:code" */
	int			idx;
} TaxonomyRefEntry;

typedef struct TaxonomyGraph
{
	MemoryContext cxt;
	int			n;				/* competencies */
	int32	   *ids;			/* [n] ascending competency ids */
	bool	   *top_level;		/* [n] */
	char	  **uris;			/* [n] */
	char	  **labels;			/* [n] */
	int			nedges;
	int32	   *offsets;		/* [n + 1] CSR row starts */
	int32	   *targets;		/* [nedges] node indexes */
	uint8	   *kinds;			/* [nedges] TaxonomyEdge */
	HTAB	   *refs;			/* URI / framework:code -> index */
} TaxonomyGraph;

extern TaxonomyGraph *credreg_taxonomy_graph(void);
extern int	credreg_taxonomy_index(const TaxonomyGraph *g, int32 id);

#endif							/* CREDREG_TAXONOMY_CLOSURE_H */
