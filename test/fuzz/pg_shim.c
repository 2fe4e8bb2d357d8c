/*
 * pg_shim.c
 *		Just enough of the PostgreSQL backend to run credreg's C code outside
 *		the server, in a libFuzzer harness (see README.md).
 *
 * - Memory: palloc and friends are malloc with a header that links every
 *   block into one list; pg_shim_reset() frees them all, so each fuzzing
 *   iteration starts clean and AddressSanitizer sees any use after the
 *   iteration.  Memory contexts are only names: everything allocated in any
 *   context lives until the next reset (MemoryContextReset/Delete do
 *   nothing), which is what a per-row context does in the server.
 * - Errors: ereport/elog at ERROR or above longjmp to the innermost PG_TRY
 *   (PG_exception_stack) or to pg_shim_run(), which returns false with the
 *   message in pg_shim_last_error().  Below ERROR they are dropped.
 * - Interrupts never happen; the stack check is real (1 MB of stack below the
 *   depth recorded by pg_shim_run).
 * - GUC definitions do nothing: the variables keep their C initial values.
 *
 * PostgreSQL's frontend libpgcommon/libpgport supply the rest (the JSON
 * lexer, Ryu, UTF-8 verification, StringInfo, snprintf); they call palloc
 * and pfree, which resolve to the functions here.
 */
#include "postgres.h"

#include <setjmp.h>

#include "mb/pg_wchar.h"
#include "common/jsonapi.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "crypto/crypto.h"
#include "pg_shim.h"

/* ---------- memory ---------- */

typedef struct ShimChunk
{
	struct ShimChunk *prev;
	struct ShimChunk *next;
	size_t		size;
	size_t		pad;			/* keeps the payload 16-byte aligned */
} ShimChunk;

static ShimChunk shim_head = {&shim_head, &shim_head, 0, 0};

MemoryContext CurrentMemoryContext = NULL;
MemoryContext TopMemoryContext = NULL;
MemoryContext ErrorContext = NULL;

static void *
shim_alloc(size_t size, bool zero)
{
	ShimChunk  *c;

	if (size > MaxAllocHugeSize)
		elog(ERROR, "invalid memory alloc request size %zu", size);
	c = malloc(sizeof(ShimChunk) + size);
	if (c == NULL)
		elog(ERROR, "out of memory");
	if (zero)
		memset(c + 1, 0, size);
	c->size = size;
	c->next = shim_head.next;
	c->prev = &shim_head;
	shim_head.next->prev = c;
	shim_head.next = c;
	return c + 1;
}

static void
shim_unlink(ShimChunk *c)
{
	c->prev->next = c->next;
	c->next->prev = c->prev;
}

/*
 * Reset callbacks (MemoryContextRegisterResetCallback): kept on one list
 * whatever the context, and run, newest first as in the server, by
 * pg_shim_reset() before the memory is freed.  The crypto code frees its
 * OpenSSL objects this way.
 */
static MemoryContextCallback *shim_callbacks = NULL;

void
MemoryContextRegisterResetCallback(MemoryContext context, MemoryContextCallback *cb)
{
	cb->next = shim_callbacks;
	shim_callbacks = cb;
}

void
pg_shim_reset(void)
{
	while (shim_callbacks != NULL)
	{
		MemoryContextCallback *cb = shim_callbacks;

		shim_callbacks = cb->next;
		cb->func(cb->arg);
	}
	while (shim_head.next != &shim_head)
	{
		ShimChunk  *c = shim_head.next;

		shim_unlink(c);
		free(c);
	}
}

void *
palloc(Size size)
{
	return shim_alloc(size, false);
}

void *
palloc0(Size size)
{
	return shim_alloc(size, true);
}

void *
palloc_extended(Size size, int flags)
{
	return shim_alloc(size, (flags & MCXT_ALLOC_ZERO) != 0);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return shim_alloc(size, false);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return shim_alloc(size, true);
}

void *
MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	return shim_alloc(size, (flags & MCXT_ALLOC_ZERO) != 0);
}

void *
MemoryContextAllocHuge(MemoryContext context, Size size)
{
	return shim_alloc(size, false);
}

void
pfree(void *pointer)
{
	ShimChunk  *c = ((ShimChunk *) pointer) - 1;

	shim_unlink(c);
	free(c);
}

