/*
 * closure.h
 *		The compiled taxonomy of a backend (internal to the taxonomy
 *		capability): a view of a pointer-free image (taxonomy_image.h), read
 *		from the persisted snapshot or built from the tables.
 */
#ifndef CREDREG_TAXONOMY_CLOSURE_H
#define CREDREG_TAXONOMY_CLOSURE_H

#define TAXONOMY_REF_MAX	256		/* longest reference + 1 that resolves */

struct TaxonomyImageHeader;

typedef struct TaxonomyGraph
{
	const struct TaxonomyImageHeader *image;	/* everything below points into it */
	uint64		generation;		/* the cache generation it belongs to */
	int			n;				/* competencies */
	const int32 *ids;			/* [n] ascending competency ids */
	const uint8 *top_level;		/* [n] */
	int			nedges;
	const int32 *offsets;		/* [n + 1] CSR row starts */
	const int32 *targets;		/* [nedges] node indexes */
	const uint8 *kinds;			/* [nedges] TaxonomyEdge */
} TaxonomyGraph;

extern TaxonomyGraph *credreg_taxonomy_graph(void);
extern int	credreg_taxonomy_index(const TaxonomyGraph *g, int32 id);
/* The URI of a competency (NULL when unknown); credreg_competency_label in taxonomy.h. */
extern const char *credreg_competency_uri(int32 id);

/*
 * snapshot.c: the current generation's image (from the persisted snapshot,
 * else from the tables), of which only the header and graph region may be
 * in memory; *generation numbers it (crcache_generation), *memory is the
 * generation's memory context, where whatever is derived from it belongs.
 */
extern const struct TaxonomyImageHeader *credreg_taxonomy_image(uint64 *generation,
																MemoryContext *memory);

/* snapshot.c: the names region of the current image, read when first asked for. */
extern const struct TaxonomyNames *credreg_taxonomy_names(void);

/*
 * snapshot.c: before the image is loaded, the competency whose URI is uri
 * from the table's index; false when not found that way (the caller then
 * asks the image, which also knows codes and spelling variants).
 */
extern bool credreg_taxonomy_uri_lookup(const char *uri, int32 *id);

#endif							/* CREDREG_TAXONOMY_CLOSURE_H */
