/*
 * status_table.c
 *		The triggers of credreg.status_list: one derives the columns the
 *		status checks read (type, purposes, encodedList, validity window,
 *		issuer) from the stored credential, the other tells every backend's
 *		status list cache that the table changed.
 *
 * Deriving reads the credential without verifying it; verifying it is the
 * verifier's trigger on the same table, which rejects a row whose
 * credential does not verify.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "json/json.h"
#include "status/status.h"
#include "util/cache.h"
#include "util/datetime.h"

static void
bad_credential(const char *url, const char *fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();

static void
bad_credential(const char *url, const char *fmt,...)
{
	StringInfoData buf;
	va_list		args;

	initStringInfo(&buf);
	va_start(args, fmt);
	credreg_appendv(&buf, fmt, args);
	va_end(args);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("status list credential for \"%s\" is not a usable status list", url),
			 errdetail("%s", buf.data)));
	pg_unreachable();
}

static Datum
date_member(const char *url, const CrJson *obj, const char *name, bool *isnull)
{
	const CrJson *v = crjson_get(obj, name);
	TimestampTz ts;

	*isnull = true;
	if (v == NULL)
		return (Datum) 0;
	if (v->kind != CRJ_STRING ||
		!credreg_datetime_parse(v->u.str, v->count, 0, &ts))
		bad_credential(url, "Its %s is not an xsd:dateTime.", name);
	*isnull = false;
	return TimestampTzGetDatum(ts);
}

/* NumericDate (RFC 7519 section 2) of a JWT claim, as a timestamptz. */
static Datum
numeric_date_claim(const char *url, const CrJson *claims, const char *name, bool *isnull)
{
	const CrJson *v = crjson_get(claims, name);
	double		secs;
	TimestampTz ts;

	*isnull = true;
	if (v == NULL)
		return (Datum) 0;
	if (!crjson_number_value(v, &secs) || !numericdate_to_timestamp(secs, &ts))
		bad_credential(url, "Its JWT claim \"%s\" is not a NumericDate.", name);
	*isnull = false;
	return TimestampTzGetDatum(ts);
}

static int
attnum_of(TupleDesc desc, const char *name)
{
	int			attnum = SPI_fnumber(desc, name);

	if (attnum <= 0)
		elog(ERROR, "credreg.status_list has no column \"%s\"", name);
	return attnum;
}

PG_FUNCTION_INFO_V1(credreg_status_list_derive);
/*
 * BEFORE INSERT OR UPDATE trigger: fills list_type, purpose, encoded_list,
 * entries, issuer, valid_from and valid_until from NEW.credential, and
 * rejects a credential that is not a decodable status list credential.
 */
