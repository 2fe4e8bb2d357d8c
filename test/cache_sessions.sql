-- Two sessions and the per-backend caches (issue 10 item 2): this session is
-- the long-lived verifier; a second one (dblink) changes the registry.  After
-- the other session updates or deletes a trusted issuer, revokes a key or
-- changes a status list, the next statement here sees it; a rolled-back
-- change leaves no stale entry; a change by this transaction's earlier
-- statement is seen by its next statement.  No transaction wraps the file:
-- the changes must commit, so it cleans up after itself.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

SET search_path = credreg, public;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS dblink SCHEMA public;
SELECT plan(28);

SELECT dblink_connect('other', format('host=%s port=%s dbname=%s user=%s',
                      split_part(current_setting('unix_socket_directories'), ',', 1),
                      current_setting('port'), current_database(), current_user));

-- the second W3C vc-di-eddsa test key issues here, with a registry key too
CREATE TEMP TABLE k AS
SELECT 'z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7'::text AS pub,
       'z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW'::text AS priv,
       'did:key:z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7'::text AS did,
       'https://cache-test.example/keys#1'::text AS kid,
       'https://cache-test.example/status/1'::text AS list_url;
DELETE FROM trusted_issuer WHERE issuer = (SELECT did FROM k);
DELETE FROM issuer_key WHERE key_id = (SELECT kid FROM k);
DELETE FROM status_list WHERE url = (SELECT list_url FROM k);
INSERT INTO trusted_issuer (issuer, name) SELECT did, 'cache session test' FROM k;
INSERT INTO issuer_key (key_id, issuer, public_key) SELECT kid, did, pub::pubkey FROM k;

CREATE FUNCTION pg_temp.list(bit7 boolean) RETURNS text LANGUAGE sql AS $$
  SELECT credreg.sign(credreg.status_list_credential(list_url, 'revocation',
                        credreg.status_list_set(credreg.status_list_create(), 7, bit7), did),
                      priv, 'vc+jwt', did || '#' || pub)
    FROM k
$$;
INSERT INTO status_list (url, credential) SELECT list_url, pg_temp.list(false) FROM k;

-- a vc+jwt signed with the registry key (kid), with a status entry at index 7
CREATE TEMP TABLE c AS
SELECT sign(jsonb_build_object(
              '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
              'type', jsonb_build_array('VerifiableCredential'),
              'issuer', did, 'validFrom', '2025-01-01T00:00:00Z',
              'credentialSubject', jsonb_build_object('id', 'did:example:learner'),
              'credentialStatus', jsonb_build_object(
                 'type', 'BitstringStatusListEntry', 'statusPurpose', 'revocation',
                 'statusListIndex', '7', 'statusListCredential', list_url)),
            priv, 'vc+jwt', kid) AS jwt
  FROM k;
-- what the verifier says: the error codes, or 'valid'
CREATE FUNCTION pg_temp.verdict() RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN v.valid THEN 'valid'
              ELSE array_to_string(ARRAY(SELECT split_part(e, ':', 1) FROM unnest(v.errors) e), ' ') END
    FROM c, LATERAL credreg.verify(c.jwt, '2026-06-01') v
$$;
CREATE FUNCTION pg_temp.other(sql text) RETURNS void LANGUAGE sql AS $$
  SELECT NULL::void FROM public.dblink_exec('other', sql)
$$;

SELECT is(pg_temp.verdict(), 'valid', 'the credential verifies (every cache filled)');

-- trusted issuer: updated, deleted, inserted by the other session
SELECT pg_temp.other(format('UPDATE credreg.trusted_issuer SET revoked_at = %L WHERE issuer = %L',
                            '2020-01-01Z', (SELECT did FROM k)));
SELECT is(pg_temp.verdict(), 'untrusted_issuer', 'another session revoked the issuer''s trust: seen');
SELECT pg_temp.other(format('UPDATE credreg.trusted_issuer SET revoked_at = NULL WHERE issuer = %L',
                            (SELECT did FROM k)));
SELECT is(pg_temp.verdict(), 'valid', 'another session restored it: seen');
SELECT pg_temp.other(format('DELETE FROM credreg.trusted_issuer WHERE issuer = %L', (SELECT did FROM k)));
SELECT is(pg_temp.verdict(), 'untrusted_issuer', 'another session deleted the issuer: seen');
SELECT pg_temp.other(format('INSERT INTO credreg.trusted_issuer (issuer) VALUES (%L)', (SELECT did FROM k)));
SELECT is(pg_temp.verdict(), 'valid', 'another session inserted it again: seen');

-- the other session's change is invisible until it commits, and a rollback leaves it so
SELECT pg_temp.other('BEGIN');
SELECT pg_temp.other(format('DELETE FROM credreg.trusted_issuer WHERE issuer = %L', (SELECT did FROM k)));
SELECT is(pg_temp.verdict(), 'valid', 'an uncommitted delete in another session is not seen');
SELECT pg_temp.other('ROLLBACK');
SELECT is(pg_temp.verdict(), 'valid', 'after its rollback the issuer is still trusted');

