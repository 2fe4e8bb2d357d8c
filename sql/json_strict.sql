-- Strict JSON: every violation is a clean error naming what and where.
SET search_path = credreg, public;
\set VERBOSITY default

-- well-formed input, canonicalized
SELECT jcs('{"b":[1,2.50,1e30,-0,0.000001,1e-7,"x\u00e9\n\u001f/"],"a":{"z":null,"y":true,"x":false}}');
SELECT jcs(' [ ] '), jcs('{}'), jcs('"\u0000"'), jcs('"\ud83d\ude00"'), jcs('-0.0');

-- duplicate member names, also when they differ only in escaping
SELECT jcs('{"a":1,"a":2}');
SELECT jcs('{"a":1,"\u0061":2}');
SELECT jcs('{"x":{"k":1,"l":2,"k":3}}');
-- more than 16 members takes the sorting path
SELECT jcs('{' || string_agg(format('"m%s":%s', i, i), ',') || ',"m7":0}')
  FROM generate_series(1, 30) i;
-- the same name in different objects is fine
SELECT jcs('[{"a":1},{"a":2}]');

-- lone surrogates
SELECT jcs('"\ud800"');
SELECT jcs('"\ud800x"');
SELECT jcs('"\ud800\u0041"');
SELECT jcs('"\udc00"');
SELECT jcs('"\ude04\ud83d"');
SELECT jcs('{"\ud800":1}');

-- invalid UTF-8 (bytes), and what valid UTF-8 bytes give
SELECT jcs('\xff'::bytea);
SELECT jcs('\x225c75303065392283'::bytea);
SELECT jcs('\x22c3a92220'::bytea);
SELECT jcs('\x22eda08022'::bytea);   -- an encoded surrogate is not UTF-8 either
SELECT jcs('\x2200'::bytea);

-- depth over credreg.max_json_depth, and 100000 brackets
SET credreg.max_json_depth = 3;
SELECT jcs('[[[1]]]');
SELECT jcs('[[[[1]]]]');
SELECT jcs('{"a":{"b":{"c":{}}}}');
RESET credreg.max_json_depth;
SELECT jcs(repeat('[', 100000));
SELECT jcs(repeat('[', 100000) || repeat(']', 100000));
SELECT length(jcs(repeat('[', 128) || repeat(']', 128)));

-- size over credreg.max_document_bytes
SET credreg.max_document_bytes = 1024;
SELECT length(jcs('"' || repeat('x', 1022) || '"'));
SELECT jcs('"' || repeat('x', 1023) || '"');
RESET credreg.max_document_bytes;

-- truncations
SELECT jcs('');
SELECT jcs('   ');
SELECT jcs('[');
SELECT jcs('[1,');
SELECT jcs('{"a"');
SELECT jcs('{"a":');
SELECT jcs('"abc');
SELECT jcs('tru');
SELECT jcs('"\u12');

-- grammar
SELECT jcs('[1,]');
SELECT jcs('{"a":1,}');
SELECT jcs('{"a" 1}');
SELECT jcs('{"a":1 "b":2}');
SELECT jcs('{,}');
SELECT jcs('[,]');
SELECT jcs('{1:2}');
SELECT jcs('01');
SELECT jcs('1.');
SELECT jcs('+1');
SELECT jcs('NaN');
SELECT jcs(E'"a\tb"');
SELECT jcs('"\x"');
SELECT jcs('''a''');

-- trailing garbage
SELECT jcs('[] x');
SELECT jcs('{} {}');
SELECT jcs('1 2');

-- huge numbers are valid JSON but not canonicalizable
SELECT jcs('1e400');
SELECT jcs('[-1e400]');
SELECT jcs('1e-400');

-- jsonb in
SELECT jcs('{"b":1.50,"a":[true,null,"\u00e9"]}'::jsonb);
SELECT jcs('"scalar"'::jsonb);

-- json_is_strict: the same parser, as a boolean
SELECT json_is_strict('{"a":[1,{"b":null}]}') AS ok,
       json_is_strict('{"a":1,"a":1}') AS dup,
       json_is_strict('"\udc00"') AS surrogate,
       json_is_strict('[1] [2]') AS trailing,
       json_is_strict(repeat('{"a":', 200) || '1' || repeat('}', 200)) AS deep;

-- strict_jsonb: strict text to jsonb (numbers become numeric: 1e2 is 100)
SELECT strict_jsonb('{"b":1.50,"a":[true,null,"\u00e9\ud83d\ude00",1e2,-0]}');
SELECT strict_jsonb('"x"'), strict_jsonb('12.0'), strict_jsonb('null'), strict_jsonb('[]');
SELECT '{"a":1,"a":2}'::jsonb AS builtin_keeps_last;
SELECT strict_jsonb('{"a":1,"a":2}');
SELECT strict_jsonb('["\u0000"]');
SELECT length(strict_jsonb('1e400')::text);  -- valid JSON, a 401-digit numeric
