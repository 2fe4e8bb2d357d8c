/*
 * jsonld_rdf.c
 *		JSON-LD 1.1 API section 7.2 Node Map Generation, 7.4 Generate Blank
 *		Node Identifier, and 8.1-8.3 Deserialize JSON-LD to RDF, Object to
 *		RDF Conversion and List to RDF Conversion, writing N-Quads in the
 *		canonical form of N-Quads (RDF 1.1 N-Quads section 4.1 /
 *		RDFC-1.0 appendix A).
 *
 * The options are produceGeneralizedRdf = false and rdfDirection = null.
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"

#include "jsonld/jsonld_int.h"
#include "rdf/dataset.h"

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"

/* Section 7.4.2, Generate Blank Node Identifier. */
static const char *
generate_bnode(JldProc *p, const char *identifier)
{
	JldValue   *hit;
	char	   *label;

	/* 1 */
	if (identifier != NULL && (hit = jv_get(p->bnode_map, identifier)) != NULL)
		return hit->str;
	/* 2 */
	label = psprintf("_:b%d", p->bnode_counter++);
	/* 3 */
	if (identifier != NULL)
		jv_put(p->bnode_map, identifier, jv_string(label));
	return label;
}

static JldValue *
get_array(JldValue *obj, const char *key)
{
	JldValue   *a = jv_get(obj, key);

	if (a == NULL)
	{
		a = jv_array();
		jv_put(obj, key, a);
	}
	return a;
}

static JldValue *
as_array(JldValue *v)
{
	JldValue   *a;

	if (v->kind == JLD_ARRAY)
		return v;
	a = jv_array();
	jv_append(a, v);
	return a;
}

static int
cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* the keyword entries of an expanded element, found in one pass */
typedef struct Entries
{
	JldValue   *id;
	JldValue   *type;
	JldValue   *value;
	JldValue   *list;
	JldValue   *index;
	JldValue   *reverse;
	JldValue   *graph;
	JldValue   *included;
} Entries;

static void
scan_entries(const JldValue *element, Entries *e)
{
	memset(e, 0, sizeof(*e));
	for (int i = 0; i < element->count; i++)
	{
		const char *k = element->keys[i];

		if (k[0] != '@')
			continue;
		if (strcmp(k, "@id") == 0)
			e->id = element->elems[i];
		else if (strcmp(k, "@type") == 0)
			e->type = element->elems[i];
		else if (strcmp(k, "@value") == 0)
			e->value = element->elems[i];
		else if (strcmp(k, "@list") == 0)
			e->list = element->elems[i];
		else if (strcmp(k, "@index") == 0)
			e->index = element->elems[i];
		else if (strcmp(k, "@reverse") == 0)
			e->reverse = element->elems[i];
		else if (strcmp(k, "@graph") == 0)
			e->graph = element->elems[i];
		else if (strcmp(k, "@included") == 0)
			e->included = element->elems[i];
	}
}

/*
 * Section 7.2.2, Node Map Generation.  Equal values are not removed here
 * (steps 4.1.2, 6.5.2, 6.6.2.2, 6.7): the quads are de-duplicated when
 * written, which gives the same dataset.  active subject is either
 * subject_id or, for a reverse property, subject_ref.
 */
