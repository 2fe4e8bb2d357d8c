
-- crypto: parsing keys without raising (new in 0.2.0)

CREATE FUNCTION pubkey_parse(key_text text, OUT key pubkey, OUT code text, OUT error text)
	RETURNS record
	AS 'MODULE_PATHNAME', 'credreg_pubkey_parse'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pubkey_parse(text) IS
	'the key that key_text denotes (every form credreg.pubkey accepts), or NULL with a failure code (key_malformed, key_unsupported, key_private) and a reason: never raises on bad input, so one bad key does not abort a bulk load';
