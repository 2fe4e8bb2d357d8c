
-- ---------------------------------------------------------------------------
-- Readiness for an occupation and guidance (readiness.c; STABLE: they read
-- the taxonomy and requirement tables)
-- ---------------------------------------------------------------------------
CREATE FUNCTION occupation_id(ref text) RETURNS int
	AS 'MODULE_PATHNAME', 'occupation_id' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION occupation_id(text) IS 'id of an occupation given by URI or framework:code; an error when unknown or not an occupation';

CREATE FUNCTION readiness_score(held skillset, occupation text, policy jsonb DEFAULT '{}') RETURNS float8
	AS 'MODULE_PATHNAME', 'readiness_score' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 20;
COMMENT ON FUNCTION readiness_score(skillset, text, jsonb) IS 'importance-weighted share (0..1) of the occupation''s essential requirements the closure of held satisfies; for ranking';

CREATE FUNCTION readiness_query(occupation text, threshold float8 DEFAULT 0.8) RETURNS skillquery
	AS 'MODULE_PATHNAME', 'readiness_query' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION readiness_query(text, float8) IS 'skillquery "t of (essentials)" that every closed skillset with readiness_score >= threshold satisfies; the GIN-indexable filter of a readiness report';

CREATE FUNCTION skills_query(query text) RETURNS skillquery
	AS 'MODULE_PATHNAME', 'skillquery_resolve' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skills_query(text) IS 'skillquery whose competencies may also be given by URI or framework:code (bare or in double quotes)';

