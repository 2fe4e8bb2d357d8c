-- Bitstring Status List vectors (test/vectors/status/SOURCE.md): every real
-- encodedList decodes to its documented bits, the corpus and 1EdTech status
-- lists decode, and the digitalbazaar "50000th revoked" trap reads MSB-first.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set vectors `cat test/vectors/status/bitstring-status-list/encodedList-vectors.json`
\set spec02 `cat test/vectors/status/bitstring-status-list/spec-examples/02-example-bitstringstatuslistcredential.json`
\set spec04 `cat test/vectors/status/bitstring-status-list/spec-examples/04-a-status-list-verifiable-credential.json`
\set testlist `cat test/vectors/status/openbadges-1edtech/testlist`
\set revoked1 `cat test/vectors/status/openbadges-1edtech/credential-status-revoked.json`
\set revoked2 `cat test/vectors/status/openbadges-1edtech/credential-status-revoked-blank-nodes.json`
\set corpus `cat test/vectors/status/corpus/status-lists.json`
\set corpus1 `cat test/vectors/status/corpus/status-list-1.json`
\set corpus2 `cat test/vectors/status/corpus/status-list-2.jwt`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(45);

CREATE TEMP TABLE v ON COMMIT DROP AS
  SELECT x->>'name' AS name, x->>'encodedList' AS list, (x->>'bitLength')::bigint AS bits,
         (x->>'decompressedBytes')::int AS nbytes, x->>'decompressedSha256' AS sha,
         ARRAY(SELECT jsonb_array_elements_text(x->'setBitsMsbFirst')::bigint) AS set_bits
    FROM jsonb_array_elements((:'vectors')::jsonb->'vectors') AS x;

SELECT is((SELECT count(*) FROM v), 5::bigint, 'five encodedList vectors');

-- Every vector: length, set bits (MSB-first) and the SHA-256 of the inflated bytes.
SELECT is(status_list_length(list), bits, name || ': ' || bits || ' entries') FROM v ORDER BY name;
SELECT is(status_list_set_bits(list), set_bits, name || ': set bits ' || set_bits::text) FROM v ORDER BY name;
SELECT is(encode(sha256(status_list_decode(list)), 'hex'), sha, name || ': SHA-256 of the bitstring')
  FROM v ORDER BY name;
SELECT is(length(status_list_decode(list)), nbytes, name || ': ' || nbytes || ' bytes inflated')
  FROM v ORDER BY name;

-- The trap: named "50000th revoked", but written LSB-first; MSB-first, bit 50007 is set.
SELECT is(status_list_get(list, 50007), true, 'LEGACY-BIT-ORDER list: bit 50007 is set (MSB-first)')
  FROM v WHERE name = 'digitalbazaar-mock-LEGACY-BIT-ORDER';
SELECT is(status_list_get(list, 50000), false, 'LEGACY-BIT-ORDER list: bit 50000 is clear')
  FROM v WHERE name = 'digitalbazaar-mock-LEGACY-BIT-ORDER';
SELECT is(status_list_get(list, 50000), true, 'digitalbazaar 100k list: bit 50000 is set')
  FROM v WHERE name = 'digitalbazaar-100k-50000-set';
SELECT is(status_list_get(list, 67342), false, 'LEGACY-BIT-ORDER list: index 67342 (the only one upstream queries) is clear')
  FROM v WHERE name = 'digitalbazaar-mock-LEGACY-BIT-ORDER';
SELECT is(status_list_get(list, 94567), false, 'spec example: index 94567 of the examples is clear')
  FROM v WHERE name = 'w3c-spec-example';
SELECT throws_ok(format('SELECT credreg.status_list_get(%L, 100000)', list), '22023',
                 'status list index 100000 is out of range',
                 'digitalbazaar 100k list: index 100000 is beyond it')
  FROM v WHERE name = 'digitalbazaar-100k-empty';

-- Encoding the same bits again gives the same bits (the all-zero default is byte-identical).
SELECT is(status_list_create(), list, 'status_list_create() is the specification''s example byte for byte')
  FROM v WHERE name = 'w3c-spec-example';
SELECT is(status_list_set_bits(status_list_set(status_list_create(), 23, true)),
          status_list_set_bits(list), '1EdTech list re-encoded: bit 23')
  FROM v WHERE name = '1edtech-testlist-bit23';
