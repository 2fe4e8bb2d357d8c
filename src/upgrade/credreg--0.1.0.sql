-- credreg install script, assembled by the Makefile from one fragment per
-- capability (src/credreg.sql first, then src/<capability>/<capability>.sql
-- in dependency order).  This fragment holds what every capability shares.

\echo Use "CREATE EXTENSION credreg" to load this file. \quit

CREATE FUNCTION credreg_version() RETURNS text
	AS 'SELECT ''0.1.0''::text'
	LANGUAGE sql IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION credreg_version() IS 'version of the installed credreg extension';

-- util: byte encodings credentials use.

CREATE FUNCTION base64url_encode(data bytea) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_base64url_encode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base64url_encode(bytea) IS
	'base64url (RFC 4648 section 5) without padding';

CREATE FUNCTION base64url_decode(encoded text) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_base64url_decode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base64url_decode(text) IS
	'strict base64url decoding: no padding, URL-safe alphabet only, zero trailing bits';

CREATE FUNCTION base58btc_encode(data bytea) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_base58btc_encode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base58btc_encode(bytea) IS
	'base58btc (Bitcoin alphabet; each leading zero byte is a "1"), without the multibase "z"';

CREATE FUNCTION base58btc_decode(encoded text) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_base58btc_decode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base58btc_decode(text) IS
	'base58btc decoding (Bitcoin alphabet), without the multibase "z"';
-- json: strict JSON and RFC 8785 canonicalization.

CREATE FUNCTION jcs(document text) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jcs_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jcs(text) IS
	'RFC 8785 (JCS) canonical form of strict JSON text: sorted members, ECMAScript numbers, minimal escaping';

