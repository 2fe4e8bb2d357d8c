/*
 * taxonomy_image.c
 *		Building, checking and searching the pointer-free compiled taxonomy
 *		(the layout is described in taxonomy_image.h).
 */
#include "postgres.h"

#include "utils/memutils.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/closure.h"
#include "taxonomy/taxonomy_image.h"

/*
 * FNV-1a: the image's own hash, so that a persisted snapshot keeps meaning
 * the same whatever PostgreSQL's hash functions become.
 */
static uint32
ref_hash(const char *s)
{
	uint32		h = 2166136261u;

	for (; *s; s++)
	{
		h ^= (uint8) *s;
		h *= 16777619u;
	}
	return h;
}

/* Only references shorter than TAXONOMY_REF_MAX are indexed (as resolve asks). */
static bool
indexable(const char *s)
{
	return s != NULL && strlen(s) < TAXONOMY_REF_MAX;
}

static uint32
copy_string(char *strings, uint64 *used, const char *s)
{
	uint32		off;
	size_t		len;

	if (s == NULL)
		return TAXONOMY_IMAGE_NO_STRING;
	off = (uint32) *used;
	len = strlen(s) + 1;
	memcpy(strings + off, s, len);
	*used += len;
	return off;
}

static void
insert_ref(const TaxonomyNames *names, int32 *slots, const char *key, int32 value)
{
	uint32		mask = names->nslots - 1;
	uint32		h = ref_hash(key) & mask;

	while (slots[h] != TAXONOMY_IMAGE_EMPTY_SLOT)
	{
		int32		v = slots[h];
		uint32		off = (v & 1) ? names->refs[v >> 1] : names->uris[v >> 1];

		/* the first node to claim a reference keeps it */
		if (strcmp(names->strings + off, key) == 0)
			return;
		h = (h + 1) & mask;
	}
	slots[h] = value;
}

