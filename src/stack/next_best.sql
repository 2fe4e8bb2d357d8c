
-- next_best over awards kept in tables (0.2.0).
CREATE FUNCTION next_best(rule stackrule, items stack_item[], candidates jsonb, as_of timestamptz DEFAULT now(),
						  OUT achievement text, OUT progress_gain float8, OUT completes boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'stack_next_best_array' LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5000 ROWS 10;
COMMENT ON FUNCTION next_best(stackrule, stack_item[], jsonb, timestamptz) IS
	'next_best over stack_item rows: for each candidate achievement, the progress gained if the learner earned it next, and whether it completes the stack; a held award is skipped only when it still counts at as_of';