-- this session's own transaction: the next statement sees the change, a rollback undoes it
BEGIN;
SELECT is(pg_temp.verdict(), 'valid', 'in a transaction: valid');
DELETE FROM trusted_issuer WHERE issuer = (SELECT did FROM k);
SELECT is(pg_temp.verdict(), 'untrusted_issuer', 'the transaction''s own delete is seen by its next statement');
ROLLBACK;
SELECT is(pg_temp.verdict(), 'valid', 'after the rollback: no stale entry, trusted again');
BEGIN;
UPDATE trusted_issuer SET valid_until = '2026-01-01Z' WHERE issuer = (SELECT did FROM k);
SELECT is(pg_temp.verdict(), 'untrusted_issuer', 'an update in this transaction is seen');
ROLLBACK;
SELECT is(pg_temp.verdict(), 'valid', 'and forgotten after its rollback');

-- issuer_key: revoked, deleted, restored by the other session
SELECT pg_temp.other(format('UPDATE credreg.issuer_key SET revoked_at = %L WHERE key_id = %L',
                            '2025-06-01Z', (SELECT kid FROM k)));
SELECT is(pg_temp.verdict(), 'key_revoked', 'another session revoked the key: seen');
SELECT pg_temp.other(format('UPDATE credreg.issuer_key SET revoked_at = NULL WHERE key_id = %L',
                            (SELECT kid FROM k)));
SELECT is(pg_temp.verdict(), 'valid', 'another session reinstated the key: seen');
SELECT pg_temp.other(format('DELETE FROM credreg.issuer_key WHERE key_id = %L', (SELECT kid FROM k)));
SELECT is(pg_temp.verdict(), 'key_unresolved', 'another session deleted the key: seen');
SELECT pg_temp.other(format('INSERT INTO credreg.issuer_key (key_id, issuer, public_key) VALUES (%L, %L, %L)',
                            (SELECT kid FROM k), (SELECT did FROM k), (SELECT pub FROM k)));
SELECT is(pg_temp.verdict(), 'valid', 'another session registered it again: seen');
BEGIN;
UPDATE issuer_key SET revoked_at = '2025-06-01Z' WHERE key_id = (SELECT kid FROM k);
SELECT is(pg_temp.verdict(), 'key_revoked', 'this transaction''s key revocation is seen by its next statement');
ROLLBACK;
SELECT is(pg_temp.verdict(), 'valid', 'and forgotten after its rollback');

-- status list: changed by the other session, and in this one
SELECT pg_temp.other(format('UPDATE credreg.status_list SET credential = %L WHERE url = %L',
                            pg_temp.list(true), (SELECT list_url FROM k)));
SELECT is(pg_temp.verdict(), 'revoked', 'another session set the bit: seen');
SELECT pg_temp.other(format('UPDATE credreg.status_list SET credential = %L WHERE url = %L',
                            pg_temp.list(false), (SELECT list_url FROM k)));
SELECT is(pg_temp.verdict(), 'valid', 'another session cleared it: seen');
SELECT pg_temp.other('BEGIN');
SELECT pg_temp.other(format('UPDATE credreg.status_list SET credential = %L WHERE url = %L',
                            pg_temp.list(true), (SELECT list_url FROM k)));
SELECT pg_temp.other('ROLLBACK');
SELECT is(pg_temp.verdict(), 'valid', 'another session''s rolled-back change is not seen');
BEGIN;
UPDATE status_list SET credential = pg_temp.list(true) WHERE url = (SELECT list_url FROM k);
SELECT is(pg_temp.verdict(), 'revoked', 'this transaction''s list change is seen by its next statement');
ROLLBACK;
SELECT is(pg_temp.verdict(), 'valid', 'and forgotten after its rollback');
SELECT pg_temp.other(format('DELETE FROM credreg.status_list WHERE url = %L', (SELECT list_url FROM k)));
SELECT is(pg_temp.verdict(), 'status_unavailable', 'another session deleted the list: seen');
SELECT pg_temp.other(format('INSERT INTO credreg.status_list (url, credential) VALUES (%L, %L)',
                            (SELECT list_url FROM k), pg_temp.list(false)));
SELECT is(pg_temp.verdict(), 'valid', 'another session stored it again: seen');

-- and this long-lived session keeps verifying past 20,001 verification methods
SELECT is((SELECT (count(*) FILTER (WHERE NOT valid))::int FROM (
    SELECT (verify(jsonb_build_object(
              '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
              'type', jsonb_build_array('VerifiableCredential'),
              'issuer', 'did:example:issuer',
              'credentialSubject', jsonb_build_object('id', 'did:example:learner'),
              'proof', jsonb_build_object('type', 'DataIntegrityProof', 'cryptosuite', 'eddsa-jcs-2022',
                'proofPurpose', 'assertionMethod', 'proofValue', 'z1111',
                'verificationMethod', format('did:key:z%1$s#z%1$s',
                  base58btc_encode('\xed01'::bytea || sha256(('cache_sessions ' || i)::bytea))))),
              '2026-06-01')).valid AS valid
      FROM generate_series(1, 20001) i) v), 20001, '20,001 distinct verification methods');
SELECT is(pg_temp.verdict(), 'valid', 'the credential still verifies');
SELECT pg_temp.other(format('UPDATE credreg.trusted_issuer SET revoked_at = %L WHERE issuer = %L',
                            '2020-01-01Z', (SELECT did FROM k)));
SELECT is(pg_temp.verdict(), 'untrusted_issuer', 'and still sees the other session''s changes');

SELECT * FROM finish();

SELECT dblink_disconnect('other');
DELETE FROM trusted_issuer WHERE issuer = (SELECT did FROM k);
DELETE FROM issuer_key WHERE key_id = (SELECT kid FROM k);
DELETE FROM status_list WHERE url = (SELECT list_url FROM k);
DROP TABLE k, c;
DROP EXTENSION dblink;
