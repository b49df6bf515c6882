"""Typed settings, each read from one environment variable (``WIREWATCH_`` + its name).

The settings are a ``pydantic-settings`` model: the environment is read and typed by
it, and each field's docstring is its documentation. ``python -m streams.settings``
prints the README's settings table; a test fails when the README's table differs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

from pydantic import PositiveInt, SecretStr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

ENV_PREFIX = "WIREWATCH_"

#: an environment given to :meth:`Settings.from_env` in place of the process's
_ENVIRON: ContextVar[Mapping[str, str] | None] = ContextVar("wirewatch_environ", default=None)


class _MappingSource(EnvSettingsSource):
    """The environment source, reading a given mapping instead of ``os.environ``."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        # as the environment source reads os.environ: names without case, empty as unset
        return {name.lower(): value for name, value in self._environ.items() if value != ""}


class Settings(BaseSettings):
    """Runtime configuration of a wirewatch worker or client."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="ignore", frozen=True,
        use_attribute_docstrings=True, validate_assignment=False)

    broker: str | None = None
    """Kafka bootstrap URL(s), e.g. `kafka://k1:9092,k2:9092`. Unset: `run` starts the
    embedded broker."""
    app_id: str = "wirewatch"
    """Faust application id; also the consumer group id."""
    topic_prefix: str = ""
    """Prefix prepended to every topic name (e.g. `staging.`)."""
    partitions: int = 4
    """Partitions of each data topic: the unit of parallelism."""
    replication_factor: int = 1
    """Replication factor of the topics wirewatch creates."""
    rebalance_timeout: float = 10.0
    """Seconds a consumer-group rebalance may take (keep it short on the embedded broker)."""
    session_timeout: float = 10.0
    """Seconds before a silent worker is dropped from the group."""
    heartbeat_interval: float = 1.0
    """Seconds between consumer heartbeats."""
    watch: str = ""
    """Watch rules seeded at start, e.g. `TR,RU:perpetrator` (docs/contract.md)."""
    max_body_bytes: int = 1_000_000
    """Raw messages larger than this are dead-lettered."""
    max_message_bytes: int = 1_048_576
    """The largest message the broker takes (Kafka's `message.max.bytes`): `publish`
    refuses larger lines (naming each, and going on), and a dead letter whose original
    would not fit is sent as a reference (its first 64 KiB, `deadletter.truncated: true`,
    `original.size` and the original's position)."""
    dedup_window_hours: float = 48.0
    """How long a story is remembered for the near-duplicate check: a second wire's copy
    within the window is marked `duplicate_of` the first and not extracted again."""
    fetch_max_wait_ms: int = 100
    """Longest a worker's fetch waits for new data, i.e. the latency each stage can add
    (Faust's own value is 1,500 ms)."""
    batch_max: PositiveInt = 32
    """Most messages a stage takes at once (the extract stage parses them in one pass of
    the model; every stage confirms their outputs together)."""
    batch_wait_ms: PositiveInt = 10
    """Longest a stage waits to fill a batch once it holds a message: what batching can
    add to a message's latency per stage."""
    alert_window_hours: float = 72.0
    """How long an alert stays open to updates from later reports of the same event."""
    max_errors_per_minute: int = 10
    """Unexpected errors (bugs, not bad input) a worker tolerates per minute before it
    stops with exit code 70 (see "Errors")."""
    broker_loss_timeout: float = 60.0
    """Seconds a worker waits for a lost broker before it exits with status 75 for its
    supervisor to restart it (see "Failures")."""
    data_dir: str = ".wirewatch"
    """Worker state, worker logs and the embedded broker's log."""
    log_level: str = "warning"
    """Worker log level."""
    web_port: int = 6066
    """Port of the worker's HTTP endpoint (operations page, `/metrics`, `/health`,
    `/ready`); worker N of `run --workers` uses port + N; 0 disables it."""
    web_host: str = "127.0.0.1"
    """Address that endpoint binds; `0.0.0.0` inside a container (the Dockerfile sets
    it)."""
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    """How every Kafka client connects: `PLAINTEXT`, `SSL` (TLS), `SASL_PLAINTEXT` or
    `SASL_SSL` (a login over TLS, what managed clusters ask)."""
    ssl_cafile: str | None = None
    """CA certificate file (PEM) the broker's certificate must chain to; unset: the
    system's CAs."""
    ssl_certfile: str | None = None
    """Client certificate (PEM), for mutual TLS."""
    ssl_keyfile: str | None = None
    """Private key of the client certificate (PEM)."""
    ssl_check_hostname: bool = True
    """Check that the broker's certificate names the host connected to."""
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    """SASL mechanism for `SASL_*` protocols."""
    sasl_username: str | None = None
    """SASL user name."""
    sasl_password: SecretStr | None = None
    """SASL password (never logged or shown); or use `WIREWATCH_SASL_PASSWORD_FILE`."""
    sasl_password_file: str | None = None
    """File holding the SASL password (a container secret); read at start."""

    @model_validator(mode="after")
    def _security_is_complete(self) -> Settings:
        if self.security_protocol.startswith("SASL_"):
            missing = [env_name(name) for name in ("sasl_mechanism", "sasl_username")
                       if not getattr(self, name)]
            if self.sasl_password is None and not self.sasl_password_file:
                missing.append(env_name("sasl_password") + " or " +
                               env_name("sasl_password_file"))
            if missing:
                raise ValueError(f"{self.security_protocol} needs {', '.join(missing)}")
        return self

    def sasl_secret(self) -> str:
        """The SASL password, from the setting or its file (a one-line error names the
        file, never the password)."""
        if self.sasl_password is not None:
            return self.sasl_password.get_secret_value()
        if not self.sasl_password_file:
            return ""
        try:
            return Path(self.sasl_password_file).read_text().strip()
        except OSError as exc:
            raise ValueError(f"setting {env_name('sasl_password_file')}: cannot read "
                             f"{self.sasl_password_file}: {exc.strerror or exc}") from None

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments first, then the environment (the process's, or the one given to
        :meth:`from_env`); no dotenv or secrets files."""
        environ = _ENVIRON.get()
        return init_settings, (env_settings if environ is None
                               else _MappingSource(settings_cls, environ))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``environ`` (default: the process environment), then ``overrides``
        (``None`` values are ignored). A value that cannot be read raises ``ValueError``
        naming its variable."""
        values = {name: value for name, value in overrides.items() if value is not None}
        try:
            with _environment(environ):
                return cls(**values)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            if not first["loc"]:  # a rule across settings: say it, never echo the values
                message = str(first["msg"]).removeprefix("Value error, ")
                raise ValueError(f"settings: {message}") from None
            name = str(first["loc"][0])
            shown = "a value" if "password" in name else repr(first["input"])
            raise ValueError(f"setting {ENV_PREFIX}{name.upper()}: cannot read "
                             f"{shown}: {first['msg']}") from None

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` (validated like the environment's values)."""
        return Settings.from_env({}, **{**self.model_dump(), **changes})

    @property
    def max_fetch_bytes(self) -> int:
        """How much a worker's consumers fetch from a partition at once and its producer
        sends in one request: room for any message the raw topic may hold, and for its dead
        letter (a fetch limit below a message's size would stall its partition)."""
        return max(4 * 1024 * 1024, 2 * self.max_body_bytes)

    @property
    def broker_urls(self) -> list[str]:
        """The broker as Faust wants it: one ``kafka://host:port`` URL per bootstrap server."""
        return [f"kafka://{server}" for server in self.bootstrap_servers.split(",")]

    @property
    def bootstrap_servers(self) -> str:
        """The broker URL as aiokafka wants it: ``host:port[,host:port]`` without scheme."""
        if not self.broker:
            raise ValueError("no broker configured")
        parts = (p.strip() for p in self.broker.replace(";", ",").split(","))
        return ",".join(p.split("://", 1)[-1] for p in parts if p)

    def to_env(self) -> dict[str, str]:
        """The environment variables that reproduce these settings in a child process."""
        return {env_name(name): (value.get_secret_value() if isinstance(value, SecretStr)
                                 else str(value))
                for name, value in self.model_dump().items() if value is not None}

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(environment variable, default, doc) for every setting."""
        return [(env_name(name), repr(info.default), " ".join((info.description or "").split()))
                for name, info in cls.model_fields.items()]


def env_name(field: str) -> str:
    """The environment variable of a setting: ``partitions`` → ``WIREWATCH_PARTITIONS``."""
    return ENV_PREFIX + field.upper()


@contextmanager
def _environment(environ: Mapping[str, str] | None) -> Iterator[None]:
    token = _ENVIRON.set(environ)
    try:
        yield
    finally:
        _ENVIRON.reset(token)


def settings_table() -> str:
    """The README's settings table (Markdown), from the model."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for env, default, doc in Settings.describe():
        shown = {"None": "unset", "''": "empty"}.get(default, f"`{default.strip(chr(39))}`")
        rows.append(f"| `{env}` | {shown} | {doc} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(settings_table(), end="")
