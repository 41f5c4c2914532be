"""Errors zjnlp raises for input it cannot use, with their wording in one place.

Every message names the file (or parameter), the problem, and what to do. The command
line prints ``str(error)`` as one line on stderr and exits with code 2. There is one
exception type per kind of mistake: :class:`InputError` for a file or text zjnlp cannot
use (a report, a lexicon, a dictionary, a data file), :class:`OptionError` for an
argument of the wrong type or value; and one wording per situation, below, with the
checks every stage shares (:func:`check_whole_number`, :func:`check_choice`).

The errors pickle with their arguments, so an error raised in a worker process (a batch
of files) reaches the parent process intact.
"""

from __future__ import annotations


class ZjnlpError(ValueError):
    """Base class of the errors zjnlp raises for bad input."""


class InputError(ZjnlpError):
    """A file or text cannot be used: a report that cannot be read, a malformed lexicon.

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
    """An argument has a type or value zjnlp does not accept.

    Parameters
    ----------
    name : str
        The parameter.
    value : object
        What was given (for a value of the wrong type, the name of its type).
    expected : str
        What is accepted.
    """

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
UNDECODABLE = "could not be decoded as Chinese text in UTF-8, UTF-16, GB18030 or Big5"
NO_TEXT = "has no report text left after removing site boilerplate"

# Data files (lexicons, dictionaries, word lists)
NOT_UTF8 = "cannot be read as UTF-8 text ({error})"
NOT_TOML = "is not valid TOML ({error})"
BAD_FIELD = "field '{field}' {problem}; fix the file"
NO_SAMPLES = "holds no {kind}-r*.csv files of hand-coded samples"

# Command line
BUG = "could not be analysed ({error}); this is a bug in zjnlp: please report it with this file"
TOO_SMALL = "expected a whole number >= {minimum}, got {value!r}"
TRADITIONAL = (
    "looks like traditional Chinese; it is analysed as it is, but the lexicons and the "
    "tokenizer are simplified: add --to-simplified to convert it"
)


def check_whole_number(name: str, value: object, *, minimum: int, none: str | None = None) -> None:
    """Raise :class:`OptionError` unless ``value`` is an ``int`` of at least ``minimum``.

    ``True`` and ``False`` are not numbers here. With ``none`` (what ``None`` stands for,
    e.g. ``"all"``), ``None`` is accepted too.

    Examples
    --------
    >>> check_whole_number("top", 0, minimum=1)
    Traceback (most recent call last):
    ...
    zjnlp.errors.OptionError: top=0 is not valid: expected a whole number >= 1.
    """
    if value is None and none is not None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise OptionError(name, value, f"a whole number >= {minimum}" + (f", or None for {none}" if none else ""))


def check_choice(name: str, value: object, choices: tuple | list) -> None:
    """Raise :class:`OptionError` unless ``value`` is one of ``choices`` (e.g. ``get_args(Unit)``).

    Examples
    --------
    >>> check_choice("by", "chapter", ("document", "part"))
    Traceback (most recent call last):
    ...
    zjnlp.errors.OptionError: by='chapter' is not valid: expected one of 'document', 'part'.
    """
    if not isinstance(value, str | int) or isinstance(value, bool) or value not in choices:
        raise OptionError(name, value, "one of " + ", ".join(map(repr, choices)))
