/*
 * snapshot.c
 *		Where a backend's compiled taxonomy comes from: the persisted
 *		snapshot credreg.taxonomy_snapshot, else the tables.
 *
 * Why a table and not shared memory: PostgreSQL 15 can reserve shared memory
 * only for a library in shared_preload_libraries, and credreg must work
 * without it (a dynamic shared memory segment found by name needs
 * GetNamedDSMSegment, PostgreSQL 17).  So the compiled taxonomy is kept where
 * every backend of the database can read it anyway: one row holding the
 * pointer-free image (taxonomy_image.h), stored uncompressed.  A new
 * backend reads that one value and uses it in place; building the graph
 * from the tables (reading 35,000 rows, hashing every URI) is what made the
 * first closure or competency_id of a session cost 80-130 ms.  The same row
 * serves every node of a Citus cluster as a node-local table: each node's
 * row is derived from that node's own copy of the taxonomy tables.
 *
 * The snapshot is never answered from unless it is the taxonomy the reader
 * sees (the rows a cache reads: the latest committed ones plus the
 * transaction's own changes, cache.h):
 *  - it is written only in the transaction that changes the taxonomy, just
 *    before that commits (XACT_EVENT_PRE_COMMIT, or PRE_PREPARE), from the
 *    rows that transaction then sees, so the new tables and the new snapshot
 *    become visible together, and a rollback keeps both old;
 *  - the statement triggers (taxonomy_changed) delete the snapshot row at
 *    once, so that a later reader in the changing transaction (a parallel
 *    worker of a later statement included) finds none; the changing backend
 *    itself does not read the snapshot until its transaction ends (its own
 *    deletion is invisible to the statement that made it);
 *  - writers of the snapshot hold an ExclusiveLock on its table from their
 *    first change to their commit, so two transactions changing the
 *    taxonomy at once are serialized (the second waits at its first
 *    changing statement) and the second one's snapshot includes the
 *    first's rows; readers are never blocked;
 *  - the image is checked (taxonomy_image_check_graph, taxonomy_image_names)
 *    before use; a row missing, damaged or duplicated means building from
 *    the tables, as before.
 * A new backend reads only the image's graph region (what closure() needs,
 * an eighth of the bytes); the names (URIs, labels, the reference index)
 * are read from the same row when first asked for, and exact URIs are
 * looked up in the table's index until then.
 * Changes that fire no trigger (session_replication_role = replica,
 * disabled triggers) leave the snapshot as stale as they leave every other
 * cache of credreg: run credreg.taxonomy_snapshot_refresh() after them.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/closure.h"
#include "taxonomy/taxonomy_image.h"
#include "util/cache.h"

#define TABLE_COMPETENCY	0
#define TABLE_RELATION		1
#define TABLE_SNAPSHOT		2

static CrCache taxonomy_cache = CRCACHE_INIT("credreg taxonomy", "competency",
											  "competency_relation", "taxonomy_snapshot");

/* this transaction changed the taxonomy: write a snapshot before it commits */
static bool changed_here = false;
static bool xact_callback_registered = false;

/* where the current generation's image came from, for taxonomy_cache_stats */
static const char *image_source = "none";
static Size image_size = 0;

/* ---------------------------------------------------------------------------
 * Reading the tables
 * ---------------------------------------------------------------------------
 */

/* Rows of credreg.competency as read, before they are put in id order. */
typedef struct CompetencyRows
{
	int			n;
	int			cap;
	int32	   *ids;
	bool	   *top_level;
	char	  **uris;
	char	  **labels;
	char	  **refs;			/* "framework:code", or NULL */
} CompetencyRows;