-- Per requirement the verdict and path of match(); the shares weighted as
-- readiness_score() weighs them (importance, 3 where unrated).
CREATE FUNCTION readiness(held skillset, occupation text, policy jsonb DEFAULT '{}') RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE COST 200
SET search_path = pg_catalog, pg_temp
AS $$
WITH o AS (SELECT credreg.occupation_id(occupation) AS id),
r AS (
	SELECT q.competency, q.kind, q.level, q.importance, coalesce(q.importance, 3)::float8 AS w
	FROM o JOIN credreg.occupation_requirement q ON q.occupation = o.id
),
m AS (
	SELECT credreg.match(held, coalesce(credreg.skillset(array_agg(competency), array_agg(level)), '{}'), policy) AS j
	FROM r
),
v AS (
	SELECT (x #>> '{required,id}')::int AS competency, x FROM m, jsonb_array_elements(m.j -> 'requirements') x
),
rv AS (
	SELECT r.*, (v.x ->> 'satisfied')::boolean AS sat,
		v.x || jsonb_build_object('kind', r.kind, 'importance', r.importance) AS x
	FROM r JOIN v USING (competency)
),
share AS (
	SELECT kind, count(*) AS n, count(*) FILTER (WHERE sat) AS nsat,
		coalesce(sum(w) FILTER (WHERE sat), 0) / nullif(sum(w), 0) AS s
	FROM rv GROUP BY kind
)
SELECT jsonb_build_object(
	'occupation', (SELECT jsonb_build_object('id', c.id, 'uri', c.uri, 'label', c.label)
				   FROM o JOIN credreg.competency c ON c.id = o.id),
	'score', coalesce((SELECT s FROM share WHERE kind = 'essential'), 1),
	'essential', jsonb_build_object('share', coalesce((SELECT s FROM share WHERE kind = 'essential'), 1),
		'satisfied', coalesce((SELECT nsat FROM share WHERE kind = 'essential'), 0),
		'required', coalesce((SELECT n FROM share WHERE kind = 'essential'), 0)),
	'optional', jsonb_build_object('share', coalesce((SELECT s FROM share WHERE kind = 'optional'), 1),
		'satisfied', coalesce((SELECT nsat FROM share WHERE kind = 'optional'), 0),
		'required', coalesce((SELECT n FROM share WHERE kind = 'optional'), 0)),
	'requirements', coalesce((SELECT jsonb_agg(x ORDER BY kind, sat, competency) FROM rv), '[]'))
$$;
COMMENT ON FUNCTION readiness(skillset, text, jsonb) IS 'readiness for an occupation: essential and optional shares (importance-weighted) and each requirement''s verdict and path as match() explains it';

-- The competencies of a skillset with their URIs and labels.
CREATE FUNCTION skillset_labels(s skillset)
	RETURNS TABLE (competency int, uri text, label text, level int)
	AS $$ SELECT e.id, c.uri, c.label, e.level
		FROM credreg.skillset_each(s) e LEFT JOIN credreg.competency c ON c.id = e.id ORDER BY e.id $$
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 20
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION skillset_labels(skillset) IS 'the competencies of a skillset with URI, label and level, in id order (unknown ids with null URI and label)';

-- skillset_each returns one row per competency: tell the planner about as
-- many as a learner's profile holds, not the default 1000
ALTER FUNCTION skillset_each(skillset) ROWS 20;

-- ---------------------------------------------------------------------------
-- recommend(): greedy set cover of the remaining essential requirements
-- ---------------------------------------------------------------------------

-- The skillset a candidate achievement's alignments denote (the candidate
-- format of next_best: {"achievement", "alignments": [{"targetUrl" | "uri",
-- "level"} | "uri"]}); unknown references are left out.
CREATE FUNCTION candidate_skills(candidate jsonb) RETURNS skillset
	AS $$ SELECT coalesce(credreg.skillset(array_agg(id), array_agg(level)), '{}'::credreg.skillset)
		FROM (SELECT credreg.competency_id(coalesce(a ->> 'targetUrl', a ->> 'uri', a #>> '{}')) AS id,
				greatest(coalesce((a ->> 'level')::int, 0), 0) AS level
			  FROM pg_catalog.jsonb_array_elements(credreg.taxonomy_jarr(candidate -> 'alignments')) a) x
		WHERE id IS NOT NULL $$
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION candidate_skills(jsonb) IS 'skillset of a candidate achievement''s alignments (next_best''s candidate format); unknown references left out';

-- Greedy maximum coverage: repeatedly take the candidate that closes most
-- of the still-open requirements (ties: the earlier achievement name), at
-- most k times, stopping when none closes anything.  Coverage is exact set
-- algebra here: under the closure rules a requirement is satisfied by one
-- held competency's path, so what held plus several achievements satisfy is
-- the union of what each satisfies alone.  Guarantee (Nemhauser, Wolsey,
-- Fisher 1978; Johnson 1974): the k picks close at least 1 - (1 - 1/k)^k
-- > 1 - 1/e ~ 63% of what the best k candidates could close, and when the
-- picks close every closable requirement they are at most H(m) = 1 + 1/2 +
-- ... + 1/m times as many as the fewest that would, m the most requirements
-- one candidate closes.
CREATE FUNCTION recommend_cover(held skillset, required skillset, candidates jsonb, k int, policy jsonb)
	RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	open_req credreg.skillset := credreg.gap(held, required, policy);
	open_ids int[] := credreg.skillset_ids(open_req);
	cand jsonb;
	names text[] := '{}';
	cov jsonb := '[]';
	best int; best_gain int; gain int; i int;
	picks jsonb := '[]';
	taken credreg.skillset := held;
	closes int[];
BEGIN
	IF jsonb_typeof(candidates) IS DISTINCT FROM 'array' THEN
		RAISE EXCEPTION 'candidates must be a JSON array of achievements' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- what each candidate closes among the open requirements
	FOR cand IN SELECT c FROM jsonb_array_elements(candidates) c ORDER BY c ->> 'achievement', c::text LOOP
		IF jsonb_typeof(cand) <> 'object' OR coalesce(cand ->> 'achievement', '') = '' THEN
			RAISE EXCEPTION 'every candidate must be an object with an "achievement"' USING ERRCODE = 'invalid_parameter_value';
		END IF;
		names := names || (cand ->> 'achievement');
		cov := cov || jsonb_build_array(to_jsonb(ARRAY(
			SELECT unnest(open_ids) EXCEPT
			SELECT unnest(credreg.skillset_ids(credreg.gap(credreg.candidate_skills(cand), open_req, policy)))
			ORDER BY 1)));
	END LOOP;
	FOR step IN 1 .. greatest(k, 0) LOOP
		best := NULL; best_gain := 0;
		FOR i IN 0 .. jsonb_array_length(cov) - 1 LOOP
			SELECT count(*) INTO gain FROM jsonb_array_elements_text(cov -> i) e WHERE e::int = ANY (open_ids);
			IF gain > best_gain THEN
				best := i; best_gain := gain;
			END IF;
		END LOOP;
		EXIT WHEN best IS NULL;
		closes := ARRAY(SELECT e::int FROM jsonb_array_elements_text(cov -> best) e WHERE e::int = ANY (open_ids) ORDER BY 1);
		open_ids := ARRAY(SELECT unnest(open_ids) EXCEPT SELECT unnest(closes) ORDER BY 1);
		taken := taken OPERATOR(credreg.|) credreg.candidate_skills(candidates -> (
			SELECT o - 1 FROM jsonb_array_elements(candidates) WITH ORDINALITY x(c, o)
			WHERE c ->> 'achievement' = names[best + 1] ORDER BY c::text LIMIT 1)::int);
		picks := picks || jsonb_build_array(jsonb_build_object('achievement', names[best + 1],
			'closes', (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'uri', c.uri, 'label', c.label) ORDER BY c.id)
					   FROM credreg.competency c WHERE c.id = ANY (closes)),
			'stillOpen', cardinality(open_ids)));
		cov := jsonb_set(cov, ARRAY[best::text], '[]');
	END LOOP;
	RETURN jsonb_build_object('picks', picks, 'taken', taken::text, 'open', to_jsonb(open_ids));
END
$$;
COMMENT ON FUNCTION recommend_cover(skillset, skillset, jsonb, int, jsonb) IS 'greedy maximum coverage behind recommend(): picks, the skillset held after them and the requirements still open';

CREATE FUNCTION recommend(held skillset, target text, candidates jsonb, k int DEFAULT 5, policy jsonb DEFAULT '{}')
	RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	occ int := credreg.occupation_id(target);
	ess credreg.skillset;
	r jsonb;
	after credreg.skillset := held;
	pick jsonb;
	picks jsonb := '[]';
