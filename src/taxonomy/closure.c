/*
 * closure.c
 *		The compiled taxonomy of a backend and the closure over it.
 *
 * On first use a backend reads credreg.competency and
 * credreg.competency_relation into compressed-sparse-row adjacency arrays
 * (one out-edge list per competency, in the direction evidence flows:
 * narrower -> broader, old -> replacement, both ways for exactMatch and
 * closeMatch).  The graph lives in a generation of a cache watching both
 * tables (util/cache.h): statement triggers on them (taxonomy_changed) make
 * every backend rebuild it at its next use, and the old graph is freed when
 * the transaction ends, so a caller in the middle of a walk never sees its
 * arrays freed.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"
#include "taxonomy/closure.h"
#include "util/cache.h"

static CrCache taxonomy_cache = CRCACHE_INIT("credreg taxonomy",
											  "competency", "competency_relation");
static TaxonomyGraph *graph = NULL; /* in the current generation */
static MemoryContext graph_cxt = NULL;	/* the graph's own context */

/* per-call scratch, kept across calls and sized to the graph */
static int32 *stamp;			/* [2 * n]: visit stamp per (node, closeUsed) */
static int16 *best_hops;		/* [2 * n]: broader hops at the visit */
static int32 *pred;				/* [2 * n]: predecessor state, -1 at a source */
static uint8 *pred_edge;		/* [2 * n]: edge used to get here */
static int32 *out_stamp;		/* [n]: stamp of the current closure output */
static int16 *out_level;		/* [n]: best level in the current output */
static int32 *queue;			/* states, grown as needed */
static int	queue_cap;
static int32 cur_stamp = 0;
static int32 cur_out_stamp = 0;

