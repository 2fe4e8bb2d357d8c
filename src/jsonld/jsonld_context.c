/*
 * jsonld_context.c
 *		Active contexts: JSON-LD 1.1 API section 4.1 Context Processing,
 *		4.2 Create Term Definition and 5.2 IRI Expansion.
 *
 * Step numbers in comments refer to those algorithms (4.1.2, 4.2.2, 5.2.2).
 * Processing mode is always json-ld-1.1, so the steps that apply only to
 * json-ld-1.0 are not written out.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "miscadmin.h"

#include "jsonld/jsonld_int.h"

/* a removed term definition (create term definition, step 6) */
static JldTerm tombstone;

#define DEFINED_TRUE ((JldValue *) &tombstone)

static uint32
term_hash(const char *s)
{
	return hash_bytes((const unsigned char *) s, strlen(s));
}

JldContext *
jld_context_new(const char *base)
{
	JldContext *c = palloc0(sizeof(JldContext));

	c->nslots = 16;
	c->slots = palloc0(sizeof(JldTerm *) * c->nslots);
	c->base = base;
	c->original_base = base;
	return c;
}

/* the initial active context of a document (API section 9.1, step 5) */
JldContext *
jld_initial_context(const char *base)
{
	return jld_context_new(base);
}

static JldContext *
context_clone(const JldContext *ac)
{
	JldContext *c = palloc(sizeof(JldContext));

	*c = *ac;
	c->slots = palloc(sizeof(JldTerm *) * ac->nslots);
	memcpy(c->slots, ac->slots, sizeof(JldTerm *) * ac->nslots);
	c->derived = NULL;
	c->in_cache = false;
	return c;
}

static int
term_slot(const JldContext *ac, const char *term)
{
	int			mask = ac->nslots - 1;
	int			s = term_hash(term) & mask;

	while (ac->slots[s] != NULL)
	{
		if (ac->slots[s] != &tombstone && ac->slots[s]->term[0] == term[0] &&
			strcmp(ac->slots[s]->term, term) == 0)
			return s;
		s = (s + 1) & mask;
	}
	return -1;
}

JldTerm *
jld_term(const JldContext *ac, const char *term)
{
	int			s;

	if (term == NULL)
		return NULL;
	s = term_slot(ac, term);
	return s < 0 ? NULL : ac->slots[s];
}

static void
term_remove(JldContext *ac, const char *term)
{
	int			s = term_slot(ac, term);

	if (s >= 0)
		ac->slots[s] = &tombstone;
}

static void
term_set(JldContext *ac, JldTerm *def)
{
	int			s = term_slot(ac, def->term);
	int			mask;

	if (s >= 0)
	{
		ac->slots[s] = def;
		return;
	}
	if ((ac->nterms + 1) * 2 > ac->nslots)
	{
		/* grow, dropping tombstones */
		JldTerm   **old = ac->slots;
		int			oldn = ac->nslots;

		ac->nslots *= 2;
		ac->slots = palloc0(sizeof(JldTerm *) * ac->nslots);
		ac->nterms = 0;
		mask = ac->nslots - 1;
		for (int i = 0; i < oldn; i++)
		{
			if (old[i] != NULL && old[i] != &tombstone)
			{
				int			t = term_hash(old[i]->term) & mask;

				while (ac->slots[t] != NULL)
					t = (t + 1) & mask;
				ac->slots[t] = old[i];
				ac->nterms++;
			}
		}
	}
	mask = ac->nslots - 1;
	s = term_hash(def->term) & mask;
	while (ac->slots[s] != NULL && ac->slots[s] != &tombstone)
		s = (s + 1) & mask;
	if (ac->slots[s] == NULL)
		ac->nterms++;
	ac->slots[s] = def;
}

static bool
context_has_protected(const JldContext *ac)
{
	for (int i = 0; i < ac->nslots; i++)
		if (ac->slots[i] != NULL && ac->slots[i] != &tombstone && ac->slots[i]->protected_)
			return true;
	return false;
}

