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
	int			n;				/* competencies */
	const int32 *ids;			/* [n] ascending competency ids */
	const uint8 *top_level;		/* [n] */
	const uint32 *uri_offsets;	/* [n] into strings */
	const uint32 *label_offsets;	/* [n] into strings, or NO_STRING */
	const char *strings;
	int			nedges;
	const int32 *offsets;		/* [n + 1] CSR row starts */
	const int32 *targets;		/* [nedges] node indexes */
	const uint8 *kinds;			/* [nedges] TaxonomyEdge */
} TaxonomyGraph;

extern TaxonomyGraph *credreg_taxonomy_graph(void);
extern int	credreg_taxonomy_index(const TaxonomyGraph *g, int32 id);
/* URI and label (NULL when none) of node idx. */
extern const char *credreg_taxonomy_uri(const TaxonomyGraph *g, int idx);
extern const char *credreg_taxonomy_node_label(const TaxonomyGraph *g, int idx);

/*
 * snapshot.c: the current generation's image (from the persisted snapshot,
 * else from the tables).  *fresh is true when it differs from the one the
 * previous call returned; *memory is the generation's memory context, where
 * whatever is derived from the image belongs.
 */
extern const struct TaxonomyImageHeader *credreg_taxonomy_image(bool *fresh, MemoryContext *memory);

/*
 * snapshot.c: before the image is loaded, the competency whose URI is uri
 * from the table's index; false when not found that way (the caller then
 * asks the image, which also knows codes and spelling variants).
 */
extern bool credreg_taxonomy_uri_lookup(const char *uri, int32 *id);

#endif							/* CREDREG_TAXONOMY_CLOSURE_H */
