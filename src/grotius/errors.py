"""Errors that reach users as one clear line naming the file (and line), never a traceback."""

from __future__ import annotations


class GrotiusError(Exception):
    """Base class for every error Grotius reports to a user."""


class InputError(GrotiusError):
    """Bad input: names the file and, where known, the line."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