CREATE FUNCTION jcs(document bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_jcs_bytea'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jcs(bytea) IS
	'RFC 8785 (JCS) canonical form of strict JSON given as UTF-8 bytes, as UTF-8 bytes (ready for hashing)';

CREATE FUNCTION jcs(document jsonb) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jcs_jsonb'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jcs(jsonb) IS
	'RFC 8785 (JCS) canonical form of a jsonb value';

CREATE FUNCTION json_is_strict(document text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_json_is_strict'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION json_is_strict(text) IS
	'true when the text is strict JSON (no duplicate names, no lone surrogates, within credreg.max_json_depth and credreg.max_document_bytes)';

CREATE FUNCTION strict_jsonb(document text) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_strict_jsonb'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION strict_jsonb(text) IS
	'jsonb from strict JSON text: duplicate member names, lone surrogates and invalid UTF-8 are errors (text::jsonb keeps the last duplicate)';

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

-- ---------------------------------------------------------------------------
-- status: Bitstring Status List (VC Bitstring Status List v1.0)
-- ---------------------------------------------------------------------------

CREATE FUNCTION status_list_create(size integer DEFAULT 131072, status_size integer DEFAULT 1)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_create'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_create(integer, integer) IS
	'encodedList (multibase base64url of gzip) of an all-zero status list of size entries of status_size bits';

CREATE FUNCTION status_list_get(list text, index integer)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_status_list_get'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_get(text, integer) IS
	'bit at index (0 = most significant bit of the first byte) of an encodedList';

CREATE FUNCTION status_list_set(list text, index integer, value boolean)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_set'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set(text, integer, boolean) IS
	'encodedList with the bit at index set to value';

CREATE FUNCTION status_list_set(list text, indexes integer[], value boolean)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_set_many'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set(text, integer[], boolean) IS
	'encodedList with the bits at all of indexes set to value (one decode and encode)';

CREATE FUNCTION status_list_get_status(list text, index integer, status_size integer)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'credreg_status_list_get_status'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_get_status(text, integer, integer) IS
	'status of status_size bits at index (bits index*status_size onwards, first bit most significant)';

CREATE FUNCTION status_list_set_status(list text, index integer, status_size integer, value integer)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_set_status'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set_status(text, integer, integer, integer) IS
	'encodedList with the status of status_size bits at index set to value';

CREATE FUNCTION status_list_length(list text)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'credreg_status_list_length'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_length(text) IS
	'number of bits in an encodedList';

CREATE FUNCTION status_list_set_bits(list text)
	RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'credreg_status_list_set_bits'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set_bits(text) IS
	'indexes of the set bits of an encodedList, ascending';

CREATE FUNCTION status_list_decode(list text)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_status_list_decode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_decode(text) IS
	'uncompressed bitstring of an encodedList (index 0 is the most significant bit of the first byte)';

-- Status list credentials, one per URL.  The registrar stores the credential
-- as received (a JSON document or a JWS); the trigger status_list_derive
-- fills the other columns from it (the values given for them are replaced),
-- and the verifier's trigger rejects a credential that does not verify.
CREATE TABLE status_list (
	url text PRIMARY KEY,
	credential text NOT NULL,
	list_type text NOT NULL
		CHECK (list_type IN ('BitstringStatusListCredential', 'StatusList2021Credential')),
	purpose text[] NOT NULL,
	encoded_list text NOT NULL,
	entries bigint NOT NULL,
	issuer text,
	valid_from timestamptz,
	valid_until timestamptz,
	fetched_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE status_list IS
	'status list credentials (Bitstring Status List, StatusList2021) that credentialStatus entries point at, by URL';
COMMENT ON COLUMN status_list.credential IS 'the status list credential as received: JSON text, or a JWS (vc+jwt)';
COMMENT ON COLUMN status_list.purpose IS 'derived: credentialSubject.statusPurpose (one or more)';
COMMENT ON COLUMN status_list.entries IS 'derived: number of bits in the decoded list';
SELECT pg_catalog.pg_extension_config_dump('status_list', '');

CREATE FUNCTION status_list_derive() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_status_list_derive'
	LANGUAGE C;
COMMENT ON FUNCTION status_list_derive() IS
	'trigger: derives the columns of credreg.status_list from its credential';
CREATE TRIGGER status_list_derive BEFORE INSERT OR UPDATE ON status_list
	FOR EACH ROW EXECUTE FUNCTION status_list_derive();

CREATE FUNCTION status_list_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_status_list_changed'
	LANGUAGE C;
COMMENT ON FUNCTION status_list_changed() IS
	'trigger: flushes every backend''s status list cache when credreg.status_list changes';
CREATE TRIGGER status_list_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON status_list
	FOR EACH STATEMENT EXECUTE FUNCTION status_list_changed();

CREATE FUNCTION status_check(credential_status jsonb, as_of timestamptz DEFAULT pg_catalog.now(),
		OUT ok boolean, OUT purpose text, OUT list_url text, OUT index bigint,
		OUT status integer, OUT message text, OUT code text, OUT detail text, OUT checked boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'credreg_status_check'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION status_check(jsonb, timestamptz) IS
	'checks credentialStatus entries (an object or an array) against credreg.status_list as of as_of';

CREATE FUNCTION status_list_credential(url text, purpose text, encoded_list text, issuer text,
		valid_from timestamptz DEFAULT NULL, valid_until timestamptz DEFAULT NULL)
	RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
		'id', url,
		'type', jsonb_build_array('VerifiableCredential', 'BitstringStatusListCredential'),
		'issuer', issuer,
		'validFrom', to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
		'validUntil', to_char(valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
		'credentialSubject', jsonb_build_object(
			'id', url || '#list',
			'type', 'BitstringStatusList',
			'statusPurpose', purpose,
			'encodedList', encoded_list)))
	$$;
COMMENT ON FUNCTION status_list_credential(text, text, text, text, timestamptz, timestamptz) IS
	'the unsigned BitstringStatusListCredential for an encodedList, ready to be signed';

CREATE FUNCTION status_of(credential_status jsonb, as_of timestamptz DEFAULT pg_catalog.now())
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_of'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_of(jsonb, timestamptz) IS
	'revoked, suspended, status_unavailable, malformed or active: the status of credentialStatus entries as of as_of';

CREATE FUNCTION status_list_cache(OUT lists bigint, OUT bytes bigint, OUT lookups bigint,
		OUT reads bigint, OUT decodes bigint, OUT flushes bigint)
	RETURNS record
	AS 'MODULE_PATHNAME', 'credreg_status_list_cache'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION status_list_cache() IS
	'this backend''s status list cache: URLs and bytes held; lookups, table reads, list decodes and flushes so far';

-- ---------------------------------------------------------------------------
-- jose: JWS compact serialization (RFC 7515) building blocks
-- ---------------------------------------------------------------------------

CREATE FUNCTION jws_sign(protected_header text, payload bytea, private_key text)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jws_sign'
	LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION jws_sign(text, bytea, text) IS
	'compact JWS of payload under protected_header (JSON text, used byte for byte; its alg must fit the private JWK or multibase key); VOLATILE because ECDSA draws randomness';

-- rdf: N-Quads and RDF Dataset Canonicalization (RDFC-1.0).
-- STABLE, not IMMUTABLE: the result for a given input depends on the GUC
-- credreg.rdfc_max_work (a canonical text, or error 54000).

CREATE FUNCTION rdfc(nquads text, hash text DEFAULT 'sha256') RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_rdfc'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 500;
COMMENT ON FUNCTION rdfc(text, text) IS
	'RDFC-1.0 canonical N-Quads of an N-Quads document (hash sha256 or sha384); work bounded by credreg.rdfc_max_work';

CREATE FUNCTION rdfc_issued_identifiers(nquads text, hash text DEFAULT 'sha256') RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_rdfc_issued_identifiers'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 500;
COMMENT ON FUNCTION rdfc_issued_identifiers(text, text) IS
	'RDFC-1.0 issued identifiers map of an N-Quads document: input blank node label -> canonical label (c14nN)';

-- ---------------------------------------------------------------------------
-- JSON-LD 1.1: the pinned context store, expansion and deserialization to RDF
-- ---------------------------------------------------------------------------

-- Contexts come from this table only, never from the network.  Rows marked
-- builtin are the pinned contexts installed with the extension (generated
-- from data/contexts by data/contexts/gen_seed.py); they are immutable and
-- are left out of pg_dump, which recreates them with CREATE EXTENSION.  Rows
-- an institution adds are dumped.
CREATE TABLE context (
	url text PRIMARY KEY,
	document text NOT NULL,
	sha256 bytea NOT NULL CHECK (octet_length(sha256) = 32),
	builtin boolean NOT NULL DEFAULT false,
	added timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE context IS 'pinned JSON-LD context documents by URL; unknown URLs are an error, never a fetch';
COMMENT ON COLUMN context.sha256 IS 'SHA-256 of the UTF-8 document; filled in when omitted, checked when given';
COMMENT ON COLUMN context.builtin IS 'installed with the extension (immutable, not dumped)';

-- BEGIN generated seed (data/contexts/gen_seed.py)
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "ClrCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential",
      "@context": {
        "id": "@id",
        "type": "@type",
        "partial": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial",
          "@type": "xsd:boolean"
        }
      }
    },
    "ClrSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrSubject",
      "@context": {
        "id": "@id",
        "type": "@type",
        "cred": "https://www.w3.org/2018/credentials#",
        "obi": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#achievement",
          "@type": "obi:Achievement",
          "@container": "@set"
        },
        "association": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#association",
          "@type": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
          "@container": "@set"
        },
        "verifiableCredential": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential",
          "@type": "cred:verifiableCredential",
          "@container": "@set"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#identifier-1",
          "@type": "obi:Identifier",
          "@container": "@set"
        }
      }
    },
    "Association": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
      "@context": {
        "associationType": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#AssociationType"
        },
        "sourceId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#sourceId",
          "@type": "xsd:anyURI"
        },
        "targetId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#targetId",
          "@type": "xsd:anyURI"
        }
      }
    }
  }
}',
	'\x880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/clr/v2p0/context.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "ClrCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential",
      "@context": {
        "id": "@id",
        "type": "@type"
      }
    },
    "ClrSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrSubject",
      "@context": {
        "id": "@id",
        "type": "@type",
        "cred": "https://www.w3.org/2018/credentials#",
        "obi": "https://purl.imsglobal.org/spec/ob/v3p0/vocab.html#",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#achievement",
          "@type": "obi:Achievement",
          "@container": "@set"
        },
        "association": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#association",
          "@type": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
          "@container": "@set"
        },
        "verifiableCredential": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential",
          "@type": "cred:verifiableCredential",
          "@container": "@set"
        }
      }
    },
    "Association": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
      "@context": {
        "associationType": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#AssociationType"
        },
        "sourceId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#sourceId",
          "@type": "xsd:anyURI"
        },
        "targetId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#targetId",
          "@type": "xsd:anyURI"
        }
      }
    }
  }
}',
	'\xe198d7b517d74c5036434ce495086f67b10244709e9a3df9dcb7f8b1579b6167', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",

    "xsd": "https://www.w3.org/2001/XMLSchema#",

    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType",
          "@type": "xsd:string"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "xsd:float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy",
          "@type": "xsd:string"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode",
          "@type": "xsd:string"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization",
          "@type": "xsd:string"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement-0"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "xsd:date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "xsd:date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "xsd:float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber",
          "@type": "xsd:string"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role",
          "@type": "xsd:string"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term",
          "@type": "xsd:string"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "addressCountry": {
          "@id": "https://schema.org/addressCountry",
          "@type": "xsd:string"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode",
          "@type": "xsd:string"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality",
          "@type": "xsd:string"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion",
          "@type": "xsd:string"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber",
          "@type": "xsd:string"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode",
          "@type": "xsd:string"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress",
          "@type": "xsd:string"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode",
          "@type": "xsd:string"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription",
          "@type": "xsd:string"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework",
          "@type": "xsd:string"
        },
        "targetName": {
          "@id": "https://schema.org/targetName",
          "@type": "xsd:string"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType",
          "@type": "xsd:string"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "xsd:anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment",
          "@type": "xsd:string"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "audience": {
          "@id": "https://schema.org/audience",
          "@type": "xsd:string"
        },
        "genre": {
          "@id": "https://schema.org/genre",
          "@type": "xsd:string"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "latitude": {
          "@id": "https://schema.org/latitude",
          "@type": "xsd:string"
        },
        "longitude": {
          "@id": "https://schema.org/longitude",
          "@type": "xsd:string"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@type": "xsd:string"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType",
          "@type": "xsd:string"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "xsd:boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash",
          "@type": "xsd:string"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType",
          "@type": "xsd:string"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt",
          "@type": "xsd:string"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "caption": {
          "@id": "https://schema.org/caption",
          "@type": "xsd:string"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "additionalName": {
          "@id": "https://schema.org/additionalName",
          "@type": "xsd:string"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "xsd:date"
        },
        "email": {
          "@id": "https://schema.org/email",
          "@type": "xsd:string"
        },
        "familyName": {
          "@id": "https://schema.org/familyName",
          "@type": "xsd:string"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix",
          "@type": "xsd:string"
        },
        "givenName": {
          "@id": "https://schema.org/givenName",
          "@type": "xsd:string"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix",
          "@type": "xsd:string"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix",
          "@type": "xsd:string"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName",
          "@type": "xsd:string"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone",
          "@type": "xsd:string"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official",
          "@type": "xsd:string"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "xsd:anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "xsd:anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status",
          "@type": "xsd:string"
        },
        "value": {
          "@id": "https://schema.org/value",
          "@type": "xsd:string"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "xsd:anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue",
          "@type": "xsd:string"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType",
          "@type": "xsd:string"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax",
          "@type": "xsd:string"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin",
          "@type": "xsd:string"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level",
          "@type": "xsd:string"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points",
          "@type": "xsd:string"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "awardedDate": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedDate",
      "@type": "xsd:dateTime"
    },
    "description": {
      "@id": "https://schema.org/description",
      "@type": "xsd:string"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "@id"
    },
    "name": {
      "@id": "https://schema.org/name",
      "@type": "xsd:string"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative",
      "@type": "xsd:string"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "xsd:anyURI"
    }
  }
}
',
	'\xcfc147db5fd5e3575b06bd471fe04784e92de69296f64a351b8dff0ec3372e9c', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', '{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement-0"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "addressCountry": {
          "@id": "https://schema.org/addressCountry"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework"
        },
        "targetName": {
          "@id": "https://schema.org/targetName"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "audience": {
          "@id": "https://schema.org/audience"
        },
        "genre": {
          "@id": "https://schema.org/genre"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "latitude": {
          "@id": "https://schema.org/latitude"
        },
        "longitude": {
          "@id": "https://schema.org/longitude"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "https://www.w3.org/2001/XMLSchema#boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "caption": {
          "@id": "https://schema.org/caption"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "additionalName": {
          "@id": "https://schema.org/additionalName"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "email": {
          "@id": "https://schema.org/email"
        },
        "familyName": {
          "@id": "https://schema.org/familyName"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix"
        },
        "givenName": {
          "@id": "https://schema.org/givenName"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status"
        },
        "value": {
          "@id": "https://schema.org/value"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@container": "@list"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@type": "@id"
    },
    "name": {
      "@id": "https://schema.org/name"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
    }
  }
}',
	'\xbba433989e1e700ca60838a3c22378e7d8381aeb0c9590f9ddf84d1714f10296', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', '{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        },
        "inLanguage": {
          "@id": "https://schema.org/inLanguage"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "addressCountry": {
          "@id": "https://schema.org/addressCountry"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework"
        },
        "targetName": {
          "@id": "https://schema.org/targetName"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "audience": {
          "@id": "https://schema.org/audience"
        },
        "genre": {
          "@id": "https://schema.org/genre"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "latitude": {
          "@id": "https://schema.org/latitude"
        },
        "longitude": {
          "@id": "https://schema.org/longitude"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "https://www.w3.org/2001/XMLSchema#boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "caption": {
          "@id": "https://schema.org/caption"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "additionalName": {
          "@id": "https://schema.org/additionalName"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "email": {
          "@id": "https://schema.org/email"
        },
        "familyName": {
          "@id": "https://schema.org/familyName"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix"
        },
        "givenName": {
          "@id": "https://schema.org/givenName"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        },
        "inLanguage": {
          "@id": "https://schema.org/inLanguage"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status"
        },
        "value": {
          "@id": "https://schema.org/value"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@container": "@list"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "endorsementJwt": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "@id"
    },
    "inLanguage": {
      "@id": "https://schema.org/inLanguage"
    },
    "name": {
      "@id": "https://schema.org/name"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
    },
    "awardedDate": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedDate",
      "@type": "xsd:dateTime"
    },
    "jti": {
      "@id": "https://www.iana.org/assignments/jwt#jti",
      "@type": "@id"
    }
  }
}
',
	'\x3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",

    "xsd": "https://www.w3.org/2001/XMLSchema#",

    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType",
          "@type": "xsd:string"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "xsd:float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy",
          "@type": "xsd:string"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode",
          "@type": "xsd:string"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization",
          "@type": "xsd:string"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "xsd:date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "xsd:date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "xsd:float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
          "@container": "@set"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber",
          "@type": "xsd:string"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role",
          "@type": "xsd:string"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term",
          "@type": "xsd:string"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "addressCountry": {
          "@id": "https://schema.org/addressCountry",
          "@type": "xsd:string"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode",
          "@type": "xsd:string"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality",
          "@type": "xsd:string"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion",
          "@type": "xsd:string"
        },
        "geo": {
          "@id" : "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber",
          "@type": "xsd:string"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode",
          "@type": "xsd:string"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress",
          "@type": "xsd:string"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/Alignment",
      "@context": {
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode",
          "@type": "xsd:string"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription",
          "@type": "xsd:string"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework",
          "@type": "xsd:string"
        },
        "targetName": {
          "@id": "https://schema.org/targetName",
          "@type": "xsd:string"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType",
          "@type": "xsd:string"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "xsd:anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment",
          "@type": "xsd:string"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "audience": {
          "@id": "https://schema.org/audience",
          "@type": "xsd:string"
        },
        "genre": {
          "@id": "https://schema.org/genre",
          "@type": "xsd:string"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "latitude": {
          "@id": "https://schema.org/latitude",
          "@type": "xsd:string"
        },
        "longitude": {
          "@id": "https://schema.org/longitude",
          "@type": "xsd:string"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@type": "xsd:string"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType",
          "@type": "xsd:string"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "xsd:boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash",
          "@type": "xsd:string"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType",
          "@type": "xsd:string"
        },
        "salt":  {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt",
          "@type": "xsd:string"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "caption": {
          "@id": "https://schema.org/caption",
          "@type": "xsd:string"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "additionalName": {
          "@id": "https://schema.org/additionalName",
          "@type": "xsd:string"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "xsd:date"
        },
        "email": {
          "@id": "https://schema.org/email",
          "@type": "xsd:string"
        },
        "familyName": {
          "@id": "https://schema.org/familyName",
          "@type": "xsd:string"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix",
          "@type": "xsd:string"
        },
        "givenName": {
          "@id": "https://schema.org/givenName",
          "@type": "xsd:string"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix",
          "@type": "xsd:string"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix",
          "@type": "xsd:string"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "xsd:string"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName",
          "@type": "xsd:string"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#PhoneNumber",
          "@type": "xsd:string"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official",
          "@type": "xsd:string"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "xsd:anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "xsd:anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status",
          "@type": "xsd:string"
        },
        "value": {
          "@id": "https://schema.org/value",
          "@type": "xsd:string"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "xsd:anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue",
          "@type": "xsd:string"
        },
        "resultType": {
          "@id":"https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType",
          "@type": "xsd:string"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax",
          "@type": "xsd:string"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin",
          "@type": "xsd:string"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level",
          "@type": "xsd:string"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points",
          "@type": "xsd:string"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description",
      "@type": "xsd:string"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image"
    },
    "name": {
      "@id": "https://schema.org/name",
      "@type": "xsd:string"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative",
      "@type": "xsd:string"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "xsd:anyURI"
    }
  }
}',
	'\xb077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', '{
    "@context": {
        "id": "@id",
        "type": "@type",
        "1EdTechJsonSchemaValidator2019": "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019",
        "1EdTechRevocationList": "https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#1EdTechRevocationList",
        "1EdTechCredentialRefresh": "https://purl.imsglobal.org/spec/vccr/v1p0/context.json#1EdTechCredentialRefresh"
    }
}',
	'\x146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/citizenship/v2', '{
  "@context": {
    "@protected": true,

    "QuantitativeValue": {
      "@id": "https://schema.org/QuantitativeValue",
      "@context": {
        "@protected": true,

        "unitCode": "https://schema.org/unitCode",
        "value": "https://schema.org/value"
      }
    },

    "PostalAddress": {
      "@id": "https://schema.org/PostalAddress",
      "@context": {
        "@protected": true,

        "addressCountry": "https://schema.org/addressCountry",
        "addressLocality": "https://schema.org/addressLocality",
        "addressRegion": "https://schema.org/addressRegion"
      }
    },

    "Person": {
      "@id": "https://schema.org/Person",

      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "additionalName": "https://schema.org/additionalName",
        "birthCountry": "https://w3id.org/citizenship#birthCountry",
        "birthDate": {"@id": "https://schema.org/birthDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "familyName": "https://schema.org/familyName",
        "gender": "https://schema.org/gender",
        "givenName": "https://schema.org/givenName",
        "height": "https://schema.org/height",
        "image": {"@id": "https://schema.org/image", "@type": "@id"},
        "maritalStatus": "https://w3id.org/citizenship#maritalStatus",
        "marriageCertificateNumber": "https://w3id.org/citizenship#marriageCertificateNumber",
        "marriageLocation": {"@id": "https://w3id.org/citizenship#marriageLocation", "@type": "@id"}
      }
    },

    "PermanentResident": {
      "@id": "https://w3id.org/citizenship#PermanentResident",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "permanentResidentCard": {"@id": "https://w3id.org/citizenship#permanentResidentCard", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "PermanentResidentCard": {
      "@id": "https://w3id.org/citizenship#PermanentResidentCard",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "PermanentResidentCardCredential": "https://w3id.org/citizenship#PermanentResidentCardCredential",

    "EmployablePerson": {
      "@id": "https://w3id.org/citizenship#EmployablePerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "employmentAuthorizationDocument": {"@id": "https://w3id.org/citizenship#employmentAuthorizationDocument", "@type": "@id"},
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "EmploymentAuthorizationDocument": {
      "@id": "https://w3id.org/citizenship#EmploymentAuthorizationDocument",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "EmploymentAuthorizationDocumentCredential": "https://w3id.org/citizenship#EmploymentAuthorizationDocumentCredential",

    "NaturalizedPerson": {
      "@id": "https://w3id.org/citizenship#NaturalizedPerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "certificateOfNaturalization": {"@id": "https://w3id.org/citizenship#certificateOfNaturalization", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "commuterClassification": "https://w3id.org/citizenship#commuterClassification"
      }
    },

    "CertificateOfNaturalization": {
      "@id": "https://w3id.org/citizenship#CertificateOfNaturalization",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "naturalizationLocation": {"@id": "https://w3id.org/citizenship#naturalizationLocation", "@type": "@id"},
        "naturalizedBy": "https://w3id.org/citizenship#naturalizedBy",
        "identifier": "https://schema.org/identifier",
        "insRegistrationNumber": "https://w3id.org/citizenship#insRegistrationNumber"
      }
    },

    "CertificateOfNaturalizationCredential": "https://w3id.org/citizenship#CertificateOfNaturalizationCredential",

    "Citizen": {
      "@id": "https://w3id.org/citizenship#Citizen",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "certificateOfCitizenship": {"@id": "https://w3id.org/citizenship#certificateOfCitizenship", "@type": "@id"}
      }
    },

    "CertificateOfCitizenship": {
      "@id": "https://w3id.org/citizenship#CertificateOfCitizenship",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "cisRegistrationNumber": "https://w3id.org/citizenship#cisRegistrationNumber"
      }
    },

    "CertificateOfCitizenshipCredential": "https://w3id.org/citizenship#CertificateOfCitizenshipCredential",
    "OpticalBarcodeCredential": "https://w3id.org/citizenship#OpticalBarcodeCredential",
    "TerseBitstringStatusListEntry": {
      "@id":
        "https://w3id.org/citizenship#TerseBitstringStatusListEntry",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "terseStatusListBaseUrl": {
          "@type": "@id",
          "@id": "https://w3id.org/citizenship#terseStatusListBaseUrl"
        },
        "terseStatusListIndex":
          "https://w3id.org/citizenship#terseStatusListIndex"
      }
    }
  }
}
',
	'\x4b50a8580f99ddb2df2ad94e93eee1725f6c185a34306e1c98f4d631b160a9fc', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/citizenship/v4rc1', '{
  "@context": {
    "@protected": true,

    "image": {"@id": "https://schema.org/image", "@type": "@id"},

    "QuantitativeValue": {
      "@id": "https://schema.org/QuantitativeValue",
      "@context": {
        "@protected": true,

        "unitCode": "https://schema.org/unitCode",
        "value": "https://schema.org/value"
      }
    },

    "PostalAddress": {
      "@id": "https://schema.org/PostalAddress",
      "@context": {
        "@protected": true,

        "addressCountry": "https://schema.org/addressCountry",
        "addressLocality": "https://schema.org/addressLocality",
        "addressRegion": "https://schema.org/addressRegion"
      }
    },

    "Person": {
      "@id": "https://schema.org/Person",

      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "additionalName": "https://schema.org/additionalName",
        "birthCountry": "https://w3id.org/citizenship#birthCountry",
        "birthDate": {"@id": "https://schema.org/birthDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "familyName": "https://schema.org/familyName",
        "gender": "https://schema.org/gender",
        "givenName": "https://schema.org/givenName",
        "height": "https://schema.org/height",
        "image": {"@id": "https://schema.org/image", "@type": "@id"},
        "maritalStatus": "https://w3id.org/citizenship#maritalStatus",
        "marriageCertificateNumber": "https://w3id.org/citizenship#marriageCertificateNumber",
        "marriageLocation": {"@id": "https://w3id.org/citizenship#marriageLocation", "@type": "@id"}
      }
    },

    "PermanentResident": {
      "@id": "https://w3id.org/citizenship#PermanentResident",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "permanentResidentCard": {"@id": "https://w3id.org/citizenship#permanentResidentCard", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "PermanentResidentCard": {
      "@id": "https://w3id.org/citizenship#PermanentResidentCard",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "PermanentResidentCardCredential": "https://w3id.org/citizenship#PermanentResidentCardCredential",

    "EmployablePerson": {
      "@id": "https://w3id.org/citizenship#EmployablePerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "employmentAuthorizationDocument": {"@id": "https://w3id.org/citizenship#employmentAuthorizationDocument", "@type": "@id"},
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "EmploymentAuthorizationDocument": {
      "@id": "https://w3id.org/citizenship#EmploymentAuthorizationDocument",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "EmploymentAuthorizationDocumentCredential": "https://w3id.org/citizenship#EmploymentAuthorizationDocumentCredential",

    "NaturalizedPerson": {
      "@id": "https://w3id.org/citizenship#NaturalizedPerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "certificateOfNaturalization": {"@id": "https://w3id.org/citizenship#certificateOfNaturalization", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "commuterClassification": "https://w3id.org/citizenship#commuterClassification"
      }
    },

    "CertificateOfNaturalization": {
      "@id": "https://w3id.org/citizenship#CertificateOfNaturalization",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "naturalizationLocation": {"@id": "https://w3id.org/citizenship#naturalizationLocation", "@type": "@id"},
        "naturalizedBy": "https://w3id.org/citizenship#naturalizedBy",
        "identifier": "https://schema.org/identifier",
        "insRegistrationNumber": "https://w3id.org/citizenship#insRegistrationNumber"
      }
    },

    "CertificateOfNaturalizationCredential": "https://w3id.org/citizenship#CertificateOfNaturalizationCredential",

    "Citizen": {
      "@id": "https://w3id.org/citizenship#Citizen",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "certificateOfCitizenship": {"@id": "https://w3id.org/citizenship#certificateOfCitizenship", "@type": "@id"}
      }
    },

    "CertificateOfCitizenship": {
      "@id": "https://w3id.org/citizenship#CertificateOfCitizenship",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "cisRegistrationNumber": "https://w3id.org/citizenship#cisRegistrationNumber"
      }
    },

    "CertificateOfCitizenshipCredential": "https://w3id.org/citizenship#CertificateOfCitizenshipCredential"
  }
}
',
	'\x5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/data-integrity/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "cryptosuite": "https://w3id.org/security#cryptosuite",
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}
',
	'\xb5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/data-integrity/v2', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "previousProof": {
          "@id": "https://w3id.org/security#previousProof",
          "@type": "@id"
        },
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "cryptosuite": {
          "@id": "https://w3id.org/security#cryptosuite",
          "@type": "https://w3id.org/security#cryptosuiteString"
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}',
	'\x67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/jwk/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "JsonWebKey": {
      "@id": "https://w3id.org/security#JsonWebKey",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyJwk": {
          "@id": "https://w3id.org/security#publicKeyJwk",
          "@type": "@json"
        },
        "secretKeyJwk": {
          "@id": "https://w3id.org/security#secretKeyJwk",
          "@type": "@json"
        }
      }
    }
  }
}
',
	'\x0f14b62f6071aafe00df265770ea0c7508e118247d79b7d861a406d2aa00bece', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/multikey/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "Multikey": {
      "@id": "https://w3id.org/security#Multikey",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyMultibase": {
          "@id": "https://w3id.org/security#publicKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        },
        "secretKeyMultibase": {
          "@id": "https://w3id.org/security#secretKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    }
  }
}
',
	'\xba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/suites/ed25519-2020/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "Ed25519VerificationKey2020": {
      "@id": "https://w3id.org/security#Ed25519VerificationKey2020",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyMultibase": {
          "@id": "https://w3id.org/security#publicKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },
    "Ed25519Signature2020": {
      "@id": "https://w3id.org/security#Ed25519Signature2020",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}
',
	'\xb9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",

    "dc": "http://purl.org/dc/terms/",
    "sec": "https://w3id.org/security#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",

    "EcdsaKoblitzSignature2016": "sec:EcdsaKoblitzSignature2016",
    "Ed25519Signature2018": "sec:Ed25519Signature2018",
    "EncryptedMessage": "sec:EncryptedMessage",
    "GraphSignature2012": "sec:GraphSignature2012",
    "LinkedDataSignature2015": "sec:LinkedDataSignature2015",
    "LinkedDataSignature2016": "sec:LinkedDataSignature2016",
    "CryptographicKey": "sec:Key",

    "authenticationTag": "sec:authenticationTag",
    "canonicalizationAlgorithm": "sec:canonicalizationAlgorithm",
    "cipherAlgorithm": "sec:cipherAlgorithm",
    "cipherData": "sec:cipherData",
    "cipherKey": "sec:cipherKey",
    "created": {"@id": "dc:created", "@type": "xsd:dateTime"},
    "creator": {"@id": "dc:creator", "@type": "@id"},
    "digestAlgorithm": "sec:digestAlgorithm",
    "digestValue": "sec:digestValue",
    "domain": "sec:domain",
    "encryptionKey": "sec:encryptionKey",
    "expiration": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
    "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
    "initializationVector": "sec:initializationVector",
    "iterationCount": "sec:iterationCount",
    "nonce": "sec:nonce",
    "normalizationAlgorithm": "sec:normalizationAlgorithm",
    "owner": {"@id": "sec:owner", "@type": "@id"},
    "password": "sec:password",
    "privateKey": {"@id": "sec:privateKey", "@type": "@id"},
    "privateKeyPem": "sec:privateKeyPem",
    "publicKey": {"@id": "sec:publicKey", "@type": "@id"},
    "publicKeyBase58": "sec:publicKeyBase58",
    "publicKeyPem": "sec:publicKeyPem",
    "publicKeyWif": "sec:publicKeyWif",
    "publicKeyService": {"@id": "sec:publicKeyService", "@type": "@id"},
    "revoked": {"@id": "sec:revoked", "@type": "xsd:dateTime"},
    "salt": "sec:salt",
    "signature": "sec:signature",
    "signatureAlgorithm": "sec:signingAlgorithm",
    "signatureValue": "sec:signatureValue"
  }
}
',
	'\xabaf97e107d1925503c433dcaf3ffd2831697cacc1ed2a293e1bc8030d5bcb47', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/v2', '{
  "@context": [{
    "@version": 1.1
  }, "https://w3id.org/security/v1", {
    "AesKeyWrappingKey2019": "sec:AesKeyWrappingKey2019",
    "DeleteKeyOperation": "sec:DeleteKeyOperation",
    "DeriveSecretOperation": "sec:DeriveSecretOperation",
    "EcdsaSecp256k1Signature2019": "sec:EcdsaSecp256k1Signature2019",
    "EcdsaSecp256r1Signature2019": "sec:EcdsaSecp256r1Signature2019",
    "EcdsaSecp256k1VerificationKey2019": "sec:EcdsaSecp256k1VerificationKey2019",
    "EcdsaSecp256r1VerificationKey2019": "sec:EcdsaSecp256r1VerificationKey2019",
    "Ed25519Signature2018": "sec:Ed25519Signature2018",
    "Ed25519VerificationKey2018": "sec:Ed25519VerificationKey2018",
    "EquihashProof2018": "sec:EquihashProof2018",
    "ExportKeyOperation": "sec:ExportKeyOperation",
    "GenerateKeyOperation": "sec:GenerateKeyOperation",
    "KmsOperation": "sec:KmsOperation",
    "RevokeKeyOperation": "sec:RevokeKeyOperation",
    "RsaSignature2018": "sec:RsaSignature2018",
    "RsaVerificationKey2018": "sec:RsaVerificationKey2018",
    "Sha256HmacKey2019": "sec:Sha256HmacKey2019",
    "SignOperation": "sec:SignOperation",
    "UnwrapKeyOperation": "sec:UnwrapKeyOperation",
    "VerifyOperation": "sec:VerifyOperation",
    "WrapKeyOperation": "sec:WrapKeyOperation",
    "X25519KeyAgreementKey2019": "sec:X25519KeyAgreementKey2019",

    "allowedAction": "sec:allowedAction",
    "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
    "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"},
    "capability": {"@id": "sec:capability", "@type": "@id"},
    "capabilityAction": "sec:capabilityAction",
    "capabilityChain": {"@id": "sec:capabilityChain", "@type": "@id", "@container": "@list"},
    "capabilityDelegation": {"@id": "sec:capabilityDelegationMethod", "@type": "@id", "@container": "@set"},
    "capabilityInvocation": {"@id": "sec:capabilityInvocationMethod", "@type": "@id", "@container": "@set"},
    "caveat": {"@id": "sec:caveat", "@type": "@id", "@container": "@set"},
    "challenge": "sec:challenge",
    "ciphertext": "sec:ciphertext",
    "controller": {"@id": "sec:controller", "@type": "@id"},
    "delegator": {"@id": "sec:delegator", "@type": "@id"},
    "equihashParameterK": {"@id": "sec:equihashParameterK", "@type": "xsd:integer"},
    "equihashParameterN": {"@id": "sec:equihashParameterN", "@type": "xsd:integer"},
    "invocationTarget": {"@id": "sec:invocationTarget", "@type": "@id"},
    "invoker": {"@id": "sec:invoker", "@type": "@id"},
    "jws": "sec:jws",
    "keyAgreement": {"@id": "sec:keyAgreementMethod", "@type": "@id", "@container": "@set"},
    "kmsModule": {"@id": "sec:kmsModule"},
    "parentCapability": {"@id": "sec:parentCapability", "@type": "@id"},
    "plaintext": "sec:plaintext",
    "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"},
    "proofPurpose": {"@id": "sec:proofPurpose", "@type": "@vocab"},
    "proofValue": "sec:proofValue",
    "referenceId": "sec:referenceId",
    "unwrappedKey": "sec:unwrappedKey",
    "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"},
    "verifyData": "sec:verifyData",
    "wrappedKey": "sec:wrappedKey"
  }]
}
',
	'\x611bd81151d5efe53ec9aed78f5a813e577287bc9451ee26d6879b1b8b46bc3b', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/vc/status-list/2021/v1', '{
  "@context": {
    "@protected": true,
    "StatusList2021Credential": {
      "@id": "https://w3id.org/vc/status-list#StatusList2021Credential",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "description": "http://schema.org/description",
        "name": "http://schema.org/name"
      }
    },
    "StatusList2021": {
      "@id": "https://w3id.org/vc/status-list#StatusList2021",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "statusPurpose": "https://w3id.org/vc/status-list#statusPurpose",
        "encodedList": "https://w3id.org/vc/status-list#encodedList"
      }
    },
    "StatusList2021Entry": {
      "@id": "https://w3id.org/vc/status-list#StatusList2021Entry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "statusPurpose": "https://w3id.org/vc/status-list#statusPurpose",
        "statusListIndex": "https://w3id.org/vc/status-list#statusListIndex",
        "statusListCredential": {
          "@id": "https://w3id.org/vc/status-list#statusListCredential",
          "@type": "@id"
        }
      }
    }
  }
}',
	'\x634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/2018/credentials/examples/v1', '{
  "@context": [{
    "@version": 1.1
  },"https://www.w3.org/ns/odrl.jsonld", {
    "ex": "https://example.org/examples#",
    "schema": "http://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",

    "3rdPartyCorrelation": "ex:3rdPartyCorrelation",
    "AllVerifiers": "ex:AllVerifiers",
    "Archival": "ex:Archival",
    "BachelorDegree": "ex:BachelorDegree",
    "Child": "ex:Child",
    "CLCredentialDefinition2019": "ex:CLCredentialDefinition2019",
    "CLSignature2019": "ex:CLSignature2019",
    "IssuerPolicy": "ex:IssuerPolicy",
    "HolderPolicy": "ex:HolderPolicy",
    "Mother": "ex:Mother",
    "RelationshipCredential": "ex:RelationshipCredential",
    "UniversityDegreeCredential": "ex:UniversityDegreeCredential",
    "AlumniCredential": "ex:AlumniCredential",
    "DisputeCredential": "ex:DisputeCredential",
    "PrescriptionCredential": "ex:PrescriptionCredential",
    "ZkpExampleSchema2018": "ex:ZkpExampleSchema2018",

    "issuerData": "ex:issuerData",
    "attributes": "ex:attributes",
    "signature": "ex:signature",
    "signatureCorrectnessProof": "ex:signatureCorrectnessProof",
    "primaryProof": "ex:primaryProof",
    "nonRevocationProof": "ex:nonRevocationProof",

    "alumniOf": {"@id": "schema:alumniOf", "@type": "rdf:HTML"},
    "child": {"@id": "ex:child", "@type": "@id"},
    "degree": "ex:degree",
    "degreeType": "ex:degreeType",
    "degreeSchool": "ex:degreeSchool",
    "college": "ex:college",
    "name": {"@id": "schema:name", "@type": "rdf:HTML"},
    "givenName": "schema:givenName",
    "familyName": "schema:familyName",
    "parent": {"@id": "ex:parent", "@type": "@id"},
    "referenceId": "ex:referenceId",
    "documentPresence": "ex:documentPresence",
    "evidenceDocument": "ex:evidenceDocument",
    "spouse": "schema:spouse",
    "subjectPresence": "ex:subjectPresence",
    "verifier": {"@id": "ex:verifier", "@type": "@id"},
    "currentStatus": "ex:currentStatus",
    "statusReason": "ex:statusReason",
    "prescription": "ex:prescription"
  }]
}
',
	'\x2070ae4e75bc3b4c2cfe2b8b6e86ec45119672bbb5da283f0399ea96c60a0104', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/2018/credentials/v1', '{
  "@context": {
    "@version": 1.1,
    "@protected": true,

    "id": "@id",
    "type": "@type",

    "VerifiableCredential": {
      "@id": "https://www.w3.org/2018/credentials#VerifiableCredential",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "cred": "https://www.w3.org/2018/credentials#",
        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "credentialSchema": {
          "@id": "cred:credentialSchema",
          "@type": "@id",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "cred": "https://www.w3.org/2018/credentials#",

            "JsonSchemaValidator2018": "cred:JsonSchemaValidator2018"
          }
        },
        "credentialStatus": {"@id": "cred:credentialStatus", "@type": "@id"},
        "credentialSubject": {"@id": "cred:credentialSubject", "@type": "@id"},
        "evidence": {"@id": "cred:evidence", "@type": "@id"},
        "expirationDate": {"@id": "cred:expirationDate", "@type": "xsd:dateTime"},
        "holder": {"@id": "cred:holder", "@type": "@id"},
        "issued": {"@id": "cred:issued", "@type": "xsd:dateTime"},
        "issuer": {"@id": "cred:issuer", "@type": "@id"},
        "issuanceDate": {"@id": "cred:issuanceDate", "@type": "xsd:dateTime"},
        "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"},
        "refreshService": {
          "@id": "cred:refreshService",
          "@type": "@id",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "cred": "https://www.w3.org/2018/credentials#",

            "ManualRefreshService2018": "cred:ManualRefreshService2018"
          }
        },
        "termsOfUse": {"@id": "cred:termsOfUse", "@type": "@id"},
        "validFrom": {"@id": "cred:validFrom", "@type": "xsd:dateTime"},
        "validUntil": {"@id": "cred:validUntil", "@type": "xsd:dateTime"}
      }
    },

    "VerifiablePresentation": {
      "@id": "https://www.w3.org/2018/credentials#VerifiablePresentation",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "cred": "https://www.w3.org/2018/credentials#",
        "sec": "https://w3id.org/security#",

        "holder": {"@id": "cred:holder", "@type": "@id"},
        "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"},
        "verifiableCredential": {"@id": "cred:verifiableCredential", "@type": "@id", "@container": "@graph"}
      }
    },

    "EcdsaSecp256k1Signature2019": {
      "@id": "https://w3id.org/security#EcdsaSecp256k1Signature2019",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "EcdsaSecp256r1Signature2019": {
      "@id": "https://w3id.org/security#EcdsaSecp256r1Signature2019",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "Ed25519Signature2018": {
      "@id": "https://w3id.org/security#Ed25519Signature2018",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "RsaSignature2018": {
      "@id": "https://w3id.org/security#RsaSignature2018",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "proof": {"@id": "https://w3id.org/security#proof", "@type": "@id", "@container": "@graph"}
  }
}
',
	'\xab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/examples/v2', '{
  "@context": {
    "@vocab": "https://www.w3.org/ns/credentials/examples#"
  }
}
',
	'\x57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/status/v1', '{
  "@context": {
    "@protected": true,

    "id": "@id",
    "type": "@type",

    "BitstringStatusListCredential": "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",

    "BitstringStatusList": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusList",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "encodedList": {
          "@id": "https://www.w3.org/ns/credentials/status#encodedList",
          "@type": "https://w3id.org/security#multibase"
        },
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "ttl": "https://www.w3.org/ns/credentials/status#ttl"
      }
    },

    "BitstringStatusListEntry": {
      "@id":
        "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "statusListCredential": {
          "@id":
            "https://www.w3.org/ns/credentials/status#statusListCredential",
          "@type": "@id"
        },
        "statusListIndex":
          "https://www.w3.org/ns/credentials/status#statusListIndex",
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "statusMessage": {
          "@id": "https://www.w3.org/ns/credentials/status#statusMessage",
          "@context": {
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "message": "https://www.w3.org/ns/credentials/status#message",
            "status": "https://www.w3.org/ns/credentials/status#status"
          }
        },
        "statusReference": {
          "@id": "https://www.w3.org/ns/credentials/status#statusReference",
          "@type": "@id"
        },
        "statusSize": {
          "@id": "https://www.w3.org/ns/credentials/status#statusSize",
          "@type": "https://www.w3.org/2001/XMLSchema#integer"
        }
      }
    }
  }
}
',
	'\xfda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/undefined-terms/v2', '{
  "@context": {
    "@vocab": "https://www.w3.org/ns/credentials/undefined-term#"
  }
}
',
	'\x82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/v2', '{
  "@context": {
    "@protected": true,

    "id": "@id",
    "type": "@type",

    "description": "https://schema.org/description",
    "digestMultibase": {
      "@id": "https://w3id.org/security#digestMultibase",
      "@type": "https://w3id.org/security#multibase"
    },
    "digestSRI": {
      "@id": "https://www.w3.org/2018/credentials#digestSRI",
      "@type": "https://www.w3.org/2018/credentials#sriString"
    },
    "mediaType": {
      "@id": "https://schema.org/encodingFormat"
    },
    "name": "https://schema.org/name",

    "VerifiableCredential": {
      "@id": "https://www.w3.org/2018/credentials#VerifiableCredential",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "confidenceMethod": {
          "@id": "https://www.w3.org/2018/credentials#confidenceMethod",
          "@type": "@id"
        },
        "credentialSchema": {
          "@id": "https://www.w3.org/2018/credentials#credentialSchema",
          "@type": "@id"
        },
        "credentialStatus": {
          "@id": "https://www.w3.org/2018/credentials#credentialStatus",
          "@type": "@id"
        },
        "credentialSubject": {
          "@id": "https://www.w3.org/2018/credentials#credentialSubject",
          "@type": "@id"
        },
        "description": "https://schema.org/description",
        "evidence": {
          "@id": "https://www.w3.org/2018/credentials#evidence",
          "@type": "@id"
        },
        "issuer": {
          "@id": "https://www.w3.org/2018/credentials#issuer",
          "@type": "@id"
        },
        "name": "https://schema.org/name",
        "proof": {
          "@id": "https://w3id.org/security#proof",
          "@type": "@id",
          "@container": "@graph"
        },
        "refreshService": {
          "@id": "https://www.w3.org/2018/credentials#refreshService",
          "@type": "@id"
        },
        "relatedResource": {
          "@id": "https://www.w3.org/2018/credentials#relatedResource",
          "@type": "@id"
        },
        "renderMethod": {
          "@id": "https://www.w3.org/2018/credentials#renderMethod",
          "@type": "@id"
        },
        "termsOfUse": {
          "@id": "https://www.w3.org/2018/credentials#termsOfUse",
          "@type": "@id"
        },
        "validFrom": {
          "@id": "https://www.w3.org/2018/credentials#validFrom",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "validUntil": {
          "@id": "https://www.w3.org/2018/credentials#validUntil",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        }
      }
    },

    "EnvelopedVerifiableCredential":
      "https://www.w3.org/2018/credentials#EnvelopedVerifiableCredential",

    "VerifiablePresentation": {
      "@id": "https://www.w3.org/2018/credentials#VerifiablePresentation",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "holder": {
          "@id": "https://www.w3.org/2018/credentials#holder",
          "@type": "@id"
        },
        "proof": {
          "@id": "https://w3id.org/security#proof",
          "@type": "@id",
          "@container": "@graph"
        },
        "termsOfUse": {
          "@id": "https://www.w3.org/2018/credentials#termsOfUse",
          "@type": "@id"
        },
        "verifiableCredential": {
          "@id": "https://www.w3.org/2018/credentials#verifiableCredential",
          "@type": "@id",
          "@container": "@graph",
          "@context": null
        }
      }
    },

    "EnvelopedVerifiablePresentation":
      "https://www.w3.org/2018/credentials#EnvelopedVerifiablePresentation",

    "JsonSchemaCredential":
      "https://www.w3.org/2018/credentials#JsonSchemaCredential",

    "JsonSchema": {
      "@id": "https://www.w3.org/2018/credentials#JsonSchema",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "jsonSchema": {
          "@id": "https://www.w3.org/2018/credentials#jsonSchema",
          "@type": "@json"
        }
      }
    },

    "BitstringStatusListCredential":
      "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",

    "BitstringStatusList": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusList",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "encodedList": {
          "@id": "https://www.w3.org/ns/credentials/status#encodedList",
          "@type": "https://w3id.org/security#multibase"
        },
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "ttl": "https://www.w3.org/ns/credentials/status#ttl"
      }
    },

    "BitstringStatusListEntry": {
      "@id":
        "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "statusListCredential": {
          "@id":
            "https://www.w3.org/ns/credentials/status#statusListCredential",
          "@type": "@id"
        },
        "statusListIndex":
          "https://www.w3.org/ns/credentials/status#statusListIndex",
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "statusMessage": {
          "@id": "https://www.w3.org/ns/credentials/status#statusMessage",
          "@context": {
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "message": "https://www.w3.org/ns/credentials/status#message",
            "status": "https://www.w3.org/ns/credentials/status#status"
          }
        },
        "statusReference": {
          "@id": "https://www.w3.org/ns/credentials/status#statusReference",
          "@type": "@id"
        },
        "statusSize": {
          "@id": "https://www.w3.org/ns/credentials/status#statusSize",
          "@type": "https://www.w3.org/2001/XMLSchema#integer"
        }
      }
    },

    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "cryptosuite": {
          "@id": "https://w3id.org/security#cryptosuite",
          "@type": "https://w3id.org/security#cryptosuiteString"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "previousProof": {
          "@id": "https://w3id.org/security#previousProof",
          "@type": "@id"
        },
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    },

    "...": {
      "@id": "https://www.iana.org/assignments/jwt#..."
    },
    "_sd": {
      "@id": "https://www.iana.org/assignments/jwt#_sd",
      "@type": "@json"
    },
    "_sd_alg": {
      "@id": "https://www.iana.org/assignments/jwt#_sd_alg"
    },
    "aud": {
      "@id": "https://www.iana.org/assignments/jwt#aud",
      "@type": "@id"
    },
    "cnf": {
      "@id": "https://www.iana.org/assignments/jwt#cnf",
      "@context": {
        "@protected": true,

        "kid": {
          "@id": "https://www.iana.org/assignments/jwt#kid",
          "@type": "@id"
        },
        "jwk": {
          "@id": "https://www.iana.org/assignments/jwt#jwk",
          "@type": "@json"
        }
      }
    },
    "exp": {
      "@id": "https://www.iana.org/assignments/jwt#exp",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "iat": {
      "@id": "https://www.iana.org/assignments/jwt#iat",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "iss": {
      "@id": "https://www.iana.org/assignments/jose#iss",
      "@type": "@id"
    },
    "jku": {
      "@id": "https://www.iana.org/assignments/jose#jku",
      "@type": "@id"
    },
    "kid": {
      "@id": "https://www.iana.org/assignments/jose#kid",
      "@type": "@id"
    },
    "nbf": {
      "@id": "https://www.iana.org/assignments/jwt#nbf",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "sub": {
      "@id": "https://www.iana.org/assignments/jose#sub",
      "@type": "@id"
    },
    "x5u": {
      "@id": "https://www.iana.org/assignments/jose#x5u",
      "@type": "@id"
    }
  }
}',
	'\x59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/did/v1', '{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",

    "alsoKnownAs": {
      "@id": "https://www.w3.org/ns/activitystreams#alsoKnownAs",
      "@type": "@id"
    },
    "assertionMethod": {
      "@id": "https://w3id.org/security#assertionMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "authentication": {
      "@id": "https://w3id.org/security#authenticationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "capabilityDelegation": {
      "@id": "https://w3id.org/security#capabilityDelegationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "capabilityInvocation": {
      "@id": "https://w3id.org/security#capabilityInvocationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "controller": {
      "@id": "https://w3id.org/security#controller",
      "@type": "@id"
    },
    "keyAgreement": {
      "@id": "https://w3id.org/security#keyAgreementMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "service": {
      "@id": "https://www.w3.org/ns/did#service",
      "@type": "@id",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "serviceEndpoint": {
          "@id": "https://www.w3.org/ns/did#serviceEndpoint",
          "@type": "@id"
        }
      }
    },
    "verificationMethod": {
      "@id": "https://w3id.org/security#verificationMethod",
      "@type": "@id"
    }
  }
}',
	'\xadefa50311393eb1bd788a38ac9fe2696c65367928f6996812cd54577394f4da', true);