void *
repalloc(void *pointer, Size size)
{
	ShimChunk  *c = ((ShimChunk *) pointer) - 1;
	void	   *n = shim_alloc(size, false);

	memcpy(n, pointer, Min(c->size, size));
	pfree(pointer);
	return n;
}

void *
repalloc_huge(void *pointer, Size size)
{
	return repalloc(pointer, size);
}

char *
pstrdup(const char *in)
{
	size_t		len = strlen(in);
	char	   *s = shim_alloc(len + 1, false);

	memcpy(s, in, len + 1);
	return s;
}

char *
pnstrdup(const char *in, Size size)
{
	size_t		len = strnlen(in, size);
	char	   *s = shim_alloc(len + 1, false);

	memcpy(s, in, len);
	s[len] = '\0';
	return s;
}

/* frontend libpgcommon spells these pg_malloc & co. */
void *
pg_malloc(size_t size)
{
	return shim_alloc(size, false);
}

void *
pg_malloc0(size_t size)
{
	return shim_alloc(size, true);
}

void *
pg_malloc_extended(size_t size, int flags)
{
	return shim_alloc(size, (flags & MCXT_ALLOC_ZERO) != 0);
}

void *
pg_realloc(void *pointer, size_t size)
{
	return pointer ? repalloc(pointer, size) : shim_alloc(size, false);
}

void
pg_free(void *pointer)
{
	if (pointer)
		pfree(pointer);
}

char *
pg_strdup(const char *in)
{
	return pstrdup(in);
}

MemoryContext
AllocSetContextCreateInternal(MemoryContext parent, const char *name,
							  Size minContextSize, Size initBlockSize,
							  Size maxBlockSize)
{
	/* a distinct non-NULL handle; its memory is the shared arena */
	return (MemoryContext) shim_alloc(sizeof(MemoryContextData), true);
}

void
MemoryContextReset(MemoryContext context)
{
}

void
MemoryContextResetOnly(MemoryContext context)
{
}

void
MemoryContextDelete(MemoryContext context)
{
}

Size
GetMemoryChunkSpace(void *pointer)
{
	return (((ShimChunk *) pointer) - 1)->size;
}

/* ---------- errors ---------- */

sigjmp_buf *PG_exception_stack = NULL;
ErrorContextCallback *error_context_stack = NULL;

static int	shim_elevel;
static int	shim_sqlstate;
static char shim_message[1024];

bool
errstart(int elevel, const char *domain)
{
	if (elevel < ERROR)
		return false;
	shim_elevel = elevel;
	shim_sqlstate = ERRCODE_INTERNAL_ERROR;
	shim_message[0] = '\0';
	return true;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	if (shim_elevel >= FATAL)
	{
		fprintf(stderr, "FATAL from %s:%d: %s\n", filename, lineno, shim_message);
		abort();
	}
	if (PG_exception_stack != NULL)
		siglongjmp(*PG_exception_stack, 1);
	fprintf(stderr, "ERROR outside pg_shim_run, %s:%d: %s\n",
			filename, lineno, shim_message);
	abort();
}

void
pg_re_throw(void)
{
	if (PG_exception_stack != NULL)
		siglongjmp(*PG_exception_stack, 1);
	abort();
}

int
errcode(int sqlerrcode)
{
	shim_sqlstate = sqlerrcode;
	return 0;
}

static void
shim_format(const char *fmt, va_list args)
{
	vsnprintf(shim_message, sizeof(shim_message), fmt, args);
}

int
errmsg(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	shim_format(fmt, args);
	va_end(args);
	return 0;
}

int
errmsg_internal(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	shim_format(fmt, args);
	va_end(args);
	return 0;
}

int
errmsg_plural(const char *fmt_singular, const char *fmt_plural,
			  unsigned long n,...)
{
	va_list		args;

	va_start(args, n);
	shim_format(n == 1 ? fmt_singular : fmt_plural, args);
	va_end(args);
	return 0;
}

int
errdetail(const char *fmt,...)
{
	return 0;
}

int
errdetail_internal(const char *fmt,...)
{
	return 0;
}

int
errdetail_log(const char *fmt,...)
{
	return 0;
}

int
errhint(const char *fmt,...)
{
	return 0;
}

int
errcontext_msg(const char *fmt,...)
{
	return 0;
}

