/*
 * jsonld_int.h
 *		Internals shared by the files of src/jsonld: the mutable value tree of
 *		expanded documents, active contexts and term definitions, and the
 *		processor state that carries the failure.
 */
#ifndef CREDREG_JSONLD_INT_H
#define CREDREG_JSONLD_INT_H

#include "jsonld/jsonld.h"
#include "rdf/dataset.h"

/*
 * Values of the expanded form and of the node map.  Unlike CrJson these are
 * built and changed in place.  Objects keep their entries in insertion order
 * and grow a hash index once they are large.  A JLD_RAW value wraps an input
 * CrJson unchanged: scalars, and the value of a JSON literal (@type @json).
 */
typedef enum JldKind
{
	JLD_NULL,
	JLD_FALSE,
	JLD_TRUE,
	JLD_NUMBER,
	JLD_STRING,
	JLD_ARRAY,
	JLD_OBJECT,
	JLD_RAW
} JldKind;

typedef struct JldValue JldValue;

struct JldValue
{
	JldKind		kind;
	int			count;			/* ARRAY: elements; OBJECT: entries */
	int			cap;
	const char *str;			/* STRING: text; NUMBER: literal as written */
	JldValue  **elems;			/* ARRAY elements, OBJECT values */
	const char **keys;			/* OBJECT keys */
	int		   *index;			/* OBJECT hash index (cap*2 slots) or NULL */
	const CrJson *raw;			/* RAW */
	MemoryContext cxt;			/* where the value was made: its parts go there */
};

extern JldValue *jv_new(JldKind kind);
extern JldValue *jv_string(const char *s);
extern JldValue *jv_array(void);
extern JldValue *jv_object(void);
extern JldValue *jv_raw(const CrJson *v);
extern JldValue *jv_from_scalar(const CrJson *v);	/* null, bool, number, string */
extern void jv_append(JldValue *arr, JldValue *v);
extern JldValue *jv_get(const JldValue *obj, const char *key);
extern void jv_put(JldValue *obj, const char *key, JldValue *v);
extern bool jv_equal(const JldValue *a, const JldValue *b);
extern void jv_append_json(StringInfo out, const JldValue *v);
extern void jld_append_json_string(StringInfo out, const char *s);
extern bool crjson_deep_equal(const CrJson *a, const CrJson *b);
extern CrJson *crjson_deep_copy(const CrJson *v);
extern const CrJson *crj_member(const CrJson *obj, const char *name);

/* Scalar tests on CrJson */
#define CRJ_IS_SCALAR(v) ((v)->kind != CRJ_ARRAY && (v)->kind != CRJ_OBJECT && (v)->kind != CRJ_NULL)

/* container mapping bits (create term definition, step 19) */
#define JLD_C_LIST		0x01
#define JLD_C_SET		0x02
#define JLD_C_GRAPH		0x04
#define JLD_C_ID		0x08
#define JLD_C_INDEX		0x10
#define JLD_C_LANGUAGE	0x20
#define JLD_C_TYPE		0x40

typedef struct JldTerm
{
	const char *term;
	const char *iri;			/* IRI mapping; NULL when @id is null */
	const char *type;			/* type mapping or NULL */
	const char *language;		/* language mapping (NULL = null) */
	const char *direction;		/* direction mapping (NULL = null) */
	const char *index;			/* index mapping or NULL */
	const char *nest;			/* nest value or NULL */
	const CrJson *context;		/* local context (scoped context) */
	const char *context_base;	/* base URL of the scoped context */
	int			container;		/* JLD_C_* bits */
	bool		has_language;
	bool		has_direction;
	bool		has_context;
	bool		prefix;
	bool		protected_;
	bool		reverse;
} JldTerm;

/*
 * An active context.  Term definitions are shared between contexts (never
 * changed once made); the table of pointers is copied when a context is
 * cloned (context processing, step 1).
 */
typedef struct JldContext JldContext;

struct JldContext
{
	JldTerm   **slots;			/* open addressing, NULL = empty */
	int			nslots;			/* power of two */
	int			nterms;			/* slots in use, tombstones included */
	const char *base;			/* base IRI, NULL = none */
	const char *original_base;
	const char *vocab;
	const char *language;
	const char *direction;
	JldContext *previous;
	bool		has_protected;
	bool		in_cache;		/* lives in the cache (jsonld_cache.c) */
	/* processed scoped contexts derived from this one (jsonld_cache.c) */
	struct JldDerived *derived;
};

/* processor state */
typedef struct JldProc
{
	CredregFailure *failure;
	bool		safe_mode;
	int64		nodes;			/* values made, against jsonld_max_nodes */
	int			bnode_counter;
	JldValue   *bnode_map;		/* identifier map of section 7.4 */
} JldProc;

/* Remote contexts being processed (context processing, step 5.2.3) */
typedef struct JldRemote
{
	const char *url;
	int			depth;
	const struct JldRemote *next;
} JldRemote;

/* failures: always return false */
extern bool jld_error(JldProc *p, const char *ldcode, const char *fmt,...) pg_attribute_printf(3, 4);
extern bool jld_fail(JldProc *p, const char *code, const char *fmt,...) pg_attribute_printf(3, 4);
extern bool jld_count(JldProc *p);
extern bool jld_charge(JldProc *p, int64 units);

/* IRIs (jsonld_iri.c) */
extern bool jld_is_keyword(const char *s);
extern bool jld_has_keyword_form(const char *s);
extern bool jld_is_absolute_iri(const char *s);
extern bool jld_is_datatype_iri(const char *s);
extern bool jld_is_bnode(const char *s);
extern bool jld_is_wellformed_iri(const char *s);
extern bool jld_is_wellformed_language(const char *s);
extern char *jld_resolve_iri(const char *base, const char *ref);
extern char *jld_str_lower(const char *s);

/* contexts (jsonld_context.c) */
extern JldContext *jld_context_new(const char *base);
extern JldTerm *jld_term(const JldContext *ac, const char *term);
extern bool jld_process_context(JldProc *p, JldContext *active, const CrJson *local,
								const char *base_url, const JldRemote *remote,
								bool override_protected, bool propagate,
								bool validate_scoped, JldContext **result);
typedef struct JldLocal JldLocal;
extern bool jld_expand_iri(JldProc *p, JldContext *ac, const char *value,
						   bool doc_relative, bool vocab, JldLocal *lc,
						   const char **result);

/* the context store (jsonld_cache.c) */
extern bool jld_load_context(JldProc *p, const char *url, const CrJson **context);
extern bool jld_process_context_cached(JldProc *p, JldContext *active, const CrJson *local,
									   const char *base_url, bool override_protected,
									   bool propagate, bool local_resident,
									   JldContext **result);
extern void jld_cache_begin(void);
extern JldContext *jld_initial_context(const char *base);

/* expansion (jsonld_expand.c) */
extern bool jld_expand(JldProc *p, const CrJson *doc, const char *base, JldValue **result);

/* deserialization to RDF (jsonld_rdf.c) */
extern bool jld_to_dataset(JldProc *p, JldValue *expanded, RdfDataset *ds);
extern void jld_write_sorted(const RdfDataset *ds, StringInfo out);

#endif							/* CREDREG_JSONLD_INT_H */
