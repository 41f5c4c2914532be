"""zjnlp: Chinese government work reports (政府工作报告) as data.

The pipeline, one module per stage: :mod:`zjnlp.read` → :mod:`zjnlp.structure` →
:mod:`zjnlp.tokenize` → analyses (:mod:`zjnlp.keywords`, :mod:`zjnlp.context`,
:mod:`zjnlp.themes`, :mod:`zjnlp.targets`) → :mod:`zjnlp.plotting` and the command
line (:mod:`zjnlp.cli`). The most used names are importable from ``zjnlp`` itself;
they are loaded on first use, so ``import zjnlp`` stays cheap. (``structure`` and
``targets`` are module names too: call them as ``zjnlp.structure.structure`` and
``zjnlp.targets.targets``.)

>>> import zjnlp
>>> zjnlp.units("一、工作回顾\\n成绩显著。", by="part")["title"].tolist()
['工作回顾']
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Report": "zjnlp.read",
    "read_report": "zjnlp.read",
    "units": "zjnlp.structure",
    "sentences": "zjnlp.structure",
    "Tokenizer": "zjnlp.tokenize",
    "stopwords": "zjnlp.tokenize",
    "discover_words": "zjnlp.tokenize",
    "term_frequencies": "zjnlp.keywords",
    "tfidf_keywords": "zjnlp.keywords",
    "keyness": "zjnlp.keywords",
    "cooccurrence": "zjnlp.keywords",
    "kwic": "zjnlp.context",
    "score_themes": "zjnlp.themes",
    "themes_in": "zjnlp.themes",
    "map_reports": "zjnlp.batch",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'zjnlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
