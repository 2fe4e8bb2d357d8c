/*
 * rdfc.c
 *		RDF Dataset Canonicalization, RDFC-1.0 (rdf-canon.txt section 4),
 *		with SHA-256 or SHA-384, over an RdfDataset.
 *
 * Step numbers in comments are those of rdf-canon.txt: 4.4.3 (the
 * canonicalization algorithm), 4.5 (issue identifier), 4.6.3 (hash first
 * degree quads), 4.7.3 (hash related blank node), 4.8.3 (hash N-degree
 * quads).
 *
 * Where the specification leaves an order open, this follows the order of
 * the reference implementation the test suite's identifier maps come from,
 * so that the issued identifiers map is reproduced, not only the canonical
 * output: blank nodes are taken in order of first appearance (subject,
 * object, graph of each quad in turn), ties between equal hashes keep that
 * order, and the permutations of 4.8.3 step 5.4 are enumerated by the
 * Steinhaus-Johnson-Trotter method starting from the list sorted by blank
 * node label.
 *
 * Work limit (section 7.1, dataset poisoning).  Steps 1-4 and 6 are
 * O(n log n) in the size of the dataset.  Step 5 is not: this counts one
 * unit of work per call of Hash N-Degree Quads, per related hash computed in
 * its step 3, and per blank node placed on a path in its step 5.4.4, plus
 * one per 8 entries of an identifier issuer copied or searched (issuers are
 * small arrays), and fails with "canonicalization_limit" once the count
 * passes credreg.rdfc_max_work.  A unit is about a hash of a short string,
 * under a microsecond: the poison graph of the test suite (a 10-node clique)
 * is refused after about 70 ms at the default of 100,000, while the hardest
 * legitimate tests of the suite (test044-046, 12-node graphs) need about
 * 6,000.  Recursion deeper than the stack allows fails the same way.
 */
#include "postgres.h"

#include <openssl/evp.h>

#include "miscadmin.h"
#include "utils/memutils.h"

#include "rdf/rdf.h"

#define MAX_DIGEST 48
#define MAX_HEX (MAX_DIGEST * 2 + 1)

/* An identifier issuer (4.5) for temporary "b" labels: order[i] got "b<i>". */
typedef struct Issuer
{
	int			count;
	int			cap;
	int		   *order;			/* blank node indexes, in order of issue */
} Issuer;

typedef struct RcState
{
	const RdfDataset *ds;
	const RdfQuad *quads;
	int			nquads;
	int			nb;				/* blank nodes */
	RdfTermId  *bterm;			/* blank node index -> term id */
	int		   *bidx;			/* term id -> blank node index, or -1 */
	int		  **mentions;		/* blank node -> quads it occurs in */
	int		   *nmentions;
	char	  (*h1)[MAX_HEX];	/* first degree hashes, hex */
	int		   *canon;			/* blank node -> canonical number, or -1 */
	int		   *canon_order;	/* canonical number -> blank node */
	int			ncanon;
	const EVP_MD *md;
	int			hexlen;
	int64		work;
	int64		max_work;
	bool		failed;
	CredregFailure *failure;
	StringInfoData scratch;
	StringInfoData scratch2;
	MemoryContext caller;		/* where the failure message must live */
	char		(*clabel)[20];	/* step 6: "_:c14n<n>" of each blank node */
	int		   *clabellen;
} RcState;

/*
 * Digests.  The message digests and one EVP_MD_CTX live for the backend:
 * nothing to free when an error (or a cancel) interrupts canonicalization.
 */
static EVP_MD_CTX *rc_ctx = NULL;
static EVP_MD *rc_md[2] = {NULL, NULL};

static const EVP_MD *
rc_get_md(RdfcHash hash)
{
	if (rc_ctx == NULL)
	{
		rc_ctx = EVP_MD_CTX_new();
		if (rc_ctx == NULL)
			elog(ERROR, "EVP_MD_CTX_new() failed");
	}
	if (rc_md[hash] == NULL)
	{
		rc_md[hash] = EVP_MD_fetch(NULL, hash == RDFC_SHA384 ? "SHA384" : "SHA256", NULL);
		if (rc_md[hash] == NULL)
			elog(ERROR, "EVP_MD_fetch() failed");
	}
	return rc_md[hash];
}

