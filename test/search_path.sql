-- No object of credreg resolves a name through the caller's search_path at
-- run time.  A schema "hostile" shadows every pg_catalog operator, every
-- pg_catalog function the extension's SQL and PL/pgSQL bodies name, the
-- common type names and every table of the extension (temporary tables too,
-- which come first for relations); each shadow raises.  Every function of
-- the extension, enumerated from the catalog, is then called with the search
-- path "hostile, pg_catalog" and with an ordinary one, on a small registry:
-- the answers must be the same (errors included) and no shadow may run.  The
-- triggers run through DML on the extension's tables with the hostile path.
BEGIN;
SELECT plan(16);
SET LOCAL client_min_messages = warning;

-- a registry to answer from
INSERT INTO credreg.trusted_issuer (issuer, name) VALUES ('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'SP');
INSERT INTO credreg.issuer_key (key_id, issuer, public_key)
VALUES ('https://sp.example.edu/keys/1', 'https://sp.example.edu', 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
CREATE TEMP TABLE k AS SELECT
	'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'::text AS priv,
	'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS did,
	'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS vm;
INSERT INTO credreg.status_list (url, credential)
SELECT 'https://sp.example.edu/status/1',
	credreg.sign(credreg.status_list_credential('https://sp.example.edu/status/1', 'revocation',
		credreg.status_list_set(credreg.status_list_create(), 5, true), did), priv, 'eddsa-jcs-2022', vm)
FROM k;
INSERT INTO credreg.framework (key, name) VALUES ('sp', 'search_path test');
INSERT INTO credreg.competency (framework, uri, code, label, kind)
VALUES ('sp', 'urn:sp:data', 'data', 'Data work', 'group'), ('sp', 'urn:sp:sql', 'sql', 'SQL databases', 'skill');
INSERT INTO credreg.competency (framework, uri, code, label, kind)
VALUES ('sp', 'urn:sp:analyst', 'analyst', 'Data analyst', 'occupation');
INSERT INTO credreg.competency_label (competency, kind, label, norm)
SELECT id, 'preferred', label, credreg.label_norm(label) FROM credreg.competency WHERE framework = 'sp';
INSERT INTO credreg.occupation_requirement (occupation, competency, kind, level, importance, source)
SELECT credreg.competency_id('urn:sp:analyst'), credreg.competency_id('urn:sp:sql'), 'essential', 2, 4, 'sp';
INSERT INTO credreg.competency_relation (src, dst, kind)
SELECT credreg.competency_id('urn:sp:sql'), credreg.competency_id('urn:sp:data'), 'broader';
-- a Merkle log of two leaves, so that the log's readers and verifiers
-- answer with something to check (RFC 9162: for two leaves, the inclusion
-- proof of leaf 0 and the consistency proof from size 1 are both [leaf 1])
SELECT credreg.log_append_many(ARRAY[sha256('sp leaf 0'), sha256('sp leaf 1')]);

-- sample arguments: by argument name, else by type
CREATE TEMP TABLE cred AS
SELECT credreg.sign(jsonb_build_object(
		'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2',
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'),
		'type', jsonb_build_array('VerifiableCredential', 'OpenBadgeCredential'),
		'issuer', did, 'validFrom', '2026-01-01T00:00:00Z',
		'credentialSubject', jsonb_build_object('id', 'urn:learner:1', 'type', 'AchievementSubject',
			'achievement', jsonb_build_object('id', 'urn:ach:1', 'type', 'Achievement', 'name', 'A',
				'alignment', jsonb_build_array(jsonb_build_object('type', 'Alignment',
					'targetUrl', 'urn:sp:sql', 'targetName', 'SQL', 'targetType', 'CFItem')))),
		'credentialStatus', jsonb_build_object('type', 'BitstringStatusListEntry',
			'statusPurpose', 'revocation', 'statusListIndex', '5',
			'statusListCredential', 'https://sp.example.edu/status/1')),
	priv, 'eddsa-jcs-2022', vm) AS text
FROM k;
CREATE TEMP TABLE sample (arg text, type text, value text);
INSERT INTO sample
SELECT NULL, 'boolean', 'false' UNION ALL
SELECT NULL, 'bytea', '\x7b7d' UNION ALL
SELECT NULL, 'smallint', '1' UNION ALL
SELECT NULL, 'integer', '1' UNION ALL
SELECT NULL, 'bigint', '1' UNION ALL
SELECT NULL, 'double precision', '0.8' UNION ALL
SELECT 'occupation', 'text', 'urn:sp:analyst' UNION ALL
SELECT NULL, 'text', (SELECT text FROM cred) UNION ALL
SELECT NULL, 'jsonb', (SELECT text FROM cred) UNION ALL
SELECT NULL, 'timestamptz', '2026-06-01 00:00:00+00' UNION ALL
SELECT NULL, 'integer[]', (SELECT array_agg(id)::text FROM credreg.competency WHERE framework = 'sp') UNION ALL
SELECT NULL, 'text[]', '{urn:sp:sql,sp:data}' UNION ALL
SELECT NULL, 'credreg.pubkey', 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' UNION ALL
SELECT NULL, 'credreg.skillset', credreg.skills(ARRAY['urn:sp:sql'], ARRAY[3])::text UNION ALL
SELECT NULL, 'credreg.skillquery', credreg.competency_id('urn:sp:data')::text UNION ALL
SELECT NULL, 'bigint[]', '{1}' UNION ALL
-- a stored credential as the registry would hold it (not inserted: that
-- would add a leaf to the Merkle log above)
SELECT NULL, 'credreg.credential', (SELECT ROW(1, sha256(convert_to(text, 'UTF8')), text, x.format, x.issuer,
	x.subject, x.payload, x.skills, '2026-06-01', 'search_path test', x.valid, x.errors, x.status, x.trusted,
	x.valid_from, x.valid_until, x.status_entries, '2026-06-01')::credreg.credential::text
	FROM cred, credreg.registry_examine(text) x) UNION ALL
SELECT NULL, 'credreg.stackrule',
	'{"id": "r", "root": {"type": "all", "id": "root", "children": [
		{"type": "items", "id": "d", "select": {"tag": "data"}, "minItems": 1},
		{"type": "competency", "id": "s", "target": {"uri": "urn:sp:data"}, "match": {"narrower": true}}]}}' UNION ALL
