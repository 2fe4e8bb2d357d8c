/*
 * pg_shim.h
 *		The harness side of pg_shim.c: run code that may ereport, reset the
 *		per-iteration memory.
 */
#ifndef PG_SHIM_H
#define PG_SHIM_H

/*
 * Runs fn(arg); false when it raised ERROR (then pg_shim_last_error gives
 * the message and, through *sqlstate, the error code).
 */
extern bool pg_shim_run(void (*fn) (void *), void *arg);
extern const char *pg_shim_last_error(int *sqlstate);

/* Frees everything palloc'd since the last reset. */
extern void pg_shim_reset(void);

/* Set by pg_shim_run; stack_is_too_deep() measures from here. */
extern char *pg_shim_stack_base;

#endif							/* PG_SHIM_H */