static bool
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* two definitions are the same other than protected (4.2.2 step 27.1) */
static bool
term_same(const JldTerm *a, const JldTerm *b)
{
	if (!streq(a->iri, b->iri) || !streq(a->type, b->type) ||
		a->has_language != b->has_language || !streq(a->language, b->language) ||
		a->has_direction != b->has_direction || !streq(a->direction, b->direction) ||
		!streq(a->index, b->index) || !streq(a->nest, b->nest) ||
		a->container != b->container || a->prefix != b->prefix ||
		a->reverse != b->reverse || a->has_context != b->has_context)
		return false;
	if (a->has_context && !crjson_deep_equal(a->context, b->context))
		return false;
	return true;
}

/*
 * What Create Term Definition needs of the local context being processed,
 * also when IRI expansion calls it for a dependency (5.2.2 steps 3, 6.3).
 */
struct JldLocal
{
	const CrJson *local;
	JldValue   *defined;
	const char *base_url;
	bool		protected_;		/* @protected of the local context */
	bool		override_protected;
	const JldRemote *remote;
};

static bool defined_state(JldValue *defined, const char *term, bool *done);

static bool create_term_definition(JldProc *p, JldContext *ac, JldLocal *lc,
								   const char *term);

static bool
remote_contains(const JldRemote *remote, const char *url)
{
	for (; remote; remote = remote->next)
		if (strcmp(remote->url, url) == 0)
			return true;
	return false;
}

/*
 * Section 4.1.2, Context Processing.  *result is a new active context;
 * active is not changed.
 */