SELECT NULL, 'credreg.stack_item', ROW('a1', 'urn:ach:1', NULL, NULL, NULL, NULL, '{data}', 1, 3,
	'2026-02-01', NULL, NULL, true, true, '[{"targetUrl": "urn:sp:sql", "level": 3}]')::credreg.stack_item::text UNION ALL
SELECT NULL, 'credreg.stack_item[]', ARRAY[ROW('a1', 'urn:ach:1', NULL, NULL, NULL, NULL, '{data}', 1, 3,
	'2026-02-01', NULL, NULL, true, true, NULL)::credreg.stack_item,
	ROW('a2', 'urn:ach:2', NULL, NULL, NULL, NULL, NULL, 1, 3,
	'2026-02-01', NULL, NULL, true, true, '[{"targetUrl": "urn:sp:sql", "level": 3}]')::credreg.stack_item]::text UNION ALL
SELECT 'alg', 'text', 'EdDSA' UNION ALL
SELECT 'hash', 'text', 'sha256' UNION ALL
SELECT 'suite', 'text', 'eddsa-jcs-2022' UNION ALL
SELECT 'verification_method', 'text', (SELECT vm FROM k) UNION ALL
SELECT 'private_key', 'text', (SELECT priv FROM k) UNION ALL
SELECT 'protected_header', 'text', '{"alg":"EdDSA"}' UNION ALL
SELECT 'id', 'text', 'https://sp.example.edu/keys/1' UNION ALL
SELECT 'url', 'text', 'https://sp.example.edu/status/1' UNION ALL
SELECT 'purpose', 'text', 'revocation' UNION ALL
SELECT 'issuer', 'text', (SELECT did FROM k) UNION ALL
SELECT 'encoded_list', 'text', credreg.status_list_set(credreg.status_list_create(), 5, true) UNION ALL
SELECT 'list', 'text', credreg.status_list_set(credreg.status_list_create(), 5, true) UNION ALL
SELECT 'index', 'integer', '5' UNION ALL
SELECT 'indexes', 'integer[]', '{5,6}' UNION ALL
SELECT 'size', 'integer', '131072' UNION ALL
SELECT 'credential_status', 'jsonb', (SELECT (text::jsonb -> 'credentialStatus')::text FROM cred) UNION ALL
SELECT 'nquads', 'text', E'<urn:a> <urn:b> _:x .\n_:x <urn:c> "d" .\n' UNION ALL
SELECT 'base', 'text', NULL UNION ALL
SELECT 'tbl', 'regclass', 'credreg.trusted_issuer' UNION ALL
SELECT 'ref', 'text', 'urn:sp:sql' UNION ALL
SELECT 'refs', 'text[]', '{urn:sp:sql}' UNION ALL
SELECT 'levels', 'integer[]', '{3}' UNION ALL
SELECT 'policy', 'jsonb', '{}' UNION ALL
SELECT 'norm', 'text', 'sql databases' UNION ALL
SELECT 'query_norm', 'text', 'sql' UNION ALL
SELECT 'query', 'text', 'sql' UNION ALL
SELECT 'common', 'integer[]', NULL UNION ALL
SELECT 'directory', 'text', '/nonexistent/credreg' UNION ALL
SELECT 'path', 'text', '/nonexistent/credreg' UNION ALL
SELECT 'name', 'text', 'Content_Model_Reference' UNION ALL
SELECT 'package', 'jsonb', '{"CFDocument": {"identifier": "d1", "uri": "urn:case:sp", "title": "Doc"},
	"CFItems": [{"identifier": "i1", "uri": "urn:case:sp:i1", "fullStatement": "Item one", "humanCodingScheme": "I1"}],
	"CFAssociations": [{"associationType": "isChildOf", "originNodeURI": {"uri": "urn:case:sp:i1"},
		"destinationNodeURI": {"uri": "urn:case:sp"}}]}' UNION ALL
