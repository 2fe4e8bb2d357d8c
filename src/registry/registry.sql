
-- ---------------------------------------------------------------------------
-- registry: credentials ingested once, their verdicts and the learners'
-- skill profiles kept current by triggers (README, section "The registry")
-- ---------------------------------------------------------------------------

-- One row per distinct byte string received.  A row is typically 2-4 kB
-- (a JWS and its payload): with the default toast_tuple_target (2 kB)
-- every insert compressed raw and payload with pglz, a sixth of the cost
-- of verifying the credential; a row now stays uncompressed in the heap up
-- to a page, and only larger ones are compressed or moved out of line.  The verdict columns are what
-- credreg.verify said at checked_at; the triggers below re-check a row
-- whenever a status list, the trust list, a key or a pinned context it
-- depends on changes, so only time moves them out of date, and valid_at
-- judges time at query time.
CREATE TABLE credential (
	id bigserial PRIMARY KEY,
	content_hash bytea NOT NULL UNIQUE CHECK (pg_catalog.octet_length(content_hash) = 32),
	raw text NOT NULL,
	format text,
	issuer text,
	subject text,
	payload jsonb,
	skills skillset NOT NULL DEFAULT '{}',
	received_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	source text,
	valid boolean NOT NULL,
	errors text[] NOT NULL DEFAULT '{}',
	status text,
	trusted boolean,
	valid_from timestamptz,
	valid_until timestamptz,
	status_entries jsonb,
	checked_at timestamptz NOT NULL DEFAULT pg_catalog.now()
) WITH (toast_tuple_target = 8160);
CREATE INDEX credential_subject_idx ON credential (subject);
CREATE INDEX credential_issuer_idx ON credential (issuer);
-- No index on valid_until: nothing of the registry searches by it (expiry
-- is found through learner.next_change), and each index costs every ingest.
COMMENT ON TABLE credential IS
	'ingested credentials (credreg.ingest, credreg.ingest_ndjson) with their stored verdict, kept current by triggers; personal data: not readable by PUBLIC';
COMMENT ON COLUMN credential.content_hash IS 'SHA-256 of the bytes received (UTF-8): the Merkle log leaf and the resubmission key';
COMMENT ON COLUMN credential.payload IS 'the credential as JSON, claims mapped (credreg.credential_payload); null when it does not parse';
COMMENT ON COLUMN credential.skills IS 'derived: credreg.skills_of(payload), re-derived when the taxonomy changes';
COMMENT ON COLUMN credential.status_entries IS 'derived: [{"list", "index", "size", "purpose"}] for each credentialStatus entry';

-- Which stored credential reads which bit of which status list: a status
-- list change re-checks only the credentials whose bit flipped.  idx is the
-- bit position, statusListIndex * statusSize + k for each of the entry's
-- statusSize bits, so a multi-bit status is found by any of its bits.  No
-- foreign key: its per-row check cost a sixth of a bulk ingest; the
-- credential triggers add and remove the rows.
CREATE TABLE credential_status (
	list_url text NOT NULL,
	idx bigint NOT NULL,
	credential_id bigint NOT NULL,
	PRIMARY KEY (list_url, idx, credential_id)
);
CREATE INDEX credential_status_credential_idx ON credential_status (credential_id);
COMMENT ON TABLE credential_status IS
	'derived: the status list bits each stored credential reads (list url, bit position, credential)';

-- One profile per credential subject, re-derived (never patched) from the
-- subject's credentials that are valid now whenever one of them changes.
CREATE TABLE learner (
	subject text PRIMARY KEY,
	skills skillset NOT NULL,
	held skillset NOT NULL,
	next_change timestamptz,
	updated_at timestamptz NOT NULL
);
CREATE INDEX learner_skills_idx ON learner USING gin (skills);
CREATE INDEX learner_next_change_idx ON learner (next_change);
COMMENT ON TABLE learner IS
	'skill profile of each credential subject: held = skills of the credentials valid now, skills = their closure (GIN-indexed); personal data: not readable by PUBLIC';
COMMENT ON COLUMN learner.next_change IS
	'the earliest future validFrom or validUntil among the subject''s credentials: credreg.refresh_expired re-derives the profile then';

SELECT pg_catalog.pg_extension_config_dump('credential', '');
SELECT pg_catalog.pg_extension_config_dump('credential_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credential_status', '');
SELECT pg_catalog.pg_extension_config_dump('learner', '');

-- Credentials name people (subjects, hashed identifiers, names) and learner
-- profiles describe them: only the owner reads and writes them; it grants
-- SELECT on learner to a recruiter role and INSERT on credential (with
-- EXECUTE of ingest) to an importer role (README, "The registry").
REVOKE ALL ON credential, credential_status, learner FROM PUBLIC;

-- The functions that write the registry run with jit off: their statements
-- touch a few rows each, but set-returning functions over transition
-- tables (estimated at 100 and 1,000 rows each) push their estimated cost
-- past jit_above_cost, and compiling took 250 ms of a 500-row ingest.

