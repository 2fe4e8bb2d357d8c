
-- ===========================================================================
-- Occupations: what jobs require (ESCO occupations, O*NET occupations and
-- their ratings, the ESCO-O*NET crosswalk), readiness for an occupation and
-- guidance on what to earn next.  Installed after the stack fragment because
-- recommend() with a stack rule target delegates to next_best().
-- ===========================================================================

-- Occupations are competencies of kind 'occupation' (so that labels,
-- search, framework:code references and relations such as the ISCO
-- hierarchy and the crosswalk need nothing new); ISCO groups are groups.
ALTER TABLE competency DROP CONSTRAINT competency_kind_check;
ALTER TABLE competency ADD CONSTRAINT competency_kind_check
	CHECK (kind IN ('skill', 'knowledge', 'competence', 'group', 'element', 'item', 'document',
					'technology', 'occupation'));

CREATE TABLE occupation_requirement (
	occupation	int NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
	competency	int NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('essential', 'optional')),
	level		int NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 100),
	importance	real CHECK (importance BETWEEN 1 AND 5),
	source		text,
	PRIMARY KEY (occupation, competency),
	CHECK (occupation <> competency)
);
CREATE INDEX occupation_requirement_competency ON occupation_requirement (competency);
COMMENT ON TABLE occupation_requirement IS 'competencies an occupation requires: essential or optional, minimum level 0..5 (0 = any), importance 1..5 where the source rates it (O*NET), else null';
SELECT pg_catalog.pg_extension_config_dump('occupation_requirement', '');

-- ---------------------------------------------------------------------------
-- Importers.  import_esco and import_onet keep their 0.1.0 bodies under new
-- names (the skills and content-model parts) and the public names load the
-- occupation files too, when the directory has them.
-- ---------------------------------------------------------------------------
ALTER FUNCTION import_esco(text) RENAME TO import_esco_skills;
COMMENT ON FUNCTION import_esco_skills(text) IS 'the skills part of import_esco (skills, skill groups, hierarchy, broader relations, labels); writes the taxonomy tables';
ALTER FUNCTION import_onet(text) RENAME TO import_onet_content;
COMMENT ON FUNCTION import_onet_content(text) IS 'the content-model part of import_onet (elements, UNSPSC commodities, technology skill examples); writes the taxonomy tables';

-- Rows of a CSV/TSV file, or none when neither the file nor its .gz exists.
CREATE FUNCTION taxonomy_read_optional(path text, tab boolean DEFAULT false,
		OUT line bigint, OUT fields text[]) RETURNS SETOF record
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY SELECT * FROM credreg.taxonomy_read_file(path, tab);
EXCEPTION WHEN undefined_file THEN
	RETURN;
END
$$;
COMMENT ON FUNCTION taxonomy_read_optional(text, boolean) IS 'rows of a server-side CSV/TSV file (plain or gzipped), none when the file does not exist; volatile because the file may change between calls; needs pg_read_server_files';
REVOKE ALL ON FUNCTION taxonomy_read_optional(text, boolean) FROM PUBLIC;

