-- The stored-document caches (src/did/stored_document.c on util/cache.c):
-- did_document, blockchain_anchor and credential_schema (hosted_document
-- shares the code) are read once per cache generation, so verifying the
-- same credential again runs no table read; a change by another session
-- (dblink) or by this transaction is seen by the next statement, and a
-- rolled-back one leaves nothing stale.  No transaction wraps the file: the
-- changes must commit, so it cleans up after itself.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set v3 `cat test/vectors/blockcerts/mocknet-v3-valid.json`
\set hyland_profile `cat test/vectors/blockcerts/hyland-issuer-profile-secp256k1.json`
\set anchored `cat test/vectors/blockcerts/cert-rl-status-list-2021.json`
\set with_schema `cat test/vectors/blockcerts/mocknet-vc-v2-credential-schema-invalid.json`
\set id_card_schema `cat test/vectors/blockcerts/credential-schema-example-id-card.json`

SET search_path = credreg, public;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS dblink SCHEMA public;
SELECT plan(17);

SELECT dblink_connect('other', format('host=%s port=%s dbname=%s user=%s',
                      split_part(current_setting('unix_socket_directories'), ',', 1),
                      current_setting('port'), current_database(), current_user));

CREATE TEMP TABLE doc (name text PRIMARY KEY, doc text);
INSERT INTO doc VALUES ('v3', :'v3'), ('anchored', :'anchored'), ('with_schema', :'with_schema');
CREATE TEMP TABLE s (profile_url text, profile text, schema_url text, schema text);
INSERT INTO s VALUES ('https://issuer.dev.hylandcredentials.com/93d02af5-8683-452a-a79c-959deae72495/issuer_profile.json',
                      :'hyland_profile', 'https://www.blockcerts.org/samples/3.0/example-id-card-schema.json', :'id_card_schema');
DELETE FROM did_document WHERE did = (SELECT profile_url FROM s);
DELETE FROM credential_schema WHERE url = (SELECT schema_url FROM s);
DELETE FROM blockchain_anchor WHERE transaction_id = '188bd8713c62c0f1f1f8abf48291c33b5503dcd5b9e0ab18c0f969bb790b571a';
INSERT INTO trusted_issuer (issuer, name)
SELECT DISTINCT coalesce(doc::jsonb->'issuer'->>'id', doc::jsonb->>'issuer'), 'stored document cache test' FROM doc
ON CONFLICT DO NOTHING;

-- the first error code, or 'valid'
CREATE FUNCTION pg_temp.verdict(n text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN v.valid THEN 'valid' ELSE split_part(v.errors[1], ':', 1) END
    FROM pg_temp.doc d, LATERAL credreg.verify(d.doc, '2026-06-01') v
   WHERE d.name = n
$$;
CREATE FUNCTION pg_temp.other(sql text) RETURNS void LANGUAGE sql AS $$
  SELECT NULL::void FROM public.dblink_exec('other', sql)
$$;
CREATE FUNCTION pg_temp.reads() RETURNS bigint LANGUAGE sql AS $$ SELECT reads FROM credreg.stored_document_cache() $$;

-- did_document
SELECT is(pg_temp.verdict('v3'), 'key_unresolved', 'no issuer profile stored: the key does not resolve');
SELECT pg_temp.other(format('INSERT INTO credreg.did_document (did, document) VALUES (%L, %L)',
                            (SELECT profile_url FROM s), (SELECT profile FROM s)));
SELECT is(pg_temp.verdict('v3'), 'valid', 'another session stored the profile: seen');
CREATE TEMP TABLE r AS SELECT pg_temp.reads() AS before;
SELECT is(pg_temp.verdict('v3') || pg_temp.verdict('v3') || pg_temp.verdict('v3'), 'validvalidvalid', 'verified three times more');
SELECT is(pg_temp.reads() - (SELECT before FROM r), 0::bigint, 'a hit reads no table: no read for the three');
SELECT pg_temp.other(format($q$UPDATE credreg.did_document SET document = jsonb_set(document, '{verificationMethod,0,id}', '"x"') WHERE did = %L$q$,
                            (SELECT profile_url FROM s)));
SELECT is(pg_temp.verdict('v3'), 'key_unresolved', 'another session changed the profile: seen');
SELECT pg_temp.other('BEGIN');
SELECT pg_temp.other(format('UPDATE credreg.did_document SET document = %L WHERE did = %L',
                            (SELECT profile FROM s), (SELECT profile_url FROM s)));
SELECT is(pg_temp.verdict('v3'), 'key_unresolved', 'an uncommitted change of another session is not seen');
SELECT pg_temp.other('COMMIT');
SELECT is(pg_temp.verdict('v3'), 'valid', 'once committed it is');
BEGIN;
DELETE FROM did_document WHERE did = (SELECT profile_url FROM s);
SELECT is(pg_temp.verdict('v3'), 'key_unresolved', 'this transaction''s delete is seen by its next statement');
ROLLBACK;
SELECT is(pg_temp.verdict('v3'), 'valid', 'and forgotten after its rollback');

-- blockchain_anchor
SELECT is(pg_temp.verdict('anchored'), 'anchor_unknown', 'no anchor stored: anchor_unknown');
SELECT pg_temp.other($q$INSERT INTO credreg.blockchain_anchor (chain, transaction_id, merkle_root) VALUES
 ('btc:testnet', '188bd8713c62c0f1f1f8abf48291c33b5503dcd5b9e0ab18c0f969bb790b571a', '1C10497BDBC9E1812ADA342C1E2A1C4D60C2F263F195116A804A98E6E8288B6C')$q$);
-- (anchored, its first failure is its status list, which is not stored here)
SELECT is(pg_temp.verdict('anchored'), 'status_unavailable', 'another session recorded the anchor: seen');
SELECT pg_temp.other($q$UPDATE credreg.blockchain_anchor SET chain = 'btc:mainnet'
 WHERE transaction_id = '188bd8713c62c0f1f1f8abf48291c33b5503dcd5b9e0ab18c0f969bb790b571a'$q$);
SELECT is(pg_temp.verdict('anchored'), 'anchor_unknown', 'the same transaction on another chain does not count: seen');

-- credential_schema
SELECT is(pg_temp.verdict('with_schema'), 'valid', 'no schema stored: not applied');
SELECT pg_temp.other(format('INSERT INTO credreg.credential_schema (url, schema) VALUES (%L, %L)',
                            (SELECT schema_url FROM s), (SELECT schema FROM s)));
SELECT is(pg_temp.verdict('with_schema'), 'schema_invalid', 'another session stored the schema: seen');
DELETE FROM r;
INSERT INTO r SELECT pg_temp.reads();
SELECT is(pg_temp.verdict('with_schema') || pg_temp.verdict('with_schema'), 'schema_invalidschema_invalid', 'verified twice more');
SELECT is(pg_temp.reads() - (SELECT before FROM r), 0::bigint, 'no table read for them');
SELECT pg_temp.other(format('DELETE FROM credreg.credential_schema WHERE url = %L', (SELECT schema_url FROM s)));
SELECT is(pg_temp.verdict('with_schema'), 'valid', 'another session deleted it: seen');

-- clean up
SELECT dblink_disconnect('other');
DELETE FROM did_document WHERE did = (SELECT profile_url FROM s);
DELETE FROM blockchain_anchor WHERE transaction_id = '188bd8713c62c0f1f1f8abf48291c33b5503dcd5b9e0ab18c0f969bb790b571a';
DELETE FROM trusted_issuer WHERE name = 'stored document cache test';
SELECT * FROM finish();
