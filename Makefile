# Lodestar: two commands on a fresh Debian 12 machine with Swift 6 — `make serve` and `make test`.

SHELL := /bin/bash
# libjs-codemirror: the query page's editor (served from /usr/share/javascript/codemirror, nothing from the network);
# libsqlite3-dev: the search index (SQLite FTS5); libpq-dev: the replicated change log (--replicate-to, --replica-of).
APT_PACKAGES := pkg-config libraptor2-dev librdf0-dev librasqal3-dev raptor2-utils libjs-codemirror libsqlite3-dev libpq-dev
# What `make cluster` runs beside Lodestar: the change log's PostgreSQL pair and the HTTP cache in front.
CLUSTER_APT_PACKAGES := postgresql varnish
# What the tests drive as real clients: a headless browser for the PURI pages, Python's RDF tools for everything we send;
# PostgreSQL for the replication tests (they start their own) and Varnish in front of live servers (CacheInFrontTests).
TEST_APT_PACKAGES := chromium curl linkchecker postgresql varnish
PIP_PACKAGES := rdflib SPARQLWrapper pyshacl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LODESTAR_SHARED ?= $(abspath ../shared)
STORE ?= ./var/store
PORT ?= 8080
export LODESTAR_SHARED

.PHONY: serve test deps test-deps build release clean cluster cluster-stop

## Install the Debian packages Lodestar needs, when any is missing.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## Install the clients the tests use, when any is missing.
test-deps: deps
	@missing=$$(for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import rdflib, SPARQLWrapper, pyshacl" 2>/dev/null || python3 -m pip install --quiet $(PIP_PACKAGES)

build: deps
	swift build

release: deps
	swift build -c release

## Build, import every EIRA edition (SKOS v1.1.0, v3.1.0, v4.0.0; ArchiMate v4.0.0, v6.0.0) and Joinup's ADMS-AP sample into $(STORE) on first use,
## and serve it on http://127.0.0.1:$(PORT) until Ctrl-C.
serve: release
	@if [ ! -d "$(STORE)/redland" ]; then \
		for edition in eira-skos/v1.1.0/EIRA_SKOS.rdf eira-skos/v3.1.0/EIRA_SKOS.rdf eira-skos/EIRA_SKOS.rdf \
			eira-archimate/v4.0.0/EIRA.xml eira-archimate/v6.0.0/EIRA.xml; do \
			.build/release/lodestar import-eira --store "$(STORE)" "$(LODESTAR_SHARED)/data/$$edition" || exit 1; \
		done && \
		.build/release/lodestar load --store "$(STORE)" --graph https://w3id.org/lodestar/graph/joinup/solutions \
			"$(LODESTAR_SHARED)/data/joinup-federation-fixtures/valid_adms.rdf"; \
	fi
	.build/release/lodestar stats --store "$(STORE)"
	.build/release/lodestar serve --store "$(STORE)" --port $(PORT)

## Past one machine, on one machine: PostgreSQL (primary + synchronous standby) holding the change log, a Lodestar
## primary, two replicas and Varnish in front, on loopback ports; the URLs go to var/cluster/urls.env.
cluster: release
	@missing=$$(for p in $(CLUSTER_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	deploy/cluster/start.sh

## Stop everything `make cluster` started.
cluster-stop:
	deploy/cluster/stop.sh

## Build and run every test (unit, real data, crash safety, W3C suites).
test: test-deps
	swift build
	# One test at a time: the live-server, browser and kill -9 tests then never starve each other of the cores
	# (in parallel on two cores, requests waited past the test clients' 20 s timeouts); the run takes about a minute.
	swift test --no-parallel

clean:
	rm -rf .build var
