
-- ---------------------------------------------------------------------------
-- registrar: keys a registrar signs with, and status list upkeep
-- ---------------------------------------------------------------------------

CREATE FUNCTION generate_key(kty text DEFAULT 'Ed25519') RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_generate_key'
	LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION generate_key(text) IS
	'a fresh private JWK as text: Ed25519 (also OKP, EdDSA), P-256 (also EC, ES256) or P-384 (also ES384); VOLATILE because it draws randomness';

-- Stored private keys.  Wherever credreg takes a private key text (sign,
-- jws_sign, sign_signature, pubkey_from_private, log_signed_head,
-- status_list_revoke ...) 'signing_key:NAME' stands for the key of row NAME,
-- read as the calling role: who may sign with a stored key is who may read
-- that row, by default the table's owner alone (never PUBLIC).
CREATE TABLE signing_key (
	name text PRIMARY KEY CHECK (name <> ''),
	private_key text NOT NULL CHECK (private_key NOT LIKE 'signing_key:%'),
	public_key pubkey GENERATED ALWAYS AS (pubkey_from_private(private_key)) STORED,
	created_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE signing_key IS
	'private keys the registrar signs with, referred to as ''signing_key:NAME''; owner-only';
COMMENT ON COLUMN signing_key.public_key IS 'derived: the public half (readable through credreg.signing_key_public)';
SELECT pg_catalog.pg_extension_config_dump('signing_key', '');
REVOKE ALL ON signing_key FROM PUBLIC;

-- The public halves are public: verifiers and DID documents need them.  The
-- view runs with its owner's rights, so it shows no more than these columns.
CREATE VIEW signing_key_public AS
	SELECT name, public_key, created_at FROM signing_key;
COMMENT ON VIEW signing_key_public IS 'name, public key and creation time of each stored signing key';
GRANT SELECT ON signing_key_public TO PUBLIC;

-- Sets or clears bits of a stored status list and stores the list re-signed
-- with the suite it was secured with (vc+jwt for a JWS, else the first
-- proof's cryptosuite); the status_list triggers then re-derive and verify it.
CREATE FUNCTION status_list_update_impl(url text, indexes int[], value boolean, purpose text,
		private_key text, verification_method text) RETURNS void
	LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	lst credreg.status_list;
	doc jsonb;
	suite text;
BEGIN
	SELECT * INTO lst FROM credreg.status_list l WHERE l.url = status_list_update_impl.url FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no status list at "%"', url
			USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT purpose = ANY (lst.purpose) THEN
		RAISE EXCEPTION 'status list "%" has no % purpose', url, purpose
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('Its purposes are %s.', array_to_string(lst.purpose, ', '));
	END IF;
	IF array_position(indexes, NULL) IS NOT NULL OR
	   EXISTS (SELECT FROM unnest(indexes) i WHERE i < 0 OR i >= lst.entries) THEN
		RAISE EXCEPTION 'a status list index is outside 0..%', lst.entries - 1
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	doc := credreg.credential_payload(lst.credential);
	IF ltrim(lst.credential) LIKE '{%' THEN
		suite := coalesce(lst.credential::jsonb #>> '{proof,cryptosuite}',
						  lst.credential::jsonb #>> '{proof,0,cryptosuite}');
	ELSE
		suite := 'vc+jwt';
	END IF;
	doc := jsonb_set(doc, '{credentialSubject,encodedList}',
					 to_jsonb(credreg.status_list_set(lst.encoded_list, indexes, value)));
	UPDATE credreg.status_list l
		SET credential = credreg.sign(doc, private_key, suite, verification_method),
			fetched_at = pg_catalog.now()
		WHERE l.url = status_list_update_impl.url;
END
$$;
COMMENT ON FUNCTION status_list_update_impl(text, int[], boolean, text, text, text) IS
	'implementation of credreg.status_list_update: sets (or clears) the bits at indexes of the stored status list with purpose, re-signs it with private_key as verification_method and writes it to credreg.status_list';

CREATE FUNCTION status_list_revoke_impl(url text, indexes int[], private_key text, verification_method text)
	RETURNS void
	AS $$ SELECT credreg.status_list_update_impl(url, indexes, true, 'revocation', private_key, verification_method) $$
	LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_revoke_impl(text, int[], text, text) IS
	'implementation of credreg.status_list_revoke: revokes the credentials at indexes of the stored revocation list at url: sets their bits, re-signs and writes the list to credreg.status_list';

CREATE FUNCTION status_list_suspend_impl(url text, indexes int[], private_key text, verification_method text)
	RETURNS void
	AS $$ SELECT credreg.status_list_update_impl(url, indexes, true, 'suspension', private_key, verification_method) $$
	LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_suspend_impl(text, int[], text, text) IS
	'implementation of credreg.status_list_suspend: suspends the credentials at indexes of the stored suspension list at url: sets their bits, re-signs and writes the list to credreg.status_list';

-- Revocation is not reversible (Bitstring Status List, statusPurpose), so only a suspension is
-- lifted.
CREATE FUNCTION status_list_reinstate_impl(url text, indexes int[], private_key text, verification_method text)
	RETURNS void
	AS $$ SELECT credreg.status_list_update_impl(url, indexes, false, 'suspension', private_key, verification_method) $$
	LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_reinstate_impl(text, int[], text, text) IS
	'implementation of credreg.status_list_reinstate: lifts the suspension of the credentials at indexes of the stored suspension list at url: clears their bits, re-signs and writes the list to credreg.status_list';

-- The entry points.  The functions above take a private key, and an error
-- they raise would reach the server log with the statement (key and all)
-- and PL/pgSQL's context; these run them through
-- credreg_call_hiding_statement (src/util/secret.h) instead.  The
-- implementations are not for PUBLIC: called directly, they would log.
CREATE FUNCTION status_list_update(url text, indexes int[], value boolean, purpose text,
		private_key text, verification_method text) RETURNS void
	AS 'MODULE_PATHNAME', 'credreg_call_impl_hiding_statement'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_update(text, int[], boolean, text, text, text) IS
	'sets (or clears) the bits at indexes of the stored status list with purpose, re-signs it with private_key as verification_method and writes it to credreg.status_list';
CREATE FUNCTION status_list_revoke(url text, indexes int[], private_key text, verification_method text)
	RETURNS void
	AS 'MODULE_PATHNAME', 'credreg_call_impl_hiding_statement'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_revoke(text, int[], text, text) IS
	'revokes the credentials at indexes of the stored revocation list at url: sets their bits, re-signs and writes the list to credreg.status_list';
CREATE FUNCTION status_list_suspend(url text, indexes int[], private_key text, verification_method text)
	RETURNS void
	AS 'MODULE_PATHNAME', 'credreg_call_impl_hiding_statement'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_suspend(text, int[], text, text) IS
	'suspends the credentials at indexes of the stored suspension list at url: sets their bits, re-signs and writes the list to credreg.status_list';
CREATE FUNCTION status_list_reinstate(url text, indexes int[], private_key text, verification_method text)
	RETURNS void
	AS 'MODULE_PATHNAME', 'credreg_call_impl_hiding_statement'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION status_list_reinstate(text, int[], text, text) IS
	'lifts the suspension of the credentials at indexes of the stored suspension list at url: clears their bits, re-signs and writes the list to credreg.status_list';
REVOKE ALL ON FUNCTION status_list_update_impl(text, int[], boolean, text, text, text),
	status_list_revoke_impl(text, int[], text, text), status_list_suspend_impl(text, int[], text, text),
	status_list_reinstate_impl(text, int[], text, text) FROM PUBLIC;