-- ESCO occupation pillar: ISCO-08 groups (kind group, major groups
-- top-level, code = the ISCO code), occupations (kind occupation, code =
-- the ESCO code such as 2511.1), their broader relations (occupation ->
-- occupation or ISCO group, group -> group; source 'esco-occupations') and
-- occupationSkillRelations as essential/optional requirements at level 0
-- (ESCO has no proficiency levels).  Returns NULL when the directory has no
-- occupations_en.csv.
CREATE FUNCTION import_esco_occupations(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	h text[];
	bad jsonb := '[]';
	n_isco int; n_occ int; n_broader int; n_req int; n_labels int;
	c_uri int; c_code int; c_pref int; c_alt int; c_hidden int; c_status int; c_desc int;
	c_occ int; c_rel int; c_skill int; c_broader int;
BEGIN
	directory := rtrim(directory, '/');
	IF to_regclass('pg_temp.occ_in') IS NOT NULL THEN
		DROP TABLE pg_temp.occ_in, pg_temp.occ_labels;
	END IF;
	CREATE TEMP TABLE occ_in (line bigint, f text[]) ON COMMIT DROP;
	CREATE TEMP TABLE occ_labels (uri text, kind text, label text) ON COMMIT DROP;
	INSERT INTO occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/occupations_en.csv');
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;

	-- occupations
	SELECT f INTO h FROM occ_in WHERE line = 1;
	c_uri := array_position(h, 'conceptUri'); c_code := array_position(h, 'code');
	c_pref := array_position(h, 'preferredLabel'); c_alt := array_position(h, 'altLabels');
	c_hidden := array_position(h, 'hiddenLabels'); c_status := array_position(h, 'status');
	c_desc := array_position(h, 'description');
	IF c_uri IS NULL OR c_pref IS NULL OR c_code IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO occupations file', directory || '/occupations_en.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns conceptUri, code and preferredLabel.';
	END IF;
	DELETE FROM occ_in WHERE line = 1;
	WITH b AS (DELETE FROM occ_in
			WHERE cardinality(f) <> cardinality(h) OR f[c_uri] !~ '^https?://' OR coalesce(f[c_pref], '') = ''
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'occupations_en.csv', 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							ELSE 'missing concept URI or preferred label' END)), '[]')
		INTO bad FROM b;
	INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level, status, description)
		SELECT DISTINCT ON (f[c_uri]) 'esco', f[c_uri], nullif(f[c_code], ''), f[c_pref], 'occupation', false,
			nullif(f[c_status], ''), nullif(f[c_desc], '')
		FROM occ_in ORDER BY f[c_uri], line
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, code = EXCLUDED.code,
			label = EXCLUDED.label, kind = EXCLUDED.kind, top_level = false,
			status = EXCLUDED.status, description = EXCLUDED.description;
	GET DIAGNOSTICS n_occ = ROW_COUNT;
	INSERT INTO occ_labels
		SELECT f[c_uri], 'preferred', f[c_pref] FROM occ_in
		UNION SELECT f[c_uri], 'alternative', l FROM occ_in, credreg.taxonomy_split_lines(f[c_alt]) l
		UNION SELECT f[c_uri], 'hidden', l FROM occ_in, credreg.taxonomy_split_lines(f[c_hidden]) l
		UNION SELECT f[c_uri], 'code', f[c_code] FROM occ_in WHERE f[c_code] <> '';

	-- ISCO groups
	TRUNCATE occ_in;
	INSERT INTO occ_in SELECT * FROM credreg.taxonomy_read_file(directory || '/ISCOGroups_en.csv');
	SELECT f INTO h FROM occ_in WHERE line = 1;
	c_uri := array_position(h, 'conceptUri'); c_code := array_position(h, 'code');
	c_pref := array_position(h, 'preferredLabel'); c_alt := array_position(h, 'altLabels');
	c_status := array_position(h, 'status'); c_desc := array_position(h, 'description');
	IF c_uri IS NULL OR c_pref IS NULL OR c_code IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO ISCO groups file', directory || '/ISCOGroups_en.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns conceptUri, code and preferredLabel.';
	END IF;
	DELETE FROM occ_in WHERE line = 1;
	WITH b AS (DELETE FROM occ_in
			WHERE cardinality(f) <> cardinality(h) OR f[c_uri] !~ '^https?://' OR coalesce(f[c_pref], '') = ''
			   OR f[c_code] !~ '^[0-9]{1,4}$'
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'ISCOGroups_en.csv', 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							WHEN f[c_code] !~ '^[0-9]{1,4}$' THEN 'ISCO code is not 1 to 4 digits'
							ELSE 'missing concept URI or preferred label' END)), '[]')
		INTO bad FROM b;
	INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level, status, description)
		SELECT DISTINCT ON (f[c_uri]) 'esco', f[c_uri], f[c_code], f[c_pref], 'group', length(f[c_code]) = 1,
			nullif(f[c_status], ''), nullif(f[c_desc], '')
		FROM occ_in ORDER BY f[c_uri], line
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, code = EXCLUDED.code,
			label = EXCLUDED.label, kind = EXCLUDED.kind, top_level = EXCLUDED.top_level,
			status = EXCLUDED.status, description = EXCLUDED.description;
	GET DIAGNOSTICS n_isco = ROW_COUNT;
	INSERT INTO occ_labels
		SELECT f[c_uri], 'preferred', f[c_pref] FROM occ_in
		UNION SELECT f[c_uri], 'alternative', l FROM occ_in, credreg.taxonomy_split_lines(f[c_alt]) l
		UNION SELECT f[c_uri], 'code', f[c_code] FROM occ_in;

	ANALYZE credreg.competency;
	DELETE FROM credreg.competency_label l USING credreg.competency c
		WHERE l.competency = c.id AND c.uri IN (SELECT uri FROM occ_labels);
	INSERT INTO credreg.competency_label (competency, kind, label, norm)
		SELECT c.id, e.kind, e.label, credreg.label_norm(e.label)
		FROM occ_labels e JOIN credreg.competency c ON c.uri = e.uri
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_labels = ROW_COUNT;
	ANALYZE credreg.competency_label;

	-- broader relations of the occupation pillar
	TRUNCATE occ_in;
	INSERT INTO occ_in SELECT * FROM credreg.taxonomy_read_file(directory || '/broaderRelationsOccPillar.csv');
	SELECT f INTO h FROM occ_in WHERE line = 1;
	c_uri := array_position(h, 'conceptUri'); c_broader := array_position(h, 'broaderUri');
	IF c_uri IS NULL OR c_broader IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO broader relations file', directory || '/broaderRelationsOccPillar.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns conceptUri and broaderUri.';
	END IF;
	DELETE FROM occ_in WHERE line = 1;
	WITH b AS (DELETE FROM occ_in e
			WHERE cardinality(f) <> cardinality(h) OR f[c_uri] = f[c_broader]
			   OR NOT EXISTS (SELECT 1 FROM credreg.competency c WHERE c.uri = e.f[c_uri])
			   OR NOT EXISTS (SELECT 1 FROM credreg.competency c WHERE c.uri = e.f[c_broader])
			RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'broaderRelationsOccPillar.csv', 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							WHEN f[c_uri] = f[c_broader] THEN 'concept is its own broader concept'
							ELSE 'unknown concept' END)), '[]')
		INTO bad FROM b;
	DELETE FROM credreg.competency_relation WHERE source = 'esco-occupations';
	INSERT INTO credreg.competency_relation (src, dst, kind, source)
		SELECT s.id, d.id, 'broader', 'esco-occupations'
		FROM occ_in e JOIN credreg.competency s ON s.uri = e.f[c_uri]
			JOIN credreg.competency d ON d.uri = e.f[c_broader]
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_broader = ROW_COUNT;

	-- occupation-skill relations: essential or optional, no level
	TRUNCATE occ_in;
	INSERT INTO occ_in SELECT * FROM credreg.taxonomy_read_file(directory || '/occupationSkillRelations.csv');
	ANALYZE occ_in;
	SELECT f INTO h FROM occ_in WHERE line = 1;
	c_occ := array_position(h, 'occupationUri'); c_rel := array_position(h, 'relationType');
	c_skill := array_position(h, 'skillUri');
	IF c_occ IS NULL OR c_rel IS NULL OR c_skill IS NULL THEN
		RAISE EXCEPTION 'file "%" is not an ESCO occupation-skill relations file', directory || '/occupationSkillRelations.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns occupationUri, relationType and skillUri.';
	END IF;
	DELETE FROM occ_in WHERE line = 1;
	CREATE TEMP TABLE occ_req ON COMMIT DROP AS
		SELECT e.line, e.f[c_rel] AS rel, o.id AS occupation, s.id AS competency, o.kind AS okind
		FROM occ_in e LEFT JOIN credreg.competency o ON o.uri = e.f[c_occ]
			LEFT JOIN credreg.competency s ON s.uri = e.f[c_skill]
		WHERE cardinality(e.f) = cardinality(h);
	SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'occupationSkillRelations.csv', 'line', line,
			'reason', CASE WHEN rel IS NULL THEN 'wrong number of fields'
						   WHEN rel NOT IN ('essential', 'optional') THEN 'relation type is neither essential nor optional'
						   WHEN occupation IS NULL OR okind <> 'occupation' THEN 'unknown occupation'
						   ELSE 'unknown skill' END) ORDER BY line), '[]')
		INTO bad
		FROM (SELECT line, rel, occupation, competency, okind FROM occ_req
			  UNION ALL SELECT line, NULL, NULL, NULL, NULL FROM occ_in WHERE cardinality(f) <> cardinality(h)) r
		WHERE rel IS NULL OR rel NOT IN ('essential', 'optional') OR occupation IS NULL OR okind <> 'occupation'
		   OR competency IS NULL;
	DELETE FROM credreg.occupation_requirement WHERE source = 'esco';
	-- a skill listed both ways counts as essential
	INSERT INTO credreg.occupation_requirement (occupation, competency, kind, level, importance, source)
		SELECT DISTINCT ON (occupation, competency) occupation, competency, rel, 0, NULL, 'esco'
		FROM occ_req
		WHERE rel IN ('essential', 'optional') AND okind = 'occupation' AND competency IS NOT NULL
		  AND occupation <> competency
		ORDER BY occupation, competency, rel = 'essential' DESC
		ON CONFLICT (occupation, competency) DO UPDATE SET kind = EXCLUDED.kind, level = 0,
			importance = NULL, source = 'esco';
	GET DIAGNOSTICS n_req = ROW_COUNT;
	DROP TABLE occ_req;
	ANALYZE credreg.occupation_requirement;

	RETURN jsonb_build_object('occupations', n_occ, 'iscoGroups', n_isco, 'occupationBroader', n_broader,
		'occupationLabels', n_labels, 'requirements', n_req,
		'essential', (SELECT count(*) FROM credreg.occupation_requirement WHERE source = 'esco' AND kind = 'essential'),
		'occupationRejected', jsonb_array_length(bad),
		'occupationRejectedRows', (SELECT coalesce(jsonb_agg(x), '[]') FROM (SELECT x FROM jsonb_array_elements(bad) x LIMIT 100) s));
