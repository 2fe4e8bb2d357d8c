-- credreg.json_schema_validate (src/schema/json_schema.c): each keyword of
-- the draft 2020-12 core it implements, with an instance that conforms and
-- one that does not; draft-04 forms the Blockcerts schemas use; schemas that
-- cannot be applied raise 22023 (and fail credentials with schema_unusable).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(8);

CREATE TEMP TABLE cases (what text, schema jsonb, good jsonb, bad jsonb, why text) ON COMMIT DROP;
INSERT INTO cases VALUES
 ('type', '{"type": "string"}', '"x"', '1', 'at the top level: type: a number is not a string'),
 ('type list', '{"type": ["string", "null"]}', 'null', 'true', 'at the top level: type: a boolean is none of the types allowed'),
 ('integer', '{"type": "integer"}', '2.0', '2.5', 'at the top level: type: a number is not a integer'),
 ('required', '{"required": ["name"]}', '{"name": 1}', '{"nom": 1}', 'at the top level: required: the property "name" is missing'),
 ('properties', '{"properties": {"a": {"type": "string"}}}', '{"a": "x", "b": 1}', '{"a": 1}', 'at "/a": type: a number is not a string'),
 ('additionalProperties false', '{"properties": {"a": {}}, "additionalProperties": false}', '{"a": 1}', '{"a": 1, "b/c": 2}', 'at "/b~1c": additionalProperties: the property "b/c" is not allowed'),
 ('additionalProperties schema', '{"additionalProperties": {"type": "number"}}', '{"a": 1}', '{"a": "1"}', 'at "/a": type: a string is not a number'),
 ('patternProperties', '{"patternProperties": {"^x-": {"type": "number"}}, "additionalProperties": false}', '{"x-a": 1}', '{"y": 1}', 'at "/y": additionalProperties: the property "y" is not allowed'),
 ('items', '{"items": {"type": "number"}}', '[1, 2]', '[1, "2"]', 'at "/1": type: a string is not a number'),
 ('prefixItems', '{"prefixItems": [{"type": "string"}], "items": {"type": "number"}}', '["a", 1]', '["a", "b"]', 'at "/1": type: a string is not a number'),
 ('draft-04 items list', '{"items": [{"type": "string"}], "additionalItems": false}', '["a"]', '["a", 1]', 'at "/1": the schema false allows no value'),
 ('minItems', '{"minItems": 2}', '[1, 2]', '[1]', 'at the top level: minItems: 1 items, fewer than 2'),
 ('maxItems', '{"maxItems": 1}', '[1]', '[1, 2]', 'at the top level: maxItems: 2 items, more than 1'),
 ('uniqueItems', '{"uniqueItems": true}', '[1, "1"]', '[1, 1.0]', 'at the top level: uniqueItems: items 0 and 1 are equal'),
 ('enum', '{"enum": ["a", {"b": [1]}]}', '{"b": [1.0]}', '"c"', 'at the top level: enum: the value is none of the 2 allowed'),
 ('const', '{"const": {"a": 1}}', '{"a": 1}', '{"a": 2}', 'at the top level: const: the value is not the one allowed'),
 ('minimum', '{"minimum": 1}', '1', '0.5', 'at the top level: minimum: 0.5 is less than 1'),
 ('maximum', '{"maximum": 1}', '1', '2', 'at the top level: maximum: 2 is more than 1'),
 ('exclusiveMinimum', '{"exclusiveMinimum": 1}', '1.5', '1', 'at the top level: exclusiveMinimum: 1 is not more than 1'),
 ('draft-04 exclusiveMaximum', '{"maximum": 1, "exclusiveMaximum": true}', '0.5', '1', 'at the top level: maximum: 1 is more than or equal to 1'),
 ('multipleOf', '{"multipleOf": 0.1}', '0.3', '0.35', 'at the top level: multipleOf: 0.35 is not a multiple of 0.1'),
 ('minLength', '{"minLength": 2}', '"éé"', '"é"', 'at the top level: minLength: 1 characters, fewer than 2'),
 ('maxLength', '{"maxLength": 2}', '"éé"', '"abc"', 'at the top level: maxLength: 3 characters, more than 2'),
 ('pattern', '{"pattern": "^[A-Z]{2}[0-9]+$"}', '"AB12"', '"ab12"', 'at the top level: pattern: the string does not match "^[A-Z]{2}[0-9]+$"'),
 ('pattern unanchored', '{"pattern": "b"}', '"abc"', '"xyz"', 'at the top level: pattern: the string does not match "b"'),
 ('minProperties', '{"minProperties": 1}', '{"a": 1}', '{}', 'at the top level: minProperties: 0 properties, fewer than 1'),
 ('allOf', '{"allOf": [{"type": "number"}, {"minimum": 2}]}', '3', '1', 'at the top level: minimum: 1 is less than 2'),
 ('anyOf', '{"anyOf": [{"type": "string"}, {"minimum": 2}]}', '3', '1', 'at the top level: anyOf: the value meets none of the 2 schemas'),
 ('oneOf', '{"oneOf": [{"type": "number"}, {"minimum": 2}]}', '1', '3', 'at the top level: oneOf: the value meets 2 of the schemas, not exactly one'),
 ('not', '{"not": {"type": "string"}}', '1', '"a"', 'at the top level: not: the value meets the schema it must not'),
 ('$ref $defs', '{"$defs": {"n": {"type": "number"}}, "properties": {"a": {"$ref": "#/$defs/n"}}}', '{"a": 1}', '{"a": "1"}', 'at "/a": type: a string is not a number'),
 ('$ref definitions, escaped', '{"definitions": {"a/b": {"const": 1}}, "$ref": "#/definitions/a~1b"}', '1', '2', 'at the top level: const: the value is not the one allowed'),
 ('$ref recursive', '{"$id": "https://s.example/tree", "type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "https://s.example/tree#"}}}}',
   '{"kids": [{"kids": []}]}', '{"kids": [{"kids": [1]}]}', 'at "/kids/0/kids/0": type: a number is not a object'),
 ('boolean schema false', '{"properties": {"a": false}}', '{"b": 1}', '{"a": 1}', 'at "/a": the schema false allows no value'),
 ('annotations ignored', '{"$schema": "http://json-schema.org/draft-04/schema#", "title": "t", "format": "email"}', '"not an email"', NULL, NULL);

