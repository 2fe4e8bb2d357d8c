
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