-- END generated seed

-- The seed is checked against the pinned digests at install.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(url, ', ') INTO bad FROM context
	 WHERE sha256 OPERATOR(pg_catalog.<>) pg_catalog.sha256(pg_catalog.convert_to(document, 'UTF8'));
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'pinned context documents do not match their SHA-256: %', bad;
	END IF;
END
$$;

SELECT pg_catalog.pg_extension_config_dump('context', 'WHERE NOT builtin');

CREATE FUNCTION context_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	digest bytea;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		RAISE EXCEPTION 'cannot truncate credreg.context'
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Builtin contexts are pinned by the extension; DELETE the rows you added instead.';
	END IF;
	IF TG_OP = 'DELETE' THEN
		IF OLD.builtin THEN
			RAISE EXCEPTION 'cannot delete builtin context "%"', OLD.url
				USING ERRCODE = 'insufficient_privilege',
					  HINT = 'Builtin contexts are pinned by the extension.';
		END IF;
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.builtin THEN
		RAISE EXCEPTION 'cannot modify builtin context "%"', OLD.url
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Builtin contexts are pinned by the extension.';
	END IF;
	IF NEW.builtin THEN
		RAISE EXCEPTION 'cannot add builtin context "%"', NEW.url
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only the extension installs builtin contexts.';
	END IF;
	digest := sha256(convert_to(NEW.document, 'UTF8'));
	IF NEW.sha256 IS NULL THEN
		NEW.sha256 := digest;
	ELSIF NEW.sha256 <> digest THEN
		RAISE EXCEPTION 'SHA-256 of context document "%" does not match the given digest', NEW.url
			USING ERRCODE = 'data_exception',
				  DETAIL = format('The document hashes to %s.', encode(digest, 'hex')),
				  HINT = 'Give the digest of the exact UTF-8 bytes, or leave sha256 null to have it computed.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION context_check() IS 'trigger: fills in or checks context.sha256 and keeps builtin contexts immutable';

