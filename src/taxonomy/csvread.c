/*
 * csvread.c
 *		Reads a server-side data file of a framework release, plain or
 *		gzip-compressed, as rows of text fields: RFC 4180 CSV (quoted fields
 *		may hold commas, doubled quotes and newlines) or tab-separated text
 *		without quoting (O*NET).  The importers are written in SQL over it.
 *
 * Reading server files is a privilege: the caller must be a superuser or a
 * member of pg_read_server_files (checked here as well as by the REVOKE in
 * the install script).
 */
#include "postgres.h"

#include <zlib.h>

#include "catalog/pg_authid.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "taxonomy/taxonomy.h"

#define CSV_MAX_FIELD	(64 * 1024 * 1024)

typedef struct CsvReader
{
	gzFile		gz;
	const char *path;
	char		buf[65536];
	int			len;
	int			pos;
	bool		eof;
} CsvReader;

static int
CsvGetc(CsvReader *r)
{
	if (r->pos >= r->len)
	{
		if (r->eof)
			return -1;
		r->len = gzread(r->gz, r->buf, sizeof(r->buf));
		r->pos = 0;
		if (r->len < 0)
		{
			int			errnum;
			const char *msg = gzerror(r->gz, &errnum);

			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read file \"%s\": %s", r->path, msg)));
		}
		if (r->len == 0)
		{
			r->eof = true;
			return -1;
		}
	}
	return (unsigned char) r->buf[r->pos++];
}

static void
EmitRow(Tuplestorestate *ts, TupleDesc td, int64 lineno, List *fields)
{
	Datum		values[2];
	bool		nulls[2] = {false, false};
	Datum	   *elems = palloc(sizeof(Datum) * Max(list_length(fields), 1));
	ListCell   *lc;
	int			i = 0;

	foreach(lc, fields)
		elems[i++] = PointerGetDatum(lfirst(lc));
	values[0] = Int64GetDatum(lineno);
	values[1] = PointerGetDatum(construct_array(elems, i, TEXTOID, -1, false, TYPALIGN_INT));
	tuplestore_putvalues(ts, td, values, nulls);
	pfree(elems);
}

static text *
FinishField(CsvReader *r, StringInfo field, int64 lineno)
{
	text	   *t;

	if (!pg_verifymbstr(field->data, field->len, true))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid UTF-8 in file \"%s\" at line %lld", r->path, (long long) lineno)));
	t = cstring_to_text_with_len(field->data, field->len);
	resetStringInfo(field);
	return t;
}

