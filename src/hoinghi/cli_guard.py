"""What the command line does instead of a traceback: a missing output folder, a store that is locked or
read-only, standard output closed, full or gone (`hoinghi extract … | head -1`) each end with one line on
standard error and exit status 1 (2 for a bad option)."""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import click


class _ClosedOutput(io.RawIOBase):
    """Standard output when the shell closed it (`hoinghi … >&-`): writing is an error, said once."""

    def writable(self) -> bool:
        return True

    def write(self, _b) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def guard_stdout() -> None:
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8", write_through=True)


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that what is still buffered for it is not written (and fails) again
    when Python exits."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):  # no real descriptor (closed, or a test's capture)
        pass


def os_message(exc: OSError) -> str:
    if exc.filename:
        return f"cannot write {exc.filename}: {exc.strerror or exc}"
    _silence_stdout()
    return f"cannot write the output: {exc.strerror or exc}"


def store_message(exc: Exception) -> str | None:
    """A short message for a database error (never the statement or its parameters, which hold page text)."""
    sa = sys.modules.get("sqlalchemy.exc")
    driver = sys.modules.get("sqlite3")  # the commands that only read use sqlite3 itself (`store.base`)
    if sa is not None and isinstance(exc, sa.DBAPIError):
        orig = exc.orig
    elif driver is not None and isinstance(exc, driver.Error):
        orig = exc
    else:
        from_store = sys.modules.get("hoinghi.store.base")
        return str(exc) if from_store and isinstance(exc, from_store.StoreError) else None
    reason = (str(orig or "").strip().splitlines() or [type(orig or exc).__name__])[0]
    if "locked" in reason:
        return (f"the store is locked ({reason}): another program kept it busy for over a minute; try again when "
                "it has finished")
    if "readonly" in reason or "read-only" in reason:
        return f"the store cannot be written ({reason}): check the permissions of the file and its folder"
    return f"the store failed: {reason}"


def engine_message(exc: Exception) -> str | None:
    """The message of an engine that cannot start (no Ray, a cluster that does not answer)."""
    engines = sys.modules.get("hoinghi.engines")
    return str(exc) if engines and isinstance(exc, engines.EngineError) else None


class Group(click.Group):
    """The `hoinghi` group: its commands' expected failures become one-line errors."""

    def main(self, *args, **kwargs):
        guard_stdout()
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader went away: end quietly (click exits 1 without a word)
                _silence_stdout()
                raise
            raise click.ClickException(os_message(exc)) from None
        except Exception as exc:
            message = store_message(exc) or engine_message(exc)
            if message is None:
                raise
            raise click.ClickException(message) from None


def output_path(_ctx, _param, value: str) -> str:
    """`-o`: a file whose folder exists (checked before any work is done)."""
    if value and value != "-":
        folder = Path(value).expanduser().parent
        if not folder.is_dir():
            raise click.BadParameter(f"the folder {str(folder)!r} does not exist (create it first)")
    return value
