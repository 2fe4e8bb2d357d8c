/*
 * ecdsa_sd_base.c
 *		The issuer's grouping of an ecdsa-sd-2023 document, redone from a
 *		base proof (vc-di-ecdsa §3.4.16 canonicalizeAndGroup, with the HMAC
 *		label map of §3.4.4), so that a holder can verify the base proof it
 *		received before deriving from it.
 *
 * Skolemization (§3.4.8) is done on the compact document: every node
 * object without an id gets one in a private URN scheme (and "_:x" ids
 * become URNs), which the Deserialize JSON-LD to RDF algorithm then turns
 * into IRIs that survive both the whole document's deserialization and the
 * selection's; deskolemizing (§3.4.6) makes them blank nodes again.  For
 * credentials (contexts that alias @id to id, no @json values) this gives
 * the same statements as the spec's expand, skolemize, compact round trip.
 */
#include "postgres.h"

#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "nodes/pg_list.h"

#include "dataint/dataint.h"
#include "dataint/ecdsa_sd.h"
#include "jsonld/jsonld.h"
#include "rdf/dataset.h"
#include "rdf/rdf.h"
#include "util/encoding.h"

#define SKOLEM_PREFIX "urn:credreg-skolem:"
#define SKOLEM_PREFIX_LEN (sizeof(SKOLEM_PREFIX) - 1)

static bool
is_node_object(const CrJson *v)
{
	return crjson_get(v, "@value") == NULL && crjson_get(v, "@list") == NULL &&
		crjson_get(v, "@set") == NULL;
}

/* §3.4.7 in compact form: a copy of v where every node object has an id. */
static CrJson *
skolemize(const CrJson *v, int *count)
{
	if (v->kind == CRJ_ARRAY)
	{
		CrJson	   *a = palloc(sizeof(CrJson));

		*a = *v;
		a->u.elems = palloc(sizeof(CrJson *) * Max(v->count, 1));
		for (int i = 0; i < v->count; i++)
			a->u.elems[i] = skolemize(v->u.elems[i], count);
		return a;
	}
	if (v->kind == CRJ_OBJECT)
	{
		CrJson	   *o = crjson_make_object(v->count + 1);
		const char *id = crjson_get_string(v, "id");

		for (int i = 0; i < v->count; i++)
		{
			const CrJsonMember *m = &v->u.members[i];

			o->u.members[o->count] = *m;
			if (strcmp(m->name, "@context") != 0)
				o->u.members[o->count].value = skolemize(m->value, count);
			o->count++;
		}
		if (is_node_object(v))
		{
			if (id == NULL && crjson_get(v, "@id") == NULL)
				crjson_object_put(o, "id", crjson_make_string(psprintf(SKOLEM_PREFIX "s%d", (*count)++)));
			else if (id != NULL && strncmp(id, "_:", 2) == 0)
				crjson_object_put(o, "id", crjson_make_string(psprintf(SKOLEM_PREFIX "%s", id + 2)));
		}
		return o;
	}
	return (CrJson *) v;
}

/* §3.4.11 createInitialSelection */
static CrJson *
initial_selection(const CrJson *source)
{
	CrJson	   *sel = crjson_make_object(2);
	const CrJson *id = crjson_get(source, "id");
	const CrJson *type = crjson_get(source, "type");

	if (id != NULL && !(id->kind == CRJ_STRING && strncmp(id->u.str, "_:", 2) == 0))
		crjson_object_put(sel, "id", (CrJson *) id);
	if (type != NULL)
		crjson_object_put(sel, "type", (CrJson *) type);
	return sel;
}

/* A pointer token (§3.4.10): ~1 is '/', ~0 is '~'. */
static char *
unescape_token(const char *s, size_t len)
{
	StringInfoData t;

	initStringInfo(&t);
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] == '~' && i + 1 < len && (s[i + 1] == '0' || s[i + 1] == '1'))
		{
			appendStringInfoChar(&t, s[i + 1] == '1' ? '/' : '~');
			i++;
		}
		else
			appendStringInfoChar(&t, s[i]);
	}
	return t.data;
}

static bool
array_index(const char *tok, int count, int *idx)
{
	char	   *end;
	long		n;

	if (tok[0] < '0' || tok[0] > '9')
		return false;
	n = strtol(tok, &end, 10);
	if (*end != '\0' || n < 0 || n >= count)
		return false;
	*idx = (int) n;
	return true;
}

/* Child tok of v (an object member or an array element); NULL when absent. */
static CrJson *
child(const CrJson *v, const char *tok)
{
	int			idx;

	if (v->kind == CRJ_OBJECT)
		return crjson_get(v, tok);
	if (v->kind == CRJ_ARRAY && array_index(tok, v->count, &idx))
		return v->u.elems[idx];
	return NULL;
}

