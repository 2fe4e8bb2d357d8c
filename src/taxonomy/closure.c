/*
 * closure.c
 *		The compiled taxonomy of a backend and the closure over it.
 *
 * The graph is a view of a pointer-free image (taxonomy_image.h) in
 * compressed-sparse-row form, one out-edge list per competency in the
 * direction evidence flows (narrower -> broader, old -> replacement, both
 * ways for exactMatch and closeMatch).  snapshot.c hands out the image,
 * read from credreg.taxonomy_snapshot or built from the tables, in a
 * generation of a cache watching the taxonomy tables (util/cache.h): a
 * change makes every backend take a new image at its next use, and the old
 * one is freed when the transaction ends, so a caller in the middle of a
 * walk never sees its arrays freed.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/memutils.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"
#include "taxonomy/closure.h"
#include "taxonomy/taxonomy_image.h"

static TaxonomyGraph *graph = NULL; /* a view of the current image */
static MemoryContext graph_cxt = NULL;	/* the image's generation */

/*
 * Per-call scratch, kept across calls and sized to the graph.  Allocated at
 * the first walk, not with the graph: resolving references (the first thing
 * a recruiter's query does) needs none of it.
 */
static bool scratch_ready = false;
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
credreg_competency_uri(int32 id)
{
	const TaxonomyNames *names = credreg_taxonomy_names();
	int			idx = taxonomy_names_index(names, id);

	return idx < 0 ? NULL : names->strings + names->uris[idx];
}

const char *
credreg_competency_label(int32 id)
{
	const TaxonomyNames *names = credreg_taxonomy_names();
	int			idx = taxonomy_names_index(names, id);

	if (idx < 0 || names->labels[idx] == TAXONOMY_IMAGE_NO_STRING)
		return NULL;
	return names->strings + names->labels[idx];
}

TaxonomyGraph *
credreg_taxonomy_graph(void)
{
	uint64		generation;
	MemoryContext memory;
	const TaxonomyImageHeader *image = credreg_taxonomy_image(&generation, &memory);
	TaxonomyGraph *g;

	if (graph != NULL && graph->generation == generation)
		return graph;
	graph = NULL;
	scratch_ready = false;
	g = MemoryContextAllocZero(memory, sizeof(TaxonomyGraph));
	g->image = image;
	g->generation = generation;
	g->n = image->n;
	g->nedges = image->nedges;
	g->ids = TAXONOMY_IMAGE_SECTION(image, TI_IDS, const int32 *);
	g->top_level = TAXONOMY_IMAGE_SECTION(image, TI_TOP_LEVEL, const uint8 *);
	g->offsets = TAXONOMY_IMAGE_SECTION(image, TI_OFFSETS, const int32 *);
	g->targets = TAXONOMY_IMAGE_SECTION(image, TI_TARGETS, const int32 *);
	g->kinds = TAXONOMY_IMAGE_SECTION(image, TI_KINDS, const uint8 *);
	graph_cxt = memory;
	graph = g;
	return graph;
}

/* The walk's scratch arrays, in the graph's generation. */
static void
EnsureScratch(TaxonomyGraph *g)
{
	MemoryContext old;

	if (scratch_ready)
		return;
	old = MemoryContextSwitchTo(graph_cxt);
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
	scratch_ready = true;
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

	EnsureScratch(g);
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

	EnsureScratch(g);
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
	const TaxonomyNames *names;
	char		buf[TAXONOMY_REF_MAX];
	size_t		len = strlen(ref);
	int			idx;
	int32		id;

	if (len == 0 || len >= TAXONOMY_REF_MAX)
		return 0;
	/* an exact URI answers the same from the table's index (see there) */
	if (credreg_taxonomy_uri_lookup(ref, &id))
		return id;
	names = credreg_taxonomy_names();
	idx = taxonomy_image_lookup(names, ref);
	if (idx < 0 && len > 1 && ref[len - 1] == '/')
	{
		/* a trailing slash is not part of the concept URI */
		memcpy(buf, ref, len - 1);
		buf[len - 1] = '\0';
		idx = taxonomy_image_lookup(names, buf);
	}
	if (idx < 0 && strncmp(ref, "https://", 8) == 0)
	{
		/* ESCO and O*NET publish http URIs; https is the same concept */
		snprintf(buf, sizeof(buf), "http://%s", ref + 8);
		if (buf[strlen(buf) - 1] == '/')
			buf[strlen(buf) - 1] = '\0';
		idx = taxonomy_image_lookup(names, buf);
	}
	return idx >= 0 ? names->ids[idx] : 0;
}
