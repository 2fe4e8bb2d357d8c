/*
 * maxflow.c
 *		Dinic's maximum flow over small integer-capacity graphs (SEMANTICS.md
 *		§3.5 (1): source -> award (capacity maxUsesPerItem) -> requirement
 *		(capacity 1) -> sink (capacity the demand)).
 *
 * Edges are explored in insertion order, so the flow found, and with it the
 * assignment, depends only on the order in which the caller adds edges.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "stack/stack_search.h"

struct StackFlow
{
	int			nnodes;
	int			nedges;
	int			maxedges;
	int		   *head;			/* first edge of each node, -1 */
	int		   *next;			/* next edge of the same tail */
	int		   *to;
	int		   *cap;			/* residual capacity */
	int		   *level;
	int		   *iter;
	int		   *queue;
	int		   *tail_of;
};

StackFlow *
stack_flow_create(int nnodes, int maxedges)
{
	StackFlow  *f = palloc0(sizeof(StackFlow));
	int			i;

	f->nnodes = nnodes;
	f->maxedges = maxedges * 2;
	f->head = palloc(sizeof(int) * nnodes);
	f->next = palloc(sizeof(int) * f->maxedges);
	f->to = palloc(sizeof(int) * f->maxedges);
	f->cap = palloc(sizeof(int) * f->maxedges);
	f->tail_of = palloc(sizeof(int) * f->maxedges);
	f->level = palloc(sizeof(int) * nnodes);
	f->iter = palloc(sizeof(int) * nnodes);
	f->queue = palloc(sizeof(int) * nnodes);
	for (i = 0; i < nnodes; i++)
		f->head[i] = -1;
	return f;
}

/*
 * Adds u -> v with capacity cap; returns the edge number.  Edges are kept in
 * insertion order per node (appended at the end of the node's list).
 */
int
stack_flow_add_edge(StackFlow *f, int u, int v, int cap)
{
	int			e = f->nedges;
	int			k;

	Assert(f->nedges + 2 <= f->maxedges);
	f->to[e] = v;
	f->cap[e] = cap;
	f->tail_of[e] = u;
	f->next[e] = -1;
	f->to[e + 1] = u;
	f->cap[e + 1] = 0;
	f->tail_of[e + 1] = v;
	f->next[e + 1] = -1;
	f->nedges += 2;
	/* append to the lists of u and v */
	for (k = 0; k < 2; k++)
	{
		int			node = k == 0 ? u : v;
		int			edge = e + k;

		if (f->head[node] < 0)
			f->head[node] = edge;
		else
		{
			int			x = f->head[node];

			while (f->next[x] >= 0)
				x = f->next[x];
			f->next[x] = edge;
		}
	}
	return e;
}

static bool
bfs(StackFlow *f, int s, int t)
{
	int			qh = 0,
				qt = 0;
	int			i;

	for (i = 0; i < f->nnodes; i++)
		f->level[i] = -1;
	f->level[s] = 0;
	f->queue[qt++] = s;
	while (qh < qt)
	{
		int			u = f->queue[qh++];
		int			e;

		for (e = f->head[u]; e >= 0; e = f->next[e])
			if (f->cap[e] > 0 && f->level[f->to[e]] < 0)
			{
				f->level[f->to[e]] = f->level[u] + 1;
				f->queue[qt++] = f->to[e];
			}
	}
	return f->level[t] >= 0;
}

static int
dfs(StackFlow *f, int u, int t, int pushed)
{
	if (u == t)
		return pushed;
	for (; f->iter[u] >= 0; f->iter[u] = f->next[f->iter[u]])
	{
		int			e = f->iter[u];
		int			v = f->to[e];

		if (f->cap[e] > 0 && f->level[v] == f->level[u] + 1)
		{
			int			d = dfs(f, v, t, Min(pushed, f->cap[e]));

			if (d > 0)
			{
				f->cap[e] -= d;
				f->cap[e ^ 1] += d;
				return d;
			}
		}
	}
	return 0;
}

int64
stack_flow_max(StackFlow *f, int s, int t)
{
	int64		total = 0;

	while (bfs(f, s, t))
	{
		int			i;
		int			d;

		CHECK_FOR_INTERRUPTS();
		for (i = 0; i < f->nnodes; i++)
			f->iter[i] = f->head[i];
		while ((d = dfs(f, s, t, PG_INT32_MAX)) > 0)
			total += d;
	}
	return total;
}

/* Flow on edge e (as returned by stack_flow_add_edge). */
int
stack_flow_edge_flow(StackFlow *f, int e)
{
	return f->cap[e ^ 1];
}
