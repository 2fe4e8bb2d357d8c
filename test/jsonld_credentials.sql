-- JSON-LD toRdf on real credentials: the W3C Data Integrity rdfc test
-- vectors (test/vectors/vc-di-rdfc).  Each signed document without its proof
-- and each proof configuration must canonicalize (credreg.jsonld_to_rdf, then
-- credreg.rdfc with the suite's hash) to the vector's canonical N-Quads, byte
-- for byte; the contexts are the pinned ones seeded at install.  Safe mode
-- must accept every one of them.
BEGIN;
\set QUIET on
SELECT plan(28);

CREATE TEMP TABLE vc (name text, hash text, doc text, proof_config text, canon_doc text, canon_proof text);

\set d test/vectors/vc-di-rdfc/
\set doc `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_signedDataInt.json`
\set cfg `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_proofConfigDataInt.json`
\set cd `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_canonDocDataInt.txt`
\set cp `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_proofCanonDataInt.txt`
INSERT INTO vc VALUES ('eddsa-rdfc-2022 alumni', 'sha256', :'doc', :'cfg', :'cd', :'cp');
\set doc `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_employ_signedDataInt.json`
\set cfg `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_employ_proofConfigDataInt.json`
\set cd `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_employ_canonDocDataInt.txt`
\set cp `cat test/vectors/vc-di-rdfc/eddsa-rdfc-2022_employ_proofCanonDataInt.txt`
INSERT INTO vc VALUES ('eddsa-rdfc-2022 employment', 'sha256', :'doc', :'cfg', :'cd', :'cp');
\set doc `cat test/vectors/vc-di-rdfc/Ed25519Signature2020_signedEdSig.json`
\set cfg `cat test/vectors/vc-di-rdfc/Ed25519Signature2020_proofConfigEdSig.json`
\set cd `cat test/vectors/vc-di-rdfc/Ed25519Signature2020_canonDocEdSig.txt`
\set cp `cat test/vectors/vc-di-rdfc/Ed25519Signature2020_proofCanonEdSig.txt`
INSERT INTO vc VALUES ('Ed25519Signature2020 alumni', 'sha256', :'doc', :'cfg', :'cd', :'cp');
\set doc `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_signedECDSAP256.json`
\set cfg `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_proofConfigECDSAP256.json`
\set cd `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_canonDocECDSAP256.txt`
\set cp `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_proofCanonECDSAP256.txt`
INSERT INTO vc VALUES ('ecdsa-rdfc-2019 P-256 alumni', 'sha256', :'doc', :'cfg', :'cd', :'cp');
\set doc `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_employ_signedECDSAP256.json`
\set cfg `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_employ_proofConfigECDSAP256.json`
\set cd `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_employ_canonDocECDSAP256.txt`
\set cp `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p256_employ_proofCanonECDSAP256.txt`
INSERT INTO vc VALUES ('ecdsa-rdfc-2019 P-256 employment', 'sha256', :'doc', :'cfg', :'cd', :'cp');
\set doc `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_signedECDSAP384.json`
\set cfg `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_proofConfigECDSAP384.json`
\set cd `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_canonDocECDSAP384.txt`
\set cp `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_proofCanonECDSAP384.txt`
INSERT INTO vc VALUES ('ecdsa-rdfc-2019 P-384 alumni', 'sha384', :'doc', :'cfg', :'cd', :'cp');
\set doc `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_employ_signedECDSAP384.json`
\set cfg `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_employ_proofConfigECDSAP384.json`
\set cd `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_employ_canonDocECDSAP384.txt`
\set cp `cat test/vectors/vc-di-rdfc/ecdsa-rdfc-2019-p384_employ_proofCanonECDSAP384.txt`
INSERT INTO vc VALUES ('ecdsa-rdfc-2019 P-384 employment', 'sha384', :'doc', :'cfg', :'cd', :'cp');

-- the canonical files end with a newline, which psql's backquote expansion drops
SELECT is(credreg.rdfc(credreg.jsonld_to_rdf((doc::jsonb - 'proof')::text), hash),
		  canon_doc || E'\n', name || ': canonical document')
  FROM vc ORDER BY name;
SELECT is(credreg.rdfc(credreg.jsonld_to_rdf(proof_config), hash),
		  canon_proof || E'\n', name || ': canonical proof configuration')
  FROM vc ORDER BY name;
SELECT is(credreg.rdfc(credreg.jsonld_to_rdf((doc::jsonb - 'proof')::text, NULL, true), hash),
		  canon_doc || E'\n', name || ': safe mode accepts the document')
  FROM vc ORDER BY name;
SELECT is(credreg.rdfc(credreg.jsonld_to_rdf(proof_config, NULL, true), hash),
		  canon_proof || E'\n', name || ': safe mode accepts the proof configuration')
  FROM vc ORDER BY name;

SELECT * FROM finish();
ROLLBACK;