SELECT 'framework_key', 'text', 'spcase' UNION ALL
SELECT 'items', 'jsonb', '[{"id": "a1", "tags": ["data"], "alignments": [{"targetUrl": "urn:sp:sql", "level": 3}]}]' UNION ALL
SELECT 'candidates', 'jsonb', '[{"achievement": "urn:ach:2", "tags": ["data"]}]' UNION ALL
SELECT 'exceptions', 'jsonb', NULL UNION ALL
SELECT 'i', 'bigint', '1' UNION ALL
SELECT 'n', 'bigint', '5' UNION ALL
SELECT 'content_hash', 'bytea', sha256('sp leaf 2')::text UNION ALL
SELECT 'content_hashes', 'bytea[]', ARRAY[sha256('sp leaf 2'), sha256('sp leaf 3')]::text UNION ALL
SELECT 'leaf_hash', 'bytea', credreg.log_leaf_hash(sha256('sp leaf 0'))::text UNION ALL
SELECT 'leaf_index', 'bigint', '0' UNION ALL
SELECT 'tree_size', 'bigint', '2' UNION ALL
SELECT 'root', 'bytea', credreg.log_root(2)::text UNION ALL
SELECT 'proof', 'bytea[]', credreg.log_inclusion_proof(0, 2)::text UNION ALL
SELECT 'old_size', 'bigint', '1' UNION ALL
SELECT 'new_size', 'bigint', '2' UNION ALL
SELECT 'old_root', 'bytea', credreg.log_root(1)::text UNION ALL
SELECT 'new_root', 'bytea', credreg.log_root(2)::text;

