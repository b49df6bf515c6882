# wirewatch worker image: `docker compose build` (see docker-compose.yml and README).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    WIREWATCH_DATA_DIR=/var/lib/wirewatch \
    WIREWATCH_WEB_HOST=0.0.0.0 \
    WIREWATCH_WEB_PORT=6066

WORKDIR /app
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY agents ./agents
COPY schemas ./schemas
COPY wirewatch ./wirewatch
RUN pip install . && useradd --system --home /var/lib/wirewatch wirewatch \
    && mkdir -p /var/lib/wirewatch && chown wirewatch /var/lib/wirewatch
USER wirewatch

# Operations page, /metrics, /health and /ready (docs/operations.md).
EXPOSE 6066
# Liveness, not readiness: /health answers while the event loop does. An idle or
# rebalancing worker is not ready (/ready: 503) but healthy; restarting it would only
# start another rebalance. Orchestrators that route work use /ready as the readiness probe.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:6066/health', timeout=3).status == 200 else 1)"

# One worker process per container; scale with `docker compose up --scale worker=N`.
ENTRYPOINT ["wirewatch"]
CMD ["run", "--workers", "1"]
