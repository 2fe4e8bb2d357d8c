-- credreg_check.catalog(): every object of the installed credreg extension,
-- described by what a user or pg_dump can observe, one row per object:
-- (kind, identity, detail).  Two databases whose catalogs give the same rows
-- have the same extension, whichever way each got it (a fresh install, an
-- ALTER EXTENSION UPDATE chain, a pg_restore).  Used by sql/upgrade.sql and
-- sql/dump_restore.sql; included with \ir, not a test of its own.
--
-- Identities are names, never OIDs, so that rows compare across databases.
-- A kind missing here still shows up in kind 'member' (every pg_depend
-- extension member, described by pg_describe_object).

CREATE SCHEMA IF NOT EXISTS credreg_check;

CREATE OR REPLACE FUNCTION credreg_check.catalog(ext name DEFAULT 'credreg')
	RETURNS TABLE (kind text, identity text, detail jsonb)
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH e AS (SELECT oid, extnamespace FROM pg_extension WHERE extname = ext),
member AS (
	SELECT d.classid, d.objid
	FROM pg_depend d, e
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
),
rel AS (
	SELECT c.* FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
)
-- the extension itself: version, configuration tables and their dump filters
SELECT 'extension', x.extname::text,
	jsonb_build_object('version', x.extversion, 'relocatable', x.extrelocatable,
		'schema', x.extnamespace::regnamespace::text,
		'config', (SELECT jsonb_object_agg(c::regclass::text, coalesce(x.extcondition[i], ''))
				   FROM unnest(x.extconfig) WITH ORDINALITY AS u(c, i)))
FROM pg_extension x WHERE x.extname = ext
UNION ALL
-- the schema: owner and privileges
SELECT 'schema', n.nspname::text,
	jsonb_build_object('acl', n.nspacl::text, 'comment', obj_description(n.oid, 'pg_namespace'))
FROM pg_namespace n, e WHERE n.oid = e.extnamespace
UNION ALL
-- every member, so that no kind of object can be missed
SELECT 'member', pg_describe_object(m.classid, m.objid, 0), '{}'::jsonb
FROM member m
UNION ALL
SELECT 'function', p.oid::regprocedure::text,
	jsonb_build_object('kind', p.prokind, 'language', l.lanname, 'volatility', p.provolatile,
		'strict', p.proisstrict, 'parallel', p.proparallel, 'security_definer', p.prosecdef,
		'leakproof', p.proleakproof, 'cost', p.procost, 'rows', p.prorows,
		'support', p.prosupport::regproc::text,
		'arguments', pg_get_function_arguments(p.oid), 'result', pg_get_function_result(p.oid),
		'config', p.proconfig, 'source', p.prosrc, 'binary', p.probin,
		'acl', p.proacl::text, 'comment', obj_description(p.oid, 'pg_proc'),
		'aggregate', (SELECT jsonb_build_object('kind', a.aggkind, 'transfn', a.aggtransfn::text,
						'finalfn', a.aggfinalfn::text, 'combinefn', a.aggcombinefn::text,
						'serialfn', a.aggserialfn::text, 'deserialfn', a.aggdeserialfn::text,
						'transtype', a.aggtranstype::regtype::text, 'initval', a.agginitval,
						'finalmodify', a.aggfinalmodify, 'sortop', a.aggsortop::regoperator::text)
					  FROM pg_aggregate a WHERE a.aggfnoid = p.oid))
FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	JOIN pg_language l ON l.oid = p.prolang
UNION ALL
SELECT 'type', t.oid::regtype::text,
	jsonb_build_object('type', t.typtype, 'length', t.typlen, 'byval', t.typbyval,
		'align', t.typalign, 'storage', t.typstorage, 'category', t.typcategory,
		'preferred', t.typispreferred, 'delimiter', t.typdelim,
		'input', t.typinput::text, 'output', t.typoutput::text,
		'receive', t.typreceive::text, 'send', t.typsend::text,
		'typmod_in', t.typmodin::text, 'typmod_out', t.typmodout::text,
		'analyze', t.typanalyze::text, 'subscript', t.typsubscript::text,
		'element', t.typelem::regtype::text, 'has_array', t.typarray <> 0,
		'base', t.typbasetype::regtype::text, 'not_null', t.typnotnull, 'default', t.typdefault,
		'collation', t.typcollation, 'acl', t.typacl::text,
		'comment', obj_description(t.oid, 'pg_type'),
		'attributes', (SELECT jsonb_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
									   ORDER BY a.attnum)
					   FROM pg_attribute a
					   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
UNION ALL
SELECT 'operator', o.oid::regoperator::text,
	jsonb_build_object('function', o.oprcode::regprocedure::text,
		'result', o.oprresult::regtype::text,
		'commutator', nullif(o.oprcom, 0)::regoperator::text,
		'negator', nullif(o.oprnegate, 0)::regoperator::text,
		'restrict', o.oprrest::text, 'join', o.oprjoin::text,
		'merges', o.oprcanmerge, 'hashes', o.oprcanhash,
		'comment', obj_description(o.oid, 'pg_operator'))
FROM pg_operator o JOIN member m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
UNION ALL
SELECT 'operator family', am.amname || ' ' || f.opfnamespace::regnamespace || '.' || f.opfname,
	jsonb_build_object(
		'operators', (SELECT jsonb_agg(format('%s %s %s %s', ao.amopstrategy, ao.amoppurpose,
											  ao.amopopr::regoperator,
											  coalesce(ao.amopsortfamily::text, '-'))
									   ORDER BY ao.amopstrategy, ao.amopopr::regoperator::text)
					  FROM pg_amop ao WHERE ao.amopfamily = f.oid),
		'functions', (SELECT jsonb_agg(format('%s %s %s %s', ap.amprocnum,
											  ap.amproclefttype::regtype, ap.amprocrighttype::regtype,
											  ap.amproc::regprocedure)
									   ORDER BY ap.amprocnum, ap.amproc::regprocedure::text)
					  FROM pg_amproc ap WHERE ap.amprocfamily = f.oid))
FROM pg_opfamily f JOIN member m ON m.classid = 'pg_opfamily'::regclass AND m.objid = f.oid
	JOIN pg_am am ON am.oid = f.opfmethod
UNION ALL
SELECT 'operator class', am.amname || ' ' || c.opcnamespace::regnamespace || '.' || c.opcname,
	jsonb_build_object('type', c.opcintype::regtype::text, 'default', c.opcdefault,
		'storage', c.opckeytype::regtype::text,
		'family', f.opfnamespace::regnamespace || '.' || f.opfname)
FROM pg_opclass c JOIN member m ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid
	JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily
UNION ALL
SELECT 'cast', format('%s AS %s', c.castsource::regtype, c.casttarget::regtype),
	jsonb_build_object('function', nullif(c.castfunc, 0)::regprocedure::text,
		'context', c.castcontext, 'method', c.castmethod)
FROM pg_cast c JOIN member m ON m.classid = 'pg_cast'::regclass AND m.objid = c.oid
UNION ALL
SELECT 'relation', c.oid::regclass::text,
	jsonb_build_object('relkind', c.relkind, 'persistence', c.relpersistence,
		'options', c.reloptions, 'acl', c.relacl::text, 'row_security', c.relrowsecurity,
		'comment', obj_description(c.oid, 'pg_class'),
		'columns', (SELECT jsonb_agg(jsonb_build_object('name', a.attname,
						'type', format_type(a.atttypid, a.atttypmod), 'not_null', a.attnotnull,
						'default', pg_get_expr(ad.adbin, ad.adrelid), 'generated', a.attgenerated,
						'identity', a.attidentity, 'storage', a.attstorage,
						'collation', a.attcollation, 'acl', a.attacl::text,
						'comment', col_description(c.oid, a.attnum))
					ORDER BY a.attnum)
					FROM pg_attribute a
						LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
					WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
		'constraints', (SELECT jsonb_object_agg(k.conname, pg_get_constraintdef(k.oid))
						FROM pg_constraint k WHERE k.conrelid = c.oid),
		'indexes', (SELECT jsonb_object_agg(i.indexrelid::regclass::text,
											pg_get_indexdef(i.indexrelid))
					FROM pg_index i WHERE i.indrelid = c.oid),
		'triggers', (SELECT jsonb_object_agg(g.tgname, pg_get_triggerdef(g.oid))
					 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal),
		'policies', (SELECT jsonb_object_agg(p.polname, p.polcmd) FROM pg_policy p
					 WHERE p.polrelid = c.oid),
		'rules', (SELECT jsonb_object_agg(r.rulename, pg_get_ruledef(r.oid)) FROM pg_rewrite r
				  WHERE r.ev_class = c.oid AND r.rulename <> '_RETURN'),
		'view', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
		'sequence', (SELECT jsonb_build_object('type', s.seqtypid::regtype::text,
						'start', s.seqstart, 'increment', s.seqincrement, 'max', s.seqmax,
						'min', s.seqmin, 'cache', s.seqcache, 'cycle', s.seqcycle)
					 FROM pg_sequence s WHERE s.seqrelid = c.oid))
FROM rel c
UNION ALL
SELECT 'event trigger', g.evtname::text,
	jsonb_build_object('event', g.evtevent, 'function', g.evtfoid::regprocedure::text,
		'enabled', g.evtenabled, 'tags', g.evttags)
FROM pg_event_trigger g JOIN member m ON m.classid = 'pg_event_trigger'::regclass AND m.objid = g.oid
UNION ALL
-- the privileges pg_dump takes as the extension's own (GRANTs in its scripts)
SELECT 'initial privileges', pg_describe_object(ip.classoid, ip.objoid, ip.objsubid),
	jsonb_build_object('type', ip.privtype, 'acl', ip.initprivs::text)
FROM pg_init_privs ip
WHERE (ip.classoid, ip.objoid) IN (SELECT classid, objid FROM member)
   OR (ip.classoid = 'pg_namespace'::regclass AND ip.objoid = (SELECT extnamespace FROM e))
UNION ALL
-- the pinned JSON-LD contexts the install script seeds
SELECT 'seeded context', x.url, jsonb_build_object('sha256', encode(x.sha256, 'hex'))
FROM credreg.context x WHERE x.builtin
$$;

-- The differences between this database's catalog and another's (given as
-- the jsonb array of its rows), one row per object that differs: missing
-- here, only here, or which of its details differ.
CREATE OR REPLACE FUNCTION credreg_check.catalog_diff(other jsonb, ext name DEFAULT 'credreg')
	RETURNS TABLE (kind text, identity text, difference text)
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH o AS (SELECT * FROM jsonb_to_recordset(other) AS x(kind text, identity text, detail jsonb)),
h AS (SELECT * FROM credreg_check.catalog(ext))
SELECT coalesce(o.kind, h.kind), coalesce(o.identity, h.identity),
	CASE WHEN h.kind IS NULL THEN 'missing here'
		 WHEN o.kind IS NULL THEN 'only here'
		 ELSE 'differs in ' || (SELECT string_agg(k, ', ' ORDER BY k)
								FROM jsonb_object_keys(o.detail || h.detail) AS k
								WHERE o.detail -> k IS DISTINCT FROM h.detail -> k) END
FROM o FULL JOIN h ON o.kind = h.kind AND o.identity = h.identity
WHERE o.detail IS DISTINCT FROM h.detail
ORDER BY 1, 2
$$;

-- This database's catalog as one jsonb array, for catalog_diff elsewhere.
CREATE OR REPLACE FUNCTION credreg_check.catalog_json(ext name DEFAULT 'credreg')
	RETURNS jsonb
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT jsonb_agg(jsonb_build_object('kind', kind, 'identity', identity, 'detail', detail))
FROM credreg_check.catalog(ext)
$$;