-- every function of the extension that SQL can call directly, with a call
-- built from the samples; types are written schema.name, which no search
-- path changes
CREATE TEMP TABLE call AS
WITH f AS (
	SELECT p.oid, p.prokind, p.proretset,
		coalesce(p.proallargtypes, p.proargtypes::oid[]) AS types,
		coalesce(p.proargmodes, array_fill('i'::"char", ARRAY[p.pronargs])) AS modes,
		p.proargnames AS names
	FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
		JOIN pg_extension e ON e.oid = d.refobjid
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'credreg'
),
arg AS (
	SELECT f.oid, a.i, a.t, f.names[a.i] AS name
	FROM f, unnest(f.types, f.modes) WITH ORDINALITY AS a(t, m, i)
	WHERE a.m IN ('i', 'b', 'v')
),
val AS (
	SELECT arg.oid, arg.i,
		coalesce((SELECT quote_nullable(s.value) FROM sample s WHERE s.arg = arg.name AND s.type::regtype = arg.t),
				 (SELECT quote_nullable(s.value) FROM sample s WHERE s.arg IS NULL AND s.type::regtype = arg.t))
		|| '::' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS lit,
		t.typtype = 'p' AS pseudo
	FROM arg JOIN pg_type t ON t.oid = arg.t JOIN pg_namespace n ON n.oid = t.typnamespace
)
SELECT f.oid::regprocedure AS fn,
	CASE WHEN f.prokind = 'a'
		 THEN format('SELECT %s.%I(%s)::pg_catalog.text', n.nspname, p.proname,
					 (SELECT string_agg(lit, ', ' ORDER BY i) FROM val WHERE val.oid = f.oid))
		 ELSE format('SELECT pg_catalog.array_agg(r::pg_catalog.text)::pg_catalog.text FROM %s.%I(%s) AS r',
					 n.nspname, p.proname,
					 (SELECT string_agg(lit, ', ' ORDER BY i) FROM val WHERE val.oid = f.oid)) END AS q
FROM f JOIN pg_proc p ON p.oid = f.oid JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE NOT EXISTS (SELECT 1 FROM val WHERE val.oid = f.oid AND (val.pseudo OR val.lit IS NULL))
  AND p.prorettype <> 'trigger'::regtype;

-- the shadows
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.trap() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'hostile shadow called' USING ERRCODE = 'HOSTL';
END $$;
DO $$
DECLARE
	o record;
	n int := 0;