bool
jld_process_context(JldProc *p, JldContext *active, const CrJson *local,
					const char *base_url, const JldRemote *remote,
					bool override_protected, bool propagate,
					bool validate_scoped, JldContext **result)
{
	JldContext *res;
	const CrJson *const *items;
	const CrJson *single[1];
	int			nitems;

	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	if (!jld_charge(p, 1 + active->nslots / 8))
		return false;

	/* 1 */
	res = context_clone(active);

	/* 2 */
	if (local->kind == CRJ_OBJECT)
	{
		const CrJson *pr = crj_member(local, "@propagate");

		if (pr != NULL && (pr->kind == CRJ_TRUE || pr->kind == CRJ_FALSE))
			propagate = pr->kind == CRJ_TRUE;
	}

	/* 3 */
	if (!propagate && res->previous == NULL)
		res->previous = active;

	/* 4 */
	if (local->kind == CRJ_ARRAY)
	{
		items = (const CrJson *const *) local->u.elems;
		nitems = local->count;
	}
	else
	{
		single[0] = local;
		items = single;
		nitems = 1;
	}

	/* 5 */
	for (int i = 0; i < nitems; i++)
	{
		const CrJson *context = items[i];
		const CrJson *v;
		CrJson	   *merged = NULL;
		JldValue   *defined;
		JldLocal	lc;
		bool		ctx_protected = false;

		/* 5.1 */
		if (context->kind == CRJ_NULL)
		{
			JldContext *prev = res;

			/* 5.1.1 */
			if (!override_protected && context_has_protected(res))
				return jld_error(p, "invalid context nullification",
								 "a context cannot be set to null while it holds protected terms");
			/* 5.1.2 */
			res = jld_context_new(active->original_base);
			if (!propagate)
				res->previous = prev;
			continue;
		}

		/* 5.2 */
		if (context->kind == CRJ_STRING)
		{
			char	   *url;
			const CrJson *loaded;
			JldRemote	r;
			JldContext *sub;

			/* 5.2.1 */
			url = jld_resolve_iri(base_url, context->u.str);
			if (!jld_is_absolute_iri(url))
				return jld_fail(p, "context_unknown",
								"loading document failed: context reference \"%s\" is not an absolute IRI",
								context->u.str);
			/* 5.2.2 */
			if (!validate_scoped && remote_contains(remote, url))
				continue;
			/* 5.2.3 */
			r.depth = remote ? remote->depth + 1 : 1;
			if (r.depth > credreg_jsonld_max_context_depth)
				return jld_fail(p, "jsonld_limit",
								"context overflow: more than %d nested remote contexts (credreg.jsonld_max_context_depth)",
								credreg_jsonld_max_context_depth);
			r.url = url;
			r.next = remote;
			/* 5.2.4, 5.2.5 */
			if (!jld_load_context(p, url, &loaded))
				return false;
			/* 5.2.6 */
			if (!jld_process_context(p, res, loaded, url, &r, false, true,
									 validate_scoped, &sub))
				return false;
			res = sub;
			continue;
		}

		/* 5.3 */
		if (context->kind != CRJ_OBJECT)
			return jld_error(p, "invalid local context",
							 "a context must be null, a string, an object or an array of these");

		/* 5.5 */
		if ((v = crj_member(context, "@version")) != NULL)
		{
			double		d;

			if (v->kind != CRJ_NUMBER || !crjson_number_value(v, &d) || d != 1.1)
				return jld_error(p, "invalid @version value", "@version must be 1.1");
		}

		/* 5.6 */
		if ((v = crj_member(context, "@import")) != NULL)
		{
			char	   *url;
			const CrJson *imported;
			int			n;

			/* 5.6.2 */
			if (v->kind != CRJ_STRING)
				return jld_error(p, "invalid @import value", "@import must be a string");
			/* 5.6.3 */
			url = jld_resolve_iri(base_url, v->u.str);
			/* 5.6.4, 5.6.5 */
			if (!jld_load_context(p, url, &imported))
				return false;
			/* 5.6.6 */
			if (imported->kind != CRJ_OBJECT)
				return jld_error(p, "invalid remote context",
								 "the context imported from \"%s\" is not an object", url);
			/* 5.6.7 */
			if (crj_member(imported, "@import") != NULL)
				return jld_error(p, "invalid context entry",
								 "the context imported from \"%s\" has an @import entry", url);
			/* 5.6.8: context merged into import context */
			merged = palloc(sizeof(CrJson));
			merged->kind = CRJ_OBJECT;
			merged->u.members = palloc(sizeof(CrJsonMember) * (imported->count + context->count));
			n = 0;
			for (int k = 0; k < imported->count; k++)
				if (crj_member(context, imported->u.members[k].name) == NULL)
					merged->u.members[n++] = imported->u.members[k];
			for (int k = 0; k < context->count; k++)
				merged->u.members[n++] = context->u.members[k];
			merged->count = n;
			context = merged;
		}

		/* 5.7 */
		if ((v = crj_member(context, "@base")) != NULL && remote == NULL)
		{
			if (v->kind == CRJ_NULL)
				res->base = NULL;	/* 5.7.2 */
			else if (v->kind == CRJ_STRING && jld_is_absolute_iri(v->u.str))
				res->base = v->u.str;	/* 5.7.3 */
			else if (v->kind == CRJ_STRING && res->base != NULL)
				res->base = jld_resolve_iri(res->base, v->u.str);	/* 5.7.4 */
			else
				return jld_error(p, "invalid base IRI", "@base must be null or an IRI");	/* 5.7.5 */
		}

		/* 5.8 */
		if ((v = crj_member(context, "@vocab")) != NULL)
		{
			if (v->kind == CRJ_NULL)
				res->vocab = NULL;
			else if (v->kind == CRJ_STRING)
			{
				const char *vocab;

				if (!jld_expand_iri(p, res, v->u.str, true, true, NULL, &vocab))
					return false;
				if (vocab == NULL || (!jld_is_absolute_iri(vocab) && !jld_is_bnode(vocab) &&
									  !(p->safe_mode == false && vocab[0] != '@')))
					return jld_error(p, "invalid vocab mapping",
									 "@vocab must be an IRI or a blank node identifier");
				if (p->safe_mode && !jld_is_absolute_iri(vocab) && !jld_is_bnode(vocab))
					return jld_fail(p, "jsonld_dropped_term",
									"@vocab \"%s\" is a relative IRI", vocab);
				res->vocab = vocab;
			}
			else
				return jld_error(p, "invalid vocab mapping",
								 "@vocab must be null or a string");
		}

		/* 5.9 */
		if ((v = crj_member(context, "@language")) != NULL)
		{
			if (v->kind == CRJ_NULL)
				res->language = NULL;
			else if (v->kind == CRJ_STRING)
				res->language = jld_str_lower(v->u.str);
			else
				return jld_error(p, "invalid default language",
								 "@language must be null or a string");
		}

		/* 5.10 */
		if ((v = crj_member(context, "@direction")) != NULL)
		{
			if (v->kind == CRJ_NULL)
				res->direction = NULL;
			else if (crjson_is_string(v, "ltr") || crjson_is_string(v, "rtl"))
				res->direction = v->u.str;
			else
				return jld_error(p, "invalid base direction",
								 "@direction must be null, \"ltr\" or \"rtl\"");
		}

		/* 5.11 */
		if ((v = crj_member(context, "@propagate")) != NULL &&
			v->kind != CRJ_TRUE && v->kind != CRJ_FALSE)
			return jld_error(p, "invalid @propagate value", "@propagate must be a boolean");

		if ((v = crj_member(context, "@protected")) != NULL)
		{
			if (v->kind != CRJ_TRUE && v->kind != CRJ_FALSE)
				return jld_error(p, "invalid @protected value", "@protected must be a boolean");
			ctx_protected = v->kind == CRJ_TRUE;
		}

		/* 5.12 */
		defined = jv_object();
		lc.local = context;
		lc.defined = defined;
		lc.base_url = base_url;
		lc.protected_ = ctx_protected;
		lc.override_protected = override_protected;
		lc.remote = remote;

		/* 5.13 */
		for (int k = 0; k < context->count; k++)
		{
			const char *key = context->u.members[k].name;

			if (strcmp(key, "@base") == 0 || strcmp(key, "@direction") == 0 ||
				strcmp(key, "@import") == 0 || strcmp(key, "@language") == 0 ||
				strcmp(key, "@propagate") == 0 || strcmp(key, "@protected") == 0 ||
				strcmp(key, "@version") == 0 || strcmp(key, "@vocab") == 0)
				continue;
			if (!create_term_definition(p, res, &lc, key))
				return false;
		}
	}

	/* 6 */
	res->has_protected = context_has_protected(res);
	*result = res;
	return true;
}

