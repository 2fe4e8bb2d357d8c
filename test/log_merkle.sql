-- The Merkle log against a second implementation written here from RFC 9162
-- §2.1 (the recursive MTH, PATH and SUBPROOF definitions, with PostgreSQL's
-- own sha256() and none of credreg's functions): roots and proofs for every
-- leaf and every pair of sizes of the trees of 1..64 leaves and for random
-- sizes up to 100,000; the verifiers accept them and reject altered ones;
-- the log is append-only.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL client_min_messages = error;
SELECT plan(28);

-- At least 100,000 leaves (whatever earlier tests appended comes first; the
-- reference reads the same leaf data back).
CREATE TEMP TABLE appended ON COMMIT DROP AS SELECT credreg.log_append_many(array(
	SELECT pg_catalog.sha256(('leaf ' || i)::bytea)
	FROM generate_series(credreg.log_size(), 99999) i))
WHERE credreg.log_size() < 100000;

-- and 100 more, one log_append each (its own path to the subtrees)
CREATE TEMP TABLE appended_one ON COMMIT DROP AS
	SELECT credreg.log_append(pg_catalog.sha256(('one more ' || i)::bytea)) AS leaf_index FROM generate_series(1, 100) i;

CREATE TEMP TABLE ref_leaf (i bigint PRIMARY KEY, data bytea) ON COMMIT DROP;
INSERT INTO ref_leaf SELECT leaf_index, content_hash FROM credreg.log_entry;
CREATE TEMP TABLE ref_mth (start bigint, size bigint, h bytea, PRIMARY KEY (start, size)) ON COMMIT DROP;

-- k: the largest power of two smaller than n (n > 1)
CREATE FUNCTION pg_temp.ref_k(n bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k bigint := 1;
BEGIN
	WHILE k * 2 < n LOOP k := k * 2; END LOOP;
	RETURN k;
END $$;

-- MTH(D[start:start+n]) (§2.1.1), remembered per range
CREATE FUNCTION pg_temp.ref_mth(start bigint, n bigint) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE h bytea; k bigint;
BEGIN
	IF n = 0 THEN RETURN sha256(''::bytea); END IF;
	SELECT m.h INTO h FROM ref_mth m WHERE m.start = ref_mth.start AND m.size = n;
	IF h IS NOT NULL THEN RETURN h; END IF;
	IF n = 1 THEN
		SELECT sha256('\x00'::bytea || data) INTO h FROM ref_leaf WHERE i = start;
	ELSE
		k := pg_temp.ref_k(n);
		h := sha256('\x01'::bytea || pg_temp.ref_mth(start, k) || pg_temp.ref_mth(start + k, n - k));
	END IF;
	INSERT INTO ref_mth VALUES (start, n, h);
	RETURN h;
END $$;

-- PATH(m, D[start:start+n]) (§2.1.3.1)
CREATE FUNCTION pg_temp.ref_path(m bigint, start bigint, n bigint) RETURNS bytea[] LANGUAGE plpgsql AS $$
DECLARE k bigint;
BEGIN
	IF n = 1 THEN RETURN '{}'; END IF;
	k := pg_temp.ref_k(n);
	IF m < k THEN
		RETURN pg_temp.ref_path(m, start, k) || pg_temp.ref_mth(start + k, n - k);
	END IF;
	RETURN pg_temp.ref_path(m - k, start + k, n - k) || pg_temp.ref_mth(start, k);
END $$;

-- SUBPROOF(m, D[start:start+n], b) (§2.1.4.1)
CREATE FUNCTION pg_temp.ref_subproof(m bigint, start bigint, n bigint, b boolean) RETURNS bytea[]
LANGUAGE plpgsql AS $$
DECLARE k bigint;
BEGIN
	IF m = n THEN
		IF b THEN RETURN '{}'; END IF;
		RETURN ARRAY[pg_temp.ref_mth(start, n)];
	END IF;
	k := pg_temp.ref_k(n);
	IF m <= k THEN
		RETURN pg_temp.ref_subproof(m, start, k, b) || pg_temp.ref_mth(start + k, n - k);
	END IF;
	RETURN pg_temp.ref_subproof(m - k, start + k, n - k, false) || pg_temp.ref_mth(start, k);
END $$;

-- a proof with one byte of one element changed
CREATE FUNCTION pg_temp.altered(p bytea[], which int) RETURNS bytea[] LANGUAGE sql AS $$
	SELECT p[:which - 1] || set_byte(p[which], 7, get_byte(p[which], 7) # 1) || p[which + 1:] $$;

-- every leaf of every tree of 1..64 leaves
CREATE TEMP TABLE small_incl ON COMMIT DROP AS
	SELECT n, m, credreg.log_inclusion_proof(m, n) AS proof, pg_temp.ref_path(m, 0, n) AS ref,
		sha256('\x00'::bytea || (SELECT data FROM ref_leaf WHERE i = m)) AS leaf, pg_temp.ref_mth(0, n) AS root
	FROM generate_series(1, 64) n, generate_series(0, n - 1) m;
-- every pair of sizes 1 <= m <= n <= 64
CREATE TEMP TABLE small_cons ON COMMIT DROP AS
	SELECT m, n, credreg.log_consistency_proof(m, n) AS proof, pg_temp.ref_subproof(m, 0, n, true) AS ref,
		pg_temp.ref_mth(0, m) AS old_root, pg_temp.ref_mth(0, n) AS new_root
	FROM generate_series(1, 64) n, generate_series(1, n) m;

SELECT is((SELECT count(*) FROM small_incl), 2080::bigint, 'inclusion proofs of all 2080 leaves of trees of 1..64 leaves');
SELECT is((SELECT count(*) FROM generate_series(0, 64) n WHERE credreg.log_root(n) <> pg_temp.ref_mth(0, n)), 0::bigint,
	'log_root of 0..64 leaves is MTH');
SELECT is((SELECT count(*) FROM small_incl WHERE proof IS DISTINCT FROM ref), 0::bigint,
	'log_inclusion_proof is PATH for every leaf of trees of 1..64 leaves');
SELECT is((SELECT count(*) FROM small_incl WHERE NOT credreg.log_verify_inclusion(leaf, m, n, proof, root)), 0::bigint,
	'log_verify_inclusion accepts all of them');
SELECT is((SELECT count(*) FROM small_incl, generate_series(1, cardinality(proof)) w
	WHERE credreg.log_verify_inclusion(leaf, m, n, pg_temp.altered(proof, w), root)), 0::bigint,
	'log_verify_inclusion rejects each of them with any one element altered');
SELECT is((SELECT count(*) FROM small_incl WHERE n > 1 AND (
		credreg.log_verify_inclusion(leaf, (m + 1) % n, n, proof, root)
		OR credreg.log_verify_inclusion(leaf, m, n, proof[2:], root)
		OR credreg.log_verify_inclusion(leaf, m, n, proof || root, root)
		OR credreg.log_verify_inclusion(leaf, m, n, proof, sha256(root)))), 0::bigint,
	'... and with another index, an element dropped or added, or another root');
SELECT is((SELECT count(*) FROM small_cons WHERE proof IS DISTINCT FROM ref), 0::bigint,
	'log_consistency_proof is PROOF for all 2080 pairs of sizes 1 <= m <= n <= 64');
SELECT is((SELECT count(*) FROM small_cons WHERE NOT credreg.log_verify_consistency(m, n, old_root, new_root, proof)), 0::bigint,
	'log_verify_consistency accepts all of them');
SELECT is((SELECT count(*) FROM small_cons, generate_series(1, cardinality(proof)) w
	WHERE credreg.log_verify_consistency(m, n, old_root, new_root, pg_temp.altered(proof, w))), 0::bigint,
	'log_verify_consistency rejects each of them with any one element altered');
SELECT is((SELECT count(*) FROM small_cons WHERE m < n AND (
		credreg.log_verify_consistency(m, n, new_root, new_root, proof)
		OR credreg.log_verify_consistency(m, n, old_root, old_root, proof)
		OR credreg.log_verify_consistency(m, n, old_root, new_root, proof[2:])
		OR credreg.log_verify_consistency(m + 1, n, old_root, new_root, proof))), 0::bigint,
	'... and with a wrong root, an element dropped or another size');

-- random sizes up to 100,000
SELECT setseed(0.9162);
CREATE TEMP TABLE big_pair ON COMMIT DROP AS
	SELECT m, n, (random() * (n - 1))::bigint AS leaf_at FROM (
		SELECT least(a, b) AS m, greatest(a, b) AS n FROM (
			SELECT 1 + (random() * 99999)::bigint AS a, 1 + (random() * 99999)::bigint AS b
			FROM generate_series(1, 25)) r
		UNION ALL VALUES (1::bigint, 100000::bigint), (65536, 100000), (99999, 100000), (32768, 65536)) p;
CREATE TEMP TABLE big ON COMMIT DROP AS
	SELECT m, n, leaf_at,
		credreg.log_consistency_proof(m, n) AS cproof, pg_temp.ref_subproof(m, 0, n, true) AS cref,
		credreg.log_inclusion_proof(leaf_at, n) AS iproof, pg_temp.ref_path(leaf_at, 0, n) AS iref,
		sha256('\x00'::bytea || (SELECT data FROM ref_leaf WHERE i = leaf_at)) AS leaf,
		pg_temp.ref_mth(0, m) AS old_root, pg_temp.ref_mth(0, n) AS new_root
	FROM big_pair;
SELECT is((SELECT count(*) FROM big WHERE credreg.log_root(n) <> new_root OR credreg.log_root(m) <> old_root), 0::bigint,
	'log_root is MTH at 58 random sizes up to 100,000');
SELECT is((SELECT count(*) FROM big WHERE cproof IS DISTINCT FROM cref), 0::bigint,
	'log_consistency_proof is PROOF for 29 pairs of sizes up to 100,000');
SELECT is((SELECT count(*) FROM big WHERE iproof IS DISTINCT FROM iref), 0::bigint,
	'log_inclusion_proof is PATH for a random leaf of each of those trees');
SELECT is((SELECT count(*) FROM big WHERE NOT credreg.log_verify_consistency(m, n, old_root, new_root, cproof)
	OR NOT credreg.log_verify_inclusion(leaf, leaf_at, n, iproof, new_root)), 0::bigint,
	'the verifiers accept them');
SELECT is((SELECT count(*) FROM big, generate_series(1, cardinality(cproof)) w
	WHERE credreg.log_verify_consistency(m, n, old_root, new_root, pg_temp.altered(cproof, w))), 0::bigint,
	'log_verify_consistency rejects them altered');
SELECT is((SELECT count(*) FROM big, generate_series(1, cardinality(iproof)) w
	WHERE credreg.log_verify_inclusion(leaf, leaf_at, n, pg_temp.altered(iproof, w), new_root)), 0::bigint,
	'log_verify_inclusion rejects them altered');

SELECT ok((SELECT array_agg(leaf_index ORDER BY leaf_index) FROM appended_one)
		= (SELECT array_agg(i) FROM generate_series(credreg.log_size() - 100, credreg.log_size() - 1) i)
	AND (SELECT bool_and(credreg.log_root(n) = pg_temp.ref_mth(0, n)
			AND credreg.log_inclusion_proof(n - 1, n) = pg_temp.ref_path(n - 1, 0, n))
		FROM generate_series(credreg.log_size() - 99, credreg.log_size()) n),
	'log_append, one leaf at a time: dense indexes, and after each the root and the new leaf''s path are RFC 9162''s');

-- the edges RFC 9162 leaves to the implementation
SELECT is(credreg.log_root(0), sha256(''::bytea), 'the empty tree''s root is SHA-256 of the empty string');
SELECT ok(credreg.log_consistency_proof(0, 10) = '{}' AND credreg.log_consistency_proof(10, 10) = '{}'
	AND credreg.log_verify_consistency(0, 10, sha256(''::bytea), credreg.log_root(10), '{}')
	AND credreg.log_verify_consistency(10, 10, credreg.log_root(10), credreg.log_root(10), '{}')
	AND NOT credreg.log_verify_consistency(10, 10, credreg.log_root(10), credreg.log_root(11), '{}')
	AND NOT credreg.log_verify_consistency(11, 10, credreg.log_root(11), credreg.log_root(10), '{}'),
	'old size 0 or equal to the new size: the empty proof, checked against the roots');
SELECT throws_ok('SELECT credreg.log_inclusion_proof(5, 5)', '22023', NULL, 'a leaf outside the tree has no proof');
SELECT throws_ok(format('SELECT credreg.log_root(%s)', credreg.log_size() + 1), '22023', NULL,
	'a tree larger than the log has no root');

-- append-only, with dense indexes
SELECT is((SELECT count(*) FROM credreg.log_entry), credreg.log_size(), 'leaf indexes are dense');
SELECT is((SELECT count(*) FROM credreg.log_subtree),
	(SELECT sum(credreg.log_size() >> l) FROM generate_series(1, 62) l)::bigint,
	'every complete subtree is stored, once');
SELECT throws_ok('UPDATE credreg.log_entry SET logged_at = now() WHERE leaf_index = 0', '42501', NULL, 'UPDATE is refused');
SELECT throws_ok('DELETE FROM credreg.log_subtree WHERE level = 1', '42501', NULL, 'DELETE is refused');
SELECT throws_ok('TRUNCATE credreg.log_entry', '42501', NULL, 'TRUNCATE is refused');
SELECT throws_ok('SELECT credreg.log_append(''\x00''::bytea)', '22023', NULL, 'a leaf is a 32-byte hash');

-- a signed tree head verifies with the key's public half and states the root
CREATE TEMP TABLE head ON COMMIT DROP AS
	SELECT k, credreg.log_signed_head(k) AS jws FROM (SELECT credreg.generate_key('P-256') AS k) g;
SELECT ok((SELECT credreg.verify_signature(credreg.pubkey_from_private(k), 'ES256',
		convert_to(split_part(jws, '.', 1) || '.' || split_part(jws, '.', 2), 'UTF8'),
		decode(rpad(translate(split_part(jws, '.', 3), '-_', '+/'), 88, '='), 'base64'))
	AND (p ->> 'tree_size')::bigint = credreg.log_size()
	AND decode(rpad(translate(p ->> 'root_hash', '-_', '+/'), 44, '='), 'base64') = credreg.log_root()
	AND abs((p ->> 'timestamp')::bigint - extract(epoch FROM clock_timestamp()) * 1000) < 60000
	FROM head, LATERAL (SELECT convert_from(decode(rpad(translate(split_part(jws, '.', 2), '-_', '+/'),
		(length(split_part(jws, '.', 2)) + 3) / 4 * 4, '='), 'base64'), 'UTF8')::jsonb AS p) x),
	'log_signed_head: a JWS over tree_size, root_hash and timestamp');

SELECT * FROM finish();
ROLLBACK;
