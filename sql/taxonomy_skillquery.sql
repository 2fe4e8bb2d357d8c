-- skillquery type: text I/O, evaluation with @@, malformed input
SET search_path = credreg, public;

SELECT '12'::skillquery, '12>=3'::skillquery, ' 12 >= 3 '::skillquery;
SELECT '12 & (40 | 7>=3) & !9'::skillquery;
SELECT '(1 | 2) & (3 | 4)'::skillquery, '1 | 2 & 3'::skillquery, '(1 | 2) & 3'::skillquery;
SELECT '1 & (2 & 3)'::skillquery, '!(1 | 2)'::skillquery, '!!1'::skillquery, '((((1))))'::skillquery;

-- malformed
SELECT ''::skillquery;
SELECT '&'::skillquery;
SELECT '1 &'::skillquery;
SELECT '1 2'::skillquery;
SELECT '(1 | 2'::skillquery;
SELECT '1 | 2)'::skillquery;
SELECT '0'::skillquery;
SELECT '1>=101'::skillquery;
SELECT '1>3'::skillquery;
SELECT '1>='::skillquery;
SELECT '!'::skillquery;
SELECT '2147483648'::skillquery;
SELECT 'sql & python'::skillquery;

-- evaluation
SELECT s, s @@ '1 & (2 | 3>=3) & !4' AS q1, s @@ '!4' AS q2, s @@ '1>=2 | 5' AS q3,
       '1 & 2'::skillquery ~~ s AS q4
FROM (VALUES ('{}'::skillset), ('{1}'), ('{1:2,2}'), ('{1,3:2}'), ('{1,3:3}'), ('{1,2,4}'), ('{5}')) v(s);

-- binary round trip
CREATE TEMP TABLE sq_bin (q skillquery);
INSERT INTO sq_bin VALUES ('1'), ('12 & (40 | 7>=3) & !9');
\copy sq_bin TO 'results/taxonomy_sq.bin' WITH (FORMAT binary)
CREATE TEMP TABLE sq_bin2 (q skillquery);
\copy sq_bin2 FROM 'results/taxonomy_sq.bin' WITH (FORMAT binary)
SELECT q FROM sq_bin2;
\! perl -e 'sub f { my ($n,$d)=@_; open(my $h, ">", "results/taxonomy_badq_$n.bin"); binmode $h; print $h "PGCOPY\n\377\r\n\0", pack("NN",0,0), pack("nN",1,length $d), $d, pack("n",0xffff); close $h } f("version", pack("CN CCN",3,1, 1,0,5)); f("unbalanced", pack("CN CCN CCN",1,2, 1,0,5, 2,0,0)); f("type", pack("CN CCN",1,1, 9,0,5)); f("empty", pack("CN",1,0));'
\copy sq_bin2 FROM 'results/taxonomy_badq_version.bin' WITH (FORMAT binary)
\copy sq_bin2 FROM 'results/taxonomy_badq_unbalanced.bin' WITH (FORMAT binary)
\copy sq_bin2 FROM 'results/taxonomy_badq_type.bin' WITH (FORMAT binary)
\copy sq_bin2 FROM 'results/taxonomy_badq_empty.bin' WITH (FORMAT binary)

-- "t of (...)": at least t of the operands (readiness_query's form)
SELECT '2 of (1, 2, 3>=2)'::skillquery, '1 of (1 & 2, !3)'::skillquery, '0 of ()'::skillquery,
       '1 & 2 of (3, 4 | 5)'::skillquery;
SELECT s, s @@ '2 of (1, 2, 3>=2)' AS two_of_three, s @@ '0 of ()' AS zero_of_none,
       s @@ '3 of (1, 2)' AS unreachable
FROM (VALUES ('{}'::skillset), ('{1}'), ('{1,2}'), ('{1,3:1}'), ('{1,3:2}')) v(s);
SELECT '2 of 1'::skillquery;
SELECT '2 of (1, 2'::skillquery;
SELECT '0'::skillquery;
-- binary: version 2 when the query has "of", version 1 otherwise
SELECT substr(skillquery_send('2 of (1, 2)'), 1, 1) AS v2, substr(skillquery_send('1 & 2'), 1, 1) AS v1;
TRUNCATE sq_bin;
INSERT INTO sq_bin VALUES ('2 of (1, 2 & 3, !4)'), ('5 | 0 of ()');
\copy sq_bin TO 'results/taxonomy_sq_of.bin' WITH (FORMAT binary)
TRUNCATE sq_bin2;
\copy sq_bin2 FROM 'results/taxonomy_sq_of.bin' WITH (FORMAT binary)
SELECT q FROM sq_bin2;
-- an "of" needing more operands than precede it is refused
\! perl -e 'open(my $h, ">", "results/taxonomy_badq_of.bin"); binmode $h; my $d = pack("CN CCnN CCnN",2,2, 1,0,0,5, 5,0,3,1); print $h "PGCOPY\n\377\r\n\0", pack("NN",0,0), pack("nN",1,length $d), $d, pack("n",0xffff); close $h'
\copy sq_bin2 FROM 'results/taxonomy_badq_of.bin' WITH (FORMAT binary)

-- skills_query(): competencies by URI or framework:code as well as by id
INSERT INTO framework (key, name) VALUES ('sq-test', 'skillquery test');
INSERT INTO competency (framework, uri, code, label, kind) VALUES
	('sq-test', 'urn:sq:sql', 'SQL', 'SQL', 'skill'), ('sq-test', 'urn:sq:py', 'PY', 'Python', 'skill');
SELECT skills_query('sq-test:SQL & ("urn:sq:py">=2 | 1)')::text = format('%s & (%s>=2 | 1)',
	competency_id('urn:sq:sql'), competency_id('urn:sq:py'))::skillquery::text AS same;
SELECT skills_query('sq-test:NOPE');
SELECT skills_query('"urn:sq:sql');
DELETE FROM competency WHERE framework = 'sq-test';
DELETE FROM framework WHERE key = 'sq-test';
