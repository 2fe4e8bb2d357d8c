/*
 * rdf_sql.c
 *		SQL functions of the rdf capability: credreg.rdfc and
 *		credreg.rdfc_issued_identifiers.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "rdf/rdf.h"

static RdfcHash
hash_arg(text *name)
{
	char	   *s = text_to_cstring(name);
	RdfcHash	hash;

	if (!rdfc_hash_from_name(s, &hash))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported RDFC hash algorithm \"%s\"", s),
				 errhint("Use sha256 or sha384.")));
	pfree(s);
	return hash;
}

/*
 * Parses and canonicalizes; raises 22P02 for N-Quads syntax, 54000 for a
 * document over credreg.max_document_bytes or when the work limit is
 * exceeded.
 */
static RdfDataset *
canonicalize_text(text *nquads, RdfcHash hash, StringInfo out,
				  RdfTermId **issued, int *nissued)
{
	RdfDataset *ds = rdf_dataset_create();
	CredregFailure failure;

	if (!rdf_parse_nquads(ds, VARDATA_ANY(nquads), VARSIZE_ANY_EXHDR(nquads), &failure))
		credreg_raise(&failure, strcmp(failure.code, "nquads_malformed") == 0 ?
					  ERRCODE_INVALID_TEXT_REPRESENTATION : ERRCODE_PROGRAM_LIMIT_EXCEEDED);
	if (!rdfc_canonicalize(ds, hash, out, issued, nissued, &failure))
		credreg_raise(&failure, ERRCODE_PROGRAM_LIMIT_EXCEEDED);
	return ds;
}

PG_FUNCTION_INFO_V1(credreg_rdfc);

/* RDFC-1.0 canonical N-Quads of an N-Quads document. */
Datum
credreg_rdfc(PG_FUNCTION_ARGS)
{
	text	   *nquads = PG_GETARG_TEXT_PP(0);
	RdfcHash	hash = hash_arg(PG_GETARG_TEXT_PP(1));
	StringInfoData out;

	initStringInfo(&out);
	canonicalize_text(nquads, hash, &out, NULL, NULL);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

PG_FUNCTION_INFO_V1(credreg_rdfc_issued_identifiers);

/* The issued identifiers map of RDFC-1.0: input blank node label -> c14nN. */
Datum
credreg_rdfc_issued_identifiers(PG_FUNCTION_ARGS)
{
	text	   *nquads = PG_GETARG_TEXT_PP(0);
	RdfcHash	hash = hash_arg(PG_GETARG_TEXT_PP(1));
	StringInfoData out;
	StringInfoData json;
	RdfTermId  *issued;
	int			nissued;
	RdfDataset *ds;
	int			i;

	initStringInfo(&out);
	ds = canonicalize_text(nquads, hash, &out, &issued, &nissued);

	initStringInfo(&json);
	appendStringInfoChar(&json, '{');
	for (i = 0; i < nissued; i++)
	{
		int			len;
		const char *t = rdf_term_text(ds, issued[i], &len);
		char	   *label = pnstrdup(t + 2, len - 2);	/* without "_:" */

		if (i > 0)
			appendStringInfoChar(&json, ',');
		escape_json(&json, label);
		appendStringInfo(&json, ":\"c14n%d\"", i);
		pfree(label);
	}
	appendStringInfoChar(&json, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(json.data)));
}