static void
set_child(CrJson *sel, const char *tok, CrJson *value)
{
	int			idx;

	if (sel->kind == CRJ_OBJECT)
		crjson_object_put(sel, tok, value);
	else if (array_index(tok, sel->count, &idx))
		sel->u.elems[idx] = value;
}

/* A sparse array of the source's length; holes are NULL until made dense. */
static CrJson *
sparse_array(int count)
{
	CrJson	   *a = palloc(sizeof(CrJson));

	a->kind = CRJ_ARRAY;
	a->count = count;
	a->u.elems = palloc0(sizeof(CrJson *) * Max(count, 1));
	return a;
}

/* §3.4.12 selectPaths */
static bool
select_paths(const CrJson *doc, const char *pointer, CrJson *selection, List **arrays,
			 CredregFailure *f)
{
	const CrJson *value = doc;
	CrJson	   *selected = selection;
	CrJson	   *selected_parent = NULL;
	const char *p = pointer + 1;
	char	   *tok = NULL;

	for (;;)
	{
		const char *slash = strchr(p, '/');
		size_t		len = slash ? (size_t) (slash - p) : strlen(p);
		CrJson	   *next;

		tok = unescape_token(p, len);
		selected_parent = selected;
		value = child(value, tok);
		if (value == NULL)
			return credreg_fail(f, "signature_invalid",
								"the mandatory pointer %s of the ecdsa-sd-2023 base proof matches nothing in the document",
								pointer);
		next = child(selected_parent, tok);
		if (next == NULL)
		{
			if (value->kind == CRJ_ARRAY)
			{
				next = sparse_array(value->count);
				*arrays = lappend(*arrays, next);
			}
			else
				next = initial_selection(value);
			set_child(selected_parent, tok, next);
		}
		selected = next;
		if (slash == NULL)
			break;
		p = slash + 1;
	}
	/* steps 7 to 11: the target value itself */
	if (value->kind == CRJ_OBJECT && selected->kind == CRJ_OBJECT)
	{
		CrJson	   *merged = crjson_make_object(selected->count + value->count);

		for (int i = 0; i < selected->count; i++)
			merged->u.members[merged->count++] = selected->u.members[i];
		for (int i = 0; i < value->count; i++)
			crjson_object_put(merged, value->u.members[i].name, value->u.members[i].value);
		set_child(selected_parent, tok, merged);
	}
	else
		set_child(selected_parent, tok, (CrJson *) value);
	return true;
}

/* §3.4.13 selectJsonLd */
static bool
select_jsonld(const CrJson *doc, const CrEcdsaSdBase *b, CrJson **out, CredregFailure *f)
{
	CrJson	   *selection = initial_selection(doc);
	List	   *arrays = NIL;
	ListCell   *lc;

	crjson_object_put(selection, "@context", crjson_get(doc, "@context"));
	for (int i = 0; i < b->npointers; i++)
		if (!select_paths(doc, b->pointers[i], selection, &arrays, f))
			return false;
	foreach(lc, arrays)
	{
		CrJson	   *a = lfirst(lc);
		int			n = 0;

		for (int i = 0; i < a->count; i++)
			if (a->u.elems[i] != NULL)
				a->u.elems[n++] = a->u.elems[i];
		a->count = n;
	}
	*out = selection;
	return true;
}

/*
 * N-Quads with every skolem IRI replaced: by "_:" + its label (deskolemize,
 * §3.4.6), or, with labels given, by "_:" + the HMAC label of the canonical
 * identifier it received (relabelBlankNodes, §3.4.14).
 */
static bool
deskolemize(const char *text, int len, List *skolem_labels, char **hmac_labels,
			StringInfo out, CredregFailure *f)
{
	const char *p = text;
	const char *end = text + len;

	while (p < end)
	{
		const char *hit = p;
		const char *close;

		while (hit < end && !(*hit == '<' && (size_t) (end - hit) > SKOLEM_PREFIX_LEN &&
							  memcmp(hit + 1, SKOLEM_PREFIX, SKOLEM_PREFIX_LEN) == 0))
			hit++;
		appendBinaryStringInfo(out, p, hit - p);
		if (hit >= end)
			break;
		close = memchr(hit, '>', end - hit);
		if (close == NULL)
			return credreg_fail(f, "malformed", "a skolem IRI without its end");
		{
			const char *label = hit + 1 + SKOLEM_PREFIX_LEN;
			int			llen = close - label;

			if (skolem_labels == NULL)
			{
				appendStringInfoString(out, "_:");
				appendBinaryStringInfo(out, label, llen);
			}
			else
			{
				int			k = 0;
				ListCell   *lc;
				bool		found = false;

				foreach(lc, skolem_labels)
				{
					const char *l = lfirst(lc);

					if ((int) strlen(l) == llen && memcmp(l, label, llen) == 0)
					{
						appendStringInfo(out, "_:%s", hmac_labels[k]);
						found = true;
						break;
					}
					k++;
				}
				if (!found)
					return credreg_fail(f, "signature_invalid",
										"a selected blank node has no canonical label");
			}
		}
		p = close + 1;
	}
	return true;
}