/* state of term in defined: false = absent; *done = true once defined */
static bool
defined_state(JldValue *defined, const char *term, bool *done)
{
	JldValue   *v = jv_get(defined, term);

	if (v == NULL)
		return false;
	*done = (v == DEFINED_TRUE);
	return true;
}

static void
defined_set(JldValue *defined, const char *term, bool done)
{
	static JldValue in_progress;

	jv_put(defined, term, done ? DEFINED_TRUE : &in_progress);
}

static bool
parse_container(JldProc *p, const CrJson *v, int *bits)
{
	static const struct
	{
		const char *name;
		int			bit;
	}			names[] = {
		{"@graph", JLD_C_GRAPH}, {"@id", JLD_C_ID}, {"@index", JLD_C_INDEX},
		{"@language", JLD_C_LANGUAGE}, {"@list", JLD_C_LIST}, {"@set", JLD_C_SET},
		{"@type", JLD_C_TYPE}, {NULL, 0}
	};
	const CrJson *const *items;
	const CrJson *single[1];
	int			n;
	int			b = 0;
	int			others;

	if (v->kind == CRJ_ARRAY)
	{
		items = (const CrJson *const *) v->u.elems;
		n = v->count;
	}
	else
	{
		single[0] = v;
		items = single;
		n = 1;
	}
	for (int i = 0; i < n; i++)
	{
		int			bit = 0;

		if (items[i]->kind == CRJ_STRING)
			for (int k = 0; names[k].name; k++)
				if (strcmp(items[i]->u.str, names[k].name) == 0)
					bit = names[k].bit;
		if (bit == 0 || (b & bit))
			return jld_error(p, "invalid container mapping", "invalid @container value");
		b |= bit;
	}
	/* 19.1: which combinations are allowed */
	if (n > 1)
	{
		if (b & JLD_C_LIST)
			return jld_error(p, "invalid container mapping", "@list cannot be combined with other containers");
		if (b & JLD_C_GRAPH)
		{
			others = b & ~(JLD_C_GRAPH | JLD_C_SET);
			if (others != 0 && others != JLD_C_ID && others != JLD_C_INDEX)
				return jld_error(p, "invalid container mapping", "invalid combination of containers with @graph");
		}
		else
		{
			others = b & ~JLD_C_SET;
			if (!(b & JLD_C_SET) || (others & (others - 1)) != 0)
				return jld_error(p, "invalid container mapping", "invalid combination of containers");
		}
	}
	*bits = b;
	return true;
}

