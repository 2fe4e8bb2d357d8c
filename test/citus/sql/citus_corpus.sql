-- The interoperability corpus (test/vectors/corpus, as test/verify_corpus.sql
-- reads it) verified on Citus: the credentials in a table distributed by id
-- (every verification runs on a worker, in a query on a shard), the trust
-- list and status lists in reference tables.  The single-node answer is the
-- same query over a plain table on the coordinator; the two must be equal,
-- and equal to what the corpus says each line is.
\set keys `cat test/vectors/corpus/keys.json`
\set lists `cat test/vectors/status/corpus/status-lists.json`
SET client_min_messages = warning;
CREATE TABLE corpus_raw (file text, line text);
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt-eddsa' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt-eddsa.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt-es256' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt-es256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt-es256.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt11-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt11-eddsa' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt11-eddsa.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt11-eddsa.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt11-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt11-es256' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt11-es256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt11-es256.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa-status.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'vc-jwt-eddsa-status' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ob3-eddsa-jcs-2022' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ob3-eddsa-jcs-2022.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/ob3-eddsa-rdfc-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ob3-eddsa-rdfc-2022' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/ob3-eddsa-rdfc-2022.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ob3-eddsa-rdfc-2022.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/ecdsa-rdfc-2019-p256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ecdsa-rdfc-2019-p256' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/corpus/ecdsa-rdfc-2019-p256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ecdsa-rdfc-2019-p256.tampered' WHERE file IS NULL;
\copy corpus_raw(line) FROM 'test/vectors/status/corpus/ob3-status-eddsa-rdfc-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE corpus_raw SET file = 'ob3-status-eddsa-rdfc-2022' WHERE file IS NULL;

-- the registry, written on the coordinator into the reference tables (the
-- status list trigger verifies each list on every node)
INSERT INTO credreg.trusted_issuer (issuer, name)
SELECT k->>'did', 'corpus ' || (k->>'label')
  FROM jsonb_array_elements(((:'keys')::jsonb->'ed25519') || ((:'keys')::jsonb->'p256')) AS k;
INSERT INTO credreg.status_list (url, credential)
SELECT u, CASE jsonb_typeof((:'lists')::jsonb->u->'credential') WHEN 'string' THEN (:'lists')::jsonb->u->>'credential'
               ELSE ((:'lists')::jsonb->u->'credential')::text END
  FROM unnest(ARRAY['https://status.example.edu/credentials/status/1',
                    'https://status.example.edu/credentials/status/2']) AS u;
-- every node holds the registry
SELECT nodeid, result
  FROM run_command_on_all_nodes($$SELECT (SELECT count(*) FROM credreg.trusted_issuer) || ' issuers, '
                                       || (SELECT count(*) FROM credreg.status_list) || ' lists'$$)
 ORDER BY nodeid;

CREATE TABLE corpus_local AS
SELECT file, l->>'id' AS id, l->>'expected' AS expected,
       CASE jsonb_typeof(l->'credential') WHEN 'string' THEN l->>'credential'
            ELSE (l->'credential')::text END AS credential
  FROM (SELECT file, line::jsonb AS l FROM corpus_raw) s;
CREATE TABLE corpus (LIKE corpus_local);
SELECT create_distributed_table('corpus', 'id');
INSERT INTO corpus SELECT * FROM corpus_local;
SELECT count(*) AS lines, count(DISTINCT get_shard_id_for_distribution_column('corpus', id)) AS shards
  FROM corpus_local;

-- The verification runs on the workers: the planner sends the whole query
-- to every shard (Task Count) and the coordinator only adds the counts.
CREATE FUNCTION plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		RETURN NEXT regexp_replace(line, 'port=[0-9]+|_[0-9]{6}\M', '', 'g');
	END LOOP;
END $$;
SELECT * FROM plan_of($$SELECT count(*) FILTER (WHERE credreg.is_valid(credential, '2026-06-01T00:00:00Z')) FROM corpus$$);

-- single node (the coordinator's plain table) and distributed answers
CREATE TABLE single_answer AS
SELECT id, v.valid, v.format, v.issuer, v.key_id, v.status, v.trusted, v.errors, v.checks,
       credreg.is_valid(credential, '2026-06-01T00:00:00Z') AS fast,
       (credreg.registry_examine(credential)).skills AS skills
  FROM corpus_local, LATERAL credreg.verify(credential, '2026-06-01T00:00:00Z') v;
CREATE TABLE distributed_answer AS
SELECT id, v.valid, v.format, v.issuer, v.key_id, v.status, v.trusted, v.errors, v.checks,
       credreg.is_valid(credential, '2026-06-01T00:00:00Z') AS fast,
       (credreg.registry_examine(credential)).skills AS skills
  FROM corpus, LATERAL credreg.verify(credential, '2026-06-01T00:00:00Z') v;
SELECT (SELECT count(*) FROM single_answer) AS single_node,
       (SELECT count(*) FROM distributed_answer) AS distributed,
       (SELECT count(*) FROM (SELECT id, valid, format, issuer, key_id, status, trusted, errors::text, checks::text, fast, skills::text FROM single_answer
                              EXCEPT SELECT id, valid, format, issuer, key_id, status, trusted, errors::text, checks::text, fast, skills::text FROM distributed_answer) d) AS only_single,
       (SELECT count(*) FROM (SELECT id, valid, format, issuer, key_id, status, trusted, errors::text, checks::text, fast, skills::text FROM distributed_answer
                              EXCEPT SELECT id, valid, format, issuer, key_id, status, trusted, errors::text, checks::text, fast, skills::text FROM single_answer) d) AS only_distributed;

-- per file: valid, revoked, and lines whose outcome is not the corpus's (none)
SELECT c.file, count(*) FILTER (WHERE a.valid) AS valid, count(*) FILTER (WHERE a.status = 'revoked') AS revoked,
       count(*) FILTER (WHERE a.valid IS DISTINCT FROM (c.expected = 'valid')) AS unexpected
  FROM corpus_local c JOIN distributed_answer a USING (id)
 GROUP BY c.file ORDER BY c.file;

-- a change to the trust list reaches every node's cache: untrusting one
-- issuer turns its credentials invalid on the workers at once
SELECT count(*) AS valid_before FROM corpus WHERE credreg.is_valid(credential, '2026-06-01T00:00:00Z');
SELECT issuer AS untrusted FROM distributed_answer WHERE valid ORDER BY id LIMIT 1 \gset
DELETE FROM credreg.trusted_issuer WHERE issuer = :'untrusted';
SELECT count(*) AS valid_after FROM corpus WHERE credreg.is_valid(credential, '2026-06-01T00:00:00Z');
SELECT count(*) AS valid_after_single_node FROM corpus_local WHERE credreg.is_valid(credential, '2026-06-01T00:00:00Z');

-- a role with no more than PUBLIC's rights on credreg verifies on the
-- workers too (Citus copied the grants onto the placements the caches read)
DROP ROLE IF EXISTS credreg_citus_reader;  -- left by an interrupted run (roles are cluster-wide)
CREATE ROLE credreg_citus_reader LOGIN;
GRANT SELECT ON corpus TO credreg_citus_reader;
SET ROLE credreg_citus_reader;
SELECT count(*) AS valid_as_reader FROM corpus WHERE credreg.is_valid(credential, '2026-06-01T00:00:00Z');
RESET ROLE;
DROP TABLE corpus, corpus_local, corpus_raw, single_answer, distributed_answer;
DROP ROLE credreg_citus_reader;
DROP FUNCTION plan_of(text);
TRUNCATE credreg.trusted_issuer, credreg.status_list;