-- ---------------------------------------------------------------------------
-- deriving the stored columns
-- ---------------------------------------------------------------------------

-- The bits a stored credential's status entries read, each once (C,
-- src/registry/status_index.c): the rows of credential_status.
CREATE FUNCTION credential_status_bits(status_entries jsonb, OUT list_url text, OUT idx bigint)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'credreg_credential_status_bits'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION credential_status_bits(jsonb) IS
	'the status list bits (list url, statusListIndex * statusSize + k) that the status_entries of a stored credential read, each once';

CREATE FUNCTION changed_status_bits(old_list text, new_list text) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'credreg_changed_status_bits'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION changed_status_bits(text, text) IS
	'bit positions where two encodedLists differ; null when they do not decode or differ in length';

-- (Bodies without SET clauses name every function and operator by schema,
-- a CASE included, which compares with whatever "=" the search path finds:
-- they run, or are inlined, under the caller's search_path.)

-- Everything stored about a credential besides what was received: the
-- verdict of credreg.verify as of now, the payload (credential_payload;
-- null when it does not parse), its skills (skills_of), its status entries
-- ([{"list", "index", "size", "purpose"}] of every credentialStatus entry
-- that names a list and a base-10 index: others are left to the verdict,
-- which already calls them malformed) and the issuer and subject (the
-- verifier's, else the payload's).  In C (src/registry/ingest.c): the
-- credential is verified once and its payload taken from the verifier's
-- reading; it never raises on a bad credential.
CREATE FUNCTION registry_examine(raw text,
		OUT format text, OUT issuer text, OUT subject text, OUT payload jsonb, OUT skills skillset,
		OUT valid boolean, OUT errors text[], OUT status text, OUT trusted boolean,
		OUT valid_from timestamptz, OUT valid_until timestamptz, OUT status_entries jsonb)
	RETURNS record
	AS 'MODULE_PATHNAME', 'credreg_registry_examine'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION registry_examine(text) IS
	'the verdict and derived columns credreg.credential stores for a credential';

-- The stored verdict without its time-dependent parts: signature, binding
-- and form were sound (the only failures are of validity, status or
-- trust), the issuer is trusted and every status is active, as the
-- triggers keep them.  STABLE, as array_to_string is: then the planner
-- inlines it, and the caller's query reads the three columns instead of
-- building each whole 2-3 kB row and running a SQL function per row.
CREATE FUNCTION credential_verified(c credential) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
	SELECT coalesce(c.trusted, false)
		AND coalesce(c.status, 'active') OPERATOR(pg_catalog.=) 'active'
		AND pg_catalog.array_to_string(c.errors, E'\n') OPERATOR(pg_catalog.~)
			'^((expired|not_yet_valid|revoked|suspended|status_unavailable|untrusted_issuer):[^\n]*(\n|$))*$'
	$$;
COMMENT ON FUNCTION credential_verified(credential) IS
	'the stored verdict apart from time: sound signature, trusted issuer, every status active';

CREATE FUNCTION valid_at(c credential, as_of timestamptz DEFAULT pg_catalog.now()) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
	SELECT credreg.credential_verified(c)
		AND (c.valid_from IS NULL OR c.valid_from OPERATOR(pg_catalog.<=) as_of)
		AND (c.valid_until IS NULL OR as_of OPERATOR(pg_catalog.<) c.valid_until)
	$$;
COMMENT ON FUNCTION valid_at(credential, timestamptz) IS
	'whether a stored credential counts at as_of: its stored verdict (kept current) and its validity window at as_of, no signature re-checked';

-- ---------------------------------------------------------------------------
-- learner profiles
-- ---------------------------------------------------------------------------

-- Re-derives the profiles of subjects from their credentials valid at
-- as_of (a subject without any keeps an empty profile).
CREATE FUNCTION learner_refresh(subjects text[], as_of timestamptz DEFAULT pg_catalog.now())
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp SET jit = off SET enable_seqscan = off
	AS $$
DECLARE
	n bigint;
BEGIN
	-- The subjects' credentials grouped by subject: the closure of the
	-- skills of those valid at as_of, and the next instant one of the sound
	-- ones starts or stops counting; then the subjects without any, with an
	-- empty profile.  One scan of credential, by its subject index even
	-- when the statistics are of a table still small (a bulk load just
	-- filled it: a sequential scan per call made ingest one row at a time
	-- quadratic).  Not a join of the subjects with that scan: in a generic
	-- plan (after five calls) the array condition then became part of a
	-- parameterized index scan, and each of its n rescans sorted the n
	-- subjects again (1,666 subjects: 205 ms instead of 10).
	WITH g AS (
		SELECT c.subject,
			   coalesce(credreg.skillset_union_agg(c.skills) FILTER (
					WHERE c.sound AND (c.valid_from IS NULL OR c.valid_from <= as_of)
					  AND (c.valid_until IS NULL OR as_of < c.valid_until)), '{}') AS held,
			   min(CASE WHEN c.valid_from > as_of THEN c.valid_from
						WHEN c.valid_until > as_of THEN c.valid_until END) FILTER (WHERE c.sound)
				   AS next_change
		FROM (SELECT c.subject, c.skills, c.valid_from, c.valid_until,
					 credreg.credential_verified(c) AS sound
			  FROM credreg.credential c WHERE c.subject = ANY (subjects)) c
		GROUP BY c.subject
	), d AS (
		SELECT g.subject, g.held, g.next_change FROM g
		UNION ALL
		SELECT u.subject, '{}'::credreg.skillset, NULL::timestamptz
		FROM (SELECT DISTINCT u.subject FROM unnest(subjects) u(subject) WHERE u.subject IS NOT NULL) u
		WHERE NOT EXISTS (SELECT FROM g WHERE g.subject = u.subject)
	)
	INSERT INTO credreg.learner AS l (subject, skills, held, next_change, updated_at)
		SELECT d.subject, credreg.closure(d.held), d.held, d.next_change, pg_catalog.now() FROM d
	ON CONFLICT (subject) DO UPDATE
		SET skills = excluded.skills, held = excluded.held, next_change = excluded.next_change,
			updated_at = excluded.updated_at;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
COMMENT ON FUNCTION learner_refresh(text[], timestamptz) IS
	're-derives the credreg.learner profiles of subjects from their credentials valid at as_of (writes them)';

CREATE FUNCTION refresh_expired(as_of timestamptz DEFAULT pg_catalog.now()) RETURNS bigint
	LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT coalesce(credreg.learner_refresh(array_agg(subject), as_of), 0)
	FROM credreg.learner WHERE next_change <= as_of
	$$;
COMMENT ON FUNCTION refresh_expired(timestamptz) IS
	're-derives (writes) the profiles in which a credential expired or became valid by as_of (an index scan on learner.next_change; for a nightly job); returns how many';

-- ---------------------------------------------------------------------------
-- re-verification
-- ---------------------------------------------------------------------------

-- Re-verifies the given credentials, stores the new verdicts and
-- re-derives the profiles of the subjects whose credentials changed verdict.
CREATE FUNCTION registry_recheck(ids bigint[]) RETURNS bigint
	LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
DECLARE
	n bigint;
	changed text[];
BEGIN
	IF cardinality(ids) = 0 THEN
		RETURN 0;
	END IF;
	WITH v AS (
		SELECT c.id, c.subject, c.valid AS was_valid, c.status AS was_status,
			   c.trusted AS was_trusted, c.errors AS was_errors, credreg.verify(c.raw) AS r
		FROM credreg.credential c WHERE c.id = ANY (ids)
	), u AS (
		UPDATE credreg.credential c
			SET valid = (v.r).valid, errors = coalesce((v.r).errors, '{}'), status = (v.r).status,
				trusted = (v.r).trusted, valid_from = (v.r).valid_from,
				valid_until = (v.r).valid_until, checked_at = pg_catalog.now()
			FROM v WHERE c.id = v.id
			RETURNING v.subject,
				(v.was_valid, v.was_status, v.was_trusted, v.was_errors)
				IS DISTINCT FROM ((v.r).valid, (v.r).status, (v.r).trusted, coalesce((v.r).errors, '{}'))
				AS moved
	)
	SELECT count(*), array_agg(DISTINCT u.subject) FILTER (WHERE u.moved AND u.subject IS NOT NULL)
		INTO n, changed FROM u;
	IF changed IS NOT NULL THEN
		PERFORM credreg.learner_refresh(changed);
	END IF;
	RETURN n;
END
$$;
COMMENT ON FUNCTION registry_recheck(bigint[]) IS
	're-verifies the stored credentials with these ids, writes their verdicts and re-derives the profiles they change';

CREATE FUNCTION reverify(since timestamptz DEFAULT NULL) RETURNS bigint
	LANGUAGE sql VOLATILE PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT coalesce(credreg.registry_recheck(array_agg(id)), 0)
	FROM credreg.credential WHERE since IS NULL OR received_at >= since
	$$;
COMMENT ON FUNCTION reverify(timestamptz) IS
	're-verifies every stored credential (received since since, when given), writes the verdicts and re-derives the profiles that change (after an upgrade); returns how many were checked';

-- ---------------------------------------------------------------------------
-- ingest
-- ---------------------------------------------------------------------------

-- After rows are added: append them to the Merkle log in id order, index
-- their status bits and derive their subjects' profiles.  After rows are
-- deleted: re-derive their subjects' profiles without them (the log keeps
-- them: it never forgets).  SECURITY DEFINER: whoever may add credentials
-- may append them to the log.  Nested loops and merge joins on: it fires
-- inside ingest_ndjson, which turns them off for its own statement, and
-- the profile upkeep reads credentials by index.
CREATE FUNCTION registry_added() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp SET jit = off
	SET enable_nestloop = on SET enable_mergejoin = on
	AS $$
