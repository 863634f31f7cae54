# syntax=docker/dockerfile:1
# One image for every Tandem service and the web app; the command picks which part:
#   tandem-matching migrate | serve | api | relay | consume | provision-topics
#   tandem-messaging migrate | serve | …
#   tandem-meetings migrate | serve | …
#   tandem-web serve
# Settings come from the environment (TANDEM_<SERVICE>_*, OTEL_*), see .env.example.

FROM python:3.11-slim AS build
COPY --from=ghcr.io/astral-sh/uv:0.13.8 /uv /uvx /bin/
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.11
WORKDIR /app

# Third-party dependencies first, from the lock file alone: this layer is rebuilt only
# when uv.lock or the root pyproject.toml change, not on every code change.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-workspace

# Then the workspace members (libs, services and the web app) themselves: every member
# the root pyproject.toml names must be here, or `uv sync --frozen` refuses the workspace.
COPY libs ./libs
COPY services ./services
COPY web ./web
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev


FROM python:3.11-slim AS runtime
# /var/lib/tandem/{keys,data} belong to the service user so that volumes mounted there
# (compose: the shared local signing key, messaging's development master key) inherit
# that ownership and are writable by it. The rest of the image is read-only to it.
RUN groupadd --system --gid 10001 tandem \
 && useradd --system --uid 10001 --gid tandem --home-dir /app --shell /usr/sbin/nologin tandem \
 && install -d -o tandem -g tandem -m 0700 /var/lib/tandem /var/lib/tandem/keys /var/lib/tandem/data
# The workspace members are installed editable (their .pth files point into /app), so
# the sources travel with the virtual environment: migrations and templates included.
COPY --from=build --chown=root:root /app /app
WORKDIR /app
# The matching engine's kernels are compiled here, at build time, into NUMBA_CACHE_DIR
# (owned by the service user: numba uses a cache only where it can write), so that no
# match run of a new container waits a minute for the compiler. The cache is valid for
# the CPU it was compiled for: NUMBA_CPU_NAME pins a portable x86-64 level (v2: SSE4.2
# and POPCNT, every x86-64 server CPU since about 2010) instead of the build machine's
# own CPU. On another architecture, or with other values, the first run compiles and
# reports it as the run's `compiling` phase.
ARG NUMBA_CPU_NAME=x86-64-v2
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NUMBA_CACHE_DIR=/var/lib/tandem/numba \
    NUMBA_CPU_NAME=${NUMBA_CPU_NAME} \
    NUMBA_CPU_FEATURES=""
USER tandem
RUN tandem-matching compile-engine
# Defaults; compose and Kubernetes override both the command and the ports.
EXPOSE 8001 8002 8003 8004 8080
CMD ["tandem-matching", "serve"]
