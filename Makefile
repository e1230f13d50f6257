# handoff: build, run and test.
#
#   make run     install what is missing, build, start a local PostgreSQL,
#                migrate, seed the demo portfolio, serve on 127.0.0.1:$(PORT)
#   make test    the whole suite: unit, integration, browser, and the unit and
#                integration tests again under ASan and UBSan
#
# See README.md for the rest (db-stop, test-* targets, bench).

PORT		?= 8888
comma		:= ,
BUILD		?= .build
SANITIZE	?=

# Anything computed from installed tools is expanded lazily (=, not :=), so
# that it is only evaluated after src/tools/deps.sh installed the packages.
KORE_FEATURES	 = $(shell cat /usr/share/kore/features 2>/dev/null)
JANSSON_CFLAGS	 = $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS	 = $(shell pkg-config --libs jansson 2>/dev/null)
CMOCKA_LIBS	 = $(shell pkg-config --libs cmocka 2>/dev/null)

ifeq ($(SANITIZE),1)
CC		 = clang
SAN_FLAGS	 = -fsanitize=address,undefined -fno-sanitize-recover=all \
		   -fno-omit-frame-pointer
OPT		 = -O1 -g
else
CC		?= cc
SAN_FLAGS	 =
OPT		 = -O2 -g
endif

# V=1 shows the whole command lines.
ifeq ($(V),1)
Q		 =
else
Q		 = @
endif

# Our warnings plus Kore's own set (see /usr/share/kore/Makefile).
WARNINGS	 = -Wall -Wextra -Werror -Wstrict-prototypes \
		   -Wmissing-prototypes -Wmissing-declarations -Wshadow \
		   -Wpointer-arith -Wcast-qual -Wsign-compare -Wtype-limits

BASE_CFLAGS	 = -std=c11 -D_GNU_SOURCE $(OPT) $(WARNINGS) $(SAN_FLAGS) \
		   -MMD -MP -Isrc

