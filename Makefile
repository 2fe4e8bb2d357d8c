# credreg — PGXS build.
#
# `make demo` and `make test` are the two commands a new user runs (README.md):
# both install what is missing with apt-get, build with warnings as errors,
# install, and run a throwaway cluster under the working tree
# (test/harness/cluster.sh).  Everything else is ordinary PGXS.

EXTENSION = credreg
EXTVERSION = 0.2.0

MODULE_big = credreg
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/*/*.c)))
PGFILEDESC = "credreg - verifiable credentials for PostgreSQL"

# The install script is assembled from one fragment per capability, in
# dependency order; each fragment sits beside the C code it declares.  One
# file a line; every listed file must exist (checked below, after PGXS).
SQL_PARTS = src/credreg.sql
SQL_PARTS += src/util/util.sql
SQL_PARTS += src/json/json.sql
SQL_PARTS += src/crypto/crypto.sql
SQL_PARTS += src/crypto/pubkey_parse.sql
SQL_PARTS += src/status/status.sql
SQL_PARTS += src/did/did.sql
SQL_PARTS += src/jose/jose.sql
SQL_PARTS += src/rdf/rdf.sql
# table, pinned rows (generated from data/contexts, see check-generated), rules and functions
SQL_PARTS += src/jsonld/context_table.sql
SQL_PARTS += src/jsonld/context_seed.sql
SQL_PARTS += src/jsonld/jsonld.sql
SQL_PARTS += src/dataint/dataint.sql
SQL_PARTS += src/verify/verify.sql
SQL_PARTS += src/blockcerts/blockcerts.sql
SQL_PARTS += src/schema/schema.sql
SQL_PARTS += src/ob2/ob2.sql
SQL_PARTS += src/sdjwt/sdjwt.sql
SQL_PARTS += src/baked/baked.sql
SQL_PARTS += src/present/present.sql
SQL_PARTS += src/taxonomy/taxonomy.sql
SQL_PARTS += src/stack/stack.sql
SQL_PARTS += src/stack/progress_state.sql
SQL_PARTS += src/stack/next_best.sql
SQL_PARTS += src/taxonomy/occupation.sql
SQL_PARTS += src/taxonomy/readiness.sql
SQL_PARTS += src/registrar/registrar.sql
SQL_PARTS += src/log/log.sql
SQL_PARTS += src/registry/registry.sql
SQL_PARTS += src/taxonomy/snapshot.sql
SQL_PARTS += src/citus/citus.sql
SQL_PARTS += src/privileges.sql

# Versions and updates (README, section "Upgrading").
#
# A released version's install script is frozen: src/upgrade/ keeps
# credreg--0.1.0.sql exactly as 0.1.0 shipped it, so the update path can be
# tested from a real 0.1.0 install (sql/upgrade.sql), and any frozen update
# scripts of older steps.  DATA ships all of them.
#
# The update script to EXTVERSION is assembled like the install script:
#   - a NEW object goes into a new fragment, listed in SQL_PARTS and in
#     UPGRADE_PARTS (the same CREATE statements serve both);
#   - a CHANGE to an object 0.1.0 had goes into
#     src/<capability>/<capability>--0.1.0--0.2.0.sql (CREATE OR REPLACE,
#     ALTER ...), listed in UPGRADE_PARTS; the install fragment is changed
#     too, so a fresh install and an updated one end up the same.
# sql/upgrade.sql compares the catalog of both, object by object.
#
# Releasing the next version: copy the built credreg--$(EXTVERSION).sql and
# credreg--$(PREVIOUS)--$(EXTVERSION).sql into src/upgrade/, bump EXTVERSION
# and PREVIOUS, and start UPGRADE_PARTS afresh.
#
# UPGRADE_PARTS is only ever appended to (+=), in dependency order, so that
# the lines several capabilities add never override one another; the
# header (the \echo guard) always comes first.
PREVIOUS = 0.1.0
UPGRADE_HEADER = src/upgrade/upgrade.sql
UPGRADE_PARTS += src/upgrade/upgrade--0.1.0--0.2.0.sql
# Changes to objects 0.1.0 had.
UPGRADE_PARTS += src/jsonld/jsonld--0.1.0--0.2.0.sql
UPGRADE_PARTS += src/taxonomy/taxonomy--0.1.0--0.2.0.sql
UPGRADE_PARTS += src/stack/stack--0.1.0--0.2.0.sql
# Objects new in 0.2.0, by capability (the same fragments as in SQL_PARTS).
UPGRADE_PARTS += src/crypto/pubkey_parse.sql
UPGRADE_PARTS += src/did/did.sql
UPGRADE_PARTS += src/sdjwt/sdjwt.sql
UPGRADE_PARTS += src/baked/baked.sql
UPGRADE_PARTS += src/present/present.sql
UPGRADE_PARTS += src/blockcerts/blockcerts.sql
UPGRADE_PARTS += src/schema/schema.sql
UPGRADE_PARTS += src/ob2/ob2.sql
UPGRADE_PARTS += src/stack/progress_state.sql
UPGRADE_PARTS += src/stack/next_best.sql
UPGRADE_PARTS += src/taxonomy/occupation.sql
UPGRADE_PARTS += src/taxonomy/readiness.sql
UPGRADE_PARTS += src/registrar/registrar.sql
UPGRADE_PARTS += src/log/log.sql
UPGRADE_PARTS += src/registry/registry.sql
UPGRADE_PARTS += src/taxonomy/snapshot.sql
UPGRADE_PARTS += src/citus/citus.sql
# Privileges last, so that every object exists.
UPGRADE_PARTS += src/privileges.sql
UPGRADE_SCRIPT = $(EXTENSION)--$(PREVIOUS)--$(EXTVERSION).sql

DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(UPGRADE_SCRIPT)
DATA = $(wildcard src/upgrade/$(EXTENSION)--*.sql)


# pg_regress: every sql/NAME.sql is a test compared with expected/NAME.out.
REGRESS ?= $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)

# Warnings are errors: the project builds clean or not at all.
PG_CPPFLAGS = -Isrc
PG_CFLAGS += -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-missing-field-initializers -Wno-sign-compare $(OPTFLAGS)
SHLIB_LINK += -lcrypto -lz
# calls between credreg's own functions bound at link time: a new backend's
# dlopen (RTLD_NOW) then resolves only the symbols of PostgreSQL and the
# libraries, not 280 of its own (measured in README, "Per-backend caches")
SHLIB_LINK += -Wl,-Bsymbolic-functions

# `make test SANITIZE=1`: AddressSanitizer and UndefinedBehaviorSanitizer
# (gcc's runtimes).  An undefined-behaviour report aborts the backend like an
# ASan report does (-fno-sanitize-recover), so no finding scrolls past; the
# harness starts the server with libasan preloaded (README, "Memory checks and
# fuzzing").  Objects record the flavour they were built with (.build-flavor):
# switching between SANITIZE=1 and a normal build recompiles everything, so
# sanitized and plain objects never mix.
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
ifneq ($(SANITIZE),)
PG_CFLAGS += $(SANITIZE_FLAGS)
SHLIB_LINK += $(SANITIZE_FLAGS)
export SANITIZE
endif
BUILD_FLAVOR = $(if $(SANITIZE),sanitize,plain)

EXTRA_CLEAN = $(DATA_built) test/fuzz/bin .deps .build-flavor

# Prefer PostgreSQL 15's own pg_config; before the packages are installed
# there is none, and only the targets that install them are offered.
PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

HARNESS = test/harness

# No LLVM bitcode: it would need clang at build time for little gain.
override with_llvm = no
# Track header dependencies (.deps/), so a changed struct rebuilds its users.
override autodepend = yes

ifeq ($(wildcard $(PGXS)),)

.DEFAULT_GOAL := help
help:
	@echo "PostgreSQL 15 development files are not installed yet."
	@echo "Run 'make demo' or 'make test' (as root: they install them), or 'make deps'."
demo test: deps
	$(MAKE) $@
deps:
	$(HARNESS)/deps.sh
.PHONY: help demo test deps

else

include $(PGXS)

# PGXS names each object's dependency file after the source's base name
# (.deps/status_check.Po), so two sources of one name in different folders
# (src/status/status_check.c, src/verify/status_check.c) overwrite each
# other's, and a changed header then left one of them stale.  The same rule,
# with the dependency file named after the whole path.
%.o: %.c
	@if test ! -d $(DEPDIR); then mkdir -p $(DEPDIR); fi
	$(COMPILE.c) -o $@ $< -MMD -MP -MF $(DEPDIR)/$(subst /,--,$*).Po

# A fragment listed in SQL_PARTS or UPGRADE_PARTS that does not exist is an
# error, not a silent omission (a wildcard once hid a file that never existed).
missing_parts := $(filter-out $(wildcard $(SQL_PARTS) $(UPGRADE_PARTS)),$(SQL_PARTS) $(UPGRADE_PARTS))
ifneq ($(missing_parts),)
$(error SQL fragments listed in the Makefile do not exist: $(missing_parts))
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $(SQL_PARTS) > $@

$(UPGRADE_SCRIPT): $(UPGRADE_HEADER) $(UPGRADE_PARTS)
	cat $(UPGRADE_HEADER) $(UPGRADE_PARTS) > $@

# Rewritten only when the flavour changes, so objects rebuild only then.
.build-flavor: FORCE
	@[ "$$(cat $@ 2>/dev/null)" = "$(BUILD_FLAVOR)" ] || echo "$(BUILD_FLAVOR)" > $@
$(OBJS): .build-flavor
FORCE:

deps:
	$(HARNESS)/deps.sh

# Generated files that are committed must match their generator.
check-generated:
	python3 data/contexts/gen_seed.py --check

# The whole suite against a throwaway cluster, which is stopped afterwards
# whatever the outcome, then every fuzz harness for FUZZ_SECONDS (10 s in
# `make test`; FUZZ_SECONDS=0 skips them).  The build is installed into the
# cluster's private copy of PostgreSQL (see cluster.sh), so the system
# installation is left alone and several checkouts can test at once.  With
# SANITIZE=1 the server runs with the sanitizer runtime and any report fails
# the run.
FUZZ_SECONDS ?= 10
test: deps check-generated
	$(MAKE) all
	$(HARNESS)/cluster.sh test
	@if [ "$(FUZZ_SECONDS)" != 0 ]; then FUZZ_SECONDS=$(FUZZ_SECONDS) test/fuzz/run.sh; fi
	@# the closing line last: the suites' count plus one per clean fuzz harness
	@read passed failed < tmp_run/suite-result; \
	fuzzed=$$([ "$(FUZZ_SECONDS)" != 0 ] && ls test/fuzz/fuzz_*.c | wc -l || echo 0); \
	echo; echo "credreg: $$((passed + fuzzed)) passed, $$failed failed"

# credreg on a throwaway Citus cluster (a coordinator and two workers under
# tmp_run/citus, localhost only): the distributed tests of test/citus and
# the README's Citus examples (README, "credreg on Citus").  It uses the
# Citus installed into the PostgreSQL that pg_config names and never builds
# it; without Citus it says so and succeeds, so `make test` and CI are
# unchanged.  CREDREG_CITUS_PORT sets the coordinator's port (workers: +1, +2).
test-citus: all
	PG_CONFIG=$(PG_CONFIG) $(HARNESS)/citus.sh test

# The suites with every server process under valgrind.  The whole suite
# takes too long under valgrind on two shared cores (README, "Memory checks
# and fuzzing"), so by default it runs a subset that reaches every
# capability's C code, imports no ESCO or O*NET and has no timing assertion;
# VALGRIND_TESTS=all runs everything, or name the
# pg_regress tests (VALGRIND_TESTS) and pgTAP files (VALGRIND_TAP_TESTS).
VALGRIND_TESTS ?= 00_install json_strict util_encoding crypto_pubkey rdf_nquads \
	jsonld_context status_list verify_dataint verify_malformed stack_rule \
	stack_evaluate taxonomy_skillset taxonomy_case
VALGRIND_TAP_TESTS ?= test/jose_vectors.sql test/dataint_vectors.sql \
	test/dataint_rdfc_examples.sql test/verify_corpus.sql test/status_check.sql \
	test/stack_aggregate.sql
valgrind:
	$(HARNESS)/deps.sh valgrind
	$(MAKE) all
	$(if $(filter all,$(VALGRIND_TESTS)),,VALGRIND_TESTS="$(strip $(VALGRIND_TESTS))" \
		VALGRIND_TAP_TESTS="$(strip $(VALGRIND_TAP_TESTS))") $(HARNESS)/cluster.sh valgrind

# Build, install, start a throwaway cluster, load the sample registry and
# print the registrar, recruiter and stack reports.  The cluster is left
# running for exploration; `make stop` stops it.
demo: deps
	$(MAKE) all
	$(MAKE) install
	$(HARNESS)/cluster.sh demo

stop:
	$(HARNESS)/cluster.sh stop

# Every libFuzzer harness, FUZZ_SECONDS each; FUZZ_ONLY=name runs one.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) test/fuzz/run.sh

# credreg-issued credentials checked by independent libraries (test/interop/README.md).
interop: all
	test/interop/run.sh

# Benchmarks (bench/*.sh) against the throwaway cluster; `make bench B=bench/x.sh` runs one.
bench: all
	bench/run.sh $(B)

.PHONY: deps test test-citus demo stop fuzz bench valgrind check-generated interop FORCE

endif
