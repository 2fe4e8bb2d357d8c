/*
 * append.c
 *		credreg.log_append_many(content_hashes bytea[]): appends leaves to the
 *		Merkle log (RFC 9162 §2.1) and writes every subtree they complete.
 *
 * The SQL version joined each level's new subtrees with their two stored
 * children and hashed through SQL expressions; for a 2,000-line ingest that
 * cost a third of verifying the credentials.  Here the new subtrees are
 * computed in memory level by level from the new leaves: a level's new
 * subtrees need at most one stored child (the left neighbour of the first
 * new node, when the log did not end on that level's boundary), read from
 * the tables; then two statements insert the leaves and the subtrees.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "crypto/crypto.h"

PG_FUNCTION_INFO_V1(credreg_log_append_many);

typedef uint8 NodeHash[CR_SHA256_LEN];

/* RFC 9162 §2.1.1: leaf hash SHA-256(0x00 || d), node SHA-256(0x01 || l || r). */
static void
leaf_hash(const uint8 *data, NodeHash out)
{
	uint8		buf[1 + CR_SHA256_LEN];

	buf[0] = 0x00;
	memcpy(buf + 1, data, CR_SHA256_LEN);
	cr_sha256(buf, sizeof(buf), out);
}

static void
node_hash(const uint8 *left, const uint8 *right, NodeHash out)
{
	uint8		buf[1 + 2 * CR_SHA256_LEN];

	buf[0] = 0x01;
	memcpy(buf + 1, left, CR_SHA256_LEN);
	memcpy(buf + 1 + CR_SHA256_LEN, right, CR_SHA256_LEN);
	cr_sha256(buf, sizeof(buf), out);
}

/*
 * The stored hash of the complete subtree at (level, position): a leaf's
 * hash at level 0, else log_subtree's row.
 */
static void
stored_node(int level, int64 position, NodeHash out)
{
	Datum		args[2];
	Oid			types[2] = {INT2OID, INT8OID};
	bool		isnull;
	bytea	   *h;

	args[0] = Int16GetDatum((int16) level);
	args[1] = Int64GetDatum(position);
	if (level == 0)
		SPI_execute_with_args("SELECT content_hash FROM credreg.log_entry "
							  "WHERE leaf_index OPERATOR(pg_catalog.=) $1",
							  1, types + 1, args + 1, NULL, false, 1);
	else
		SPI_execute_with_args("SELECT hash FROM credreg.log_subtree WHERE level OPERATOR(pg_catalog.=) $1 "
							  "AND position OPERATOR(pg_catalog.=) $2",
							  2, types, args, NULL, false, 1);
	if (SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("Merkle log subtree missing at level %d, position " INT64_FORMAT, level, position)));
	h = DatumGetByteaPP(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if (isnull || VARSIZE_ANY_EXHDR(h) != CR_SHA256_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("Merkle log hash at level %d, position " INT64_FORMAT " is not 32 bytes", level, position)));
	if (level == 0)
		leaf_hash((const uint8 *) VARDATA_ANY(h), out);
	else
		memcpy(out, VARDATA_ANY(h), CR_SHA256_LEN);
}

static bytea *
hash_datum(const uint8 *h)
{
	bytea	   *b = palloc(VARHDRSZ + CR_SHA256_LEN);

	SET_VARSIZE(b, VARHDRSZ + CR_SHA256_LEN);
	memcpy(VARDATA(b), h, CR_SHA256_LEN);
	return b;
}

/*
 * Appends the content hashes in array order; returns the leaf index of the
 * first (NULL for an empty array).  Appends serialize on a table lock, so
 * leaf indexes stay dense: the next index is read after the lock is
 * granted, when the previous holder has committed (in REPEATABLE READ a
 * concurrent append fails on the primary key instead).
 */
