-- Markings of the SD-JWT, baked badge and pubkey_parse functions, as README
-- documents them: verifying reads the registry (STABLE), issuing draws salts
-- (VOLATILE), extracting and parsing are pure (IMMUTABLE); all PARALLEL SAFE.
\set ON_ERROR_STOP 1
\set QUIET 1
BEGIN;
SELECT plan(14);
SELECT volatility_is('credreg', 'sd_jwt_verify', ARRAY['text', 'text', 'text', 'timestamp with time zone', 'boolean'], 'stable');
SELECT isnt_strict('credreg', 'sd_jwt_verify', ARRAY['text', 'text', 'text', 'timestamp with time zone', 'boolean']);
SELECT volatility_is('credreg', 'sd_jwt_issue', ARRAY['jsonb', 'text[]', 'text', 'text', 'credreg.pubkey', 'integer'], 'volatile');
SELECT volatility_is('credreg', 'sd_jwt_present', ARRAY['text', 'text', 'text', 'text', 'timestamp with time zone'], 'volatile');
SELECT is_strict('credreg', 'sd_jwt_present', ARRAY['text', 'text', 'text', 'text', 'timestamp with time zone']);
SELECT volatility_is('credreg', 'extract_baked', ARRAY['bytea'], 'immutable');
SELECT is_strict('credreg', 'extract_baked', ARRAY['bytea']);
SELECT volatility_is('credreg', 'pubkey_parse', ARRAY['text'], 'immutable');
SELECT is_strict('credreg', 'pubkey_parse', ARRAY['text']);
SELECT is((SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'credreg'::regnamespace
              AND p.proname IN ('sd_jwt_verify', 'sd_jwt_issue', 'sd_jwt_present', 'extract_baked', 'pubkey_parse')
              AND p.proparallel <> 's'), NULL, 'all PARALLEL SAFE');
-- the result type starts with credreg.verification's attributes, in order
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
            WHERE attrelid = 'credreg.sd_jwt_verification'::regclass AND attnum <= 11),
          (SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
            WHERE attrelid = 'credreg.verification'::regclass AND attnum > 0 AND NOT attisdropped),
          'sd_jwt_verification begins with the attributes of verification');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
            WHERE attrelid = 'credreg.sd_jwt_verification'::regclass AND attnum > 11),
          ARRAY['key_bound', 'payload'], 'then key_bound and payload');
-- never raises on bad input
SELECT lives_ok($$SELECT credreg.sd_jwt_verify(s) FROM (VALUES ('~'), ('a.b.c~'), ('eyJ.eyJ.AA~~'), ('x.y.z~%~'), (repeat('~', 1000))) v(s)$$,
                'sd_jwt_verify gives a result for malformed text');
SELECT is((SELECT count(*) FROM (VALUES ('a.b.c~'), ('eyJ.eyJ.AA~~'), ('x.y.z~%~')) v(s), credreg.sd_jwt_verify(s) r
            WHERE NOT r.valid AND r.errors[1] ~ '^(malformed|disclosure_malformed): '), 3::bigint,
          'malformed SD-JWTs are invalid with a code');
SELECT * FROM finish();
ROLLBACK;
