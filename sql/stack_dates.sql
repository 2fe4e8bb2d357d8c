-- Dates in stack rules and awards go through the one xsd:dateTime parser
-- (src/util/datetime.h): never DateStyle or TimeZone dependent, a value
-- without a zone (or a bare date) is UTC, years 0001-9999, and rule dates are
-- checked and parsed once, at input.
SET search_path = credreg, public;
\set VERBOSITY default

-- An impossible date is refused at input (22007), naming the JSON path.
\set VERBOSITY verbose
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "filter": {"earnedAfter": "2024-13-45"}}}'::stackrule;
\set VERBOSITY default
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "filter": {"earnedBefore": "2023-02-29"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "filter": {"earnedBefore": "2024-01-01 10:00:00"}}}'::stackrule;
SELECT '{"id": "r", "validFrom": "10000-01-01", "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "filter": {"earnedAfter": "2024-01-01T00:00:00+15:00"}}}'::stackrule;

-- Canonical output: the instant in UTC, a midnight as a bare date.
SELECT '{"id": "r", "validFrom": "2025-01-01T00:00:00Z", "validUntil": "2026-06-30T12:00:00.250+02:00",
         "root": {"type": "items", "select": {"tag": "x"},
                  "filter": {"earnedAfter": "2020-01", "earnedBefore": "2024-06-01T10:30:00+02:00"}}}'::stackrule;

-- Award dates: one reading whatever DateStyle says.
SET DateStyle = 'SQL, DMY';
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule,
  '[{"id": "a", "tags": ["x"], "earnedAt": "01-02-2024"}]'::jsonb, '2025-06-01');
SET DateStyle = 'SQL, MDY';
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule,
  '[{"id": "a", "tags": ["x"], "earnedAt": "01-02-2024"}]'::jsonb, '2025-06-01');
RESET DateStyle;
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule,
  '[{"id": "a", "tags": ["x"], "earnedAt": "0000-01-01"}]'::jsonb, '2025-06-01');

-- A zone-less earnedBefore is UTC in every session: the award earned at
-- 20:00 UTC on 31 December counts under UTC and under Asia/Tokyo alike, and
-- reasons print UTC dates.
CREATE TEMP TABLE zone_rule AS SELECT
  '{"id": "r", "root": {"type": "all", "children": [
     {"type": "items", "id": "before", "select": {"tag": "x"}, "filter": {"earnedBefore": "2024-01-01T00:00:00"}},
     {"type": "items", "id": "after", "select": {"tag": "y"}, "filter": {"earnedAfter": "2024-01-01"}}]}}'::stackrule AS rule,
  '[{"id": "a", "tags": ["x"], "earnedAt": "2023-12-31T20:00:00"},
    {"id": "b", "tags": ["y"], "earnedAt": "2023-12-31T23:30:00Z"}]'::jsonb AS items;
SET TimeZone = 'UTC';
SELECT r->'complete' AS complete, jsonb_path_query(r, '$.nodes[*] ? (@.id == "before").assigned') AS before,
       jsonb_path_query(r, '$.nodes[*] ? (@.id == "after").blocked') AS after
  FROM zone_rule, stack_evaluate(rule, items, '2025-06-01T00:00:00Z') r;
SET TimeZone = 'Asia/Tokyo';
SELECT r->'complete' AS complete, jsonb_path_query(r, '$.nodes[*] ? (@.id == "before").assigned') AS before,
       jsonb_path_query(r, '$.nodes[*] ? (@.id == "after").blocked') AS after
  FROM zone_rule, stack_evaluate(rule, items, '2025-06-01T00:00:00Z') r;
SET TimeZone = 'America/Los_Angeles';
SELECT r->'asOf' AS as_of, jsonb_path_query(r, '$.nodes[*] ? (@.id == "after").blocked') AS after
  FROM zone_rule, stack_evaluate(rule, items, '2025-06-01T00:00:00Z') r;
RESET TimeZone;

