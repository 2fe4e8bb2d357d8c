/*
 * progress.h
 *		The state of the stack_progress aggregate: the group's awards, parsed,
 *		with the rule's compiled bytes (aggregate.c), and its flat form, the
 *		type credreg.stack_progress_state (progress_state.c).
 */
#ifndef CREDREG_STACK_PROGRESS_H
#define CREDREG_STACK_PROGRESS_H

#include "fmgr.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "stack/stack_internal.h"

typedef struct ProgressState
{
	int			rule_len;
	char	   *rule;			/* compiled stackrule bytes (no header) */
	bool		has_as_of;
	TimestampTz as_of;
	int			nitems;
	int			cap;
	StackItem  *items;
} ProgressState;

/* A new state with no award (in the current memory context). */
extern ProgressState *progress_state_new(const char *rule, int rule_len, bool has_as_of,
										 TimestampTz as_of);

/* Raises unless a row's rule and as_of are the group's. */
extern void progress_state_check(const ProgressState *st, const char *rule, int len,
								 bool has_as_of, TimestampTz as_of);

/* Adds a deep copy of item (in the current memory context). */
extern void progress_state_add(ProgressState *st, const StackItem *item);

/* The rule (argument 1) and as_of (argument 3, when given) of a transition call. */
extern void progress_state_args(FunctionCallInfo fcinfo, bytea **rule, bool *has_as_of,
								TimestampTz *as_of);

/* The flat form (a bytea); its reader, which raises on corrupt input. */
extern bytea *progress_state_serialize(const ProgressState *st);
extern ProgressState *progress_state_deserialize(const char *data, int len);

/* stack_evaluate over the state's awards. */
extern Jsonb *progress_state_evaluate(const ProgressState *st);

#endif							/* CREDREG_STACK_PROGRESS_H */