Datum
credreg_log_append_many(PG_FUNCTION_ARGS)
{
	ArrayType  *hashes = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	int64		first;
	bool		isnull;
	NodeHash   *level_nodes;	/* complete new nodes of the current level */
	int64		level_lo;		/* position of level_nodes[0] */
	int64		level_n;
	Datum	   *out_level;
	Datum	   *out_position;
	Datum	   *out_hash;
	int			out_n = 0;

	deconstruct_array(hashes, BYTEAOID, -1, false, TYPALIGN_INT, &elems, &elem_nulls, &n);
	if (n == 0)
		PG_RETURN_NULL();
	for (int i = 0; i < n; i++)
		if (elem_nulls[i] || VARSIZE_ANY_EXHDR(DatumGetPointer(elems[i])) != CR_SHA256_LEN)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a log entry must be a 32-byte content hash")));

	SPI_connect();
	SPI_execute("LOCK TABLE credreg.log_entry IN EXCLUSIVE MODE", false, 0);
	SPI_execute("SELECT COALESCE(pg_catalog.max(leaf_index) OPERATOR(pg_catalog.+) 1, 0) "
				"FROM credreg.log_entry", false, 1);
	first = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	{
		Datum		args[2] = {Int64GetDatum(first), PointerGetDatum(hashes)};
		Oid			types[2] = {INT8OID, BYTEAARRAYOID};

		SPI_execute_with_args("INSERT INTO credreg.log_entry (leaf_index, content_hash, logged_at) "
							  "SELECT $1 OPERATOR(pg_catalog.+) u.o OPERATOR(pg_catalog.-) 1, u.h, pg_catalog.now() "
							  "FROM pg_catalog.unnest($2) WITH ORDINALITY u(h, o)",
							  2, types, args, NULL, false, 0);
	}

	/* level 0: the new leaves */
	level_nodes = palloc(sizeof(NodeHash) * n);
	for (int i = 0; i < n; i++)
		leaf_hash((const uint8 *) VARDATA_ANY(DatumGetPointer(elems[i])), level_nodes[i]);
	level_lo = first;
	level_n = n;

	/*
	 * Level L completes at most n / 2^L + 1 subtrees (one more than the new
	 * leaves alone make when the first joins a stored left neighbour), so
	 * fewer than n + 63 in all.
	 */
	out_level = palloc(sizeof(Datum) * (n + 63));
	out_position = palloc(sizeof(Datum) * (n + 63));
	out_hash = palloc(sizeof(Datum) * (n + 63));

	/*
	 * Subtrees at level L whose last leaf is new: positions first >> L up to
	 * ((first + n) >> L) - 1; none at L means none above L either.
	 */
	for (int level = 1; level <= 62; level++)
	{
		int64		lo = first >> level;
		int64		hi = ((first + n) >> level) - 1;
		NodeHash   *next;
		NodeHash	old_left;

		if (hi < lo)
			break;
		/* the left child of the first new node may be stored, not new */
		if (2 * lo < level_lo)
			stored_node(level - 1, 2 * lo, old_left);
		next = palloc(sizeof(NodeHash) * (hi - lo + 1));
		for (int64 p = lo; p <= hi; p++)
		{
			const uint8 *left = (2 * p < level_lo) ? old_left : level_nodes[2 * p - level_lo];
			const uint8 *right = level_nodes[2 * p + 1 - level_lo];

			node_hash(left, right, next[p - lo]);
			out_level[out_n] = Int16GetDatum((int16) level);
			out_position[out_n] = Int64GetDatum(p);
			out_hash[out_n] = PointerGetDatum(hash_datum(next[p - lo]));
			out_n++;
		}
		level_nodes = next;
		level_lo = lo;
		level_n = hi - lo + 1;
	}
	(void) level_n;

	if (out_n > 0)
	{
		Datum		args[3];
		Oid			types[3] = {INT2ARRAYOID, INT8ARRAYOID, BYTEAARRAYOID};

		args[0] = PointerGetDatum(construct_array(out_level, out_n, INT2OID, 2, true, TYPALIGN_SHORT));
		args[1] = PointerGetDatum(construct_array(out_position, out_n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		args[2] = PointerGetDatum(construct_array(out_hash, out_n, BYTEAOID, -1, false, TYPALIGN_INT));
		SPI_execute_with_args("INSERT INTO credreg.log_subtree (level, position, hash) "
							  "SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3))",
							  3, types, args, NULL, false, 0);
	}
	SPI_finish();
	PG_RETURN_INT64(first);
}
