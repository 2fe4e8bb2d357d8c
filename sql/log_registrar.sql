-- The Merkle log and the registrar helpers: exact errors (append-only
-- tables, sizes and indexes outside the log, malformed leaves, key types,
-- stored key references) and proofs over three appended leaves.
-- Everything runs in a transaction that is rolled back: the log is
-- append-only, so the other tests would otherwise see these leaves (psql
-- rolls back to before each failing statement).
\set ON_ERROR_ROLLBACK on
BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = notice;

-- the empty tree; a log of the three leaves 'a', 'b', 'c' (after whatever is there)
SELECT encode(log_root(0), 'hex') AS empty_root;
SELECT log_size() AS before \gset
SELECT log_append_many(ARRAY[sha256('a'), sha256('b'), sha256('c')]) = :before AS appended_at_end;
SELECT log_verify_inclusion(log_leaf_hash(sha256('c')), :before + 2, :before + 3,
		log_inclusion_proof(:before + 2, :before + 3), log_root(:before + 3)) AS c_included,
	log_verify_inclusion(log_leaf_hash(sha256('b')), :before + 2, :before + 3,
		log_inclusion_proof(:before + 2, :before + 3), log_root(:before + 3)) AS b_not_at_c,
	log_verify_consistency(:before + 1, :before + 3, log_root(:before + 1), log_root(:before + 3),
		log_consistency_proof(:before + 1, :before + 3)) AS consistent;

-- errors (terse: the log's size, which other tests change, is in some details)
\set VERBOSITY terse
SELECT log_append('\x0102'::bytea);
SELECT log_append_many(ARRAY[sha256('d'), NULL]);
SELECT log_root(-1);
SELECT log_inclusion_proof(0, 0);
SELECT log_consistency_proof(2, 1);
UPDATE log_entry SET logged_at = now() WHERE leaf_index = 0;
DELETE FROM log_subtree;
TRUNCATE log_entry;

-- key helpers
SELECT pubkey_type(pubkey_from_private(generate_key(t))) FROM unnest(ARRAY['ed25519', 'p-256', 'P-384']) t;
SELECT generate_key('RSA');
SELECT generate_key('secp256k1');
SELECT sign('{}', 'signing_key:nobody', 'vc+jwt', 'did:example:x#1');
INSERT INTO signing_key (name, private_key) VALUES ('self', 'signing_key:self');
INSERT INTO signing_key (name, private_key) VALUES ('', 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq');
SELECT status_list_revoke('https://nowhere.example/list', '{1}', generate_key(), 'did:example:x#1');
ROLLBACK;
