
-- ---------------------------------------------------------------------------
-- taxonomy 0.1.0 -> 0.2.0: skills_of in C (one pass over the document
-- instead of the SQL over credential_alignments, 0.65 ms a call)
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION skills_of(credential jsonb) RETURNS skillset
	AS 'MODULE_PATHNAME', 'taxonomy_skills_of'
	LANGUAGE C STABLE STRICT PARALLEL SAFE COST 10;
COMMENT ON FUNCTION skills_of(jsonb) IS 'the skillset a credential''s alignments denote (a competency aligned several times keeps its highest level)';
