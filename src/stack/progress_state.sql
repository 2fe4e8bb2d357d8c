
-- ---------------------------------------------------------------------------
-- The aggregate form of stack evaluation: one row per award, one result per
-- group, equal to stack_evaluate(rule, array_agg(item), as_of).  Its state
-- is a type of its own, not internal, so that Citus runs it partially on
-- the workers (src/stack/progress_state.c says why).
-- ---------------------------------------------------------------------------

CREATE TYPE stack_progress_state;
CREATE FUNCTION stack_progress_state_in(cstring) RETURNS stack_progress_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stack_progress_state_out(stack_progress_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE stack_progress_state (
	INPUT = stack_progress_state_in,
	OUTPUT = stack_progress_state_out,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);
COMMENT ON TYPE stack_progress_state IS
	'transition state of stack_progress: a group''s awards and its rule (text form: the flat bytes in hex)';
COMMENT ON FUNCTION stack_progress_state_in(cstring) IS 'input function of stack_progress_state: checks every part of the state';
COMMENT ON FUNCTION stack_progress_state_out(stack_progress_state) IS 'output function of stack_progress_state';

CREATE FUNCTION stack_progress_step(stack_progress_state, stackrule, stack_item) RETURNS stack_progress_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_step(stack_progress_state, stackrule, stack_item, timestamptz) RETURNS stack_progress_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_step_jsonb(stack_progress_state, stackrule, jsonb) RETURNS stack_progress_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_step_jsonb(stack_progress_state, stackrule, jsonb, timestamptz) RETURNS stack_progress_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_merge(stack_progress_state, stack_progress_state) RETURNS stack_progress_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stack_progress_result(stack_progress_state) RETURNS jsonb
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION stack_progress_step(stack_progress_state, stackrule, stack_item) IS 'transition function of stack_progress(stackrule, stack_item); a NULL item is skipped, a NULL rule raises';
COMMENT ON FUNCTION stack_progress_step(stack_progress_state, stackrule, stack_item, timestamptz) IS 'transition function of stack_progress(stackrule, stack_item, timestamptz); a NULL item is skipped, a NULL rule or as_of raises';
COMMENT ON FUNCTION stack_progress_step_jsonb(stack_progress_state, stackrule, jsonb) IS 'transition function of stack_progress(stackrule, jsonb); a NULL item is skipped, a NULL rule raises';
COMMENT ON FUNCTION stack_progress_step_jsonb(stack_progress_state, stackrule, jsonb, timestamptz) IS 'transition function of stack_progress(stackrule, jsonb, timestamptz); a NULL item is skipped, a NULL rule or as_of raises';
COMMENT ON FUNCTION stack_progress_merge(stack_progress_state, stack_progress_state) IS 'combine function of stack_progress; a NULL state stands for no rows';
COMMENT ON FUNCTION stack_progress_result(stack_progress_state) IS 'final function of stack_progress: the evaluation of the group''s awards; NULL when the group had no rows';

CREATE AGGREGATE stack_progress(rule stackrule, item stack_item) (
	SFUNC = stack_progress_step, STYPE = stack_progress_state, FINALFUNC = stack_progress_result,
	COMBINEFUNC = stack_progress_merge, PARALLEL = SAFE);
CREATE AGGREGATE stack_progress(rule stackrule, item stack_item, as_of timestamptz) (
	SFUNC = stack_progress_step, STYPE = stack_progress_state, FINALFUNC = stack_progress_result,
	COMBINEFUNC = stack_progress_merge, PARALLEL = SAFE);
CREATE AGGREGATE stack_progress(rule stackrule, item jsonb) (
	SFUNC = stack_progress_step_jsonb, STYPE = stack_progress_state, FINALFUNC = stack_progress_result,
	COMBINEFUNC = stack_progress_merge, PARALLEL = SAFE);
CREATE AGGREGATE stack_progress(rule stackrule, item jsonb, as_of timestamptz) (
	SFUNC = stack_progress_step_jsonb, STYPE = stack_progress_state, FINALFUNC = stack_progress_result,
	COMBINEFUNC = stack_progress_merge, PARALLEL = SAFE);
COMMENT ON AGGREGATE stack_progress(stackrule, stack_item) IS 'stack evaluation of a group of award rows as of now(); equals stack_evaluate(rule, array_agg(item))';
COMMENT ON AGGREGATE stack_progress(stackrule, stack_item, timestamptz) IS 'stack evaluation of a group of award rows as of a given time';
COMMENT ON AGGREGATE stack_progress(stackrule, jsonb) IS 'stack evaluation of a group of awards given as jsonb objects, as of now()';
COMMENT ON AGGREGATE stack_progress(stackrule, jsonb, timestamptz) IS 'stack evaluation of a group of awards given as jsonb objects, as of a given time';