BEGIN
	-- every operator of pg_catalog on ordinary types
	FOR o IN SELECT op.oid, op.oprname, op.oprleft, op.oprright, op.oprresult FROM pg_operator op
			  WHERE op.oprnamespace = 'pg_catalog'::regnamespace
				AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE t.oid IN (op.oprleft, op.oprright, op.oprresult)
								AND t.typtype = 'p') LOOP
		n := n + 1;
		BEGIN
			EXECUTE format('CREATE FUNCTION hostile.op%s(%s) RETURNS %s LANGUAGE plpgsql AS %L', n,
				concat_ws(', ', nullif(o.oprleft, 0)::regtype, nullif(o.oprright, 0)::regtype),
				o.oprresult::regtype, 'BEGIN PERFORM hostile.trap(); RETURN NULL; END');
			EXECUTE format('CREATE OPERATOR hostile.%s (%s PROCEDURE = hostile.op%s)', o.oprname,
				concat_ws(', ', 'LEFTARG = ' || nullif(o.oprleft, 0)::regtype,
						  'RIGHTARG = ' || nullif(o.oprright, 0)::regtype) || ',', n);
		EXCEPTION WHEN OTHERS THEN
			NULL;	-- a name CREATE OPERATOR refuses (=>) cannot shadow either
		END;
	END LOOP;
	-- every pg_catalog function the extension's SQL and PL/pgSQL bodies name
	FOR o IN SELECT pc.oid, pc.proname, pc.prorettype, pc.proretset FROM pg_proc pc
			  WHERE pc.pronamespace = 'pg_catalog'::regnamespace AND pc.prokind = 'f'
				AND pc.proname IN (SELECT lower(w[1]) FROM pg_proc p,
									   regexp_matches(p.prosrc, '([A-Za-z_][A-Za-z0-9_]*)\s*\(', 'g') AS w
								   WHERE p.pronamespace = 'credreg'::regnamespace
									 AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql')))
				AND NOT EXISTS (SELECT 1 FROM unnest(pc.proargtypes) a JOIN pg_type t ON t.oid = a
								WHERE t.typtype = 'p')
				AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = pc.prorettype AND t.typtype = 'p') LOOP
		n := n + 1;
		BEGIN
			EXECUTE format('CREATE FUNCTION hostile.%I(%s) RETURNS %s%s LANGUAGE plpgsql AS %L',
				o.proname, pg_get_function_identity_arguments(o.oid),
				CASE WHEN o.proretset THEN 'SETOF ' ELSE '' END, o.prorettype::regtype,
				'BEGIN PERFORM hostile.trap(); RETURN' || CASE WHEN o.proretset THEN '' ELSE ' NULL' END || '; END');
		EXCEPTION WHEN OTHERS THEN
			NULL;
		END;
	END LOOP;
	-- common type names that are not SQL keywords
	EXECUTE 'CREATE DOMAIN hostile.text AS pg_catalog.text CHECK (VALUE IS NULL)';
	EXECUTE 'CREATE DOMAIN hostile.jsonb AS pg_catalog.jsonb CHECK (VALUE IS NULL)';
	EXECUTE 'CREATE DOMAIN hostile.bytea AS pg_catalog.bytea CHECK (VALUE IS NULL)';
	EXECUTE 'CREATE DOMAIN hostile.timestamptz AS pg_catalog.timestamptz CHECK (VALUE IS NULL)';
	EXECUTE 'CREATE DOMAIN hostile.int4 AS pg_catalog.int4 CHECK (VALUE IS NULL)';
	EXECUTE 'CREATE DOMAIN hostile.int8 AS pg_catalog.int8 CHECK (VALUE IS NULL)';
	EXECUTE 'CREATE DOMAIN hostile.bool AS pg_catalog.bool CHECK (VALUE IS NULL)';
	-- every table of the extension, empty, in hostile and as a temporary table
	FOR o IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'credreg'::regnamespace AND c.relkind = 'r' LOOP
		EXECUTE format('CREATE TABLE hostile.%I (LIKE credreg.%I)', o.relname, o.relname);
		EXECUTE format('CREATE TEMP TABLE %I (LIKE credreg.%I)', o.relname, o.relname);
	END LOOP;
END $$;

