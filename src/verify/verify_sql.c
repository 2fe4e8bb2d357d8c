/*
 * verify_sql.c
 *		SQL functions of the verifier: verify, is_valid, verify_proof,
 *		credential_payload, proof_hash_data, and the trigger that verifies
 *		a status list credential when it is stored.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "access/xact.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "dataint/dataint.h"
#include "jose/jose.h"
#include "sdjwt/sdjwt.h"
#include "verify/verify.h"

PG_FUNCTION_INFO_V1(credreg_verify_text);
PG_FUNCTION_INFO_V1(credreg_verify_jsonb);
PG_FUNCTION_INFO_V1(credreg_is_valid_text);
PG_FUNCTION_INFO_V1(credreg_is_valid_jsonb);
PG_FUNCTION_INFO_V1(credreg_verify_proof_text);
PG_FUNCTION_INFO_V1(credreg_verify_proof_jsonb);
PG_FUNCTION_INFO_V1(credreg_credential_payload);
PG_FUNCTION_INFO_V1(credreg_proof_hash_data);
PG_FUNCTION_INFO_V1(credreg_status_list_verify);

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

void
cr_verification_values(const CrVerification *r, Datum *values, bool *nulls)
{
	memset(nulls, 0, sizeof(bool) * CR_VERIFICATION_NATTS);
	values[0] = BoolGetDatum(r->valid);
	values[1] = CStringGetTextDatum(r->format ? r->format : "unknown");
	if (r->issuer)
		values[2] = CStringGetTextDatum(r->issuer);
	else
		nulls[2] = true;
	if (r->key_id)
		values[3] = CStringGetTextDatum(r->key_id);
	else
		nulls[3] = true;
	if (r->subject)
		values[4] = CStringGetTextDatum(r->subject);
	else
		nulls[4] = true;
	values[5] = TimestampTzGetDatum(r->valid_from);
	nulls[5] = !r->has_valid_from;
	values[6] = TimestampTzGetDatum(r->valid_until);
	nulls[6] = !r->has_valid_until;
	values[7] = CStringGetTextDatum(r->status ? r->status : "unknown");
	values[8] = BoolGetDatum(r->trusted);
	values[9] = PointerGetDatum(text_array(r->checks));
	values[10] = PointerGetDatum(text_array(r->errors));
}

static Datum
result_datum(FunctionCallInfo fcinfo, const CrVerification *r)
{
	TupleDesc	desc;
	Datum		values[CR_VERIFICATION_NATTS];
	bool		nulls[CR_VERIFICATION_NATTS];

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "credreg.verify must return a composite type");
	desc = BlessTupleDesc(desc);
	cr_verification_values(r, values, nulls);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

Datum
credreg_verify_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	CrVerification r;

	cr_verify_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), as_of, false, &r);
	return result_datum(fcinfo, &r);
}

Datum
credreg_verify_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	CrVerification r;

	cr_verify_json(crjson_from_jsonb(jb), as_of, false, &r);
	return result_datum(fcinfo, &r);
}

Datum
credreg_is_valid_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	CrVerification r;

	cr_verify_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), as_of, true, &r);
	PG_RETURN_BOOL(r.valid);
}

Datum
credreg_is_valid_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	CrVerification r;

	cr_verify_json(crjson_from_jsonb(jb), as_of, true, &r);
	PG_RETURN_BOOL(r.valid);
}

/* The text form of a credreg.pubkey argument, through the type's output function. */
static char *
pubkey_text(FunctionCallInfo fcinfo, int argno)
{
	FmgrInfo   *out = (FmgrInfo *) fcinfo->flinfo->fn_extra;

	if (out == NULL)
	{
		Oid			typoid = get_fn_expr_argtype(fcinfo->flinfo, argno);
		Oid			outfn;
		bool		varlena;

		getTypeOutputInfo(typoid, &outfn, &varlena);
		out = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
		fmgr_info_cxt(outfn, out, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = out;
	}
	return OutputFunctionCall(out, PG_GETARG_DATUM(argno));
}

/* Signature mathematics alone: the JWS, or some proof, verifies with key. */
static bool
proof_verifies(CrJson *doc, const char *jws_text, size_t jws_len, const CrKey *key)
{
	CredregFailure f;

	if (doc == NULL)
	{
		CrJws		jws;

		return crjws_parse(jws_text, jws_len, &jws, &f) && crjws_verify(&jws, key, &f);
	}
	if (doc->kind == CRJ_STRING)
		return proof_verifies(NULL, doc->u.str, doc->count, key);
	{
		CrDiProof  *proofs;
		int			n;

		if (!crdi_proofs(doc, &proofs, &n, &f))
			return false;
		for (int i = 0; i < n; i++)
			if (crdi_verify_proof(doc, proofs, n, i, key, &f))
				return true;
	}
	return false;
}

static const CrKey *
key_arg(FunctionCallInfo fcinfo, int argno)
{
	char	   *kt = pubkey_text(fcinfo, argno);
	const CrKey *key;
	CredregFailure f;

	if (!crkey_cached(kt, strlen(kt), &key, &f))
		credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);
	return key;
}

