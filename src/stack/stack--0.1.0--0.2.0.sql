
-- stack: the stack_progress aggregate's state becomes a type of its own,
-- credreg.stack_progress_state (src/stack/progress_state.sql creates it and
-- the aggregates again), so that Citus can run it partially on the workers.
-- The internal-state support functions go with the old aggregates (their C
-- entry points stay, for 0.1.0's script).
DROP AGGREGATE stack_progress(stackrule, stack_item);
DROP AGGREGATE stack_progress(stackrule, stack_item, timestamptz);
DROP AGGREGATE stack_progress(stackrule, jsonb);
DROP AGGREGATE stack_progress(stackrule, jsonb, timestamptz);
DROP FUNCTION stack_progress_trans(internal, stackrule, stack_item);
DROP FUNCTION stack_progress_trans(internal, stackrule, stack_item, timestamptz);
DROP FUNCTION stack_progress_trans_jsonb(internal, stackrule, jsonb);
DROP FUNCTION stack_progress_trans_jsonb(internal, stackrule, jsonb, timestamptz);
DROP FUNCTION stack_progress_combine(internal, internal);
DROP FUNCTION stack_progress_serialize(internal);
DROP FUNCTION stack_progress_deserialize(bytea, internal);
DROP FUNCTION stack_progress_final(internal);
