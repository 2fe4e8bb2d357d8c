/*
 * jsonld_expand.c
 *		JSON-LD 1.1 API section 5.1 Expansion Algorithm and 5.3 Value
 *		Expansion; step numbers in comments refer to 5.1.2 and 5.3.2.
 *
 * Keys are processed in document order (the "ordered" flag is false),
 * except where the algorithm orders them (steps 11 and 12).
 */
#include "postgres.h"

#include "miscadmin.h"

#include "jsonld/jsonld_int.h"

static bool expand(JldProc *p, JldContext *ac, const char *active_property,
				   const CrJson *element, const char *base_url, bool from_map,
				   JldValue **result);

static const CrJson *
wrap_array(const CrJson *v)
{
	CrJson	   *a;

	if (v->kind == CRJ_ARRAY)
		return v;
	a = palloc(sizeof(CrJson));
	a->kind = CRJ_ARRAY;
	a->count = 1;
	a->u.elems = palloc(sizeof(CrJson *));
	a->u.elems[0] = (CrJson *) v;
	return a;
}

static const CrJson *
make_crj_string(const char *s)
{
	CrJson	   *a = palloc(sizeof(CrJson));

	a->kind = CRJ_STRING;
	a->count = strlen(s);
	a->u.str = s;
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

/* "add value" (section 3 of the API, helper) */
static void
add_value(JldValue *obj, const char *key, JldValue *value, bool as_array_flag)
{
	JldValue   *cur = jv_get(obj, key);

	if (as_array_flag && cur == NULL)
	{
		cur = jv_array();
		jv_put(obj, key, cur);
	}
	if (value->kind == JLD_ARRAY)
	{
		for (int i = 0; i < value->count; i++)
			add_value(obj, key, value->elems[i], as_array_flag);
		return;
	}
	if (cur == NULL)
	{
		jv_put(obj, key, value);
		return;
	}
	if (cur->kind != JLD_ARRAY)
	{
		cur = as_array(cur);
		jv_put(obj, key, cur);
	}
	jv_append(cur, value);
}

static bool
is_value_object(const JldValue *v)
{
	return v->kind == JLD_OBJECT && jv_get(v, "@value") != NULL;
}

static bool
is_list_object(const JldValue *v)
{
	return v->kind == JLD_OBJECT && jv_get(v, "@list") != NULL;
}

static bool
is_graph_object(const JldValue *v)
{
	if (v->kind != JLD_OBJECT || jv_get(v, "@graph") == NULL)
		return false;
	for (int i = 0; i < v->count; i++)
		if (strcmp(v->keys[i], "@graph") != 0 && strcmp(v->keys[i], "@id") != 0 &&
			strcmp(v->keys[i], "@index") != 0)
			return false;
	return true;
}

static bool
is_node_object(const JldValue *v)
{
	return v->kind == JLD_OBJECT && jv_get(v, "@value") == NULL &&
		jv_get(v, "@list") == NULL && jv_get(v, "@set") == NULL;
}

/* Section 5.3.2, Value Expansion. */
static bool
value_expand(JldProc *p, JldContext *ac, const char *active_property,
			 const CrJson *value, JldValue **result)
{
	JldTerm    *def = jld_term(ac, active_property);
	JldValue   *r;

	if (!jld_count(p))
		return false;
	/* 1, 2 */
	if (def != NULL && def->type != NULL && value->kind == CRJ_STRING &&
		(strcmp(def->type, "@id") == 0 || strcmp(def->type, "@vocab") == 0))
	{
		const char *iri;

		if (!jld_expand_iri(p, ac, value->u.str, true, strcmp(def->type, "@vocab") == 0,
							NULL, &iri))
			return false;
		r = jv_object();
		jv_put(r, "@id", iri ? jv_string(iri) : jv_new(JLD_NULL));
		*result = r;
		return true;
	}
	/* 3 */
	r = jv_object();
	jv_put(r, "@value", jv_from_scalar(value));
	/* 4 */
	if (def != NULL && def->type != NULL && strcmp(def->type, "@id") != 0 &&
		strcmp(def->type, "@vocab") != 0 && strcmp(def->type, "@none") != 0)
		jv_put(r, "@type", jv_string(def->type));
	/* 5 */
	else if (value->kind == CRJ_STRING)
	{
		const char *language = (def && def->has_language) ? def->language : ac->language;
		const char *direction = (def && def->has_direction) ? def->direction : ac->direction;

		if (language != NULL)
			jv_put(r, "@language", jv_string(language));
		if (direction != NULL)
			jv_put(r, "@direction", jv_string(direction));
	}
	*result = r;
	return true;
}

static int
cmp_members(const void *a, const void *b)
{
	return strcmp(((const CrJsonMember *) a)->name, ((const CrJsonMember *) b)->name);
}

static int
cmp_crj_strings(const void *a, const void *b)
{
	const CrJson *x = *(const CrJson *const *) a;
	const CrJson *y = *(const CrJson *const *) b;

	if (x->kind != CRJ_STRING || y->kind != CRJ_STRING)
		return (x->kind == CRJ_STRING) - (y->kind == CRJ_STRING);
	return strcmp(x->u.str, y->u.str);
}

/* a node, in safe mode, must not lose anything (issue 3 item 3) */
static bool
safe_drop(JldProc *p, const char *what, const char *name)
{
	if (!p->safe_mode)
		return true;
	return jld_fail(p, "jsonld_dropped_term", "%s \"%s\" would be dropped by JSON-LD expansion",
					what, name);
}

static bool expand_entries(JldProc *p, JldContext *ac, JldContext *type_scoped,
						   const char *active_property, const CrJson *element,
						   const char *base_url, const char *input_type,
						   JldValue *result);

/* Step 13.8: a map of an @index, @id or @type container */
static bool
expand_index_map(JldProc *p, JldContext *ac, const char *key, JldTerm *def,
				 const CrJson *value, const char *base_url, JldValue **result)
{
	int			container = def->container;
	const char *index_key = def->index ? def->index : "@index";	/* 13.8.2 */
	JldValue   *expanded = jv_array();	/* 13.8.1 */

	for (int i = 0; i < value->count; i++)
	{
		const char *index = value->u.members[i].name;
		const CrJson *index_value = value->u.members[i].value;
		JldContext *map_ctx = ac;
		const char *expanded_index;
		JldValue   *items;

		CHECK_FOR_INTERRUPTS();
		/* 13.8.3.1 */
		if (container & (JLD_C_ID | JLD_C_TYPE))
			map_ctx = ac->previous ? ac->previous : ac;
		/* 13.8.3.2 */
		if (container & JLD_C_TYPE)
		{
			JldTerm    *idef = jld_term(map_ctx, index);

			if (idef != NULL && idef->has_context)
			{
				if (!jld_process_context_cached(p, map_ctx, idef->context, idef->context_base,
												false, true, map_ctx->in_cache, &map_ctx))
					return false;
			}
		}
		/* 13.8.3.4 */
		if (!jld_expand_iri(p, ac, index, false, true, NULL, &expanded_index))
			return false;
		/* 13.8.3.5, 13.8.3.6 */
		if (!expand(p, map_ctx, key, wrap_array(index_value), base_url, true, &items))
			return false;
		if (items == NULL)
			continue;
		items = as_array(items);
		/* 13.8.3.7 */
		for (int k = 0; k < items->count; k++)
		{
			JldValue   *item = items->elems[k];
			bool		none = expanded_index != NULL && strcmp(expanded_index, "@none") == 0;

			/* 13.8.3.7.1 */
			if ((container & JLD_C_GRAPH) && !is_graph_object(item))
			{
				JldValue   *g = jv_object();

				jv_put(g, "@graph", as_array(item));
				item = g;
			}
			/* 13.8.3.7.2 */
			if ((container & JLD_C_INDEX) && strcmp(index_key, "@index") != 0 && !none)
			{
				JldValue   *re;
				const char *eik;
				JldValue   *vals = jv_array();
				JldValue   *existing;

				if (!value_expand(p, ac, index_key, make_crj_string(index), &re))
					return false;
				if (!jld_expand_iri(p, ac, index_key, false, true, NULL, &eik))
					return false;
				if (eik == NULL)
					return jld_error(p, "invalid term definition", "@index \"%s\" does not expand", index_key);
				jv_append(vals, re);
				if ((existing = jv_get(item, eik)) != NULL)
				{
					existing = as_array(existing);
					for (int e = 0; e < existing->count; e++)
						jv_append(vals, existing->elems[e]);
				}
				if (item->kind != JLD_OBJECT)
					return jld_error(p, "invalid value object", "an index map value must be an object");
				jv_put(item, eik, vals);
				if (is_value_object(item))
					return jld_error(p, "invalid value object",
									 "a value object in a property-indexed map cannot take the index property");
			}
			/* 13.8.3.7.3 */
			else if ((container & JLD_C_INDEX) && jv_get(item, "@index") == NULL && !none)
				jv_put(item, "@index", jv_string(index));
			/* 13.8.3.7.4 */
			else if ((container & JLD_C_ID) && jv_get(item, "@id") == NULL && !none)
			{
				const char *id;

				if (!jld_expand_iri(p, ac, index, true, false, NULL, &id))
					return false;
				jv_put(item, "@id", id ? jv_string(id) : jv_new(JLD_NULL));
			}
			/* 13.8.3.7.5 */
			else if ((container & JLD_C_TYPE) && !none)
			{
				JldValue   *types = jv_array();
				JldValue   *existing = jv_get(item, "@type");

				jv_append(types, jv_string(expanded_index));
				if (existing != NULL)
				{
					existing = as_array(existing);
					for (int e = 0; e < existing->count; e++)
						jv_append(types, existing->elems[e]);
				}
				jv_put(item, "@type", types);
			}
			/* 13.8.3.7.6 */
			jv_append(expanded, item);
		}
	}
	*result = expanded;
	return true;
}

/* Steps 13 and 14 for one map (also for nested values, step 14.2.2) */
static bool
expand_entries(JldProc *p, JldContext *ac, JldContext *type_scoped,
			   const char *active_property, const CrJson *element,
			   const char *base_url, const char *input_type, JldValue *result)
{
	JldValue   *nests = jv_array();
	bool		json_input = input_type != NULL && strcmp(input_type, "@json") == 0;

	for (int i = 0; i < element->count; i++)
	{
		const char *key = element->u.members[i].name;
		const CrJson *value = element->u.members[i].value;
		const char *prop;
		JldValue   *ev = NULL;
		JldTerm    *def;
		int			container;

		CHECK_FOR_INTERRUPTS();
		/* 13.1 */
		if (strcmp(key, "@context") == 0)
			continue;
		/* 13.2 */
		if (!jld_expand_iri(p, ac, key, false, true, NULL, &prop))
			return false;
		/* 13.3 */
		if (prop == NULL || (strchr(prop, ':') == NULL && !jld_is_keyword(prop)))
		{
			if (!safe_drop(p, "property", key))
				return false;
			continue;
		}
		/* 13.4 */
		if (jld_is_keyword(prop))
		{
			/* 13.4.1 */
			if (active_property != NULL && strcmp(active_property, "@reverse") == 0)
				return jld_error(p, "invalid reverse property map",
								 "a reverse property map cannot contain the keyword \"%s\"", prop);
			/* 13.4.2 */
			if (jv_get(result, prop) != NULL && strcmp(prop, "@included") != 0 &&
				strcmp(prop, "@type") != 0)
				return jld_error(p, "colliding keywords", "more than one entry expands to %s", prop);

			if (strcmp(prop, "@id") == 0)
			{
				const char *id;

				/* 13.4.3 */
				if (value->kind != CRJ_STRING)
					return jld_error(p, "invalid @id value", "@id must be a string");
				if (!jld_expand_iri(p, ac, value->u.str, true, false, NULL, &id))
					return false;
				if (id == NULL)
				{
					if (!safe_drop(p, "@id", value->u.str))
						return false;
					ev = jv_new(JLD_NULL);
				}
				else
				{
					if (p->safe_mode && !jld_is_absolute_iri(id) && !jld_is_bnode(id))
						return jld_fail(p, "jsonld_dropped_term", "@id \"%s\" is a relative IRI", id);
					ev = jv_string(id);
				}
			}
			else if (strcmp(prop, "@type") == 0)
			{
				/* 13.4.4 */
				const CrJson *const *vals;
				int			n;
				JldValue   *existing = jv_get(result, "@type");

				if (value->kind == CRJ_STRING)
				{
					vals = (const CrJson *const *) &value;
					n = 1;
				}
				else if (value->kind == CRJ_ARRAY)
				{
					vals = (const CrJson *const *) value->u.elems;
					n = value->count;
				}
				else
					return jld_error(p, "invalid type value", "@type must be a string or an array of strings");
				if (value->kind == CRJ_ARRAY)
					ev = jv_array();
				for (int k = 0; k < n; k++)
				{
					const char *t;

					if (vals[k]->kind != CRJ_STRING)
						return jld_error(p, "invalid type value", "@type must be a string or an array of strings");
					if (!jld_expand_iri(p, type_scoped, vals[k]->u.str, true, true, NULL, &t))
						return false;
					if (t == NULL)
					{
						if (!safe_drop(p, "type", vals[k]->u.str))
							return false;
						continue;
					}
					if (p->safe_mode && !jld_is_absolute_iri(t) && !jld_is_bnode(t))
						return jld_fail(p, "jsonld_dropped_term", "type \"%s\" is a relative IRI", t);
					if (ev != NULL && ev->kind == JLD_ARRAY)
						jv_append(ev, jv_string(t));
					else
						ev = jv_string(t);
				}
				if (ev == NULL)
					continue;
				/* 13.4.4.5 */
				if (existing != NULL)
				{
					JldValue   *all = jv_array();

					existing = as_array(existing);
					for (int k = 0; k < existing->count; k++)
						jv_append(all, existing->elems[k]);
					ev = as_array(ev);
					for (int k = 0; k < ev->count; k++)
						jv_append(all, ev->elems[k]);
					ev = all;
				}
			}
			else if (strcmp(prop, "@graph") == 0)
			{
				/* 13.4.5 */
				if (!expand(p, ac, "@graph", value, base_url, false, &ev))
					return false;
				ev = ev ? as_array(ev) : jv_array();
			}
			else if (strcmp(prop, "@included") == 0)
			{
				JldValue   *existing = jv_get(result, "@included");

				/*
				 * 13.4.6.2, with @included as the active property rather
				 * than null: with null, scalars and value objects would be
				 * dropped as free-floating before 13.4.6.3 can reject them
				 * (expand#tin07-tin09).
				 */
				if (!expand(p, ac, "@included", value, base_url, false, &ev))
					return false;
				ev = ev ? as_array(ev) : jv_array();
				/* 13.4.6.3 */
				for (int k = 0; k < ev->count; k++)
					if (!is_node_object(ev->elems[k]))
						return jld_error(p, "invalid @included value", "@included values must be node objects");
				/* 13.4.6.4 */
				if (existing != NULL)
				{
					JldValue   *all = jv_array();

					for (int k = 0; k < existing->count; k++)
						jv_append(all, existing->elems[k]);
					for (int k = 0; k < ev->count; k++)
						jv_append(all, ev->elems[k]);
					ev = all;
				}
			}
			else if (strcmp(prop, "@value") == 0)
			{
				/* 13.4.7.1 */
				if (json_input)
					ev = jv_raw(value);
				/* 13.4.7.2 */
				else if (value->kind == CRJ_ARRAY || value->kind == CRJ_OBJECT)
					return jld_error(p, "invalid value object value", "@value must be a scalar or null");
				else
				{
					/* 13.4.7.3, 13.4.7.4 */
					ev = jv_from_scalar(value);
					if (ev->kind == JLD_NULL)
					{
						jv_put(result, "@value", ev);
						continue;
					}
				}
			}
			else if (strcmp(prop, "@language") == 0)
			{
				/* 13.4.8 */
				if (value->kind != CRJ_STRING)
					return jld_error(p, "invalid language-tagged string", "@language must be a string");
				ev = jv_string(jld_str_lower(value->u.str));
			}
			else if (strcmp(prop, "@direction") == 0)
			{
				/* 13.4.9 */
				if (!crjson_is_string(value, "ltr") && !crjson_is_string(value, "rtl"))
					return jld_error(p, "invalid base direction", "@direction must be \"ltr\" or \"rtl\"");
				ev = jv_string(value->u.str);
			}
			else if (strcmp(prop, "@index") == 0)
			{
				/* 13.4.10 */
				if (value->kind != CRJ_STRING)
					return jld_error(p, "invalid @index value", "@index must be a string");
				ev = jv_string(value->u.str);
			}
			else if (strcmp(prop, "@list") == 0)
			{
				/* 13.4.11 */
				if (active_property == NULL || strcmp(active_property, "@graph") == 0)
				{
					if (!safe_drop(p, "free-floating list", key))
						return false;
					continue;
				}
				if (!expand(p, ac, active_property, value, base_url, false, &ev))
					return false;
				ev = ev ? as_array(ev) : jv_array();
			}
			else if (strcmp(prop, "@set") == 0)
			{
				/* 13.4.12 */
				if (!expand(p, ac, active_property, value, base_url, false, &ev))
					return false;
			}
			else if (strcmp(prop, "@reverse") == 0)
			{
				/* 13.4.13 */
				JldValue   *rev;

				if (value->kind != CRJ_OBJECT)
					return jld_error(p, "invalid @reverse value", "@reverse must be an object");
				if (!expand(p, ac, "@reverse", value, base_url, false, &ev))
					return false;
				if (ev == NULL || ev->kind != JLD_OBJECT)
					continue;
				/* 13.4.13.3 */
				if ((rev = jv_get(ev, "@reverse")) != NULL)
				{
					for (int k = 0; k < rev->count; k++)
						add_value(result, rev->keys[k], rev->elems[k], true);
				}
				/* 13.4.13.4 */
				for (int k = 0; k < ev->count; k++)
				{
					JldValue   *reverse_map;
					JldValue   *items;

					if (strcmp(ev->keys[k], "@reverse") == 0)
						continue;
					reverse_map = jv_get(result, "@reverse");
					if (reverse_map == NULL)
					{
						reverse_map = jv_object();
						jv_put(result, "@reverse", reverse_map);
					}
					items = as_array(ev->elems[k]);
					for (int m = 0; m < items->count; m++)
					{
						if (is_value_object(items->elems[m]) || is_list_object(items->elems[m]))
							return jld_error(p, "invalid reverse property value",
											 "a reverse property value cannot be a value or a list");
						add_value(reverse_map, ev->keys[k], items->elems[m], true);
					}
				}
				continue;		/* 13.4.13.5 */
			}
			else if (strcmp(prop, "@nest") == 0)
			{
				/* 13.4.14 */
				jv_append(nests, jv_string(key));
				continue;
			}
			else
			{
				/* other keywords (@context was skipped): not valid here */
				if (!safe_drop(p, "keyword", key))
					return false;
				continue;
			}
			/* 13.4.16 */
			if (ev != NULL)
				jv_put(result, prop, ev);
			continue;
		}

		/* 13.5 */
		def = jld_term(ac, key);
		container = def ? def->container : 0;

		if (def != NULL && def->type != NULL && strcmp(def->type, "@json") == 0)
		{
			/* 13.6 */
			ev = jv_object();
			jv_put(ev, "@value", jv_raw(value));
			jv_put(ev, "@type", jv_string("@json"));
		}
		else if ((container & JLD_C_LANGUAGE) && value->kind == CRJ_OBJECT)
		{
			/* 13.7 */
			const char *direction = ac->direction;

			ev = jv_array();
			if (def->has_direction)
				direction = def->direction;
			for (int k = 0; k < value->count; k++)
			{
				const char *language = value->u.members[k].name;
				const CrJson *lv = wrap_array(value->u.members[k].value);
				const char *el;

				if (!jld_expand_iri(p, ac, language, false, true, NULL, &el))
					return false;
				for (int m = 0; m < lv->count; m++)
				{
					const CrJson *item = lv->u.elems[m];
					JldValue   *v;

					if (item->kind == CRJ_NULL)
						continue;
					if (item->kind != CRJ_STRING)
						return jld_error(p, "invalid language map value", "language map values must be strings");
					v = jv_object();
					jv_put(v, "@value", jv_string(item->u.str));
					if (strcmp(language, "@none") != 0 && (el == NULL || strcmp(el, "@none") != 0))
						jv_put(v, "@language", jv_string(jld_str_lower(language)));
					if (direction != NULL)
						jv_put(v, "@direction", jv_string(direction));
					jv_append(ev, v);
				}
			}
		}
		else if ((container & (JLD_C_INDEX | JLD_C_TYPE | JLD_C_ID)) && value->kind == CRJ_OBJECT)
		{
			/* 13.8 */
			if (!expand_index_map(p, ac, key, def, value, base_url, &ev))
				return false;
		}
		else
		{
			/* 13.9 */
			if (!expand(p, ac, key, value, base_url, false, &ev))
				return false;
		}

		/* 13.10 */
		if (ev == NULL)
			continue;
		/* 13.11 */
		if ((container & JLD_C_LIST) && !is_list_object(ev))
		{
			JldValue   *l = jv_object();

			jv_put(l, "@list", as_array(ev));
			ev = l;
		}
		/* 13.12 */
		if ((container & JLD_C_GRAPH) && !(container & (JLD_C_ID | JLD_C_INDEX)))
		{
			JldValue   *all = jv_array();

			ev = as_array(ev);
			for (int k = 0; k < ev->count; k++)
			{
				JldValue   *g = jv_object();

				jv_put(g, "@graph", as_array(ev->elems[k]));
				jv_append(all, g);
			}
			ev = all;
		}
		/* 13.13 */
		if (def != NULL && def->reverse)
		{
			JldValue   *reverse_map = jv_get(result, "@reverse");

			if (reverse_map == NULL)
			{
				reverse_map = jv_object();
				jv_put(result, "@reverse", reverse_map);
			}
			ev = as_array(ev);
			for (int k = 0; k < ev->count; k++)
			{
				if (is_value_object(ev->elems[k]) || is_list_object(ev->elems[k]))
					return jld_error(p, "invalid reverse property value",
									 "a reverse property value cannot be a value or a list");
				add_value(reverse_map, prop, ev->elems[k], true);
			}
		}
		else
			add_value(result, prop, ev, true);	/* 13.14 */
	}

	/* 14 */
	for (int i = 0; i < nests->count; i++)
	{
		const CrJson *nested = wrap_array(crj_member(element, nests->elems[i]->str));
		JldTerm    *ndef = jld_term(ac, nests->elems[i]->str);
		JldContext *nctx = ac;

		/*
		 * A nesting term's own scoped context applies to the nested values
		 * (expand#tc037, tc038).
		 */
		if (ndef != NULL && ndef->has_context &&
			!jld_process_context_cached(p, ac, ndef->context, ndef->context_base,
										true, true, ac->in_cache, &nctx))
			return false;

		for (int k = 0; k < nested->count; k++)
		{
			const CrJson *nv = nested->u.elems[k];

			/* 14.2.1 */
			if (nv->kind != CRJ_OBJECT)
				return jld_error(p, "invalid @nest value", "@nest values must be objects");
			for (int m = 0; m < nv->count; m++)
			{
				const char *e;

				if (!jld_expand_iri(p, nctx, nv->u.members[m].name, false, true, NULL, &e))
					return false;
				if (e != NULL && strcmp(e, "@value") == 0)
					return jld_error(p, "invalid @nest value", "a nested object cannot contain @value");
			}
			/* 14.2.2 */
			if (!expand_entries(p, nctx, type_scoped, active_property, nv, base_url,
								input_type, result))
				return false;
		}
	}
	return true;
}

/* Section 5.1.2, Expansion Algorithm.  *result NULL means null. */
static bool
expand(JldProc *p, JldContext *ac, const char *active_property,
	   const CrJson *element, const char *base_url, bool from_map,
	   JldValue **result)
{
	JldTerm    *apdef;
	const CrJson *psc = NULL;
	const char *psc_base = NULL;
	bool		psc_resident = false;
	JldContext *type_scoped;
	JldValue   *res;
	const char *input_type = NULL;
	CrJsonMember *sorted;
	const CrJson *v;

	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	*result = NULL;

	/* 1 */
	if (element->kind == CRJ_NULL)
		return true;

	/* 3 */
	apdef = jld_term(ac, active_property);
	if (apdef != NULL && apdef->has_context)
	{
		psc = apdef->context;
		psc_base = apdef->context_base;
		psc_resident = ac->in_cache;
	}

	/* 4 */
	if (element->kind != CRJ_ARRAY && element->kind != CRJ_OBJECT)
	{
		/* 4.1 */
		if (active_property == NULL || strcmp(active_property, "@graph") == 0)
			return safe_drop(p, "free-floating value", active_property ? active_property : "(top)");
		/* 4.2 */
		if (psc != NULL &&
			!jld_process_context_cached(p, ac, psc, psc_base, false, true, psc_resident, &ac))
			return false;
		/* 4.3 */
		return value_expand(p, ac, active_property, element, result);
	}

	if (!jld_count(p))
		return false;

	/* 5 */
	if (element->kind == CRJ_ARRAY)
	{
		JldValue   *arr = jv_array();

		for (int i = 0; i < element->count; i++)
		{
			JldValue   *item;

			if (!expand(p, ac, active_property, element->u.elems[i], base_url, from_map, &item))
				return false;
			/* 5.2.2 */
			if (item != NULL && item->kind == JLD_ARRAY && apdef != NULL &&
				(apdef->container & JLD_C_LIST))
			{
				JldValue   *l = jv_object();

				jv_put(l, "@list", item);
				item = l;
			}
			/* 5.2.3 */
			if (item == NULL)
				continue;
			if (item->kind == JLD_ARRAY)
				for (int k = 0; k < item->count; k++)
					jv_append(arr, item->elems[k]);
			else
				jv_append(arr, item);
		}
		*result = arr;
		return true;
	}

	/* 6: a map */

	/* 7 */
	if (ac->previous != NULL && !from_map)
	{
		bool		revert = true;

		for (int i = 0; i < element->count && revert; i++)
		{
			const char *e;

			if (!jld_expand_iri(p, ac, element->u.members[i].name, false, true, NULL, &e))
				return false;
			if (e != NULL && (strcmp(e, "@value") == 0 ||
							  (element->count == 1 && strcmp(e, "@id") == 0)))
				revert = false;
		}
		if (revert)
			ac = ac->previous;
	}

	/* 8 */
	if (psc != NULL &&
		!jld_process_context_cached(p, ac, psc, psc_base, true, true, psc_resident, &ac))
		return false;

	/* 9 */
	if ((v = crj_member(element, "@context")) != NULL &&
		!jld_process_context_cached(p, ac, v, base_url, false, true, false, &ac))
		return false;

	/* 10 */
	type_scoped = ac;

	/* 11: keys in lexicographic order */
	sorted = palloc(sizeof(CrJsonMember) * Max(element->count, 1));
	if (element->count > 0)
	{
		memcpy(sorted, element->u.members, sizeof(CrJsonMember) * element->count);
		qsort(sorted, element->count, sizeof(CrJsonMember), cmp_members);
	}
	for (int i = 0; i < element->count; i++)
	{
		const char *e;
		const CrJson *tv;
		const CrJson **terms;
		int			n;

		if (!jld_expand_iri(p, ac, sorted[i].name, false, true, NULL, &e))
			return false;
		if (e == NULL || strcmp(e, "@type") != 0)
			continue;
		/* 11.1 */
		tv = wrap_array(sorted[i].value);
		n = tv->count;
		terms = palloc(sizeof(CrJson *) * Max(n, 1));
		if (n > 0)
		{
			memcpy(terms, tv->u.elems, sizeof(CrJson *) * n);
			qsort(terms, n, sizeof(CrJson *), cmp_crj_strings);
		}
		/* 11.2 */
		for (int k = 0; k < n; k++)
		{
			JldTerm    *tdef;

			if (terms[k]->kind != CRJ_STRING)
				continue;
			tdef = jld_term(type_scoped, terms[k]->u.str);
			if (tdef != NULL && tdef->has_context &&
				!jld_process_context_cached(p, ac, tdef->context, tdef->context_base,
											false, false, type_scoped->in_cache, &ac))
				return false;
		}
		/* 12: input type from the first entry expanding to @type */
		if (input_type == NULL && tv->count > 0 && tv->u.elems[tv->count - 1]->kind == CRJ_STRING)
		{
			if (!jld_expand_iri(p, ac, tv->u.elems[tv->count - 1]->u.str, false, true, NULL, &input_type))
				return false;
			if (input_type == NULL)
				input_type = "";
		}
	}

	/* 12, 13, 14 */
	res = jv_object();
	if (!expand_entries(p, ac, type_scoped, active_property, element, base_url, input_type, res))
		return false;

	/* 15 */
	if (jv_get(res, "@value") != NULL)
	{
		JldValue   *val = jv_get(res, "@value");
		JldValue   *type = jv_get(res, "@type");

		/* 15.1 */
		for (int i = 0; i < res->count; i++)
		{
			const char *k = res->keys[i];

			if (strcmp(k, "@direction") != 0 && strcmp(k, "@index") != 0 &&
				strcmp(k, "@language") != 0 && strcmp(k, "@type") != 0 &&
				strcmp(k, "@value") != 0)
				return jld_error(p, "invalid value object", "a value object cannot contain \"%s\"", k);
		}
		if (type != NULL && (jv_get(res, "@language") != NULL || jv_get(res, "@direction") != NULL))
			return jld_error(p, "invalid value object", "a value object cannot have both @type and @language or @direction");
		/* 15.2 */
		if (type != NULL && type->kind == JLD_STRING && strcmp(type->str, "@json") == 0)
		{
		}
		/* 15.3 */
		else if (val->kind == JLD_NULL || (val->kind == JLD_ARRAY && val->count == 0))
			return true;
		/* 15.4 */
		else if (val->kind != JLD_STRING && jv_get(res, "@language") != NULL)
			return jld_error(p, "invalid language-tagged value", "only strings can be language-tagged");
		/* 15.5 */
		else if (type != NULL && (type->kind != JLD_STRING || !jld_is_datatype_iri(type->str)))
			return jld_error(p, "invalid typed value", "the @type of a value must be an IRI");
	}
	/* 16 */
	else if (jv_get(res, "@type") != NULL)
	{
		JldValue   *t = jv_get(res, "@type");

		if (t->kind != JLD_ARRAY)
			jv_put(res, "@type", as_array(t));
	}
	/* 17 */
	else if (jv_get(res, "@set") != NULL || jv_get(res, "@list") != NULL)
	{
		/* 17.1 */
		if (res->count > 2 || (res->count == 2 && jv_get(res, "@index") == NULL))
			return jld_error(p, "invalid set or list object",
							 "a set or list object can only have an @index besides");
		/* 17.2 */
		if (jv_get(res, "@set") != NULL)
			res = jv_get(res, "@set");
	}

	/* 18 */
	if (res->kind == JLD_OBJECT && res->count == 1 && jv_get(res, "@language") != NULL)
		return true;

	/* 19 */
	if ((active_property == NULL || strcmp(active_property, "@graph") == 0) &&
		res->kind == JLD_OBJECT)
	{
		/* 19.1 */
		if (res->count == 0 || jv_get(res, "@value") != NULL || jv_get(res, "@list") != NULL)
		{
			if (res->count > 0 && !safe_drop(p, "free-floating value", "@value"))
				return false;
			return true;
		}
		/* 19.2 */
		if (res->count == 1 && jv_get(res, "@id") != NULL)
			return true;
	}

	/* 20 */
	*result = res;
	return true;
}

/*
 * expand() of the API (section 9.1, steps 5-8 for an already loaded
 * document): expanded output is always an array.
 */
bool
jld_expand(JldProc *p, const CrJson *doc, const char *base, JldValue **result)
{
	JldContext *ac = jld_initial_context(base);
	JldValue   *out;

	if (!expand(p, ac, NULL, doc, base, false, &out))
		return false;
	/* 9.1 step 8.1: a map with only @graph is replaced by its value */
	if (out != NULL && out->kind == JLD_OBJECT && out->count == 1 && jv_get(out, "@graph") != NULL)
		out = jv_get(out, "@graph");
	if (out == NULL)
		out = jv_array();
	*result = as_array(out);
	return true;
}
