
-- crypto: the pubkey type, signatures, the key cache, and the registry's
-- trusted issuers and their keys.

CREATE TYPE pubkey;

CREATE FUNCTION pubkey_in(cstring) RETURNS pubkey
	AS 'MODULE_PATHNAME', 'pubkey_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_in(cstring) IS 'I/O';

CREATE FUNCTION pubkey_out(pubkey) RETURNS cstring
	AS 'MODULE_PATHNAME', 'pubkey_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_out(pubkey) IS 'I/O';

CREATE FUNCTION pubkey_recv(internal) RETURNS pubkey
	AS 'MODULE_PATHNAME', 'pubkey_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_recv(internal) IS 'I/O';

CREATE FUNCTION pubkey_send(pubkey) RETURNS bytea
	AS 'MODULE_PATHNAME', 'pubkey_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_send(pubkey) IS 'I/O';

CREATE TYPE pubkey (
	INPUT = pubkey_in,
	OUTPUT = pubkey_out,
	RECEIVE = pubkey_recv,
	SEND = pubkey_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = main
);
COMMENT ON TYPE pubkey IS
	'public key (Ed25519, P-256, P-384, RSA); input: JWK, Multikey, did:key, did:jwk, SPKI PEM; output: Multikey, or JWK for RSA';

-- comparison: bytewise on the canonical form, so equal keys are equal values

