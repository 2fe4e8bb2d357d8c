-- The registry (README, section "The registry"): the interoperability corpus
-- ingested with ingest_ndjson gets every expected verdict; a status list
-- revocation of 10 of its credentials flips exactly those verdicts and the
-- profiles in the same transaction, without any other statement; removing a
-- trusted issuer flips exactly that issuer's credentials; resubmission,
-- the Merkle log, expiry, awards and hashed identifiers.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set keys `cat test/vectors/corpus/keys.json`
\set lists `cat test/vectors/status/corpus/status-lists.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(47);

CREATE TEMP TABLE raw (n serial, line text) ON COMMIT DROP;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-es256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-eddsa.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-es256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa-status.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/ob3-eddsa-rdfc-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/ob3-eddsa-rdfc-2022.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/ecdsa-rdfc-2019-p256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/corpus/ecdsa-rdfc-2019-p256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy raw(line) FROM 'test/vectors/status/corpus/ob3-status-eddsa-rdfc-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')

-- the corpus issuers are trusted (not the attackers); the status lists are stored
INSERT INTO trusted_issuer (issuer, name)
SELECT k->>'did', 'corpus ' || (k->>'label')
  FROM jsonb_array_elements(((:'keys')::jsonb->'ed25519') || ((:'keys')::jsonb->'p256')) AS k;
INSERT INTO status_list (url, credential)
SELECT u, CASE jsonb_typeof((:'lists')::jsonb->u->'credential') WHEN 'string' THEN (:'lists')::jsonb->u->>'credential'
               ELSE ((:'lists')::jsonb->u->'credential')::text END
  FROM unnest(ARRAY['https://status.example.edu/credentials/status/1',
                    'https://status.example.edu/credentials/status/2']) AS u;

-- One credential per NDJSON line (a document, or a JWS as a JSON string),
-- in corpus order, then two lines that hold no credential.
CREATE TEMP TABLE corpus ON COMMIT DROP AS
SELECT n, l->>'id' AS corpus_id, l->>'expected' AS expected, l->>'reason' AS reason,
       l->>'issuer' AS issuer, (l->'credential')::text AS ndjson_line,
       CASE jsonb_typeof(l->'credential') WHEN 'string' THEN l->>'credential' ELSE (l->'credential')::text END AS credential
  FROM (SELECT n, line::jsonb AS l FROM raw) s;
CREATE TEMP TABLE ingested ON COMMIT DROP AS
SELECT * FROM ingest_ndjson((SELECT string_agg(ndjson_line, E'\n' ORDER BY n) FROM corpus)
                            || E'\nnot json at all\n\n[1, 2]\n', 'corpus');

SELECT is((SELECT count(*) FROM ingested), (SELECT count(*) + 2 FROM corpus),
	'ingest_ndjson answers every non-empty line');
SELECT results_eq($$SELECT line, error FROM ingested WHERE id IS NULL ORDER BY line$$,
	$$VALUES ((SELECT count(*)::int + 1 FROM corpus), 'line is not strict JSON'),
	         ((SELECT count(*)::int + 3 FROM corpus), 'not a credential: a JSON array')$$,
	'a line that holds no credential is reported alone (line numbers count empty lines)');
SELECT is_empty($$SELECT c.corpus_id, c.expected, i.valid, i.error FROM corpus c JOIN ingested i ON i.line = c.n
                  WHERE i.id IS NULL OR i.valid IS DISTINCT FROM (c.expected = 'valid')$$,
	'every corpus line is stored with its expected verdict');
SELECT is_empty($$SELECT c.corpus_id FROM corpus c JOIN ingested i ON i.line = c.n JOIN credential r ON r.id = i.id
                  WHERE r.valid IS DISTINCT FROM (c.expected = 'valid')
                     OR r.content_hash <> sha256(convert_to(c.credential, 'UTF8')) OR r.raw <> c.credential$$,
	'the stored rows hold the bytes received, their hash and the expected verdict');
SELECT is((SELECT count(*) FROM credential WHERE NOT valid AND status = 'revoked'),
	(SELECT count(DISTINCT credential) FROM corpus WHERE reason = 'revoked'),
	'the credentials the corpus status lists revoke are stored revoked');
SELECT is((SELECT count(*) FROM credential), (SELECT count(DISTINCT credential) FROM corpus),
	'one row per distinct credential');

-- the Merkle log holds every credential once, in id order
SELECT is(log_size(), (SELECT count(*) FROM credential), 'every credential is logged');
SELECT is_empty($$SELECT c.id FROM credential c
                  JOIN log_entry e ON e.leaf_index = (SELECT count(*) FROM credential c2 WHERE c2.id < c.id)
                  WHERE e.content_hash <> c.content_hash
                  UNION ALL SELECT 0 WHERE (SELECT count(*) FROM log_entry) <> (SELECT count(*) FROM credential)$$,
	'leaf i is the content hash of the i-th credential in id order');

-- byte-identical resubmission changes nothing
CREATE TEMP TABLE before_resubmit ON COMMIT DROP AS SELECT id, valid, checked_at FROM credential;
SELECT is(ingest((SELECT credential FROM corpus ORDER BY n LIMIT 1)),
	(SELECT i.id FROM ingested i ORDER BY i.line LIMIT 1), 'ingest of stored bytes returns the stored id');
SELECT is((SELECT count(*) FROM ingest_ndjson((SELECT string_agg(ndjson_line, E'\n' ORDER BY n) FROM corpus)) r
           WHERE r.id IS NULL OR r.id NOT IN (SELECT id FROM before_resubmit)), 0::bigint,
	'ingest_ndjson of the same document returns the stored ids');
SELECT ok((SELECT count(*) FROM credential) = (SELECT count(*) FROM before_resubmit) AND log_size() = (SELECT count(*) FROM before_resubmit)
          AND NOT EXISTS (SELECT FROM credential c JOIN before_resubmit b USING (id) WHERE c.checked_at <> b.checked_at),
	'and adds no row, no log entry, no re-check');

-- a taxonomy of the corpus alignments, added after the credentials: the
-- profiles are re-derived from it
INSERT INTO framework (key, name) VALUES ('corpus', 'corpus alignments');
INSERT INTO competency (framework, uri, label, kind)
SELECT DISTINCT 'corpus', a->>'targetUrl', a->>'targetName', 'skill'
  FROM credential c, jsonb_array_elements(c.payload->'credentialSubject'->'achievement'->'alignment') a
 WHERE a->>'targetUrl' IS NOT NULL
ON CONFLICT (uri) DO NOTHING;
SELECT ok((SELECT count(*) FROM learner WHERE skillset_count(held) > 0) > 50,
	'a taxonomy change re-derives the stored skills and profiles');
SELECT is_empty($$SELECT l.subject FROM learner l
                  WHERE l.held <> coalesce((SELECT skillset_union_agg(c.skills) FROM credential c
                                            WHERE c.subject = l.subject AND valid_at(c)), '{}')
                     OR l.skills <> closure(l.held)
                  UNION ALL SELECT DISTINCT subject FROM credential WHERE valid AND subject IS NOT NULL
                       AND subject NOT IN (SELECT subject FROM learner)$$,
	'every profile is the closure of the skills of its subject''s valid credentials');

-- Revocation: a registrar key registered for the issuer of list 2 re-signs
-- it.  Ten valid credentials on list 2 are revoked, among them one that is
-- its subject's only proof of a skill.
CREATE TEMP TABLE k ON COMMIT DROP AS SELECT generate_key('Ed25519') AS priv;
INSERT INTO issuer_key (key_id, issuer, public_key)
SELECT 'https://status.example.edu/keys/registrar', issuer, pubkey_from_private(priv)
  FROM status_list, k WHERE url = 'https://status.example.edu/credentials/status/2';
CREATE TEMP TABLE sole ON COMMIT DROP AS
SELECT c.id, c.subject, s.id AS skill
  FROM credential c JOIN credential_status cs ON cs.credential_id = c.id, skillset_each(c.skills) s
 WHERE cs.list_url = 'https://status.example.edu/credentials/status/2' AND c.valid AND c.subject IS NOT NULL
   AND NOT EXISTS (SELECT FROM credential o WHERE o.subject = c.subject AND o.id <> c.id AND valid_at(o)
                   AND s.id = ANY (skillset_ids(closure(o.skills))))
 ORDER BY c.id, s.id LIMIT 1;
CREATE TEMP TABLE victim ON COMMIT DROP AS
SELECT c.id, c.subject, cs.idx FROM credential c JOIN credential_status cs ON cs.credential_id = c.id
 WHERE cs.list_url = 'https://status.example.edu/credentials/status/2' AND c.valid
 ORDER BY c.id = (SELECT id FROM sole) DESC, c.id LIMIT 10;
CREATE TEMP TABLE before_revoke ON COMMIT DROP AS SELECT id, valid, status FROM credential;
CREATE TEMP TABLE learner_before ON COMMIT DROP AS SELECT * FROM learner;
SELECT is((SELECT count(*) FROM learner WHERE subject = (SELECT subject FROM sole)
           AND skills OPERATOR(credreg.@>) skillset(ARRAY[(SELECT skill FROM sole)])), 1::bigint,
	'before: the recruiter''s filter matches the learner');
SELECT status_list_revoke('https://status.example.edu/credentials/status/2',
	(SELECT array_agg(idx::int) FROM victim), (SELECT priv FROM k), 'https://status.example.edu/keys/registrar');
SELECT is((SELECT count(*) FROM learner WHERE subject = (SELECT subject FROM sole)
           AND skills OPERATOR(credreg.@>) skillset(ARRAY[(SELECT skill FROM sole)])), 0::bigint,
	'after status_list_revoke alone, the filter no longer matches the learner whose only proof was revoked');
SELECT set_eq($$SELECT c.id FROM credential c JOIN before_revoke b USING (id)
                WHERE (c.valid, c.status) IS DISTINCT FROM (b.valid, b.status)$$,
	$$SELECT id FROM victim$$, 'exactly the 10 revoked credentials changed verdict');
SELECT is((SELECT count(*) FROM credential WHERE id IN (SELECT id FROM victim) AND NOT valid AND status = 'revoked'
           AND errors[1] LIKE 'revoked:%'), 10::bigint, 'they are stored revoked');
SELECT is_empty($$SELECT l.subject FROM learner l
                  WHERE l.held <> coalesce((SELECT skillset_union_agg(c.skills) FROM credential c
                                            WHERE c.subject = l.subject AND valid_at(c)), '{}')$$,
	'every profile is re-derived without the revoked credentials');
SELECT ok(NOT EXISTS (SELECT FROM learner l JOIN learner_before b USING (subject)
                      WHERE l.updated_at <> b.updated_at AND l.subject NOT IN (SELECT subject FROM victim)),
	'only the profiles of the revoked credentials'' subjects were touched');

-- Trust: removing issuer/1 flips exactly its valid credentials; trusting it again restores them.
CREATE TEMP TABLE before_trust ON COMMIT DROP AS SELECT id, issuer, valid FROM credential;
CREATE TEMP TABLE lost ON COMMIT DROP AS SELECT (:'keys')::jsonb->'ed25519'->1->>'did' AS issuer;
DELETE FROM trusted_issuer WHERE issuer = (SELECT issuer FROM lost);
SELECT set_eq($$SELECT c.id FROM credential c JOIN before_trust b USING (id) WHERE c.valid IS DISTINCT FROM b.valid$$,
	$$SELECT id FROM before_trust WHERE valid AND issuer = (SELECT issuer FROM lost)$$,
	'removing a trusted issuer flips exactly that issuer''s valid credentials');
SELECT is((SELECT count(*) FROM credential c WHERE issuer = (SELECT issuer FROM lost)
           AND (c.trusted OR valid_at(c))), 0::bigint, 'which are stored untrusted');
INSERT INTO trusted_issuer (issuer, name) SELECT issuer, 'corpus issuer/1' FROM lost;
SELECT is_empty($$SELECT c.id FROM credential c JOIN before_trust b USING (id) WHERE c.valid IS DISTINCT FROM b.valid$$,
	'trusting it again restores every verdict');

-- Time is judged at query time: an expired credential counted before its end.
SELECT ok((SELECT bool_and(NOT valid_at(c) AND valid_at(c, c.valid_until - interval '1 day'))
             FROM credential c WHERE errors[1] LIKE 'expired:%'),
	'valid_at: an expired credential is valid the day before validUntil, not now');
SELECT ok((SELECT bool_and(NOT valid_at(c, now()) AND valid_at(c, c.valid_from + interval '1 day'))
             FROM credential c WHERE errors[1] LIKE 'not_yet_valid:%'),
	'valid_at: a credential not yet valid is valid after validFrom');
SELECT ok((SELECT bool_and(NOT valid_at(c, c.valid_from + interval '1 day')) FROM credential c
            WHERE split_part(errors[1], ':', 1) IN ('signature_invalid', 'algorithm_refused', 'key_mismatch')),
	'valid_at never revives a credential whose signature failed');
SELECT cmp_ok(refresh_expired(max_until), '>', 0::bigint, 'refresh_expired re-derives the profiles whose credentials expired')
  FROM (SELECT max(valid_until) + interval '1 second' AS max_until FROM credential WHERE valid) s;
SELECT is((SELECT count(*) FROM learner WHERE skillset_count(held) > 0
           AND subject IN (SELECT subject FROM credential WHERE valid AND valid_until IS NOT NULL)
           AND subject NOT IN (SELECT subject FROM credential WHERE valid AND valid_until IS NULL)), 0::bigint,
	'a learner whose credentials all expired holds nothing');
SELECT is(refresh_expired(now()), 0::bigint, 'nothing is left to refresh for an earlier instant');

-- awards for the stack evaluator, and evidence
SELECT ok((SELECT bool_and(i.verified = valid_at(c, c.valid_from) AND i.issuer = c.issuer
                           AND i.status IS NOT DISTINCT FROM CASE WHEN c.status = 'revoked' THEN 'Revoked' END)
             FROM credential c, stack_item_of(c) i WHERE c.payload IS NOT NULL),
	'stack_item_of: verified and status from the stored verdict');
SELECT is((SELECT cardinality(learner_items((SELECT subject FROM sole)))),
	(SELECT count(*)::int FROM credential WHERE subject = (SELECT subject FROM sole)), 'learner_items: every award of the subject');
DELETE FROM credential WHERE subject = (SELECT subject FROM sole);
SELECT is((SELECT skillset_count(held) FROM learner WHERE subject = (SELECT subject FROM sole)), 0,
	'deleting a learner''s credentials empties the profile');
SELECT is((SELECT sum(credentials) FROM registrar_report), (SELECT count(*)::numeric FROM credential),
	'registrar_report counts every credential once');

-- OB 3.0 hashed identifiers (hash computed with Python hashlib, not credreg)
SELECT ok(identity_matches('{"credentialSubject": {"identifier": [{"type": "IdentityObject", "identityType": "emailAddress",
	"hashed": true, "salt": "58c0bd4c584c8118",
	"identityHash": "sha256$a39cdbc80ae2f19f0f03380a96e1f89aa7d8c47c1c3c513431460abd6cd607ab"}]}}', 'emailAddress', 'learner@example.org')
	AND NOT identity_matches('{"credentialSubject": {"identifier": [{"type": "IdentityObject", "identityType": "emailAddress",
	"hashed": true, "salt": "58c0bd4c584c8118",
	"identityHash": "sha256$a39cdbc80ae2f19f0f03380a96e1f89aa7d8c47c1c3c513431460abd6cd607ab"}]}}', 'studentId', 'learner@example.org')
	AND NOT identity_matches('{"credentialSubject": {"identifier": {"type": "IdentityObject", "identityType": "emailAddress",
	"hashed": true, "salt": "58c0bd4c584c8118",
	"identityHash": "sha256$a39cdbc80ae2f19f0f03380a96e1f89aa7d8c47c1c3c513431460abd6cd607ab"}}}', 'emailAddress', 'other@example.org'),
	'identity_matches: salted SHA-256 of an email address, type and plaintext must agree');

-- stale() lists the stored verdicts a fresh verification disagrees with.
CREATE FUNCTION pg_temp.stale() RETURNS SETOF bigint LANGUAGE sql AS $$
	SELECT c.id FROM credreg.credential c, credreg.verify(c.raw) v
	 WHERE (c.valid, c.status, c.trusted, c.errors) IS DISTINCT FROM (v.valid, v.status, v.trusted, coalesce(v.errors, '{}')) $$;

-- A pinned context added or changed re-checks the credentials whose
-- @context names it, and only those: two stored verdicts are falsified,
-- one of a credential naming the new context URL.
CREATE TEMP TABLE ctx_cred ON COMMIT DROP AS
SELECT ingest(sign(jsonb_build_object('@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2', 'https://registry.example.edu/ctx/1'),
		'type', jsonb_build_array('VerifiableCredential'), 'issuer', credreg.pubkey_did(credreg.pubkey_from_private(k.priv)),
		'validFrom', '2026-01-01T00:00:00Z', 'credentialSubject', jsonb_build_object('id', 'did:example:ctx')),
	k.priv, 'eddsa-jcs-2022', credreg.pubkey_did(credreg.pubkey_from_private(k.priv)) || '#' || credreg.pubkey_multikey(credreg.pubkey_from_private(k.priv)))) AS id
  FROM k;
CREATE TEMP TABLE falsified ON COMMIT DROP AS
SELECT id FROM ctx_cred UNION ALL SELECT min(id) FROM credential WHERE id <> (SELECT id FROM ctx_cred);
UPDATE credential SET valid = NOT valid, errors = '{falsified}' WHERE id IN (SELECT id FROM falsified);
INSERT INTO context (url, document) VALUES ('https://registry.example.edu/ctx/1', '{"@context": {"name": "https://schema.org/name"}}');
SELECT set_eq($$SELECT * FROM pg_temp.stale()$$, $$SELECT id FROM falsified WHERE id <> (SELECT id FROM ctx_cred)$$,
	'a new pinned context re-checks exactly the credentials whose @context names it');
SELECT is(reverify(), (SELECT count(*) FROM credential), 'reverify re-checks every stored credential');
SELECT is_empty($$SELECT * FROM pg_temp.stale()$$, 'after which every stored verdict is what verify says now');

-- The status index's rows of one credential: a multi-bit status reads each
-- of its statusSize bits, a bit two entries share is one row, an entry
-- without a list is not indexed.
SELECT results_eq($$SELECT list_url, idx FROM credential_status_bits('[
		{"list": "https://l.example/a", "index": 3, "size": 2, "purpose": "message"},
		{"list": "https://l.example/b", "index": 7, "size": 1, "purpose": "revocation"},
		{"list": "https://l.example/b", "index": 7, "size": 1, "purpose": "suspension"},
		{"index": 9, "size": 1}]'::jsonb)$$,
	$$VALUES ('https://l.example/a', 6::bigint), ('https://l.example/a', 7), ('https://l.example/b', 7)$$,
	'credential_status_bits: statusSize bits from index * size, a shared bit once, an entry without a list skipped');
SELECT is((SELECT count(*) FROM credential_status cs JOIN credential c ON c.id = cs.credential_id
		WHERE (cs.list_url, cs.idx) NOT IN (SELECT b.list_url, b.idx FROM credential_status_bits(c.status_entries) b)), 0::bigint,
	'every status index row is a bit its credential''s status entries read');
-- A profile re-derived for subjects given twice, and for one without any
-- credential (an empty profile).
SELECT is(learner_refresh(ARRAY['did:example:nobody', 'did:example:nobody', NULL,
		(SELECT subject FROM credential WHERE subject IS NOT NULL LIMIT 1)]), 2::bigint,
	'learner_refresh writes each subject once, a subject without credentials too');
SELECT is((SELECT skillset_count(skills) FROM learner WHERE subject = 'did:example:nobody'), 0,
	'whose profile is empty');

-- TRUNCATE of a table the verdicts depend on re-checks them too (no
-- transition table says which rows went).
CREATE TEMP TABLE keyed ON COMMIT DROP AS
SELECT ingest(sign(jsonb_build_object('@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
		'type', jsonb_build_array('VerifiableCredential'), 'issuer', ik.issuer, 'validFrom', '2026-01-01T00:00:00Z',
		'credentialSubject', jsonb_build_object('id', 'did:example:keyed')), k.priv, 'vc+jwt', ik.key_id)) AS id
  FROM issuer_key ik, k WHERE ik.key_id = 'https://status.example.edu/keys/registrar';
SELECT ok((SELECT valid FROM credential WHERE id = (SELECT id FROM keyed)),
	'a credential signed with a key registered in issuer_key is stored valid');
TRUNCATE issuer_key;
SELECT is((SELECT valid FROM credential WHERE id = (SELECT id FROM keyed)), false,
	'TRUNCATE issuer_key re-checks: the credential whose key went is stored invalid');
CREATE TEMP TABLE before_truncate ON COMMIT DROP AS SELECT id, status FROM credential;
TRUNCATE status_list;
SELECT ok((SELECT count(*) FROM credential c JOIN before_truncate b USING (id) WHERE b.status = 'revoked' AND c.status <> 'revoked') >= 10,
	'TRUNCATE status_list re-checks the credentials that read a status bit');
SELECT is_empty($$SELECT * FROM pg_temp.stale()$$, 'and every stored verdict is what verify says now');
TRUNCATE trusted_issuer;
SELECT is((SELECT count(*) FROM credential WHERE trusted OR valid), 0::bigint,
	'TRUNCATE trusted_issuer re-checks: no credential is stored trusted or valid');
SELECT is((SELECT count(*) FROM learner WHERE skillset_count(held) > 0), 0::bigint,
	'and no learner holds a skill');
TRUNCATE credential;
SELECT ok(NOT EXISTS (SELECT FROM credential_status) AND log_size() > 0,
	'TRUNCATE credential empties the status index (the Merkle log keeps its leaves)');

SELECT * FROM finish();
ROLLBACK;