SELECT is(status_list_decode(status_list_set(status_list_create(100000), 50000, true)),
          status_list_decode(list), 'digitalbazaar 100k list with bit 50000 rebuilt byte for byte')
  FROM v WHERE name = 'digitalbazaar-100k-50000-set';

-- The specification's status list credential examples.
SELECT is(status_list_set_bits((:'spec02')::jsonb #>> '{credentialSubject,encodedList}'), '{}'::bigint[],
          'spec example 2 (BitstringStatusListCredential): no bit set');
SELECT is(status_list_length((:'spec04')::jsonb #>> '{credentialSubject,encodedList}'), 131072::bigint,
          'spec example 4: 131,072 entries');

-- 1EdTech: the signed testlist has bit 23 set; both revoked credentials point at index 23 (a JSON number).
SELECT is(status_list_set_bits((:'testlist')::jsonb #>> '{credentialSubject,encodedList}'), '{23}'::bigint[],
          '1EdTech testlist: only bit 23 set');
SELECT is(status_list_length((:'testlist')::jsonb #>> '{credentialSubject,encodedList}'), 131072::bigint,
          '1EdTech testlist: 131,072 entries');
SELECT is(jsonb_typeof(c #> '{credentialStatus,statusListIndex}'), 'number', name || ': statusListIndex is a JSON number')
  FROM (VALUES ('credential-status-revoked', (:'revoked1')::jsonb),
               ('credential-status-revoked-blank-nodes', (:'revoked2')::jsonb)) AS t(name, c);
SELECT is(status_list_get((:'testlist')::jsonb #>> '{credentialSubject,encodedList}',
                          (c #>> '{credentialStatus,statusListIndex}')::int),
          true, name || ': its bit is set (revoked)')
  FROM (VALUES ('credential-status-revoked', (:'revoked1')::jsonb),
               ('credential-status-revoked-blank-nodes', (:'revoked2')::jsonb)) AS t(name, c);

-- The interop corpus: list 1 (Data Integrity JSON) and list 2 (vc+jwt) hold the same bits.
CREATE TEMP TABLE corpus ON COMMIT DROP AS
  SELECT ARRAY(SELECT x::bigint FROM jsonb_array_elements_text((:'corpus')::jsonb->'revoked_indexes') x ORDER BY 1) AS revoked,
         ARRAY(SELECT x::int FROM jsonb_array_elements_text((:'corpus')::jsonb->'all_indexes') x) AS issued,
         ((:'corpus')::jsonb->>'length_bits')::bigint AS bits,
         (:'corpus1')::jsonb #>> '{credentialSubject,encodedList}' AS list1,
         convert_from(decode(rpad(translate(split_part(:'corpus2', '.', 2), '-_', '+/'),
                                  (length(split_part(:'corpus2', '.', 2)) + 3) / 4 * 4, '='), 'base64'),
                      'UTF8')::jsonb #>> '{credentialSubject,encodedList}' AS list2;

SELECT is(status_list_set_bits(list1), revoked, 'corpus list 1: the ' || cardinality(revoked) || ' revoked indexes')
  FROM corpus;
SELECT is(status_list_set_bits(list2), revoked, 'corpus list 2 (JWT payload): the revoked indexes') FROM corpus;
SELECT is(status_list_length(list1), bits, 'corpus list 1: ' || bits || ' entries') FROM corpus;
SELECT is(status_list_length(list2), bits, 'corpus list 2: ' || bits || ' entries') FROM corpus;
SELECT is((SELECT count(*) FILTER (WHERE status_list_get(list1, i)) FROM unnest(issued) AS i),
          cardinality(revoked)::bigint, 'corpus list 1: of the issued indexes, exactly the revoked ones are set')
  FROM corpus;
SELECT is(status_list_decode(list2), status_list_decode(list1), 'corpus lists 1 and 2 inflate to the same bytes')
  FROM corpus;
SELECT is((SELECT status_list_set_bits(s) FROM (
             SELECT list FROM (WITH RECURSIVE r(k, list) AS (
               SELECT 0, status_list_create()
               UNION ALL
               SELECT k + 1, status_list_set(list, revoked[k + 1]::int, true) FROM r WHERE k < cardinality(revoked))
             SELECT list FROM r ORDER BY k DESC LIMIT 1) q) AS t(s)),
          revoked, 'corpus list 1 rebuilt with status_list_set has the same bits')
  FROM corpus;

SELECT * FROM finish();
ROLLBACK;