TaxonomyImageHeader *
taxonomy_image_build(const TaxonomyImageInput *in)
{
	uint64		strings_size = 1;	/* a final NUL */
	uint64		nrefs = 0;
	uint64		nslots = 16;
	uint64		lengths[TI_NSECTIONS];
	uint64		size;
	TaxonomyImageHeader *img;
	int32	   *offsets,
			   *targets,
			   *slots,
			   *fill;
	uint32	   *uris,
			   *labels,
			   *refs;
	uint8	   *top,
			   *kinds;
	char	   *strings;
	uint64		used = 0;
	TaxonomyNames names;
	int			i;

	for (i = 0; i < in->n; i++)
	{
		strings_size += strlen(in->uris[i]) + 1;
		if (in->labels[i] != NULL)
			strings_size += strlen(in->labels[i]) + 1;
		if (in->refs[i] != NULL)
			strings_size += strlen(in->refs[i]) + 1;
		nrefs += indexable(in->uris[i]) + indexable(in->refs[i]);
	}
	while (nslots < 2 * nrefs)
		nslots *= 2;

	lengths[TI_IDS] = lengths[TI_NAME_IDS] = sizeof(int32) * (uint64) in->n;
	lengths[TI_OFFSETS] = sizeof(int32) * ((uint64) in->n + 1);
	lengths[TI_TARGETS] = sizeof(int32) * (uint64) in->nedges;
	lengths[TI_URIS] = lengths[TI_LABELS] = lengths[TI_REFS] = sizeof(uint32) * (uint64) in->n;
	lengths[TI_SLOTS] = sizeof(int32) * nslots;
	lengths[TI_TOP_LEVEL] = in->n;
	lengths[TI_KINDS] = in->nedges;
	lengths[TI_STRINGS] = strings_size;
	size = TYPEALIGN(sizeof(int32), sizeof(TaxonomyImageHeader));
	for (i = 0; i < TI_NSECTIONS; i++)
		size += TYPEALIGN(sizeof(int32), lengths[i]);
	/* a snapshot is one bytea value: offsets and the whole fit in 32 bits */
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("compiled taxonomy would take %llu bytes, more than the limit of %zu",
						(unsigned long long) size, (size_t) MaxAllocSize)));

	img = palloc0(size);
	img->magic = TAXONOMY_IMAGE_MAGIC;
	img->version = TAXONOMY_IMAGE_VERSION;
	img->size = (uint32) size;
	img->n = in->n;
	img->nedges = in->nedges;
	img->nslots = (uint32) nslots;
	img->strings_size = (uint32) strings_size;
	size = TYPEALIGN(sizeof(int32), sizeof(TaxonomyImageHeader));
	for (i = 0; i < TI_NSECTIONS; i++)
	{
		if (i == TI_FIRST_NAME_SECTION)
			img->names_start = (uint32) size;
		img->section[i] = (uint32) size;
		size += TYPEALIGN(sizeof(int32), lengths[i]);
	}

	memcpy(TAXONOMY_IMAGE_SECTION(img, TI_IDS, int32 *), in->ids, lengths[TI_IDS]);
	memcpy(TAXONOMY_IMAGE_SECTION(img, TI_NAME_IDS, int32 *), in->ids, lengths[TI_IDS]);
	top = TAXONOMY_IMAGE_SECTION(img, TI_TOP_LEVEL, uint8 *);
	uris = TAXONOMY_IMAGE_SECTION(img, TI_URIS, uint32 *);
	labels = TAXONOMY_IMAGE_SECTION(img, TI_LABELS, uint32 *);
	refs = TAXONOMY_IMAGE_SECTION(img, TI_REFS, uint32 *);
	strings = TAXONOMY_IMAGE_SECTION(img, TI_STRINGS, char *);
	for (i = 0; i < in->n; i++)
	{
		top[i] = in->top_level[i] ? 1 : 0;
		uris[i] = copy_string(strings, &used, in->uris[i]);
		labels[i] = copy_string(strings, &used, in->labels[i]);
		refs[i] = copy_string(strings, &used, in->refs[i]);
	}

	/* CSR: count, prefix sums, then place each edge after its row's earlier ones */
	offsets = TAXONOMY_IMAGE_SECTION(img, TI_OFFSETS, int32 *);
	targets = TAXONOMY_IMAGE_SECTION(img, TI_TARGETS, int32 *);
	kinds = TAXONOMY_IMAGE_SECTION(img, TI_KINDS, uint8 *);
	for (i = 0; i < in->nedges; i++)
		offsets[in->src[i] + 1]++;
	for (i = 0; i < in->n; i++)
		offsets[i + 1] += offsets[i];
	fill = palloc0(sizeof(int32) * Max(in->n, 1));
	for (i = 0; i < in->nedges; i++)
	{
		int32		pos = offsets[in->src[i]] + fill[in->src[i]]++;

		targets[pos] = in->dst[i];
		kinds[pos] = in->kind[i];
	}
	pfree(fill);

	slots = TAXONOMY_IMAGE_SECTION(img, TI_SLOTS, int32 *);
	for (i = 0; i < (int) nslots; i++)
		slots[i] = TAXONOMY_IMAGE_EMPTY_SLOT;
	if (!taxonomy_image_names(img, (const char *) img + img->names_start,
							  img->size - img->names_start, &names))
		elog(ERROR, "compiled taxonomy image is not well formed");

	/*
	 * Every URI before any code, so that a URI always wins over a code
	 * written the same (a code equal to an inserted URI is left out): the
	 * answer is then the one a lookup of the uri column's index gives, which
	 * snapshot.c uses before the image is loaded.  Among equal references,
	 * the first node (lowest id) keeps it.
	 */
	for (i = 0; i < in->n; i++)
		if (indexable(in->uris[i]))
			insert_ref(&names, slots, in->uris[i], i * 2);
	for (i = 0; i < in->n; i++)
		if (indexable(in->refs[i]))
			insert_ref(&names, slots, in->refs[i], i * 2 + 1);
	return img;
}

static bool
section_fits(const TaxonomyImageHeader *img, TaxonomyImageSection s, uint64 length,
			 uint64 region_start, uint64 region_end)
{
	return img->section[s] % sizeof(int32) == 0 &&
		img->section[s] >= region_start &&
		(uint64) img->section[s] + length <= region_end;
}