-- Runs q with search_path set to path; its result, or its error.  Written
-- so that no search path changes what it does itself.  What q writes is
-- rolled back (the block's subtransaction, aborted on purpose), so every
-- call sees the same registry: a status list writer or a log append called
-- with one path does not change the answers of the calls after it.
CREATE FUNCTION pg_temp.try(path pg_catalog.text, q pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	r pg_catalog.text;
BEGIN
	PERFORM pg_catalog.set_config('search_path', path, true);
	EXECUTE q INTO r;
	PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
	RAISE EXCEPTION 'undo' USING ERRCODE = 'UNDON';
EXCEPTION
	WHEN SQLSTATE 'UNDON' THEN
		RETURN r;
	WHEN OTHERS THEN
		RETURN pg_catalog.concat('ERROR ', SQLSTATE, ': ', SQLERRM);
END $$;

-- A signed tree head's payload without its timestamp (the clock differs
-- between two calls; Ed25519 signs deterministically, so the rest is equal).
CREATE FUNCTION pg_temp.head_payload(r pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
	SELECT CASE WHEN r LIKE 'ERROR%' THEN r
		ELSE (convert_from(credreg.base64url_decode(split_part(btrim(r, '{}'), '.', 2)), 'UTF8')::jsonb
			  - 'timestamp')::text END $$;

-- the hostile path first, while the caches are cold
SELECT credreg.key_cache_reset();
ALTER TABLE call ADD COLUMN hostile text, ADD COLUMN ordinary text;
UPDATE call SET hostile = pg_temp.try('hostile, pg_catalog', q);
SELECT credreg.key_cache_reset();
UPDATE call SET ordinary = pg_temp.try('credreg, public', q);

-- then the triggers, through DML with the hostile path (after the calls,
-- whose answers they would change); TRUNCATE through a function without a
-- SET clause, which runs under the caller's path
CREATE FUNCTION pg_temp.truncated(t regclass) RETURNS pg_catalog.text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE pg_catalog.concat('TRUNCATE ', t::pg_catalog.oid::pg_catalog.regclass);
	RETURN 'truncated';
END $$;
CREATE TEMP TABLE dml AS
SELECT t.what, pg_temp.try('hostile, pg_catalog', t.q) AS hostile FROM (VALUES
	('context', $$INSERT INTO credreg.context (url, document) VALUES ('https://sp.example.edu/ctx', '{"@context": {"g": "urn:g"}}') RETURNING pg_catalog.encode(sha256, 'hex')$$),
	('status_list', $$UPDATE credreg.status_list SET credential = credential RETURNING pg_catalog.array_to_string(purpose, ',')$$),
	('trusted_issuer', $$UPDATE credreg.trusted_issuer SET name = 'SP2' RETURNING name$$),
	('competency', $$INSERT INTO credreg.competency (framework, uri, label, kind) VALUES ('sp', 'urn:sp:py', 'Python', 'skill') RETURNING label$$),
	('competency_relation', $$DELETE FROM credreg.competency_relation WHERE kind OPERATOR(pg_catalog.=) 'broader' AND src OPERATOR(pg_catalog.=) credreg.competency_id('urn:sp:sql') RETURNING kind$$),
	('truncate status_list', $$SELECT pg_temp.truncated('credreg.status_list')$$),
	('truncate trusted_issuer', $$SELECT pg_temp.truncated('credreg.trusted_issuer')$$),
	('truncate issuer_key', $$SELECT pg_temp.truncated('credreg.issuer_key')$$),
	('truncate credential', $$SELECT pg_temp.truncated('credreg.credential')$$)
	) AS t(what, q);

-- Functions whose answer depends on the backend's state (cache counters, the
-- credential id sequence, which a rolled-back call still advances) or
-- the clock (a proof's created time, an import's duration) are compared by
-- success alone; a signed tree head by its payload but the timestamp.
CREATE TEMP VIEW compared AS
SELECT fn, q,
	CASE WHEN fn::text ~ '^credreg\.log_signed_head(_impl)?\(' THEN pg_temp.head_payload(hostile)
		 WHEN fn::text ~ '(cache|_stats|cache_reset)\(' OR fn::text ~ '^credreg\.(sign|jws_sign|ingest|ingest_ndjson)\('
		 THEN (hostile LIKE 'ERROR%')::text ELSE regexp_replace(hostile, 'seconds[^0-9]*[0-9.]+', 'seconds') END AS hostile,
	CASE WHEN fn::text ~ '^credreg\.log_signed_head(_impl)?\(' THEN pg_temp.head_payload(ordinary)
		 WHEN fn::text ~ '(cache|_stats|cache_reset)\(' OR fn::text ~ '^credreg\.(sign|jws_sign|ingest|ingest_ndjson)\('
		 THEN (ordinary LIKE 'ERROR%')::text ELSE regexp_replace(ordinary, 'seconds[^0-9]*[0-9.]+', 'seconds') END AS ordinary
FROM call;

SELECT is_empty($$
	SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
	 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'credreg')
	   AND p.oid NOT IN (SELECT fn FROM call)
	   AND p.prorettype <> 'trigger'::regtype
	   AND p.oid NOT IN (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend]::oid[]) FROM pg_type)
	   AND p.oid NOT IN (SELECT amproc FROM pg_amproc)
	   AND p.oid NOT IN (SELECT unnest(ARRAY[aggtransfn, aggfinalfn, aggcombinefn, aggserialfn, aggdeserialfn]::oid[])
						 FROM pg_aggregate)$$,
	'every function is called but triggers (run by DML below), type I/O, index and aggregate support');
