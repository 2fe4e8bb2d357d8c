-- README examples, sections Status lists and Tamper-evident log: the stored
-- signing key 'registrar-2026' that section Keys creates in its own
-- database.
INSERT INTO credreg.signing_key (name, private_key) VALUES ('registrar-2026', credreg.generate_key('Ed25519'));
