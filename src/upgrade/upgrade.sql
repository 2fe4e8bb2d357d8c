-- credreg update script from the previous version, assembled by the Makefile
-- from UPGRADE_PARTS: this header, then each capability's changes to the
-- objects the previous version had (src/<capability>/<capability>--A--B.sql)
-- and the fragments of objects new in this version, in dependency order.

\echo Use "ALTER EXTENSION credreg UPDATE" to load this file. \quit
