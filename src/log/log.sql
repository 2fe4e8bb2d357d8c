
-- ---------------------------------------------------------------------------
-- log: the registry's tamper-evident Merkle log (RFC 9162 §2.1)
--
-- Leaf data is a credential's 32-byte content hash; the leaf hash is
-- SHA-256(0x00 || leaf data), an interior node SHA-256(0x01 || left || right)
-- (§2.1.1).  Besides the leaves, log_subtree keeps the hash of every complete
-- subtree (2^level leaves starting at leaf position * 2^level), written once
-- when its last leaf arrives and never changed: the tree of any size is a
-- fold of at most 63 of them, so a root or a proof reads O(log n) rows.
-- ---------------------------------------------------------------------------

CREATE TABLE log_entry (
	leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
	content_hash bytea NOT NULL CHECK (pg_catalog.octet_length(content_hash) = 32),
	logged_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE log_entry IS
	'the Merkle log''s leaves (RFC 9162 §2.1): leaf_index counts from 0 without gaps; append with credreg.log_append';

CREATE TABLE log_subtree (
	level smallint CHECK (level BETWEEN 1 AND 62),
	position bigint CHECK (position >= 0),
	hash bytea NOT NULL CHECK (pg_catalog.octet_length(hash) = 32),
	PRIMARY KEY (level, position)
);
COMMENT ON TABLE log_subtree IS
	'hash of every complete subtree of the Merkle log: 2^level leaves from leaf position * 2^level on';

SELECT pg_catalog.pg_extension_config_dump('log_entry', '');
SELECT pg_catalog.pg_extension_config_dump('log_subtree', '');

-- The log is public (anyone may audit it); writes go through log_append only.
REVOKE ALL ON log_entry, log_subtree FROM PUBLIC;
GRANT SELECT ON log_entry, log_subtree TO PUBLIC;

-- Append-only: history is never rewritten, not even by the owner through SQL
-- (a superuser can still disable triggers; signed heads and consistency
-- proofs are what make that visible).
CREATE FUNCTION log_refuse_change() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	RAISE EXCEPTION 'credreg.% is append-only', TG_TABLE_NAME
		USING ERRCODE = 'insufficient_privilege',
			  DETAIL = pg_catalog.format('%s refused: the Merkle log never rewrites history.', TG_OP);
END
$$;
COMMENT ON FUNCTION log_refuse_change() IS
	'trigger: refuses UPDATE, DELETE and TRUNCATE on the Merkle log tables';
CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON log_entry
	FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_subtree_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON log_subtree
	FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();

CREATE FUNCTION log_leaf_hash(content_hash bytea) RETURNS bytea
	AS $$ SELECT pg_catalog.sha256('\x00'::pg_catalog.bytea OPERATOR(pg_catalog.||) content_hash) $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION log_leaf_hash(bytea) IS
	'RFC 9162 leaf hash of a log entry: SHA-256(0x00 || content_hash)';

-- Appends leaves in order and writes every subtree they complete, level by
-- level (a subtree at level L is complete when its right child at L-1 is),
-- computed in memory (src/log/append.c).  Appends serialize on a table
-- lock, so indexes stay dense: the next index is read after the lock is
-- granted, when the previous holder has committed (in REPEATABLE READ a
-- concurrent append fails on the primary key instead).
CREATE FUNCTION log_append_many(content_hashes bytea[]) RETURNS bigint
	AS 'MODULE_PATHNAME', 'credreg_log_append_many'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION log_append_many(bytea[]) IS
	'appends content hashes to the Merkle log in array order (writes log_entry and log_subtree); returns the leaf index of the first';

-- One leaf: the same work as log_append_many's, without its set-based
-- statements (a quarter of the cost for a single leaf): the new leaf
-- completes one subtree per trailing 1 bit of its index, each made from its
-- stored left sibling and the subtree just completed below it.
CREATE FUNCTION log_append(content_hash bytea) RETURNS bigint
	LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	i bigint;
	pos bigint;
	lvl int := 0;
	h bytea := pg_catalog.sha256('\x00'::bytea OPERATOR(pg_catalog.||) content_hash);
	sibling bytea;
BEGIN
	IF pg_catalog.octet_length(content_hash) OPERATOR(pg_catalog.<>) 32 THEN
		RAISE EXCEPTION 'a log entry must be a 32-byte content hash'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	LOCK TABLE credreg.log_entry IN EXCLUSIVE MODE;
	SELECT coalesce(max(leaf_index) + 1, 0) INTO i FROM credreg.log_entry;
	INSERT INTO credreg.log_entry (leaf_index, content_hash, logged_at)
		VALUES (i, log_append.content_hash, pg_catalog.now());
	pos := i;
	WHILE pos & 1 = 1 LOOP
		IF lvl = 0 THEN
			SELECT credreg.log_leaf_hash(e.content_hash) INTO sibling
				FROM credreg.log_entry e WHERE e.leaf_index OPERATOR(pg_catalog.=) pos - 1;
		ELSE
			SELECT s.hash INTO sibling
				FROM credreg.log_subtree s WHERE s.level OPERATOR(pg_catalog.=) lvl
					AND s.position OPERATOR(pg_catalog.=) pos - 1;
		END IF;
		h := pg_catalog.sha256('\x01'::bytea OPERATOR(pg_catalog.||) sibling OPERATOR(pg_catalog.||) h);
		lvl := lvl + 1;
		pos := pos >> 1;
		INSERT INTO credreg.log_subtree (level, position, hash) VALUES (lvl, pos, h);
	END LOOP;
	RETURN i;
END
$$;
COMMENT ON FUNCTION log_append(bytea) IS
	'appends one content hash (32 bytes) to the Merkle log (writes it); returns its leaf index';

-- Appending runs as the log's owner; who may append is who may execute these.
REVOKE ALL ON FUNCTION log_append_many(bytea[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION log_append(bytea) FROM PUBLIC;

CREATE FUNCTION log_size() RETURNS bigint
	AS $$ SELECT coalesce(pg_catalog.max(leaf_index) OPERATOR(pg_catalog.+) 1, 0) FROM credreg.log_entry $$
	LANGUAGE sql STABLE PARALLEL SAFE;
COMMENT ON FUNCTION log_size() IS 'number of leaves in the Merkle log';

-- MTH(D[start:start+size]) for a range that starts on a multiple of its
-- largest power of two, which every range in RFC 9162's recursions does: the
-- complete subtrees given by size's bits, from the largest, folded from the
-- right (§2.1.1: MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n]))).
CREATE FUNCTION log_range_hash(start bigint, size bigint) RETURNS bytea
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	nodes bytea[];
	h bytea;
	i int;