CREATE TRIGGER context_check BEFORE INSERT OR UPDATE OR DELETE ON context
	FOR EACH ROW EXECUTE FUNCTION context_check();
CREATE TRIGGER context_no_truncate BEFORE TRUNCATE ON context
	FOR EACH STATEMENT EXECUTE FUNCTION context_check();

CREATE FUNCTION context_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_jsonld_context_changed'
	LANGUAGE C;
COMMENT ON FUNCTION context_changed() IS 'trigger: invalidates every backend''s cache of processed JSON-LD contexts';

CREATE TRIGGER context_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON context
	FOR EACH STATEMENT EXECUTE FUNCTION context_changed();

-- Not STRICT: base and safe may be null (null base: none; null safe: false).
CREATE FUNCTION jsonld_expand(document text, base text DEFAULT NULL, safe boolean DEFAULT false)
	RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_jsonld_expand'
	LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION jsonld_expand(text, text, boolean) IS 'JSON-LD 1.1 expansion with contexts from credreg.context; safe: fail instead of dropping terms; a NULL document gives NULL, a NULL base means none';

CREATE FUNCTION jsonld_to_rdf(document text, base text DEFAULT NULL, safe boolean DEFAULT false)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jsonld_to_rdf'
	LANGUAGE C STABLE PARALLEL SAFE COST 2000;
COMMENT ON FUNCTION jsonld_to_rdf(text, text, boolean) IS 'JSON-LD 1.1 deserialization to RDF as sorted, de-duplicated N-Quads; safe: fail instead of dropping terms; a NULL document gives NULL, a NULL base means none';

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

-- ---------------------------------------------------------------------------
-- verify: the verifier, issuing, and the status list trigger
-- ---------------------------------------------------------------------------

CREATE TYPE verification AS (
	valid boolean,
	format text,
	issuer text,
	key_id text,
	subject text,
	valid_from timestamptz,
	valid_until timestamptz,
	status text,
	trusted boolean,
	checks text[],
	errors text[]
);
COMMENT ON TYPE verification IS
	'outcome of credreg.verify: valid, what was verified (format, issuer, key, subject, validity window, status, trust), the checks that ran and the errors as "code: message"';

-- COST: measured per call as a multiple of cpu_operator_cost (see README,
-- section performance): about 100 us for an Ed25519 vc+jwt on the
-- reference machine.
CREATE FUNCTION verify(credential text, as_of timestamptz DEFAULT now())
	RETURNS verification
	AS 'MODULE_PATHNAME', 'credreg_verify_text'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION verify(text, timestamptz) IS
	'verifies a credential (JWS compact vc+jwt / VC-JWT, or a Data Integrity JSON document) as of as_of; never raises on bad input';

CREATE FUNCTION verify(credential jsonb, as_of timestamptz DEFAULT now())
	RETURNS verification
	AS 'MODULE_PATHNAME', 'credreg_verify_jsonb'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION verify(jsonb, timestamptz) IS
	'verifies a credential given as jsonb (a Data Integrity document, or a JSON string holding a JWS) as of as_of';

CREATE FUNCTION is_valid(credential text, as_of timestamptz DEFAULT now())
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_is_valid_text'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION is_valid(text, timestamptz) IS
	'true when credreg.verify would report valid; stops at the first failure';

CREATE FUNCTION is_valid(credential jsonb, as_of timestamptz DEFAULT now())
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_is_valid_jsonb'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION is_valid(jsonb, timestamptz) IS
	'true when credreg.verify would report valid; stops at the first failure';

CREATE FUNCTION verify_proof(credential text, key pubkey)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_verify_proof_text'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION verify_proof(text, pubkey) IS
	'signature mathematics alone: the JWS, or one of the Data Integrity proofs, verifies with key (no key resolution, validity, status or trust); STABLE because the JSON-LD suites read credreg.context';

CREATE FUNCTION verify_proof(credential jsonb, key pubkey)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_verify_proof_jsonb'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION verify_proof(jsonb, pubkey) IS
	'signature mathematics alone: one of the Data Integrity proofs (or the JWS string) verifies with key; STABLE because the JSON-LD suites read credreg.context';

CREATE FUNCTION credential_payload(credential text)
	RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_credential_payload'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 200;
COMMENT ON FUNCTION credential_payload(text) IS
	'the credential as JSON, unverified: a JWT''s credential with its claims mapped (VC-JWT 1.1), or the document without its proof';

CREATE FUNCTION sign(credential jsonb, private_key text, suite text, verification_method text)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_sign'
	LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION sign(jsonb, text, text, text) IS
	'secures a credential: suite vc+jwt (JWS, alg from the key), eddsa-jcs-2022 or ecdsa-jcs-2019 (a document with a proof; existing proofs make a proof set); VOLATILE because ECDSA draws randomness';

CREATE FUNCTION status_list_verify()
	RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_status_list_verify'
	LANGUAGE C;
COMMENT ON FUNCTION status_list_verify() IS
	'trigger: a status list credential is stored only when its proof verifies and its key is bound to its issuer (its validity window is judged when it is used, so historical and restored lists load)';

CREATE TRIGGER status_list_verify BEFORE INSERT OR UPDATE OF credential ON status_list
	FOR EACH ROW EXECUTE FUNCTION status_list_verify();

-- ===========================================================================
-- Competency taxonomy: frameworks, the skillset and skillquery types with
-- their GIN operator class, closure, matching, resolution, search, importers.
-- ===========================================================================

-- Frameworks and their concepts.  The data is kept by pg_dump
-- (pg_extension_config_dump below).
CREATE TABLE framework (
	key			text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.-]*$'),
	name		text NOT NULL,
	uri			text,
	version		text,
	imported_at	timestamptz
);
COMMENT ON TABLE framework IS 'competency frameworks (ESCO, O*NET, CASE documents, local ones)';

CREATE TABLE competency (
	id			serial PRIMARY KEY,
	framework	text NOT NULL REFERENCES framework (key) ON UPDATE CASCADE,
	uri			text NOT NULL UNIQUE,
	code		text,
	label		text NOT NULL,
	kind		text NOT NULL CHECK (kind IN ('skill', 'knowledge', 'competence', 'group',
										  'element', 'item', 'document', 'technology')),
	top_level	boolean NOT NULL DEFAULT false,
	status		text,
	description	text
);
CREATE UNIQUE INDEX competency_framework_code ON competency (framework, code) WHERE code IS NOT NULL;
COMMENT ON TABLE competency IS 'competencies and their groups; top_level marks framework roots and top-level groups, never valid match targets';

CREATE TABLE competency_label (
	competency	int NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('preferred', 'alternative', 'hidden', 'code')),
	label		text NOT NULL,
	norm		text NOT NULL,
	PRIMARY KEY (competency, kind, label)
);
CREATE INDEX competency_label_norm ON competency_label (norm text_pattern_ops);
COMMENT ON TABLE competency_label IS 'labels of competencies with their normalised form, for search';

CREATE TABLE competency_relation (
	src			int NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
	dst			int NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('broader', 'exactMatch', 'closeMatch', 'broadMatch',
										  'narrowMatch', 'related', 'replacedBy')),
	source		text,
	PRIMARY KEY (src, dst, kind),
	CHECK (src <> dst)
);
CREATE INDEX competency_relation_dst ON competency_relation (dst, kind);
COMMENT ON TABLE competency_relation IS 'relations read as "src kind dst": (SQL, query languages, broader) says query languages is broader than SQL';