SELECT cmp_ok((SELECT count(*) FROM call WHERE ordinary NOT LIKE 'ERROR%'), '>=', 90::bigint,
	'most calls answer (' || (SELECT count(*) FROM call WHERE ordinary NOT LIKE 'ERROR%') || '), so the shadows are reached');
SELECT cmp_ok((SELECT count(*) FROM pg_operator WHERE oprnamespace = 'hostile'::regnamespace), '>=', 500::bigint,
	'the hostile schema shadows the operators');
SELECT is_empty($$SELECT fn, hostile FROM call WHERE hostile ~ 'hostile|HOSTL'$$,
	'no function reaches a shadow');
SELECT is_empty($$SELECT fn, hostile, ordinary FROM compared WHERE hostile IS DISTINCT FROM ordinary$$,
	'every function answers the same with the hostile search path');
SELECT is_empty($$SELECT what, hostile FROM dml WHERE hostile LIKE 'ERROR%' OR hostile IS NULL$$,
	'the triggers of every table run with the hostile search path');
SELECT is((SELECT hostile FROM call WHERE fn = 'credreg.taxonomy_level(bigint,bigint)'::regprocedure), '{2}',
	'taxonomy_level (inlined into the caller) names its operators');
SELECT matches((SELECT hostile FROM call WHERE fn = 'credreg.verify(text,timestamp with time zone)'::regprocedure),
	',revoked,t,', 'verify read the status list and the trust list');
SELECT matches((SELECT hostile FROM call WHERE fn = 'credreg.jsonld_to_rdf(text,text,boolean)'::regprocedure),
	'schema.org/targetUrl', 'jsonld_to_rdf read its contexts from credreg.context');
SELECT is((SELECT hostile FROM call WHERE fn = 'credreg.closure(credreg.skillset,jsonb)'::regprocedure),
	(SELECT '{"' || credreg.skills(ARRAY['urn:sp:sql', 'urn:sp:data'], ARRAY[3, 3]) || '"}'),
	'closure read the taxonomy');
SELECT matches((SELECT hostile FROM call
				WHERE fn = 'credreg.stack_evaluate(credreg.stackrule,credreg.stack_item[],timestamp with time zone,jsonb,jsonb)'::regprocedure),
	'\\"complete\\": true', 'stack_evaluate matched a competency requirement through the taxonomy');
SELECT is((SELECT hostile FROM call WHERE fn = 'credreg.taxonomy_level(bigint,bigint)'::regprocedure), '{2}',
	'taxonomy_level (inlined into its caller) names its operators by schema');
SELECT is((SELECT hostile FROM call WHERE fn = 'credreg.log_verify_inclusion(bytea,bigint,bigint,bytea[],bytea)'::regprocedure),
	'{true}', 'log_verify_inclusion accepts a proof the log gave');
SELECT is((SELECT hostile FROM call WHERE fn = 'credreg.log_verify_consistency(bigint,bigint,bytea,bytea,bytea[])'::regprocedure),
	'{true}', 'log_verify_consistency accepts a proof the log gave');
SELECT is((SELECT hostile FROM compared WHERE fn = 'credreg.log_signed_head(text)'::regprocedure),
	(SELECT jsonb_build_object('tree_size', 2, 'root_hash', credreg.base64url_encode(credreg.log_root(2)))::text),
	'log_signed_head signed the log''s head');
SELECT is((SELECT array_agg(hostile ORDER BY fn::text) FROM call WHERE fn::text ~ '^credreg\.status_list_(revoke|update|suspend|reinstate)\('),
	ARRAY['ERROR 22023: status list "https://sp.example.edu/status/1" has no suspension purpose', '{NULL}',
		  'ERROR 22023: status list "https://sp.example.edu/status/1" has no suspension purpose', '{""}'],
	'the status list writers ran (revoke; update, whose purpose sample is revocation) or refused (no suspension list)');
SELECT * FROM finish();
ROLLBACK;
