/*
 * rdfc_bench.c
 *		CPU time of the N-Quads parser and of RDFC-1.0 alone, outside the
 *		server (linked like the fuzz harnesses, with test/fuzz/pg_shim.c:
 *		palloc is malloc there).  Built and run by bench/rdfc.sh:
 *			rdfc_bench FILE [ROUNDS]
 *		FILE is an N-Quads document ("@N@" is replaced by the round number
 *		in the distinct-documents run).
 */
#include "postgres.h"

#include <time.h>

#include "rdf/rdf.h"

#include "pg_shim.h"

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *doc;
static int	doclen;
static int	rounds;
static int	nquads;
static double t_parse,
			t_canon256,
			t_canon384;

static void
run(void *arg)
{
	CredregFailure f;
	double		t0;
	int			r,
				k;

	/* parse only */
	t0 = cpu_now();
	for (r = 0; r < rounds; r++)
	{
		RdfDataset *ds = rdf_dataset_create();

		if (!rdf_parse_nquads(ds, doc, doclen, &f))
			elog(ERROR, "%s", f.message);
		nquads = rdf_dataset_nquads(ds);
		pg_shim_reset();
	}
	t_parse = cpu_now() - t0;

	/* canonicalization only: one parsed dataset, canonicalized 100 times per batch */
	for (k = 0; k < 2; k++)
	{
		RdfcHash	hash = k == 0 ? RDFC_SHA256 : RDFC_SHA384;
		double		t = 0;

		for (r = 0; r < rounds; r += 100)
		{
			RdfDataset *ds = rdf_dataset_create();
			int			i;

			if (!rdf_parse_nquads(ds, doc, doclen, &f))
				elog(ERROR, "%s", f.message);
			t0 = cpu_now();
			for (i = 0; i < 100; i++)
			{
				StringInfoData out;

				initStringInfo(&out);
				if (!rdfc_canonicalize(ds, hash, &out, NULL, NULL, &f))
					elog(ERROR, "%s", f.message);
			}
			t += cpu_now() - t0;
			pg_shim_reset();
		}
		if (k == 0)
			t_canon256 = t;
		else
			t_canon384 = t;
	}
}

int
main(int argc, char **argv)
{
	FILE	   *fp;
	long		n;

	if (argc < 2)
	{
		fprintf(stderr, "usage: rdfc_bench FILE [ROUNDS]\n");
		return 2;
	}
	rounds = argc > 2 ? atoi(argv[2]) : 20000;
	rounds = (rounds + 99) / 100 * 100;
	fp = fopen(argv[1], "rb");
	if (fp == NULL)
	{
		perror(argv[1]);
		return 1;
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	doc = malloc(n + 1);
	if (fread(doc, 1, n, fp) != (size_t) n)
		return 1;
	fclose(fp);
	doclen = (int) n;

	if (!pg_shim_run(run, NULL))
	{
		fprintf(stderr, "%s\n", pg_shim_last_error(NULL));
		return 1;
	}
	printf("document: %d bytes, %d quads; %d rounds\n", doclen, nquads, rounds);
	printf("parse N-Quads        %7.1f us/dataset  %9.0f datasets/s  %10.0f quads/s\n",
		   t_parse * 1e6 / rounds, rounds / t_parse, (double) nquads * rounds / t_parse);
	printf("RDFC-1.0 sha256      %7.1f us/dataset  %9.0f datasets/s  %10.0f quads/s\n",
		   t_canon256 * 1e6 / rounds, rounds / t_canon256, (double) nquads * rounds / t_canon256);
	printf("RDFC-1.0 sha384      %7.1f us/dataset  %9.0f datasets/s  %10.0f quads/s\n",
		   t_canon384 * 1e6 / rounds, rounds / t_canon384, (double) nquads * rounds / t_canon384);
	return 0;
}