static char *
text_column(HeapTuple tup, TupleDesc desc, const char *column)
{
	bool		isnull;
	Datum		d = crcache_getattr(tup, desc, column, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

static bool
read_competency(HeapTuple tup, TupleDesc desc, void *arg)
{
	CompetencyRows *r = arg;
	bool		isnull;
	char	   *fw,
			   *code;

	if (r->n == r->cap)
	{
		r->cap *= 2;
		r->ids = repalloc_huge(r->ids, sizeof(int32) * r->cap);
		r->top_level = repalloc_huge(r->top_level, sizeof(bool) * r->cap);
		r->uris = repalloc_huge(r->uris, sizeof(char *) * r->cap);
		r->labels = repalloc_huge(r->labels, sizeof(char *) * r->cap);
		r->refs = repalloc_huge(r->refs, sizeof(char *) * r->cap);
	}
	r->ids[r->n] = DatumGetInt32(crcache_getattr(tup, desc, "id", &isnull));
	r->top_level[r->n] = DatumGetBool(crcache_getattr(tup, desc, "top_level", &isnull));
	r->uris[r->n] = text_column(tup, desc, "uri");
	r->labels[r->n] = text_column(tup, desc, "label");
	fw = text_column(tup, desc, "framework");
	code = text_column(tup, desc, "code");
	r->refs[r->n] = code != NULL ? psprintf("%s:%s", fw, code) : NULL;
	r->n++;
	return true;
}

/* The edges as read, in the direction evidence flows. */
typedef struct EdgeRows
{
	const int32 *ids;			/* ascending, to find node indexes */
	int			nids;
	int			n;
	int			cap;
	int32	   *src;
	int32	   *dst;
	uint8	   *kind;
} EdgeRows;

static int
node_of(const EdgeRows *e, int32 id)
{
	int			lo = 0,
				hi = e->nids - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (e->ids[mid] == id)
			return mid;
		if (e->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int
edge_kind_of(const char *kind, bool *reverse, bool *both)
{
	*reverse = false;
	*both = false;
	if (strcmp(kind, "broader") == 0 || strcmp(kind, "broadMatch") == 0)
		return TAXONOMY_EDGE_BROADER;
	if (strcmp(kind, "narrowMatch") == 0)
	{
		*reverse = true;
		return TAXONOMY_EDGE_BROADER;
	}
	if (strcmp(kind, "exactMatch") == 0)
	{
		*both = true;
		return TAXONOMY_EDGE_EXACT;
	}
	if (strcmp(kind, "closeMatch") == 0)
	{
		*both = true;
		return TAXONOMY_EDGE_CLOSE;
	}
	if (strcmp(kind, "replacedBy") == 0)
		return TAXONOMY_EDGE_REPLACED_BY;
	return -1;					/* related: never followed */
}

static void
add_edge(EdgeRows *e, int32 s, int32 d, int k)
{
	if (e->n == e->cap)
	{
		e->cap *= 2;
		e->src = repalloc_huge(e->src, sizeof(int32) * e->cap);
		e->dst = repalloc_huge(e->dst, sizeof(int32) * e->cap);
		e->kind = repalloc_huge(e->kind, e->cap);
	}
	e->src[e->n] = s;
	e->dst[e->n] = d;
	e->kind[e->n++] = (uint8) k;
}

/*
 * Direction of evidence: narrower -> broader, old -> replacement, both ways
 * for exactMatch and closeMatch.
 */
static bool
read_relation(HeapTuple tup, TupleDesc desc, void *arg)
{
	EdgeRows   *e = arg;
	bool		isnull,
				reverse,
				both;
	int			s = node_of(e, DatumGetInt32(crcache_getattr(tup, desc, "src", &isnull)));
	int			d = node_of(e, DatumGetInt32(crcache_getattr(tup, desc, "dst", &isnull)));
	char	   *kind = text_column(tup, desc, "kind");
	int			k = edge_kind_of(kind, &reverse, &both);

	pfree(kind);
	if (k < 0 || s < 0 || d < 0)
		return true;
	add_edge(e, reverse ? d : s, reverse ? s : d, k);
	if (both)
		add_edge(e, d, s, k);
	return true;
}

static const int32 *sort_ids;	/* qsort context of by_id */

static int
by_id(const void *a, const void *b)
{
	int32		x = sort_ids[*(const int *) a];
	int32		y = sort_ids[*(const int *) b];

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The image of the tables' latest rows (crcache_read_rows: no query is
 * planned), in CurrentMemoryContext; the rows themselves are read into a
 * scratch context.  The caller has run crcache_begin.
 */
static TaxonomyImageHeader *
image_from_tables(void)
{
	MemoryContext scratch = AllocSetContextCreate(CurrentMemoryContext, "credreg taxonomy rows",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext result_cxt = MemoryContextSwitchTo(scratch);
	CompetencyRows rows;
	EdgeRows	edges;
	TaxonomyImageInput in;
	int		   *order;
	int32	   *ids;
	bool	   *top_level;
	const char **uris,
			  **labels,
			  **refs;
	TaxonomyImageHeader *image;
	int			i;

	memset(&rows, 0, sizeof(rows));
	rows.cap = 1024;
	rows.ids = palloc(sizeof(int32) * rows.cap);
	rows.top_level = palloc(sizeof(bool) * rows.cap);
	rows.uris = palloc(sizeof(char *) * rows.cap);
	rows.labels = palloc(sizeof(char *) * rows.cap);
	rows.refs = palloc(sizeof(char *) * rows.cap);
	crcache_read_rows(&taxonomy_cache, TABLE_COMPETENCY, NULL, NULL, read_competency, &rows);

	/* in id order (credreg_taxonomy_index searches it; the first ref wins) */
	order = palloc(sizeof(int) * Max(rows.n, 1));
	for (i = 0; i < rows.n; i++)
		order[i] = i;
	sort_ids = rows.ids;
	qsort(order, rows.n, sizeof(int), by_id);
	ids = palloc(sizeof(int32) * Max(rows.n, 1));
	top_level = palloc(sizeof(bool) * Max(rows.n, 1));
	uris = palloc(sizeof(char *) * Max(rows.n, 1));
	labels = palloc(sizeof(char *) * Max(rows.n, 1));
	refs = palloc(sizeof(char *) * Max(rows.n, 1));
	for (i = 0; i < rows.n; i++)
	{
		ids[i] = rows.ids[order[i]];
		top_level[i] = rows.top_level[order[i]];
		uris[i] = rows.uris[order[i]];
		labels[i] = rows.labels[order[i]];
		refs[i] = rows.refs[order[i]];
	}

	memset(&edges, 0, sizeof(edges));
	edges.ids = ids;
	edges.nids = rows.n;
	edges.cap = 1024;
	edges.src = palloc(sizeof(int32) * edges.cap);
	edges.dst = palloc(sizeof(int32) * edges.cap);
	edges.kind = palloc(edges.cap);
	crcache_read_rows(&taxonomy_cache, TABLE_RELATION, NULL, NULL, read_relation, &edges);

	in.n = rows.n;
	in.ids = ids;
	in.top_level = top_level;
	in.uris = uris;
	in.labels = labels;
	in.refs = refs;
	in.nedges = edges.n;
	in.src = edges.src;
	in.dst = edges.dst;
	in.kind = edges.kind;
	MemoryContextSwitchTo(result_cxt);
	image = taxonomy_image_build(&in);
	MemoryContextDelete(scratch);
	return image;
}

/* ---------------------------------------------------------------------------
 * Reading the snapshot
 * ---------------------------------------------------------------------------
 */

/* the current generation's image: whole, or the graph region of the snapshot */
static const TaxonomyImageHeader *image = NULL;
static uint64 image_generation = 0;
static bool image_whole = false;
static TimestampTz image_built_at = 0;	/* of the snapshot row it came from */
/* its names region, once asked for */
static TaxonomyNames names;
static uint64 names_generation = 0;

/* What a scan of the snapshot table reads: one region of the one row. */
typedef struct SnapshotRead
{
	bool		names;			/* the names region, else the graph region */
	TimestampTz built_at;		/* in: the row wanted (names); out: the row read */
	int			rows;
	int32		graph_bytes;
	struct varlena *region;		/* a copy of the region read */
} SnapshotRead;

static bool
read_snapshot_row(HeapTuple tup, TupleDesc desc, void *arg)
{
	SnapshotRead *r = arg;
	bool		isnull;
	Datum		image_datum = crcache_getattr(tup, desc, "image", &isnull);
	int32		graph_bytes = DatumGetInt32(crcache_getattr(tup, desc, "graph_bytes", &isnull));
	TimestampTz built_at = DatumGetTimestampTz(crcache_getattr(tup, desc, "built_at", &isnull));
	struct varlena *value = (struct varlena *) DatumGetPointer(image_datum);
	int32		total;

	if (++r->rows > 1)
		return false;			/* more than one: none is used (see callers) */
	total = (int32) toast_raw_datum_size(image_datum) - VARHDRSZ;
	if (graph_bytes < (int32) sizeof(TaxonomyImageHeader) || graph_bytes > total ||
		(r->names && built_at != r->built_at))
		return true;
	r->built_at = built_at;
	r->graph_bytes = graph_bytes;
	/* only the chunks of the region are fetched (the value is stored uncompressed) */
	r->region = r->names ? detoast_attr_slice(value, graph_bytes, total - graph_bytes)
		: detoast_attr_slice(value, 0, graph_bytes);
	return true;
}

/*
 * The graph region of the snapshot in CurrentMemoryContext, or NULL when
 * there is none that can be used.  The caller's right to read the taxonomy
 * is checked as a build from the tables would check it.
 */
static TaxonomyImageHeader *
graph_from_snapshot(void)
{
	SnapshotRead r = {0};
	TaxonomyImageHeader *header;
	Oid			snapshot_relid = crcache_table_relid(&taxonomy_cache, TABLE_SNAPSHOT);

	/* an extension at 0.1.0 has no snapshot table */
	if (!OidIsValid(snapshot_relid))
		return NULL;
	for (int i = TABLE_COMPETENCY; i <= TABLE_RELATION; i++)
	{
		Oid			relid = crcache_table_relid(&taxonomy_cache, i);
		AclResult	acl;

		if (!OidIsValid(relid))
			return NULL;		/* the build reports it */
		acl = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
		if (acl != ACLCHECK_OK)
			aclcheck_error(acl, OBJECT_TABLE, get_rel_name(relid));
	}
	crcache_read_rows(&taxonomy_cache, TABLE_SNAPSHOT, NULL, NULL, read_snapshot_row, &r);
	if (r.rows != 1 || r.region == NULL)
		return NULL;
	/* VARDATA of a palloc'd copy is 4-byte aligned, as every section needs */
	header = (TaxonomyImageHeader *) VARDATA(r.region);
	if (!taxonomy_image_check_graph(header, VARSIZE(r.region) - VARHDRSZ) ||
		header->names_start != (uint32) r.graph_bytes)
	{
		ereport(WARNING,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("credreg.taxonomy_snapshot holds a damaged image; the taxonomy is read from its tables"),
				 errhint("Run credreg.taxonomy_snapshot_refresh().")));
		return NULL;
	}
	image_built_at = r.built_at;
	return header;
}

const TaxonomyImageHeader *
credreg_taxonomy_image(uint64 *generation, MemoryContext *memory)
{
	MemoryContext old;

	/* a writer may have begun a generation since (open_snapshot_for_write) */
	if (!crcache_begin(&taxonomy_cache) && image != NULL &&
		image_generation == crcache_generation(&taxonomy_cache))
	{
		*memory = crcache_memory(&taxonomy_cache);
		*generation = image_generation;
		return image;
	}
	image = NULL;
	*memory = crcache_memory(&taxonomy_cache);
	old = MemoryContextSwitchTo(*memory);
	/* the changing transaction sees its own rows, not the snapshot it deleted */
	if (!changed_here)
		image = graph_from_snapshot();
	image_whole = image == NULL;
	image_source = image != NULL ? "snapshot" : "tables";
	if (image == NULL)
		image = image_from_tables();
	MemoryContextSwitchTo(old);
	image_size = image_whole ? image->size : image->names_start;
	image_generation = crcache_generation(&taxonomy_cache);
	*generation = image_generation;
	return image;
}

static bool
names_loaded(void)
{
	return image != NULL && names_generation == image_generation &&
		image_generation == crcache_generation(&taxonomy_cache);
}

const TaxonomyNames *
credreg_taxonomy_names(void)
{
	uint64		generation;
	MemoryContext memory,
				old;
	const TaxonomyImageHeader *img = credreg_taxonomy_image(&generation, &memory);
	bool		ok = false;

	if (names_loaded())
		return &names;
	old = MemoryContextSwitchTo(memory);
	if (image_whole)
		ok = taxonomy_image_names(img, (const char *) img + img->names_start,
								  img->size - img->names_start, &names);
	else
	{
		SnapshotRead r = {0};

		/* the rest of the same row (one written later has another built_at) */
		r.names = true;
		r.built_at = image_built_at;
		crcache_read_rows(&taxonomy_cache, TABLE_SNAPSHOT, NULL, NULL, read_snapshot_row, &r);
		if (r.rows == 1 && r.region != NULL)
			ok = taxonomy_image_names(img, VARDATA(r.region), VARSIZE(r.region) - VARHDRSZ,
									  &names);
		if (ok)
			image_size = img->size;
	}
	if (!ok)
	{
		/*
		 * The row was replaced since the graph was read (the change's
		 * invalidation starts a new generation at the next statement) or is
		 * damaged: the names of the tables, which are looked up by
		 * competency id, never by the graph's node numbers.
		 */
		TaxonomyImageHeader *whole = image_from_tables();

		if (!taxonomy_image_names(whole, (const char *) whole + whole->names_start,
								  whole->size - whole->names_start, &names))
			elog(ERROR, "compiled taxonomy image is not well formed");
	}
	MemoryContextSwitchTo(old);
	names_generation = generation;
	return &names;
}

/*
 * Before the names are loaded: a URI is looked up in the uri column's index
 * of credreg.competency, a few pages instead of the 90% of the image that
 * the names are.  The first queries of a new connection (a recruiter's
 * skills(ARRAY[uri, ...])) need nothing else.  The answers are remembered
 * for the generation (a bitmap heap scan's recheck evaluates skills() again
 * for every candidate row); after COLD_URI_LOOKUPS distinct URIs the names
 * are loaded instead, since a lookup in them costs a hash probe, not an
 * index scan.
 */
#define COLD_URI_LOOKUPS 64

typedef struct ColdRef
{
	char		uri[TAXONOMY_REF_MAX];	/* hash key */
	int32		id;
} ColdRef;

static bool
read_id(HeapTuple tup, TupleDesc desc, void *arg)
{
	bool		isnull;

	*(int32 *) arg = DatumGetInt32(crcache_getattr(tup, desc, "id", &isnull));
	return false;
}

bool
credreg_taxonomy_uri_lookup(const char *uri, int32 *id)
{
	static uint64 cold_generation = 0;
	static HTAB *cold_refs = NULL;	/* in the generation's memory */
	uint64		generation;
	char		key[TAXONOMY_REF_MAX];
	ColdRef    *entry;
	bool		found;

	(void) crcache_begin(&taxonomy_cache);
	if (names_loaded() || strlen(uri) >= TAXONOMY_REF_MAX)
		return false;
	generation = crcache_generation(&taxonomy_cache);
	if (cold_generation != generation || cold_refs == NULL)
	{
		HASHCTL		ctl;

		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = TAXONOMY_REF_MAX;
		ctl.entrysize = sizeof(ColdRef);
		ctl.hcxt = crcache_memory(&taxonomy_cache);
		cold_refs = hash_create("credreg taxonomy cold URIs", COLD_URI_LOOKUPS, &ctl,
								HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
		cold_generation = generation;
	}
	memset(key, 0, sizeof(key));
	strcpy(key, uri);
	entry = hash_search(cold_refs, key, HASH_FIND, NULL);
	if (entry != NULL)
	{
		*id = entry->id;
		return true;
	}
	if (hash_get_num_entries(cold_refs) >= COLD_URI_LOOKUPS)
		return false;
	*id = 0;
	crcache_read_rows(&taxonomy_cache, TABLE_COMPETENCY, "uri", uri, read_id, id);
	if (*id == 0)
		return false;
	entry = hash_search(cold_refs, key, HASH_ENTER, &found);
	entry->id = *id;
	return true;
}

/* ---------------------------------------------------------------------------
 * Writing the snapshot
 * ---------------------------------------------------------------------------
 */

/*
 * Opens the snapshot table with the lock that serializes its writers (kept
 * until the transaction ends); NULL when the table does not exist.
 */
static Relation
open_snapshot_for_write(void)
{
	Oid			relid;

	(void) crcache_begin(&taxonomy_cache);
	relid = crcache_table_relid(&taxonomy_cache, TABLE_SNAPSHOT);
	if (!OidIsValid(relid))
		return NULL;
	return table_open(relid, ExclusiveLock);
}

/* Deletes every snapshot row the latest snapshot shows (writers hold the lock). */
static void
delete_snapshot_rows(Relation rel)
{
	SysScanDesc scan;
	HeapTuple	tuple;
	Snapshot	snap;

	CommandCounterIncrement();
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = systable_beginscan(rel, InvalidOid, false, snap, 0, NULL);
	while (HeapTupleIsValid(tuple = systable_getnext(scan)))
		simple_heap_delete(rel, &tuple->t_self);
	systable_endscan(scan);
	UnregisterSnapshot(snap);
	CommandCounterIncrement();
}

static void
set_column(TupleDesc desc, Datum *values, bool *nulls, const char *column, Datum value)
{
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), column) == 0)
		{
			values[i] = value;
			nulls[i] = false;
			return;
		}
	}
	elog(ERROR, "column \"%s\" of credreg.taxonomy_snapshot does not exist", column);
}

/*
 * Replaces the snapshot with the image of the tables as this transaction
 * now sees them.  The rows are read, and the row written, as the snapshot
 * table's owner: the snapshot must not depend on whether the role that
 * changed the taxonomy may read all of it.  Returns the image's size.
 */
static int64
write_snapshot(void)
{
	Relation	rel = open_snapshot_for_write();
	Oid			save_userid;
	int			save_sec_context;
	TaxonomyImageHeader *image;
	bytea	   *value;
	TupleDesc	desc;
	Datum	   *values;
	bool	   *nulls;
	HeapTuple	tuple;
	int64		size;
	uint32		graph_bytes;

	if (rel == NULL)
		return 0;
	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE);
	delete_snapshot_rows(rel);
	image = image_from_tables();
	size = image->size;
	graph_bytes = image->names_start;
	value = palloc(VARHDRSZ + image->size);
	SET_VARSIZE(value, VARHDRSZ + image->size);
	memcpy(VARDATA(value), image, image->size);
	pfree(image);
	/* by column name: whatever order an upgrade left the columns in */
	desc = RelationGetDescr(rel);
	values = palloc0(sizeof(Datum) * desc->natts);
	nulls = palloc(sizeof(bool) * desc->natts);
	memset(nulls, true, sizeof(bool) * desc->natts);
	/* built_at also tells a reader of the names that the row is the one it read */
	set_column(desc, values, nulls, "built_at", TimestampTzGetDatum(GetCurrentTimestamp()));
	set_column(desc, values, nulls, "competencies",
			   Int32GetDatum(((TaxonomyImageHeader *) VARDATA(value))->n));
	set_column(desc, values, nulls, "edges",
			   Int32GetDatum(((TaxonomyImageHeader *) VARDATA(value))->nedges));
	set_column(desc, values, nulls, "graph_bytes", Int32GetDatum((int32) graph_bytes));
	set_column(desc, values, nulls, "image", PointerGetDatum(value));
	tuple = heap_form_tuple(desc, values, nulls);
	/* the table has no index: a heap insert is the whole write (toasted uncompressed) */
	simple_heap_insert(rel, tuple);
	heap_freetuple(tuple);
	pfree(value);
	CommandCounterIncrement();
	SetUserIdAndSecContext(save_userid, save_sec_context);
	table_close(rel, NoLock);
	return size;
}