SELECT pg_catalog.pg_extension_config_dump('framework', '');
SELECT pg_catalog.pg_extension_config_dump('competency', '');
SELECT pg_catalog.pg_extension_config_dump('competency_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('competency_label', '');
SELECT pg_catalog.pg_extension_config_dump('competency_relation', '');

-- The compiled closure of each backend is dropped when these tables change.
CREATE FUNCTION taxonomy_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'taxonomy_changed'
	LANGUAGE C;
COMMENT ON FUNCTION taxonomy_changed() IS 'statement trigger: invalidates the per-backend compiled taxonomy';
CREATE TRIGGER competency_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competency
	FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_changed();
CREATE TRIGGER competency_relation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competency_relation
	FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_changed();

-- ---------------------------------------------------------------------------
-- skillset
-- ---------------------------------------------------------------------------
CREATE TYPE skillset;

CREATE FUNCTION skillset_in(cstring) RETURNS skillset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_out(skillset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_recv(internal) RETURNS skillset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_send(skillset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_in(cstring) IS 'I/O';
COMMENT ON FUNCTION skillset_out(skillset) IS 'I/O';
COMMENT ON FUNCTION skillset_recv(internal) IS 'I/O';
COMMENT ON FUNCTION skillset_send(skillset) IS 'I/O';

CREATE TYPE skillset (
	INPUT = skillset_in,
	OUTPUT = skillset_out,
	RECEIVE = skillset_recv,
	SEND = skillset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE skillset IS 'set of (competency id, level) pairs, e.g. {12:3,40:1}';

CREATE FUNCTION skillset(ids int[], levels int[] DEFAULT NULL) RETURNS skillset
	AS 'MODULE_PATHNAME', 'skillset_from_arrays' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION skillset(int[], int[]) IS 'skillset from competency ids and levels (null levels: 0); a repeated id keeps its highest level';
CREATE FUNCTION skillset_ids(skillset) RETURNS int[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_ids(skillset) IS 'competency ids of a skillset, ascending';
CREATE FUNCTION skillset_levels(skillset) RETURNS int[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_levels(skillset) IS 'levels of a skillset, in id order';
CREATE FUNCTION skillset_each(s skillset, OUT id int, OUT level int) RETURNS SETOF record
	AS $$ SELECT * FROM ROWS FROM (pg_catalog.unnest(credreg.skillset_ids(s)), pg_catalog.unnest(credreg.skillset_levels(s))) $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_each(skillset) IS 'the (id, level) pairs of a skillset as rows';

CREATE FUNCTION skillset_contains(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_contained(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_overlap(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_eq(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_ne(skillset, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_union(skillset, skillset) RETURNS skillset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_intersect(skillset, skillset) RETURNS skillset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_minus(skillset, skillset) RETURNS skillset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_count(skillset) RETURNS int
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_contains(skillset, skillset) IS 'implementation of @> operator';
COMMENT ON FUNCTION skillset_contained(skillset, skillset) IS 'implementation of <@ operator';
COMMENT ON FUNCTION skillset_overlap(skillset, skillset) IS 'implementation of && operator';
COMMENT ON FUNCTION skillset_eq(skillset, skillset) IS 'implementation of = operator';
COMMENT ON FUNCTION skillset_ne(skillset, skillset) IS 'implementation of <> operator';
COMMENT ON FUNCTION skillset_union(skillset, skillset) IS 'implementation of | operator';
COMMENT ON FUNCTION skillset_intersect(skillset, skillset) IS 'implementation of & operator';
COMMENT ON FUNCTION skillset_minus(skillset, skillset) IS 'implementation of - operator';
COMMENT ON FUNCTION skillset_count(skillset) IS 'implementation of # operator';

CREATE OPERATOR @> (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_contains,
	COMMUTATOR = '<@', RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR <@ (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_contained,
	COMMUTATOR = '@>', RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR && (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_overlap,
	COMMUTATOR = '&&', RESTRICT = areasel, JOIN = areajoinsel);
CREATE OPERATOR = (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_eq,
	COMMUTATOR = '=', NEGATOR = '<>', RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR <> (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_ne,
	COMMUTATOR = '<>', NEGATOR = '=', RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR | (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_union,
	COMMUTATOR = '|');
CREATE OPERATOR & (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_intersect,
	COMMUTATOR = '&');
CREATE OPERATOR - (LEFTARG = skillset, RIGHTARG = skillset, PROCEDURE = skillset_minus);
CREATE OPERATOR # (RIGHTARG = skillset, PROCEDURE = skillset_count);
COMMENT ON OPERATOR @> (skillset, skillset) IS 'holds every competency of the right side at or above its level';
COMMENT ON OPERATOR <@ (skillset, skillset) IS 'is contained by';
COMMENT ON OPERATOR && (skillset, skillset) IS 'shares a competency (levels ignored)';
COMMENT ON OPERATOR = (skillset, skillset) IS 'same competencies at the same levels';
COMMENT ON OPERATOR <> (skillset, skillset) IS 'not equal';
COMMENT ON OPERATOR | (skillset, skillset) IS 'union (higher level kept)';
COMMENT ON OPERATOR & (skillset, skillset) IS 'intersection (lower level kept)';
COMMENT ON OPERATOR - (skillset, skillset) IS 'items of the left side the right side does not cover';
COMMENT ON OPERATOR # (NONE, skillset) IS 'number of competencies';

CREATE FUNCTION skillset_union_agg(skillset, skillset) RETURNS skillset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION skillset_union_agg(skillset, skillset) IS 'transition function of skillset_union_agg(skillset); NULL inputs are skipped';
CREATE AGGREGATE skillset_union_agg(skillset) (
	SFUNC = skillset_union_agg,
	STYPE = skillset,
	COMBINEFUNC = skillset_union_agg,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE skillset_union_agg(skillset) IS 'union of skillsets (higher level kept)';

-- ---------------------------------------------------------------------------
-- skillquery
-- ---------------------------------------------------------------------------
CREATE TYPE skillquery;

CREATE FUNCTION skillquery_in(cstring) RETURNS skillquery
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillquery_out(skillquery) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillquery_recv(internal) RETURNS skillquery
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillquery_send(skillquery) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillquery_in(cstring) IS 'I/O';
COMMENT ON FUNCTION skillquery_out(skillquery) IS 'I/O';
COMMENT ON FUNCTION skillquery_recv(internal) IS 'I/O';
COMMENT ON FUNCTION skillquery_send(skillquery) IS 'I/O';

CREATE TYPE skillquery (
	INPUT = skillquery_in,
	OUTPUT = skillquery_out,
	RECEIVE = skillquery_recv,
	SEND = skillquery_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE skillquery IS 'boolean query over competency ids with levels, e.g. 12 & (40 | 7>=3) & !9';

CREATE FUNCTION skillset_query(skillset, skillquery) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillquery_rquery(skillquery, skillset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_query(skillset, skillquery) IS 'implementation of @@ operator';
COMMENT ON FUNCTION skillquery_rquery(skillquery, skillset) IS 'implementation of ~~ operator';
CREATE OPERATOR @@ (LEFTARG = skillset, RIGHTARG = skillquery, PROCEDURE = skillset_query,
	COMMUTATOR = '~~', RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR ~~ (LEFTARG = skillquery, RIGHTARG = skillset, PROCEDURE = skillquery_rquery,
	COMMUTATOR = '@@', RESTRICT = contsel, JOIN = contjoinsel);
COMMENT ON OPERATOR @@ (skillset, skillquery) IS 'skillset satisfies the query';
COMMENT ON OPERATOR ~~ (skillquery, skillset) IS 'query is satisfied by the skillset';

-- ---------------------------------------------------------------------------
-- GIN operator class (keys: competency ids)
-- ---------------------------------------------------------------------------
CREATE FUNCTION skillset_gin_extract_value(skillset, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_gin_extract_query(skillset, internal, int2, internal, internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_gin_consistent(internal, int2, skillset, int4, internal, internal, internal, internal) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_gin_triconsistent(internal, int2, skillset, int4, internal, internal, internal) RETURNS "char"
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gin_extract_value(skillset, internal, internal) IS 'GIN support';
COMMENT ON FUNCTION skillset_gin_extract_query(skillset, internal, int2, internal, internal, internal, internal) IS 'GIN support';
COMMENT ON FUNCTION skillset_gin_consistent(internal, int2, skillset, int4, internal, internal, internal, internal) IS 'GIN support';
COMMENT ON FUNCTION skillset_gin_triconsistent(internal, int2, skillset, int4, internal, internal, internal) IS 'GIN support';

CREATE OPERATOR CLASS skillset_ops DEFAULT FOR TYPE skillset USING gin AS
	OPERATOR 3 && (skillset, skillset),
	OPERATOR 6 = (skillset, skillset),
	OPERATOR 7 @> (skillset, skillset),
	OPERATOR 8 <@ (skillset, skillset),
	OPERATOR 20 @@ (skillset, skillquery),
	FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
	FUNCTION 2 skillset_gin_extract_value(skillset, internal, internal),
	FUNCTION 3 skillset_gin_extract_query(skillset, internal, int2, internal, internal, internal, internal),
	FUNCTION 4 skillset_gin_consistent(internal, int2, skillset, int4, internal, internal, internal, internal),
	FUNCTION 6 skillset_gin_triconsistent(internal, int2, skillset, int4, internal, internal, internal),
	STORAGE int4;

-- ---------------------------------------------------------------------------
-- Closure, matching, resolution (STABLE: they read the taxonomy tables)
-- ---------------------------------------------------------------------------
CREATE FUNCTION closure(held skillset, policy jsonb DEFAULT '{}') RETURNS skillset
	AS 'MODULE_PATHNAME', 'taxonomy_closure' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 20;
COMMENT ON FUNCTION closure(skillset, jsonb) IS 'the skillset plus every broader competency and equivalent the matching policy allows';
CREATE FUNCTION match(held skillset, required skillset, policy jsonb DEFAULT '{}') RETURNS jsonb
	AS 'MODULE_PATHNAME', 'taxonomy_match' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;
COMMENT ON FUNCTION match(skillset, skillset, jsonb) IS 'coverage score and, per requirement, whether and how the held skillset satisfies it';
CREATE FUNCTION gap(held skillset, required skillset, policy jsonb DEFAULT '{}') RETURNS skillset
	AS 'MODULE_PATHNAME', 'taxonomy_gap' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;
COMMENT ON FUNCTION gap(skillset, skillset, jsonb) IS 'the requirements the held skillset does not satisfy';
CREATE FUNCTION competency_id(ref text) RETURNS int
	AS 'MODULE_PATHNAME', 'taxonomy_resolve' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION competency_id(text) IS 'id of a competency given by URI or framework:code, null when unknown';
CREATE FUNCTION skills(refs text[], levels int[] DEFAULT NULL) RETURNS skillset
	AS 'MODULE_PATHNAME', 'taxonomy_skills' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION skills(text[], int[]) IS 'skillset of competencies given by URI or framework:code, with levels; NULL refs give NULL, NULL levels give level 0 (any level)';

-- ---------------------------------------------------------------------------
-- Labels and search
-- ---------------------------------------------------------------------------
CREATE FUNCTION label_norm(text) RETURNS text
	AS 'MODULE_PATHNAME', 'taxonomy_label_norm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION label_norm(text) IS 'label folded for search: lower case, accents and parenthesised qualifiers removed, punctuation to spaces';
CREATE FUNCTION label_similarity(text, text) RETURNS real
	AS 'MODULE_PATHNAME', 'taxonomy_label_similarity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION label_similarity(text, text) IS 'trigram similarity (0..1) of two normalised labels';
CREATE FUNCTION label_score(norm text, query_norm text) RETURNS real
	AS 'MODULE_PATHNAME', 'taxonomy_label_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION label_score(text, text) IS 'search score of a normalised label for a normalised query: 3 equal, 1.5..2 prefix, similarity >= 0.3, else 0';
CREATE FUNCTION label_trigrams(norm text) RETURNS int4[]
	AS 'MODULE_PATHNAME', 'taxonomy_label_trigrams' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION label_trigrams(text) IS 'sorted distinct trigram keys of a normalised label, as label_similarity() counts them';
-- not STRICT: common may be NULL (no statistics yet)
CREATE FUNCTION label_query_trigrams(query_norm text, common int4[] DEFAULT NULL) RETURNS int4[]
	AS 'MODULE_PATHNAME', 'taxonomy_label_query_trigrams' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION label_query_trigrams(text, int4[]) IS 'trigram keys of a normalised query that every label of similarity >= 0.3 shares at least one of, the commonest (earliest in common; NULL common: word starts, then word ends) left out; NULL for a NULL query';
CREATE FUNCTION label_prefix_end(query_norm text) RETURNS text
	AS 'MODULE_PATHNAME', 'taxonomy_label_prefix_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION label_prefix_end(text) IS 'exclusive upper bound (query followed by byte 0xFF, not valid UTF-8) of the text_pattern_ops range of labels starting with the query';

-- Search index: each label's trigram keys, filled by the database on every
-- insert or update of norm (importers need not know), GIN-indexed with the
-- built-in array_ops so that competency_search() finds its similarity
-- candidates with && instead of scoring every label.
ALTER TABLE competency_label
	ADD COLUMN trgm int4[] NOT NULL GENERATED ALWAYS AS (label_trigrams(norm)) STORED;
COMMENT ON COLUMN competency_label.trgm IS 'label_trigrams(norm), for the GIN search index';
CREATE INDEX competency_label_trgm ON competency_label USING gin (trgm);

-- ---------------------------------------------------------------------------
-- Importers.  They read server-side files: EXECUTE is revoked from PUBLIC
-- (grant it, with pg_read_server_files, to the roles that import).
-- ---------------------------------------------------------------------------
CREATE FUNCTION taxonomy_read_file(path text, tab boolean DEFAULT false,
		OUT line bigint, OUT fields text[]) RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION taxonomy_read_file(text, boolean) IS 'rows of a server-side CSV (or tab-separated) file, plain or gzipped (path or path.gz); volatile because the file may change between calls; needs pg_read_server_files';
REVOKE ALL ON FUNCTION taxonomy_read_file(text, boolean) FROM PUBLIC;
CREATE FUNCTION taxonomy_read_text(path text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION taxonomy_read_text(text) IS 'a whole server-side file, plain or gzipped (path or path.gz), as text; volatile because the file may change between calls; needs pg_read_server_files';
REVOKE ALL ON FUNCTION taxonomy_read_text(text) FROM PUBLIC;

-- Splits a multi-valued ESCO cell (newline-separated) into trimmed values.
CREATE FUNCTION taxonomy_split_lines(text) RETURNS SETOF text
	AS $$ SELECT DISTINCT pg_catalog.btrim(v) FROM pg_catalog.regexp_split_to_table($1, E'\r?\n') AS v
		WHERE pg_catalog.btrim(v) OPERATOR(pg_catalog.<>) '' $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION taxonomy_split_lines(text) IS 'non-empty trimmed lines of a multi-valued cell';

CREATE FUNCTION import_esco(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	h text[];
	n_skills int; n_groups int; n_hier int; n_broader int; n_labels int;
	bad jsonb := '[]';
	n_bad int;
	c_type int; c_uri int; c_stype int; c_pref int; c_alt int; c_hidden int; c_status int; c_desc int; c_code int;
BEGIN
	IF directory !~ '^/' THEN
		RAISE EXCEPTION 'framework directory must be an absolute path: "%"', directory
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	directory := rtrim(directory, '/');

	INSERT INTO credreg.framework (key, name, uri, version, imported_at)
		VALUES ('esco', 'ESCO (European Skills, Competences, Qualifications and Occupations)',
				'http://data.europa.eu/esco/concept-scheme/skills', NULL, now())
		ON CONFLICT (key) DO UPDATE SET imported_at = EXCLUDED.imported_at;

	-- skills
	IF to_regclass('pg_temp.esco_in') IS NOT NULL THEN
		DROP TABLE pg_temp.esco_in, pg_temp.esco_labels, pg_temp.esco_hier;
	END IF;
	CREATE TEMP TABLE esco_in (line bigint, f text[]) ON COMMIT DROP;
	INSERT INTO esco_in SELECT * FROM credreg.taxonomy_read_file(directory || '/skills_en.csv');
	ANALYZE esco_in;
	SELECT f INTO h FROM esco_in WHERE line = 1;
	c_type := array_position(h, 'conceptType'); c_uri := array_position(h, 'conceptUri');
	c_stype := array_position(h, 'skillType'); c_pref := array_position(h, 'preferredLabel');
	c_alt := array_position(h, 'altLabels'); c_hidden := array_position(h, 'hiddenLabels');
	c_status := array_position(h, 'status'); c_desc := array_position(h, 'description');
	IF c_uri IS NULL OR c_pref IS NULL OR c_stype IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO skills file', directory || '/skills_en.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns conceptUri, skillType and preferredLabel.';
	END IF;
	DELETE FROM esco_in WHERE line = 1;
	WITH b AS (DELETE FROM esco_in
			WHERE cardinality(f) <> cardinality(h) OR f[c_uri] !~ '^https?://' OR coalesce(f[c_pref], '') = ''
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'skills_en.csv', 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							ELSE 'missing concept URI or preferred label' END)), '[]')
		INTO bad FROM b;
	INSERT INTO credreg.competency AS c (framework, uri, code, label, kind, top_level, status, description)
		SELECT DISTINCT ON (f[c_uri]) 'esco', f[c_uri], NULL, f[c_pref],
			CASE f[c_stype] WHEN 'knowledge' THEN 'knowledge' ELSE 'skill' END,
			false, nullif(f[c_status], ''), nullif(f[c_desc], '')
		FROM esco_in ORDER BY f[c_uri], line
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, label = EXCLUDED.label,
			kind = EXCLUDED.kind, top_level = false, status = EXCLUDED.status,
			description = EXCLUDED.description;
	GET DIAGNOSTICS n_skills = ROW_COUNT;
	CREATE TEMP TABLE esco_labels (uri text, kind text, label text) ON COMMIT DROP;
	INSERT INTO esco_labels
		SELECT f[c_uri], 'preferred', f[c_pref] FROM esco_in
		UNION SELECT f[c_uri], 'alternative', l FROM esco_in, credreg.taxonomy_split_lines(f[c_alt]) l
		UNION SELECT f[c_uri], 'hidden', l FROM esco_in, credreg.taxonomy_split_lines(f[c_hidden]) l;

	-- skill groups
	TRUNCATE esco_in;
	INSERT INTO esco_in SELECT * FROM credreg.taxonomy_read_file(directory || '/skillGroups_en.csv');
	ANALYZE esco_in;
	SELECT f INTO h FROM esco_in WHERE line = 1;
	c_uri := array_position(h, 'conceptUri'); c_pref := array_position(h, 'preferredLabel');
	c_alt := array_position(h, 'altLabels'); c_hidden := array_position(h, 'hiddenLabels');
	c_status := array_position(h, 'status'); c_desc := array_position(h, 'description');
	c_code := array_position(h, 'code');
	IF c_uri IS NULL OR c_pref IS NULL OR c_code IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO skill groups file', directory || '/skillGroups_en.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns conceptUri, preferredLabel and code.';
	END IF;
	DELETE FROM esco_in WHERE line = 1;
	WITH b AS (DELETE FROM esco_in
			WHERE cardinality(f) <> cardinality(h) OR f[c_uri] !~ '^https?://' OR coalesce(f[c_pref], '') = ''
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'skillGroups_en.csv', 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							ELSE 'missing concept URI or preferred label' END)), '[]')
		INTO bad FROM b;
	INSERT INTO credreg.competency AS c (framework, uri, code, label, kind, top_level, status, description)
		SELECT DISTINCT ON (f[c_uri]) 'esco', f[c_uri], nullif(f[c_code], ''), f[c_pref], 'group',
			false, nullif(f[c_status], ''), nullif(f[c_desc], '')
		FROM esco_in ORDER BY f[c_uri], line
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, code = EXCLUDED.code,
			label = EXCLUDED.label, kind = EXCLUDED.kind, top_level = false,
			status = EXCLUDED.status, description = EXCLUDED.description;
	GET DIAGNOSTICS n_groups = ROW_COUNT;
	INSERT INTO esco_labels
		SELECT f[c_uri], 'preferred', f[c_pref] FROM esco_in
		UNION SELECT f[c_uri], 'alternative', l FROM esco_in, credreg.taxonomy_split_lines(f[c_alt]) l
		UNION SELECT f[c_uri], 'hidden', l FROM esco_in, credreg.taxonomy_split_lines(f[c_hidden]) l
		UNION SELECT f[c_uri], 'code', f[c_code] FROM esco_in WHERE f[c_code] <> '';

	-- top level: the pillar roots (hierarchy level 0) and the ISCED-F broad
	-- fields (level 1 under knowledge)
	TRUNCATE esco_in;
	INSERT INTO esco_in SELECT * FROM credreg.taxonomy_read_file(directory || '/skillsHierarchy_en.csv');
	ANALYZE esco_in;
	SELECT f INTO h FROM esco_in WHERE line = 1;
	IF array_position(h, 'Level 0 URI') IS NULL OR array_position(h, 'Level 1 URI') IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO skills hierarchy file', directory || '/skillsHierarchy_en.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns Level 0 URI and Level 1 URI.';
	END IF;
	-- a few groups (the pillar roots) appear only in the hierarchy file
	CREATE TEMP TABLE esco_hier (uri text, label text, code text, lvl int) ON COMMIT DROP;
	INSERT INTO esco_hier
		SELECT DISTINCT ON (f[array_position(h, format('Level %s URI', l))])
			f[array_position(h, format('Level %s URI', l))], f[array_position(h, format('Level %s preferred term', l))],
			nullif(f[array_position(h, format('Level %s code', l))], ''), l
		FROM esco_in, generate_series(0, 3) l
		WHERE line > 1 AND cardinality(f) = cardinality(h)
		  AND coalesce(f[array_position(h, format('Level %s URI', l))], '') ~ '^https?://'
		  AND coalesce(f[array_position(h, format('Level %s preferred term', l))], '') <> ''
		ORDER BY f[array_position(h, format('Level %s URI', l))], line;
	INSERT INTO credreg.competency (framework, uri, code, label, kind, status)
		SELECT 'esco', e.uri, e.code, e.label, 'group', 'released' FROM esco_hier e
		WHERE NOT EXISTS (SELECT 1 FROM credreg.competency c WHERE c.uri = e.uri)
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_hier = ROW_COUNT;
	INSERT INTO esco_labels SELECT uri, 'preferred', label FROM esco_hier
		UNION SELECT uri, 'code', code FROM esco_hier WHERE code IS NOT NULL;
	UPDATE credreg.competency SET top_level = true
		WHERE uri IN (SELECT f[array_position(h, 'Level 0 URI')] FROM esco_in WHERE line > 1
					  UNION
					  SELECT f[array_position(h, 'Level 1 URI')] FROM esco_in
					  WHERE line > 1 AND f[array_position(h, 'Level 0 code')] = 'K')
		  AND NOT top_level;

	-- Fresh statistics before the joins below: after a TRUNCATE or a rolled
	-- back load, autovacuum may have recorded these tables as empty, and
	-- plans built on that take minutes instead of seconds.
	ANALYZE credreg.competency;
	ANALYZE esco_labels;

	-- labels: replaced as a whole for the framework
	DELETE FROM credreg.competency_label l USING credreg.competency c
		WHERE l.competency = c.id AND c.framework = 'esco';
	INSERT INTO credreg.competency_label (competency, kind, label, norm)
		SELECT c.id, e.kind, e.label, credreg.label_norm(e.label)
		FROM esco_labels e JOIN credreg.competency c ON c.uri = e.uri
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_labels = ROW_COUNT;
	-- competency_search() leaves the commonest trigrams (from these
	-- statistics) out of its index probe
	ANALYZE credreg.competency_label;

	-- broader relations (skills and groups)
	TRUNCATE esco_in;
	INSERT INTO esco_in SELECT * FROM credreg.taxonomy_read_file(directory || '/broaderRelationsSkillPillar.csv');
	ANALYZE esco_in;
	SELECT f INTO h FROM esco_in WHERE line = 1;
	c_uri := array_position(h, 'conceptUri'); c_code := array_position(h, 'broaderUri');
	IF c_uri IS NULL OR c_code IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO broader relations file', directory || '/broaderRelationsSkillPillar.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns conceptUri and broaderUri.';
	END IF;
	DELETE FROM esco_in WHERE line = 1;
	WITH b AS (DELETE FROM esco_in e
			WHERE cardinality(f) <> cardinality(h)
			   OR NOT EXISTS (SELECT 1 FROM credreg.competency c WHERE c.uri = e.f[c_uri])
			   OR NOT EXISTS (SELECT 1 FROM credreg.competency c WHERE c.uri = e.f[c_code])
			   OR f[c_uri] = f[c_code]
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'broaderRelationsSkillPillar.csv', 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							WHEN f[c_uri] = f[c_code] THEN 'concept is its own broader concept'
							ELSE 'unknown concept ' || CASE WHEN EXISTS (SELECT 1 FROM credreg.competency c WHERE c.uri = f[c_uri])
								THEN f[c_code] ELSE f[c_uri] END END)), '[]')
		INTO bad FROM b;
	DELETE FROM credreg.competency_relation WHERE source = 'esco' AND kind = 'broader';
	INSERT INTO credreg.competency_relation (src, dst, kind, source)
		SELECT s.id, d.id, 'broader', 'esco'
		FROM esco_in e JOIN credreg.competency s ON s.uri = e.f[c_uri]
			JOIN credreg.competency d ON d.uri = e.f[c_code]
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_broader = ROW_COUNT;

	n_bad := jsonb_array_length(bad);
	RETURN jsonb_build_object('framework', 'esco', 'skills', n_skills, 'skillGroups', n_groups, 'hierarchyOnlyGroups', n_hier,
		'broader', n_broader, 'labels', n_labels, 'rejected', n_bad,
		'rejectedRows', (SELECT coalesce(jsonb_agg(x), '[]') FROM (SELECT x FROM jsonb_array_elements(bad) x LIMIT 100) s),
		'seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2));
END
$$;
COMMENT ON FUNCTION import_esco(text) IS 'imports an ESCO CSV release (skills, skill groups, hierarchy, broader relations, labels) from a server directory; writes the taxonomy tables; idempotent; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_esco(text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Credentials: the competencies an OB 3.0 / CLR 2.0 credential aligns to
-- (SEMANTICS.md §1.2-1.3)
-- ---------------------------------------------------------------------------

-- A JSON value as an array: arrays as they are, other non-null values wrapped.
CREATE FUNCTION taxonomy_jarr(jsonb) RETURNS jsonb
	AS $$ SELECT CASE pg_catalog.jsonb_typeof($1) WHEN 'array' THEN $1 WHEN 'null' THEN '[]'::jsonb
		ELSE pg_catalog.jsonb_build_array($1) END $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION taxonomy_jarr(jsonb) IS 'a JSON value as an array (non-arrays wrapped, null as [])';

-- Level 1..5 of position i (0-based) among n ordered values (low to high).
CREATE FUNCTION taxonomy_level(i bigint, n bigint) RETURNS int
	AS $$ SELECT CASE WHEN i IS NULL OR n IS NULL OR n < 1 OR i < 0 OR i >= n THEN NULL
		WHEN n = 1 THEN 5 ELSE 1 + pg_catalog.round(4.0 * i / (n - 1))::int END $$
	LANGUAGE sql IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION taxonomy_level(bigint, bigint) IS 'credreg level 1..5 of the i-th (0-based) of n values ordered from low to high';

CREATE FUNCTION credential_alignments(credential jsonb)
	RETURNS TABLE (source text, target_url text, target_code text, target_framework text,
				   target_name text, level int, competency int)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
WITH RECURSIVE creds(c, depth) AS (
	SELECT coalesce(credential -> 'vc', credential), 0
	UNION ALL
	SELECT coalesce(v -> 'vc', v), depth + 1
	FROM creds, jsonb_array_elements(credreg.taxonomy_jarr(c #> '{credentialSubject,verifiableCredential}')) v
	WHERE depth < 4 AND jsonb_typeof(v) = 'object'
),
subj AS (
	SELECT s FROM creds, jsonb_array_elements(credreg.taxonomy_jarr(c -> 'credentialSubject')) s
	WHERE jsonb_typeof(s) = 'object'
),
ach AS (
	SELECT s, a FROM subj, jsonb_array_elements(credreg.taxonomy_jarr(s -> 'achievement')) a
	WHERE jsonb_typeof(a) = 'object'
),
rd AS (
	SELECT s, d FROM ach, jsonb_array_elements(credreg.taxonomy_jarr(a -> 'resultDescription')) d
	WHERE jsonb_typeof(d) = 'object'
),
-- results that count (status Completed, the default) with their level:
-- the achieved rubric level or the value's position among allowedValue
res AS (
	SELECT r, d,
		(SELECT o - 1 FROM jsonb_array_elements(credreg.taxonomy_jarr(d -> 'rubricCriterionLevel')) WITH ORDINALITY x(l, o)
		 WHERE l ->> 'id' = r ->> 'achievedLevel') AS lvl_i,
		jsonb_array_length(credreg.taxonomy_jarr(d -> 'rubricCriterionLevel')) AS lvl_n,
		(SELECT o - 1 FROM jsonb_array_elements(credreg.taxonomy_jarr(d -> 'allowedValue')) WITH ORDINALITY x(v, o)
		 WHERE v #>> '{}' = r ->> 'value') AS val_i,
		jsonb_array_length(credreg.taxonomy_jarr(d -> 'allowedValue')) AS val_n
	FROM subj CROSS JOIN LATERAL jsonb_array_elements(credreg.taxonomy_jarr(s -> 'result')) r
		LEFT JOIN rd ON rd.s = subj.s AND rd.d ->> 'id' = r ->> 'resultDescription'
	WHERE jsonb_typeof(r) = 'object' AND coalesce(r ->> 'status', 'Completed') = 'Completed'
),
res_level AS (
	SELECT r, d, lvl_i,
		coalesce(credreg.taxonomy_level(lvl_i, lvl_n), credreg.taxonomy_level(val_i, val_n), 0) AS level,
		lvl_n
	FROM res
),
al(source, al, level) AS (
	SELECT 'achievement', x, 0 FROM ach, jsonb_array_elements(credreg.taxonomy_jarr(a -> 'alignment')) x
	UNION ALL
	SELECT 'resultDescription', x, level FROM res_level, jsonb_array_elements(credreg.taxonomy_jarr(d -> 'alignment')) x
	WHERE d IS NOT NULL
	UNION ALL
	-- the achieved rubric level and the ones below it, each at its own level
	SELECT 'rubricCriterionLevel', x, credreg.taxonomy_level(o - 1, lvl_n)
	FROM res_level, jsonb_array_elements(credreg.taxonomy_jarr(d -> 'rubricCriterionLevel')) WITH ORDINALITY rl(l, o),
		jsonb_array_elements(credreg.taxonomy_jarr(l -> 'alignment')) x
	WHERE lvl_i IS NOT NULL AND o - 1 <= lvl_i
	UNION ALL
	SELECT 'result', x, level FROM res_level, jsonb_array_elements(credreg.taxonomy_jarr(r -> 'alignment')) x
)
SELECT source, al ->> 'targetUrl', al ->> 'targetCode', al ->> 'targetFramework', al ->> 'targetName', level,
	coalesce(credreg.competency_id(al ->> 'targetUrl'),
			 credreg.competency_id(lower(al ->> 'targetFramework') || ':' || (al ->> 'targetCode')))
FROM al WHERE jsonb_typeof(al) = 'object'
$$;
COMMENT ON FUNCTION credential_alignments(jsonb) IS 'every alignment of an OB 3.0 / CLR 2.0 credential (achievement, completed results and their descriptions and rubric levels, embedded CLR credentials) with its normalised level 0..5 and the competency it resolves to';

CREATE FUNCTION skills_of(credential jsonb) RETURNS skillset
	AS $$ SELECT coalesce(credreg.skillset(array_agg(competency), array_agg(level)), '{}'::credreg.skillset)
		FROM credreg.credential_alignments(credential) WHERE competency IS NOT NULL $$
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION skills_of(jsonb) IS 'the skillset a credential''s alignments denote (a competency aligned several times keeps its highest level)';

CREATE FUNCTION unresolved_alignments(credential jsonb)
	RETURNS TABLE (source text, target_url text, target_code text, target_framework text, target_name text, level int)
	AS $$ SELECT source, target_url, target_code, target_framework, target_name, level
		FROM credreg.credential_alignments(credential) WHERE competency IS NULL $$
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION unresolved_alignments(jsonb) IS 'alignments of a credential that match no known competency';

-- Ranks competencies for a recruiter's words: exact label or alias, then
-- prefix, then trigram similarity (>= 0.3) over preferred, alternative,
-- hidden labels and codes, all compared in label_norm() form.  It resolves
-- a query to candidates; it never widens what counts as verified.  Only the
-- labels the indexes return are scored: the btree range holds every label
-- equal to or starting with the query, the GIN && every label that can
-- reach similarity 0.3 (see label_query_trigrams()), so the result is the
-- same as scoring all labels.
CREATE FUNCTION competency_search(query text, max int DEFAULT 20)
	RETURNS TABLE (id int, uri text, label text, kind text, framework text,
				   matched text, matched_as text, score real)
LANGUAGE sql STABLE STRICT PARALLEL SAFE COST 1000 ROWS 20
SET search_path = pg_catalog, pg_temp
AS $$
WITH hits AS (
	SELECT l.competency, l.label, l.kind,
		(CASE WHEN x.score = 3 AND l.kind = 'code' THEN 2.9
			  WHEN x.score = 3 AND l.kind <> 'preferred' THEN 2.5 ELSE x.score END)::real AS score
	FROM credreg.competency_label l,
		LATERAL (SELECT credreg.label_score(l.norm, (SELECT credreg.label_norm(query))) AS score) x
	WHERE (SELECT credreg.label_norm(query)) <> ''
	  -- candidates: equal or starting with the query (btree range) ...
	  AND ((l.norm ~>=~ (SELECT credreg.label_norm(query))
			AND l.norm ~<~ credreg.label_prefix_end((SELECT credreg.label_norm(query))))
		   -- ... or sharing a trigram that similarity >= 0.3 implies (GIN)
		   -- (commonest trigrams, from the column's statistics, left out)
		   OR l.trgm && credreg.label_query_trigrams((SELECT credreg.label_norm(query)),
				(SELECT array_agg(u.e ORDER BY u.f DESC, u.e)
				 FROM pg_stats s,
					  unnest(s.most_common_elems::text::int4[], s.most_common_elem_freqs) u(e, f)
				 WHERE s.schemaname = 'credreg' AND s.tablename = 'competency_label'
				   AND s.attname = 'trgm' AND u.e IS NOT NULL)))
	  AND x.score > 0
),
best AS (
	SELECT DISTINCT ON (competency) competency, label, kind, score FROM hits
	ORDER BY competency, score DESC, kind = 'preferred' DESC, label
)
SELECT c.id, c.uri, c.label, c.kind, c.framework, b.label, b.kind, b.score
FROM best b JOIN credreg.competency c ON c.id = b.competency
ORDER BY b.score DESC, length(c.label), c.label, c.id
LIMIT greatest(max, 0)
$$;
COMMENT ON FUNCTION competency_search(text, int) IS 'competencies ranked by exact label or alias, prefix and trigram similarity of normalised labels';

-- CASE 1.1 CFPackage (JSON).  The document becomes a top-level competency
-- of kind 'document', its CFItems competencies of kind 'item'; associations
-- map to relations: isChildOf -> broader, exactMatchOf and isTranslationOf
-- -> exactMatch, replacedBy -> replacedBy, isRelatedTo and isPeerOf ->
-- related (never followed).  isPartOf, precedes, exemplar, hasSkillLevel
-- and extension types are counted as not used, and associations whose ends
-- are not known competencies are reported.
CREATE FUNCTION import_case(package jsonb, framework_key text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	doc jsonb;
	fkey text;
	n_items int; n_assoc int; n_labels int;
	bad jsonb;
	unused jsonb;
BEGIN
	IF package IS NULL OR jsonb_typeof(package) <> 'object' THEN
		RAISE EXCEPTION 'CASE package must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF jsonb_typeof(package -> 'CFPackage') = 'object' THEN
		package := package -> 'CFPackage';		-- some APIs wrap the package
	END IF;
	doc := package -> 'CFDocument';
	IF jsonb_typeof(doc) IS DISTINCT FROM 'object' OR coalesce(doc ->> 'uri', '') = ''
	   OR coalesce(doc ->> 'identifier', '') = '' OR coalesce(doc ->> 'title', '') = '' THEN
		RAISE EXCEPTION 'CASE package has no valid CFDocument'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'A CFDocument with uri, identifier and title is required.';
	END IF;
	IF jsonb_typeof(coalesce(package -> 'CFItems', '[]')) <> 'array'
	   OR jsonb_typeof(coalesce(package -> 'CFAssociations', '[]')) <> 'array' THEN
		RAISE EXCEPTION 'CASE package members CFItems and CFAssociations must be arrays'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	fkey := coalesce(framework_key, 'case-' || regexp_replace(lower(doc ->> 'identifier'), '[^a-z0-9_.-]+', '-', 'g'));
	IF fkey !~ '^[a-z][a-z0-9_.-]*$' THEN
		RAISE EXCEPTION 'invalid framework key "%"', fkey
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A framework key is lower case letters, digits, ".", "_" and "-", starting with a letter.';
	END IF;

	INSERT INTO credreg.framework (key, name, uri, version, imported_at)
		VALUES (fkey, doc ->> 'title', doc ->> 'uri', doc ->> 'version', now())
		ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, uri = EXCLUDED.uri,
			version = EXCLUDED.version, imported_at = EXCLUDED.imported_at;

	-- items, with the rows that cannot be used
	IF to_regclass('pg_temp.case_items') IS NOT NULL THEN
		DROP TABLE pg_temp.case_items;
	END IF;
	CREATE TEMP TABLE case_items ON COMMIT DROP AS
		SELECT o AS pos, i FROM jsonb_array_elements(coalesce(package -> 'CFItems', '[]')) WITH ORDINALITY x(i, o);
	SELECT coalesce(jsonb_agg(jsonb_build_object('CFItems', pos,
			'reason', CASE WHEN jsonb_typeof(i) <> 'object' THEN 'not an object'
						   ELSE 'missing uri or fullStatement' END) ORDER BY pos), '[]')
		INTO bad FROM case_items
		WHERE jsonb_typeof(i) <> 'object' OR coalesce(i ->> 'uri', '') = '' OR coalesce(i ->> 'fullStatement', '') = '';
	DELETE FROM case_items
		WHERE jsonb_typeof(i) <> 'object' OR coalesce(i ->> 'uri', '') = '' OR coalesce(i ->> 'fullStatement', '') = '';

	INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level, status, description)
		VALUES (fkey, doc ->> 'uri', NULL, doc ->> 'title', 'document', true, doc ->> 'adoptionStatus', doc ->> 'description')
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, label = EXCLUDED.label, kind = 'document',
			top_level = true, status = EXCLUDED.status, description = EXCLUDED.description;
	-- a code used twice in one document keeps only its first item
	INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level, status, description)
		SELECT DISTINCT ON (i ->> 'uri') fkey, i ->> 'uri',
			CASE WHEN row_number() OVER (PARTITION BY nullif(i ->> 'humanCodingScheme', '') ORDER BY pos) = 1
				 THEN nullif(i ->> 'humanCodingScheme', '') END,
			coalesce(nullif(i ->> 'abbreviatedStatement', ''), left(i ->> 'fullStatement', 200)),
			'item', false, i ->> 'statusStartDate', i ->> 'fullStatement'
		FROM case_items ORDER BY i ->> 'uri', pos
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, code = EXCLUDED.code,
			label = EXCLUDED.label, kind = 'item', top_level = false, description = EXCLUDED.description;
	GET DIAGNOSTICS n_items = ROW_COUNT;

	DELETE FROM credreg.competency_label l USING credreg.competency c
		WHERE l.competency = c.id AND c.framework = fkey;
	INSERT INTO credreg.competency_label (competency, kind, label, norm)
		SELECT c.id, v.kind, v.label, credreg.label_norm(v.label)
		FROM (SELECT i ->> 'uri' AS uri, 'preferred' AS kind, i ->> 'fullStatement' AS label FROM case_items
			  UNION SELECT i ->> 'uri', 'alternative', i ->> 'abbreviatedStatement' FROM case_items
			  UNION SELECT i ->> 'uri', 'alternative', i ->> 'alternativeLabel' FROM case_items
			  UNION SELECT i ->> 'uri', 'code', i ->> 'humanCodingScheme' FROM case_items
			  UNION SELECT i ->> 'uri', 'hidden', k #>> '{}' FROM case_items,
					jsonb_array_elements(credreg.taxonomy_jarr(i -> 'conceptKeywords')) k
			  UNION SELECT doc ->> 'uri', 'preferred', doc ->> 'title') v
			JOIN credreg.competency c ON c.uri = v.uri
		WHERE coalesce(v.label, '') <> ''
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_labels = ROW_COUNT;

	-- associations
	IF to_regclass('pg_temp.case_assoc') IS NOT NULL THEN
		DROP TABLE pg_temp.case_assoc;
	END IF;
	CREATE TEMP TABLE case_assoc ON COMMIT DROP AS
		SELECT o AS pos, a, a ->> 'associationType' AS type,
			CASE a ->> 'associationType'
				WHEN 'isChildOf' THEN 'broader' WHEN 'exactMatchOf' THEN 'exactMatch'
				WHEN 'isTranslationOf' THEN 'exactMatch' WHEN 'replacedBy' THEN 'replacedBy'
				WHEN 'isRelatedTo' THEN 'related' WHEN 'isPeerOf' THEN 'related' END AS kind,
			(SELECT id FROM credreg.competency WHERE uri = a #>> '{originNodeURI,uri}') AS src,
			(SELECT id FROM credreg.competency WHERE uri = a #>> '{destinationNodeURI,uri}') AS dst
		FROM jsonb_array_elements(coalesce(package -> 'CFAssociations', '[]')) WITH ORDINALITY x(a, o);
	SELECT coalesce(jsonb_object_agg(type, n), '{}') INTO unused
		FROM (SELECT coalesce(type, '(none)') AS type, count(*) AS n FROM case_assoc
			  WHERE kind IS NULL AND jsonb_typeof(a) = 'object' GROUP BY 1) s;
	SELECT bad || coalesce(jsonb_agg(jsonb_build_object('CFAssociations', pos, 'reason',
			CASE WHEN jsonb_typeof(a) <> 'object' THEN 'not an object'
				 WHEN src IS NULL THEN 'unknown origin node ' || coalesce(a #>> '{originNodeURI,uri}', '(none)')
				 WHEN dst IS NULL THEN 'unknown destination node ' || coalesce(a #>> '{destinationNodeURI,uri}', '(none)')
				 ELSE 'association of a node with itself' END) ORDER BY pos), '[]')
		INTO bad FROM case_assoc
		WHERE jsonb_typeof(a) <> 'object' OR (kind IS NOT NULL AND (src IS NULL OR dst IS NULL OR src = dst));
	DELETE FROM credreg.competency_relation WHERE source = fkey;
	INSERT INTO credreg.competency_relation (src, dst, kind, source)
		SELECT src, dst, kind, fkey FROM case_assoc
		WHERE kind IS NOT NULL AND src IS NOT NULL AND dst IS NOT NULL AND src <> dst
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_assoc = ROW_COUNT;

	RETURN jsonb_build_object('framework', fkey, 'items', n_items, 'relations', n_assoc, 'labels', n_labels,
		'associationsNotUsed', unused, 'rejected', jsonb_array_length(bad),
		'rejectedRows', (SELECT coalesce(jsonb_agg(x), '[]') FROM (SELECT x FROM jsonb_array_elements(bad) x LIMIT 100) s),
		'seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2));
END
$$;
COMMENT ON FUNCTION import_case(jsonb, text) IS 'imports a CASE 1.1 CFPackage (document, items, associations); writes the taxonomy tables; idempotent; framework key defaults to case-<document identifier>';

-- Reads an O*NET release file: "Name_With_Underscores.txt" (or .txt.gz), or
-- the release's own "Name With Spaces.txt".
CREATE FUNCTION taxonomy_read_onet(directory text, name text, OUT line bigint, OUT fields text[])
	RETURNS SETOF record
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	BEGIN
		RETURN QUERY SELECT * FROM credreg.taxonomy_read_file(directory || '/' || name || '.txt', true);
	EXCEPTION WHEN undefined_file THEN
		RETURN QUERY SELECT * FROM credreg.taxonomy_read_file(directory || '/' || replace(name, '_', ' ') || '.txt', true);
	END;
END
$$;
COMMENT ON FUNCTION taxonomy_read_onet(text, text) IS 'rows of an O*NET text release file (tab-separated, plain or gzipped); volatile because the file may change between calls; needs pg_read_server_files';
REVOKE ALL ON FUNCTION taxonomy_read_onet(text, text) FROM PUBLIC;

-- O*NET text release: the content model's element hierarchy (Element IDs
-- such as 2.A.1.a, parent = the ID without its last part; the six domains
-- are top-level) and the technology skills: each example (e.g.
-- "PostgreSQL") is narrower than its UNSPSC commodity, class, family and
-- segment (segments are top-level).  URIs: urn:onet:element:<id>,
-- urn:onet:unspsc:<code>, urn:onet:technology:<slug of the example>.
CREATE FUNCTION import_onet(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	h text[];
	bad jsonb := '[]';
	n_elements int; n_unspsc int; n_tech int; n_rel int; n_labels int;
BEGIN
	IF directory !~ '^/' THEN
		RAISE EXCEPTION 'framework directory must be an absolute path: "%"', directory
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	directory := rtrim(directory, '/');
	INSERT INTO credreg.framework (key, name, uri, version, imported_at)
		VALUES ('onet', 'O*NET', 'https://www.onetcenter.org/', NULL, now())
		ON CONFLICT (key) DO UPDATE SET imported_at = EXCLUDED.imported_at;
	IF to_regclass('pg_temp.onet_in') IS NOT NULL THEN
		DROP TABLE pg_temp.onet_in, pg_temp.onet_c, pg_temp.onet_r;
	END IF;
	CREATE TEMP TABLE onet_in (line bigint, f text[]) ON COMMIT DROP;
	CREATE TEMP TABLE onet_c (uri text PRIMARY KEY, code text, label text, kind text, top boolean,
							  description text, alt text[]) ON COMMIT DROP;
	CREATE TEMP TABLE onet_r (src text, dst text) ON COMMIT DROP;

	-- content model
	INSERT INTO onet_in SELECT * FROM credreg.taxonomy_read_onet(directory, 'Content_Model_Reference');
	SELECT f INTO h FROM onet_in WHERE line = 1;
	IF h IS DISTINCT FROM ARRAY['Element ID', 'Element Name', 'Description'] THEN
		RAISE EXCEPTION 'file "%" is not an O*NET content model reference', directory || '/Content_Model_Reference.txt'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must be: Element ID, Element Name, Description.';
	END IF;
	WITH b AS (DELETE FROM onet_in WHERE line > 1 AND (cardinality(f) <> 3 OR f[1] !~ '^[0-9]+(\.[A-Za-z0-9]+)*$' OR f[2] = '')
			   RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'Content_Model_Reference.txt', 'line', line,
			'reason', CASE WHEN cardinality(f) <> 3 THEN format('%s fields instead of 3', cardinality(f))
						   ELSE 'invalid element id or empty name' END)), '[]') INTO bad FROM b;
	INSERT INTO onet_c SELECT DISTINCT ON (f[1]) 'urn:onet:element:' || f[1], f[1], f[2], 'element', f[1] !~ '\.',
		nullif(f[3], ''), NULL FROM onet_in WHERE line > 1 ORDER BY f[1], line;
	INSERT INTO onet_r SELECT 'urn:onet:element:' || f[1], 'urn:onet:element:' || regexp_replace(f[1], '\.[^.]+$', '')
		FROM onet_in WHERE line > 1 AND f[1] ~ '\.';

	-- UNSPSC hierarchy used by the technology skills
	TRUNCATE onet_in;
	INSERT INTO onet_in SELECT * FROM credreg.taxonomy_read_onet(directory, 'UNSPSC_Reference');
	SELECT f INTO h FROM onet_in WHERE line = 1;
	IF h IS DISTINCT FROM ARRAY['Commodity Code', 'Commodity Title', 'Class Code', 'Class Title', 'Family Code',
								'Family Title', 'Segment Code', 'Segment Title'] THEN
		RAISE EXCEPTION 'file "%" is not an O*NET UNSPSC reference', directory || '/UNSPSC_Reference.txt'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	WITH b AS (DELETE FROM onet_in WHERE line > 1 AND (cardinality(f) <> 8 OR NOT f[1] ~ '^[0-9]{8}$'
			OR NOT f[3] ~ '^[0-9]{8}$' OR NOT f[5] ~ '^[0-9]{8}$' OR NOT f[7] ~ '^[0-9]{8}$') RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'UNSPSC_Reference.txt', 'line', line,
			'reason', 'expected 8 fields with 8-digit codes')), '[]') INTO bad FROM b;
	INSERT INTO onet_c
		SELECT DISTINCT ON (code) 'urn:onet:unspsc:' || code, code, label, 'group', lvl = 4, NULL, NULL
		FROM (SELECT f[1] AS code, f[2] AS label, 1 AS lvl, line FROM onet_in WHERE line > 1
			  UNION ALL SELECT f[3], f[4], 2, line FROM onet_in WHERE line > 1
			  UNION ALL SELECT f[5], f[6], 3, line FROM onet_in WHERE line > 1
			  UNION ALL SELECT f[7], f[8], 4, line FROM onet_in WHERE line > 1) u
		ORDER BY code, lvl, line
		ON CONFLICT DO NOTHING;
	INSERT INTO onet_r SELECT DISTINCT 'urn:onet:unspsc:' || a, 'urn:onet:unspsc:' || b
		FROM onet_in, LATERAL (VALUES (f[1], f[3]), (f[3], f[5]), (f[5], f[7])) v(a, b)
		WHERE line > 1 AND a <> b;

	-- technology skills: examples under their commodity
	TRUNCATE onet_in;
	INSERT INTO onet_in SELECT * FROM credreg.taxonomy_read_onet(directory, 'Technology_Skills');
	SELECT f INTO h FROM onet_in WHERE line = 1;
	IF h[2] IS DISTINCT FROM 'Example' OR h[3] IS DISTINCT FROM 'Commodity Code' THEN
		RAISE EXCEPTION 'file "%" is not an O*NET technology skills file', directory || '/Technology_Skills.txt'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	WITH b AS (DELETE FROM onet_in WHERE line > 1 AND (cardinality(f) <> cardinality(h) OR f[2] = ''
			OR NOT f[3] ~ '^[0-9]{8}$' OR NOT EXISTS (SELECT 1 FROM onet_c WHERE code = f[3] AND kind = 'group'))
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'Technology_Skills.txt', 'line', line,
			'reason', CASE WHEN cardinality(f) <> cardinality(h) THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
						   WHEN f[2] = '' THEN 'empty example'
						   ELSE 'unknown commodity code ' || f[3] END)), '[]') INTO bad FROM b;
	INSERT INTO onet_c
		SELECT DISTINCT ON (slug) 'urn:onet:technology:' || slug, NULL, f[2], 'technology', false, NULL, NULL
		FROM (SELECT f, line, trim(both '-' from regexp_replace(lower(f[2]), '[^a-z0-9+#]+', '-', 'g')) AS slug
			  FROM onet_in WHERE line > 1) s
		WHERE slug <> ''
		ORDER BY slug, line
		ON CONFLICT DO NOTHING;
	INSERT INTO onet_r SELECT DISTINCT 'urn:onet:technology:' || trim(both '-' from regexp_replace(lower(f[2]), '[^a-z0-9+#]+', '-', 'g')),
		'urn:onet:unspsc:' || f[3] FROM onet_in WHERE line > 1;

	-- store
	INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level, description)
		SELECT 'onet', uri, CASE WHEN kind = 'group' THEN 'unspsc:' || code ELSE code END, label, kind, top, description
		FROM onet_c
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, code = EXCLUDED.code, label = EXCLUDED.label,
			kind = EXCLUDED.kind, top_level = EXCLUDED.top_level, description = EXCLUDED.description;
	SELECT count(*) FILTER (WHERE kind = 'element'), count(*) FILTER (WHERE kind = 'group'),
		   count(*) FILTER (WHERE kind = 'technology')
		INTO n_elements, n_unspsc, n_tech FROM onet_c;
	DELETE FROM credreg.competency_label l USING credreg.competency c
		WHERE l.competency = c.id AND c.framework = 'onet';
	INSERT INTO credreg.competency_label (competency, kind, label, norm)
		SELECT c.id, 'preferred', o.label, credreg.label_norm(o.label) FROM onet_c o JOIN credreg.competency c USING (uri)
		UNION ALL
		SELECT c.id, 'code', c.code, credreg.label_norm(c.code) FROM onet_c o JOIN credreg.competency c USING (uri)
		WHERE c.code IS NOT NULL
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_labels = ROW_COUNT;
	DELETE FROM credreg.competency_relation WHERE source = 'onet';
	INSERT INTO credreg.competency_relation (src, dst, kind, source)
		SELECT s.id, d.id, 'broader', 'onet' FROM onet_r r
			JOIN credreg.competency s ON s.uri = r.src JOIN credreg.competency d ON d.uri = r.dst
		WHERE s.id <> d.id
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_rel = ROW_COUNT;
	RETURN jsonb_build_object('framework', 'onet', 'elements', n_elements, 'unspsc', n_unspsc,
		'technologies', n_tech, 'broader', n_rel, 'labels', n_labels, 'rejected', jsonb_array_length(bad),
		'rejectedRows', (SELECT coalesce(jsonb_agg(x), '[]') FROM (SELECT x FROM jsonb_array_elements(bad) x LIMIT 100) s),
		'seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2));
END
$$;
COMMENT ON FUNCTION import_onet(text) IS 'imports an O*NET text release (content model elements, UNSPSC commodities, technology skill examples) from a server directory; writes the taxonomy tables; idempotent; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_onet(text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Second GIN operator class: keys carry level thresholds 0..5, so @> and @@
-- with levels up to 5 are answered by the index without recheck (a larger
-- index; see README for the comparison with skillset_ops).
-- ---------------------------------------------------------------------------
CREATE FUNCTION skillset_gin_level_extract_value(skillset, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_gin_level_extract_query(skillset, internal, int2, internal, internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_gin_level_consistent(internal, int2, skillset, int4, internal, internal, internal, internal) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION skillset_gin_level_triconsistent(internal, int2, skillset, int4, internal, internal, internal) RETURNS "char"
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skillset_gin_level_extract_value(skillset, internal, internal) IS 'GIN support';
COMMENT ON FUNCTION skillset_gin_level_extract_query(skillset, internal, int2, internal, internal, internal, internal) IS 'GIN support';
COMMENT ON FUNCTION skillset_gin_level_consistent(internal, int2, skillset, int4, internal, internal, internal, internal) IS 'GIN support';
COMMENT ON FUNCTION skillset_gin_level_triconsistent(internal, int2, skillset, int4, internal, internal, internal) IS 'GIN support';

CREATE OPERATOR CLASS skillset_level_ops FOR TYPE skillset USING gin AS
	OPERATOR 3 && (skillset, skillset),
	OPERATOR 6 = (skillset, skillset),
	OPERATOR 7 @> (skillset, skillset),
	OPERATOR 8 <@ (skillset, skillset),
	OPERATOR 20 @@ (skillset, skillquery),
	FUNCTION 1 pg_catalog.btint8cmp(int8, int8),
	FUNCTION 2 skillset_gin_level_extract_value(skillset, internal, internal),
	FUNCTION 3 skillset_gin_level_extract_query(skillset, internal, int2, internal, internal, internal, internal),
	FUNCTION 4 skillset_gin_level_consistent(internal, int2, skillset, int4, internal, internal, internal, internal),
	FUNCTION 6 skillset_gin_level_triconsistent(internal, int2, skillset, int4, internal, internal, internal),
	STORAGE int8;

-- ---------------------------------------------------------------------------
-- Stacks: the stackrule type, evaluation, aggregates, recommendations
-- (src/stack/, SEMANTICS.md §3–5, README section "stacks").
-- ---------------------------------------------------------------------------

CREATE TYPE stackrule;

CREATE FUNCTION stackrule_in(cstring) RETURNS stackrule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stackrule_out(stackrule) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stackrule_recv(internal) RETURNS stackrule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stackrule_send(stackrule) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE stackrule (
	INPUT = stackrule_in,
	OUTPUT = stackrule_out,
	RECEIVE = stackrule_recv,
	SEND = stackrule_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);
COMMENT ON TYPE stackrule IS 'a stack-completion rule (JSON rule model v0), validated and stored compiled';
COMMENT ON FUNCTION stackrule_in(cstring) IS 'validate and compile a JSON stack rule';
COMMENT ON FUNCTION stackrule_out(stackrule) IS 'canonical JSON text of a stack rule';
COMMENT ON FUNCTION stackrule_recv(internal) IS 'binary input of a stack rule: version byte and JSON text, validated as text input';
COMMENT ON FUNCTION stackrule_send(stackrule) IS 'binary output of a stack rule: version byte and canonical JSON text';

CREATE FUNCTION stackrule(jsonb) RETURNS stackrule
	AS 'MODULE_PATHNAME', 'stackrule_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stackrule(jsonb) IS 'validate and compile a stack rule given as jsonb';
CREATE CAST (jsonb AS stackrule) WITH FUNCTION stackrule(jsonb);

CREATE FUNCTION jsonb(stackrule) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'stackrule_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(stackrule) IS 'the canonical JSON of a stack rule as jsonb';
CREATE CAST (stackrule AS jsonb) WITH FUNCTION jsonb(stackrule);

-- One award of a learner, for registries that keep awards in tables.  The
-- attribute order is read by position in src/stack/items.c.
CREATE TYPE stack_item AS (
	id text,
	achievement text,
	achievement_type text,
	human_code text,
	issuer text,
	home boolean,
	tags text[],
	credits float8,
	level integer,
	earned_at timestamptz,
	valid_until timestamptz,
	status text,
	verified boolean,
	passed boolean,
	alignments jsonb
);
COMMENT ON TYPE stack_item IS 'one award of a learner as input to stack evaluation (alignments: [{"targetUrl", "level"}])';

CREATE FUNCTION stack_evaluate(rule stackrule, items jsonb, as_of timestamptz DEFAULT now(),
							   exceptions jsonb DEFAULT NULL, candidates jsonb DEFAULT NULL) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'stack_evaluate_jsonb' LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION stack_evaluate(stackrule, jsonb, timestamptz, jsonb, jsonb) IS
	'evaluate a stack rule over a learner''s awards: complete, progress, optimal assignment, missing, unused, overLimit; NULL rule, items or as_of give NULL, NULL exceptions mean none; candidates (achievements the registry could issue, as for next_best) are listed per missing leaf when given';

CREATE FUNCTION stack_evaluate(rule stackrule, items stack_item[], as_of timestamptz DEFAULT now(),
							   exceptions jsonb DEFAULT NULL, candidates jsonb DEFAULT NULL) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'stack_evaluate_array' LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION stack_evaluate(stackrule, stack_item[], timestamptz, jsonb, jsonb) IS
	'evaluate a stack rule over a learner''s awards given as stack_item rows; NULL rule, items or as_of give NULL, NULL exceptions mean none; candidates (achievements the registry could issue, as for next_best) are listed per missing leaf when given';

CREATE FUNCTION stack_progress_of(rule stackrule, items stack_item[], as_of timestamptz DEFAULT now())
	RETURNS float8
	AS 'MODULE_PATHNAME', 'stack_progress_array' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 500;
COMMENT ON FUNCTION stack_progress_of(stackrule, stack_item[], timestamptz) IS
	'progress (0..1) of the optimal assignment, without the explanation';

-- The aggregate form: one row per award, one result per group, equal to
-- stack_evaluate(rule, array_agg(item), as_of).
CREATE FUNCTION stack_progress_trans(internal, stackrule, stack_item) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_trans(internal, stackrule, stack_item, timestamptz) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_trans_jsonb(internal, stackrule, jsonb) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_trans_jsonb(internal, stackrule, jsonb, timestamptz) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stack_progress_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stack_progress_final(internal) RETURNS jsonb
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION stack_progress_trans(internal, stackrule, stack_item) IS 'transition function of stack_progress(stackrule, stack_item); a NULL item is skipped, a NULL rule raises';
COMMENT ON FUNCTION stack_progress_trans(internal, stackrule, stack_item, timestamptz) IS 'transition function of stack_progress(stackrule, stack_item, timestamptz); a NULL item is skipped, a NULL rule or as_of raises';
COMMENT ON FUNCTION stack_progress_trans_jsonb(internal, stackrule, jsonb) IS 'transition function of stack_progress(stackrule, jsonb); a NULL item is skipped, a NULL rule raises';
COMMENT ON FUNCTION stack_progress_trans_jsonb(internal, stackrule, jsonb, timestamptz) IS 'transition function of stack_progress(stackrule, jsonb, timestamptz); a NULL item is skipped, a NULL rule or as_of raises';
COMMENT ON FUNCTION stack_progress_combine(internal, internal) IS 'combine function of stack_progress; a NULL state stands for no rows';
COMMENT ON FUNCTION stack_progress_serialize(internal) IS 'serialize function of stack_progress';
COMMENT ON FUNCTION stack_progress_deserialize(bytea, internal) IS 'deserialize function of stack_progress';
COMMENT ON FUNCTION stack_progress_final(internal) IS 'final function of stack_progress: the evaluation of the group''s awards; NULL when the group had no rows';

CREATE AGGREGATE stack_progress(rule stackrule, item stack_item) (
	SFUNC = stack_progress_trans, STYPE = internal, FINALFUNC = stack_progress_final,
	COMBINEFUNC = stack_progress_combine, SERIALFUNC = stack_progress_serialize,
	DESERIALFUNC = stack_progress_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE stack_progress(rule stackrule, item stack_item, as_of timestamptz) (
	SFUNC = stack_progress_trans, STYPE = internal, FINALFUNC = stack_progress_final,
	COMBINEFUNC = stack_progress_combine, SERIALFUNC = stack_progress_serialize,
	DESERIALFUNC = stack_progress_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE stack_progress(rule stackrule, item jsonb) (
	SFUNC = stack_progress_trans_jsonb, STYPE = internal, FINALFUNC = stack_progress_final,
	COMBINEFUNC = stack_progress_combine, SERIALFUNC = stack_progress_serialize,
	DESERIALFUNC = stack_progress_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE stack_progress(rule stackrule, item jsonb, as_of timestamptz) (
	SFUNC = stack_progress_trans_jsonb, STYPE = internal, FINALFUNC = stack_progress_final,
	COMBINEFUNC = stack_progress_combine, SERIALFUNC = stack_progress_serialize,
	DESERIALFUNC = stack_progress_deserialize, PARALLEL = SAFE);
COMMENT ON AGGREGATE stack_progress(stackrule, stack_item) IS 'stack evaluation of a group of award rows as of now(); equals stack_evaluate(rule, array_agg(item))';
COMMENT ON AGGREGATE stack_progress(stackrule, stack_item, timestamptz) IS 'stack evaluation of a group of award rows as of a given time';
COMMENT ON AGGREGATE stack_progress(stackrule, jsonb) IS 'stack evaluation of a group of awards given as jsonb objects, as of now()';
COMMENT ON AGGREGATE stack_progress(stackrule, jsonb, timestamptz) IS 'stack evaluation of a group of awards given as jsonb objects, as of a given time';

CREATE FUNCTION next_best(rule stackrule, items jsonb, candidates jsonb, as_of timestamptz DEFAULT now(),
						  OUT achievement text, OUT progress_gain float8, OUT completes boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'stack_next_best' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000 ROWS 10;
COMMENT ON FUNCTION next_best(stackrule, jsonb, jsonb, timestamptz) IS
	'for each candidate achievement, the progress gained if the learner earned it next, and whether it completes the stack; best first';
