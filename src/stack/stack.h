/*
 * stack.h
 *		The public face of the stack capability: the stackrule type and the
 *		evaluation entry points other capabilities (and the demo) may call.
 */
#ifndef CREDREG_STACK_H
#define CREDREG_STACK_H

#include "credreg.h"

#include "fmgr.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

struct StackRule;

/* The prepared rule of argument argno (a stackrule), cached in fn_extra. */
extern struct StackRule *stack_rule_from_datum(FunctionCallInfo fcinfo, int argno);

#endif							/* CREDREG_STACK_H */