/* Section 4.2.2, Create Term Definition. */
static bool
create_term_definition(JldProc *p, JldContext *ac, JldLocal *lc, const char *term)
{
	const CrJson *local = lc->local;
	JldValue   *defined = lc->defined;
	const char *base_url = lc->base_url;
	bool		override_protected = lc->override_protected;
	const JldRemote *remote = lc->remote;
	bool		done;
	const CrJson *value;
	const CrJson *v;
	JldTerm    *previous;
	JldTerm    *def;
	bool		simple_term;
	const char *colon;

	check_stack_depth();

	/* 1 */
	if (defined_state(defined, term, &done))
	{
		if (done)
			return true;
		return jld_error(p, "cyclic IRI mapping", "term \"%s\" is defined through itself", term);
	}

	/* 2 */
	if (term[0] == '\0')
		return jld_error(p, "invalid term definition", "the empty string cannot be a term");
	defined_set(defined, term, false);

	/* 3 */
	value = crj_member(local, term);

	/* 4 */
	if (strcmp(term, "@type") == 0)
	{
		bool		ok = value->kind == CRJ_OBJECT && value->count > 0;

		for (int i = 0; ok && i < value->count; i++)
		{
			const char *k = value->u.members[i].name;

			if (strcmp(k, "@container") == 0)
				ok = crjson_is_string(value->u.members[i].value, "@set");
			else if (strcmp(k, "@protected") != 0)
				ok = false;
		}
		if (!ok)
			return jld_error(p, "keyword redefinition", "@type can only be given @container @set and @protected");
	}
	/* 5 */
	else if (jld_is_keyword(term))
		return jld_error(p, "keyword redefinition", "keyword \"%s\" cannot be redefined", term);
	else if (jld_has_keyword_form(term))
	{
		if (p->safe_mode)
			return jld_fail(p, "jsonld_dropped_term",
							"term \"%s\" has the form of a keyword and is ignored", term);
		defined_set(defined, term, true);
		return true;
	}

	/* 6 */
	previous = jld_term(ac, term);
	term_remove(ac, term);

	/* 10 */
	def = palloc0(sizeof(JldTerm));
	def->term = term;
	def->protected_ = lc->protected_;

	/* 7, 8, 9 */
	if (value->kind == CRJ_NULL || value->kind == CRJ_STRING)
	{
		CrJson	   *m = palloc(sizeof(CrJson));

		m->kind = CRJ_OBJECT;
		m->count = 1;
		m->u.members = palloc(sizeof(CrJsonMember));
		m->u.members[0].name = "@id";
		m->u.members[0].name_len = 3;
		m->u.members[0].value = (CrJson *) value;
		simple_term = value->kind == CRJ_STRING;
		value = m;
	}
	else if (value->kind == CRJ_OBJECT)
		simple_term = false;
	else
		return jld_error(p, "invalid term definition",
						 "the definition of term \"%s\" must be null, a string or an object", term);

	/* 11 */
	if ((v = crj_member(value, "@protected")) != NULL)
	{
		if (v->kind != CRJ_TRUE && v->kind != CRJ_FALSE)
			return jld_error(p, "invalid @protected value", "@protected must be a boolean");
		def->protected_ = v->kind == CRJ_TRUE;
	}

	/* 12 */
	if ((v = crj_member(value, "@type")) != NULL)
	{
		const char *type;

		if (v->kind != CRJ_STRING)
			return jld_error(p, "invalid type mapping", "the @type of term \"%s\" must be a string", term);
		if (!jld_expand_iri(p, ac, v->u.str, false, true, lc, &type))
			return false;
		if (type == NULL ||
			(strcmp(type, "@id") != 0 && strcmp(type, "@json") != 0 &&
			 strcmp(type, "@none") != 0 && strcmp(type, "@vocab") != 0 &&
			 !jld_is_datatype_iri(type)))
			return jld_error(p, "invalid type mapping", "invalid @type \"%s\" for term \"%s\"", v->u.str, term);
		def->type = type;
	}

	/* 13 */
	if ((v = crj_member(value, "@reverse")) != NULL)
	{
		const char *iri;
		const CrJson *c;

		if (crj_member(value, "@id") != NULL || crj_member(value, "@nest") != NULL)
			return jld_error(p, "invalid reverse property", "a reverse property cannot have @id or @nest");
		if (v->kind != CRJ_STRING)
			return jld_error(p, "invalid IRI mapping", "@reverse must be a string");
		if (jld_has_keyword_form(v->u.str))
		{
			if (p->safe_mode)
				return jld_fail(p, "jsonld_dropped_term",
								"@reverse \"%s\" has the form of a keyword", v->u.str);
			defined_set(defined, term, true);
			return true;
		}
		if (!jld_expand_iri(p, ac, v->u.str, false, true, lc, &iri))
			return false;
		if (iri == NULL || (!jld_is_absolute_iri(iri) && !jld_is_bnode(iri)))
			return jld_error(p, "invalid IRI mapping", "@reverse of term \"%s\" is not an IRI", term);
		def->iri = iri;
		if ((c = crj_member(value, "@container")) != NULL)
		{
			if (c->kind == CRJ_NULL)
				def->container = 0;
			else if (crjson_is_string(c, "@set"))
				def->container = JLD_C_SET;
			else if (crjson_is_string(c, "@index"))
				def->container = JLD_C_INDEX;
			else
				return jld_error(p, "invalid reverse property",
								 "a reverse property can only have an @set or @index container");
		}
		def->reverse = true;
		/*
		 * 13.7 returns here; the test suite (expand#t0131) expects an
		 * @index mapping of a reverse property to apply, so the remaining
		 * entries are read as for other terms.
		 */
		goto step20;
	}

	/* 14 */
	v = crj_member(value, "@id");
	if (v != NULL && !crjson_is_string(v, term))
	{
		if (v->kind == CRJ_NULL)
		{
			/* 14.1 */
			def->iri = NULL;
		}
		else
		{
			const char *iri;

			/* 14.2.1 */
			if (v->kind != CRJ_STRING)
				return jld_error(p, "invalid IRI mapping", "@id of term \"%s\" must be a string", term);
			/* 14.2.2 */
			if (!jld_is_keyword(v->u.str) && jld_has_keyword_form(v->u.str))
			{
				if (p->safe_mode)
					return jld_fail(p, "jsonld_dropped_term",
									"@id \"%s\" of term \"%s\" has the form of a keyword", v->u.str, term);
				defined_set(defined, term, true);
				return true;
			}
			/* 14.2.3 */
			if (!jld_expand_iri(p, ac, v->u.str, false, true, lc, &iri))
				return false;
			if (iri == NULL || (!jld_is_keyword(iri) && !jld_is_absolute_iri(iri) && !jld_is_bnode(iri)))
				return jld_error(p, "invalid IRI mapping", "term \"%s\" does not map to an IRI", term);
			if (strcmp(iri, "@context") == 0)
				return jld_error(p, "invalid keyword alias", "@context cannot be aliased");
			def->iri = iri;
			/* 14.2.4 */
			colon = strchr(term + 1, ':');
			if ((colon != NULL && colon[1] != '\0') || strchr(term, '/') != NULL)
			{
				const char *again;

				defined_set(defined, term, true);
				if (!jld_expand_iri(p, ac, term, false, true, lc, &again))
					return false;
				if (!streq(again, iri))
					return jld_error(p, "invalid IRI mapping",
									 "term \"%s\" looks like an IRI but maps to a different IRI", term);
			}
			/* 14.2.5 */
			if (strchr(term, ':') == NULL && strchr(term, '/') == NULL && simple_term)
			{
				char		last = iri[0] ? iri[strlen(iri) - 1] : '\0';

				if ((last != '\0' && strchr(":/?#[]@", last) != NULL) || jld_is_bnode(iri))
					def->prefix = true;
			}
		}
	}
	/* 15 */
	else if ((colon = strchr(term + 1, ':')) != NULL)
	{
		char	   *prefix = pnstrdup(term, colon - term);
		const char *suffix = colon + 1;
		JldTerm    *pdef;

		/* 15.1 */
		if (!(suffix[0] == '/' && suffix[1] == '/') && crj_member(local, prefix) != NULL)
		{
			if (!create_term_definition(p, ac, lc, prefix))
				return false;
		}
		/* 15.2 */
		if ((pdef = jld_term(ac, prefix)) != NULL && pdef->iri != NULL)
			def->iri = psprintf("%s%s", pdef->iri, suffix);
		else
			def->iri = term;	/* 15.3 */
	}
	/* 16 */
	else if (strchr(term, '/') != NULL)
	{
		const char *iri;

		if (!jld_expand_iri(p, ac, term, false, true, NULL, &iri))
			return false;
		if (iri == NULL || !jld_is_absolute_iri(iri))
			return jld_error(p, "invalid IRI mapping", "term \"%s\" is a relative IRI", term);
		def->iri = iri;
	}
	/* 17 */
	else if (strcmp(term, "@type") == 0)
		def->iri = "@type";
	/* 18 */
	else if (ac->vocab != NULL)
		def->iri = psprintf("%s%s", ac->vocab, term);
	else
		return jld_error(p, "invalid IRI mapping",
						 "term \"%s\" has no @id and there is no @vocab", term);

	/* 19 */
	if ((v = crj_member(value, "@container")) != NULL)
	{
		if (!parse_container(p, v, &def->container))
			return false;
		/* 19.4 */
		if (def->container & JLD_C_TYPE)
		{
			if (def->type == NULL)
				def->type = "@id";
			else if (strcmp(def->type, "@id") != 0 && strcmp(def->type, "@vocab") != 0)
				return jld_error(p, "invalid type mapping",
								 "a term with an @type container must have @type @id or @vocab");
		}
	}

step20:
	/* 20 */
	if ((v = crj_member(value, "@index")) != NULL)
	{
		const char *idx;

		if (!(def->container & JLD_C_INDEX) || v->kind != CRJ_STRING)
			return jld_error(p, "invalid term definition", "@index needs an @index container and a string");
		if (!jld_expand_iri(p, ac, v->u.str, false, true, lc, &idx))
			return false;
		if (idx == NULL || !jld_is_absolute_iri(idx))
			return jld_error(p, "invalid term definition", "@index \"%s\" does not expand to an IRI", v->u.str);
		def->index = v->u.str;
	}

	/* 21 */
	if ((v = crj_member(value, "@context")) != NULL)
	{
		JldContext *discard;

		/* 21.3: validate now, apply later */
		if (!jld_process_context(p, ac, v, base_url, remote, true, true, false, &discard))
		{
			if (p->failure->code != NULL && strcmp(p->failure->code, "jsonld_invalid") == 0)
			{
				char	   *inner = p->failure->message;

				p->failure->code = NULL;
				return jld_error(p, "invalid scoped context", "in the definition of term \"%s\": %s",
								 term, inner);
			}
			return false;
		}
		def->has_context = true;
		def->context = v;
		def->context_base = base_url;
	}

	/* 22 */
	if ((v = crj_member(value, "@language")) != NULL && crj_member(value, "@type") == NULL)
	{
		if (v->kind != CRJ_NULL && v->kind != CRJ_STRING)
			return jld_error(p, "invalid language mapping", "@language must be null or a string");
		def->has_language = true;
		def->language = v->kind == CRJ_STRING ? jld_str_lower(v->u.str) : NULL;
	}

	/* 23 */
	if ((v = crj_member(value, "@direction")) != NULL && crj_member(value, "@type") == NULL)
	{
		if (v->kind == CRJ_NULL)
			def->direction = NULL;
		else if (crjson_is_string(v, "ltr") || crjson_is_string(v, "rtl"))
			def->direction = v->u.str;
		else
			return jld_error(p, "invalid base direction", "@direction must be null, \"ltr\" or \"rtl\"");
		def->has_direction = true;
	}

	/* 24 */
	if ((v = crj_member(value, "@nest")) != NULL)
	{
		if (v->kind != CRJ_STRING || (jld_is_keyword(v->u.str) && strcmp(v->u.str, "@nest") != 0))
			return jld_error(p, "invalid @nest value", "@nest must be a term or @nest");
		def->nest = v->u.str;
	}

	/* 25 */
	if ((v = crj_member(value, "@prefix")) != NULL)
	{
		if (strchr(term, ':') != NULL || strchr(term, '/') != NULL)
			return jld_error(p, "invalid term definition", "term \"%s\" cannot have @prefix", term);
		if (v->kind != CRJ_TRUE && v->kind != CRJ_FALSE)
			return jld_error(p, "invalid @prefix value", "@prefix must be a boolean");
		def->prefix = v->kind == CRJ_TRUE;
		if (def->prefix && def->iri != NULL && jld_is_keyword(def->iri))
			return jld_error(p, "invalid term definition", "a keyword alias cannot be a prefix");
	}

	/* 26 */
	for (int i = 0; i < value->count; i++)
	{
		const char *k = value->u.members[i].name;

		if (strcmp(k, "@id") != 0 && strcmp(k, "@reverse") != 0 &&
			strcmp(k, "@container") != 0 && strcmp(k, "@context") != 0 &&
			strcmp(k, "@direction") != 0 && strcmp(k, "@index") != 0 &&
			strcmp(k, "@language") != 0 && strcmp(k, "@nest") != 0 &&
			strcmp(k, "@prefix") != 0 && strcmp(k, "@protected") != 0 &&
			strcmp(k, "@type") != 0)
			return jld_error(p, "invalid term definition", "term \"%s\" has an invalid entry \"%s\"", term, k);
	}

	/* 27 */
	if (!override_protected && previous != NULL && previous->protected_)
	{
		if (!term_same(def, previous))
			return jld_error(p, "protected term redefinition", "protected term \"%s\" cannot be redefined", term);
		def = previous;
	}

	/* 28 */
	term_set(ac, def);
	defined_set(defined, term, true);
	return true;
}