PG_FUNCTION_INFO_V1(taxonomy_read_file);
/* taxonomy_read_file(path text, tab boolean) returns setof (line bigint, fields text[]) */
Datum
taxonomy_read_file(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool		tab = PG_GETARG_BOOL(1);
	char		sep = tab ? '\t' : ',';
	CsvReader  *r;
	StringInfoData field;
	List	   *fields = NIL;
	int64		lineno = 1,
				rowline = 1;
	bool		inquote = false,
				quoted_field = false,
				first = true;
	int			c;
	MemoryContext rowcxt,
				old;

	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied to read framework files"),
				 errdetail("Only roles with privileges of the \"pg_read_server_files\" role may import frameworks.")));
	if (!is_absolute_path(path))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("framework file path must be absolute: \"%s\"", path)));

	InitMaterializedSRF(fcinfo, 0);
	r = palloc0(sizeof(CsvReader));
	r->path = path;
	{
		/* the name as given, else with .gz appended */
		char	   *gzpath = psprintf("%s.gz", path);

		if (access(path, R_OK) == 0)
			r->gz = gzopen(path, "rb");
		else if (access(gzpath, R_OK) == 0)
		{
			r->path = gzpath;
			r->gz = gzopen(gzpath, "rb");
		}
		if (r->gz == NULL)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not open file \"%s\" (or \"%s\"): %m", path, gzpath)));
	}

	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "taxonomy_read_file row",
								   ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		initStringInfo(&field);
		old = MemoryContextSwitchTo(rowcxt);
		for (;;)
		{
			c = CsvGetc(r);
			/* a UTF-8 byte order mark at the start is not data */
			if (first && c == 0xEF)
			{
				int			c2 = CsvGetc(r),
							c3 = CsvGetc(r);

				if (c2 != 0xBB || c3 != 0xBF)
					ereport(ERROR,
							(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
							 errmsg("invalid UTF-8 in file \"%s\" at line 1", r->path)));
				c = CsvGetc(r);
			}
			first = false;
			if (c < 0)
			{
				if (inquote)
					ereport(ERROR,
							(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							 errmsg("unterminated quoted field in file \"%s\" starting at line %lld",
									r->path, (long long) rowline)));
				if (field.len > 0 || fields != NIL || quoted_field)
				{
					fields = lappend(fields, FinishField(r, &field, rowline));
					EmitRow(rsinfo->setResult, rsinfo->setDesc, rowline, fields);
				}
				break;
			}
			if (field.len >= CSV_MAX_FIELD)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("field too long in file \"%s\" at line %lld", r->path, (long long) lineno)));
			if (inquote)
			{
				if (c == '"')
				{
					int			n = CsvGetc(r);

					if (n == '"')
						appendStringInfoChar(&field, '"');
					else
					{
						inquote = false;
						if (n >= 0)
							r->pos--;	/* push back (buffer still holds it) */
					}
				}
				else
				{
					if (c == '\n')
						lineno++;
					appendStringInfoChar(&field, (char) c);
				}
				continue;
			}
			if (c == '"' && !tab && field.len == 0 && !quoted_field)
			{
				inquote = true;
				quoted_field = true;
				continue;
			}
			if (c == sep)
			{
				fields = lappend(fields, FinishField(r, &field, rowline));
				quoted_field = false;
				continue;
			}
			if (c == '\r')
				continue;
			if (c == '\n')
			{
				fields = lappend(fields, FinishField(r, &field, rowline));
				EmitRow(rsinfo->setResult, rsinfo->setDesc, rowline, fields);
				MemoryContextReset(rowcxt);
				fields = NIL;
				quoted_field = false;
				lineno++;
				rowline = lineno;
				CHECK_FOR_INTERRUPTS();
				continue;
			}
			if (quoted_field)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("unexpected character after closing quote in file \"%s\" at line %lld",
								r->path, (long long) lineno)));
			appendStringInfoChar(&field, (char) c);
		}
		MemoryContextSwitchTo(old);
	}
	PG_FINALLY();
	{
		gzclose(r->gz);
	}
	PG_END_TRY();
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(taxonomy_read_text);
/* taxonomy_read_text(path text): a whole server-side file (plain or gzipped) as text */
Datum
taxonomy_read_text(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *gzpath = psprintf("%s.gz", path);
	gzFile		gz = NULL;
	StringInfoData buf;
	char		chunk[65536];
	int			n;

	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied to read framework files"),
				 errdetail("Only roles with privileges of the \"pg_read_server_files\" role may import frameworks.")));
	if (!is_absolute_path(path))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("framework file path must be absolute: \"%s\"", path)));
	if (access(path, R_OK) == 0)
		gz = gzopen(path, "rb");
	else if (access(gzpath, R_OK) == 0)
	{
		gz = gzopen(gzpath, "rb");
		path = gzpath;
	}
	if (gz == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open file \"%s\" (or \"%s\"): %m", path, gzpath)));
	initStringInfo(&buf);
	PG_TRY();
	{
		while ((n = gzread(gz, chunk, sizeof(chunk))) > 0)
		{
			if ((Size) buf.len + n >= MaxAllocSize / 2)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("file \"%s\" is too large", path)));
			appendBinaryStringInfo(&buf, chunk, n);
			CHECK_FOR_INTERRUPTS();
		}
		if (n < 0)
		{
			int			errnum;

			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read file \"%s\": %s", path, gzerror(gz, &errnum))));
		}
		if (!pg_verifymbstr(buf.data, buf.len, true))
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid UTF-8 in file \"%s\"", path)));
	}
	PG_FINALLY();
	{
		gzclose(gz);
	}
	PG_END_TRY();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}
