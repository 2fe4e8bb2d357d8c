
-- ---------------------------------------------------------------------------
-- dataint: Data Integrity proofs (debugging and test vectors)
-- ---------------------------------------------------------------------------

CREATE FUNCTION proof_hash_data(document text, proof_index integer DEFAULT 0,
		OUT canonical_document text, OUT canonical_proof_config text,
		OUT proof_config_hash bytea, OUT document_hash bytea, OUT hash_data bytea)
	AS 'MODULE_PATHNAME', 'credreg_proof_hash_data'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 200;
COMMENT ON FUNCTION proof_hash_data(text, integer) IS
	'intermediate values of a Data Integrity proof''s hashing: transformed document, canonical proof configuration, their hashes, and the signed hash data (proof configuration hash first); STABLE because the JSON-LD suites read credreg.context';