PG_FUNCTION_INFO_V1(taxonomy_changed);
/* Statement trigger on the taxonomy tables: drop every compiled graph. */
Datum
taxonomy_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "taxonomy_changed: not called by trigger manager");
	crcache_table_changed(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

static int
EdgeKindOf(const char *kind, bool *reverse, bool *both)
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

int
credreg_taxonomy_index(const TaxonomyGraph *g, int32 id)
{
	int			lo = 0,
				hi = g->n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (g->ids[mid] == id)
			return mid;
		if (g->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

const char *
credreg_competency_label(int32 id)
{
	TaxonomyGraph *g = credreg_taxonomy_graph();
	int			idx = credreg_taxonomy_index(g, id);

	return idx < 0 ? NULL : g->labels[idx];
}

static void
AddRef(TaxonomyGraph *g, const char *key, int idx)
{
	TaxonomyRefEntry *e;
	bool		found;
	char		buf[TAXONOMY_REF_MAX];

	if (strlen(key) >= TAXONOMY_REF_MAX)
		return;
	memset(buf, 0, sizeof(buf));
	strcpy(buf, key);
	e = hash_search(g->refs, buf, HASH_ENTER, &found);
	if (!found)
		e->idx = idx;
}

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

/* Row callback for credreg.competency (in the graph's memory). */
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
	TaxonomyGraph *g;
	int			n;
	int			cap;
	int32	   *src;
	int32	   *dst;
	uint8	   *kind;
} EdgeRows;

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

/* Row callback for credreg.competency_relation. */
static bool
read_relation(HeapTuple tup, TupleDesc desc, void *arg)
{
	EdgeRows   *e = arg;
	bool		isnull,
				reverse,
				both;
	int			s = credreg_taxonomy_index(e->g, DatumGetInt32(crcache_getattr(tup, desc, "src", &isnull)));
	int			d = credreg_taxonomy_index(e->g, DatumGetInt32(crcache_getattr(tup, desc, "dst", &isnull)));
	char	   *kind = text_column(tup, desc, "kind");
	int			k = EdgeKindOf(kind, &reverse, &both);

	pfree(kind);
	if (k < 0 || s < 0 || d < 0)
		return true;
	add_edge(e, reverse ? d : s, reverse ? s : d, k);
	if (both)
		add_edge(e, d, s, k);
	return true;
}

static int32 *sort_ids;			/* qsort context of by_id */

static int
by_id(const void *a, const void *b)
{
	int32		x = sort_ids[*(const int *) a];
	int32		y = sort_ids[*(const int *) b];

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * Reads both tables straight from their local relations (crcache_read_rows:
 * the latest rows, no query planned) into a new graph in its own context.
 */
static TaxonomyGraph *
BuildGraph(void)
{
	MemoryContext cxt,
				old;
	TaxonomyGraph *g;
	int			i;
	int		   *deg;
	int		   *order;
	int			nedges;
	int32	   *esrc,
			   *edst;
	uint8	   *ekind;
	HASHCTL		ctl;
	CompetencyRows rows;
	EdgeRows	edges;

	cxt = AllocSetContextCreate(TopMemoryContext, "credreg taxonomy",
								ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		old = MemoryContextSwitchTo(cxt);
		g = palloc0(sizeof(TaxonomyGraph));

		memset(&rows, 0, sizeof(rows));
		rows.cap = 1024;
		rows.ids = palloc(sizeof(int32) * rows.cap);
		rows.top_level = palloc(sizeof(bool) * rows.cap);
		rows.uris = palloc(sizeof(char *) * rows.cap);
		rows.labels = palloc(sizeof(char *) * rows.cap);
		rows.refs = palloc(sizeof(char *) * rows.cap);
		crcache_read_rows(&taxonomy_cache, 0, NULL, NULL, read_competency, &rows);

		/* in id order (credreg_taxonomy_index searches it; the first ref wins) */
		order = palloc(sizeof(int) * Max(rows.n, 1));
		for (i = 0; i < rows.n; i++)
			order[i] = i;
		sort_ids = rows.ids;
		qsort(order, rows.n, sizeof(int), by_id);
		g->n = rows.n;
		g->ids = palloc(sizeof(int32) * Max(g->n, 1));
		g->top_level = palloc0(sizeof(bool) * Max(g->n, 1));
		g->uris = palloc(sizeof(char *) * Max(g->n, 1));
		g->labels = palloc(sizeof(char *) * Max(g->n, 1));
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = TAXONOMY_REF_MAX;
		ctl.entrysize = sizeof(TaxonomyRefEntry);
		ctl.hcxt = cxt;
		g->refs = hash_create("credreg taxonomy refs", Max(g->n * 2, 64), &ctl,
							  HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
		for (i = 0; i < g->n; i++)
		{
			int			r = order[i];

			g->ids[i] = rows.ids[r];
			g->top_level[i] = rows.top_level[r];
			g->uris[i] = rows.uris[r];
			g->labels[i] = rows.labels[r];
			AddRef(g, g->uris[i], i);
			if (rows.refs[r] != NULL)
				AddRef(g, rows.refs[r], i);
		}
		pfree(order);
		pfree(rows.ids);
		pfree(rows.top_level);
		pfree(rows.uris);
		pfree(rows.labels);
		pfree(rows.refs);

		memset(&edges, 0, sizeof(edges));
		edges.g = g;
		edges.cap = 1024;
		edges.src = palloc(sizeof(int32) * edges.cap);
		edges.dst = palloc(sizeof(int32) * edges.cap);
		edges.kind = palloc(edges.cap);
		crcache_read_rows(&taxonomy_cache, 1, NULL, NULL, read_relation, &edges);
		MemoryContextSwitchTo(old);
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	nedges = edges.n;
	esrc = edges.src;
	edst = edges.dst;
	ekind = edges.kind;

	/* CSR */
	old = MemoryContextSwitchTo(cxt);
	g->offsets = palloc0(sizeof(int32) * (g->n + 1));
	g->targets = palloc(sizeof(int32) * Max(nedges, 1));
	g->kinds = palloc(Max(nedges, 1));
	g->nedges = nedges;
	deg = palloc0(sizeof(int) * (g->n + 1));
	for (i = 0; i < nedges; i++)
		g->offsets[esrc[i] + 1]++;
	for (i = 0; i < g->n; i++)
		g->offsets[i + 1] += g->offsets[i];
	for (i = 0; i < nedges; i++)
	{
		int			pos = g->offsets[esrc[i]] + deg[esrc[i]]++;

		g->targets[pos] = edst[i];
		g->kinds[pos] = ekind[i];
	}
	pfree(deg);
	pfree(esrc);
	pfree(edst);
	pfree(ekind);

	/* scratch */
	stamp = palloc0(sizeof(int32) * 2 * Max(g->n, 1));
	best_hops = palloc0(sizeof(int16) * 2 * Max(g->n, 1));
	pred = palloc0(sizeof(int32) * 2 * Max(g->n, 1));
	pred_edge = palloc0(2 * Max(g->n, 1));
	out_stamp = palloc0(sizeof(int32) * Max(g->n, 1));
	out_level = palloc0(sizeof(int16) * Max(g->n, 1));
	queue_cap = 1024;
	queue = palloc(sizeof(int32) * queue_cap);
	cur_stamp = 0;
	cur_out_stamp = 0;
	MemoryContextSwitchTo(old);

	g->cxt = cxt;
	return g;
}

TaxonomyGraph *
credreg_taxonomy_graph(void)
{
	TaxonomyGraph *g;

	if (!crcache_begin(&taxonomy_cache) && graph != NULL)
		return graph;
	graph = NULL;
	graph_cxt = NULL;
	g = BuildGraph();
	/* freed with the generation */
	MemoryContextSetParent(g->cxt, crcache_memory(&taxonomy_cache));
	graph_cxt = g->cxt;
	graph = g;
	return graph;
}

static void
QueuePush(int *tail, int32 state)
{
	if (*tail >= queue_cap)
	{
		MemoryContext old = MemoryContextSwitchTo(graph_cxt);

		queue_cap *= 2;
		queue = repalloc(queue, sizeof(int32) * queue_cap);
		MemoryContextSwitchTo(old);
	}
	queue[(*tail)++] = state;
}

static void
NextStamp(void)
{
	if (cur_stamp == PG_INT32_MAX)
	{
		memset(stamp, 0, sizeof(int32) * 2 * Max(graph->n, 1));
		cur_stamp = 0;
	}
	cur_stamp++;
}

/*
 * Explores everything reachable from node `src` under the policy; calls
 * visit(state, hops) for each state (node * 2 + closeUsed) reached with
 * fewer broader hops than before.  Stops early when visit returns true.
 * States are visited in FIFO order, so the first visit of a node uses a
 * path of fewest edges among those allowed.  With fresh = false the visit
 * marks of the previous call are kept: a state already expanded with no
 * more hops is not expanded again (the closure uses this across its
 * sources, see there).
 */
typedef bool (*VisitFn) (void *arg, int32 state, int hops);

static int32
Explore(TaxonomyGraph *g, int src, const TaxonomyPolicy *policy,
		VisitFn visit, void *arg, bool fresh)
{
	int			head = 0,
				tail = 0;
	int32		s0 = src * 2;

	if (fresh)
		NextStamp();
	stamp[s0] = cur_stamp;
	best_hops[s0] = 0;
	pred[s0] = -1;
	if (visit(arg, s0, 0))
		return s0;
	QueuePush(&tail, s0);
	while (head < tail)
	{
		int32		s = queue[head++];
		int			node = s >> 1;
		int			used = s & 1;
		int			hops = best_hops[s];
		int			e;

		CHECK_FOR_INTERRUPTS();
		for (e = g->offsets[node]; e < g->offsets[node + 1]; e++)
		{
			int			kind = g->kinds[e];
			int			nused = used;
			int			nhops = hops;
			int32		ns;

			switch (kind)
			{
				case TAXONOMY_EDGE_BROADER:
					nhops++;
					if (policy->max_hops >= 0 && nhops > policy->max_hops)
						continue;
					break;
				case TAXONOMY_EDGE_EXACT:
					if (!policy->exact)
						continue;
					break;
				case TAXONOMY_EDGE_CLOSE:
					if (!policy->close || used)
						continue;
					nused = 1;
					break;
				case TAXONOMY_EDGE_REPLACED_BY:
					if (!policy->replaced_by)
						continue;
					break;
			}
			ns = g->targets[e] * 2 + nused;
			/* a state without the close hop used dominates one with it */
			if (stamp[ns] == cur_stamp && best_hops[ns] <= nhops)
				continue;
			if (nused == 1 && stamp[ns - 1] == cur_stamp && best_hops[ns - 1] <= nhops)
				continue;
			stamp[ns] = cur_stamp;
			best_hops[ns] = (int16) Min(nhops, PG_INT16_MAX);
			pred[ns] = s;
			pred_edge[ns] = (uint8) kind;
			if (visit(arg, ns, nhops))
				return ns;
			QueuePush(&tail, ns);
		}
	}
	return -1;
}

/* ---------------------------------------------------------------------------
 * Closure
 * ---------------------------------------------------------------------------
 */
typedef struct ClosureState
{
	const TaxonomyPolicy *policy;
	int			level;
	int32	   *out;			/* output node indexes */
	int			nout;
	int			outcap;
} ClosureState;

static bool
ClosureVisit(void *arg, int32 state, int hops)
{
	ClosureState *cs = arg;
	int			node = state >> 1;
	int			level = (hops == 0 || cs->policy->inherit_level) ? cs->level : 0;

	if (out_stamp[node] != cur_out_stamp)
	{
		if (cs->nout == cs->outcap)
		{
			cs->outcap *= 2;
			cs->out = repalloc(cs->out, sizeof(int32) * cs->outcap);
		}
		cs->out[cs->nout++] = node;
		out_stamp[node] = cur_out_stamp;
		out_level[node] = (int16) level;
	}
	else if (level > out_level[node])
		out_level[node] = (int16) level;
	return false;
}

typedef struct HeldOrder
{
	int32		id;
	int			level;
} HeldOrder;

static int
HeldByLevelDesc(const void *a, const void *b)
{
	const HeldOrder *x = a,
			   *y = b;

	if (x->level != y->level)
		return x->level > y->level ? -1 : 1;
	return x->id < y->id ? -1 : (x->id > y->id ? 1 : 0);
}

SkillSet *
credreg_skillset_closure(const SkillSet *held, const TaxonomyPolicy *policy)
{
	TaxonomyGraph *g = credreg_taxonomy_graph();
	ClosureState cs;
	HeldOrder  *order;
	int32	   *ids;
	int32	   *levels;
	int			n = 0,
				i;
	bool		first = true;
	SkillSet   *result;

	cs.policy = policy;
	cs.outcap = 64;
	cs.nout = 0;
	cs.out = palloc(sizeof(int32) * cs.outcap);
	if (cur_out_stamp == PG_INT32_MAX)
	{
		memset(out_stamp, 0, sizeof(int32) * Max(g->n, 1));
		cur_out_stamp = 0;
	}
	cur_out_stamp++;

	order = palloc(sizeof(HeldOrder) * Max(held->nitems, 1));
	for (i = 0; i < held->nitems; i++)
	{
		order[i].id = SKILLSET_IDS(held)[i];
		order[i].level = SKILLSET_LEVELS(held)[i];
	}
	qsort(order, held->nitems, sizeof(HeldOrder), HeldByLevelDesc);

	ids = palloc(sizeof(int32) * Max(held->nitems, 1));
	levels = palloc(sizeof(int32) * Max(held->nitems, 1));
	/*
	 * Sources in descending level order: a node first reached from a source
	 * keeps that (highest) level.
	 */
	for (i = 0; i < held->nitems; i++)
	{
		int			idx = credreg_taxonomy_index(g, order[i].id);

		if (idx < 0)
		{
			/* not in the taxonomy: kept as held, nothing to derive */
			ids[n] = order[i].id;
			levels[n++] = order[i].level;
			continue;
		}
		cs.level = order[i].level;
		/*
		 * Visit marks are shared by all sources of one closure: sources come
		 * in descending level order, so a state an earlier source expanded
		 * with no more hops led everywhere this one would, at a level at
		 * least as high.
		 */
		Explore(g, idx, policy, ClosureVisit, &cs, first);
		first = false;
		/* the held competency itself is kept even if it is top-level */
		if (g->top_level[idx])
		{
			ids[n] = order[i].id;
			levels[n++] = order[i].level;
		}
	}
	ids = repalloc(ids, sizeof(int32) * Max(n + cs.nout, 1));
	levels = repalloc(levels, sizeof(int32) * Max(n + cs.nout, 1));
	for (i = 0; i < cs.nout; i++)
	{
		int			node = cs.out[i];

		if (g->top_level[node] && !policy->allow_top_level)
			continue;
		ids[n] = g->ids[node];
		levels[n++] = out_level[node];
	}
	result = credreg_skillset_build(ids, levels, n, NULL);
	if (result == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("skillset cannot have more than %d items", SKILLSET_MAX_ITEMS)));
	pfree(ids);
	pfree(levels);
	pfree(order);
	pfree(cs.out);
	return result;
}

/* ---------------------------------------------------------------------------
 * Satisfaction of one requirement, with the path
 * ---------------------------------------------------------------------------
 */
typedef struct SatisfyState
{
	int			target;
	bool		inherit;
	int			min_level;
	int			level;
	bool		reached;		/* reached the target (any level) */
} SatisfyState;

static bool
SatisfyVisit(void *arg, int32 state, int hops)
{
	SatisfyState *ss = arg;

	if ((state >> 1) != ss->target)
		return false;
	ss->reached = true;
	if (ss->min_level > 0 && !ss->inherit && hops > 0)
		return false;			/* only level 0 reaches the target this way */
	return ss->level >= ss->min_level;
}

const char *
credreg_taxonomy_edge_name(TaxonomyEdge edge)
{
	switch (edge)
	{
		case TAXONOMY_EDGE_BROADER:
			return "broader";
		case TAXONOMY_EDGE_EXACT:
			return "exactMatch";
		case TAXONOMY_EDGE_CLOSE:
			return "closeMatch";
		case TAXONOMY_EDGE_REPLACED_BY:
			return "replacedBy";
	}
	return "unknown";
}

bool
credreg_taxonomy_satisfies(const SkillSet *held, int32 target, int min_level,
						   const TaxonomyPolicy *policy, TaxonomyMatch *result)
{
	TaxonomyGraph *g = credreg_taxonomy_graph();
	int			tidx = credreg_taxonomy_index(g, target);
	HeldOrder  *order;
	int			i;
	int			best_len = -1;

	memset(result, 0, sizeof(TaxonomyMatch));
	result->by_level = -1;
	result->best_level = -1;

	if (tidx >= 0 && g->top_level[tidx] && !policy->allow_top_level)
	{
		result->reason = "top_level_target";
		return false;
	}
	if (tidx < 0)
	{
		/* not in the taxonomy: only identity can satisfy it */
		int			l = credreg_skillset_level(held, target);

		if (l >= 0 && l >= min_level)
		{
			result->satisfied = true;
			result->by = target;
			result->by_level = l;
			result->npath = 1;
			result->path = palloc(sizeof(int32));
			result->path[0] = target;
			result->via = palloc(sizeof(TaxonomyEdge));
			return true;
		}
		result->reason = l >= 0 ? "level_too_low" : "unknown_competency";
		result->best_level = l;
		return false;
	}

	order = palloc(sizeof(HeldOrder) * Max(held->nitems, 1));
	for (i = 0; i < held->nitems; i++)
	{
		order[i].id = SKILLSET_IDS(held)[i];
		order[i].level = SKILLSET_LEVELS(held)[i];
	}
	qsort(order, held->nitems, sizeof(HeldOrder), HeldByLevelDesc);

	for (i = 0; i < held->nitems; i++)
	{
		int			sidx = credreg_taxonomy_index(g, order[i].id);
		SatisfyState ss;
		int32		found;
		int			len;
		int32		s;

		if (sidx < 0)
			continue;
		ss.target = tidx;
		ss.inherit = policy->inherit_level;
		ss.min_level = min_level;
		ss.level = order[i].level;
		ss.reached = false;
		found = Explore(g, sidx, policy, SatisfyVisit, &ss, true);
		if (found < 0)
		{
			if (ss.reached && order[i].level > result->best_level)
				result->best_level = order[i].level;
			continue;
		}
		/* path length in edges */
		len = 0;
		for (s = found; pred[s] >= 0; s = pred[s])
			len++;
		/* fewest edges; ties keep the earlier (higher level, lower id) */
		if (best_len >= 0 && len >= best_len)
			continue;
		best_len = len;
		result->satisfied = true;
		result->by = order[i].id;
		result->by_level = order[i].level;
		result->hops = best_hops[found];
		result->npath = len + 1;
		if (result->path)
		{
			pfree(result->path);
			pfree(result->via);
		}
		result->path = palloc(sizeof(int32) * (len + 1));
		result->via = palloc(sizeof(TaxonomyEdge) * Max(len, 1));
		{
			int			k = len;

			for (s = found; s >= 0; s = pred[s])
			{
				result->path[k] = g->ids[s >> 1];
				if (k > 0)
					result->via[k - 1] = (TaxonomyEdge) pred_edge[s];
				k--;
			}
		}
		if (len == 0)
			break;
	}
	pfree(order);
	if (!result->satisfied)
		result->reason = result->best_level >= 0 ? "level_too_low" : "not_held";
	return result->satisfied;
}

/* ---------------------------------------------------------------------------
 * References
 * ---------------------------------------------------------------------------
 */
int32
credreg_competency_resolve(const char *ref)
{
	TaxonomyGraph *g = credreg_taxonomy_graph();
	TaxonomyRefEntry *e;
	char		buf[TAXONOMY_REF_MAX];
	size_t		len = strlen(ref);

	if (len == 0 || len >= TAXONOMY_REF_MAX)
		return 0;
	memset(buf, 0, sizeof(buf));
	memcpy(buf, ref, len);
	e = hash_search(g->refs, buf, HASH_FIND, NULL);
	if (e == NULL && len > 1 && buf[len - 1] == '/')
	{
		/* a trailing slash is not part of the concept URI */
		buf[len - 1] = '\0';
		e = hash_search(g->refs, buf, HASH_FIND, NULL);
		buf[len - 1] = '/';
	}
	if (e == NULL && strncmp(ref, "https://", 8) == 0 && len < TAXONOMY_REF_MAX + 1)
	{
		/* ESCO and O*NET publish http URIs; https is the same concept */
		memset(buf, 0, sizeof(buf));
		snprintf(buf, sizeof(buf), "http://%s", ref + 8);
		if (buf[strlen(buf) - 1] == '/')
			buf[strlen(buf) - 1] = '\0';
		e = hash_search(g->refs, buf, HASH_FIND, NULL);
	}
	return e ? g->ids[e->idx] : 0;
}
