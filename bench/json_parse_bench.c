/*
 * json_parse_bench.c
 *		CPU time of crjson_parse and crjcs_append on one document, outside
 *		the server (built with test/fuzz/pg_shim.c by json_parse_bench.sh).
 *		Thread CPU time, so that other load on the machine matters little.
 */
#include "postgres.h"

#include <time.h>

#include "mb/pg_wchar.h"

#include "json/json.h"

#include "pg_shim.h"

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

typedef struct Bench
{
	const char *doc;
	size_t		len;
	int			n;
	double		parse_us;
	double		jcs_us;
	double		verify_us;
} Bench;

static void
run(void *arg)
{
	Bench	   *b = arg;
	CredregFailure f;
	StringInfoData out;
	CrJson	   *v = NULL;
	double		t0;

	t0 = cpu_now();
	for (int i = 0; i < b->n; i++)
	{
		volatile int bad = pg_encoding_verifymbstr(PG_UTF8, b->doc, (int) b->len);

		(void) bad;
	}
	b->verify_us = (cpu_now() - t0) * 1e6 / b->n;

	t0 = cpu_now();
	for (int i = 0; i < b->n; i++)
	{
		v = crjson_parse(b->doc, b->len, &f);
		if (v == NULL)
		{
			fprintf(stderr, "parse failed: %s\n", f.message);
			exit(1);
		}
		if (i + 1 < b->n)
			pg_shim_reset();
	}
	b->parse_us = (cpu_now() - t0) * 1e6 / b->n;

	initStringInfo(&out);
	t0 = cpu_now();
	for (int i = 0; i < b->n; i++)
	{
		resetStringInfo(&out);
		if (!crjcs_append(&out, v, &f))
			exit(1);
	}
	b->jcs_us = (cpu_now() - t0) * 1e6 / b->n;
}

int
main(int argc, char **argv)
{
	Bench		b;
	FILE	   *fp;
	static char buf[1 << 20];

	if (argc < 2 || (fp = fopen(argv[1], "rb")) == NULL)
	{
		fprintf(stderr, "usage: %s FILE [N]\n", argv[0]);
		return 2;
	}
	b.len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	b.doc = buf;
	b.n = argc > 2 ? atoi(argv[2]) : 200000;
	for (int round = 0; round < 3; round++)
	{
		if (!pg_shim_run(run, &b))
			return 1;
		printf("%zu bytes: parse %.2f us (UTF-8 check alone %.2f us), JCS of the tree %.2f us\n",
			   b.len, b.parse_us, b.verify_us, b.jcs_us);
		pg_shim_reset();
	}
	return 0;
}