Datum
credreg_verify_proof_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const CrKey *key = key_arg(fcinfo, 1);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	size_t		i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
		i++;
	if (i < len && (s[i] == '{' || s[i] == '"'))
	{
		CrJson	   *doc = crjson_parse(s, len, NULL);

		PG_RETURN_BOOL(doc != NULL && proof_verifies(doc, NULL, 0, key));
	}
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	PG_RETURN_BOOL(proof_verifies(NULL, s + i, len - i, key));
}

Datum
credreg_verify_proof_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	const CrKey *key = key_arg(fcinfo, 1);

	PG_RETURN_BOOL(proof_verifies(crjson_from_jsonb(jb), NULL, 0, key));
}

/*
 * The credential as a tree, unverified: a JWT's payload with its claims
 * mapped (VC-JWT 1.1), an SD-JWT's processed payload, or the document
 * without its proof.  False with the failure when it does not parse.
 */
bool
cr_credential_payload(const char *s, size_t len, CrJson **cred, CredregFailure *f)
{
	size_t		i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
		i++;
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == '\t'))
		len--;
	if (cr_sdjwt_looks_like(s + i, len - i))
		return cr_sdjwt_payload_unverified(s + i, len - i, cred, f);
	if (i < len && s[i] == '{')
	{
		CrJson	   *doc = crjson_parse(s + i, len - i, f);

		if (doc == NULL)
			return false;
		if (doc->kind != CRJ_OBJECT)
			return credreg_fail(f, "malformed", "a credential must be a JSON object");
		*cred = crjson_object_without(doc, "proof");
		return true;
	}
	{
		CrJws		jws;
		uint8	   *payload;
		size_t		plen;
		CrJson	   *pj;
		CrJwtKind	kind;

		return crjws_parse(s + i, len - i, &jws, f) &&
			crjws_payload_bytes(&jws, &payload, &plen, f) &&
			(pj = crjson_parse((const char *) payload, plen, f)) != NULL &&
			crjwt_credential(&jws, pj, cred, &kind, f);
	}
}

/* credreg.credential_payload(text): cr_credential_payload, or raise. */
Datum
credreg_credential_payload(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	size_t		i = 0;
	CredregFailure f;
	CrJson	   *cred;

	while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
		i++;
	/* a document keeps the errors (and SQLSTATEs) of the strict parser */
	if (i < len && s[i] == '{')
	{
		CrJson	   *doc = crjson_parse_or_error(s + i, len - i);

		if (doc->kind != CRJ_OBJECT)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("a credential must be a JSON object")));
		PG_RETURN_JSONB_P(crjson_to_jsonb(crjson_object_without(doc, "proof")));
	}
	if (!cr_credential_payload(s, len, &cred, &f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid credential: %s", f.message),
				 errdetail("Failure code: %s.", f.code)));
	PG_RETURN_JSONB_P(crjson_to_jsonb(cred));
}

static bytea *
bytes_datum(const uint8 *b, size_t len)
{
	bytea	   *r = palloc(VARHDRSZ + len);

	SET_VARSIZE(r, VARHDRSZ + len);
	memcpy(VARDATA(r), b, len);
	return r;
}