static bool
node_map(JldProc *p, JldValue *element, JldValue *graph_map, const char *active_graph,
		 const char *subject_id, JldValue *subject_ref, const char *active_property,
		 JldValue *list)
{
	JldValue   *graph;
	JldValue   *subject_node = NULL;
	JldValue   *types = NULL;
	JldValue   *t;
	const char *id;
	JldValue   *node;
	JldValue   *v;
	const char **keys;
	int			nkeys;
	Entries		en;

	check_stack_depth();
	CHECK_FOR_INTERRUPTS();

	/* 1 */
	if (element->kind == JLD_ARRAY)
	{
		for (int i = 0; i < element->count; i++)
			if (!node_map(p, element->elems[i], graph_map, active_graph, subject_id,
						  subject_ref, active_property, list))
				return false;
		return true;
	}
	if (element->kind != JLD_OBJECT)
		return true;
	scan_entries(element, &en);

	/* 2 */
	graph = jv_get(graph_map, active_graph);
	if (graph == NULL)
	{
		graph = jv_object();
		jv_put(graph_map, active_graph, graph);
	}
	if (subject_id != NULL)
		subject_node = jv_get(graph, subject_id);

	/* 3 */
	if ((t = en.type) != NULL && en.value == NULL)
	{
		t = as_array(t);
		types = jv_array();
		for (int i = 0; i < t->count; i++)
		{
			JldValue   *item = t->elems[i];

			if (item->kind == JLD_STRING && jld_is_bnode(item->str))
				item = jv_string(generate_bnode(p, item->str));
			jv_append(types, item);
		}
	}

	/* 4 */
	if (en.value != NULL)
	{
		if (list == NULL)
			jv_append(get_array(subject_node, active_property), element);
		else
			jv_append(jv_get(list, "@list"), element);
		return true;
	}

	/* 5 */
	if ((v = en.list) != NULL)
	{
		JldValue   *result = jv_object();

		jv_put(result, "@list", jv_array());
		if (!node_map(p, v, graph_map, active_graph, subject_id, subject_ref,
					  active_property, result))
			return false;
		if (list == NULL)
			jv_append(get_array(subject_node, active_property), result);
		else
			jv_append(jv_get(list, "@list"), result);
		return true;
	}

	/* 6: a node object */
	/* 6.1, 6.2 */
	v = en.id;
	if (v != NULL && v->kind == JLD_STRING)
		id = jld_is_bnode(v->str) ? generate_bnode(p, v->str) : v->str;
	else if (v != NULL)
		id = "";				/* @id null (an IRI that expanded to null):
								 * never well-formed, so nothing about this
								 * node reaches the dataset (toRdf#te122) */
	else
		id = generate_bnode(p, NULL);

	/* 6.3, 6.4 */
	node = jv_get(graph, id);
	if (node == NULL)
	{
		if (!jld_count(p))
			return false;
		node = jv_object();
		jv_put(node, "@id", jv_string(id));
		jv_put(graph, id, node);
	}

	if (subject_ref != NULL)
	{
		/* 6.5 */
		jv_append(get_array(node, active_property), subject_ref);
	}
	else if (active_property != NULL)
	{
		/* 6.6 */
		JldValue   *reference = jv_object();

		jv_put(reference, "@id", jv_string(id));
		if (list == NULL)
			jv_append(get_array(subject_node, active_property), reference);
		else
			jv_append(jv_get(list, "@list"), reference);
	}

	/* 6.7 */
	if (types != NULL)
	{
		JldValue   *nt = get_array(node, "@type");

		for (int i = 0; i < types->count; i++)
			jv_append(nt, types->elems[i]);
	}

	/* 6.8 */
	if ((v = en.index) != NULL)
	{
		JldValue   *cur = jv_get(node, "@index");

		if (cur != NULL && !jv_equal(cur, v))
			return jld_error(p, "conflicting indexes", "node \"%s\" has two different @index values", id);
		jv_put(node, "@index", v);
	}

	/* 6.9 */
	if ((v = en.reverse) != NULL)
	{
		JldValue   *referenced = jv_object();

		jv_put(referenced, "@id", jv_string(id));
		for (int i = 0; i < v->count; i++)
		{
			JldValue   *values = as_array(v->elems[i]);

			for (int k = 0; k < values->count; k++)
				if (!node_map(p, values->elems[k], graph_map, active_graph, NULL,
							  referenced, v->keys[i], NULL))
					return false;
		}
	}

	/* 6.10 */
	if ((v = en.graph) != NULL)
	{
		if (!node_map(p, v, graph_map, id, NULL, NULL, NULL, NULL))
			return false;
	}

	/* 6.11 */
	if ((v = en.included) != NULL)
	{
		if (!node_map(p, v, graph_map, active_graph, NULL, NULL, NULL, NULL))
			return false;
	}

	/* 6.12: the remaining entries, ordered by property */
	keys = palloc(sizeof(char *) * Max(element->count, 1));
	nkeys = 0;
	for (int i = 0; i < element->count; i++)
	{
		const char *k = element->keys[i];

		if (k[0] == '@' &&
			(strcmp(k, "@id") == 0 || strcmp(k, "@type") == 0 ||
			 strcmp(k, "@index") == 0 || strcmp(k, "@reverse") == 0 ||
			 strcmp(k, "@graph") == 0 || strcmp(k, "@included") == 0))
			continue;
		keys[nkeys++] = k;
	}
	qsort(keys, nkeys, sizeof(char *), cmp_keys);
	for (int i = 0; i < nkeys; i++)
	{
		const char *property = keys[i];
		JldValue   *value = jv_get(element, property);

		/* 6.12.1 */
		if (jld_is_bnode(property))
			property = generate_bnode(p, property);
		/* 6.12.2 */
		get_array(node, property);
		/* 6.12.3 */
		if (!node_map(p, value, graph_map, active_graph, id, NULL, property, NULL))
			return false;
	}
	return true;
}