/* Section 5.2.2, IRI Expansion.  *result NULL means null. */
bool
jld_expand_iri(JldProc *p, JldContext *ac, const char *value,
			   bool doc_relative, bool vocab, JldLocal *lc, const char **result)
{
	const CrJson *local = lc ? lc->local : NULL;
	JldValue   *defined = lc ? lc->defined : NULL;
	JldTerm    *def;
	const char *colon;
	bool		done;

	/* 1 */
	if (value == NULL || jld_is_keyword(value))
	{
		*result = value;
		return true;
	}
	/* 2 */
	if (jld_has_keyword_form(value))
	{
		*result = NULL;
		return true;
	}
	/* 3 */
	if (local != NULL && crj_member(local, value) != NULL &&
		!(defined_state(defined, value, &done) && done))
	{
		if (!create_term_definition(p, ac, lc, value))
			return false;
	}
	def = jld_term(ac, value);
	/* 4 */
	if (def != NULL && def->iri != NULL && jld_is_keyword(def->iri))
	{
		*result = def->iri;
		return true;
	}
	/* 5 */
	if (vocab && def != NULL)
	{
		*result = def->iri;
		return true;
	}
	/* 6 (a colon after the first character; "" has none, and no byte after its end) */
	colon = value[0] != '\0' ? strchr(value + 1, ':') : NULL;
	if (colon != NULL)
	{
		/* 6.1 */
		char	   *prefix = pnstrdup(value, colon - value);
		const char *suffix = colon + 1;
		JldTerm    *pdef;

		/* 6.2 */
		if (strcmp(prefix, "_") == 0 || (suffix[0] == '/' && suffix[1] == '/'))
		{
			*result = value;
			return true;
		}
		/* 6.3 */
		if (local != NULL && crj_member(local, prefix) != NULL &&
			!(defined_state(defined, prefix, &done) && done))
		{
			if (!create_term_definition(p, ac, lc, prefix))
				return false;
		}
		/* 6.4 */
		pdef = jld_term(ac, prefix);
		if (pdef != NULL && pdef->iri != NULL && pdef->prefix)
		{
			*result = psprintf("%s%s", pdef->iri, suffix);
			return true;
		}
		/* 6.5 */
		if (jld_is_absolute_iri(value))
		{
			*result = value;
			return true;
		}
	}
	/* 7 */
	if (vocab && ac->vocab != NULL)
	{
		*result = psprintf("%s%s", ac->vocab, value);
		return true;
	}
	/* 8 */
	if (doc_relative)
	{
		*result = ac->base ? jld_resolve_iri(ac->base, value) : value;
		return true;
	}
	/* 9 */
	*result = value;
	return true;
}
