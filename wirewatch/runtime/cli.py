"""The ``wirewatch`` command line (docs/contract.md): the entry point. The commands live in
:mod:`wirewatch.runtime.broker_commands` and :mod:`wirewatch.runtime.offline_commands`,
what they share in :mod:`wirewatch.runtime.console`."""

from __future__ import annotations

import logging
import sys

import typer
from aiokafka.errors import KafkaConnectionError
from rich.markup import escape

from wirewatch.inputs import InputError
from wirewatch.runtime import broker_commands, offline_commands  # noqa: F401 - registers them
from wirewatch.runtime.console import CliError, app, err

# --------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: every failure is one line on stderr and a non-zero exit."""
    # The client reports broker trouble itself, once; aiokafka's own retries stay quiet.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        code = app(args=argv, standalone_mode=False)  # click returns an Exit's code here
        if isinstance(code, int) and code:
            sys.exit(code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors, bad parameters (click's, vendored)
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        err.print(f"error: {escape(message)}")
        sys.exit(getattr(exc, "exit_code", 2))
    except (CliError, InputError) as exc:
        err.print(f"error: {escape(str(exc))}")
        sys.exit(getattr(exc, "code", 2))
    except KeyboardInterrupt:
        sys.exit(130)
    except (OSError, TimeoutError) as exc:
        err.print(f"error: {escape(str(exc) or exc.__class__.__name__)}")
        sys.exit(1)
    except KafkaConnectionError as exc:
        err.print(f"error: cannot reach the Kafka broker ({escape(str(exc))})")
        sys.exit(1)
    except Exception as exc:  # a bug: still one line
        name = exc.__class__.__name__
        err.print(f"error: {name}: {escape(str(exc))}")
        sys.exit(1)