#define NO_TERM ((RdfTermId) -1)

/* an IRI or a blank node identifier ("_:label") as a term of ds */
static RdfTermId
node_term(RdfDataset *ds, const char *s)
{
	if (jld_is_bnode(s))
		return rdf_term_bnode(ds, s + 2, strlen(s) - 2);
	return rdf_term_iri(ds, s, strlen(s));
}

/* canonical lexical form of an xsd:double (section 8.6): 1.1E0 */
static char *
double_lexical(double d)
{
	char		buf[64];
	char	   *e;
	char	   *m_end;
	int			exp;
	StringInfoData out;

	snprintf(buf, sizeof(buf), "%.15E", d);
	e = strchr(buf, 'E');
	exp = atoi(e + 1);
	m_end = e;
	while (m_end > buf && m_end[-1] == '0')
		m_end--;
	if (m_end[-1] == '.')
		m_end++;				/* keep one digit after the point */
	initStringInfo(&out);
	appendBinaryStringInfo(&out, buf, m_end - buf);
	appendStringInfo(&out, "E%d", exp);
	return out.data;
}

/* the triples of lists (8.2, 8.3), before their graph is known */
typedef struct Triples
{
	RdfTermId  *t;				/* s, p, o, s, p, o, ... */
	int			count;
	int			cap;
} Triples;

static void
triples_add(Triples *ts, RdfTermId s, RdfTermId pred, RdfTermId o)
{
	if (ts->count == ts->cap)
	{
		ts->cap = ts->cap ? ts->cap * 2 : 16;
		ts->t = ts->t ? repalloc(ts->t, sizeof(RdfTermId) * 3 * ts->cap)
			: palloc(sizeof(RdfTermId) * 3 * ts->cap);
	}
	ts->t[ts->count * 3] = s;
	ts->t[ts->count * 3 + 1] = pred;
	ts->t[ts->count * 3 + 2] = o;
	ts->count++;
}

typedef struct RdfOut
{
	RdfDataset *ds;
	RdfTermId	rdf_first;
	RdfTermId	rdf_rest;
	RdfTermId	rdf_nil;
	RdfTermId	rdf_type;
} RdfOut;

static bool list_to_rdf(JldProc *p, RdfOut *o, JldValue *list, Triples *list_triples,
						RdfTermId *result);