END
$$;
COMMENT ON FUNCTION import_esco_occupations(text) IS 'the occupations part of import_esco (ISCO groups, occupations, their broader relations and skill requirements); writes the taxonomy and requirement tables; NULL when the directory has no occupations_en.csv; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_esco_occupations(text) FROM PUBLIC;

CREATE FUNCTION import_esco(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	r jsonb;
BEGIN
	r := credreg.import_esco_skills(directory);
	r := r || coalesce(credreg.import_esco_occupations(directory), '{}');
	RETURN r || jsonb_build_object('seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2));
END
$$;
COMMENT ON FUNCTION import_esco(text) IS 'imports an ESCO CSV release (skills, skill groups, hierarchy, broader relations, labels; occupations, ISCO groups and occupation-skill relations when occupations_en.csv is present) from a server directory; writes the taxonomy tables; idempotent; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_esco(text) FROM PUBLIC;

-- O*NET occupations (urn:onet:occupation:<O*NET-SOC code>, code = the
-- O*NET-SOC code, alternate titles as alternative labels) and their ratings
-- as requirements.  Skills and Knowledge: the importance (IM, 1..5) is kept
-- as the weight; the level (LV, 0..7) becomes credreg's 0..5 as
-- round(LV * 5 / 7); a descriptor with importance >= 3 ("Important" on
-- O*NET's scale) is essential, below that optional; pairs whose rows are
-- marked Recommend Suppress or Not Relevant are left out.  Technology
-- Skills: level 0, no importance, essential when marked In Demand, else
-- optional.  Skills and Knowledge are read from Skills.txt / Knowledge.txt
-- (text release) or Skills.from_xlsx.tsv / Knowledge.from_xlsx.tsv (the
-- Excel release converted), columns found by name.  Returns NULL when the
-- directory has no Occupation_Data.txt.
CREATE FUNCTION import_onet_occupations(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	h text[];
	bad jsonb := '[]';
	n_occ int; n_req int; n_labels int; n_tech int;
	c_code int; c_el int; c_scale int; c_val int; c_sup int; c_nr int;
	fname text;
BEGIN
	directory := rtrim(directory, '/');
	IF to_regclass('pg_temp.onet_occ_in') IS NOT NULL THEN
		DROP TABLE pg_temp.onet_occ_in, pg_temp.onet_rating;
	END IF;
	CREATE TEMP TABLE onet_occ_in (line bigint, f text[]) ON COMMIT DROP;
	CREATE TEMP TABLE onet_rating (line bigint, code text, element text, scale text, value float8,
								   suppress boolean, file text) ON COMMIT DROP;
	INSERT INTO onet_occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/Occupation_Data.txt', true);
	IF NOT FOUND THEN
		INSERT INTO onet_occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/Occupation Data.txt', true);
		IF NOT FOUND THEN
			RETURN NULL;
		END IF;
	END IF;
	SELECT f INTO h FROM onet_occ_in WHERE line = 1;
	IF h[1:2] IS DISTINCT FROM ARRAY['O*NET-SOC Code', 'Title'] THEN
		RAISE EXCEPTION 'file "%" is not an O*NET occupation data file', directory || '/Occupation_Data.txt'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must start with: O*NET-SOC Code, Title.';
	END IF;
	WITH b AS (DELETE FROM onet_occ_in WHERE line > 1 AND (cardinality(f) <> cardinality(h)
			OR f[1] !~ '^[0-9]{2}-[0-9]{4}\.[0-9]{2}$' OR f[2] = '') RETURNING line, f)
		SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', 'Occupation_Data.txt', 'line', line,
			'reason', 'expected an O*NET-SOC code and a title')), '[]') INTO bad FROM b;
	INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level, description)
		SELECT DISTINCT ON (f[1]) 'onet', 'urn:onet:occupation:' || f[1], f[1], f[2], 'occupation', false, nullif(f[3], '')
		FROM onet_occ_in WHERE line > 1 ORDER BY f[1], line
		ON CONFLICT (uri) DO UPDATE SET framework = EXCLUDED.framework, code = EXCLUDED.code,
			label = EXCLUDED.label, kind = EXCLUDED.kind, top_level = false, description = EXCLUDED.description;
	GET DIAGNOSTICS n_occ = ROW_COUNT;
	DELETE FROM credreg.competency_label l USING credreg.competency c
		WHERE l.competency = c.id AND c.framework = 'onet' AND c.kind = 'occupation';
	TRUNCATE onet_occ_in;
	INSERT INTO onet_occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/Alternate_Titles.txt', true);
	INSERT INTO credreg.competency_label (competency, kind, label, norm)
		SELECT c.id, v.kind, v.label, credreg.label_norm(v.label)
		FROM (SELECT uri, 'preferred' AS kind, label FROM credreg.competency
			  WHERE framework = 'onet' AND kind = 'occupation'
			  UNION SELECT uri, 'code', code FROM credreg.competency WHERE framework = 'onet' AND kind = 'occupation'
			  UNION SELECT 'urn:onet:occupation:' || f[1], 'alternative', f[2] FROM onet_occ_in
			  WHERE line > 1 AND cardinality(f) >= 2 AND f[2] <> '') v
			JOIN credreg.competency c ON c.uri = v.uri AND c.kind = 'occupation'
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_labels = ROW_COUNT;

	-- Skills and Knowledge ratings
	FOREACH fname IN ARRAY ARRAY['Skills', 'Knowledge'] LOOP
		TRUNCATE onet_occ_in;
		INSERT INTO onet_occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/' || fname || '.txt', true);
		IF NOT FOUND THEN
			INSERT INTO onet_occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/' || fname || '.from_xlsx.tsv', true);
		END IF;
		CONTINUE WHEN NOT EXISTS (SELECT 1 FROM onet_occ_in);
		SELECT f INTO h FROM onet_occ_in WHERE line = 1;
		c_code := array_position(h, 'O*NET-SOC Code'); c_el := array_position(h, 'Element ID');
		c_scale := array_position(h, 'Scale ID'); c_val := array_position(h, 'Data Value');
		c_sup := array_position(h, 'Recommend Suppress'); c_nr := array_position(h, 'Not Relevant');
		IF c_code IS NULL OR c_el IS NULL OR c_scale IS NULL OR c_val IS NULL THEN
			RAISE EXCEPTION 'file "%" is not an O*NET % ratings file', directory || '/' || fname || '.txt', lower(fname)
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = 'The header must name the columns O*NET-SOC Code, Element ID, Scale ID and Data Value.';
		END IF;
		WITH b AS (DELETE FROM onet_occ_in WHERE line > 1 AND (cardinality(f) <> cardinality(h)
				OR f[c_val] !~ '^[0-9]+(\.[0-9]+)?$') RETURNING line, f)
			SELECT bad || coalesce(jsonb_agg(jsonb_build_object('file', fname, 'line', line,
				'reason', CASE WHEN cardinality(f) <> cardinality(h)
							   THEN format('%s fields instead of %s', cardinality(f), cardinality(h))
							   ELSE 'data value is not a number' END)), '[]') INTO bad FROM b;
		INSERT INTO onet_rating
			SELECT line, f[c_code], f[c_el], f[c_scale], f[c_val]::float8,
				coalesce(f[c_sup] = 'Y', false) OR coalesce(f[c_nr] = 'Y', false), fname
			FROM onet_occ_in WHERE line > 1 AND f[c_scale] IN ('IM', 'LV');
	END LOOP;
	DELETE FROM credreg.occupation_requirement WHERE source = 'onet';
	INSERT INTO credreg.occupation_requirement (occupation, competency, kind, level, importance, source)
		SELECT o.id, e.id, CASE WHEN r.im >= 3 THEN 'essential' ELSE 'optional' END,
			least(5, greatest(0, round(r.lv * 5 / 7)))::int, r.im, 'onet'
		FROM (SELECT code, element,
				max(value) FILTER (WHERE scale = 'IM') AS im, max(value) FILTER (WHERE scale = 'LV') AS lv,
				bool_or(suppress) AS suppress
			  FROM onet_rating GROUP BY code, element) r
			JOIN credreg.competency o ON o.uri = 'urn:onet:occupation:' || r.code
			JOIN credreg.competency e ON e.uri = 'urn:onet:element:' || r.element
		WHERE NOT r.suppress AND r.im BETWEEN 1 AND 5 AND r.lv IS NOT NULL
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_req = ROW_COUNT;

	-- Technology Skills (the examples imported by the content part)
	TRUNCATE onet_occ_in;
	INSERT INTO onet_occ_in SELECT * FROM credreg.taxonomy_read_optional(directory || '/Technology_Skills.txt', true);
	SELECT f INTO h FROM onet_occ_in WHERE line = 1;
	INSERT INTO credreg.occupation_requirement (occupation, competency, kind, level, importance, source)
		SELECT DISTINCT ON (o.id, t.id) o.id, t.id,
			CASE WHEN f[array_position(h, 'In Demand')] = 'Y' THEN 'essential' ELSE 'optional' END, 0, NULL, 'onet'
		FROM onet_occ_in
			JOIN credreg.competency o ON o.uri = 'urn:onet:occupation:' || f[1]
			JOIN credreg.competency t ON t.uri = 'urn:onet:technology:'
				|| trim(both '-' from regexp_replace(lower(f[2]), '[^a-z0-9+#]+', '-', 'g'))
		WHERE line > 1 AND cardinality(f) = cardinality(h)
		ORDER BY o.id, t.id, f[array_position(h, 'In Demand')] = 'Y' DESC
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_tech = ROW_COUNT;
	ANALYZE credreg.occupation_requirement;

	RETURN jsonb_build_object('occupations', n_occ, 'occupationLabels', n_labels,
		'ratedRequirements', n_req, 'technologyRequirements', n_tech,
		'essential', (SELECT count(*) FROM credreg.occupation_requirement WHERE source = 'onet' AND kind = 'essential'),
		'occupationRejected', jsonb_array_length(bad),
		'occupationRejectedRows', (SELECT coalesce(jsonb_agg(x), '[]') FROM (SELECT x FROM jsonb_array_elements(bad) x LIMIT 100) s));
