
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