SELECT is(array_agg(what ORDER BY what) FILTER (WHERE json_schema_validate(good, schema) IS NOT NULL), NULL,
          'every conforming instance conforms') FROM cases;
SELECT is(array_agg(what || ': ' || coalesce(json_schema_validate(bad, schema), 'NULL') ORDER BY what)
            FILTER (WHERE json_schema_validate(bad, schema) IS DISTINCT FROM why), NULL,
          'every other instance fails, saying where and why') FROM cases WHERE bad IS NOT NULL;
SELECT is(json_schema_validate('{"a": 1}', 'true'), NULL, 'the schema true allows anything');

-- schemas that cannot be applied
SELECT throws_ok($$SELECT credreg.json_schema_validate('1', '{"$ref": "https://elsewhere.example/s.json"}')$$, '22023',
                 'the JSON Schema cannot be applied', 'a $ref outside the schema raises 22023');
SELECT throws_ok($$SELECT credreg.json_schema_validate('1', '{"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}')$$, '22023',
                 'the JSON Schema cannot be applied', 'a $ref cycle stops at the nesting limit');
SELECT throws_ok($$SELECT credreg.json_schema_validate('"a"', '{"pattern": "("}')$$, '22023',
                 'the JSON Schema cannot be applied', 'a pattern that does not compile raises');
SELECT throws_ok($$SELECT credreg.json_schema_validate('1', '{"type": 5}')$$, '22023',
                 'the JSON Schema cannot be applied', 'a malformed keyword raises');
SELECT throws_ok($$SELECT credreg.json_schema_validate('1', '{"anyOf": [{"type": "number"}, {"$ref": "#/nowhere"}]}')$$, '22023',
                 'the JSON Schema cannot be applied', 'every branch of anyOf is applied, so a broken one raises even after a match');

SELECT * FROM finish();
ROLLBACK;