CREATE FUNCTION pubkey_eq(pubkey, pubkey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pubkey_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_eq(pubkey, pubkey) IS 'implementation of = operator';
CREATE FUNCTION pubkey_ne(pubkey, pubkey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pubkey_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_ne(pubkey, pubkey) IS 'implementation of <> operator';
CREATE FUNCTION pubkey_lt(pubkey, pubkey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pubkey_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_lt(pubkey, pubkey) IS 'implementation of < operator';
CREATE FUNCTION pubkey_le(pubkey, pubkey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pubkey_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_le(pubkey, pubkey) IS 'implementation of <= operator';
CREATE FUNCTION pubkey_gt(pubkey, pubkey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pubkey_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_gt(pubkey, pubkey) IS 'implementation of > operator';
CREATE FUNCTION pubkey_ge(pubkey, pubkey) RETURNS boolean
	AS 'MODULE_PATHNAME', 'pubkey_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_ge(pubkey, pubkey) IS 'implementation of >= operator';
CREATE FUNCTION pubkey_cmp(pubkey, pubkey) RETURNS integer
	AS 'MODULE_PATHNAME', 'pubkey_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_cmp(pubkey, pubkey) IS 'btree comparison function';
CREATE FUNCTION pubkey_hash(pubkey) RETURNS integer
	AS 'MODULE_PATHNAME', 'pubkey_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_hash(pubkey) IS 'hash function';
CREATE FUNCTION pubkey_hash_extended(pubkey, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'pubkey_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_hash_extended(pubkey, bigint) IS 'extended hash function';

CREATE OPERATOR = (
	LEFTARG = pubkey, RIGHTARG = pubkey, PROCEDURE = pubkey_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES);
COMMENT ON OPERATOR =(pubkey, pubkey) IS 'same public key';
CREATE OPERATOR <> (
	LEFTARG = pubkey, RIGHTARG = pubkey, PROCEDURE = pubkey_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
COMMENT ON OPERATOR <>(pubkey, pubkey) IS 'different public keys';
CREATE OPERATOR < (
	LEFTARG = pubkey, RIGHTARG = pubkey, PROCEDURE = pubkey_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
COMMENT ON OPERATOR <(pubkey, pubkey) IS 'less than (key type, then canonical bytes)';
CREATE OPERATOR <= (
	LEFTARG = pubkey, RIGHTARG = pubkey, PROCEDURE = pubkey_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
COMMENT ON OPERATOR <=(pubkey, pubkey) IS 'less than or equal (key type, then canonical bytes)';
CREATE OPERATOR > (
	LEFTARG = pubkey, RIGHTARG = pubkey, PROCEDURE = pubkey_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
COMMENT ON OPERATOR >(pubkey, pubkey) IS 'greater than (key type, then canonical bytes)';
CREATE OPERATOR >= (
	LEFTARG = pubkey, RIGHTARG = pubkey, PROCEDURE = pubkey_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR >=(pubkey, pubkey) IS 'greater than or equal (key type, then canonical bytes)';

CREATE OPERATOR CLASS pubkey_ops DEFAULT FOR TYPE pubkey USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 pubkey_cmp(pubkey, pubkey);
CREATE OPERATOR CLASS pubkey_hash_ops DEFAULT FOR TYPE pubkey USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 pubkey_hash(pubkey),
	FUNCTION 2 pubkey_hash_extended(pubkey, bigint);

-- canonical forms

CREATE FUNCTION pubkey_jwk(key pubkey) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'pubkey_jwk'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_jwk(pubkey) IS
	'the public JWK of a key (the RFC 7638 members: crv, kty, x, y / e, kty, n)';

CREATE FUNCTION pubkey_thumbprint(key pubkey) RETURNS text
	AS 'MODULE_PATHNAME', 'pubkey_thumbprint'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_thumbprint(pubkey) IS
	'RFC 7638 JWK thumbprint (SHA-256, base64url)';

CREATE FUNCTION pubkey_type(key pubkey) RETURNS text
	AS 'MODULE_PATHNAME', 'pubkey_type'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_type(pubkey) IS
	'key type: Ed25519, P-256, P-384 or RSA';

CREATE FUNCTION pubkey_algorithm(key pubkey) RETURNS text
	AS 'MODULE_PATHNAME', 'pubkey_algorithm'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_algorithm(pubkey) IS
	'JOSE signature algorithm of the key: EdDSA, ES256, ES384, or RS256 for RSA (which also fits PS256)';

CREATE FUNCTION pubkey_multikey(key pubkey) RETURNS text
	AS 'MODULE_PATHNAME', 'pubkey_multikey'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_multikey(pubkey) IS
	'Multikey (publicKeyMultibase) of an Ed25519, P-256 or P-384 key; NULL for RSA';

CREATE FUNCTION pubkey_did(key pubkey) RETURNS text
	AS 'MODULE_PATHNAME', 'pubkey_did'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_did(pubkey) IS
	'did:key DID of an Ed25519, P-256 or P-384 key; did:jwk DID of an RSA key';

-- signatures

CREATE FUNCTION verify_signature(key pubkey, alg text, message bytea, signature bytea)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_verify_signature'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION verify_signature(pubkey, text, bytea, bytea) IS
	'true when signature (raw r||s for ECDSA) is a valid JOSE alg signature of message by key';

CREATE FUNCTION sign_signature(private_key text, alg text, message bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_sign_signature'
	LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION sign_signature(text, text, bytea) IS
	'JOSE alg signature (raw r||s for ECDSA) of message with a private JWK, multibase private key or PKCS#8 PEM; VOLATILE because ECDSA signing draws randomness';

CREATE FUNCTION pubkey_from_private(private_key text) RETURNS pubkey
	AS 'MODULE_PATHNAME', 'credreg_pubkey_from_private'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION pubkey_from_private(text) IS
	'the public key of a private JWK, multibase private key or PKCS#8 PEM';

-- the per-backend key cache

CREATE FUNCTION key_cache_stats(OUT entries bigint, OUT hits bigint, OUT misses bigint,
								OUT resets bigint)
	AS 'MODULE_PATHNAME', 'credreg_key_cache_stats'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION key_cache_stats() IS
	'counters of this backend''s decoded-key cache';

CREATE FUNCTION key_cache_reset() RETURNS void
	AS 'MODULE_PATHNAME', 'credreg_key_cache_reset'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION key_cache_reset() IS
	'empties this backend''s decoded-key cache and zeroes its counters';

-- the registry: whom it trusts, and the keys it resolves

CREATE TABLE trusted_issuer (
	issuer text PRIMARY KEY CHECK (issuer <> ''),
	name text,
	jurisdiction text,
	accreditation jsonb CHECK (jsonb_typeof(accreditation) IN ('object', 'array')),
	valid_from timestamptz,
	valid_until timestamptz,
	revoked_at timestamptz,
	CHECK (valid_from < valid_until)
);
COMMENT ON TABLE trusted_issuer IS
	'issuers (accredited providers) the registry trusts, with their trust period';

CREATE TABLE issuer_key (
	key_id text PRIMARY KEY CHECK (key_id <> ''),
	issuer text NOT NULL CHECK (issuer <> ''),
	public_key pubkey NOT NULL,
	valid_from timestamptz,
	valid_until timestamptz,
	revoked_at timestamptz,
	CHECK (valid_from < valid_until)
);
CREATE INDEX issuer_key_issuer_idx ON issuer_key (issuer, public_key);
COMMENT ON TABLE issuer_key IS
	'verification methods the registry resolves itself (did:web, https key ids, bound JWKs): key id, issuer, public key, validity';

SELECT pg_catalog.pg_extension_config_dump('trusted_issuer', '');
SELECT pg_catalog.pg_extension_config_dump('issuer_key', '');

-- Public keys and the trust list are public: verification needs to read them.
GRANT SELECT ON trusted_issuer, issuer_key TO PUBLIC;

CREATE FUNCTION keystore_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_keystore_changed'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION keystore_changed() IS
	'trigger: makes every backend drop its cached issuer_key and trusted_issuer rows';

CREATE TRIGGER keystore_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trusted_issuer
	FOR EACH STATEMENT EXECUTE FUNCTION keystore_changed();
CREATE TRIGGER keystore_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON issuer_key
	FOR EACH STATEMENT EXECUTE FUNCTION keystore_changed();

CREATE FUNCTION registered_key(id text,
							   OUT key_id text, OUT issuer text, OUT public_key pubkey,
							   OUT valid_from timestamptz, OUT valid_until timestamptz,
							   OUT revoked_at timestamptz)
	AS 'MODULE_PATHNAME', 'credreg_registered_key'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION registered_key(text) IS
	'the issuer_key row of a key id, as the verifier sees it (through the per-backend cache)';

CREATE FUNCTION keystore_cache_stats(OUT entries bigint, OUT hits bigint, OUT misses bigint,
									 OUT invalidations bigint)
	AS 'MODULE_PATHNAME', 'credreg_keystore_cache_stats'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION keystore_cache_stats() IS
	'counters of this backend''s cache of issuer_key and trusted_issuer rows';
