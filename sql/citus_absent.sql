-- Without Citus (make test): every credreg table is its own local relation,
-- and credreg.citus_prepare() says what it needs.  make test-citus covers
-- credreg on Citus (test/citus).
SELECT t, credreg.citus_local_relation(t) = t AS local
  FROM credreg.citus_reference_tables() t;
SELECT credreg.citus_local_relation('pg_catalog.pg_class');
SELECT * FROM credreg.citus_prepare();