DECLARE
	subjects text[];
BEGIN
	IF TG_OP = 'DELETE' THEN
		DELETE FROM credreg.credential_status cs
			USING registry_removed_rows o WHERE cs.credential_id = o.id;
		SELECT array_agg(DISTINCT o.subject) INTO subjects
			FROM registry_removed_rows o WHERE o.subject IS NOT NULL;
		IF subjects IS NOT NULL THEN
			PERFORM credreg.learner_refresh(subjects);
		END IF;
		RETURN NULL;
	END IF;
	PERFORM credreg.log_append_many(array_agg(a.content_hash ORDER BY a.id))
		FROM registry_added_rows a;
	INSERT INTO credreg.credential_status (list_url, idx, credential_id)
		SELECT b.list_url, b.idx, a.id
		FROM registry_added_rows a, credreg.credential_status_bits(a.status_entries) b
		WHERE a.status_entries IS NOT NULL;
	SELECT array_agg(DISTINCT a.subject) INTO subjects
		FROM registry_added_rows a WHERE a.subject IS NOT NULL;
	IF subjects IS NOT NULL THEN
		PERFORM credreg.learner_refresh(subjects);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION registry_added() IS
	'trigger: logs added credentials, indexes their status bits and re-derives their subjects'' profiles (after a delete, the profiles alone)';
