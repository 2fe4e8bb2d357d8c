#!/usr/bin/env bash
# What a new connection pays to fill its per-backend caches (src/util/cache.c):
# the first statement of a fresh session against the same statement run again
# in that session, for
#   taxonomy  credreg.closure() over ESCO: the compiled taxonomy is built
#   registry  credreg.verify() of a vc+jwt whose key is in credreg.issuer_key,
#             whose issuer is in credreg.trusted_issuer and whose status list
#             is in credreg.status_list: three lookups and one decode
# Median of RUNS fresh sessions (wall time as psql's \timing reports it).
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
set -euo pipefail
RUNS=${RUNS:-15}
DB=credreg_cache_bench
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
run=$(readlink -f tmp_run)

psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1
psql -q -X -v ON_ERROR_STOP=1 -d $DB -c "CREATE EXTENSION credreg" >/dev/null
rm -rf "$run/esco_cache_bench" && mkdir -p "$run/esco_cache_bench" && cp data/esco/*.csv.gz "$run/esco_cache_bench/"
psql -q -X -v ON_ERROR_STOP=1 -d $DB -At -c "SELECT credreg.import_esco('$run/esco_cache_bench') ->> 'skills'" >/dev/null
rm -rf "$run/esco_cache_bench"
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<'SQL' >/dev/null
-- the W3C vc-di-eddsa test key, registered under an https key id
CREATE TABLE k AS
SELECT 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'::text AS priv,
       'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS did,
       'https://bench.example/keys#1'::text AS kid,
       'https://bench.example/status/1'::text AS list_url;
INSERT INTO credreg.trusted_issuer (issuer) SELECT did FROM k;
INSERT INTO credreg.issuer_key (key_id, issuer, public_key)
SELECT kid, did, credreg.pubkey_from_private(priv) FROM k;
INSERT INTO credreg.status_list (url, credential)
SELECT list_url, credreg.sign(credreg.status_list_credential(list_url, 'revocation',
         credreg.status_list_set(credreg.status_list_create(), 7, true), did),
       priv, 'vc+jwt', did || '#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')
  FROM k;
CREATE TABLE c AS
SELECT credreg.sign(jsonb_build_object(
         '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
         'type', jsonb_build_array('VerifiableCredential'),
         'issuer', did, 'validFrom', '2025-01-01T00:00:00Z',
         'credentialSubject', jsonb_build_object('id', 'did:example:learner'),
         'credentialStatus', jsonb_build_object('type', 'BitstringStatusListEntry',
            'statusPurpose', 'revocation', 'statusListIndex', '8', 'statusListCredential', list_url)),
       priv, 'vc+jwt', kid) AS jwt
  FROM k;
CREATE TABLE s AS
SELECT credreg.skillset(ARRAY[id]) AS held FROM credreg.competency
 WHERE uri = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742' OR label = 'SQL'
 LIMIT 1;
SQL

. "$top/bench/lib.sh"
measure() {	# $1 = label, $2 = statement
	local r
	r=$(cold_warm_medians "$DB" "$2" "$RUNS")
	printf '%-9s first statement of a session %8.2f ms, the same again %6.2f ms (median of %d sessions)\n' \
		"$1" "${r% *}" "${r#* }" "$RUNS"
}
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
measure taxonomy "SELECT credreg.closure(held) IS NOT NULL FROM s"
measure registry "SELECT (credreg.verify(jwt, '2026-06-01')).valid FROM c"
psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null
