
-- ---------------------------------------------------------------------------
-- present: Verifiable Presentations (VC-JWT 1.1, VC-JOSE vp+jwt, Data
-- Integrity, SD-JWT VC with key binding)
-- ---------------------------------------------------------------------------

CREATE TYPE presentation_verification AS (
	valid boolean,
	format text,
	holder text,
	key_id text,
	checks text[],
	errors text[],
	credentials verification[]
);
COMMENT ON TYPE presentation_verification IS
	'outcome of credreg.verify_presentation: valid, the presentation''s format, holder and key, the checks that ran, its errors as "code: message", and one credreg.verification per embedded credential, in order';

CREATE FUNCTION verify_presentation(presentation text, challenge text DEFAULT NULL,
									domain text DEFAULT NULL, as_of timestamptz DEFAULT now())
	RETURNS presentation_verification
	AS 'MODULE_PATHNAME', 'credreg_verify_presentation'
	LANGUAGE C STABLE PARALLEL SAFE COST 20000;
COMMENT ON FUNCTION verify_presentation(text, text, text, timestamptz) IS
	'verifies a presentation (VC-JWT 1.1 vp, VC-JOSE vp+jwt, Data Integrity with an authentication proof, SD-JWT VC with its Key Binding JWT) as of as_of: the holder''s signature, challenge and domain, lifetime, every embedded credential and its subject''s binding to the holder; never raises on bad input; NULL presentation or as_of gives NULL, a NULL challenge or domain is not compared';