bool
errsave_start(void *context, const char *domain)
{
	return errstart(ERROR, domain);
}

void
FlushErrorState(void)
{
}

void
ExceptionalCondition(const char *conditionName, const char *errorType,
					 const char *fileName, int lineNumber)
{
	fprintf(stderr, "TRAP: %s(\"%s\", File: \"%s\", Line: %d)\n",
			errorType, conditionName, fileName, lineNumber);
	abort();
}

bool
pg_shim_run(void (*fn) (void *), void *arg)
{
	sigjmp_buf	jmp;
	sigjmp_buf *volatile save = PG_exception_stack;
	char		here;

	pg_shim_stack_base = &here;
	if (sigsetjmp(jmp, 0) != 0)
	{
		PG_exception_stack = save;
		return false;
	}
	PG_exception_stack = &jmp;
	fn(arg);
	PG_exception_stack = save;
	shim_message[0] = '\0';
	return true;
}

const char *
pg_shim_last_error(int *sqlstate)
{
	if (sqlstate)
		*sqlstate = shim_sqlstate;
	return shim_message;
}

/* ---------- interrupts, stack ---------- */

volatile sig_atomic_t InterruptPending = false;
char	   *pg_shim_stack_base = NULL;

void
ProcessInterrupts(void)
{
}

bool
stack_is_too_deep(void)
{
	char		here;

	return pg_shim_stack_base != NULL &&
		(size_t) (pg_shim_stack_base - &here) > 1024 * 1024;
}

void
check_stack_depth(void)
{
	if (stack_is_too_deep())
		ereport(ERROR,
				(errcode(ERRCODE_STATEMENT_TOO_COMPLEX),
				 errmsg("stack depth limit exceeded")));
}

/* ---------- GUCs, encoding ---------- */

void
DefineCustomIntVariable(const char *name, const char *short_desc,
						const char *long_desc, int *valueAddr, int bootValue,
						int minValue, int maxValue, GucContext context,
						int flags, GucIntCheckHook check_hook,
						GucIntAssignHook assign_hook, GucShowHook show_hook)
{
}

void
DefineCustomBoolVariable(const char *name, const char *short_desc,
						 const char *long_desc, bool *valueAddr, bool bootValue,
						 GucContext context, int flags,
						 GucBoolCheckHook check_hook,
						 GucBoolAssignHook assign_hook, GucShowHook show_hook)
{
}

void
DefineCustomStringVariable(const char *name, const char *short_desc,
						   const char *long_desc, char **valueAddr,
						   const char *bootValue, GucContext context, int flags,
						   GucStringCheckHook check_hook,
						   GucStringAssignHook assign_hook,
						   GucShowHook show_hook)
{
}

void
MarkGUCPrefixReserved(const char *className)
{
}

int
GetDatabaseEncoding(void)
{
	return PG_UTF8;
}

/* ---------- JSON ---------- */

/*
 * PostgreSQL 15's frontend libpgcommon has no json_errdetail (the backend
 * has): a stand-in that reads the token the way the backend's does (from
 * token_start to token_terminator, or the byte at token_terminator for
 * JSON_ESCAPING_REQUIRED), so that bad lexer positions still show up.
 */
char *
json_errdetail(JsonParseErrorType error, JsonLexContext *lex)
{
	if (error == JSON_EXPECTED_MORE)
		return "The input string ended unexpectedly.";
	if (error == JSON_ESCAPING_REQUIRED)
		return psprintf("Character with value 0x%02x must be escaped.",
						(unsigned char) *lex->token_terminator);
	if (lex->token_start != NULL)
		return psprintf("JSON error %d at token \"%s\".", (int) error,
						pnstrdup(lex->token_start,
								 lex->token_terminator - lex->token_start));
	return psprintf("JSON error %d.", (int) error);
}

/*
 * 'signing_key:NAME' private keys are rows of credreg.signing_key
 * (src/crypto/signing_key.c reads them through SPI); a harness has no
 * database, so every name is unknown, with the code the real lookup gives
 * for an unknown name.
 */
bool
crkey_stored_private(const char *name, size_t len, CrKey **key, CredregFailure *failure)
{
	return credreg_fail(failure, "key_malformed", "there is no signing key named \"%.*s\"",
						(int) len, name);
}
