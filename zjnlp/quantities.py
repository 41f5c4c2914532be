"""The words of quantities: ``targets.toml``, loaded, extended by a user's file and checked.

``zjnlp/data/targets.toml`` holds every word list and parameter the targets stage uses:
units of measure with their kinds, multipliers and the characters that guard them,
denominators, aliases, qualifiers and the cues that tell a commitment from a result.
The read stage takes its units from here too, to tell a rate whose % sign was lost
from a number with a unit. Code holds logic only.

A user's own TOML file has the same layout. By default it extends the packaged file:
its lists are added to the packaged lists, its tables' entries added or replaced; with
``replace = true`` at its top it replaces the packaged file (and must then give every
key). Every file is checked when loaded: a key the packaged file does not have, a
value of the wrong type, or a unit kind the code does not know is an
:class:`~zjnlp.errors.InputError` naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from zjnlp import errors
from zjnlp.errors import InputError

__all__ = ["MEASURE_UNIT_KINDS", "quantity_words"]

# What the targets stage does with a unit of measure of each kind.
MEASURE_UNIT_KINDS = {
    "percent": "a share: a number with 一 counts (一个百分点); no counted noun follows it",
    "ratio": "a multiple (倍, 番, 成): as percent",
    "count": "things counted (个, 家, 人次)",
    "money": "an amount of money: an amount followed by a number names a class (超10亿元项目50个)",
    "physical": "a physical quantity (亩, 吨, 千瓦): as money",
    "needs_multiplier": "a unit only after a multiplier of 10,000 or more (三千六百亿度, not 360度)",
    "time": "a duration or an age: a quantity only after a word that sets it (time_qualifiers)",
}

_PACKAGED = "targets.toml"
# Tables whose keys are words (any word may be added); every other table has fixed keys.
_WORD_TABLES = frozenset({"measure_unit_guards", "measure_unit_aliases", "multipliers", "multiplier_guards", "percent_prefixes"})


def _bad(source: str, key: str, problem: str) -> InputError:
    return InputError(source, errors.BAD_FIELD.format(field=key, problem=problem))


def _check(source: str, value: Any, model: Any, key: str) -> None:
    """Check ``value`` against the packaged file's value ``model`` at ``key``."""
    if isinstance(model, dict):
        if not isinstance(value, dict):
            raise _bad(source, key, "must be a table")
        for name, item in value.items():
            field = f"{key}.{name}" if key else name
            if key == "measure_units" and name not in MEASURE_UNIT_KINDS:
                raise _bad(source, field, f"is not a kind of unit of measure ({', '.join(MEASURE_UNIT_KINDS)})")
            if key in _WORD_TABLES or key == "measure_units":
                sample = next(iter(model.values()))
            elif name in model:
                sample = model[name]
            else:
                raise _bad(source, field, "is not a key of targets.toml")
            _check(source, item, sample, field)
        return
    if isinstance(model, list):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise _bad(source, key, "must be a list of non-empty strings")
        return
    number = isinstance(model, int | float) and not isinstance(model, bool)
    if isinstance(value, bool) or not isinstance(value, (int, float) if number else type(model)) or value == "":
        raise _bad(source, key, "must be a number" if number else "must be a non-empty string")


def _merged(base: Any, extra: Any) -> Any:
    """``extra`` added to ``base``: lists joined (without repeats), tables merged by key."""
    if isinstance(base, dict):
        return {**base, **{k: _merged(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list):
        return list(dict.fromkeys(base + extra))
    return extra


def _read(path: Path, source: str) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(source, errors.MISSING) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(source, errors.NOT_UTF8.format(error=error)) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(source, errors.NOT_TOML.format(error=error)) from None


@cache
def _packaged() -> dict:
    return _read(Path(str(resources.files("zjnlp") / "data" / _PACKAGED)), _PACKAGED)


@cache
def _words(path: Path | None, modified: int) -> dict:
    packaged = _packaged()
    if path is None:
        _check(_PACKAGED, packaged, packaged, "")
        return packaged
    own = _read(path, str(path))
    replace = own.pop("replace", False)
    if not isinstance(replace, bool):
        raise _bad(str(path), "replace", "must be true or false")
    _check(str(path), own, packaged, "")
    if not replace:
        return _merged(packaged, own)
    missing = _missing(own, packaged, "")
    if missing:
        raise _bad(str(path), missing, "is missing (a file with replace = true gives every key)")
    return own


def _missing(value: dict, model: dict, key: str) -> str | None:
    """The first key of ``model`` that ``value`` lacks (tables of words excepted), or None."""
    for name, item in model.items():
        field = f"{key}.{name}" if key else name
        if name not in value:
            return field
        if isinstance(item, dict) and field not in _WORD_TABLES and field != "measure_units":
            inner = _missing(value[name], item, field)
            if inner:
                return inner
    return None


def quantity_words(path: str | os.PathLike[str] | None = None) -> dict:
    """The word lists of quantities: the packaged ``targets.toml``, extended by ``path``.

    Parameters
    ----------
    path : str or path-like, optional
        A TOML file laid out as ``zjnlp/data/targets.toml``; without ``replace = true``
        its lists and tables extend the packaged ones.

    Returns
    -------
    dict
        The parsed, checked file (cached while the file is unchanged; do not modify).

    Raises
    ------
    zjnlp.errors.InputError
        The file is missing, not TOML, or a key is unknown or of the wrong type.

    Examples
    --------
    >>> quantity_words()["measure_units"]["percent"][:2]
    ['%', '‰']
    """
    if path is None:
        return _words(None, 0)
    path = Path(path)
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        modified = 0  # _read names the problem
    return _words(path, modified)
