
-- ---------------------------------------------------------------------------
-- sdjwt: SD-JWT VC (RFC 9901, draft-ietf-oauth-sd-jwt-vc).  credreg.verify
-- takes SD-JWT VCs too (key binding checked when present); these functions
-- add the presentation side and issuing.
-- ---------------------------------------------------------------------------

CREATE TYPE sd_jwt_verification AS (
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
	errors text[],
	key_bound boolean,
	payload jsonb
);
COMMENT ON TYPE sd_jwt_verification IS
	'outcome of credreg.sd_jwt_verify: the attributes of credreg.verification, whether a Key Binding JWT verified, and the Processed SD-JWT Payload (only what was disclosed)';

CREATE FUNCTION sd_jwt_verify(sd_jwt text, challenge text DEFAULT NULL, domain text DEFAULT NULL,
							  as_of timestamptz DEFAULT now(), require_key_binding boolean DEFAULT true)
	RETURNS sd_jwt_verification
	AS 'MODULE_PATHNAME', 'credreg_sd_jwt_verify'
	LANGUAGE C STABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION sd_jwt_verify(text, text, text, timestamptz, boolean) IS
	'verifies an SD-JWT VC presentation as of as_of: issuer signature and key, disclosures, validity, trust, and the Key Binding JWT (required by default; its nonce must be challenge and its aud domain when given); never raises on bad input; NULL sd_jwt or as_of gives NULL, a NULL challenge or domain is not compared, a NULL require_key_binding is true';

CREATE FUNCTION sd_jwt_issue(claims jsonb, disclose text[], private_key text, kid text DEFAULT NULL,
							 holder_key pubkey DEFAULT NULL, decoys integer DEFAULT 0)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_sd_jwt_issue'
	LANGUAGE C VOLATILE PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION sd_jwt_issue(jsonb, text[], text, text, pubkey, integer) IS
	'issues an SD-JWT VC (typ dc+sd-jwt) of claims with the claims the JSON pointers in disclose name selectively disclosable, holder_key as cnf.jwk, decoys decoy digests; kid defaults to the key''s did:key URL; NULL claims, disclose or private_key raise, NULL kid / holder_key / decoys mean the defaults; VOLATILE: salts are random';

CREATE FUNCTION sd_jwt_present(sd_jwt text, holder_private_key text, nonce text, audience text,
							   issued_at timestamptz DEFAULT now())
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_sd_jwt_present'
	LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 5000;
COMMENT ON FUNCTION sd_jwt_present(text, text, text, text, timestamptz) IS
	'appends a Key Binding JWT (iat, aud, nonce, sd_hash) signed with the holder''s key to an SD-JWT that ends with "~" and holds the disclosures to present; VOLATILE: ECDSA signatures are random';
