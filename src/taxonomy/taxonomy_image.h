/*
 * taxonomy_image.h
 *		The compiled taxonomy as one pointer-free block of memory (internal to
 *		the taxonomy capability).
 *
 * The image is what a backend uses in place: sorted ids, compressed-sparse-
 * row adjacency, string offsets and an open-addressing reference index
 * (URI or "framework:code" -> node), all addressed by offsets from the start
 * of the block.  Because nothing in it is a pointer, the same bytes serve as
 * a backend's own build and as the persisted snapshot in
 * credreg.taxonomy_snapshot (snapshot.c): a fresh backend reads one bytea
 * and starts answering, with no per-entry allocation and no hashing of every
 * URI.  Every integer is in the machine's byte order (a snapshot is read
 * only by the server that wrote it, or its physical replica).
 */
#ifndef CREDREG_TAXONOMY_IMAGE_H
#define CREDREG_TAXONOMY_IMAGE_H

#define TAXONOMY_IMAGE_MAGIC	0x58544352	/* "CRTX" */
#define TAXONOMY_IMAGE_VERSION	2
#define TAXONOMY_IMAGE_NO_STRING	PG_UINT32_MAX
#define TAXONOMY_IMAGE_EMPTY_SLOT	(-1)

/*
 * Where each section starts, in bytes from the start of the image.  The
 * image has two regions, so that a closure reads only the first: the graph
 * (header, ids, adjacency; about an eighth of the bytes) and, from
 * names_start, the names (URIs, labels, the reference index), which carry
 * their own copy of the ids, so that they can be used by competency id alone.
 */
typedef enum TaxonomyImageSection
{
	/* the graph */
	TI_IDS,						/* int32[n], ascending */
	TI_OFFSETS,					/* int32[n + 1], CSR row starts */
	TI_TARGETS,					/* int32[nedges], node indexes */
	TI_TOP_LEVEL,				/* uint8[n] */
	TI_KINDS,					/* uint8[nedges], TaxonomyEdge */
	/* the names, from names_start */
	TI_NAME_IDS,				/* int32[n], the same as TI_IDS */
	TI_URIS,					/* uint32[n], offsets into TI_STRINGS */
	TI_LABELS,					/* uint32[n], offsets, or NO_STRING */
	TI_REFS,					/* uint32[n], "framework:code", or NO_STRING */
	TI_SLOTS,					/* int32[nslots]: node * 2 + (0 uri, 1 ref), or EMPTY */
	TI_STRINGS,					/* NUL-terminated strings, the last byte NUL */
	TI_NSECTIONS
} TaxonomyImageSection;

#define TI_FIRST_NAME_SECTION TI_NAME_IDS

typedef struct TaxonomyImageHeader
{
	uint32		magic;
	uint32		version;
	uint32		size;			/* of the whole image, header included */
	uint32		names_start;	/* where the names region begins */
	int32		n;				/* competencies */
	int32		nedges;
	uint32		nslots;			/* a power of two, at least twice the refs */
	uint32		strings_size;
	uint32		section[TI_NSECTIONS];
} TaxonomyImageHeader;

/* The names region, wherever it was read to. */
typedef struct TaxonomyNames
{
	int			n;
	const int32 *ids;
	const uint32 *uris;
	const uint32 *labels;
	const uint32 *refs;
	const int32 *slots;
	uint32		nslots;
	const char *strings;
} TaxonomyNames;

/* What the builder is given: nodes in ascending id order, edges by index. */
typedef struct TaxonomyImageInput
{
	int			n;
	const int32 *ids;
	const bool *top_level;
	const char *const *uris;
	const char *const *labels;	/* entries may be NULL */
	const char *const *refs;	/* "framework:code"; entries may be NULL */
	int			nedges;
	const int32 *src;
	const int32 *dst;
	const uint8 *kind;
} TaxonomyImageInput;

/* A new image in CurrentMemoryContext (one palloc of its size). */
extern TaxonomyImageHeader *taxonomy_image_build(const TaxonomyImageInput *in);

/*
 * Whether the header and the graph region (the first size bytes of an
 * image, size at least names_start) are well formed: every offset and index
 * in range, ids ascending.  A snapshot is checked before use, so a damaged
 * row costs a rebuild, never a wild read.
 */
extern bool taxonomy_image_check_graph(const TaxonomyImageHeader *image, Size size);

/*
 * The names region of the image whose (checked) header is image, read to
 * region (the bytes from names_start to the end): false when it is not well
 * formed, else *names is set to point into it.
 */
extern bool taxonomy_image_names(const TaxonomyImageHeader *image, const char *region,
								 Size size, TaxonomyNames *names);

/*
 * The node (index into names->ids) whose URI or "framework:code" is key
 * (exact bytes), or -1.  A URI wins over a code written the same; among
 * equal URIs or codes, the lowest id.
 */
extern int	taxonomy_image_lookup(const TaxonomyNames *names, const char *key);

/* The node of id in names, or -1. */
extern int	taxonomy_names_index(const TaxonomyNames *names, int32 id);

#define TAXONOMY_IMAGE_SECTION(image, s, type) \
	((type) ((const char *) (image) + (image)->section[s]))

#endif							/* CREDREG_TAXONOMY_IMAGE_H */