/* Hash of data as lowercase hex (the form the algorithm compares and embeds). */
static void
rc_hash_hex(RcState *st, const char *data, size_t len, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	unsigned int i;

	if (EVP_DigestInit_ex(rc_ctx, st->md, NULL) != 1 ||
		EVP_DigestUpdate(rc_ctx, data, len) != 1 ||
		EVP_DigestFinal_ex(rc_ctx, md, &mdlen) != 1)
		elog(ERROR, "EVP digest failed");
	for (i = 0; i < mdlen; i++)
	{
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[2 * mdlen] = '\0';
}

/* Fails with "canonicalization_limit" (message allocated in the caller's context). */
static bool
rc_fail_limit(RcState *st, const char *why)
{
	if (!st->failed)
	{
		MemoryContext old = MemoryContextSwitchTo(st->caller);

		credreg_fail(st->failure, "canonicalization_limit", "%s", why);
		MemoryContextSwitchTo(old);
	}
	st->failed = true;
	return false;
}

static bool
rc_charge(RcState *st, int64 units)
{
	st->work += units;
	if (st->work > st->max_work)
		return rc_fail_limit(st, "RDF canonicalization exceeded the work limit set by credreg.rdfc_max_work");
	return true;
}

/* ---- identifier issuers (4.5) ---- */

static int
issuer_find(const Issuer *is, int b)
{
	int			i;

	for (i = 0; i < is->count; i++)
		if (is->order[i] == b)
			return i;
	return -1;
}

/* 4.5 Issue Identifier: the existing number, or the next one. */
static int
issuer_issue(Issuer *is, int b)
{
	int			i = issuer_find(is, b);

	if (i >= 0)
		return i;
	if (is->count >= is->cap)
	{
		is->cap = is->cap < 8 ? 8 : is->cap * 2;
		is->order = is->order ? repalloc(is->order, sizeof(int) * is->cap)
			: palloc(sizeof(int) * is->cap);
	}
	is->order[is->count] = b;
	return is->count++;
}

static Issuer *
issuer_copy(const Issuer *is)
{
	Issuer	   *c = palloc(sizeof(Issuer));

	c->count = is->count;
	c->cap = is->count + 8;
	c->order = palloc(sizeof(int) * c->cap);
	memcpy(c->order, is->order, sizeof(int) * is->count);
	return c;
}

static void
issuer_free(Issuer *is)
{
	if (is->order)
		pfree(is->order);
	pfree(is);
}

static void
canon_issue(RcState *st, int b)
{
	if (st->canon[b] < 0)
	{
		st->canon[b] = st->ncanon;
		st->canon_order[st->ncanon++] = b;
	}
}

/* ---- line sorting ---- */

typedef struct Line
{
	int			off;
	int			len;
} Line;

static int
line_cmp(const void *a, const void *b, void *arg)
{
	const Line *x = a;
	const Line *y = b;
	const char *base = arg;
	int			c = memcmp(base + x->off, base + y->off, Min(x->len, y->len));

	if (c != 0)
		return c;
	return x->len - y->len;
}

/* Writes "_:<prefix><n>" at dst, returns its length (at most 2 + 4 + 10). */
static inline int
write_label(char *dst, const char *prefix, int plen, int n)
{
	char		digits[12];
	int			nd = 0;
	int			len = 2 + plen;

	dst[0] = '_';
	dst[1] = ':';
	memcpy(dst + 2, prefix, plen);
	do
	{
		digits[nd++] = '0' + n % 10;
		n /= 10;
	} while (n > 0);
	while (nd > 0)
		dst[len++] = digits[--nd];
	return len;
}

/*
 * Appends one quad in canonical N-Quads form (appendix A: terms separated
 * by one space, " .\n" at the end), blank nodes written as _:a or _:z
 * relative to ref (4.6.3 step 3.1.1) or, when canonical, as _:c14n<n>.
 */
static void
append_quad(RcState *st, StringInfo out, const RdfQuad *q, int ref, bool canonical)
{
	RdfTermId	parts[4];
	const char *text[4];
	int			len[4];
	int			n = q->g != RDF_DEFAULT_GRAPH ? 4 : 3;
	int			total = 2;
	int			k;
	char	   *dst;

	parts[0] = q->s;
	parts[1] = q->p;
	parts[2] = q->o;
	parts[3] = q->g;
	for (k = 0; k < n; k++)
	{
		if (st->bidx[parts[k]] >= 0)
		{
			text[k] = NULL;
			len[k] = 16;
		}
		else
			text[k] = rdf_term_text(st->ds, parts[k], &len[k]);
		total += len[k] + 1;
	}
	enlargeStringInfo(out, total);
	dst = out->data + out->len;
	for (k = 0; k < n; k++)
	{
		if (text[k] == NULL)
		{
			int			b = st->bidx[parts[k]];

			if (canonical)
				dst += write_label(dst, "c14n", 4, st->canon[b]);
			else
			{
				memcpy(dst, b == ref ? "_:a" : "_:z", 3);
				dst += 3;
			}
		}
		else
		{
			memcpy(dst, text[k], len[k]);
			dst += len[k];
		}
		*dst++ = ' ';
	}
	*dst++ = '.';
	*dst++ = '\n';
	out->len = dst - out->data;
	out->data[out->len] = '\0';
}

/* 4.6.3 Hash First Degree Quads */
static void
hash_first_degree(RcState *st, int b)
{
	StringInfo	buf = &st->scratch;
	int			n = st->nmentions[b];
	Line		lines_local[16];
	Line	   *lines = n <= 16 ? lines_local : palloc(sizeof(Line) * n);
	StringInfoData joined;
	int			i;

	/* steps 1-3: each quad of the mention set with _:a for b, _:z for others */
	resetStringInfo(buf);
	for (i = 0; i < n; i++)
	{
		lines[i].off = buf->len;
		append_quad(st, buf, &st->quads[st->mentions[b][i]], b, false);
		lines[i].len = buf->len - lines[i].off;
	}
	/* step 4: code point order (byte order of UTF-8) */
	if (n > 1)
		qsort_arg(lines, n, sizeof(Line), line_cmp, buf->data);
	/* step 5: hash of the concatenation */
	initStringInfo(&joined);
	for (i = 0; i < n; i++)
		appendBinaryStringInfo(&joined, buf->data + lines[i].off, lines[i].len);
	rc_hash_hex(st, joined.data, joined.len, st->h1[b]);
	pfree(joined.data);
	if (lines != lines_local)
		pfree(lines);
}

/* 4.7.3 Hash Related Blank Node */
static void
hash_related(RcState *st, int related, const RdfQuad *q, const Issuer *issuer,
			 char position, char *hex)
{
	StringInfo	in = &st->scratch2;
	int			i;

	/* step 1: position */
	resetStringInfo(in);
	appendStringInfoChar(in, position);
	/* step 2: <predicate> unless position is g */
	if (position != 'g')
	{
		int			len;
		const char *t = rdf_term_text(st->ds, q->p, &len);

		appendBinaryStringInfo(in, t, len);
	}
	/* step 3: canonical identifier, else one issued by issuer */
	if (st->canon[related] >= 0)
		appendStringInfo(in, "_:c14n%d", st->canon[related]);
	else if ((i = issuer_find(issuer, related)) >= 0)
		appendStringInfo(in, "_:b%d", i);
	/* step 4: else the first degree hash */
	else
		appendStringInfoString(in, st->h1[related]);
	/* step 5 */
	rc_hash_hex(st, in->data, in->len, hex);
}

typedef struct Related
{
	char		hash[MAX_HEX];
	int			bnode;
	int			seq;			/* order found, to keep the sort stable */
} Related;

static int
related_cmp(const void *a, const void *b)
{
	const Related *x = a;
	const Related *y = b;
	int			c = strcmp(x->hash, y->hash);

	return c != 0 ? c : x->seq - y->seq;
}

static int
label_cmp(RcState *st, int a, int b)
{
	int			la,
				lb,
				c;
	const char *ta = rdf_term_text(st->ds, st->bterm[a], &la);
	const char *tb = rdf_term_text(st->ds, st->bterm[b], &lb);

	c = memcmp(ta, tb, Min(la, lb));
	return c != 0 ? c : la - lb;
}

/* code point order of two byte strings */
static inline int
str_cmp(const char *a, int la, const char *b, int lb)
{
	int			c = memcmp(a, b, Min(la, lb));

	return c != 0 ? c : la - lb;
}

/*
 * 4.8.3 Hash N-Degree Quads.  *issuer is the path identifier issuer; on
 * return it is replaced by the chosen issuer (step 5.6; the old one is
 * not freed, the caller owns it).  Returns false when the work limit is hit.
 */
static bool
hash_n_degree(RcState *st, int id, Issuer **issuer, char *hash_out)
{
	int			n = st->nmentions[id];
	Related    *rel;
	int			nrel = 0;
	int			cap = 0;
	int			i;
	StringInfoData data;		/* step 4: data to hash */
	int			g;

	CHECK_FOR_INTERRUPTS();
	if (stack_is_too_deep())
		return rc_fail_limit(st, "RDF canonicalization recursed too deeply");
	if (!rc_charge(st, 1))
		return false;

	/* steps 1-3: H_n, related hash -> related blank nodes */
	for (i = 0; i < n; i++)
		cap += 3;
	rel = palloc(sizeof(Related) * Max(cap, 1));
	for (i = 0; i < n; i++)
	{
		const RdfQuad *q = &st->quads[st->mentions[id][i]];
		RdfTermId	comps[3];
		static const char pos[3] = {'s', 'o', 'g'};
		int			k;

		comps[0] = q->s;
		comps[1] = q->o;
		comps[2] = q->g;
		/* step 3.1: subject, object, graph name that is another blank node */
		for (k = 0; k < 3; k++)
		{
			int			b = comps[k] != RDF_DEFAULT_GRAPH ? st->bidx[comps[k]] : -1;

			if (b < 0 || b == id)
				continue;
			if (!rc_charge(st, 1 + (*issuer)->count / 8))
			{
				pfree(rel);
				return false;
			}
			/* step 3.1.1 */
			hash_related(st, b, q, *issuer, pos[k], rel[nrel].hash);
			/* step 3.1.2 */
			rel[nrel].bnode = b;
			rel[nrel].seq = nrel;
			nrel++;
		}
	}
	if (nrel > 1)
		qsort(rel, nrel, sizeof(Related), related_cmp);

	initStringInfo(&data);

	/* step 5: each related hash, in code point order */
	for (g = 0; g < nrel;)
	{
		int			gend = g;
		int			k = 0;
		int		   *perm;
		int		   *rank;
		bool	   *left;
		StringInfoData chosen_path;
		Issuer	   *chosen_issuer = NULL;
		bool		more = true;

		while (gend < nrel && strcmp(rel[gend].hash, rel[g].hash) == 0)
			gend++;
		k = gend - g;

		/* step 5.1 */
		appendStringInfoString(&data, rel[g].hash);
		/* step 5.2 */
		initStringInfo(&chosen_path);

		/*
		 * step 5.4: the blank node list, sorted by label, then permuted by
		 * Steinhaus-Johnson-Trotter; rank gives equal labels (a node related
		 * twice by the same hash) equal values, and the direction is kept
		 * per value.
		 */
		perm = palloc(sizeof(int) * k);
		rank = palloc(sizeof(int) * k);
		left = palloc(sizeof(bool) * k);
		for (i = 0; i < k; i++)
			perm[i] = rel[g + i].bnode;
		for (i = 1; i < k; i++)
		{
			int			x = perm[i];
			int			j = i - 1;

			while (j >= 0 && label_cmp(st, perm[j], x) > 0)
			{
				perm[j + 1] = perm[j];
				j--;
			}
			perm[j + 1] = x;
		}
		for (i = 0; i < k; i++)
		{
			rank[i] = (i > 0 && perm[i] == perm[i - 1]) ? rank[i - 1] : i;
			left[i] = true;
		}

		while (more)
		{
			Issuer	   *copy;
			StringInfoData path;
			int		   *recursion;
			int			nrec = 0;
			bool		skip = false;
			int			m;
			int			kmax = -1;
			int			pos = 0;

			CHECK_FOR_INTERRUPTS();
			/* step 5.4.1-5.4.3 */
			if (!rc_charge(st, (*issuer)->count / 8))
				return false;
			copy = issuer_copy(*issuer);
			initStringInfo(&path);
			recursion = palloc(sizeof(int) * k);

			/* step 5.4.4: each related in the permutation */
			for (m = 0; m < k; m++)
			{
				int			related = perm[m];

				if (!rc_charge(st, 1))
					return false;
				if (st->canon[related] >= 0)
					/* step 5.4.4.1 */
					appendStringInfo(&path, "_:c14n%d", st->canon[related]);
				else
				{
					/* step 5.4.4.2.1 */
					if (issuer_find(copy, related) < 0)
						recursion[nrec++] = related;
					/* step 5.4.4.2.2 */
					appendStringInfo(&path, "_:b%d", issuer_issue(copy, related));
				}

				/*
				 * step 5.4.4.3: a path already greater than the chosen one
				 * can only stay greater (comparing lengths first changes
				 * nothing: a greater string is not a prefix of the other).
				 */
				if (chosen_path.len > 0 &&
					str_cmp(path.data, path.len, chosen_path.data, chosen_path.len) > 0)
				{
					skip = true;
					break;
				}
			}

			/* step 5.4.5: recurse on each related issued a temporary id */
			for (m = 0; !skip && m < nrec; m++)
			{
				int			related = recursion[m];
				Issuer	   *result_issuer = copy;
				char		hash[MAX_HEX];

				/* step 5.4.5.1 */
				if (!hash_n_degree(st, related, &result_issuer, hash))
					return false;
				/* step 5.4.5.2, with the issuer passed in (it issued related) */
				appendStringInfo(&path, "_:b%d", issuer_issue(copy, related));
				/* step 5.4.5.3 */
				appendStringInfoChar(&path, '<');
				appendStringInfoString(&path, hash);
				appendStringInfoChar(&path, '>');
				/* step 5.4.5.4 */
				if (result_issuer != copy)
				{
					issuer_free(copy);
					copy = result_issuer;
				}
				/* step 5.4.5.5 */
				if (chosen_path.len > 0 &&
					str_cmp(path.data, path.len, chosen_path.data, chosen_path.len) > 0)
					skip = true;
			}

			/* step 5.4.6 */
			if (!skip &&
				(chosen_path.len == 0 ||
				 str_cmp(path.data, path.len, chosen_path.data, chosen_path.len) < 0))
			{
				resetStringInfo(&chosen_path);
				appendBinaryStringInfo(&chosen_path, path.data, path.len);
				if (chosen_issuer)
					issuer_free(chosen_issuer);
				chosen_issuer = copy;
			}
			else
				issuer_free(copy);
			pfree(path.data);
			pfree(recursion);

			/* next permutation: move the largest mobile element */
			for (m = 0; m < k; m++)
			{
				int			r = rank[m];
				bool		l = left[rank[m]];

				if ((kmax < 0 || r > rank[kmax]) &&
					((l && m > 0 && r > rank[m - 1]) ||
					 (!l && m < k - 1 && r > rank[m + 1])))
				{
					kmax = m;
					pos = m;
				}
			}
			if (kmax < 0)
				more = false;
			else
			{
				int			r = rank[pos];
				int			swap = left[r] ? pos - 1 : pos + 1;
				int			tb = perm[pos];

				perm[pos] = perm[swap];
				rank[pos] = rank[swap];
				perm[swap] = tb;
				rank[swap] = r;
				for (m = 0; m < k; m++)
					if (rank[m] > r)
						left[rank[m]] = !left[rank[m]];
			}
		}

		/* step 5.5 */
		appendBinaryStringInfo(&data, chosen_path.data, chosen_path.len);
		/* step 5.6: the chosen issuer replaces issuer */
		*issuer = chosen_issuer;
		pfree(chosen_path.data);
		pfree(perm);
		pfree(rank);
		pfree(left);
		g = gend;
	}

	/* step 6 */
	rc_hash_hex(st, data.data, data.len, hash_out);
	pfree(data.data);
	pfree(rel);
	return true;
}

typedef struct HashPath
{
	char		hash[MAX_HEX];
	Issuer	   *issuer;
	int			seq;
} HashPath;

static int
hashpath_cmp(const void *a, const void *b)
{
	const HashPath *x = a;
	const HashPath *y = b;
	int			c = strcmp(x->hash, y->hash);

	return c != 0 ? c : x->seq - y->seq;
}

static int
bnode_hash_cmp(const void *a, const void *b, void *arg)
{
	RcState    *st = arg;
	int			x = *(const int *) a;
	int			y = *(const int *) b;
	int			c = strcmp(st->h1[x], st->h1[y]);

	return c != 0 ? c : x - y;
}

/* A term's text in the canonical output: blank nodes as _:c14n<n>. */
static inline const char *
canonical_text(RcState *st, RdfTermId id, int *len)
{
	int			b = st->bidx[id];

	if (b >= 0)
	{
		*len = st->clabellen[b];
		return st->clabel[b];
	}
	return rdf_term_text(st->ds, id, len);
}

/*
 * Code point order of the canonical lines of two quads, without writing
 * them: comparing term by term gives the same order as comparing the lines,
 * because when one term's text is a proper prefix of another's (_:c14n1 and
 * _:c14n10, "a" and "a"@en) the shorter one is followed in its line by a
 * space, which sorts before every character that can continue a term, and
 * a line without graph name continues with "." where the other has "<" or
 * "_".
 */
static int
canonical_quad_cmp(const void *a, const void *b, void *arg)
{
	RcState    *st = arg;
	const RdfQuad *x = &st->quads[*(const int *) a];
	const RdfQuad *y = &st->quads[*(const int *) b];
	RdfTermId	xs[4] = {x->s, x->p, x->o, x->g};
	RdfTermId	ys[4] = {y->s, y->p, y->o, y->g};
	int			k;

	for (k = 0; k < 4; k++)
	{
		const char *tx,
				   *ty;
		int			lx,
					ly,
					c;

		if (xs[k] == ys[k])
			continue;
		if (xs[k] == RDF_DEFAULT_GRAPH)
			return -1;
		if (ys[k] == RDF_DEFAULT_GRAPH)
			return 1;
		tx = canonical_text(st, xs[k], &lx);
		ty = canonical_text(st, ys[k], &ly);
		c = str_cmp(tx, lx, ty, ly);
		if (c != 0)
			return c;
	}
	return 0;
}

static bool
rdfc_run(RcState *st, StringInfo out)
{
	const RdfDataset *ds = st->ds;
	int			nterms = rdf_dataset_nterms(ds);
	int			q,
				i;
	int		   *byhash;
	int		   *order;

	/* step 1: the canonicalization state */
	st->bidx = palloc(sizeof(int) * (nterms + 1));
	for (i = 0; i <= nterms; i++)
		st->bidx[i] = -1;
	st->bterm = palloc(sizeof(RdfTermId) * (nterms + 1));
	st->nb = 0;

	/*
	 * step 2: the blank node to quads map, blank nodes numbered in order of
	 * first appearance; a quad is listed once per blank node even when the
	 * node occurs in it twice.
	 */
	st->nmentions = NULL;
	for (q = 0; q < st->nquads; q++)
	{
		const RdfQuad *x = &st->quads[q];
		RdfTermId	comps[3] = {x->s, x->o, x->g};
		int			k;

		for (k = 0; k < 3; k++)
			if (comps[k] != RDF_DEFAULT_GRAPH &&
				rdf_term_kind(ds, comps[k]) == RDF_KIND_BNODE &&
				st->bidx[comps[k]] < 0)
			{
				st->bidx[comps[k]] = st->nb;
				st->bterm[st->nb++] = comps[k];
			}
	}
	st->nmentions = palloc0(sizeof(int) * Max(st->nb, 1));
	st->mentions = palloc(sizeof(int *) * Max(st->nb, 1));
	for (q = 0; q < st->nquads; q++)
	{
		const RdfQuad *x = &st->quads[q];
		RdfTermId	comps[3] = {x->s, x->o, x->g};
		int			k;

		for (k = 0; k < 3; k++)
		{
			int			b = comps[k] != RDF_DEFAULT_GRAPH ? st->bidx[comps[k]] : -1;

			if (b >= 0 && (k == 0 || comps[k] != comps[0]) &&
				(k < 2 || comps[k] != comps[1]))
				st->nmentions[b]++;
		}
	}
	for (i = 0; i < st->nb; i++)
	{
		st->mentions[i] = palloc(sizeof(int) * st->nmentions[i]);
		st->nmentions[i] = 0;
	}
	for (q = 0; q < st->nquads; q++)
	{
		const RdfQuad *x = &st->quads[q];
		RdfTermId	comps[3] = {x->s, x->o, x->g};
		int			k;

		for (k = 0; k < 3; k++)
		{
			int			b = comps[k] != RDF_DEFAULT_GRAPH ? st->bidx[comps[k]] : -1;

			if (b >= 0 && (k == 0 || comps[k] != comps[0]) &&
				(k < 2 || comps[k] != comps[1]))
				st->mentions[b][st->nmentions[b]++] = q;
		}
	}

	st->canon = palloc(sizeof(int) * Max(st->nb, 1));
	st->canon_order = palloc(sizeof(int) * Max(st->nb, 1));
	for (i = 0; i < st->nb; i++)
		st->canon[i] = -1;
	st->ncanon = 0;

	/* step 3: first degree hashes */
	st->h1 = palloc(sizeof(*st->h1) * Max(st->nb, 1));
	for (i = 0; i < st->nb; i++)
	{
		if ((i & 255) == 255)
			CHECK_FOR_INTERRUPTS();
		hash_first_degree(st, i);
	}

	/* the hash to blank nodes map: blank nodes sorted by hash, stable */
	byhash = palloc(sizeof(int) * Max(st->nb, 1));
	for (i = 0; i < st->nb; i++)
		byhash[i] = i;
	if (st->nb > 1)
		qsort_arg(byhash, st->nb, sizeof(int), bnode_hash_cmp, st);

	/* step 4: unique hashes, in code point order of hash, get canonical ids */
	for (i = 0; i < st->nb; i++)
	{
		bool		shared = (i > 0 && strcmp(st->h1[byhash[i]], st->h1[byhash[i - 1]]) == 0) ||
			(i + 1 < st->nb && strcmp(st->h1[byhash[i]], st->h1[byhash[i + 1]]) == 0);

		if (!shared)
			canon_issue(st, byhash[i]);
	}

	/* step 5: shared hashes, in code point order of hash */
	for (i = 0; i < st->nb;)
	{
		int			end = i + 1;
		int			j;
		HashPath   *paths;
		int			npaths = 0;

		while (end < st->nb && strcmp(st->h1[byhash[end]], st->h1[byhash[i]]) == 0)
			end++;
		if (end - i == 1)
		{
			i = end;
			continue;
		}
		/* step 5.1 */
		paths = palloc(sizeof(HashPath) * (end - i));
		/* step 5.2 */
		for (j = i; j < end; j++)
		{
			int			n = byhash[j];
			Issuer	   *tmp;

			/* step 5.2.1 */
			if (st->canon[n] >= 0)
				continue;
			/* steps 5.2.2, 5.2.3 */
			tmp = palloc0(sizeof(Issuer));
			issuer_issue(tmp, n);
			/* step 5.2.4 */
			if (!hash_n_degree(st, n, &tmp, paths[npaths].hash))
				return false;
			paths[npaths].issuer = tmp;
			paths[npaths].seq = npaths;
			npaths++;
		}
		/* step 5.3: in code point order of the hash (stable) */
		if (npaths > 1)
			qsort(paths, npaths, sizeof(HashPath), hashpath_cmp);
		for (j = 0; j < npaths; j++)
		{
			int			t;

			/* step 5.3.1 */
			for (t = 0; t < paths[j].issuer->count; t++)
				canon_issue(st, paths[j].issuer->order[t]);
		}
		i = end;
	}

	/*
	 * step 6: the quads with canonical blank node identifiers, in canonical
	 * N-Quads form, code point ordered (section 5, Serialization).
	 */
	order = palloc(sizeof(int) * Max(st->nquads, 1));
	for (q = 0; q < st->nquads; q++)
		order[q] = q;
	st->clabel = palloc(sizeof(*st->clabel) * Max(st->nb, 1));
	st->clabellen = palloc(sizeof(int) * Max(st->nb, 1));
	for (i = 0; i < st->nb; i++)
		st->clabellen[i] = write_label(st->clabel[i], "c14n", 4, st->canon[i]);
	if (st->nquads > 1)
		qsort_arg(order, st->nquads, sizeof(int), canonical_quad_cmp, st);
	for (q = 0; q < st->nquads; q++)
		append_quad(st, out, &st->quads[order[q]], -1, true);
	return true;
}

bool
rdfc_hash_from_name(const char *name, RdfcHash *hash)
{
	if (pg_strcasecmp(name, "sha256") == 0 || pg_strcasecmp(name, "sha-256") == 0)
		*hash = RDFC_SHA256;
	else if (pg_strcasecmp(name, "sha384") == 0 || pg_strcasecmp(name, "sha-384") == 0)
		*hash = RDFC_SHA384;
	else
		return false;
	return true;
}

bool
rdfc_canonicalize(const RdfDataset *ds, RdfcHash hash, StringInfo out,
				  RdfTermId **issued, int *nissued, CredregFailure *failure)
{
	MemoryContext work;
	MemoryContext old;
	RcState		st;
	bool		ok;

	memset(&st, 0, sizeof(st));
	st.ds = ds;
	st.quads = rdf_dataset_quads(ds);
	st.nquads = rdf_dataset_nquads(ds);
	st.md = rc_get_md(hash);
	st.max_work = credreg_rdfc_max_work;
	st.failure = failure;
	st.caller = CurrentMemoryContext;

	/*
	 * Everything but the results lives in a context deleted at the end (or,
	 * on an error such as a cancel, with its parent at abort).
	 */
	work = AllocSetContextCreate(CurrentMemoryContext, "rdfc",
								 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);
	initStringInfo(&st.scratch);
	initStringInfo(&st.scratch2);
	ok = rdfc_run(&st, out);
	MemoryContextSwitchTo(old);

	if (ok && issued != NULL)
	{
		int			i;

		*issued = palloc(sizeof(RdfTermId) * Max(st.ncanon, 1));
		for (i = 0; i < st.ncanon; i++)
			(*issued)[i] = st.bterm[st.canon_order[i]];
		*nissued = st.ncanon;
	}
	MemoryContextDelete(work);
	return ok;
}
