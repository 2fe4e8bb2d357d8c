-- The persisted compiled taxonomy (credreg.taxonomy_snapshot, issue 9 item
-- 3): a new session answers from the snapshot, and never from one that is
-- not the taxonomy it sees: after another session's committed change, an
-- uncommitted or rolled-back one, this transaction's own change and its
-- rollback, two sessions changing it at once, a damaged snapshot.  This
-- session is long-lived; "fresh" sessions (dblink) are opened per check.
-- No transaction wraps the file: the changes must commit, so it cleans up
-- after itself.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

SET search_path = credreg, public;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS dblink SCHEMA public;
SELECT plan(33);

CREATE FUNCTION pg_temp.connstr() RETURNS text LANGUAGE sql AS $$
  SELECT format('host=%s port=%s dbname=%s user=%s',
                split_part(current_setting('unix_socket_directories'), ',', 1),
                current_setting('port'), current_database(), current_user)
$$;
-- runs each query (one text column, one row) in a new session, joins the answers
CREATE FUNCTION pg_temp.fresh(VARIADIC q text[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r text;
  answers text[] := '{}';
BEGIN
  PERFORM public.dblink_connect('fresh', pg_temp.connstr());
  FOR i IN 1 .. cardinality(q) LOOP
    SELECT t.r INTO r FROM public.dblink('fresh', q[i]) AS t(r text);
    answers := answers || coalesce(r, 'NULL');
  END LOOP;
  PERFORM public.dblink_disconnect('fresh');
  RETURN array_to_string(answers, ' | ');
END $$;
CREATE FUNCTION pg_temp.other(sql text) RETURNS void LANGUAGE sql AS $$
  SELECT NULL::void FROM public.dblink_exec('other', sql)
$$;
-- the closure of {uri:3} as URIs, in a stable order
CREATE FUNCTION pg_temp.closure_of(uri text) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(c.uri || ':' || e.level, ',' ORDER BY c.uri)
    FROM credreg.skillset_each(credreg.closure(credreg.skills(ARRAY[uri], ARRAY[3]))) e
    JOIN credreg.competency c ON c.id = e.id
$$;
-- the same query text for the fresh sessions (they run it as SQL)
CREATE TEMP VIEW q AS SELECT
  $$SELECT string_agg(c.uri || ':' || e.level, ',' ORDER BY c.uri)
      FROM credreg.skillset_each(credreg.closure(credreg.skills(ARRAY['urn:snap:sql'], ARRAY[3]))) e
      JOIN credreg.competency c ON c.id = e.id$$::text AS closure_sql,
  $$SELECT source FROM credreg.taxonomy_cache_stats()$$::text AS source,
  $$SELECT count(*)::text FROM credreg.taxonomy_snapshot$$::text AS rows;

SELECT dblink_connect('other', pg_temp.connstr());

DELETE FROM competency WHERE framework = 'snap';
DELETE FROM framework WHERE key = 'snap';
INSERT INTO framework (key, name) VALUES ('snap', 'snapshot test');
INSERT INTO competency (framework, uri, code, label, kind) VALUES
  ('snap', 'urn:snap:data', 'data', 'Data', 'skill'),
  ('snap', 'urn:snap:db', 'db', 'Databases', 'skill'),
  ('snap', 'urn:snap:sql', 'sql', 'SQL', 'skill'),
  ('snap', 'urn:snap:py', 'py', 'Python', 'skill');
INSERT INTO competency_relation (src, dst, kind)
SELECT competency_id('urn:snap:sql'), competency_id('urn:snap:db'), 'broader';

-- the committed change wrote the snapshot
SELECT is((SELECT count(*)::int FROM taxonomy_snapshot), 1, 'one snapshot row after the committed changes');
SELECT is((SELECT competencies FROM taxonomy_snapshot), (SELECT count(*)::int FROM competency),
  'the snapshot holds every competency');
SELECT is(pg_temp.closure_of('urn:snap:sql'), 'urn:snap:db:3,urn:snap:sql:3', 'closure here');

-- a new session: an exact URI is looked up in the table's index, the image is not loaded
SELECT is(pg_temp.fresh($$SELECT credreg.competency_id('urn:snap:sql')::text$$, (SELECT source FROM q)),
  (SELECT competency_id('urn:snap:sql'))::text || ' | none',
  'a new session resolves a URI without loading the compiled taxonomy');
SELECT is(pg_temp.fresh($$SELECT count(DISTINCT credreg.skills(ARRAY['urn:snap:sql', 'urn:snap:db'])::text)::text
                          FROM generate_series(1, 500)$$, (SELECT source FROM q)),
  '1 | none', 'the same URIs resolved 1,000 times (a recheck does that) still load nothing');
SELECT is(pg_temp.fresh($$SELECT credreg.competency_id('snap:sql')::text$$, (SELECT source FROM q)),
  (SELECT competency_id('urn:snap:sql'))::text || ' | snapshot',
  'a code loads the compiled taxonomy from the snapshot');
SELECT is(pg_temp.fresh($$SELECT credreg.competency_id('urn:snap:sql/')::text$$),
  (SELECT competency_id('urn:snap:sql'))::text, 'a trailing slash still resolves in a new session');
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q), (SELECT source FROM q)),
  'urn:snap:db:3,urn:snap:sql:3 | snapshot', 'a new session''s closure comes from the snapshot');
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q),
    $$SELECT (bytes < (SELECT length(image) FROM credreg.taxonomy_snapshot))::text FROM credreg.taxonomy_cache_stats()$$,
    $$SELECT credreg.match(credreg.skills(ARRAY['urn:snap:sql'], ARRAY[3]), credreg.skills(ARRAY['urn:snap:db'], ARRAY[2]))
             #>> '{requirements,0,by,label}'$$,
    $$SELECT (bytes = (SELECT length(image) FROM credreg.taxonomy_snapshot))::text FROM credreg.taxonomy_cache_stats()$$),
  'urn:snap:db:3,urn:snap:sql:3 | true | SQL | true',
  'a closure reads only the graph region; match''s labels read the names from the same row');

