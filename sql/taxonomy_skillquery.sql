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
\! perl -e 'sub f { my ($n,$d)=@_; open(my $h, ">", "results/taxonomy_badq_$n.bin"); binmode $h; print $h "PGCOPY\n\377\r\n\0", pack("NN",0,0), pack("nN",1,length $d), $d, pack("n",0xffff); close $h } f("version", pack("CN CCN",2,1, 1,0,5)); f("unbalanced", pack("CN CCN CCN",1,2, 1,0,5, 2,0,0)); f("type", pack("CN CCN",1,1, 9,0,5)); f("empty", pack("CN",1,0));'
\copy sq_bin2 FROM 'results/taxonomy_badq_version.bin' WITH (FORMAT binary)
\copy sq_bin2 FROM 'results/taxonomy_badq_unbalanced.bin' WITH (FORMAT binary)
\copy sq_bin2 FROM 'results/taxonomy_badq_type.bin' WITH (FORMAT binary)
\copy sq_bin2 FROM 'results/taxonomy_badq_empty.bin' WITH (FORMAT binary)
