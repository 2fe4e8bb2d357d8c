-- pgTAP: catalog invariants of the taxonomy objects: volatility (nothing
-- that reads the taxonomy tables is IMMUTABLE), parallel safety, comments,
-- privileges of the importers, the opclass.
BEGIN;
SELECT plan(16);
SET search_path = credreg, public;

SELECT volatility_is('credreg', 'match', ARRAY['skillset', 'skillset', 'jsonb'], 'stable', 'match is STABLE');
SELECT volatility_is('credreg', 'gap', ARRAY['skillset', 'skillset', 'jsonb'], 'stable', 'gap is STABLE');
SELECT volatility_is('credreg', 'skills', ARRAY['text[]', 'integer[]'], 'stable', 'skills is STABLE');
SELECT volatility_is('credreg', 'skills_of', ARRAY['jsonb'], 'stable', 'skills_of is STABLE');
SELECT volatility_is('credreg', 'skillset_contains', ARRAY['skillset', 'skillset'], 'immutable', 'operators are IMMUTABLE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		   WHERE n.nspname = 'credreg' AND p.provolatile = 'i'
			 AND p.prosrc ~* '(competency|competency_relation|competency_label|framework)\y'), 0,
	'no IMMUTABLE function reads the taxonomy tables');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		   WHERE n.nspname = 'credreg' AND p.proparallel <> 's'
			 AND p.proname NOT IN ('import_esco', 'import_onet', 'import_case', 'taxonomy_read_file',
								   'taxonomy_read_text', 'taxonomy_read_onet', 'taxonomy_read_optional', 'taxonomy_changed',
								   'taxonomy_snapshot_refresh', 'taxonomy_cache_stats')
			 AND (p.proname ~ '^(skillset|skillquery|taxonomy|label|competency|closure|match|gap|skills|credential|unresolved)')), 0,
	'every taxonomy function except importers, the trigger, the snapshot writer and the cache counters is PARALLEL SAFE');
SELECT is((SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		   WHERE n.nspname = 'credreg' AND obj_description(p.oid, 'pg_proc') IS NULL
			 AND (p.proname ~ '^(skillset|skillquery|taxonomy|label|competency|closure|match|gap|skills|credential|unresolved|import_)')), NULL,
	'every taxonomy function has a comment');
SELECT ok(NOT has_function_privilege('public', 'credreg.import_onet(text)', 'EXECUTE'), 'import_onet is not executable by PUBLIC');
SELECT ok(NOT has_function_privilege('public', 'credreg.taxonomy_read_file(text, boolean)', 'EXECUTE'), 'taxonomy_read_file is not executable by PUBLIC');
SELECT ok(NOT has_function_privilege('public', 'credreg.taxonomy_read_text(text)', 'EXECUTE'), 'taxonomy_read_text is not executable by PUBLIC');
SELECT has_opclass('credreg', 'skillset_ops', 'GIN operator class skillset_ops exists');
SELECT ok((SELECT bool_and(amvalidate(oid)) FROM pg_opclass WHERE opcname = 'skillset_ops'), 'skillset_ops passes amvalidate');
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_extension e,
			unnest(e.extconfig) t(oid) JOIN pg_class c ON c.oid = t.oid WHERE e.extname = 'credreg'
			AND c.relname ~ '^(framework|competency)'),
	ARRAY['competency', 'competency_id_seq', 'competency_label', 'competency_relation', 'framework'],
	'the taxonomy tables are dumped by pg_dump');

SELECT is((SELECT prorows FROM pg_proc WHERE oid = 'credreg.skillset_each(credreg.skillset)'::regprocedure), 20::real,
	'skillset_each estimates 20 rows (a profile), not the default 1000');
SELECT ok(NOT has_function_privilege('public', 'credreg.import_occupation_crosswalk(text)', 'EXECUTE')
	  AND NOT has_function_privilege('public', 'credreg.import_esco_occupations(text)', 'EXECUTE')
	  AND NOT has_function_privilege('public', 'credreg.import_onet_occupations(text)', 'EXECUTE')
	  AND NOT has_function_privilege('public', 'credreg.taxonomy_read_optional(text, boolean)', 'EXECUTE'),
	'the occupation importers are not executable by PUBLIC');
SELECT * FROM finish();
ROLLBACK;