-- another session's committed change: this session and new ones see it
SELECT pg_temp.other($$INSERT INTO credreg.competency_relation (src, dst, kind)
  SELECT credreg.competency_id('urn:snap:db'), credreg.competency_id('urn:snap:data'), 'broader'$$);
SELECT is(pg_temp.closure_of('urn:snap:sql'), 'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3',
  'another session''s committed relation: seen here');
SELECT is((SELECT source FROM taxonomy_cache_stats()), 'snapshot', '... from the snapshot it wrote');
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q), (SELECT source FROM q)),
  'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3 | snapshot', '... and by a new session, from the snapshot');

-- uncommitted, then rolled back: never seen, and the snapshot stays
SELECT pg_temp.other('BEGIN');
SELECT pg_temp.other($$DELETE FROM credreg.competency_relation
  WHERE src = credreg.competency_id('urn:snap:db')$$);
SELECT is(pg_temp.closure_of('urn:snap:sql'), 'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3',
  'another session''s uncommitted delete: not seen here');
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q), (SELECT source FROM q)),
  'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3 | snapshot',
  '... nor by a new session, which still reads the snapshot');
SELECT pg_temp.other('ROLLBACK');
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q), (SELECT source FROM q), (SELECT rows FROM q)),
  'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3 | snapshot | 1',
  'after its rollback: the same snapshot, the same answer');

-- this transaction's own change: seen by its next statement, from the tables
BEGIN;
INSERT INTO competency_relation (src, dst, kind)
SELECT competency_id('urn:snap:py'), competency_id('urn:snap:data'), 'broader';
SELECT is(pg_temp.closure_of('urn:snap:py'), 'urn:snap:data:3,urn:snap:py:3',
  'this transaction''s relation: seen by its next statement');
SELECT is((SELECT source FROM taxonomy_cache_stats()), 'tables', '... compiled from the tables, not the snapshot');
SELECT is((SELECT count(*)::int FROM taxonomy_snapshot), 0, '... whose row the change deleted');
SELECT is(pg_temp.fresh($$SELECT credreg.competency_id('snap:py')::text$$, (SELECT source FROM q)),
  (SELECT competency_id('urn:snap:py'))::text || ' | snapshot',
  'a new session meanwhile reads the committed snapshot');