bool
crdi_ecdsa_sd_base_groups(const CrJson *doc, const CrEcdsaSdBase *b, CrEcdsaSdDerived *d,
						  char ***stmts_out, int *nstmts_out, CredregFailure *f)
{
	CrJson	   *unsecured = crjson_object_without(doc, "proof");
	int			count = 0;
	CrJson	   *skolemized = skolemize(unsecured, &count);
	StringInfoData sk,
				desk,
				canonical,
				sel_sk,
				sel;
	RdfDataset *ds;
	RdfTermId  *issued;
	int			nissued;
	List	   *skolem_labels = NIL;
	char	  **stmts;
	int			nstmts;
	CrJson	   *selection;
	bool	   *mandatory;

	/* §3.4.16 steps 1 to 3: deskolemized statements, canonicalized */
	initStringInfo(&sk);
	initStringInfo(&desk);
	initStringInfo(&canonical);
	if (!credreg_jsonld_to_nquads(skolemized, NULL, true, &sk, f) ||
		!deskolemize(sk.data, sk.len, NIL, NULL, &desk, f))
		return false;
	ds = rdf_dataset_create();
	if (!rdf_parse_nquads(ds, desk.data, desk.len, f) ||
		!rdfc_canonicalize(ds, RDFC_SHA256, &canonical, &issued, &nissued, f))
		return false;

	/* §3.4.4: c14n<i> -> u + base64url(HMAC-SHA256(hmacKey, "c14n<i>")) */
	memset(d, 0, sizeof(*d));
	d->nlabels = nissued;
	d->label_ids = palloc(sizeof(int) * Max(nissued, 1));
	d->labels = palloc(sizeof(char *) * Max(nissued, 1));
	for (int i = 0; i < nissued; i++)
	{
		char	   *c14n = psprintf("c14n%d", i);
		uint8		mac[EVP_MAX_MD_SIZE];
		unsigned int maclen = 0;
		int			tlen;
		const char *t = rdf_term_text(ds, issued[i], &tlen);

		if (HMAC(EVP_sha256(), b->hmac_key->data, (int) b->hmac_key->len,
				 (const uint8 *) c14n, strlen(c14n), mac, &maclen) == NULL)
			return credreg_fail(f, "signature_invalid", "HMAC-SHA256 failed");
		d->label_ids[i] = i;
		d->labels[i] = psprintf("u%s", base64url_encode(mac, maclen));
		/* the input label of issued[i], without "_:" */
		skolem_labels = lappend(skolem_labels, pnstrdup(t + 2, tlen - 2));
	}

	/* §3.4.1 steps 3, 4: every statement, relabelled and sorted */
	if (!crdi_ecdsa_sd_relabelled_statements(&canonical, d, &stmts, &nstmts, f))
		return false;

	/* §3.4.15: the statements the mandatory pointers select, in HMAC labels */
	mandatory = palloc0(sizeof(bool) * Max(nstmts, 1));
	if (b->npointers > 0)
	{
		const char *p;
		const char *end;

		if (!select_jsonld(skolemized, b, &selection, f))
			return false;
		initStringInfo(&sel_sk);
		initStringInfo(&sel);
		if (!credreg_jsonld_to_nquads(selection, NULL, true, &sel_sk, f) ||
			!deskolemize(sel_sk.data, sel_sk.len, skolem_labels, d->labels, &sel, f))
			return false;
		p = sel.data;
		end = p + sel.len;
		while (p < end)
		{
			const char *nl = memchr(p, '\n', end - p);
			char	   *line = pnstrdup(p, nl - p + 1);
			char	  **hit = bsearch(&line, stmts, nstmts, sizeof(char *), crdi_ecdsa_sd_cmp_str);

			/* §3.4.16 step 7.5: matching by the statement's text */
			if (hit == NULL)
				return credreg_fail(f, "signature_invalid",
									"a statement the mandatory pointers select is not among the document's");
			mandatory[hit - stmts] = true;
			p = nl + 1;
		}
	}
	d->mandatory = palloc(sizeof(int) * Max(nstmts, 1));
	d->nmandatory = 0;
	for (int k = 0; k < nstmts; k++)
		if (mandatory[k])
			d->mandatory[d->nmandatory++] = k;
	d->base_signature = b->base_signature;
	d->public_key = b->public_key;
	d->signatures = b->signatures;
	*stmts_out = stmts;
	*nstmts_out = nstmts;
	return true;
}