BEGIN
	SELECT coalesce(credreg.skillset(array_agg(competency), array_agg(level)), '{}') INTO ess
		FROM credreg.occupation_requirement WHERE occupation = occ AND kind = 'essential';
	r := credreg.recommend_cover(held, ess, candidates, k, policy);
	-- readiness after each pick, in order
	FOR pick IN SELECT p FROM jsonb_array_elements(r -> 'picks') p LOOP
		after := after OPERATOR(credreg.|) credreg.candidate_skills((SELECT c FROM jsonb_array_elements(candidates) c
			WHERE c ->> 'achievement' = pick ->> 'achievement' ORDER BY c::text LIMIT 1));
		picks := picks || jsonb_build_array(pick - 'stillOpen'
			|| jsonb_build_object('readiness', credreg.readiness_score(after, target, policy)));
	END LOOP;
	RETURN jsonb_build_object('target', target, 'readiness', credreg.readiness_score(held, target, policy),
		'open', jsonb_array_length(r -> 'open') + (SELECT coalesce(sum(jsonb_array_length(p -> 'closes')), 0)::int
			FROM jsonb_array_elements(r -> 'picks') p),
		'recommendations', picks, 'stillOpen', r -> 'open',
		'guarantee', 'greedy maximum coverage: at least 1-(1-1/k)^k of the best k candidates'' coverage; a full cover within H(m) of the fewest achievements');
END
$$;
COMMENT ON FUNCTION recommend(skillset, text, jsonb, int, jsonb) IS 'achievements (next_best''s candidate format) that close the most open essential requirements of an occupation, chosen greedily (set cover), each with what it closes and the readiness after taking it';

CREATE FUNCTION recommend(held skillset, target skillset, candidates jsonb, k int DEFAULT 5, policy jsonb DEFAULT '{}')
	RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r jsonb := credreg.recommend_cover(held, target, candidates, k, policy);
	after credreg.skillset := held;
	pick jsonb;
	picks jsonb := '[]';
	n int := credreg.skillset_count(target);
BEGIN
	FOR pick IN SELECT p FROM jsonb_array_elements(r -> 'picks') p LOOP
		after := after OPERATOR(credreg.|) credreg.candidate_skills((SELECT c FROM jsonb_array_elements(candidates) c
			WHERE c ->> 'achievement' = pick ->> 'achievement' ORDER BY c::text LIMIT 1));
		picks := picks || jsonb_build_array(pick - 'stillOpen' || jsonb_build_object('readiness',
			CASE WHEN n = 0 THEN 1 ELSE 1 - credreg.skillset_count(credreg.gap(after, target, policy))::float8 / n END));
	END LOOP;
	RETURN jsonb_build_object('readiness',
			CASE WHEN n = 0 THEN 1 ELSE 1 - credreg.skillset_count(credreg.gap(held, target, policy))::float8 / n END,
		'open', jsonb_array_length(r -> 'open') + (SELECT coalesce(sum(jsonb_array_length(p -> 'closes')), 0)::int
			FROM jsonb_array_elements(r -> 'picks') p),
		'recommendations', picks, 'stillOpen', r -> 'open',
		'guarantee', 'greedy maximum coverage: at least 1-(1-1/k)^k of the best k candidates'' coverage; a full cover within H(m) of the fewest achievements');
END
$$;
COMMENT ON FUNCTION recommend(skillset, skillset, jsonb, int, jsonb) IS 'achievements that close the most open requirements of a skillset, chosen greedily (set cover), each with what it closes and the share satisfied after taking it';

-- With a stack rule as the target: the learner's awards (items) and
-- next_best() itself, applied greedily: each step takes next_best's first
-- row (so the first recommendation is next_best's answer) while it gains.
CREATE FUNCTION recommend(items jsonb, target stackrule, candidates jsonb, k int DEFAULT 5)
	RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	nb record;
	picks jsonb := '[]';
	cand jsonb;
BEGIN
	FOR step IN 1 .. greatest(k, 0) LOOP
		SELECT * INTO nb FROM credreg.next_best(target, items, candidates) LIMIT 1;
		EXIT WHEN NOT FOUND OR nb.progress_gain <= 0;
		SELECT c INTO cand FROM jsonb_array_elements(candidates) c WHERE c ->> 'achievement' = nb.achievement LIMIT 1;
		items := items || jsonb_build_array(cand || jsonb_build_object('id', 'recommended:' || step));
		candidates := (SELECT coalesce(jsonb_agg(c), '[]') FROM jsonb_array_elements(candidates) c
					   WHERE c ->> 'achievement' IS DISTINCT FROM nb.achievement);
		picks := picks || jsonb_build_array(jsonb_build_object('achievement', nb.achievement,
			'progressGain', nb.progress_gain, 'completes', nb.completes));
		EXIT WHEN nb.completes;
	END LOOP;
	RETURN jsonb_build_object('recommendations', picks);
END
$$;
COMMENT ON FUNCTION recommend(jsonb, stackrule, jsonb, int) IS 'for a stack rule: next_best applied greedily k times (the first recommendation is next_best''s best row)';