END
$$;
COMMENT ON FUNCTION import_onet_occupations(text) IS 'the occupations part of import_onet (occupations, alternate titles, Skills/Knowledge ratings and Technology Skills as requirements); writes the taxonomy and requirement tables; NULL when the directory has no Occupation_Data.txt; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_onet_occupations(text) FROM PUBLIC;

CREATE FUNCTION import_onet(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	r jsonb;
BEGIN
	r := credreg.import_onet_content(directory);
	r := r || coalesce(credreg.import_onet_occupations(directory), '{}');
	RETURN r || jsonb_build_object('seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2));
END
$$;
COMMENT ON FUNCTION import_onet(text) IS 'imports an O*NET text release (content model elements, UNSPSC commodities, technology skill examples; occupations with their Skills, Knowledge and Technology Skills requirements when Occupation_Data.txt is present) from a server directory; writes the taxonomy tables; idempotent; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_onet(text) FROM PUBLIC;

-- The Nesta ESCO -> O*NET occupation crosswalk (esco_onet_crosswalk_Nov2020.csv,
-- O*NET-SOC 2010 codes) joined to O*NET-SOC 2019 through
-- onet_soc_2010_to_2019_crosswalk.semicolon.csv.  A pair is exactMatch when
-- the crosswalk's confidence is 2 (its highest) and the 2010 code maps to a
-- single 2019 code; otherwise closeMatch (lower confidence, or a 2010
-- occupation split in 2019).  Relations read "ESCO occupation kind O*NET
-- occupation", source 'crosswalk-esco-onet'; both frameworks' occupations
-- must be imported first.
CREATE FUNCTION import_occupation_crosswalk(directory text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	h text[];
	n_rel int; n_exact int; n_rows int; n_unknown int;
BEGIN
	IF directory !~ '^/' THEN
		RAISE EXCEPTION 'crosswalk directory must be an absolute path: "%"', directory
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	directory := rtrim(directory, '/');
	IF to_regclass('pg_temp.xw_in') IS NOT NULL THEN
		DROP TABLE pg_temp.xw_in, pg_temp.xw_soc;
	END IF;
	CREATE TEMP TABLE xw_in (line bigint, f text[]) ON COMMIT DROP;
	INSERT INTO xw_in SELECT * FROM credreg.taxonomy_read_file(directory || '/esco_onet_crosswalk_Nov2020.csv');
	SELECT f INTO h FROM xw_in WHERE line = 1;
	IF array_position(h, 'concept_uri') IS NULL OR array_position(h, 'onet_code') IS NULL
	   OR array_position(h, 'confidence') IS NULL THEN
		RAISE EXCEPTION 'file "%" is not the ESCO-O*NET crosswalk', directory || '/esco_onet_crosswalk_Nov2020.csv'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The header must name the columns concept_uri, onet_code and confidence.';
	END IF;
	-- the code crosswalk is semicolon-separated without quoting: read whole
	-- lines (as one tab-separated field) and split them
	CREATE TEMP TABLE xw_soc ON COMMIT DROP AS
		SELECT split_part(fields[1], ';', 1) AS soc2010, split_part(fields[1], ';', 3) AS soc2019
		FROM credreg.taxonomy_read_file(directory || '/onet_soc_2010_to_2019_crosswalk.semicolon.csv', true)
		WHERE line > 1;
	SELECT count(*) INTO n_rows FROM xw_in WHERE line > 1;
	DELETE FROM credreg.competency_relation WHERE source = 'crosswalk-esco-onet';
	WITH pairs AS (
		SELECT e.id AS src, o.id AS dst,
			CASE WHEN x.f[array_position(h, 'confidence')]::numeric = 2
					  AND (SELECT count(*) FROM xw_soc s2 WHERE s2.soc2010 = s.soc2010) = 1
				 THEN 'exactMatch' ELSE 'closeMatch' END AS kind
		FROM xw_in x
			JOIN xw_soc s ON s.soc2010 = x.f[array_position(h, 'onet_code')]
			JOIN credreg.competency e ON e.uri = x.f[array_position(h, 'concept_uri')] AND e.kind = 'occupation'
			JOIN credreg.competency o ON o.uri = 'urn:onet:occupation:' || s.soc2019 AND o.kind = 'occupation'
		WHERE x.line > 1 AND cardinality(x.f) = cardinality(h)
		  AND x.f[array_position(h, 'confidence')] ~ '^[0-9]+(\.[0-9]+)?$'
	)
	INSERT INTO credreg.competency_relation (src, dst, kind, source)
		SELECT DISTINCT src, dst, kind, 'crosswalk-esco-onet' FROM pairs
		ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n_rel = ROW_COUNT;
	SELECT count(*) INTO n_exact FROM credreg.competency_relation
		WHERE source = 'crosswalk-esco-onet' AND kind = 'exactMatch';
	SELECT count(*) INTO n_unknown FROM xw_in x
		WHERE x.line > 1 AND NOT EXISTS (SELECT 1 FROM credreg.competency e
										 WHERE e.uri = x.f[array_position(h, 'concept_uri')] AND e.kind = 'occupation');
	RETURN jsonb_build_object('rows', n_rows, 'relations', n_rel, 'exactMatch', n_exact,
		'closeMatch', n_rel - n_exact, 'unknownEscoOccupations', n_unknown,
		'seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2));
END
$$;
COMMENT ON FUNCTION import_occupation_crosswalk(text) IS 'imports the Nesta ESCO-O*NET occupation crosswalk (with the O*NET-SOC 2010 to 2019 code crosswalk) as exactMatch/closeMatch relations between occupations; writes competency_relation; idempotent; needs pg_read_server_files';
REVOKE ALL ON FUNCTION import_occupation_crosswalk(text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Search (occupations are found by it too)
-- ---------------------------------------------------------------------------
-- Ranks competencies for a recruiter's words: exact label or alias, then a
-- preferred label containing the query as whole words (2.6, above an exact
-- alias: "data analysis"
-- finds "perform data analysis" before an alternative label that merely
-- starts with it, as the ESCO portal does), then prefix, then trigram
-- similarity (>= 0.3) over preferred, alternative, hidden labels and codes,
-- all compared in label_norm() form.  A label containing the query holds
-- all its trigrams, so the GIN probe below returns it.  It resolves
-- a query to candidates; it never widens what counts as verified.  Only the
-- labels the indexes return are scored: the btree range holds every label
-- equal to or starting with the query, the GIN && every label that can
-- reach similarity 0.3 (see label_query_trigrams()), so the result is the
-- same as scoring all labels.
CREATE OR REPLACE FUNCTION competency_search(query text, max int DEFAULT 20)
	RETURNS TABLE (id int, uri text, label text, kind text, framework text,
				   matched text, matched_as text, score real)
LANGUAGE sql STABLE STRICT PARALLEL SAFE COST 1000 ROWS 20
SET search_path = pg_catalog, pg_temp
AS $$
WITH hits AS (
	SELECT l.competency, l.label, l.kind,
		(CASE WHEN x.score = 3 AND l.kind = 'code' THEN 2.9
			  WHEN x.score = 3 AND l.kind <> 'preferred' THEN 2.5
			  WHEN x.score < 2.6 AND l.kind = 'preferred'
				   AND strpos(' ' || l.norm || ' ', ' ' || (SELECT credreg.label_norm(query)) || ' ') > 0 THEN 2.6
			  ELSE x.score END)::real AS score
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
	  AND (x.score > 0 OR (l.kind = 'preferred'
			AND strpos(' ' || l.norm || ' ', ' ' || (SELECT credreg.label_norm(query)) || ' ') > 0))
),
-- (kind last: one text can be both an alternative and a hidden label of a
-- competency; without it the pick depended on the plan's row order)
best AS (
	SELECT DISTINCT ON (competency) competency, label, kind, score FROM hits
	ORDER BY competency, score DESC, kind = 'preferred' DESC, label, kind
)
SELECT c.id, c.uri, c.label, c.kind, c.framework, b.label, b.kind, b.score
FROM best b JOIN credreg.competency c ON c.id = b.competency
ORDER BY b.score DESC, length(c.label), c.label, c.id
LIMIT greatest(max, 0)
$$;
COMMENT ON FUNCTION competency_search(text, int) IS 'competencies ranked by exact label or alias, preferred label containing the query, prefix and trigram similarity of normalised labels';
