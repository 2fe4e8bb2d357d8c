
-- ---------------------------------------------------------------------------
-- Stacks: the stackrule type, evaluation, aggregates, recommendations
-- (src/stack/, SEMANTICS.md §3–5, README section "stacks").
-- ---------------------------------------------------------------------------

CREATE TYPE stackrule;

CREATE FUNCTION stackrule_in(cstring) RETURNS stackrule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stackrule_out(stackrule) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stackrule_recv(internal) RETURNS stackrule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stackrule_send(stackrule) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE stackrule (
	INPUT = stackrule_in,
	OUTPUT = stackrule_out,
	RECEIVE = stackrule_recv,
	SEND = stackrule_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);
COMMENT ON TYPE stackrule IS 'a stack-completion rule (JSON rule model v0), validated and stored compiled';
COMMENT ON FUNCTION stackrule_in(cstring) IS 'validate and compile a JSON stack rule';
COMMENT ON FUNCTION stackrule_out(stackrule) IS 'canonical JSON text of a stack rule';
COMMENT ON FUNCTION stackrule_recv(internal) IS 'binary input of a stack rule: version byte and JSON text, validated as text input';
COMMENT ON FUNCTION stackrule_send(stackrule) IS 'binary output of a stack rule: version byte and canonical JSON text';

CREATE FUNCTION stackrule(jsonb) RETURNS stackrule
	AS 'MODULE_PATHNAME', 'stackrule_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stackrule(jsonb) IS 'validate and compile a stack rule given as jsonb';
CREATE CAST (jsonb AS stackrule) WITH FUNCTION stackrule(jsonb);

CREATE FUNCTION jsonb(stackrule) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'stackrule_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(stackrule) IS 'the canonical JSON of a stack rule as jsonb';
CREATE CAST (stackrule AS jsonb) WITH FUNCTION jsonb(stackrule);

-- One award of a learner, for registries that keep awards in tables.  The
-- attribute order is read by position in src/stack/items.c.
CREATE TYPE stack_item AS (
	id text,
	achievement text,
	achievement_type text,
	human_code text,
	issuer text,
	home boolean,
	tags text[],
	credits float8,
	level integer,
	earned_at timestamptz,
	valid_until timestamptz,
	status text,
	verified boolean,
	passed boolean,
	alignments jsonb
);
COMMENT ON TYPE stack_item IS 'one award of a learner as input to stack evaluation (alignments: [{"targetUrl", "level"}])';

CREATE FUNCTION stack_evaluate(rule stackrule, items jsonb, as_of timestamptz DEFAULT now(),
							   exceptions jsonb DEFAULT NULL, candidates jsonb DEFAULT NULL) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'stack_evaluate_jsonb' LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION stack_evaluate(stackrule, jsonb, timestamptz, jsonb, jsonb) IS
	'evaluate a stack rule over a learner''s awards: complete, progress, optimal assignment, missing, unused, overLimit; NULL rule, items or as_of give NULL, NULL exceptions mean none; candidates (achievements the registry could issue, as for next_best) are listed per missing leaf when given';

CREATE FUNCTION stack_evaluate(rule stackrule, items stack_item[], as_of timestamptz DEFAULT now(),
							   exceptions jsonb DEFAULT NULL, candidates jsonb DEFAULT NULL) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'stack_evaluate_array' LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION stack_evaluate(stackrule, stack_item[], timestamptz, jsonb, jsonb) IS
	'evaluate a stack rule over a learner''s awards given as stack_item rows; NULL rule, items or as_of give NULL, NULL exceptions mean none; candidates (achievements the registry could issue, as for next_best) are listed per missing leaf when given';

CREATE FUNCTION stack_progress_of(rule stackrule, items stack_item[], as_of timestamptz DEFAULT now())
	RETURNS float8
	AS 'MODULE_PATHNAME', 'stack_progress_array' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 500;
COMMENT ON FUNCTION stack_progress_of(stackrule, stack_item[], timestamptz) IS
	'progress (0..1) of the optimal assignment, without the explanation';

-- (The aggregate form, stack_progress, is in src/stack/progress_state.sql.)

CREATE FUNCTION next_best(rule stackrule, items jsonb, candidates jsonb, as_of timestamptz DEFAULT now(),
						  OUT achievement text, OUT progress_gain float8, OUT completes boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'stack_next_best' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000 ROWS 10;
COMMENT ON FUNCTION next_best(stackrule, jsonb, jsonb, timestamptz) IS
	'for each candidate achievement, the progress gained if the learner earned it next, and whether it completes the stack; best first';
