-- Catalog invariants over EVERY function of the extension (all capabilities),
-- and the documented markings of the verifier's own functions.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = public;
SELECT plan(11);

CREATE TEMP TABLE f ON COMMIT DROP AS
SELECT p.oid::regprocedure::text AS fn, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef,
       p.proconfig, p.pronargs, p.prorettype = 'trigger'::regtype AS is_trigger,
       'internal'::regtype = ANY (p.proargtypes::regtype[]) AS has_internal,
       l.lanname, p.prokind, coalesce(obj_description(p.oid, 'pg_proc'), '') AS comment
  FROM pg_proc p
  JOIN pg_language l ON l.oid = p.prolang
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'credreg';

SELECT ok((SELECT count(*) FROM f) >= 10, 'the extension''s functions are found');

SELECT is(coalesce((SELECT array_agg(fn ORDER BY fn) FROM f WHERE comment = ''), '{}'), '{}'::text[],
          'every function has a COMMENT');

-- PARALLEL SAFE except writers: a function that is not parallel safe must
-- be VOLATILE (it writes) or a trigger
SELECT is(coalesce((SELECT array_agg(fn ORDER BY fn) FROM f
                     WHERE proparallel <> 's' AND NOT is_trigger AND provolatile <> 'v'), '{}'), '{}'::text[],
          'every non-VOLATILE function is PARALLEL SAFE');

-- nothing is VOLATILE unless it writes or draws randomness, and its comment says so
SELECT is(coalesce((SELECT array_agg(fn ORDER BY fn) FROM f
                     WHERE provolatile = 'v' AND NOT is_trigger AND prokind = 'f' AND pronargs > 0
                       AND comment !~* '(writ|random|volatile|nondetermin)'), '{}'), '{}'::text[],
          'every VOLATILE function with arguments says in its comment why');

-- C functions are STRICT unless their comment says what NULL means
SELECT is(coalesce((SELECT array_agg(fn ORDER BY fn) FROM f
                     WHERE lanname = 'c' AND NOT is_trigger AND prokind = 'f' AND NOT proisstrict AND pronargs > 0
                       AND NOT has_internal AND comment !~* 'null'), '{}'), '{}'::text[],
          'every non-strict C function (aggregate support on internal aside) documents NULL');

-- SECURITY DEFINER only with a pinned search_path
SELECT is(coalesce((SELECT array_agg(fn ORDER BY fn) FROM f
                     WHERE prosecdef AND NOT coalesce(proconfig::text ~ 'search_path', false)), '{}'), '{}'::text[],
          'every SECURITY DEFINER function pins search_path');

-- the verifier's functions, as documented in README (section verification)
CREATE TEMP TABLE expected (fn text, volatility "char", strict boolean, parallel "char") ON COMMIT DROP;
INSERT INTO expected VALUES
  ('credreg.verify(text,timestamp with time zone)', 's', true, 's'),
  ('credreg.verify(jsonb,timestamp with time zone)', 's', true, 's'),
  ('credreg.is_valid(text,timestamp with time zone)', 's', true, 's'),
  ('credreg.is_valid(jsonb,timestamp with time zone)', 's', true, 's'),
  ('credreg.verify_proof(text,credreg.pubkey)', 's', true, 's'),
  ('credreg.verify_proof(jsonb,credreg.pubkey)', 's', true, 's'),
  ('credreg.credential_payload(text)', 'i', true, 's'),
  ('credreg.proof_hash_data(text,integer)', 's', true, 's'),
  ('credreg.sign(jsonb,text,text,text)', 'v', true, 's'),
  ('credreg.jws_sign(text,bytea,text)', 'v', true, 's'),
  ('credreg.status_list_verify()', 'v', false, 'u');
SELECT is(coalesce((SELECT array_agg(e.fn ORDER BY e.fn) FROM expected e LEFT JOIN f ON f.fn = e.fn
                     WHERE f.fn IS NULL OR f.provolatile <> e.volatility OR f.proisstrict <> e.strict
                        OR f.proparallel <> e.parallel), '{}'), '{}'::text[],
          'verifier functions: volatility, strictness and parallel safety as documented');

-- verification is costed (the planner runs cheap predicates first)
SELECT is(coalesce((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1) FROM pg_proc p
                     WHERE p.oid::regprocedure::text IN (SELECT fn FROM expected WHERE volatility <> 'v')
                       AND p.procost < 100), '{}'), '{}'::text[],
          'verification functions carry a realistic COST');

-- privileges: anyone may verify; nobody but the owner writes the registry tables
SELECT ok(has_function_privilege('public', 'credreg.verify(text,timestamptz)', 'EXECUTE')
          AND has_function_privilege('public', 'credreg.is_valid(text,timestamptz)', 'EXECUTE'),
          'PUBLIC may execute verify and is_valid');
SELECT is(coalesce((SELECT array_agg(c.oid::regclass::text ORDER BY 1)
                      FROM pg_class c
                      JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
                      JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'credreg'
                     WHERE c.relkind = 'r'
                       AND (has_table_privilege('public', c.oid, 'INSERT') OR has_table_privilege('public', c.oid, 'UPDATE')
                            OR has_table_privilege('public', c.oid, 'DELETE') OR has_table_privilege('public', c.oid, 'TRUNCATE'))), '{}'),
          '{}'::text[], 'PUBLIC cannot write any table of the extension');
SELECT is(coalesce((SELECT array_agg(tgname::text ORDER BY 1) FROM pg_trigger
                     WHERE tgrelid = 'credreg.status_list'::regclass AND tgname = 'status_list_verify'), '{}'),
          '{status_list_verify}'::text[], 'status_list has the verifying trigger');

SELECT * FROM finish();
ROLLBACK;