CREATE TRIGGER registry_added AFTER INSERT ON credential
	REFERENCING NEW TABLE AS registry_added_rows
	FOR EACH STATEMENT EXECUTE FUNCTION registry_added();
CREATE TRIGGER registry_removed AFTER DELETE ON credential
	REFERENCING OLD TABLE AS registry_removed_rows
	FOR EACH STATEMENT EXECUTE FUNCTION registry_added();

CREATE FUNCTION ingest(raw text, source text DEFAULT NULL) RETURNS bigint
	LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
DECLARE
	h bytea := sha256(convert_to(raw, 'UTF8'));
	found_id bigint;
BEGIN
	IF raw IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT c.id INTO found_id FROM credreg.credential c WHERE c.content_hash = h;
	IF found_id IS NOT NULL THEN
		RETURN found_id;
	END IF;
	INSERT INTO credreg.credential AS c (content_hash, raw, source, format, issuer, subject, payload,
			skills, valid, errors, status, trusted, valid_from, valid_until, status_entries)
		SELECT h, raw, source, x.format, x.issuer, x.subject, x.payload, x.skills, x.valid,
			   x.errors, x.status, x.trusted, x.valid_from, x.valid_until, x.status_entries
		FROM credreg.registry_examine(raw) x
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING c.id INTO found_id;
	IF found_id IS NULL THEN
		-- a concurrent ingest of the same bytes won
		SELECT c.id INTO found_id FROM credreg.credential c WHERE c.content_hash = h;
	END IF;
	RETURN found_id;
END
$$;
COMMENT ON FUNCTION ingest(text, text) IS
	'stores (writes) and verifies one credential (JWS, SD-JWT or JSON document), logs it and updates its subject''s profile; returns its id (the existing id for a byte-identical resubmission, which changes nothing)';

