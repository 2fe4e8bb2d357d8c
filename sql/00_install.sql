-- The extension installs into its own schema and reports its version.
SELECT extname, extrelocatable, n.nspname
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'credreg';
SELECT credreg.credreg_version();
LOAD 'credreg';
SHOW credreg.max_json_depth;
SET credreg.max_json_depth = 0;
