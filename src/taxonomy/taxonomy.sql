
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
	AS $$ SELECT CASE WHEN pg_catalog.jsonb_typeof($1) OPERATOR(pg_catalog.=) 'array' THEN $1
		WHEN pg_catalog.jsonb_typeof($1) OPERATOR(pg_catalog.=) 'null' THEN '[]'::pg_catalog.jsonb
		ELSE pg_catalog.jsonb_build_array($1) END $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION taxonomy_jarr(jsonb) IS 'a JSON value as an array (non-arrays wrapped, null as [])';

-- Level 1..5 of position i (0-based) among n ordered values (low to high).
CREATE FUNCTION taxonomy_level(i bigint, n bigint) RETURNS int
	AS $$ SELECT CASE WHEN i IS NULL OR n IS NULL OR n OPERATOR(pg_catalog.<) 1
			OR i OPERATOR(pg_catalog.<) 0 OR i OPERATOR(pg_catalog.>=) n THEN NULL
		WHEN n OPERATOR(pg_catalog.=) 1 THEN 5
		ELSE 1 OPERATOR(pg_catalog.+) pg_catalog.round(4.0 OPERATOR(pg_catalog.*) i::pg_catalog.numeric
			OPERATOR(pg_catalog./) (n OPERATOR(pg_catalog.-) 1)::pg_catalog.numeric)::pg_catalog.int4 END $$
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
	UNION ALL
	-- Open Badges 2.0: the BadgeClass's alignment, embedded or stored under its IRI
	SELECT 'badge', x, 0 FROM creds, jsonb_array_elements(credreg.taxonomy_jarr(
		CASE WHEN jsonb_typeof(c -> 'badge') = 'object' THEN c #> '{badge,alignment}'
			 ELSE (SELECT h.document -> 'alignment' FROM credreg.hosted_document h WHERE h.url = c ->> 'badge') END)) x
	WHERE depth = 0
)
SELECT source, al ->> 'targetUrl', al ->> 'targetCode', al ->> 'targetFramework', al ->> 'targetName', level,
	coalesce(credreg.competency_id(al ->> 'targetUrl'),
			 credreg.competency_id(lower(al ->> 'targetFramework') || ':' || (al ->> 'targetCode')))
FROM al WHERE jsonb_typeof(al) = 'object'
$$;
COMMENT ON FUNCTION credential_alignments(jsonb) IS 'every alignment of an OB 3.0 / CLR 2.0 credential (achievement, completed results and their descriptions and rubric levels, embedded CLR credentials) or of an OB 2.0 assertion''s BadgeClass, with its normalised level 0..5 and the competency it resolves to';

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

-- competency_search(): defined in occupation.sql (ranking of labels that
-- contain the query).


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
