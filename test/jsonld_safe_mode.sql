-- Safe mode on the 1EdTech Open Badges 3.0 / CLR 2.0 validator samples
-- (test/vectors/openbadges-1edtech): each document without its proof is
-- deserialized to RDF in lax and in safe mode.  The samples that 1EdTech
-- rejects for undefined types or a broken @context (and complete_v1.json,
-- whose refresh service type no pinned context defines) must fail in safe
-- mode with jsonld_dropped_term and pass in lax mode; the two CLR samples
-- that use an unpublished draft context fail with context_unknown; every
-- other sample passes both.
BEGIN;
\set QUIET on
CREATE TEMP TABLE ob (file text, expect text, doc text);
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/clr20/complex.json`
INSERT INTO ob VALUES ('clr20/complex.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/clr20/simple-noproof.json`
INSERT INTO ob VALUES ('clr20/simple-noproof.json', 'context_unknown', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/clr20/simple.json`
INSERT INTO ob VALUES ('clr20/simple.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/clr20/simple_old_safesigned.json`
INSERT INTO ob VALUES ('clr20/simple_old_safesigned.json', 'context_unknown', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/clr20/simple_v1.json`
INSERT INTO ob VALUES ('clr20/simple_v1.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/bit-string-list/credential-status-revoked-blank-nodes.json`
INSERT INTO ob VALUES ('ob30/bit-string-list/credential-status-revoked-blank-nodes.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/bit-string-list/credential-status-revoked.json`
INSERT INTO ob VALUES ('ob30/bit-string-list/credential-status-revoked.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/complete.json`
INSERT INTO ob VALUES ('ob30/complete.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/complete_v1.json`
INSERT INTO ob VALUES ('ob30/complete_v1.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/credential-status-revoked.json`
INSERT INTO ob VALUES ('ob30/credential-status-revoked.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/endorsement-err-schema-status-refresh.json`
INSERT INTO ob VALUES ('ob30/endorsement-err-schema-status-refresh.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/endorsement-valid.json`
INSERT INTO ob VALUES ('ob30/endorsement-valid.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/sd/derivedcredential.json`
INSERT INTO ob VALUES ('ob30/sd/derivedcredential.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-context-alias.json`
INSERT INTO ob VALUES ('ob30/simple-context-alias.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-context-version.json`
INSERT INTO ob VALUES ('ob30/simple-context-version.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-did-key-method.json`
INSERT INTO ob VALUES ('ob30/simple-did-key-method.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-did-web-method.json`
INSERT INTO ob VALUES ('ob30/simple-did-web-method.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-eddsa-2022.json`
INSERT INTO ob VALUES ('ob30/simple-eddsa-2022.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-context.json`
INSERT INTO ob VALUES ('ob30/simple-err-context.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-credential-subject-achievement-result-description-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-credential-subject-achievement-result-description-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-credential-subject-identifier-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-credential-subject-identifier-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-credential-subject-profile-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-credential-subject-profile-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-credential-subject-result-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-credential-subject-result-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-credential-subject-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-credential-subject-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-evidence-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-evidence-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-expired.json`
INSERT INTO ob VALUES ('ob30/simple-err-expired.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-issued.json`
INSERT INTO ob VALUES ('ob30/simple-err-issued.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-issuer-otheridentifier-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-issuer-otheridentifier-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-issuer-parentorg-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-issuer-parentorg-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-issuer-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-issuer-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-issuer.json`
INSERT INTO ob VALUES ('ob30/simple-err-issuer.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-proof-method-no-scheme.json`
INSERT INTO ob VALUES ('ob30/simple-err-proof-method-no-scheme.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-proof-method-unknown-did-method.json`
INSERT INTO ob VALUES ('ob30/simple-err-proof-method-unknown-did-method.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-proof-method-unknown-scheme.json`
INSERT INTO ob VALUES ('ob30/simple-err-proof-method-unknown-scheme.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-proof-method.json`
INSERT INTO ob VALUES ('ob30/simple-err-proof-method.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-proof-value.json`
INSERT INTO ob VALUES ('ob30/simple-err-proof-value.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-type.json`
INSERT INTO ob VALUES ('ob30/simple-err-type.json', 'jsonld_dropped_term', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-multiple-proofs.json`
INSERT INTO ob VALUES ('ob30/simple-multiple-proofs.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-noproof.json`
INSERT INTO ob VALUES ('ob30/simple-noproof.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple.json`
INSERT INTO ob VALUES ('ob30/simple.json', 'ok', :'doc');
\set doc `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple_v1.json`
INSERT INTO ob VALUES ('ob30/simple_v1.json', 'ok', :'doc');

-- 'ok', or the failure code from the error detail
CREATE FUNCTION pg_temp.outcome(doc text, safe boolean) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	PERFORM credreg.jsonld_to_rdf((doc::jsonb - 'proof')::text, NULL, safe);
	RETURN 'ok';
EXCEPTION WHEN invalid_parameter_value THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN substring(detail FROM 'Failure code: ([a-z_]+)\.');
END
$$;

SELECT plan(3 + 2 * (SELECT count(*)::int FROM ob));
SELECT is((SELECT count(*)::int FROM ob), 41, '41 JSON samples');
SELECT is((SELECT count(*)::int FROM ob WHERE expect = 'jsonld_dropped_term'), 12,
		  '12 samples have terms that expansion would drop');
SELECT is((SELECT count(*)::int FROM ob WHERE expect = 'ok'), 27, '27 samples expand cleanly');

SELECT is(pg_temp.outcome(doc, true), expect, file || ' in safe mode') FROM ob ORDER BY file;
SELECT is(pg_temp.outcome(doc, false),
		  CASE WHEN expect = 'jsonld_dropped_term' THEN 'ok' ELSE expect END,
		  file || ' in lax mode') FROM ob ORDER BY file;

SELECT * FROM finish();
ROLLBACK;
