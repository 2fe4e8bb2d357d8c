
-- ---------------------------------------------------------------------------
-- Blockcerts (README, "Blockcerts v3: MerkleProof2019"): the Merkle roots
-- issuers anchored in blockchain transactions, as the registry read them
-- from the chain itself; credreg never contacts a chain.
-- ---------------------------------------------------------------------------

CREATE TABLE blockchain_anchor (
	chain text NOT NULL,
	transaction_id text NOT NULL,
	merkle_root text NOT NULL CHECK (merkle_root OPERATOR(pg_catalog.~) '^[0-9a-fA-F]{64}$'),
	anchored_at timestamptz,
	PRIMARY KEY (chain, transaction_id)
);
COMMENT ON TABLE blockchain_anchor IS
	'Merkle roots anchored in blockchain transactions (Blockcerts), recorded by the registry; MerkleProof2019 roots are checked against them';
COMMENT ON COLUMN blockchain_anchor.chain IS
	'blink chain and network as the proof names them: btc:mainnet, btc:testnet, eth:mainnet, eth:sepolia, ...';
COMMENT ON COLUMN blockchain_anchor.merkle_root IS 'the root the transaction carries, SHA-256 in hex';
SELECT pg_catalog.pg_extension_config_dump('blockchain_anchor', '');
GRANT SELECT ON blockchain_anchor TO PUBLIC;
CREATE TRIGGER blockchain_anchor_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON blockchain_anchor
	FOR EACH STATEMENT EXECUTE FUNCTION stored_document_changed();