ROLLBACK;
SELECT is(pg_temp.closure_of('urn:snap:py'), 'urn:snap:py:3', 'after ROLLBACK the relation is gone');
SELECT is((SELECT source FROM taxonomy_cache_stats()), 'snapshot', '... and the snapshot is back in use');

-- two sessions changing the taxonomy at once: the second waits for the
-- first to commit, and the snapshot it writes holds both changes
SELECT dblink_connect('second', pg_temp.connstr());
SELECT pg_temp.other('BEGIN');
SELECT pg_temp.other($$INSERT INTO credreg.competency_relation (src, dst, kind)
  SELECT credreg.competency_id('urn:snap:py'), credreg.competency_id('urn:snap:db'), 'broader'$$);
SELECT dblink_send_query('second', $$INSERT INTO credreg.competency (framework, uri, code, label, kind)
  VALUES ('snap', 'urn:snap:r', 'r', 'R', 'skill')$$);
SELECT pg_sleep(0.2);
SELECT is(dblink_is_busy('second'), 1, 'the second writer waits for the first');
SELECT pg_temp.other('COMMIT');
SELECT is((SELECT status FROM dblink_get_result('second') AS t(status text)), 'INSERT 0 1',
  'and goes on once it committed');
SELECT dblink_disconnect('second');
SELECT is(pg_temp.fresh($$SELECT credreg.competency_id('snap:r')::text$$,
  $$SELECT (credreg.closure(credreg.skills(ARRAY['urn:snap:py'])) OPERATOR(credreg.@>)
            credreg.skills(ARRAY['urn:snap:db']))::text$$, (SELECT source FROM q)),
  (SELECT competency_id('urn:snap:r'))::text || ' | true | snapshot',
  'a new session''s snapshot holds both sessions'' changes');
SELECT is((SELECT competencies FROM taxonomy_snapshot), (SELECT count(*)::int FROM competency),
  'the snapshot counts every competency');

-- the snapshot and the tables give the same closure for every competency
-- (a statement that changes nothing makes this transaction compile the tables)
BEGIN;
UPDATE competency SET label = label WHERE false;
SELECT is(pg_temp.fresh($$SELECT string_agg(c.uri || '=' || credreg.closure(credreg.skillset(ARRAY[c.id], ARRAY[2]))::text, ';' ORDER BY c.id)
                          FROM credreg.competency c$$),
  (SELECT string_agg(c.uri || '=' || credreg.closure(credreg.skillset(ARRAY[c.id], ARRAY[2]))::text, ';' ORDER BY c.id)
     FROM credreg.competency c),
  'the snapshot answers as the tables for every competency');
SELECT is((SELECT source FROM taxonomy_cache_stats()), 'tables', '... compared with a compilation of the tables');
ROLLBACK;

-- a damaged snapshot is not used; refresh writes it again
UPDATE taxonomy_snapshot SET image = '\x00112233';
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q), (SELECT source FROM q)),
  'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3 | tables', 'a damaged snapshot: compiled from the tables');
SELECT cmp_ok(taxonomy_snapshot_refresh(), '>', 0::bigint, 'taxonomy_snapshot_refresh writes it again');
SELECT is(pg_temp.fresh((SELECT closure_sql FROM q), (SELECT source FROM q), (SELECT rows FROM q)),
  'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3 | snapshot | 1', '... and new sessions use it');

-- TRUNCATE (no row trigger) also keeps this transaction off the snapshot
BEGIN;
TRUNCATE competency_relation;
SELECT is(pg_temp.closure_of('urn:snap:sql'), 'urn:snap:sql:3', 'after TRUNCATE this transaction sees no relation');
SELECT is((SELECT source FROM taxonomy_cache_stats()), 'tables', '... compiled from the tables');
ROLLBACK;
SELECT is(pg_temp.closure_of('urn:snap:sql'), 'urn:snap:data:3,urn:snap:db:3,urn:snap:sql:3',
  'rolled back: the relations are back');

SELECT * FROM finish();

SELECT dblink_disconnect('other');
DELETE FROM competency WHERE framework = 'snap';
DELETE FROM framework WHERE key = 'snap';
DROP EXTENSION dblink;
