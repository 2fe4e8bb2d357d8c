#!/usr/bin/env bash
# Verification speed of the issuer formats (README, "Blockcerts v3" and
# "Open Badges 2.0"): 2,000 verifications each, in one statement (each text
# distinct: the document followed by 0-999 spaces), of
#   - a Blockcerts mocknet credential (MerkleProof2019: RDFC-1.0 + SHA-256 +
#     Merkle path), against an eddsa-rdfc-2022 1EdTech sample (the same
#     canonicalization plus one Ed25519 verification) as the reference;
#   - an OB 2.0 hosted assertion (stored documents, cached per backend) and a
#     signed one (RS256, key from a stored CryptographicKey).
# Run with bench/run.sh bench/issuers.sh (PGHOST/PGPORT/PGUSER set).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-2000}
psql -X -q -v n="$n" <<'SQL'
\set ON_ERROR_STOP 1
\set bc `cat test/vectors/blockcerts/mocknet-vc-v2-validFrom-valid.json`
\set ob3 `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple.json`
\set hosted `cat test/vectors/ob2/assertion-hosted.json`
\set badge `cat test/vectors/ob2/badgeclass.json`
\set issuer `cat test/vectors/ob2/issuer.json`
\set key `cat test/vectors/ob2/publicKey.json`
\set rl `cat test/vectors/ob2/revocationList.json`
\set signed `cat test/vectors/ob2/assertion-signed.jws`
CREATE EXTENSION IF NOT EXISTS credreg;
BEGIN;
SET LOCAL credreg.issuer_fragment_keys = on;
INSERT INTO credreg.hosted_document (url, document) VALUES
 ('https://example.org/beths-robotics-badge.json', :'hosted'), ('https://example.org/robotics-badge.json', :'badge'),
 ('https://example.org/organization.json', :'issuer'), ('https://example.org/publicKey.json', :'key'),
 ('https://example.org/revocationList.json', :'rl');
INSERT INTO credreg.trusted_issuer (issuer, name) VALUES
 ('https://www.blockcerts.org/samples/3.0/issuer-blockcerts.json', 'bench'), ('https://example.com/issuers/876543', 'bench'),
 ('https://example.org/organization.json', 'bench') ON CONFLICT DO NOTHING;
CREATE TEMP TABLE t (name text, doc text, as_of timestamptz);
INSERT INTO t VALUES ('blockcerts MerkleProof2019 (mocknet)', :'bc', '2026-06-01Z'),
  ('eddsa-rdfc-2022 (1EdTech simple.json)', :'ob3', '2026-06-01Z'),
  ('OB 2.0 hosted', :'hosted', '2017-01-15Z'), ('OB 2.0 signed (RS256)', :'signed', '2017-01-15Z');
\timing on
SELECT name, count(*) FILTER (WHERE (credreg.verify(doc || repeat(' ', g % 1000), as_of)).valid) AS valid
  FROM t, generate_series(1, :n) g WHERE name LIKE 'blockcerts%' GROUP BY name;
SELECT name, count(*) FILTER (WHERE (credreg.verify(doc || repeat(' ', g % 1000), as_of)).valid) AS valid
  FROM t, generate_series(1, :n) g WHERE name LIKE 'eddsa%' GROUP BY name;
SELECT name, count(*) FILTER (WHERE (credreg.verify(doc || repeat(' ', g % 1000), as_of)).valid) AS valid
  FROM t, generate_series(1, :n) g WHERE name = 'OB 2.0 hosted' GROUP BY name;
SELECT name, count(*) FILTER (WHERE (credreg.verify(doc || repeat(' ', g % 1000), as_of)).valid) AS valid
  FROM t, generate_series(1, :n) g WHERE name LIKE 'OB 2.0 signed%' GROUP BY name;
ROLLBACK;
SQL
