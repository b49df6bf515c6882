"""How every Kafka client connects: TLS and SASL options built in one place.

:func:`client_options` gives the keyword arguments of every aiokafka client the project
creates (producers, consumers, the admin client, the mirrors, ``status``, ``notify``);
:func:`faust_credentials` gives the Faust app the same, as Faust's credentials objects
(which Faust turns into the same aiokafka options). No client builds its own, so none
can be forgotten. The password is read from ``WIREWATCH_SASL_PASSWORD`` or the file
``WIREWATCH_SASL_PASSWORD_FILE`` names, and appears nowhere else.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from typing import Any

from streams.settings import Settings


class SecurityConfigError(ValueError):
    """The TLS files cannot be read (the message names the file, never a secret)."""


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context of ``SSL`` and ``SASL_SSL`` connections (None otherwise): the CA
    file (or the system's CAs), the client certificate for mutual TLS, host name check."""
    if settings.security_protocol not in ("SSL", "SASL_SSL"):
        return None
    from aiokafka.helpers import create_ssl_context

    try:
        context = create_ssl_context(cafile=settings.ssl_cafile,
                                     certfile=settings.ssl_certfile,
                                     keyfile=settings.ssl_keyfile)
    except (OSError, ssl.SSLError) as exc:
        files = ", ".join(f for f in (settings.ssl_cafile, settings.ssl_certfile,
                                      settings.ssl_keyfile) if f)
        raise SecurityConfigError(f"TLS files ({files}) cannot be used: "
                                  f"{getattr(exc, 'strerror', None) or exc}") from None
    context.check_hostname = settings.ssl_check_hostname
    return context


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for any aiokafka client: security protocol, TLS context, SASL."""
    options: dict[str, Any] = {"security_protocol": settings.security_protocol}
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.security_protocol.startswith("SASL_"):
        options.update(sasl_mechanism=settings.sasl_mechanism,
                       sasl_plain_username=settings.sasl_username,
                       sasl_plain_password=settings.sasl_secret())
    return options


def faust_credentials(settings: Settings) -> Any:
    """The Faust app's ``broker_credentials`` for the same connection (None: plaintext)."""
    import faust

    context = ssl_context(settings)
    if settings.security_protocol.startswith("SASL_"):
        return faust.SASLCredentials(username=settings.sasl_username,
                                     password=settings.sasl_secret(), ssl_context=context,
                                     mechanism=settings.sasl_mechanism)
    if context is not None:
        return faust.SSLCredentials(context)
    return None


async def check_connection(settings: Settings, timeout: float = 10.0) -> None:
    """Connect to the first bootstrap server as every client will — the TLS handshake,
    then the SASL login — so that a bad certificate, a wrong CA or a refused login is
    reported with its reason (the Kafka clients only say they could not bootstrap).
    Raises :class:`ConnectionError` naming the broker and the reason, never a secret;
    does nothing for ``PLAINTEXT``."""
    await _check_tls(settings, timeout)
    if not settings.security_protocol.startswith("SASL_") or not settings.broker:
        return
    from aiokafka.conn import create_conn

    server = settings.bootstrap_servers.split(",")[0]
    host, _, port = server.rpartition(":")
    try:
        conn = await asyncio.wait_for(create_conn(
            host, int(port), request_timeout_ms=int(timeout * 1000),
            **client_options(settings)), timeout)
    except Exception as exc:  # the client's own errors: say which, never the options
        reason = str(exc) or type(exc).__name__
        raise ConnectionError(
            f"SASL login ({settings.sasl_mechanism}, user {settings.sasl_username!r}) to the "
            f"Kafka broker {server} failed: {type(exc).__name__}: {reason}") from None
    conn.close()


async def _check_tls(settings: Settings, timeout: float) -> None:
    """The TLS handshake alone, for its certificate errors' reasons."""
    context = ssl_context(settings)
    if context is None or not settings.broker:
        return
    server = settings.bootstrap_servers.split(",")[0]
    host, _, port = server.rpartition(":")
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(host, int(port), ssl=context,
                                    server_hostname=host if context.check_hostname else None),
            timeout)
    except ssl.SSLCertVerificationError as exc:
        raise ConnectionError(f"TLS with the Kafka broker {server} failed: its certificate "
                              f"was refused ({exc.verify_message})") from None
    except (ssl.SSLError, OSError, TimeoutError) as exc:
        reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or \
            type(exc).__name__
        raise ConnectionError(f"TLS with the Kafka broker {server} failed: {reason}") from None
    writer.close()
    with contextlib.suppress(ssl.SSLError, OSError):
        await writer.wait_closed()