Datum
credreg_status_list_derive(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	tuple;
	char	   *url;
	char	   *cred_text;
	const char *p;
	CrJson	   *doc;
	const CrJson *cred;
	const CrJson *claims = NULL;
	const CrJson *type;
	const CrJson *subject;
	const CrJson *purpose;
	const CrJson *issuer;
	const char *encoded;
	const char *list_type;
	bool		legacy;
	StatusBitstring bs;
	CredregFailure failure;
	int			cols[7];
	Datum		values[7];
	bool		nulls[7];
	const char *names[7] = {"list_type", "purpose", "encoded_list", "entries", "issuer",
	"valid_from", "valid_until"};
	int			i;
	bool		isnull;
	Datum		d;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		elog(ERROR, "status_list_derive must be a BEFORE ROW trigger");
	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	desc = RelationGetDescr(trigdata->tg_relation);

	d = heap_getattr(tuple, attnum_of(desc, "url"), desc, &isnull);
	url = isnull ? "" : TextDatumGetCString(d);
	d = heap_getattr(tuple, attnum_of(desc, "credential"), desc, &isnull);
	if (isnull)
		return PointerGetDatum(tuple);	/* NOT NULL reports it */
	cred_text = TextDatumGetCString(d);

	/* The credential as JSON: a JSON document, or the payload of a JWS. */
	for (p = cred_text; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
		;
	if (*p == '{')
		doc = crjson_parse(cred_text, strlen(cred_text), &failure);
	else
	{
		const char *dot1 = strchr(p, '.');
		const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
		uint8	   *payload;
		size_t		plen;

		if (dot1 == NULL || dot2 == NULL || strchr(dot2 + 1, '.') != NULL)
			bad_credential(url, "It is neither a JSON object nor a JWS in compact serialization.");
		if (!status_b64url_decode(dot1 + 1, dot2 - dot1 - 1, &payload, &plen, &failure))
			bad_credential(url, "Its JWS payload is not base64url: %s", failure.message);
		doc = crjson_parse((const char *) payload, plen, &failure);
	}
	if (doc == NULL)
		bad_credential(url, "It is not valid JSON: %s", failure.message);
	if (doc->kind != CRJ_OBJECT)
		bad_credential(url, "It is not a JSON object.");
	cred = doc;
	/* VC-JWT 1.1: the credential is the "vc" claim, its dates nbf and exp */
	if (crjson_get(doc, "vc") != NULL && crjson_get(doc, "vc")->kind == CRJ_OBJECT)
	{
		claims = doc;
		cred = crjson_get(doc, "vc");
	}

	type = crjson_get(cred, "type");
	if (crjson_is_string(type, "BitstringStatusListCredential"))
		list_type = "BitstringStatusListCredential";
	else if (crjson_is_string(type, "StatusList2021Credential"))
		list_type = "StatusList2021Credential";
	else
	{
		list_type = NULL;
		if (type != NULL && type->kind == CRJ_ARRAY)
			for (i = 0; i < type->count && list_type == NULL; i++)
			{
				if (crjson_is_string(type->u.elems[i], "BitstringStatusListCredential"))
					list_type = "BitstringStatusListCredential";
				else if (crjson_is_string(type->u.elems[i], "StatusList2021Credential"))
					list_type = "StatusList2021Credential";
			}
		if (list_type == NULL)
			bad_credential(url, "Its type includes neither BitstringStatusListCredential nor StatusList2021Credential.");
	}
	legacy = strcmp(list_type, "StatusList2021Credential") == 0;

	subject = crjson_get(cred, "credentialSubject");
	if (subject == NULL || subject->kind != CRJ_OBJECT)
		bad_credential(url, "Its credentialSubject is not an object.");
	type = crjson_get(subject, "type");
	if (!crjson_is_string(type, legacy ? "StatusList2021" : "BitstringStatusList"))
		bad_credential(url, "The type of its credentialSubject is not %s.",
					   legacy ? "StatusList2021" : "BitstringStatusList");

	/* statusPurpose: one or more strings */
	purpose = crjson_get(subject, "statusPurpose");
	if (purpose != NULL && purpose->kind == CRJ_STRING)
	{
		Datum		one = CStringGetTextDatum(purpose->u.str);

		values[1] = PointerGetDatum(construct_array(&one, 1, TEXTOID, -1, false, TYPALIGN_INT));
	}
	else if (purpose != NULL && purpose->kind == CRJ_ARRAY && purpose->count > 0)
	{
		Datum	   *elems = palloc(sizeof(Datum) * purpose->count);

		for (i = 0; i < purpose->count; i++)
		{
			if (purpose->u.elems[i]->kind != CRJ_STRING)
				bad_credential(url, "Its statusPurpose is not a string or an array of strings.");
			elems[i] = CStringGetTextDatum(purpose->u.elems[i]->u.str);
		}
		values[1] = PointerGetDatum(construct_array(elems, purpose->count, TEXTOID, -1, false, TYPALIGN_INT));
	}
	else
	{
		/*
		 * No statusPurpose (the Blockcerts samples' lists, which
		 * cert-verifier-js reads with the purpose of the entry pointing at
		 * them): the purpose the registry gave in the row, if it gave one.
		 */
		bool		isnull;
		Datum		given = heap_getattr(tuple, attnum_of(desc, "purpose"), desc, &isnull);

		if (purpose != NULL || isnull)
			bad_credential(url, "Its credentialSubject has no statusPurpose string or array of strings (give the purpose column when the list states none).");
		values[1] = given;
	}

	encoded = crjson_get_string(subject, "encodedList");
	if (encoded == NULL)
		bad_credential(url, "Its credentialSubject has no encodedList string.");
	/*
	 * A BitstringStatusListCredential that states no statusPurpose and whose
	 * list has no multibase prefix but starts as StatusList2021's base64url
	 * GZIP does ("H4sI"): a StatusList2021 list under the newer type name,
	 * as the Blockcerts samples publish theirs and point at with
	 * StatusList2021Entry.  It is recorded, and read, as one.  A list that
	 * states its purpose is a Bitstring Status List and must carry the
	 * prefix.
	 */
	if (!legacy && purpose == NULL && strncmp(encoded, "H4sI", 4) == 0)
	{
		legacy = true;
		list_type = "StatusList2021Credential";
	}
	if (!status_bitstring_decode(encoded, strlen(encoded), legacy, &bs, &failure))
		bad_credential(url, "Its encodedList does not decode: %s", failure.message);
	if ((int64) bs.nbytes * 8 < STATUS_LIST_MIN_ENTRIES)
		ereport(WARNING,
				(errmsg("status list \"%s\" has %lld entries, fewer than the minimum of %d",
						url, (long long) bs.nbytes * 8, STATUS_LIST_MIN_ENTRIES),
				 errdetail("credreg reports credentials that point into it as status_unavailable (STATUS_LIST_LENGTH_ERROR).")));

	memset(nulls, 0, sizeof(nulls));
	values[0] = CStringGetTextDatum(list_type);
	values[2] = CStringGetTextDatum(encoded);
	values[3] = Int64GetDatum((int64) bs.nbytes * 8);
	pfree(bs.bits);

	issuer = crjson_get(cred, "issuer");
	if (issuer != NULL && issuer->kind == CRJ_OBJECT)
		issuer = crjson_get(issuer, "id");
	if (issuer != NULL && issuer->kind == CRJ_STRING)
		values[4] = CStringGetTextDatum(issuer->u.str);
	else if (claims != NULL && crjson_get_string(claims, "iss") != NULL)
		values[4] = CStringGetTextDatum(crjson_get_string(claims, "iss"));
	else
		nulls[4] = true;

	/* validity window: VCDM 2.0 validFrom/validUntil, else 1.1 issuanceDate/expirationDate */
	values[5] = date_member(url, cred, "validFrom", &nulls[5]);
	if (nulls[5])
		values[5] = date_member(url, cred, "issuanceDate", &nulls[5]);
	values[6] = date_member(url, cred, "validUntil", &nulls[6]);
	if (nulls[6])
		values[6] = date_member(url, cred, "expirationDate", &nulls[6]);
	if (claims != NULL)
	{
		bool		n;
		Datum		v;

		v = numeric_date_claim(url, claims, "nbf", &n);
		if (!n)
		{
			values[5] = v;
			nulls[5] = false;
		}
		v = numeric_date_claim(url, claims, "exp", &n);
		if (!n)
		{
			values[6] = v;
			nulls[6] = false;
		}
	}

	for (i = 0; i < 7; i++)
		cols[i] = attnum_of(desc, names[i]);
	tuple = heap_modify_tuple_by_cols(tuple, desc, 7, cols, values, nulls);
	return PointerGetDatum(tuple);
}

PG_FUNCTION_INFO_V1(credreg_status_list_changed);
/*
 * AFTER ... FOR EACH STATEMENT trigger: every backend's status list cache
 * forgets the table (crcache_table_changed).
 */
Datum
credreg_status_list_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "status_list_changed must be called as a trigger");
	crcache_table_changed(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}