BEGIN
	IF size = 0 THEN
		RETURN pg_catalog.sha256(''::bytea);
	END IF;
	WITH part AS (
		SELECT b AS level,
			(start + (size >> (b + 1) << (b + 1))) >> b AS position
		FROM pg_catalog.generate_series(62, 0, -1) b
		WHERE size & (1::bigint << b) OPERATOR(pg_catalog.<>) 0
	)
	SELECT pg_catalog.array_agg(
			CASE WHEN part.level = 0 THEN credreg.log_leaf_hash(e.content_hash) ELSE s.hash END
			ORDER BY part.level DESC)
		INTO nodes
		FROM part
		LEFT JOIN credreg.log_entry e ON part.level = 0 AND e.leaf_index OPERATOR(pg_catalog.=) part.position
		LEFT JOIN credreg.log_subtree s ON s.level OPERATOR(pg_catalog.=) part.level
			AND s.position OPERATOR(pg_catalog.=) part.position;
	IF pg_catalog.array_position(nodes, NULL) IS NOT NULL THEN
		RAISE EXCEPTION 'Merkle log subtree missing for leaves % to %', start, start + size - 1
			USING ERRCODE = 'data_corrupted';
	END IF;
	i := pg_catalog.cardinality(nodes);
	h := nodes[i];
	WHILE i > 1 LOOP
		i := i - 1;
		h := pg_catalog.sha256('\x01'::bytea OPERATOR(pg_catalog.||) nodes[i] OPERATOR(pg_catalog.||) h);
	END LOOP;
	RETURN h;
END
$$;
COMMENT ON FUNCTION log_range_hash(bigint, bigint) IS
	'RFC 9162 MTH of size leaves from start (start a multiple of size''s largest power of two), from the stored complete subtrees';

-- Checks a tree size against the log and returns it (null: the current size).
CREATE FUNCTION log_checked_size(tree_size bigint) RETURNS bigint
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	n bigint := credreg.log_size();
BEGIN
	IF tree_size IS NULL THEN
		RETURN n;
	END IF;
	IF tree_size < 0 OR tree_size > n THEN
		RAISE EXCEPTION 'tree size % is outside the Merkle log', tree_size
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('The log holds %s leaves.', n);
	END IF;
	RETURN tree_size;
END
$$;
COMMENT ON FUNCTION log_checked_size(bigint) IS
	'tree_size when 0 <= tree_size <= the log''s size (null: the log''s size); raises otherwise';

CREATE FUNCTION log_root(tree_size bigint DEFAULT NULL) RETURNS bytea
	AS $$ SELECT credreg.log_range_hash(0, credreg.log_checked_size(tree_size)) $$
	LANGUAGE sql STABLE PARALLEL SAFE;
COMMENT ON FUNCTION log_root(bigint) IS
	'RFC 9162 Merkle tree hash of the first tree_size leaves (null: all); the empty tree''s is SHA-256 of the empty string';