# The module: every src/*.c plus the embedded assets, as a shared object.
# Kore's symbols stay unresolved and are found in the kore binary at load.
MODULE		 = $(BUILD)/handoff.so
MODULE_SRC	:= $(wildcard src/*.c)
MODULE_OBJ	:= $(patsubst src/%.c,$(BUILD)/obj/%.o,$(MODULE_SRC)) \
		   $(BUILD)/obj/assets_data.o
MODULE_CFLAGS	 = $(BASE_CFLAGS) -fPIC $(KORE_FEATURES) $(JANSSON_CFLAGS)

# Assets served from memory; screenshots for the README are not served.
ASSETS		:= $(filter-out %.png,$(wildcard assets/*))

# Pure modules: no Kore, no libpq.  Unit tests link them directly.
PURE		:= sbuf html dberr layout date validate vocab facts formdata doc \
		   rule \
		   ledger facts_json ledger_json fields \
		   risk digest risk_json render_form render_project \
		   render_timeline render_portfolio render_digest render_modelcard \
		   render_templates \
		   render_me \
		   render_mail \
		   httpparse utf8 \
		   calldoc stmt apidoc apidoc_table throttle proxy expo export lsn
PURE_OBJ	:= $(patsubst %,$(BUILD)/pure/%.o,$(PURE))
UNIT_SRC	:= $(wildcard tests/unit/test_*.c)
UNIT_BIN	:= $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRC))

.PHONY: all module unit-bin oracle run db-stop migrate test test-unit golden-update \
	test-integration test-api-proxy fuzz-api test-browser test-asan deps-run deps-test bench bench-scaleout bench-profile clean

all: module

# The module and the account tool (src/cli/) are always built together.
# The tool links the server's own code, built as pure objects: secrets
# (src/secret.c: the same password rule, hashes and tokens on both sides)
# and the document of every api.* call (src/calldoc.c).
module: $(MODULE) $(BUILD)/handoffctl

CTL_OBJ		:= $(BUILD)/pure/secret.o $(BUILD)/pure/utf8.o \
		   $(BUILD)/pure/calldoc.o $(BUILD)/pure/date.o \
		   $(BUILD)/pure/stmt.o

$(BUILD)/handoffctl: src/cli/handoffctl.c $(CTL_OBJ)
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(BASE_CFLAGS) $(JANSSON_CFLAGS) \
	    -I$(shell pg_config --includedir 2>/dev/null) \
	    -o $@ $< $(CTL_OBJ) -lpq $(JANSSON_LIBS) -lsodium

$(MODULE): $(MODULE_OBJ)
	@echo "  LD    $@"
	@# Linked aside and renamed: a kore running the old one keeps it.
	@# -z nodelete: Kore's SIGHUP dlclose()s and dlopen()s the module
	@# under requests in flight whose state points into its code; marked
	@# so, it stays mapped and the SIGHUP re-runs its start-up only.
	$(Q)$(CC) -shared -Wl,-z,nodelete $(SAN_FLAGS) -o $@.tmp \
	    $(MODULE_OBJ) -lpq \
	    $(JANSSON_LIBS) -lsodium -lcurl && mv $@.tmp $@

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(MODULE_CFLAGS) -c -o $@ $<

$(BUILD)/gen/assets_data.c: src/tools/embed-assets.sh $(ASSETS)
	@mkdir -p $(@D)
	@echo "  GEN   $@"
	$(Q)src/tools/embed-assets.sh $(ASSETS) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/assets_data.o: $(BUILD)/gen/assets_data.c
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(MODULE_CFLAGS) -c -o $@ $<

$(BUILD)/pure/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(BASE_CFLAGS) -c -o $@ $<

$(BUILD)/unit/%: tests/unit/%.c $(PURE_OBJ)
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(BASE_CFLAGS) -o $@ $< $(PURE_OBJ) $(CMOCKA_LIBS) \
	    $(JANSSON_LIBS) $(UNIT_LDFLAGS)

# The outbox's pure part signs with libsodium: only its test links them.
$(BUILD)/unit/test_webhook: $(BUILD)/pure/webhook.o
$(BUILD)/unit/test_webhook: PURE_OBJ += $(BUILD)/pure/webhook.o
$(BUILD)/unit/test_webhook: UNIT_LDFLAGS += -lsodium

# The tests driven by case files also link the case-file parser.
CASE_BIN	:= $(BUILD)/unit/test_risk $(BUILD)/unit/test_digest \
		   $(BUILD)/unit/test_ledger $(BUILD)/unit/test_facts_json
$(CASE_BIN): PURE_OBJ += $(BUILD)/unit/riskcase.o
$(CASE_BIN): $(BUILD)/unit/riskcase.o

# The tests that feed facts_from_json() write its document (factsdoc.c).
$(BUILD)/unit/test_facts_json: PURE_OBJ += $(BUILD)/unit/factsdoc.o
$(BUILD)/unit/test_facts_json: $(BUILD)/unit/factsdoc.o

# The golden tester prints what tests/unit/golden/ holds (renders.c);
# tests/unit/golden.sh, run by tests/unit/run.sh, compares.
GOLDEN_BIN	:= $(BUILD)/unit/golden
GOLDEN_OBJ	:= $(BUILD)/unit/riskcase.o $(BUILD)/unit/renders.o
$(GOLDEN_BIN): PURE_OBJ += $(GOLDEN_OBJ)
$(GOLDEN_BIN): $(GOLDEN_OBJ)

# The allocation-failure driver: the pure objects and the renderers run
# while the shim (tests/unit/oomshim.c) makes one allocation after another
# fail.  Link-time wrapping, not LD_PRELOAD: see oomshim.h.
OOM_BIN		:= $(BUILD)/unit/test_oom
OOM_OBJ		:= $(GOLDEN_OBJ) $(BUILD)/unit/oomshim.o \
		   $(BUILD)/unit/factsdoc.o
OOM_WRAP	:= malloc calloc realloc reallocarray strdup free
$(OOM_BIN): PURE_OBJ += $(OOM_OBJ)
$(OOM_BIN): UNIT_LDFLAGS = $(patsubst %,-Wl$(comma)--wrap=%,$(OOM_WRAP))
$(OOM_BIN): $(OOM_OBJ)

# Helpers of the unit tests, linked beside the pure objects.
$(BUILD)/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(BASE_CFLAGS) -c -o $@ $<

unit-bin: $(UNIT_BIN) $(GOLDEN_BIN)

# The reference of tests/integration/oracle.test.js: the whole risk engine
# over api.facts_all(), beside the module it checks (the integration suite
# finds it there).
ORACLE		:= $(BUILD)/oracle

oracle: $(ORACLE)

$(ORACLE): tests/integration/oracle.c $(PURE_OBJ)
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(CC) $(BASE_CFLAGS) $(JANSSON_CFLAGS) -o $@ $< $(PURE_OBJ) \
	    $(JANSSON_LIBS)

.SECONDARY:

-include $(MODULE_OBJ:.o=.d) $(PURE_OBJ:.o=.d) $(UNIT_BIN:=.d)
-include $(GOLDEN_OBJ:.o=.d) $(GOLDEN_BIN).d $(BUILD)/unit/oomshim.d \
	$(BUILD)/unit/factsdoc.d
-include $(CTL_OBJ:.o=.d) $(BUILD)/handoffctl.d $(ORACLE).d

# --- running ---------------------------------------------------------------

deps-run:
	@src/tools/deps.sh run

deps-test:
	@src/tools/deps.sh test
	@tests/lib/npm-install.sh

run: deps-run
	@$(MAKE) --no-print-directory module
	@src/tools/run.sh $(PORT)

db-stop:
	@src/tools/pg.sh stop .data/pg

migrate:
	@src/tools/migrate.sh

# --- tests -----------------------------------------------------------------

test: deps-test
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory module unit-bin oracle
	@tests/unit/run.sh $(BUILD)/unit
	@$(MAKE) --no-print-directory test-fuzz
	@tests/lib/with-cluster.sh tests/integration/run.sh $(MODULE)
	@tests/lib/with-cluster.sh tests/integration/run-proxy.sh $(MODULE)
	@tests/lib/with-cluster.sh tests/browser/run.sh $(MODULE)
	@$(MAKE) --no-print-directory test-asan
	@echo "make test: all passed"

test-unit: deps-test
	@$(MAKE) --no-print-directory unit-bin
	@tests/unit/run.sh $(BUILD)/unit

# Rewrite the golden files of tests/unit/golden/ from what is rendered now
# (review the diff before committing it).
golden-update: deps-test
	@$(MAKE) --no-print-directory $(GOLDEN_BIN)
	@HANDOFF_GOLDEN_UPDATE=1 tests/unit/golden.sh $(GOLDEN_BIN)

test-integration: deps-test
	@$(MAKE) --no-print-directory module oracle
	@tests/lib/with-cluster.sh tests/integration/run.sh $(MODULE)

# The API's integration tests and the README's examples through Prism, a
# proxy that checks every request and answer against the OpenAPI document.
test-api-proxy: deps-test
	@$(MAKE) --no-print-directory module
	@tests/lib/with-cluster.sh tests/integration/run-proxy.sh $(MODULE)

# Requests generated from the OpenAPI document (tests/integration/
# api_fuzz.test.js) for longer than make test gives them: FUZZ_API_ROUNDS
# rounds, the later ones with values drawn at random, through Prism, at
# most FUZZ_API_TIME seconds.
FUZZ_API_ROUNDS	?= 20
FUZZ_API_TIME	?= 600
fuzz-api: deps-test
	@$(MAKE) --no-print-directory module
	@HANDOFF_TEST_PROXY=prism HANDOFF_FUZZ_API_ROUNDS=$(FUZZ_API_ROUNDS) \
	    HANDOFF_FUZZ_API_SECONDS=$(FUZZ_API_TIME) \
	    tests/lib/with-cluster.sh tests/integration/run-proxy.sh \
	    $(MODULE) api_fuzz.test.js

test-browser: deps-test
	@$(MAKE) --no-print-directory module
	@tests/lib/with-cluster.sh tests/browser/run.sh $(MODULE)

# The unit and integration suites again, built with clang's AddressSanitizer
# and UndefinedBehaviorSanitizer; the module runs inside the real kore with
# the sanitizer runtime preloaded.  This pass reaches PostgreSQL over TLS on
# loopback (sslmode=verify-full), the first over the Unix socket.
test-asan: deps-test
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=$(BUILD)/asan \
	    module unit-bin oracle
	@tests/unit/run.sh $(BUILD)/asan/unit
	@HANDOFF_SANITIZE=1 HANDOFF_TEST_DB_TRANSPORT=tls \
	    tests/lib/with-cluster.sh \
	    tests/integration/run.sh $(BUILD)/asan/handoff.so

bench: deps-run
	@src/tools/deps.sh bench
	@$(MAKE) --no-print-directory module
	@tests/lib/with-cluster.sh tests/bench/run.sh $(MODULE)

# The scale-out row alone (nginx, one and two instances, a replica).
bench-scaleout: module
	@HANDOFF_MODULE=$(abspath $(MODULE)) tests/lib/with-cluster.sh \
	    node tests/bench/scaleout.mjs

# Where the project page's time goes: its statement's parts, and a perf
# profile of the machine under load (BENCH_PROFILE_N projects, 10000).
bench-profile: deps-run
	@src/tools/deps.sh profile
	@$(MAKE) --no-print-directory module
	@tests/lib/with-cluster.sh tests/bench/profile.sh $(MODULE)

# --- lint and fuzzing ------------------------------------------------------

.PHONY: lint fuzz-bin test-fuzz fuzz

# Statements only from the catalog, never assembled from input
# (tests/lint/statements.sh); the C code in
# KNF (tests/lint/knf.sh); cppcheck over src/ (tests/lint/cppcheck.sh,
# which needs the headers of Kore, jansson, libsodium and libpq); and for
# each check the proof that it can fail (tests/lint/*selftest.sh).
lint:
	@src/tools/deps.sh lint
	@tests/lint/statements.sh
	@tests/lint/statements-selftest.sh
	@tests/lint/knf.sh
	@tests/lint/knf-selftest.sh
	@tests/lint/cppcheck.sh
	@tests/lint/cppcheck-selftest.sh

# libFuzzer targets for the pure parsers and validators of request input
# (tests/fuzz/).  They need clang; the pure objects they link are built apart
# from the normal ones, instrumented for coverage and the sanitizers.
FUZZ_CC		 = clang
FUZZ_SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all \
		   -fno-omit-frame-pointer
FUZZ_CFLAGS	 = -std=c11 -D_GNU_SOURCE -O1 -g $(WARNINGS) -MMD -MP -Isrc \
		   $(JANSSON_CFLAGS)
FUZZ_PURE	:= sbuf html date validate formdata httpparse utf8 fields vocab \
		   proxy
FUZZ_OBJ	:= $(patsubst %,$(BUILD)/fuzz/obj/%.o,$(FUZZ_PURE))
FUZZ_SRC	:= $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN	:= $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))
FUZZ_TIME	?= 300

$(BUILD)/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(@D)
	@echo "  CC    $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_OBJ) $(JANSSON_LIBS)

-include $(FUZZ_OBJ:.o=.d) $(FUZZ_BIN:=.d)

fuzz-bin: $(FUZZ_BIN)

# Ten seconds per target in make test; make fuzz runs FUZZ_TIME seconds.
test-fuzz: fuzz-bin
	@HANDOFF_FUZZ_BIN=$(BUILD)/fuzz tests/fuzz/run.sh 10

fuzz: fuzz-bin
	@HANDOFF_FUZZ_BIN=$(BUILD)/fuzz tests/fuzz/run.sh $(FUZZ_TIME)

clean:
	rm -rf $(BUILD)

# --- production: install, backups ------------------------------------------
#
#   make install [PREFIX=/usr/local] [DESTDIR=] [SYSCONFDIR=/etc]
#                [BIND_ADDR=127.0.0.1] [BIND_PORT=8888]
#                the module, handoffctl, handoff-migrate and the SQL, the
#                production Kore configuration, the systemd unit (see
#                src/tools/install.sh for every path); never the demo
#   make backup  pg_dump -Fc of the database of make run (or of
#                DATABASE_URL) into $(BACKUP_DIR)/handoff-<UTC time>.dump
#   make restore FILE=...  [FORCE=1]
#                that dump back into it; a database that holds data is
#                only replaced with FORCE=1

.PHONY: install backup restore

PREFIX		?= /usr/local
SYSCONFDIR	?= /etc
LOCALSTATEDIR	?= /var
BIND_ADDR	?= 127.0.0.1
BIND_PORT	?= 8888
BACKUP_DIR	?= .data/backups

install: module
	@DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" SYSCONFDIR="$(SYSCONFDIR)" \
	    LOCALSTATEDIR="$(LOCALSTATEDIR)" BIND_ADDR="$(BIND_ADDR)" \
	    BIND_PORT="$(BIND_PORT)" BUILD="$(BUILD)" src/tools/install.sh

backup:
	@BACKUP_DIR="$(BACKUP_DIR)" src/tools/backup.sh

restore:
	@FORCE="$(FORCE)" src/tools/restore.sh "$(FILE)"