/* Section 8.2.2, Object to RDF Conversion; *result NO_TERM means null. */
static bool
object_to_rdf(JldProc *p, RdfOut *o, JldValue *item, Triples *list_triples, RdfTermId *result)
{
	JldValue   *v;
	JldValue   *t;
	JldValue   *lang;
	const char *datatype = NULL;
	char	   *lexical = NULL;
	int			lexlen;

	*result = NO_TERM;
	if (item->kind != JLD_OBJECT)
		return true;

	/* 3 */
	if ((v = jv_get(item, "@list")) != NULL)
		return list_to_rdf(p, o, as_array(v), list_triples, result);

	/* 1, 2 */
	if ((v = jv_get(item, "@value")) == NULL)
	{
		v = jv_get(item, "@id");
		if (v != NULL && v->kind == JLD_STRING &&
			(jld_is_bnode(v->str) || jld_is_wellformed_iri(v->str)))
			*result = node_term(o->ds, v->str);
		return true;
	}

	/* 4, 5 */
	t = jv_get(item, "@type");
	if (t != NULL && t->kind == JLD_STRING)
		datatype = t->str;
	/* 6 */
	if (datatype != NULL && strcmp(datatype, "@json") != 0 && !jld_is_wellformed_iri(datatype))
		return true;
	/* 7 */
	lang = jv_get(item, "@language");
	if (lang != NULL && (lang->kind != JLD_STRING || !jld_is_wellformed_language(lang->str)))
		return true;

	if (datatype != NULL && strcmp(datatype, "@json") == 0)
	{
		/* 8: JCS, as the JSON-LD test suite expects (useJCS) */
		StringInfoData j;
		CredregFailure f = {0};

		initStringInfo(&j);
		if (v->kind == JLD_RAW)
		{
			if (!crjcs_append(&j, v->raw, &f))
				return jld_error(p, "invalid JSON literal", "%s", f.message);
		}
		else
			jv_append_json(&j, v);
		lexical = j.data;
		datatype = RDF_NS "JSON";
	}
	else if (v->kind == JLD_TRUE || v->kind == JLD_FALSE)
	{
		/* 9 */
		lexical = v->kind == JLD_TRUE ? "true" : "false";
		if (datatype == NULL)
			datatype = XSD_NS "boolean";
	}
	else if (v->kind == JLD_NUMBER)
	{
		double		d = strtod(v->str, NULL);

		if (isinf(d) || isnan(d))
			return jld_error(p, "invalid JSON literal", "number %s is out of range", v->str);
		/* 10 */
		if (d != floor(d) || fabs(d) >= 1e21 ||
			(datatype != NULL && strcmp(datatype, XSD_NS "double") == 0))
		{
			lexical = double_lexical(d);
			if (datatype == NULL)
				datatype = XSD_NS "double";
		}
		else
		{
			/* 11 */
			lexical = psprintf("%.0f", d == 0 ? 0.0 : d);
			if (datatype == NULL)
				datatype = XSD_NS "integer";
		}
	}
	else if (v->kind == JLD_STRING)
	{
		lexical = (char *) v->str;
		/* 12 */
		if (datatype == NULL)
			datatype = lang != NULL ? RDF_NS "langString" : XSD_NS "string";
	}
	else
		return true;

	/* 13 does not apply (rdfDirection is null); 14 */
	lexlen = strlen(lexical);
	if (lang != NULL)
		*result = rdf_term_literal(o->ds, lexical, lexlen, NULL, 0, lang->str, strlen(lang->str));
	else
		*result = rdf_term_literal(o->ds, lexical, lexlen, datatype, strlen(datatype), NULL, 0);
	return true;
}

/* Section 8.3.2, List to RDF Conversion. */
static bool
list_to_rdf(JldProc *p, RdfOut *o, JldValue *list, Triples *list_triples, RdfTermId *result)
{
	RdfTermId  *bnodes;

	/* 1 */
	if (list->count == 0)
	{
		*result = o->rdf_nil;
		return true;
	}
	/* 2 */
	bnodes = palloc(sizeof(RdfTermId) * list->count);
	for (int i = 0; i < list->count; i++)
		bnodes[i] = node_term(o->ds, generate_bnode(p, NULL));
	/* 3 */
	for (int i = 0; i < list->count; i++)
	{
		Triples		embedded = {0};
		RdfTermId	object;

		if (!object_to_rdf(p, o, list->elems[i], &embedded, &object))
			return false;
		if (object != NO_TERM)
			triples_add(list_triples, bnodes[i], o->rdf_first, object);
		triples_add(list_triples, bnodes[i], o->rdf_rest,
					i + 1 < list->count ? bnodes[i + 1] : o->rdf_nil);
		for (int k = 0; k < embedded.count; k++)
			triples_add(list_triples, embedded.t[k * 3], embedded.t[k * 3 + 1],
						embedded.t[k * 3 + 2]);
	}
	/* 4 */
	*result = bnodes[0];
	return true;
}