bool
taxonomy_image_check_graph(const TaxonomyImageHeader *img, Size size)
{
	const int32 *ids,
			   *offsets,
			   *targets;
	const uint8 *kinds;
	uint64		n,
				nedges;
	int			i;

	if (size < sizeof(TaxonomyImageHeader) || img->magic != TAXONOMY_IMAGE_MAGIC ||
		img->version != TAXONOMY_IMAGE_VERSION || img->names_start > img->size ||
		img->names_start < sizeof(TaxonomyImageHeader) || size < img->names_start ||
		size > img->size || img->n < 0 || img->nedges < 0 || img->nslots == 0 ||
		(img->nslots & (img->nslots - 1)) != 0 || img->strings_size == 0)
		return false;
	n = img->n;
	nedges = img->nedges;
	if (!section_fits(img, TI_IDS, 4 * n, sizeof(TaxonomyImageHeader), img->names_start) ||
		!section_fits(img, TI_OFFSETS, 4 * (n + 1), sizeof(TaxonomyImageHeader), img->names_start) ||
		!section_fits(img, TI_TARGETS, 4 * nedges, sizeof(TaxonomyImageHeader), img->names_start) ||
		!section_fits(img, TI_TOP_LEVEL, n, sizeof(TaxonomyImageHeader), img->names_start) ||
		!section_fits(img, TI_KINDS, nedges, sizeof(TaxonomyImageHeader), img->names_start))
		return false;
	ids = TAXONOMY_IMAGE_SECTION(img, TI_IDS, const int32 *);
	offsets = TAXONOMY_IMAGE_SECTION(img, TI_OFFSETS, const int32 *);
	targets = TAXONOMY_IMAGE_SECTION(img, TI_TARGETS, const int32 *);
	kinds = TAXONOMY_IMAGE_SECTION(img, TI_KINDS, const uint8 *);
	if (offsets[0] != 0 || offsets[n] != img->nedges)
		return false;
	for (i = 0; i < img->n; i++)
	{
		if ((i > 0 && ids[i] <= ids[i - 1]) || offsets[i + 1] < offsets[i])
			return false;
	}
	for (i = 0; i < img->nedges; i++)
	{
		if (targets[i] < 0 || targets[i] >= img->n || kinds[i] > TAXONOMY_EDGE_REPLACED_BY)
			return false;
	}
	return true;
}

bool
taxonomy_image_names(const TaxonomyImageHeader *img, const char *region, Size size,
					 TaxonomyNames *names)
{
	uint64		n = img->n;
	uint64		start = img->names_start;
	int			i;

	if (size != img->size - img->names_start ||
		!section_fits(img, TI_NAME_IDS, 4 * n, start, img->size) ||
		!section_fits(img, TI_URIS, 4 * n, start, img->size) ||
		!section_fits(img, TI_LABELS, 4 * n, start, img->size) ||
		!section_fits(img, TI_REFS, 4 * n, start, img->size) ||
		!section_fits(img, TI_SLOTS, 4 * (uint64) img->nslots, start, img->size) ||
		!section_fits(img, TI_STRINGS, img->strings_size, start, img->size))
		return false;
	names->n = img->n;
	names->nslots = img->nslots;
	names->ids = (const int32 *) (region + (img->section[TI_NAME_IDS] - start));
	names->uris = (const uint32 *) (region + (img->section[TI_URIS] - start));
	names->labels = (const uint32 *) (region + (img->section[TI_LABELS] - start));
	names->refs = (const uint32 *) (region + (img->section[TI_REFS] - start));
	names->slots = (const int32 *) (region + (img->section[TI_SLOTS] - start));
	names->strings = region + (img->section[TI_STRINGS] - start);

	if (names->strings[img->strings_size - 1] != '\0')
		return false;
	for (i = 0; i < img->n; i++)
	{
		if ((i > 0 && names->ids[i] <= names->ids[i - 1]) ||
			names->uris[i] >= img->strings_size ||
			(names->labels[i] != TAXONOMY_IMAGE_NO_STRING && names->labels[i] >= img->strings_size) ||
			(names->refs[i] != TAXONOMY_IMAGE_NO_STRING && names->refs[i] >= img->strings_size))
			return false;
	}
	for (i = 0; i < (int) img->nslots; i++)
	{
		int32		v = names->slots[i];

		if (v == TAXONOMY_IMAGE_EMPTY_SLOT)
			continue;
		if (v < 0 || (v >> 1) >= img->n ||
			((v & 1) && names->refs[v >> 1] == TAXONOMY_IMAGE_NO_STRING))
			return false;
	}
	return true;
}

int
taxonomy_image_lookup(const TaxonomyNames *names, const char *key)
{
	uint32		mask = names->nslots - 1;
	uint32		h = ref_hash(key) & mask;

	/* at most nslots probes: a damaged-but-checked image cannot loop */
	for (uint32 probe = 0; probe < names->nslots; probe++)
	{
		int32		v = names->slots[h];

		if (v == TAXONOMY_IMAGE_EMPTY_SLOT)
			return -1;
		if (strcmp(names->strings + ((v & 1) ? names->refs[v >> 1] : names->uris[v >> 1]), key) == 0)
			return v >> 1;
		h = (h + 1) & mask;
	}
	return -1;
}

int
taxonomy_names_index(const TaxonomyNames *names, int32 id)
{
	int			lo = 0,
				hi = names->n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (names->ids[mid] == id)
			return mid;
		if (names->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}
