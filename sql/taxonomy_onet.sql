-- O*NET import: content model elements, UNSPSC commodities and technology
-- skill examples of the real 29.2 release; hierarchy matching; malformed input.
SET search_path = credreg, public;

\! rm -rf tmp_run/onet_test && mkdir -p tmp_run/onet_test && cp test/vectors/onet/*.txt.gz tmp_run/onet_test/
\set onet_dir `readlink -f tmp_run`/onet_test

SELECT r - 'seconds' AS first_import FROM import_onet(:'onet_dir') r;
SELECT r - 'seconds' AS second_import FROM import_onet(:'onet_dir') r;
SELECT kind, top_level, count(*) FROM competency WHERE framework = 'onet' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT code, label FROM competency WHERE framework = 'onet' AND kind = 'element' AND top_level ORDER BY code;

-- element hierarchy from the dotted IDs
SELECT c.code, c.label, s.level FROM skillset_each(closure(skills(ARRAY['onet:2.A.1.a'], ARRAY[4]))) s
	JOIN competency c USING (id) ORDER BY c.code;
SELECT match(skills(ARRAY['onet:2.A.1.a']), skills(ARRAY['onet:2.A.1', 'onet:2.A', 'onet:2', 'onet:2.A.1.b'])) - 'requirements' AS reading_comprehension,
       (SELECT jsonb_agg(r ->> 'reason') FROM jsonb_array_elements(match(skills(ARRAY['onet:2.A.1.a']), skills(ARRAY['onet:2.A.1', 'onet:2.A', 'onet:2', 'onet:2.A.1.b'])) -> 'requirements') r) AS reasons;
-- technology examples under UNSPSC commodity, class, family (segment is top-level)
SELECT c.code, c.label, c.kind FROM skillset_each(closure(skills(ARRAY['urn:onet:technology:postgresql']))) s
	JOIN competency c USING (id) ORDER BY c.kind DESC, c.code;
SELECT label, kind FROM competency_search('postgres', 3) WHERE framework = 'onet';

-- malformed input
SELECT import_onet('onet');
SELECT import_onet('/nonexistent/onet');
\! mkdir -p /tmp/credreg_taxonomy_onet_bad && printf 'Element ID\tName\n1\tx\n' > /tmp/credreg_taxonomy_onet_bad/Content_Model_Reference.txt
SELECT import_onet('/tmp/credreg_taxonomy_onet_bad');
\! printf 'Element ID\tElement Name\tDescription\n1\tRoot\tr\n1.A\tChild\tc\n1..B\tbad id\tx\nshort\n1.C\t\tempty\n' > /tmp/credreg_taxonomy_onet_bad/Content_Model_Reference.txt
\! printf 'Commodity Code\tCommodity Title\tClass Code\tClass Title\tFamily Code\tFamily Title\tSegment Code\tSegment Title\n43232306\tDB query software\t43232300\tData management\t43230000\tSoftware\t43000000\tIT\n4323\tbad\t1\t2\t3\t4\t5\t6\n' > /tmp/credreg_taxonomy_onet_bad/UNSPSC_Reference.txt
\! printf 'O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n11-1011.00\tPostgreSQL\t43232306\tDB query software\tY\tN\n11-1011.00\tNothing\t99999999\tnone\tN\tN\n11-1011.00\t\t43232306\tx\tN\tN\n' > /tmp/credreg_taxonomy_onet_bad/Technology_Skills.txt
BEGIN;
SELECT r - 'seconds' FROM import_onet('/tmp/credreg_taxonomy_onet_bad') r;
ROLLBACK;
\! rm -rf /tmp/credreg_taxonomy_onet_bad tmp_run/onet_test
