"""Errors zjnlp raises for input it cannot use, with their wording in one place.

Every message names the file (or parameter), the problem, and what to do. The command
line prints ``str(error)`` as one line on stderr and exits with code 2.

The errors pickle with their arguments, so an error raised in a worker process (a batch
of files) reaches the parent process intact.
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

    def __reduce__(self):
        return type(self), (self.source, self.problem)


class OptionError(ZjnlpError):
    """An option has a value zjnlp does not accept."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__(f"{name}={value!r} is not valid: expected {expected}.")

    def __reduce__(self):
        return type(self), (self.name, self.value, self.expected)


MISSING = "no such file"
IS_DIRECTORY = "is a directory, not a report file"
UNREADABLE = "cannot be read (permission denied)"
EMPTY = "is empty"
BLANK = "holds only white space"
BINARY = "looks like a binary file ({kind}), not a text report"
UNSUPPORTED = "is {kind}, which zjnlp cannot read: {fix}"
SCANNED_PDF = "is a scanned PDF without a text layer: run OCR on it first (for example with ocrmypdf) and read the result"
BROKEN_FILE = "is a {kind} that cannot be opened ({detail}); it may be damaged or password-protected"
TEXT_GIVEN_AS_PATH = (
    "read_report(source) takes a file path, and this str holds text; "
    "read text with read_report(text=...) or Report.from_text(...)"
)
PATH_GIVEN_AS_TEXT = (
    "looks like a file path, not report text{exists}; read the file with "
    "read_report({path!r}) (or pass a pathlib.Path), and give text as a Report or with Report.from_text(...)"
)
UNDECODABLE = "could not be decoded as Chinese text in UTF-8, UTF-16, GB18030 or Big5"
NO_TEXT = "has no report text left after removing site boilerplate"

# Command line
BUG = "could not be analysed ({error}); this is a bug in zjnlp: please report it with this file"
TOO_SMALL = "expected a whole number >= {minimum}, got {value!r}"
TRADITIONAL = (
    "looks like traditional Chinese; it is analysed as it is, but the lexicons and the "
    "tokenizer are simplified: add --to-simplified to convert it"
)
