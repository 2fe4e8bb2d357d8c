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
# dependency order; each fragment sits beside the C code it declares.
SQL_PARTS = $(wildcard \
	src/credreg.sql \
	src/util/util.sql \
	src/json/json.sql \
	src/crypto/crypto.sql \
	src/crypto/pubkey_parse.sql \
	src/status/status.sql \
	src/did/did.sql \
	src/jose/jose.sql \
	src/rdf/rdf.sql \
	src/jsonld/jsonld.sql \
	src/dataint/dataint.sql \
	src/verify/verify.sql \
	src/blockcerts/blockcerts.sql \
	src/ob2/ob2.sql \
	src/sdjwt/sdjwt.sql \
	src/present/present.sql \
	src/baked/baked.sql \
	src/taxonomy/taxonomy.sql \
	src/stack/stack.sql \
	src/stack/next_best.sql \
	src/taxonomy/occupation.sql \
	src/taxonomy/readiness.sql \
	src/privileges.sql)

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
# Objects new in 0.2.0, by capability (the same fragments as in SQL_PARTS).
UPGRADE_PARTS += src/crypto/pubkey_parse.sql
UPGRADE_PARTS += src/did/did.sql
UPGRADE_PARTS += src/sdjwt/sdjwt.sql
UPGRADE_PARTS += src/baked/baked.sql
UPGRADE_PARTS += src/present/present.sql
UPGRADE_PARTS += src/blockcerts/blockcerts.sql
UPGRADE_PARTS += src/ob2/ob2.sql
UPGRADE_PARTS += src/stack/next_best.sql
UPGRADE_PARTS += src/taxonomy/occupation.sql
UPGRADE_PARTS += src/taxonomy/readiness.sql
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

EXTRA_CLEAN = $(DATA_built) test/fuzz/bin .deps

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

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $(SQL_PARTS) > $@

$(UPGRADE_SCRIPT): $(UPGRADE_HEADER) $(UPGRADE_PARTS)
	cat $(UPGRADE_HEADER) $(UPGRADE_PARTS) > $@

deps:
	$(HARNESS)/deps.sh

# The whole suite against a throwaway cluster, which is stopped afterwards
# whatever the outcome.  The build is installed into the cluster's private
# copy of PostgreSQL (see cluster.sh), so the system installation is left
# alone and several checkouts can test at once.
test: deps
	$(MAKE) all
	$(HARNESS)/cluster.sh test

# Build, install, start a throwaway cluster, load the sample registry and
# print the registrar, recruiter and stack reports.  The cluster is left
# running for exploration; `make stop` stops it.
demo: deps
	$(MAKE) all
	$(MAKE) install
	$(HARNESS)/cluster.sh demo

stop:
	$(HARNESS)/cluster.sh stop

# libFuzzer harnesses (not part of `make test`).
fuzz:
	test/fuzz/run.sh

# credreg-issued credentials checked by independent libraries (test/interop/README.md).
interop: all
	test/interop/run.sh

# Benchmarks (bench/*.sh) against the throwaway cluster; `make bench B=bench/x.sh` runs one.
bench: all
	bench/run.sh $(B)

.PHONY: deps test demo stop fuzz bench interop

endif
