# Tandem: the two commands are `make demo` and `make test`; the rest are their parts.
SHELL := /bin/bash
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
export UV_LINK_MODE := copy

.PHONY: setup demo test lint typecheck architecture unit infra-up infra-down clean bench

setup: ## Python environment from the lock file, and Kafka's jars from Maven Central
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --frozen
	@# The matching engine's kernels into numba's disk cache (about a minute the first
	@# time, a second afterwards), so that no match run here waits for the compiler.
	$(UV) run tandem-matching compile-engine
	bash deploy/local/kafka.sh fetch
	@# Keycloak, the OIDC provider of the sign-in tests (about 180 MB, once; then cached).
	bash deploy/local/keycloak.sh fetch
	@# The AsyncAPI parser (npm, pinned by its lock file) for tests/contract/test_asyncapi.py;
	@# reinstalled only when the lock file changes. Without npm that test fails and says why.
	@if ! command -v npm >/dev/null 2>&1; then echo "npm not found: docs/asyncapi.json cannot be validated"; \
	elif [ tools/asyncapi/package-lock.json -nt tools/asyncapi/node_modules/.package-lock.json ]; then \
	  npm ci --prefix tools/asyncapi --ignore-scripts --no-audit --no-fund --loglevel=error; fi
	@# axe-core (npm, pinned by its lock file), which the web app's browser tests inject.
	@if command -v npm >/dev/null 2>&1 && [ tools/axe/package-lock.json -nt tools/axe/node_modules/.package-lock.json ]; then \
	  npm ci --prefix tools/axe --ignore-scripts --no-audit --no-fund --loglevel=error; fi

demo: setup ## The platform on the embedded default with a demo programme flowing through it
	$(UV) run python -m demo

test: setup lint ## The whole suite: lint, types, architecture, then every test against real parts
	$(UV) run pytest

lint: typecheck architecture
	$(UV) run ruff check .
	$(UV) run ruff format --check .

typecheck:
	$(UV) run mypy libs services web tests bench tools demo

architecture: ## No service imports another; libs never import a service; layers hold
	$(UV) run python tools/check_architecture.py

infra-up: ## Kafka and PostgreSQL on loopback, as the tests use them
	bash deploy/local/kafka.sh start
	bash deploy/local/postgres.sh start

infra-down:
	-bash deploy/local/kafka.sh stop
	-bash deploy/local/postgres.sh stop

bench: setup
	$(UV) run python bench/outbox_relay.py
	$(UV) run python bench/http_overhead.py
	$(UV) run python bench/matching.py --sizes small
	$(UV) run python bench/engine_compile.py

clean: infra-down
	rm -rf .data .cache/kafka/data .cache/postgres
