# wirewatch worker image: `docker compose build` (see docker-compose.yml and README).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    WIREWATCH_DATA_DIR=/var/lib/wirewatch

WORKDIR /app
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY agents ./agents
COPY schemas ./schemas
COPY wirewatch ./wirewatch
RUN pip install . && useradd --system --home /var/lib/wirewatch wirewatch \
    && mkdir -p /var/lib/wirewatch && chown wirewatch /var/lib/wirewatch
USER wirewatch

# One worker process per container; scale with `docker compose up --scale worker=N`.
ENTRYPOINT ["wirewatch"]
CMD ["run", "--workers", "1"]