/* Section 8.1.2, Deserialize JSON-LD to RDF, from an expanded document. */
bool
jld_to_dataset(JldProc *p, JldValue *expanded, RdfDataset *ds)
{
	JldValue   *graph_map = jv_object();
	RdfOut		o;

	o.ds = ds;
	o.rdf_first = rdf_term_iri(ds, RDF_NS "first", strlen(RDF_NS "first"));
	o.rdf_rest = rdf_term_iri(ds, RDF_NS "rest", strlen(RDF_NS "rest"));
	o.rdf_nil = rdf_term_iri(ds, RDF_NS "nil", strlen(RDF_NS "nil"));
	o.rdf_type = rdf_term_iri(ds, RDF_NS "type", strlen(RDF_NS "type"));

	jv_put(graph_map, "@default", jv_object());
	if (!node_map(p, expanded, graph_map, "@default", NULL, NULL, NULL, NULL))
		return false;

	/* 1 */
	for (int g = 0; g < graph_map->count; g++)
	{
		const char *graph_name = graph_map->keys[g];
		JldValue   *graph = graph_map->elems[g];
		RdfTermId	gterm = RDF_DEFAULT_GRAPH;

		/* 1.1, 1.2 */
		if (strcmp(graph_name, "@default") != 0)
		{
			if (!jld_is_bnode(graph_name) && !jld_is_wellformed_iri(graph_name))
				continue;
			gterm = node_term(ds, graph_name);
		}
		/* 1.3 */
		for (int s = 0; s < graph->count; s++)
		{
			const char *subject = graph->keys[s];
			JldValue   *node = graph->elems[s];
			RdfTermId	sterm;

			CHECK_FOR_INTERRUPTS();
			/* 1.3.1 */
			if (!jld_is_bnode(subject) && !jld_is_wellformed_iri(subject))
				continue;
			sterm = node_term(ds, subject);
			/* 1.3.2 */
			for (int k = 0; k < node->count; k++)
			{
				const char *property = node->keys[k];
				JldValue   *values = node->elems[k];
				RdfTermId	pterm;

				if (strcmp(property, "@type") == 0)
				{
					/* 1.3.2.1 */
					values = as_array(values);
					for (int i = 0; i < values->count; i++)
					{
						JldValue   *type = values->elems[i];

						if (type->kind == JLD_STRING &&
							(jld_is_bnode(type->str) || jld_is_wellformed_iri(type->str)))
							rdf_dataset_add(ds, sterm, o.rdf_type, node_term(ds, type->str), gterm);
					}
					continue;
				}
				/* 1.3.2.2, 1.3.2.3, 1.3.2.4 */
				if (jld_is_keyword(property) || jld_is_bnode(property) ||
					!jld_is_wellformed_iri(property))
					continue;
				pterm = node_term(ds, property);
				/* 1.3.2.5 */
				values = as_array(values);
				for (int i = 0; i < values->count; i++)
				{
					Triples		list_triples = {0};
					RdfTermId	object;

					if (!object_to_rdf(p, &o, values->elems[i], &list_triples, &object))
						return false;
					if (object != NO_TERM)
						rdf_dataset_add(ds, sterm, pterm, object, gterm);
					for (int m = 0; m < list_triples.count; m++)
						rdf_dataset_add(ds, list_triples.t[m * 3], list_triples.t[m * 3 + 1],
										list_triples.t[m * 3 + 2], gterm);
				}
			}
		}
	}
	return true;
}

static int
cmp_lines(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 * Appends the quads of ds as N-Quads, lines sorted bytewise (a dataset has
 * no duplicates).
 */
void
jld_write_sorted(const RdfDataset *ds, StringInfo out)
{
	int			n = rdf_dataset_nquads(ds);
	const RdfQuad *q = rdf_dataset_quads(ds);
	char	  **lines = palloc(sizeof(char *) * Max(n, 1));

	for (int i = 0; i < n; i++)
	{
		StringInfoData l;
		RdfTermId	ids[4] = {q[i].s, q[i].p, q[i].o, q[i].g};

		initStringInfo(&l);
		for (int k = 0; k < 4; k++)
		{
			const char *text;
			int			len;

			if (k == 3 && ids[k] == RDF_DEFAULT_GRAPH)
				break;
			text = rdf_term_text(ds, ids[k], &len);
			appendBinaryStringInfo(&l, text, len);
			appendStringInfoChar(&l, ' ');
		}
		appendStringInfoString(&l, ".\n");
		lines[i] = l.data;
	}
	if (n > 1)
		qsort(lines, n, sizeof(char *), cmp_lines);
	for (int i = 0; i < n; i++)
		appendStringInfoString(out, lines[i]);
}