-- PATH(m, D[n]) of RFC 9162 §2.1.3.1, unrolled: going down from the root,
-- each level's sibling subtree goes before the ones found higher up.
CREATE FUNCTION log_inclusion_proof(leaf_index bigint, tree_size bigint) RETURNS bytea[]
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	m bigint := leaf_index;
	start bigint := 0;
	size bigint := credreg.log_checked_size(tree_size);
	k bigint;
	path bytea[] := '{}';
BEGIN
	IF m < 0 OR m >= size THEN
		RAISE EXCEPTION 'leaf index % is not in a tree of size %', leaf_index, size
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	WHILE size > 1 LOOP
		k := credreg.log_split(size);
		IF m < k THEN
			path := pg_catalog.array_prepend(credreg.log_range_hash(start + k, size - k), path);
			size := k;
		ELSE
			path := pg_catalog.array_prepend(credreg.log_range_hash(start, k), path);
			start := start + k;
			m := m - k;
			size := size - k;
		END IF;
	END LOOP;
	RETURN path;
END
$$;
COMMENT ON FUNCTION log_inclusion_proof(bigint, bigint) IS
	'RFC 9162 inclusion proof (audit path, leaf side first) of leaf leaf_index in the tree of size tree_size';

-- SUBPROOF(m, D[n], b) of RFC 9162 §2.1.4.1, unrolled the same way.  An old
-- size of 0 or equal to the new size has the empty proof.
CREATE FUNCTION log_consistency_proof(old_size bigint, new_size bigint) RETURNS bytea[]
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	m bigint := old_size;
	start bigint := 0;
	size bigint := credreg.log_checked_size(new_size);
	whole boolean := true;		/* b: D[start:start+size] is the old tree's whole */
	k bigint;
	proof bytea[] := '{}';
BEGIN
	IF m < 0 OR m > size THEN
		RAISE EXCEPTION 'old size % is not in 0..%', old_size, size
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF m = 0 THEN
		RETURN proof;
	END IF;
	WHILE m <> size LOOP
		k := credreg.log_split(size);
		IF m <= k THEN
			proof := pg_catalog.array_prepend(credreg.log_range_hash(start + k, size - k), proof);
			size := k;
		ELSE
			proof := pg_catalog.array_prepend(credreg.log_range_hash(start, k), proof);
			start := start + k;
			m := m - k;
			size := size - k;
			whole := false;
		END IF;
	END LOOP;
	IF NOT whole THEN
		proof := pg_catalog.array_prepend(credreg.log_range_hash(start, size), proof);
	END IF;
	RETURN proof;
END
$$;
COMMENT ON FUNCTION log_consistency_proof(bigint, bigint) IS
	'RFC 9162 consistency proof between the trees of sizes old_size and new_size (empty when old_size is 0 or new_size)';

CREATE FUNCTION log_split(n bigint) RETURNS bigint
	AS $$ SELECT 1::pg_catalog.int8 OPERATOR(pg_catalog.<<) (62 OPERATOR(pg_catalog.-)
			(SELECT pg_catalog.min(b) FROM pg_catalog.generate_series(0, 62) b
			 WHERE (1::pg_catalog.int8 OPERATOR(pg_catalog.<<) (62 OPERATOR(pg_catalog.-) b))
				   OPERATOR(pg_catalog.<) n)) $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION log_split(bigint) IS
	'k of RFC 9162 §2.1.1: the largest power of two smaller than n (n > 1)';

-- RFC 9162 §2.1.3.2, step by step.
CREATE FUNCTION log_verify_inclusion(leaf_hash bytea, leaf_index bigint, tree_size bigint,
		proof bytea[], root bytea) RETURNS boolean
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	fn bigint := leaf_index;
	sn bigint := tree_size - 1;
	r bytea := leaf_hash;
	p bytea;
BEGIN
	-- 1. the index must lie in the tree
	IF leaf_index < 0 OR leaf_index >= tree_size OR array_position(proof, NULL) IS NOT NULL THEN
		RETURN false;
	END IF;
	FOREACH p IN ARRAY proof LOOP
		IF sn = 0 THEN					-- 4a
			RETURN false;
		END IF;
		IF fn & 1 = 1 OR fn = sn THEN	-- 4b
			r := pg_catalog.sha256('\x01'::bytea || p || r);
			IF fn & 1 = 0 THEN
				WHILE fn & 1 = 0 AND fn <> 0 LOOP
					fn := fn >> 1;
					sn := sn >> 1;
				END LOOP;
			END IF;
		ELSE
			r := pg_catalog.sha256('\x01'::bytea || r || p);
		END IF;
		fn := fn >> 1;					-- 4c
		sn := sn >> 1;
	END LOOP;
	RETURN sn = 0 AND r = root;			-- 5