static void
snapshot_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			if (changed_here)
			{
				(void) write_snapshot();
				changed_here = false;
			}
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PREPARE:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PARALLEL_ABORT:
			changed_here = false;
			break;
		default:
			break;
	}
}

/*
 * The taxonomy tables changed in this transaction: the snapshot goes now
 * (for every later reader of this transaction) and is written again before
 * commit.
 */
static void
snapshot_changed(void)
{
	Relation	rel;

	if (!xact_callback_registered)
	{
		RegisterXactCallback(snapshot_xact_callback, NULL);
		xact_callback_registered = true;
	}
	changed_here = true;
	rel = open_snapshot_for_write();
	if (rel == NULL)
		return;
	delete_snapshot_rows(rel);
	table_close(rel, NoLock);
}

PG_FUNCTION_INFO_V1(taxonomy_changed);
/*
 * Statement trigger on the taxonomy tables: every backend's compiled graph
 * goes (cache.h), and so does the snapshot until this transaction commits.
 */
Datum
taxonomy_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "taxonomy_changed: not called by trigger manager");
	crcache_table_changed(trigdata->tg_relation);
	snapshot_changed();
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(taxonomy_snapshot_refresh);
/*
 * credreg.taxonomy_snapshot_refresh(): writes the snapshot now from the
 * tables as this transaction sees them (after changes no trigger saw).
 */
Datum
taxonomy_snapshot_refresh(PG_FUNCTION_ARGS)
{
	int64		size;

	PreventCommandIfReadOnly("taxonomy_snapshot_refresh()");
	size = write_snapshot();
	/* readers in this backend move to it at their next lookup */
	crcache_retire(&taxonomy_cache);
	PG_RETURN_INT64(size);
}

PG_FUNCTION_INFO_V1(taxonomy_cache_stats);
/*
 * credreg.taxonomy_cache_stats(): where this backend's compiled taxonomy
 * came from ('snapshot', 'tables', or 'none' before the first use), its
 * size, and the cache's counters.
 */
Datum
taxonomy_cache_stats(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = CStringGetTextDatum(image_source);
	values[1] = Int64GetDatum((int64) image_size);
	values[2] = Int64GetDatum((int64) taxonomy_cache.generations);
	values[3] = Int64GetDatum((int64) taxonomy_cache.invalidations);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