-- The lines of an NDJSON document as credentials, in C (one pass over the
-- document, src/registry/ingest.c): a JSON object is a document, a JSON
-- string holds a JWS or SD-JWT, a bare compact serialization is taken as
-- it is; anything else is an error for that line alone.  Blank lines give
-- no row; content_hash is the SHA-256 of the credential's UTF-8 bytes;
-- repeated tells a credential an earlier line of the document holds.
CREATE FUNCTION registry_lines(document text,
		OUT line int, OUT raw text, OUT content_hash bytea, OUT error text, OUT repeated boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'credreg_registry_lines'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION registry_lines(text) IS
	'the non-blank lines of an NDJSON document: the credential each holds, its SHA-256 and whether an earlier line holds it, or why it holds none';

-- A generic plan (plan_cache_mode): a custom one folds the document into
-- the plan as a constant, detoasted and copied with the plan (perf: 5% of
-- a 5,000-line ingest in makeConst and copyObject), and the plan does not
-- depend on the document's value.
CREATE FUNCTION ingest_ndjson(document text, source text DEFAULT NULL)
	RETURNS TABLE (line int, id bigint, valid boolean, error text)
	LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp SET jit = off SET enable_mergejoin = off SET enable_nestloop = off
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	-- One statement for all lines: neither the line reader nor the
	-- examination raises on a bad credential, so no line can stop the
	-- others and none needs a subtransaction of its own.
	RETURN QUERY
	WITH lines AS (
		SELECT l.line, l.raw, l.error, l.content_hash, l.repeated FROM credreg.registry_lines(document) l
	), stored AS (
		-- one look-up of the bytes already stored (an index scan), before
		-- anything is added: a join with credential itself could rescan
		-- the table while this statement adds to it
		SELECT c.id, c.content_hash, c.valid, c.errors[1] AS error FROM credreg.credential c
		WHERE c.content_hash = ANY (ARRAY(SELECT l.content_hash FROM lines l WHERE l.raw IS NOT NULL))
	), fresh AS (
		-- in line order without a sort of the credentials' bytes: the
		-- lines come in order, and the hashed anti-join keeps it (nested
		-- loops and merge joins are off but for the LATERAL examination)
		SELECT l.line, l.content_hash, l.raw
		FROM lines l
		WHERE l.raw IS NOT NULL AND NOT l.repeated
		  AND NOT EXISTS (SELECT FROM stored s WHERE s.content_hash = l.content_hash)
	), added AS (
		INSERT INTO credreg.credential AS c (content_hash, raw, source, format, issuer, subject,
				payload, skills, valid, errors, status, trusted, valid_from, valid_until,
				status_entries)
			SELECT f.content_hash, f.raw, ingest_ndjson.source, x.format, x.issuer, x.subject,
				   x.payload, x.skills, x.valid, x.errors, x.status, x.trusted, x.valid_from,
				   x.valid_until, x.status_entries
			FROM fresh f, LATERAL credreg.registry_examine(f.raw) x
			ON CONFLICT (content_hash) DO NOTHING
			RETURNING c.id, c.content_hash, c.valid, c.errors
	)
	SELECT l.line, coalesce(a.id, s.id), coalesce(a.valid, s.valid),
		   coalesce(l.error, a.errors[1], s.error,
					CASE WHEN a.id IS NULL AND s.id IS NULL THEN 'not stored: ingested concurrently' END)
	FROM lines l
		LEFT JOIN added a ON a.content_hash = l.content_hash
		LEFT JOIN stored s ON s.content_hash = l.content_hash
	ORDER BY l.line;
END
$$;
COMMENT ON FUNCTION ingest_ndjson(text, text) IS
	'ingests (writes) every line of an NDJSON document (a credential per line: a JSON object, or a JSON string holding a JWS); one row per non-empty line: its credential id, verdict and first error (a line that holds no credential: id null)';

-- ---------------------------------------------------------------------------
-- verdicts kept current
--
-- Each trigger re-checks, inside the changing statement's transaction, only
-- the stored credentials the change can affect.  They are AFTER STATEMENT
-- triggers named to fire after the cache invalidation triggers of the same
-- table (status_list_changed, keystore_changed, context_changed,
-- competency_changed: PostgreSQL fires triggers by name), and their queries
-- start with a CommandCounterIncrement (SPI, non-read-only), which delivers
-- those invalidations to this backend, so the verifier sees the new rows.
-- SECURITY DEFINER: a role allowed to change a status list or the trust
-- list keeps the verdicts current even without rights on credreg.credential.
-- ---------------------------------------------------------------------------

-- Status lists: an updated list re-checks the credentials whose bits
-- flipped (all of the list's when the lists cannot be compared bit by bit
-- or its purpose or validity window changed); an added or deleted list
-- re-checks every credential that points at it.
CREATE FUNCTION registry_status_list_changed() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
DECLARE
	ids bigint[];
BEGIN
	IF TG_OP = 'UPDATE' THEN
		WITH pair AS (
			SELECT n.url, credreg.changed_status_bits(o.encoded_list, n.encoded_list) AS bits,
				   (o.purpose, o.valid_from, o.valid_until, o.list_type)
				   IS DISTINCT FROM (n.purpose, n.valid_from, n.valid_until, n.list_type) AS window_moved
			FROM registry_new_lists n JOIN registry_old_lists o ON o.url = n.url
		), everything AS (
			SELECT n.url FROM registry_new_lists n
			WHERE NOT EXISTS (SELECT FROM registry_old_lists o WHERE o.url = n.url)
			UNION
			SELECT o.url FROM registry_old_lists o
			WHERE NOT EXISTS (SELECT FROM registry_new_lists n WHERE n.url = o.url)
			UNION
			SELECT p.url FROM pair p WHERE p.bits IS NULL OR p.window_moved
		)
		SELECT array_agg(DISTINCT x.credential_id) INTO ids FROM (
			SELECT cs.credential_id
			FROM pair p, unnest(p.bits) b(bit), credreg.credential_status cs
			WHERE p.bits IS NOT NULL AND NOT p.window_moved
			  AND cs.list_url = p.url AND cs.idx = b.bit
			UNION ALL
			SELECT cs.credential_id FROM everything w, credreg.credential_status cs
			WHERE cs.list_url = w.url) x;
	ELSIF TG_OP = 'INSERT' THEN
		SELECT array_agg(DISTINCT cs.credential_id) INTO ids
			FROM registry_new_lists n, credreg.credential_status cs WHERE cs.list_url = n.url;
	ELSE
		SELECT array_agg(DISTINCT cs.credential_id) INTO ids
			FROM registry_old_lists o, credreg.credential_status cs WHERE cs.list_url = o.url;
	END IF;
	IF ids IS NOT NULL THEN
		PERFORM credreg.registry_recheck(ids);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION registry_status_list_changed() IS
	'trigger: re-verifies the stored credentials whose status bits a status_list change flipped';
CREATE TRIGGER status_list_reverify_insert AFTER INSERT ON status_list
	REFERENCING NEW TABLE AS registry_new_lists
	FOR EACH STATEMENT EXECUTE FUNCTION registry_status_list_changed();
CREATE TRIGGER status_list_reverify_update AFTER UPDATE ON status_list
	REFERENCING OLD TABLE AS registry_old_lists NEW TABLE AS registry_new_lists
	FOR EACH STATEMENT EXECUTE FUNCTION registry_status_list_changed();
CREATE TRIGGER status_list_reverify_delete AFTER DELETE ON status_list
	REFERENCING OLD TABLE AS registry_old_lists
	FOR EACH STATEMENT EXECUTE FUNCTION registry_status_list_changed();

-- Trust and keys: the credentials of every issuer named by an old or new
-- row of trusted_issuer, or by an old or new issuer_key row.
CREATE FUNCTION registry_issuer_changed() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
DECLARE
	issuers text[];
	ids bigint[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(DISTINCT n.issuer) INTO issuers FROM registry_new_issuers n;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(DISTINCT o.issuer) INTO issuers FROM registry_old_issuers o;
	ELSE
		SELECT array_agg(DISTINCT i) INTO issuers FROM (
			SELECT n.issuer FROM registry_new_issuers n
			UNION ALL SELECT o.issuer FROM registry_old_issuers o) s(i);
	END IF;
	SELECT array_agg(c.id) INTO ids FROM credreg.credential c WHERE c.issuer = ANY (issuers);
	IF ids IS NOT NULL THEN
		PERFORM credreg.registry_recheck(ids);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION registry_issuer_changed() IS
	'trigger: re-verifies the stored credentials of the issuers a trusted_issuer or issuer_key change names';
CREATE TRIGGER keystore_reverify_insert AFTER INSERT ON trusted_issuer
	REFERENCING NEW TABLE AS registry_new_issuers
	FOR EACH STATEMENT EXECUTE FUNCTION registry_issuer_changed();
CREATE TRIGGER keystore_reverify_update AFTER UPDATE ON trusted_issuer
	REFERENCING OLD TABLE AS registry_old_issuers NEW TABLE AS registry_new_issuers
	FOR EACH STATEMENT EXECUTE FUNCTION registry_issuer_changed();
CREATE TRIGGER keystore_reverify_delete AFTER DELETE ON trusted_issuer
	REFERENCING OLD TABLE AS registry_old_issuers
	FOR EACH STATEMENT EXECUTE FUNCTION registry_issuer_changed();
CREATE TRIGGER keystore_reverify_insert AFTER INSERT ON issuer_key
	REFERENCING NEW TABLE AS registry_new_issuers
	FOR EACH STATEMENT EXECUTE FUNCTION registry_issuer_changed();
CREATE TRIGGER keystore_reverify_update AFTER UPDATE ON issuer_key
	REFERENCING OLD TABLE AS registry_old_issuers NEW TABLE AS registry_new_issuers
	FOR EACH STATEMENT EXECUTE FUNCTION registry_issuer_changed();
CREATE TRIGGER keystore_reverify_delete AFTER DELETE ON issuer_key
	REFERENCING OLD TABLE AS registry_old_issuers
	FOR EACH STATEMENT EXECUTE FUNCTION registry_issuer_changed();

-- Pinned contexts: the Data Integrity credentials whose @context names a
-- changed URL (a scan of the stored payloads: contexts change rarely).
CREATE FUNCTION registry_context_changed() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
DECLARE
	urls text[];
	ids bigint[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(n.url) INTO urls FROM registry_new_contexts n;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(o.url) INTO urls FROM registry_old_contexts o;
	ELSE
		SELECT array_agg(u) INTO urls FROM (
			SELECT n.url FROM registry_new_contexts n
			UNION SELECT o.url FROM registry_old_contexts o) s(u);
	END IF;
	SELECT array_agg(c.id) INTO ids FROM credreg.credential c
		WHERE c.payload ? '@context'
		  AND EXISTS (SELECT FROM unnest(urls) u
					  WHERE c.payload->'@context' @> to_jsonb(u) OR c.payload->>'@context' = u);
	IF ids IS NOT NULL THEN
		PERFORM credreg.registry_recheck(ids);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION registry_context_changed() IS
	'trigger: re-verifies the stored credentials whose @context names a changed pinned context';
CREATE TRIGGER context_reverify_insert AFTER INSERT ON context
	REFERENCING NEW TABLE AS registry_new_contexts
	FOR EACH STATEMENT EXECUTE FUNCTION registry_context_changed();
CREATE TRIGGER context_reverify_update AFTER UPDATE ON context
	REFERENCING OLD TABLE AS registry_old_contexts NEW TABLE AS registry_new_contexts
	FOR EACH STATEMENT EXECUTE FUNCTION registry_context_changed();
CREATE TRIGGER context_reverify_delete AFTER DELETE ON context
	REFERENCING OLD TABLE AS registry_old_contexts
	FOR EACH STATEMENT EXECUTE FUNCTION registry_context_changed();

-- TRUNCATE: no transition table tells what was removed, so the re-check
-- takes every credential the emptied table can have moved: with no status
-- list, those that read a status bit; with no trusted issuer, those stored
-- as trusted (no other verdict can change); with no registered key, all of
-- them (which key verified a credential is not stored).  A truncated
-- credential table takes its status index and its subjects' profiles with
-- it (the Merkle log keeps its leaves).  credreg.context refuses TRUNCATE
-- (its pinned contexts), so it needs none.
CREATE FUNCTION registry_truncated() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
DECLARE
	ids bigint[];
BEGIN
	IF TG_TABLE_NAME = 'credential' THEN
		DELETE FROM credreg.credential_status;
		PERFORM credreg.learner_refresh(array_agg(l.subject)) FROM credreg.learner l;
		RETURN NULL;
	ELSIF TG_TABLE_NAME = 'status_list' THEN
		SELECT array_agg(DISTINCT cs.credential_id) INTO ids FROM credreg.credential_status cs;
	ELSIF TG_TABLE_NAME = 'trusted_issuer' THEN
		SELECT array_agg(c.id) INTO ids FROM credreg.credential c WHERE c.trusted;
	ELSE
		SELECT array_agg(c.id) INTO ids FROM credreg.credential c;
	END IF;
	IF ids IS NOT NULL THEN
		PERFORM credreg.registry_recheck(ids);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION registry_truncated() IS
	'trigger: after TRUNCATE of a status list, trust or key table, re-verifies the stored credentials it can have moved; after TRUNCATE of credential, empties the status index and the profiles';
CREATE TRIGGER status_list_reverify_truncate AFTER TRUNCATE ON status_list
	FOR EACH STATEMENT EXECUTE FUNCTION registry_truncated();
CREATE TRIGGER keystore_reverify_truncate AFTER TRUNCATE ON trusted_issuer
	FOR EACH STATEMENT EXECUTE FUNCTION registry_truncated();
CREATE TRIGGER keystore_reverify_truncate AFTER TRUNCATE ON issuer_key
	FOR EACH STATEMENT EXECUTE FUNCTION registry_truncated();
CREATE TRIGGER registry_truncated AFTER TRUNCATE ON credential
	FOR EACH STATEMENT EXECUTE FUNCTION registry_truncated();

-- Taxonomy: a change of competencies or relations can change what every
-- credential's alignments resolve to and every closure, so each stored
-- credential's skills and every profile are re-derived (costly: import
-- frameworks before ingesting, README "The registry").
CREATE FUNCTION registry_taxonomy_changed() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp SET jit = off
	AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM credreg.credential) THEN
		RETURN NULL;
	END IF;
	UPDATE credreg.credential c SET skills = coalesce(credreg.skills_of(c.payload), '{}')
		WHERE c.payload IS NOT NULL
		  AND NOT c.skills OPERATOR(credreg.=) coalesce(credreg.skills_of(c.payload), '{}');
	PERFORM credreg.learner_refresh(array_agg(l.subject)) FROM credreg.learner l;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION registry_taxonomy_changed() IS
	'trigger: re-derives stored credentials'' skills and every learner profile after a taxonomy change';
CREATE TRIGGER taxonomy_relearn AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competency
	FOR EACH STATEMENT EXECUTE FUNCTION registry_taxonomy_changed();
CREATE TRIGGER taxonomy_relearn AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competency_relation
	FOR EACH STATEMENT EXECUTE FUNCTION registry_taxonomy_changed();


-- ---------------------------------------------------------------------------
-- subjects, awards and reports
-- ---------------------------------------------------------------------------

-- OB 3.0 IdentityObject (§ B.1.3): with hashed true, identityHash is
-- 'sha256$' followed by the hex SHA-256 of the plaintext identity with the
-- salt appended (OB 2.0's convention, which 3.0 keeps); with hashed false it
-- is the plaintext.  Every credentialSubject.identifier entry of the type
-- is tried.
CREATE FUNCTION identity_matches(credential jsonb, identity_type text, plaintext text)
	RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT EXISTS (
		SELECT FROM jsonb_array_elements(CASE jsonb_typeof(s) WHEN 'array' THEN s
											 ELSE jsonb_build_array(s) END) subj,
			 jsonb_array_elements(CASE jsonb_typeof(subj->'identifier')
									  WHEN 'array' THEN subj->'identifier'
									  WHEN 'object' THEN jsonb_build_array(subj->'identifier')
									  ELSE '[]' END) i
		WHERE i->>'identityType' = identity_type
		  AND CASE WHEN (i->'hashed') = 'true'
				   THEN lower(i->>'identityHash') = 'sha256$' || encode(sha256(convert_to(
							plaintext || coalesce(i->>'salt', ''), 'UTF8')), 'hex')
				   ELSE i->>'identityHash' = plaintext END)
	FROM (SELECT credential->'credentialSubject' AS s) x
	$$;
COMMENT ON FUNCTION identity_matches(jsonb, text, text) IS
	'whether an OB 3.0 credential''s credentialSubject.identifier of identity_type (emailAddress, studentId ...) is plaintext: salted SHA-256 (sha256$hex) when hashed';

-- One stored credential as an award for the stack evaluator: verified and
-- status come from the stored verdict (a revoked or suspended credential
-- carries that status, which no rule counts by default).
CREATE FUNCTION stack_item_of(credential credential) RETURNS stack_item
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT ROW(
		coalesce(p->>'id', 'credential:' || (credential).id),
		a->>'id',
		a->>'achievementType',
		a->>'humanCode',
		(credential).issuer,
		NULL,
		CASE WHEN jsonb_typeof(a->'tag') = 'array'
			 THEN ARRAY(SELECT jsonb_array_elements_text(a->'tag')) END,
		CASE WHEN jsonb_typeof(a->'creditsAvailable') = 'number'
			 THEN (a->>'creditsAvailable')::float8 END,
		NULL,
		(credential).valid_from,
		(credential).valid_until,
		CASE (credential).status WHEN 'revoked' THEN 'Revoked' WHEN 'suspended' THEN 'Suspended' END,
		credreg.credential_verified(credential),
		NULL,
		(SELECT jsonb_agg(jsonb_build_object('targetUrl', al->>'targetUrl'))
		   FROM jsonb_array_elements(CASE jsonb_typeof(a->'alignment') WHEN 'array'
									 THEN a->'alignment' ELSE '[]' END) al
		  WHERE al ? 'targetUrl'))::credreg.stack_item
	FROM (SELECT (credential).payload AS p,
				 coalesce((credential).payload->'credentialSubject'->'achievement',
						  (credential).payload->'credentialSubject'->0->'achievement') AS a) x
	$$;
COMMENT ON FUNCTION stack_item_of(credential) IS
	'a stored credential as a credreg.stack_item, verified and status from its stored verdict';

CREATE FUNCTION learner_items(subject text) RETURNS stack_item[]
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT coalesce(array_agg(credreg.stack_item_of(c) ORDER BY c.id), '{}')
	FROM credreg.credential c WHERE c.subject = learner_items.subject
	$$;
COMMENT ON FUNCTION learner_items(text) IS
	'the stored credentials of a subject as stack awards (credreg.stack_item_of), in id order';

-- Counts for a registrar: per issuer, format, verdict and reason (the
-- failure code of the first error; "ok" for a valid credential).
CREATE VIEW registrar_report AS
	SELECT c.issuer, c.format,
		   CASE WHEN c.valid THEN 'valid' ELSE 'invalid' END AS verdict,
		   CASE WHEN c.valid THEN 'ok' ELSE split_part(c.errors[1], ':', 1) END AS reason,
		   count(*) AS credentials,
		   count(DISTINCT c.subject) AS subjects,
		   max(c.checked_at) AS last_checked
	FROM credential c
	GROUP BY 1, 2, 3, 4;
COMMENT ON VIEW registrar_report IS
	'stored credentials counted by issuer, format, verdict and reason (first failure code)';
REVOKE ALL ON registrar_report FROM PUBLIC;

-- Each skill of a learner's profile with the credential that proves it
-- and how: held directly, or reached through the taxonomy (the explanation
-- credreg.match gives).
CREATE FUNCTION learner_evidence(subject text)
	RETURNS TABLE (competency int, uri text, label text, level int, credential_id bigint,
				   achievement text, held boolean, path jsonb)
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT s.id, k.uri, k.label, s.level, c.id,
		   coalesce(c.payload->'credentialSubject'->'achievement'->>'name',
					c.payload->'credentialSubject'->'achievement'->>'id'),
		   s.id = ANY (credreg.skillset_ids(c.skills)),
		   CASE WHEN s.id = ANY (credreg.skillset_ids(c.skills)) THEN NULL
				ELSE credreg.match(c.skills, credreg.skillset(ARRAY[s.id]))->'requirements'->0 END
	FROM credreg.learner l
		CROSS JOIN LATERAL credreg.skillset_each(l.skills) s
		LEFT JOIN credreg.competency k ON k.id = s.id
		JOIN credreg.credential c ON c.subject = l.subject AND credreg.valid_at(c)
	WHERE l.subject = learner_evidence.subject
	  AND s.id = ANY (credreg.skillset_ids(credreg.closure(c.skills)))
	ORDER BY s.id, c.id
	$$;
COMMENT ON FUNCTION learner_evidence(text) IS
	'each skill of a learner''s profile with every currently valid credential that proves it, held directly or through the taxonomy path';