-- Values stored before version 3 (dates as text) still read.  The bytes are
-- what the version 2 build wrote, and a version 1 value (no minMeanLevel);
-- a binary-coercible cast lets the test put them into a stackrule.
BEGIN;
CREATE CAST (bytea AS stackrule) WITHOUT FUNCTION;
SELECT '\x020500000075726e3a72ffffffffffffffffffffffffffffffff0a000000323032352d30312d303114000000323032362d30362d33305431323a30303a30305a0000000001000000000000000100000009000000436f6d706c6574656401000000000000000000f03f00000000000000000000000000000000ffffffff000000000000000002000000ffffffffffffffff000000000000f0bf000000000000000000000000000000000000f0bf07000000020000006462000000000000000000000000000000000000000000000000ffffffff01000000000000000000f0bfffffffff000000000000f0bf00000000ffffffffffffffff00000000000000000000000000000000000000000a000000323032302d30312d303119000000323032342d30362d30315431303a33303a30302b30323a303000000000ffffffffffffffffffffffff0000000000000000ffffffff0000000000000000ffffffff00000000ffffffffffffffffffffffffffffffff'::bytea::stackrule AS v2;
SELECT '\x020600000075726e3a7232ffffffffffffffffffffffffffffffffffffffffffffffff0000000001000000000000000100000009000000436f6d706c6574656401000000000000000000f03f00000000000000000000000000000000ffffffff0000000000000000020000000100000078ffffffff000000000000f0bf000000000000000000000000000000000000f0bf07000000020000006462000000000000000000000000000000000000000000000000ffffffff01000000000000000000f0bfffffffff000000000000f0bf00000000ffffffffffffffff00000000000000000000000000000000000000000a000000323032312d30322d3033ffffffff00000000ffffffffffffffffffffffff0000000000000000ffffffff0000000000000000ffffffff00000000ffffffffffffffffffffffffffffffff'::bytea::stackrule AS v2_short;
SELECT '\x010600000075726e3a7232ffffffffffffffffffffffffffffffffffffffffffffffff0000000001000000000000000100000009000000436f6d706c6574656401000000000000000000f03f00000000000000000000000000000000ffffffff0000000000000000020000000100000078ffffffff000000000000f0bf00000000000000000000000007000000020000006462000000000000000000000000000000000000000000000000ffffffff01000000000000000000f0bfffffffff000000000000f0bf00000000ffffffffffffffff00000000000000000000000000000000000000000a000000323032312d30322d3033ffffffff00000000ffffffffffffffffffffffff0000000000000000ffffffff0000000000000000ffffffff00000000ffffffffffffffffffffffffffffffff'::bytea::stackrule AS v1;
SELECT stack_evaluate('\x010600000075726e3a7232ffffffffffffffffffffffffffffffffffffffffffffffff0000000001000000000000000100000009000000436f6d706c6574656401000000000000000000f03f00000000000000000000000000000000ffffffff0000000000000000020000000100000078ffffffff000000000000f0bf00000000000000000000000007000000020000006462000000000000000000000000000000000000000000000000ffffffff01000000000000000000f0bfffffffff000000000000f0bf00000000ffffffffffffffff00000000000000000000000000000000000000000a000000323032312d30322d3033ffffffff00000000ffffffffffffffffffffffff0000000000000000ffffffff0000000000000000ffffffff00000000ffffffffffffffffffffffffffffffff'::bytea::stackrule,
  '[{"id": "a", "tags": ["db"], "earnedAt": "2021-02-02"}, {"id": "b", "tags": ["db"], "earnedAt": "2021-02-03"}]'::jsonb,
  '2025-06-01')->'nodes'->0->'assigned' AS v1_assigned;
-- re-stored as version 3, the same rule
SELECT '\x020500000075726e3a72ffffffffffffffffffffffffffffffff0a000000323032352d30312d303114000000323032362d30362d33305431323a30303a30305a0000000001000000000000000100000009000000436f6d706c6574656401000000000000000000f03f00000000000000000000000000000000ffffffff000000000000000002000000ffffffffffffffff000000000000f0bf000000000000000000000000000000000000f0bf07000000020000006462000000000000000000000000000000000000000000000000ffffffff01000000000000000000f0bfffffffff000000000000f0bf00000000ffffffffffffffff00000000000000000000000000000000000000000a000000323032302d30312d303119000000323032342d30362d30315431303a33303a30302b30323a303000000000ffffffffffffffffffffffff0000000000000000ffffffff0000000000000000ffffffff00000000ffffffffffffffffffffffffffffffff'::bytea::stackrule::text::stackrule::text
     = '\x020500000075726e3a72ffffffffffffffffffffffffffffffff0a000000323032352d30312d303114000000323032362d30362d33305431323a30303a30305a0000000001000000000000000100000009000000436f6d706c6574656401000000000000000000f03f00000000000000000000000000000000ffffffff000000000000000002000000ffffffffffffffff000000000000f0bf000000000000000000000000000000000000f0bf07000000020000006462000000000000000000000000000000000000000000000000ffffffff01000000000000000000f0bfffffffff000000000000f0bf00000000ffffffffffffffff00000000000000000000000000000000000000000a000000323032302d30312d303119000000323032342d30362d30315431303a33303a30302b30323a303000000000ffffffffffffffffffffffff0000000000000000ffffffff0000000000000000ffffffff00000000ffffffffffffffffffffffffffffffff'::bytea::stackrule::text AS same;
ROLLBACK;

-- The rule's own validFrom / validUntil (SEMANTICS.md §4.1): outside them the
-- rule is not in force, so the stack is not complete (progress is still
-- reported) and the explanation says "inForce": false.
SELECT (d AT TIME ZONE 'UTC')::text AS as_of_utc, r->'complete' AS complete, r->'inForce' AS in_force, r->'progress' AS progress
  FROM unnest(ARRAY['2024-12-31T23:59:59Z', '2025-01-01T00:00:00Z', '2025-12-31T00:00:00Z', '2025-12-31T00:00:01Z']::timestamptz[]) d,
       stack_evaluate('{"id": "r", "validFrom": "2025-01-01", "validUntil": "2025-12-31",
                        "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule,
                      '[{"id": "a", "tags": ["x"]}]'::jsonb, d) r;
SELECT achievement, progress_gain, completes
  FROM next_best('{"id": "r", "validUntil": "2025-12-31", "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule,
                 '[]'::jsonb, '[{"achievement": "urn:x", "tags": ["x"]}]', '2026-06-01T00:00:00Z');
