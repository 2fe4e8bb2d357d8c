-- credreg demo, part 3: the registrar's verification report.

\set ON_ERROR_STOP on
\pset footer off
\pset null '-'
SET client_min_messages = warning;

-- Credentials transferred in from partner institutions, signed by other
-- implementations (jose 6.2.17, VC-JWT 1.1; test/vectors/corpus/SOURCE.md):
-- four good ones and the tampered lines of the same file.
CREATE TABLE demo.transfer (line jsonb);
\copy demo.transfer FROM 'test/vectors/corpus/vc-jwt11-eddsa.tampered.ndjson' WITH (FORMAT csv, QUOTE e'\x01', DELIMITER e'\x02')
-- The partner institutions are the corpus's genuine issuers (its keys.json
-- lists them apart from the attackers' keys); the registry trusts them.
\set partner_keys `cat test/vectors/corpus/keys.json`
INSERT INTO credreg.trusted_issuer (issuer, name)
SELECT k->>'did', 'Partner institution ' || (k->>'label')
  FROM jsonb_array_elements((:'partner_keys'::jsonb)->'ed25519') k;
DELETE FROM demo.transfer
 WHERE line->>'reason' = 'ok' AND line->>'id' NOT IN (SELECT line->>'id' FROM demo.transfer
													  WHERE line->>'reason' = 'ok' ORDER BY line->>'id' LIMIT 4);

\echo
\echo '=================================================================================='
\echo ' REGISTRAR REPORT: every award in the registry, verified now'
\echo '=================================================================================='
SELECT l.name AS learner,
	   a.name AS achievement,
	   v.format,
	   coalesce(i.name, v.issuer) AS issuer,
	   CASE WHEN v.valid THEN 'valid' ELSE 'NOT VALID' END AS outcome,
	   v.status,
	   v.trusted,
	   (SELECT string_agg(split_part(e, ':', 1), ', ') FROM unnest(v.errors) e) AS failure_codes
  FROM demo.award w
	   JOIN demo.learner l ON l.id = w.learner_id
	   JOIN demo.achievement a ON a.id = w.achievement_id
	   CROSS JOIN LATERAL credreg.verify(w.credential) v
	   LEFT JOIN demo.issuer i ON i.id = v.issuer
 ORDER BY l.name, a.name;

\echo
\echo 'Why each rejected award failed (the verifier''s own words):'
SELECT w.award_id, l.name AS learner, w.planted AS planted_by_the_demo, e AS error
  FROM demo.award w
	   JOIN demo.learner l ON l.id = w.learner_id
	   CROSS JOIN LATERAL credreg.verify(w.credential) v
	   CROSS JOIN LATERAL unnest(v.errors) e
 ORDER BY w.award_id;

\echo
\echo 'Every planted fault is caught, and nothing else is rejected:'
SELECT count(*) AS awards,
	   count(*) FILTER (WHERE credreg.is_valid(credential)) AS valid,
	   count(*) FILTER (WHERE NOT credreg.is_valid(credential)) AS rejected,
	   bool_and(credreg.is_valid(credential) = (planted IS NULL)) AS every_fault_caught_and_no_false_alarm
  FROM demo.award;

\echo
\echo 'Credentials transferred in from partner institutions (VC-JWT 1.1 signed by another implementation):'
SELECT t.line->>'id' AS transfer,
	   t.line->>'reason' AS partner_says,
	   v.format,
	   CASE WHEN v.valid THEN 'valid' ELSE 'NOT VALID' END AS outcome,
	   (SELECT string_agg(split_part(e, ':', 1), ', ') FROM unnest(v.errors) e) AS failure_codes
  FROM demo.transfer t
	   CROSS JOIN LATERAL credreg.verify(t.line->>'credential', '2026-06-01T00:00:00Z') v
 ORDER BY (t.line->>'reason') = 'ok' DESC, t.line->>'id';

\echo
\echo 'Status list https://esu.example.edu/status/2026: revoked indexes'
SELECT s.idx, w.award_id, l.name AS learner, a.name AS achievement
  FROM demo.status_index s
	   JOIN demo.award w USING (award_id)
	   JOIN demo.learner l ON l.id = w.learner_id
	   JOIN demo.achievement a ON a.id = w.achievement_id,
	   credreg.status_list sl
 WHERE sl.url = 'https://esu.example.edu/status/2026'
   AND credreg.status_list_get(sl.encoded_list, s.idx);
