/*
 * present_sql.c
 *		credreg.verify_presentation: the SQL face of present/.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "present/present.h"

PG_FUNCTION_INFO_V1(credreg_verify_presentation);

#define PRESENTATION_NATTS 7

static ArrayType *
text_array(List *items)
{
	int			n = list_length(items);
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));
	int			i = 0;
	ListCell   *lc;

	foreach(lc, items)
		d[i++] = CStringGetTextDatum((char *) lfirst(lc));
	return construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT);
}

/* credreg.verification[]: the element type is read from the result type. */
static ArrayType *
verification_array(const CrPresentation *p, Oid array_type)
{
	Oid			elem = get_element_type(array_type);
	TupleDesc	desc;
	Datum	   *d;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (!OidIsValid(elem))
		elog(ERROR, "credreg.presentation_verification.credentials must be an array");
	desc = lookup_rowtype_tupdesc_copy(elem, -1);
	desc = BlessTupleDesc(desc);
	d = palloc(sizeof(Datum) * Max(p->ncredentials, 1));
	for (int i = 0; i < p->ncredentials; i++)
	{
		Datum		values[CR_VERIFICATION_NATTS];
		bool		nulls[CR_VERIFICATION_NATTS];

		cr_verification_values(&p->credentials[i], values, nulls);
		d[i] = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
	}
	get_typlenbyvalalign(elem, &typlen, &typbyval, &typalign);
	return construct_array(d, p->ncredentials, elem, typlen, typbyval, typalign);
}

Datum
credreg_verify_presentation(PG_FUNCTION_ARGS)
{
	text	   *t;
	CrPresentExpect expect;
	TimestampTz as_of;
	CrPresentation p;
	TupleDesc	desc;
	Datum		values[PRESENTATION_NATTS];
	bool		nulls[PRESENTATION_NATTS];

	/* NULL presentation or as_of: NULL; NULL challenge or domain: not compared */
	if (PG_ARGISNULL(0) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	expect.challenge = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	expect.domain = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	as_of = PG_GETARG_TIMESTAMPTZ(3);

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "credreg.verify_presentation must return a composite type");
	desc = BlessTupleDesc(desc);

	cr_present_verify(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &expect, as_of, &p);

	memset(nulls, 0, sizeof(nulls));
	values[0] = BoolGetDatum(p.self.valid);
	values[1] = CStringGetTextDatum(p.self.format ? p.self.format : "unknown");
	if (p.holder)
		values[2] = CStringGetTextDatum(p.holder);
	else
		nulls[2] = true;
	if (p.self.key_id)
		values[3] = CStringGetTextDatum(p.self.key_id);
	else
		nulls[3] = true;
	values[4] = PointerGetDatum(text_array(p.self.checks));
	values[5] = PointerGetDatum(text_array(p.self.errors));
	values[6] = PointerGetDatum(verification_array(&p, TupleDescAttr(desc, 6)->atttypid));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
