-- competency_search() answers from indexes (btree range on norm, GIN on the
-- trigram keys in trgm) with the same results as scoring every label; on
-- the real ESCO data.
SET search_path = credreg, public;

SELECT count(*) = 0 AS need_import FROM competency WHERE framework = 'esco' \gset
\if :need_import
\! rm -rf tmp_run/esco_search && mkdir -p tmp_run/esco_search && cp data/esco/*.csv.gz tmp_run/esco_search/
\set esco_dir `readlink -f tmp_run`/esco_search
SELECT (import_esco(:'esco_dir') ->> 'skills')::int AS imported_skills \gset
\! rm -rf tmp_run/esco_search
\endif

-- trigram keys: three bytes of the word padded with two spaces in front
-- and one behind ("  s", " sq", "sql", "ql "), sorted and distinct
SELECT label_trigrams('sql') = ARRAY[x'202073'::int, x'207371'::int, x'716c20'::int, x'73716c'::int] AS sql_keys,
	   label_trigrams('') AS empty, label_trigrams('aaa aaa') = label_trigrams('aaa') AS distinct_keys,
	   cardinality(label_trigrams('project management')) AS n_pm;
-- the query keys leave out k - 1 of nq keys, k = ceil(0.3 nq): word starts
-- first without statistics, else the commonest listed
SELECT label_query_trigrams('sql') = ARRAY[x'207371'::int, x'716c20'::int, x'73716c'::int] AS no_stats,
	   label_query_trigrams('sql', ARRAY[x'73716c'::int]) = ARRAY[x'202073'::int, x'207371'::int, x'716c20'::int] AS listed,
	   cardinality(label_query_trigrams('project management')) AS n_pm_query,
	   label_query_trigrams(NULL) IS NULL AS null_query,
	   label_query_trigrams('') AS empty;
SELECT label_query_trigrams('sql', '{{1},{2}}');
SELECT label_query_trigrams('sql', '{1,NULL}');
-- the prefix bound: the query followed by 0xFF, above every continuation
SELECT octet_length(label_prefix_end('sql')) AS len,
	   'sql' ~<~ label_prefix_end('sql') AS equal_in, 'sql server' ~<~ label_prefix_end('sql') AS longer_in,
	   'sqlé' ~<~ label_prefix_end('sql') AS accent_in, 'sqm' ~<~ label_prefix_end('sql') AS next_out,
	   'sq' ~>=~ 'sql' AS shorter_out;

-- the generated column is filled for every label the importers wrote
SELECT count(*) AS labels_without_keys FROM competency_label WHERE trgm IS DISTINCT FROM label_trigrams(norm);

-- the plan of competency_search()'s own query, generic as a SQL function
-- plans it: both indexes, no scan of all labels
DO $$
BEGIN
	EXECUTE 'PREPARE search_body(text, int) AS '
		|| regexp_replace(regexp_replace((SELECT prosrc FROM pg_proc
										  WHERE oid = 'credreg.competency_search(text, int)'::regprocedure),
										 '\yquery\y', '$1', 'g'), '\ymax\y', '$2', 'g');
END $$;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; acc text := '';
BEGIN
	FOR r IN EXECUTE format('EXPLAIN (COSTS OFF) EXECUTE search_body(%L, 20)', q) LOOP
		acc := acc || r || E'\n';
	END LOOP;
	RETURN acc;
END $$;
SET plan_cache_mode = force_generic_plan;
SELECT q, p ~ 'Bitmap Index Scan on competency_label_trgm' AS gin_trgm,
	   p ~ 'Index Scan on competency_label_norm' AS btree_norm,
	   p !~ 'Seq Scan on competency_label\y' AS no_label_scan
FROM (VALUES ('python'), ('project management'), ('databse administration')) v(q), pg_temp.plan_of(q) p;
RESET plan_cache_mode;
DEALLOCATE search_body;

-- same results as scoring every label (the formulation before the index;
-- the hit counts depend on the frameworks other tests imported)
CREATE FUNCTION pg_temp.scan_search(query text, max int)
	RETURNS TABLE (id int, matched text, matched_as text, score real)
LANGUAGE sql STABLE STRICT AS $$
WITH q AS (SELECT credreg.label_norm(query) AS n),
hits AS (
	SELECT l.competency, l.label, l.kind,
		(CASE WHEN x.score = 3 AND l.kind = 'code' THEN 2.9
			  WHEN x.score = 3 AND l.kind <> 'preferred' THEN 2.5
			  WHEN x.score < 2.6 AND l.kind = 'preferred' AND strpos(' ' || l.norm || ' ', ' ' || q.n || ' ') > 0 THEN 2.6
			  ELSE x.score END)::real AS score
	FROM credreg.competency_label l, q, LATERAL (SELECT credreg.label_score(l.norm, q.n) AS score) x
	WHERE x.score > 0 OR (l.kind = 'preferred' AND strpos(' ' || l.norm || ' ', ' ' || q.n || ' ') > 0)
),
best AS (
	SELECT DISTINCT ON (competency) competency, label, kind, score FROM hits
	ORDER BY competency, score DESC, kind = 'preferred' DESC, label, kind
)
SELECT c.id, b.label, b.kind, b.score
FROM best b JOIN credreg.competency c ON c.id = b.competency
ORDER BY b.score DESC, length(c.label), c.label, c.id
LIMIT greatest(max, 0)
$$;
SELECT q, (SELECT count(*) FROM competency_search(q, 500)) > 0 AS found,
	   ARRAY(SELECT (s.id, s.matched, s.matched_as, s.score) FROM competency_search(q, 500) s)
		 = ARRAY(SELECT s FROM pg_temp.scan_search(q, 500) s) AS same
FROM (VALUES ('postgres'), ('SQL'), ('C#'), ('pos'), ('managment of projcts'),
			 ('Programmation informatique (Python)'), ('welding'), ('teach')) v(q);

-- the bound behind label_query_trigrams() on near-threshold pairs: queries
-- cut from real labels (a word start, a middle) and every label whose
-- similarity reaches 0.3 shares a key with the query's subset
SELECT setseed(0.42);
CREATE TEMP TABLE pairs AS
	SELECT l.norm, l.trgm, label_norm(substr(l.norm, 1 + (random() * 4)::int, 3 + (random() * 12)::int)) AS q
	FROM (SELECT * FROM competency_label ORDER BY random() LIMIT 3000) l;
SELECT count(*) FILTER (WHERE label_similarity(norm, q) >= 0.3) >= 500 AS enough_similar,
	   count(*) FILTER (WHERE label_score(norm, q) > 0
						AND NOT (trgm && label_query_trigrams(q, NULL) OR norm ~>=~ q AND norm ~<~ label_prefix_end(q)))
		 AS missed
FROM pairs WHERE q <> '';

-- a preferred label containing the query (as whole words) ranks above an
-- alternative label that only starts with it, as the ESCO portal ranks
SELECT label, matched, matched_as, score FROM competency_search('data analysis', 4);
SELECT q, ARRAY(SELECT (s.id, s.matched, s.matched_as, s.score) FROM competency_search(q, 500) s)
		 = ARRAY(SELECT s FROM pg_temp.scan_search(q, 500) s) AS same_as_scan
FROM (VALUES ('data analysis'), ('analysis'), ('teach')) v(q);
