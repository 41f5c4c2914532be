"""Errors zjnlp raises for input it cannot use, with their wording in one place.

Every message names the file (or parameter), the problem, and what to do. The command
line prints ``str(error)`` as one line on stderr and exits with code 2.
"""

from __future__ import annotations


class ZjnlpError(ValueError):
    """Base class of the errors zjnlp raises for bad input."""


class InputError(ZjnlpError):
    """A report file or text cannot be read as a report.

    Parameters
    ----------
    source : str
        The file name, or ``"<text>"`` / ``"<bytes>"`` for in-memory input.
    problem : str
        What is wrong, phrased so that the reader can act on it.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class OptionError(ZjnlpError):
    """An option has a value zjnlp does not accept."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        self.name = name
        self.value = value
        super().__init__(f"{name}={value!r} is not valid: expected {expected}.")


MISSING = "no such file"
IS_DIRECTORY = "is a directory, not a report file"
UNREADABLE = "cannot be read (permission denied)"
EMPTY = "is empty"
BLANK = "holds only white space"
BINARY = "looks like a binary file ({kind}), not a text report"
UNDECODABLE = "could not be decoded as UTF-8, UTF-16 or GB18030"
NO_TEXT = "has no report text left after removing site boilerplate"
