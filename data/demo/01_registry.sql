-- credreg demo, part 1: a small institutional registry.
--
-- Three issuers: Example State University (a did:key issuer, trusted),
-- Northwind Polytechnic (an https issuer whose P-256 key the registry holds
-- in credreg.issuer_key, trusted) and Meridian Online Academy (a did:key
-- issuer the registry does not trust).  Six learners, a catalogue of
-- micro-credentials aligned to ESCO skills.
--
-- The private keys below exist only for this demo (generated for it); they
-- let the demo issue its own credentials with credreg.sign.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION credreg;
CREATE SCHEMA demo;

CREATE TABLE demo.signing_key (
	issuer_name text PRIMARY KEY,
	private_jwk text NOT NULL
);
INSERT INTO demo.signing_key (issuer_name, private_jwk) VALUES
	('Example State University', '{"kty":"OKP","crv":"Ed25519","x":"nprVhsyPrt4mcS9FoA3v0DU0nd438BvM3Gq2UXF2iO8","d":"Qp9SWJFO5jLzjC99hS1L13zIiC5OzvngQWKAtaSnCz8"}'),
	('Northwind Polytechnic', '{"kty":"EC","crv":"P-256","x":"WnXKDecEvLtc7SsFiVNz4OMJycxJ3hzu_vPLGc-SnSA","y":"HUuNADjggkBklFI64KvcqyM2BOcFSGR4LG31FeTEmiM","d":"t3MaCMJmJQ66dRddV4pRII2X41fN5cY5cWLIy6QgfGc"}'),
	('Meridian Online Academy', '{"kty":"OKP","crv":"Ed25519","x":"urDccjVEHeryC2tNb_iTB0pUjtffE5BdB7Wrvj8BT7E","d":"kjKK6CLVYBlSP0N54I29-jPauBDX0GWoSaHtkA29qKc"}');

-- Each issuer's public key, identifier and verification method.
CREATE TABLE demo.issuer (
	name text PRIMARY KEY,
	id text NOT NULL UNIQUE,
	public_key credreg.pubkey NOT NULL,
	verification_method text NOT NULL,
	private_jwk text NOT NULL
);
INSERT INTO demo.issuer
SELECT k.issuer_name, d.id, d.pk, d.vm, k.private_jwk
  FROM demo.signing_key k,
	   LATERAL (SELECT (k.private_jwk::jsonb - 'd')::text::credreg.pubkey AS pk) p,
	   LATERAL (SELECT CASE k.issuer_name
						 WHEN 'Northwind Polytechnic' THEN 'https://northwind.example.edu'
						 ELSE credreg.pubkey_did(p.pk) END AS id) i,
	   LATERAL (SELECT p.pk,
					   i.id,
					   CASE k.issuer_name
						 WHEN 'Northwind Polytechnic' THEN 'https://northwind.example.edu/keys/2026-1'
						 ELSE i.id || '#' || credreg.pubkey_multikey(p.pk) END AS vm) d;

-- Whom the registry trusts, and the key it holds for the https issuer.
INSERT INTO credreg.trusted_issuer (issuer, name, jurisdiction, accreditation)
SELECT id, name, 'EU', '{"body": "Demo Accreditation Agency"}'::jsonb
  FROM demo.issuer WHERE name <> 'Meridian Online Academy';
INSERT INTO credreg.issuer_key (key_id, issuer, public_key, valid_from)
SELECT verification_method, id, public_key, '2025-01-01'
  FROM demo.issuer WHERE name = 'Northwind Polytechnic';

CREATE TABLE demo.learner (
	id text PRIMARY KEY,
	name text NOT NULL
);
INSERT INTO demo.learner VALUES
	('did:example:learner-ana', 'Ana Silva'),
	('did:example:learner-ben', 'Ben Okafor'),
	('did:example:learner-chen', 'Chen Wei'),
	('did:example:learner-dana', 'Dana Kowalski'),
	('did:example:learner-eli', 'Eli Haddad'),
	('did:example:learner-farah', 'Farah Nasser');

-- The micro-credential catalogue; each achievement aligns to one ESCO skill
-- and is assessed on a five-level rubric.
CREATE TABLE demo.achievement (
	id text PRIMARY KEY,
	name text NOT NULL,
	issuer_name text NOT NULL REFERENCES demo.issuer (name),
	credits int NOT NULL,
	esco_skill text NOT NULL
);
INSERT INTO demo.achievement VALUES
	('https://esu.example.edu/achievements/sql-fundamentals', 'SQL Fundamentals', 'Example State University', 3,
	 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742'),
	('https://esu.example.edu/achievements/python-data', 'Python for Data Analysis', 'Example State University', 3,
	 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'),
	('https://esu.example.edu/achievements/applied-statistics', 'Applied Statistics I', 'Example State University', 3,
	 'http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833'),
	('https://esu.example.edu/achievements/data-mining-project', 'Data Mining Project', 'Example State University', 6,
	 'http://data.europa.eu/esco/skill/25f0ea33-b4a2-4f31-b7b4-7d20e827b180'),
	('https://northwind.example.edu/achievements/spreadsheet-modelling', 'Spreadsheet Modelling', 'Northwind Polytechnic', 2,
	 'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be'),
	('https://northwind.example.edu/achievements/reporting', 'Reporting and Data Visualisation', 'Northwind Polytechnic', 2,
	 'http://data.europa.eu/esco/skill/d0f2f8a7-d935-4a6d-8e54-dcc3e5e2cbeb'),
	('https://northwind.example.edu/achievements/ml-intro', 'Introduction to Machine Learning', 'Northwind Polytechnic', 4,
	 'http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43'),
	('https://meridian.example.com/achievements/javascript', 'JavaScript Essentials', 'Meridian Online Academy', 2,
	 'http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7');

\echo Registry: 3 issuers (2 trusted), 6 learners, 8 micro-credentials in the catalogue.
