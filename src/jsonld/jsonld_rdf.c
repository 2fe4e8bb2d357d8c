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
	if ((t = jv_get(element, "@type")) != NULL && jv_get(element, "@value") == NULL)
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
	if (jv_get(element, "@value") != NULL)
	{
		if (list == NULL)
			jv_append(get_array(subject_node, active_property), element);
		else
			jv_append(jv_get(list, "@list"), element);
		return true;
	}

	/* 5 */
	if ((v = jv_get(element, "@list")) != NULL)
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
	v = jv_get(element, "@id");
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
	if ((v = jv_get(element, "@index")) != NULL)
	{
		JldValue   *cur = jv_get(node, "@index");

		if (cur != NULL && !jv_equal(cur, v))
			return jld_error(p, "conflicting indexes", "node \"%s\" has two different @index values", id);
		jv_put(node, "@index", v);
	}

	/* 6.9 */
	if ((v = jv_get(element, "@reverse")) != NULL)
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
	if ((v = jv_get(element, "@graph")) != NULL)
	{
		if (!node_map(p, v, graph_map, id, NULL, NULL, NULL, NULL))
			return false;
	}

	/* 6.11 */
	if ((v = jv_get(element, "@included")) != NULL)
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

		if (strcmp(k, "@id") == 0 || strcmp(k, "@type") == 0 ||
			strcmp(k, "@index") == 0 || strcmp(k, "@reverse") == 0 ||
			strcmp(k, "@graph") == 0 || strcmp(k, "@included") == 0)
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

/* the canonical form of a string literal's lexical form */
static void
append_literal_string(StringInfo out, const char *s)
{
	appendStringInfoChar(out, '"');
	for (const unsigned char *c = (const unsigned char *) s; *c; c++)
	{
		switch (*c)
		{
			case '\b':
				appendStringInfoString(out, "\\b");
				break;
			case '\t':
				appendStringInfoString(out, "\\t");
				break;
			case '\n':
				appendStringInfoString(out, "\\n");
				break;
			case '\f':
				appendStringInfoString(out, "\\f");
				break;
			case '\r':
				appendStringInfoString(out, "\\r");
				break;
			case '"':
				appendStringInfoString(out, "\\\"");
				break;
			case '\\':
				appendStringInfoString(out, "\\\\");
				break;
			default:
				if (*c < 0x20 || *c == 0x7f)
					appendStringInfo(out, "\\u%04X", *c);
				else
					appendStringInfoChar(out, *c);
		}
	}
	appendStringInfoChar(out, '"');
}

