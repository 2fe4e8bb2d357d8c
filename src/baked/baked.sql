
-- ---------------------------------------------------------------------------
-- baked: credentials baked into badge images (Open Badges 2.0 and 3.0)
-- ---------------------------------------------------------------------------

CREATE FUNCTION extract_baked(image bytea)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_extract_baked'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION extract_baked(bytea) IS
	'the credential baked into a badge image: PNG iTXt openbadges / openbadgecredential, SVG openbadges:assertion / openbadges:credential (content, else the verify attribute); NULL when the image carries none';
