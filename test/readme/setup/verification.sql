-- README examples, section Verification: stored credentials to verify.
-- registry(id, c) and inbox(c) hold the vc+jwt EdDSA credentials of the
-- interoperability corpus (signed by jose 6.2.17, see test/vectors/corpus),
-- whose issuers are trusted here.
CREATE TEMP TABLE corpus_line (line text);
\copy corpus_line FROM 'test/vectors/corpus/vc-jwt-eddsa.ndjson' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
CREATE TABLE registry (id text PRIMARY KEY, c text NOT NULL);
INSERT INTO registry SELECT line::jsonb->>'id', line::jsonb->>'credential' FROM corpus_line;
CREATE TABLE inbox (c text NOT NULL);
INSERT INTO inbox SELECT c FROM registry ORDER BY id LIMIT 3;
INSERT INTO credreg.trusted_issuer (issuer, name)
SELECT DISTINCT line::jsonb->>'issuer', 'corpus issuer' FROM corpus_line;
