-- README examples, section Competencies: four ESCO v1.1.1 concepts with
-- their broader relations (SQL -> query languages, Python -> computer
-- programming), and learner(id, held skillset) with the skills each holds:
-- 1 both at level 4 and 3, 2 SQL only, 3 Python at level 5 but SQL at 2.
INSERT INTO credreg.framework (key, name) VALUES ('esco', 'ESCO (four concepts)');
INSERT INTO credreg.competency (framework, uri, label, kind) VALUES
	('esco', 'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97', 'computer programming', 'skill'),
	('esco', 'http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586', 'query languages', 'knowledge'),
	('esco', 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742', 'SQL', 'knowledge'),
	('esco', 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', 'Python (computer programming)', 'knowledge');
INSERT INTO credreg.competency_relation (src, dst, kind, source)
SELECT s.id, d.id, 'broader', 'esco'
  FROM (VALUES ('SQL', 'query languages'), ('Python (computer programming)', 'computer programming')) r(narrow, broad)
  JOIN credreg.competency s ON s.label = r.narrow
  JOIN credreg.competency d ON d.label = r.broad;
CREATE TABLE learner (id int PRIMARY KEY, held credreg.skillset);
INSERT INTO learner
SELECT l, credreg.skills(refs, levels)
  FROM (VALUES
	(1, ARRAY['esco-sql', 'esco-py'], ARRAY[4, 3]),
	(2, ARRAY['esco-sql'], ARRAY[4]),
	(3, ARRAY['esco-sql', 'esco-py'], ARRAY[2, 5])) v(l, keys, levels),
	LATERAL (SELECT array_agg(CASE k WHEN 'esco-sql' THEN 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742'
									  ELSE 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d' END
							  ORDER BY o) AS refs
			   FROM unnest(keys) WITH ORDINALITY u(k, o)) r;