END
$$;
COMMENT ON FUNCTION log_verify_inclusion(bytea, bigint, bigint, bytea[], bytea) IS
	'RFC 9162 §2.1.3.2: true when proof shows the leaf hash at leaf_index in the tree of size tree_size with that root';

-- RFC 9162 §2.1.4.2, step by step; the sizes it leaves out (0 < old < new)
-- are settled first: an equal size needs the empty proof and equal roots, an
-- old size of 0 the empty proof and the empty tree's root.
CREATE FUNCTION log_verify_consistency(old_size bigint, new_size bigint, old_root bytea,
		new_root bytea, proof bytea[]) RETURNS boolean
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	path bytea[] := proof;
	fn bigint;
	sn bigint;
	fr bytea;
	sr bytea;
	c bytea;
	i int;
BEGIN
	IF old_size < 0 OR old_size > new_size OR array_position(proof, NULL) IS NOT NULL THEN
		RETURN false;
	END IF;
	IF old_size = 0 THEN
		RETURN cardinality(proof) = 0 AND old_root = pg_catalog.sha256(''::bytea);
	END IF;
	IF old_size = new_size THEN
		RETURN cardinality(proof) = 0 AND old_root = new_root;
	END IF;
	IF cardinality(path) = 0 THEN		-- 1
		RETURN false;
	END IF;
	IF old_size & (old_size - 1) = 0 THEN	-- 2: first is a power of 2
		path := array_prepend(old_root, path);
	END IF;
	fn := old_size - 1;					-- 3
	sn := new_size - 1;
	WHILE fn & 1 = 1 LOOP				-- 4
		fn := fn >> 1;
		sn := sn >> 1;
	END LOOP;
	fr := path[1];						-- 5
	sr := path[1];
	FOR i IN 2 .. cardinality(path) LOOP	-- 6
		c := path[i];
		IF sn = 0 THEN					-- 6a
			RETURN false;
		END IF;
		IF fn & 1 = 1 OR fn = sn THEN	-- 6b
			fr := pg_catalog.sha256('\x01'::bytea || c || fr);
			sr := pg_catalog.sha256('\x01'::bytea || c || sr);
			IF fn & 1 = 0 THEN
				WHILE fn & 1 = 0 AND fn <> 0 LOOP
					fn := fn >> 1;
					sn := sn >> 1;
				END LOOP;
			END IF;
		ELSE
			sr := pg_catalog.sha256('\x01'::bytea || sr || c);
		END IF;
		fn := fn >> 1;					-- 6c
		sn := sn >> 1;
	END LOOP;
	RETURN fr = old_root AND sr = new_root AND sn = 0;	-- 7
END
$$;
COMMENT ON FUNCTION log_verify_consistency(bigint, bigint, bytea, bytea, bytea[]) IS
	'RFC 9162 §2.1.4.2: true when proof shows the tree of size old_size with old_root is a prefix of the one of size new_size with new_root';

-- A signed tree head (the content of RFC 9162's, as a JWS): the key may be a
-- private JWK, multibase key, PKCS#8 PEM or a 'signing_key:NAME' reference.
CREATE FUNCTION log_signed_head_impl(private_key text) RETURNS text
	LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	n bigint;
	head jsonb;
BEGIN
	-- the root of exactly n leaves, whatever is appended meanwhile
	n := credreg.log_size();
	head := jsonb_build_object(
		'tree_size', n,
		'root_hash', rtrim(translate(encode(credreg.log_root(n), 'base64'), E'+/\n', '-_'), '='),
		'timestamp', (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
	RETURN credreg.jws_sign(
		jsonb_build_object('alg', credreg.pubkey_algorithm(credreg.pubkey_from_private(private_key)),
						   'typ', 'tree-head+jws')::text,
		convert_to(head::text, 'UTF8'), private_key);
END
$$;
COMMENT ON FUNCTION log_signed_head_impl(text) IS
	'implementation of credreg.log_signed_head: a JWS over {"tree_size", "root_hash" (base64url), "timestamp" (ms since 1970)} of the Merkle log now, signed with the key (or signing_key:NAME reference); VOLATILE: it reads the clock, and ECDSA draws randomness';

-- The entry point: an error of the above reaches the server log without the
-- statement, which holds the key (src/util/secret.h).
CREATE FUNCTION log_signed_head(private_key text) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_call_impl_hiding_statement'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION log_signed_head(text) IS
	'a JWS over {"tree_size", "root_hash" (base64url), "timestamp" (ms since 1970)} of the Merkle log now, signed with the key (or signing_key:NAME reference); VOLATILE: it reads the clock, and ECDSA draws randomness';
REVOKE ALL ON FUNCTION log_signed_head_impl(text) FROM PUBLIC;
