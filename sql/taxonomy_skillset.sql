-- skillset type: text I/O, canonical form, operators, malformed input
SET search_path = credreg, public;

SELECT '{}'::skillset, '{ }'::skillset;
SELECT '{12:3,40:1}'::skillset;
SELECT '{ 40 : 1 , 12:3, 7 }'::skillset;          -- any order, spaces, level 0 omitted on output
SELECT '{5:1,5:4,5:2}'::skillset;                  -- a repeated id keeps its highest level
SELECT '{2147483647:100}'::skillset;
SELECT '{1:0}'::skillset;

-- malformed
SELECT ''::skillset;
SELECT '12:3'::skillset;
SELECT '{12:3'::skillset;
SELECT '{12:3,}'::skillset;
SELECT '{,}'::skillset;
SELECT '{0}'::skillset;
SELECT '{-1}'::skillset;
SELECT '{2147483648}'::skillset;
SELECT '{1:101}'::skillset;
SELECT '{1:-1}'::skillset;
SELECT '{1:}'::skillset;
SELECT '{1;2}'::skillset;
SELECT '{1} x'::skillset;
SELECT '{a}'::skillset;
SELECT '{1:2:3}'::skillset;

-- constructors and accessors
SELECT skillset(ARRAY[40, 12, 7], ARRAY[1, 3, 0]);
SELECT skillset(ARRAY[3, 1]);
SELECT skillset(ARRAY[]::int[]);
SELECT skillset(ARRAY[1, 2], ARRAY[1]);
SELECT skillset(ARRAY[1, NULL]);
SELECT skillset(ARRAY[0]);
SELECT skillset(ARRAY[1], ARRAY[200]);
SELECT skillset(ARRAY[[1, 2], [3, 4]]);
SELECT skillset_ids('{12:3,40:1,7}'), skillset_levels('{12:3,40:1,7}');
SELECT * FROM skillset_each('{12:3,40:1,7}');

-- operators
SELECT '{1:3,2:2,3}'::skillset @> '{1:2,3}' AS t1,
       '{1:3,2:2,3}'::skillset @> '{1:4}' AS f1,
       '{1:3,2:2,3}'::skillset @> '{4}' AS f2,
       '{1:3}'::skillset @> '{}' AS t2,
       '{}'::skillset @> '{}' AS t3,
       '{}'::skillset @> '{1}' AS f3;
SELECT '{1:2}'::skillset <@ '{1:3,2}' AS t1, '{1:4}'::skillset <@ '{1:3,2}' AS f1;
SELECT '{1:2,5}'::skillset && '{5:4}' AS t1, '{1:2}'::skillset && '{2}' AS f1, '{}'::skillset && '{}' AS f2;
SELECT '{1:2,5}'::skillset = '{5,1:2}' AS t1, '{1:2}'::skillset = '{1:3}' AS f1, '{1:2}'::skillset <> '{1:3}' AS t2;
SELECT '{1:2,3:1,5}'::skillset | '{1:4,2,5:1}' AS union_,
       '{1:2,3:1,5}'::skillset & '{1:4,2,5:1}' AS intersect_,
       '{1:2,3:1,5:3}'::skillset - '{1:4,3,5:1}' AS minus_;
SELECT # '{1:2,3:1,5}'::skillset AS three, # '{}'::skillset AS zero;
SELECT skillset_union_agg(s) FROM (VALUES ('{1:1,2}'::skillset), ('{1:3}'), (NULL), ('{9:2}')) v(s);

-- binary round trip
CREATE TEMP TABLE ss_bin (s skillset);
INSERT INTO ss_bin VALUES ('{}'), ('{12:3,40:1,7}'), ('{2147483647:100}');
\copy ss_bin TO 'results/taxonomy_ss.bin' WITH (FORMAT binary)
CREATE TEMP TABLE ss_bin2 (s skillset);
\copy ss_bin2 FROM 'results/taxonomy_ss.bin' WITH (FORMAT binary)
SELECT a.s, a.s = b.s AS same FROM ss_bin a JOIN ss_bin2 b ON a.s = b.s ORDER BY a.s::text;
SELECT skillset_send('{12:3,7}');

-- malformed binary input: one COPY BINARY file per case (perl writes the bytes)
\! perl -e 'sub f { my ($n,$d)=@_; open(my $h, ">", "results/taxonomy_bad_$n.bin"); binmode $h; print $h "PGCOPY\n\377\r\n\0", pack("NN",0,0), pack("nN",1,length $d), $d, pack("n",0xffff); close $h } f("version", pack("CN",2,0)); f("order", pack("CN NC NC",1,2, 7,1, 5,1)); f("dup", pack("CN NC NC",1,2, 7,1, 7,2)); f("level", pack("CN NC",1,1, 7,101)); f("zero", pack("CN NC",1,1, 0,1)); f("short", pack("CN NC",1,2, 7,1)); f("count", pack("CN",1,-1));'
CREATE TEMP TABLE ss_bad (s skillset);
\copy ss_bad FROM 'results/taxonomy_bad_version.bin' WITH (FORMAT binary)
\copy ss_bad FROM 'results/taxonomy_bad_order.bin' WITH (FORMAT binary)
\copy ss_bad FROM 'results/taxonomy_bad_dup.bin' WITH (FORMAT binary)
\copy ss_bad FROM 'results/taxonomy_bad_level.bin' WITH (FORMAT binary)
\copy ss_bad FROM 'results/taxonomy_bad_zero.bin' WITH (FORMAT binary)
\copy ss_bad FROM 'results/taxonomy_bad_short.bin' WITH (FORMAT binary)
\copy ss_bad FROM 'results/taxonomy_bad_count.bin' WITH (FORMAT binary)
SELECT count(*) FROM ss_bad;