static char *
iri_term(const char *iri)
{
	if (jld_is_bnode(iri))
		return pstrdup(iri);
	return psprintf("<%s>", iri);
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

typedef struct Quads
{
	char	  **lines;
	int			count;
	int			cap;
} Quads;

static void
quads_add(Quads *q, const char *s, const char *pred, const char *o, const char *g)
{
	if (q->count == q->cap)
	{
		q->cap = q->cap ? q->cap * 2 : 64;
		q->lines = q->lines ? repalloc(q->lines, sizeof(char *) * q->cap)
			: palloc(sizeof(char *) * q->cap);
	}
	if (g != NULL)
		q->lines[q->count++] = psprintf("%s %s %s %s .\n", s, pred, o, g);
	else
		q->lines[q->count++] = psprintf("%s %s %s .\n", s, pred, o);
}

/* a triple of list triples (8.2, 8.3), before its graph is known */
typedef struct Triple
{
	const char *s;
	const char *p;
	const char *o;
} Triple;

typedef struct Triples
{
	Triple	   *t;
	int			count;
	int			cap;
} Triples;

static void
triples_add(Triples *ts, const char *s, const char *pred, const char *o)
{
	if (ts->count == ts->cap)
	{
		ts->cap = ts->cap ? ts->cap * 2 : 16;
		ts->t = ts->t ? repalloc(ts->t, sizeof(Triple) * ts->cap)
			: palloc(sizeof(Triple) * ts->cap);
	}
	ts->t[ts->count].s = s;
	ts->t[ts->count].p = pred;
	ts->t[ts->count].o = o;
	ts->count++;
}

static bool list_to_rdf(JldProc *p, JldValue *list, Triples *list_triples, const char **result);

/* Section 8.2.2, Object to RDF Conversion; *result NULL means null. */
static bool
object_to_rdf(JldProc *p, JldValue *item, Triples *list_triples, const char **result)
{
	JldValue   *v;
	JldValue   *t;
	JldValue   *lang;
	const char *datatype = NULL;
	StringInfoData lit;
	char	   *lexical = NULL;

	*result = NULL;
	if (item->kind != JLD_OBJECT)
		return true;

	/* 3 */
	if ((v = jv_get(item, "@list")) != NULL)
		return list_to_rdf(p, as_array(v), list_triples, result);

	/* 1, 2 */
	if ((v = jv_get(item, "@value")) == NULL)
	{
		v = jv_get(item, "@id");
		if (v != NULL && v->kind == JLD_STRING &&
			(jld_is_bnode(v->str) || jld_is_wellformed_iri(v->str)))
			*result = iri_term(v->str);
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
	initStringInfo(&lit);
	append_literal_string(&lit, lexical);
	if (lang != NULL)
		appendStringInfo(&lit, "@%s", lang->str);
	else if (strcmp(datatype, XSD_NS "string") != 0)
		appendStringInfo(&lit, "^^<%s>", datatype);
	*result = lit.data;
	return true;
}

/* Section 8.3.2, List to RDF Conversion. */
static bool
list_to_rdf(JldProc *p, JldValue *list, Triples *list_triples, const char **result)
{
	const char **bnodes;

	/* 1 */
	if (list->count == 0)
	{
		*result = "<" RDF_NS "nil>";
		return true;
	}
	/* 2 */
	bnodes = palloc(sizeof(char *) * list->count);
	for (int i = 0; i < list->count; i++)
		bnodes[i] = generate_bnode(p, NULL);
	/* 3 */
	for (int i = 0; i < list->count; i++)
	{
		Triples		embedded = {0};
		const char *object;

		if (!object_to_rdf(p, list->elems[i], &embedded, &object))
			return false;
		if (object != NULL)
			triples_add(list_triples, bnodes[i], "<" RDF_NS "first>", object);
		triples_add(list_triples, bnodes[i], "<" RDF_NS "rest>",
					i + 1 < list->count ? bnodes[i + 1] : "<" RDF_NS "nil>");
		for (int k = 0; k < embedded.count; k++)
			triples_add(list_triples, embedded.t[k].s, embedded.t[k].p, embedded.t[k].o);
	}
	/* 4 */
	*result = bnodes[0];
	return true;
}

static int
cmp_lines(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Section 8.1.2, Deserialize JSON-LD to RDF, from an expanded document. */
bool
jld_to_nquads(JldProc *p, JldValue *expanded, StringInfo out)
{
	JldValue   *graph_map = jv_object();
	Quads		q = {0};

	jv_put(graph_map, "@default", jv_object());
	if (!node_map(p, expanded, graph_map, "@default", NULL, NULL, NULL, NULL))
		return false;

	/* 1 */
	for (int g = 0; g < graph_map->count; g++)
	{
		const char *graph_name = graph_map->keys[g];
		JldValue   *graph = graph_map->elems[g];
		const char *gterm = NULL;

		/* 1.1, 1.2 */
		if (strcmp(graph_name, "@default") != 0)
		{
			if (!jld_is_bnode(graph_name) && !jld_is_wellformed_iri(graph_name))
				continue;
			gterm = iri_term(graph_name);
		}
		/* 1.3 */
		for (int s = 0; s < graph->count; s++)
		{
			const char *subject = graph->keys[s];
			JldValue   *node = graph->elems[s];
			const char *sterm;

			CHECK_FOR_INTERRUPTS();
			/* 1.3.1 */
			if (!jld_is_bnode(subject) && !jld_is_wellformed_iri(subject))
				continue;
			sterm = iri_term(subject);
			/* 1.3.2 */
			for (int k = 0; k < node->count; k++)
			{
				const char *property = node->keys[k];
				JldValue   *values = node->elems[k];

				if (strcmp(property, "@type") == 0)
				{
					/* 1.3.2.1 */
					values = as_array(values);
					for (int i = 0; i < values->count; i++)
					{
						JldValue   *type = values->elems[i];

						if (type->kind == JLD_STRING &&
							(jld_is_bnode(type->str) || jld_is_wellformed_iri(type->str)))
							quads_add(&q, sterm, "<" RDF_NS "type>", iri_term(type->str), gterm);
					}
					continue;
				}
				/* 1.3.2.2, 1.3.2.3, 1.3.2.4 */
				if (jld_is_keyword(property) || jld_is_bnode(property) ||
					!jld_is_wellformed_iri(property))
					continue;
				/* 1.3.2.5 */
				values = as_array(values);
				for (int i = 0; i < values->count; i++)
				{
					Triples		list_triples = {0};
					const char *object;
					char	   *pterm = iri_term(property);

					if (!object_to_rdf(p, values->elems[i], &list_triples, &object))
						return false;
					if (object != NULL)
						quads_add(&q, sterm, pterm, object, gterm);
					for (int m = 0; m < list_triples.count; m++)
						quads_add(&q, list_triples.t[m].s, list_triples.t[m].p,
								  list_triples.t[m].o, gterm);
				}
			}
		}
	}

	/* sorted, without duplicates */
	if (q.count > 1)
		qsort(q.lines, q.count, sizeof(char *), cmp_lines);
	for (int i = 0; i < q.count; i++)
	{
		if (i > 0 && strcmp(q.lines[i], q.lines[i - 1]) == 0)
			continue;
		appendStringInfoString(out, q.lines[i]);
	}
	return true;
}
