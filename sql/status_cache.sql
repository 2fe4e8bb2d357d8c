-- The status list cache is per backend: a change committed in another
-- session must reach it.  A second session is opened with dblink.
SET search_path = credreg, public;
SET client_min_messages = error;
CREATE EXTENSION dblink;
-- Lists are signed with the W3C vc-di-eddsa test key: the verifier's trigger
-- stores only lists that verify.  pg_temp.list(bits) is a signed list with those bits set.
CREATE FUNCTION pg_temp.list(bits integer[]) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT credreg.sign(credreg.status_list_credential('https://reg.example.edu/status/c', 'revocation',
    credreg.status_list_set(credreg.status_list_create(), bits, true),
    'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
    'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-jcs-2022',
    'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2') $$;
SELECT dblink_connect('other', format('host=%s port=%s dbname=%s user=%s',
       split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'),
       current_database(), current_user));

INSERT INTO status_list (url, credential)
VALUES ('https://reg.example.edu/status/c', pg_temp.list('{}'));
CREATE TEMP VIEW entry AS
  SELECT ok, status, code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
    "statusListIndex": "42", "statusListCredential": "https://reg.example.edu/status/c"}', '2026-06-01');

-- One list, a thousand lookups: it is read from the table and decoded once.
CREATE TEMP TABLE before AS SELECT * FROM status_list_cache();
SELECT count(*) FILTER (WHERE s.ok AND s.code IS NULL) AS active
  FROM generate_series(1, 1000) AS i,
       status_check(jsonb_build_object('type', 'BitstringStatusListEntry', 'statusPurpose', 'revocation',
                      'statusListIndex', i::text, 'statusListCredential', 'https://reg.example.edu/status/c'),
                    '2026-06-01') AS s;
SELECT a.lookups - b.lookups AS lookups, a.reads - b.reads AS reads, a.decodes - b.decodes AS decodes,
       a.lists, a.bytes
  FROM status_list_cache() a, before b;
DROP TABLE before;

-- This session caches the list (bit 42 clear).
SELECT * FROM entry;
-- The other session revokes index 42 and commits.
SELECT dblink_exec('other', format($$UPDATE credreg.status_list SET credential = %L
 WHERE url = 'https://reg.example.edu/status/c'$$, pg_temp.list('{42}')));
-- This session's next transaction sees the revocation.
SELECT * FROM entry;
-- The other session's cache agrees.
SELECT * FROM dblink('other', $$SELECT ok, status, code FROM credreg.status_check('{"type": "BitstringStatusListEntry",
  "statusPurpose": "revocation", "statusListIndex": "42",
  "statusListCredential": "https://reg.example.edu/status/c"}', '2026-06-01')$$) AS t(ok boolean, status int, code text);
-- The other session deletes the list: unavailable here.
SELECT dblink_exec('other', $$DELETE FROM credreg.status_list WHERE url = 'https://reg.example.edu/status/c'$$);
SELECT * FROM entry;
-- A list stored by the other session after this one cached "not stored" is found.
SELECT dblink_exec('other', format($$INSERT INTO credreg.status_list (url, credential)
  VALUES ('https://reg.example.edu/status/c', %L)$$, pg_temp.list('{42}')));
SELECT * FROM entry;

-- Within one transaction this session also sees its own changes at once.
BEGIN;
UPDATE status_list SET credential = pg_temp.list('{}');
SELECT * FROM entry;
ROLLBACK;
SELECT * FROM entry;

-- In parallel workers (which cannot take a new snapshot) the check gives the same answers.
CREATE TABLE public.many AS
  SELECT jsonb_build_object('type', 'BitstringStatusListEntry', 'statusPurpose', 'revocation',
           'statusListIndex', (i % 100)::text, 'statusListCredential', 'https://reg.example.edu/status/c') AS entry
    FROM generate_series(1, 5000) AS i;
ANALYZE public.many;
SELECT status_of(entry, '2026-06-01') AS status, count(*) FROM many GROUP BY 1 ORDER BY 1;
SET force_parallel_mode = on;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF) SELECT status_of(entry, '2026-06-01') AS status, count(*) FROM many GROUP BY 1 ORDER BY 1;
SELECT status_of(entry, '2026-06-01') AS status, count(*) FROM many GROUP BY 1 ORDER BY 1;
RESET force_parallel_mode;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP TABLE public.many;

SELECT dblink_disconnect('other');
DELETE FROM status_list;
DROP VIEW entry;
DROP EXTENSION dblink;
