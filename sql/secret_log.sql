-- A private key given to credreg.sign, jws_sign, sign_signature,
-- pubkey_from_private, sd_jwt_issue, sd_jwt_present, log_signed_head or the
-- status list writers never reaches the server log: their errors are logged
-- without the statement (log_min_error_statement would print it, key and all)
-- and without the context (PL/pgSQL's "SQL statement" context quotes it).
-- The test reads the server log: the logging collector's file, or the one
-- test/harness/cluster.sh has pg_ctl write (tmp_run/server.log, beside the
-- data directory).
\set VERBOSITY terse
-- The functions that take a private key.  A new one shows here: wrap its C
-- entry point in credreg_call_hiding_statement (src/util/secret.h), or give
-- a SQL one a C entry point credreg_call_impl_hiding_statement that runs it
-- renamed <name>_impl and revoked from PUBLIC, and add a failing call of it
-- below.
SELECT p.oid::regprocedure, l.lanname, has_function_privilege('public', p.oid, 'EXECUTE') AS public
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'credreg'::regnamespace
   AND EXISTS (SELECT 1 FROM unnest(p.proargnames) AS a WHERE a LIKE '%private\_key')
 ORDER BY p.oid::regprocedure::text;
SHOW log_min_error_statement;
-- the collector's current file when there is one, else the harness's
SELECT CASE WHEN pg_current_logfile() LIKE '/%' THEN pg_current_logfile()
            WHEN pg_current_logfile() IS NOT NULL THEN current_setting('data_directory') || '/' || pg_current_logfile()
            ELSE current_setting('data_directory') || '/../server.log' END AS log \gset
SELECT (pg_stat_file(:'log')).size AS log_start \gset

-- keys no other test uses: an Ed25519 seed, and a malformed key text
SELECT 'z' || credreg.base58btc_encode('\x8026'::bytea || sha256('credreg secret_log test'::bytea)) AS key \gset
SELECT credreg.pubkey_type(credreg.pubkey_from_private(:'key'));

SELECT credreg.sign('{"type": "VerifiableCredential"}', :'key', 'no-such-suite', 'did:example:k#1');
SELECT credreg.sign('[1]', :'key', 'eddsa-jcs-2022', 'did:example:k#1');
SELECT credreg.sign_signature(:'key', 'ES256', '\x00');
SELECT credreg.jws_sign('{"alg":"ES384"}', '\x00', :'key');
SELECT credreg.pubkey_from_private('zSecretLogMarkerNotAKey');
SELECT credreg.sd_jwt_issue('{"iss": "did:example:i"}', '{}', 'zSecretLogMarkerSdJwt');
SELECT credreg.sd_jwt_present('x~', 'zSecretLogMarkerHolder', 'n', 'a', now());
SELECT credreg.log_signed_head('zSecretLogMarkerHead');
SELECT credreg.status_list_update('https://secret-log.example.edu/none', '{1}', true, 'revocation',
	'zSecretLogMarkerUpdate', 'did:example:k#1');
SELECT credreg.status_list_revoke('https://secret-log.example.edu/none', '{1}', 'zSecretLogMarkerRevoke', 'did:example:k#1');
SELECT credreg.status_list_suspend('https://secret-log.example.edu/none', '{1}', 'zSecretLogMarkerSuspend', 'did:example:k#1');
SELECT credreg.status_list_reinstate('https://secret-log.example.edu/none', '{1}', :'key', 'did:example:k#1');
DO $$
BEGIN
	EXECUTE 'SELECT credreg.sign(''{}'', ''zSecretLogMarkerInDo'', ''eddsa-jcs-2022'', ''did:example:k#1'')';
END
$$;

-- the errors were logged, the keys were not
SELECT pg_read_file(:'log', :log_start, 10000000) AS logged \gset
SELECT (SELECT count(*) FROM regexp_matches(:'logged', 'ERROR:', 'g')) AS errors_logged,
       strpos(:'logged', :'key') = 0 AS key_absent,
       strpos(:'logged', 'zSecretLogMarker') = 0 AS malformed_keys_absent,
       strpos(:'logged', 'STATEMENT:') = 0 AS no_statement_lines;

-- other errors still log their statement
SELECT 1 / 0 AS secret_log_division;
SELECT pg_read_file(:'log', :log_start, 10000000) AS logged \gset
SELECT strpos(:'logged', 'STATEMENT:  SELECT 1 / 0 AS secret_log_division') > 0 AS statement_logged;