/*
 * Every intermediate value of the hashing of one Data Integrity proof:
 * canonical document, canonical proof configuration, their hashes and the
 * hash data that is signed.  The hash follows the proof's key curve when
 * the verification method carries the key (did:key, did:jwk, a Multikey
 * fragment), SHA-256 otherwise.
 */
Datum
credreg_proof_hash_data(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32		index = PG_GETARG_INT32(1);
	CrJson	   *doc = crjson_parse_or_error(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	CrDiProof  *proofs;
	int			n;
	CredregFailure f;
	CrDiHashing h;
	CrKeyType	kt = CRKEY_ED25519;
	const CrKey *key;
	const char *vm;
	const char *hash;
	TupleDesc	desc;
	Datum		values[5];
	bool		nulls[5] = {0};

	if (!crdi_proofs(doc, &proofs, &n, &f))
		credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);
	if (index < 0 || index >= n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("proof index %d is out of range", index),
				 errdetail("The document has %d proof%s.", n, n == 1 ? "" : "s")));
	vm = proofs[index].verification_method;
	hash = strrchr(vm, '#');
	if (crkey_cached(vm, strlen(vm), &key, &f) ||
		(hash != NULL && crkey_cached(hash + 1, strlen(hash + 1), &key, &f)))
		kt = key->type;
	if (!crdi_hash(doc, proofs, n, index, kt, &h, &f))
		credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "proof_hash_data must return a composite type");
	desc = BlessTupleDesc(desc);
	values[0] = PointerGetDatum(cstring_to_text_with_len(h.canonical_document.data, h.canonical_document.len));
	values[1] = PointerGetDatum(cstring_to_text_with_len(h.canonical_proof_config.data, h.canonical_proof_config.len));
	values[2] = PointerGetDatum(bytes_datum(h.proof_config_hash, h.hash_len));
	values[3] = PointerGetDatum(bytes_datum(h.document_hash, h.hash_len));
	values[4] = PointerGetDatum(bytes_datum(h.hash_data, 2 * h.hash_len));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/*
 * BEFORE INSERT OR UPDATE trigger on credreg.status_list: a status list
 * credential is stored only when it verifies now (signature, key binding,
 * validity window).  Whether its issuer is on the trust list is a question
 * for the credentials that point at it, not for storing it.
 */
Datum
credreg_status_list_verify(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	tup;
	TupleDesc	desc;
	int			col;
	bool		isnull;
	Datum		d;
	text	   *t;
	CrVerification r;
	ListCell   *lc;
	StringInfoData detail;
	bool		ok = true;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		elog(ERROR, "credreg_status_list_verify must be a BEFORE ROW trigger");
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	desc = RelationGetDescr(td->tg_relation);
	col = SPI_fnumber(desc, "credential");
	if (col <= 0)
		elog(ERROR, "credreg.status_list has no column \"credential\"");
	d = heap_getattr(tup, col, desc, &isnull);
	if (isnull)
		return PointerGetDatum(tup);	/* NOT NULL is the table's business */
	t = DatumGetTextPP(d);
	cr_verify_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), GetCurrentTransactionStartTimestamp(),
				   false, &r);
	initStringInfo(&detail);
	foreach(lc, r.errors)
	{
		const char *e = lfirst(lc);

		/*
		 * Trust and the validity window are judged when the list is used
		 * (status checks read the list's window as of their own instant), not
		 * when it is stored: a registry keeps historical lists for audits as
		 * of past instants, and a restored dump must load its expired lists.
		 */
		if (strncmp(e, "untrusted_issuer:", 17) == 0 ||
			strncmp(e, "expired:", 8) == 0 ||
			strncmp(e, "not_yet_valid:", 14) == 0)
			continue;
		ok = false;
		appendStringInfo(&detail, "%s%s", detail.len ? "; " : "", e);
	}
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status list credential does not verify"),
				 errdetail("%s.", detail.data)));
	return PointerGetDatum(tup);
}
