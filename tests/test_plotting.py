"""Tests for zjnlp.plotting: the Chinese font, labels, every figure function, no missing glyph."""

from __future__ import annotations

import ast
import importlib
import json
import logging
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from fontTools.ttLib import TTFont

from zjnlp import plotting
from zjnlp.corpus import SEED_PAGE as SEED
from zjnlp.read import read_report
from zjnlp.structure import units
from zjnlp.targets import targets
from zjnlp.themes import available_lexicons, load_lexicon, score_themes

ROOT = Path(__file__).resolve().parents[1]
PROVINCES = ROOT / "seeds" / "provinces-2026"
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seed():
    return read_report(SEED)


def _drawn(ax) -> None:
    """Draw the figure with every warning an error (a missing glyph warns at draw time)
    and no complaint from the font manager (a missing weight is only logged)."""
    logger = logging.getLogger("matplotlib.font_manager")
    with warnings.catch_warnings(), _Records(logger) as records:
        warnings.simplefilter("error")
        ax.figure.canvas.draw()
    assert [r.getMessage() for r in records if r.levelno >= logging.INFO] == []


class _Records(logging.Handler):
    """Collect the records a logger emits while in the ``with`` block."""

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(level=logging.DEBUG)
        self.logger, self.records = logger, []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> list[logging.LogRecord]:
        self.logger.addHandler(self)
        return self.records

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)


def _string_literals(source: str) -> str:
    """The string constants of Python source (IPython magics left out)."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("%"))
    return "".join(node.value for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Constant) and isinstance(node.value, str))


def _characters() -> list[str]:
    """Every character a figure can draw: the seed page, theme and dimension names, the
    provinces, and every string in the notebooks' code and in the plotting module."""
    text = SEED.read_text(encoding="utf-8")
    for theme in available_lexicons():
        lexicon = load_lexicon(theme)
        text += lexicon.name_zh + "".join(d.name_zh for d in lexicon.dimensions)
    text += "".join(path.stem for path in PROVINCES.glob("*"))
    text += _string_literals(Path(plotting.__file__).read_text(encoding="utf-8"))
    for notebook in NOTEBOOKS.glob("[0-9]*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                text += _string_literals("".join(cell["source"]))
    return sorted({c for c in text if not c.isspace()})


def _labels(width: int = 12) -> list[str]:
    chars = _characters()
    # unit_labels cuts titles at their first comma
    chars = [c for c in chars if c != "，"] + ["，"]
    return ["".join(chars[i : i + width]) for i in range(0, len(chars), width)]


def test_font_path_is_noto_sans_sc():
    assert plotting.font_path().is_file()
    assert plotting.font_path().name == "NotoSansSC-Regular.otf"


def test_import_changes_no_setting():
    before = dict(mpl.rcParams)
    importlib.reload(plotting)
    assert dict(mpl.rcParams) == before


def test_use_chinese_font_is_idempotent():
    first = plotting.use_chinese_font()
    settings = list(mpl.rcParams["font.sans-serif"])
    assert plotting.use_chinese_font() == first == "Noto Sans SC"
    assert mpl.rcParams["font.sans-serif"] == settings
    assert settings.count("Noto Sans SC") == 1 and settings[0] == "Noto Sans SC"
    assert mpl.rcParams["axes.unicode_minus"] is False


def test_the_font_has_every_character_the_notebooks_draw():
    # wordcloud draws with PIL, which silently draws a box for a missing glyph
    with TTFont(plotting.font_path()) as font:
        cmap = font.getBestCmap()
    assert [c for c in _characters() if ord(c) not in cmap] == []


@pytest.mark.parametrize(
    "row, expected",
    [
        ({"part": 2, "section": pd.NA, "title": "今年重点工作"}, "二、今年重点工作"),
        ({"part": pd.NA, "section": 6, "title": "建设教育强市，激发活力"}, "（六）建设教育强市"),
        ({"part": pd.NA, "section": 5, "title": "", "kind": "section"}, "（五）…"),
        ({"part": pd.NA, "section": 5, "title": pd.NA, "kind": "section"}, "（五）…"),
        ({"part": 1, "section": 12, "paragraph": 3, "title": "推进人才引育"}, "一、（十二）3 推进人才引育"),
        ({"part": pd.NA, "section": 6, "paragraph": pd.NA, "title": "", "kind": "paragraph"}, "（六）…"),
        ({"part": pd.NA, "section": 7, "paragraph": pd.NA, "title": "", "kind": "heading"}, "（七） 标题"),
        ({"part": pd.NA, "section": pd.NA, "title": "", "kind": "closing"}, "结束语"),
        ({"part": pd.NA, "section": 20, "title": "一二三四五六七八九十一二三四五六"}, "（二十）一二三四五六七八九十一二三…"),
    ],
)
def test_unit_labels(row, expected):
    assert plotting.unit_labels(pd.DataFrame([row])).tolist() == [expected]


def test_plot_lengths_draws_one_bar_per_unit(seed, tmp_path):
    table = units(seed, by="section")
    ax = plotting.plot_lengths(table, save=tmp_path / "figures" / "lengths.png")
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == (table["end"] - table["start"]).tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == plotting.unit_labels(table).tolist()
    assert (tmp_path / "figures" / "lengths.png").stat().st_size > 0
    _drawn(ax)


def test_saved_figures_are_byte_identical(seed, tmp_path):
    table = units(seed, by="section")
    for name in ("a.png", "b.png"):
        plotting.plot_lengths(table, save=tmp_path / name)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_plot_heatmap_by_section_with_theme_names(seed):
    scores = score_themes(seed, by="section")
    ax = plotting.plot_heatmap(scores)
    grid = ax.images[0].get_array()
    assert grid.shape == (len(units(seed, by="section")), len(available_lexicons()))
    names = [t.get_text() for t in ax.get_xticklabels()]
    assert names == [load_lexicon(t).name_zh for t in dict.fromkeys(scores["theme"])]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == plotting.unit_labels(units(seed, by="section")).tolist()
    assert rows[0] == "（五）…" and rows[2] == "（七）全面推进绿色发展" and rows[-1] == "结束语"
    _drawn(ax)


def test_plot_heatmap_rows_by_column_and_highlight():
    scores = pd.DataFrame({
        "province": ["广东省", "广东省", "北京市", "北京市"],
        "theme": ["green", "talent", "green", "talent"],
        "per_1000": [1.0, 2.0, 3.0, 4.0],
    })
    ax = plotting.plot_heatmap(scores, rows="province", highlight=["广东省"])
    np.testing.assert_array_equal(ax.images[0].get_array(), [[1.0, 2.0], [3.0, 4.0]])
    ticks = {t.get_text(): t for t in ax.get_yticklabels()}
    assert ticks["广东省"].get_color() == plotting.HIGHLIGHT
    assert ticks["北京市"].get_color() != plotting.HIGHLIGHT
    _drawn(ax)


def test_plot_ranking_sorts_and_highlights():
    table = pd.DataFrame({"name": ["甲", "乙", "丙"], "per_1000": [1.0, 3.0, 2.0]})
    ax = plotting.plot_ranking(table, label="name", highlight=["丙"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["乙", "丙", "甲"]
    colours = [mpl.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == [plotting.MUTED, plotting.HIGHLIGHT, plotting.MUTED]
    _drawn(ax)


def test_plot_timeline_marks_the_highlighted_point():
    table = pd.DataFrame({"year": [2021, 2022, 2023], "per_1000": [1.0, 2.0, 1.5]})
    ax = plotting.plot_timeline(table, highlight={"湛江市 2023": (2023, 4.0)})
    assert ax.lines[0].get_xdata().tolist() == [2021, 2022, 2023]
    assert ax.collections[0].get_offsets().tolist() == [[2023.0, 4.0]]
    assert ax.get_legend_handles_labels()[1] == ["国务院政府工作报告", "湛江市 2023"]
    assert not ax.texts  # named in the legend, not by a label over the line
    _drawn(ax)


def test_plot_heatmap_by_dimension_names_the_dimensions(seed):
    scores = score_themes(seed, by="section", lexicons=["green"], dimensions=True)
    ax = plotting.plot_heatmap(scores, columns="dimension")
    assert [t.get_text() for t in ax.get_xticklabels()] == [d.name_zh for d in load_lexicon("green").dimensions]
    _drawn(ax)


EDGES = pd.DataFrame({
    "source": ["绿色", "绿色", "低碳", "人才", "湛江"],
    "target": ["低碳", "发展", "发展", "创新", "红树林"],
    "weight": [3, 2, 1, 1, 1],
})


def test_plot_network_is_the_same_on_every_run():
    first = plotting.plot_network(EDGES, highlight=["绿色", "低碳"])
    second = plotting.plot_network(EDGES, highlight=["绿色", "低碳"])
    nodes = first.collections[1]  # the edges are drawn first
    np.testing.assert_array_equal(nodes.get_offsets(), second.collections[1].get_offsets())
    assert len(nodes.get_offsets()) == 7
    colours = [mpl.colors.to_hex(c) for c in nodes.get_facecolor()]
    assert colours.count(mpl.colors.to_hex(plotting.HIGHLIGHT)) == 2
    _drawn(first)


def test_plot_network_keeps_the_heaviest_edges():
    ax = plotting.plot_network(EDGES, top=2)
    assert sorted(t.get_text() for t in ax.texts) == ["低碳", "发展", "绿色"]


def test_plot_targets_stacks_counts_per_unit_in_theme_colours():
    table = pd.DataFrame({
        "part": pd.array([pd.NA] * 4, dtype="Int64"),
        "section": pd.array([6, 6, 7, 7], dtype="Int64"),
        "paragraph": pd.array([1, 2, 1, 1], dtype="Int64"),
        "theme": ["talent", "education", "green", "green"],
    })
    ax = plotting.plot_targets(table, by="section")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["（六）", "（七）"]
    bars = {mpl.colors.to_hex(p.get_facecolor()): p.get_width() for p in ax.patches if p.get_width()}
    assert bars[plotting.THEME_COLOURS["green"]] == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["绿色发展", "教育", "人才"]
    _drawn(ax)


def test_plot_targets_labels_the_bars_with_the_reports_titles(seed):
    table = targets(seed, include="all").assign(theme="green")
    ax = plotting.plot_targets(table, report=seed, by="section")
    named = units(seed, by="section").set_index("section")
    expected = plotting.unit_labels(named.loc[list(dict.fromkeys(table["section"]))].reset_index())
    assert [t.get_text() for t in ax.get_yticklabels()] == expected.tolist()
    assert sum(p.get_width() for p in ax.patches) == len(table)
    _drawn(ax)


def test_plot_wordcloud_is_the_same_on_every_run():
    frequencies = {"绿色发展": 9, "人才": 7, "湛江": 5, "创新": 3}
    first = plotting.plot_wordcloud(frequencies).images[0].get_array()
    second = plotting.plot_wordcloud(pd.Series(frequencies)).images[0].get_array()
    np.testing.assert_array_equal(first, second)


def test_every_figure_draws_every_character_without_a_missing_glyph():
    labels = _labels(width=32)
    n = len(labels)
    table = pd.DataFrame({
        "part": pd.array([pd.NA] * n, dtype="Int64"), "section": pd.array(range(1, n + 1), dtype="Int64"),
        "title": labels, "kind": "section", "start": range(0, 10 * n, 10), "end": range(5, 10 * n + 5, 10),
    })
    themes = [labels[0][:8]] * n + [labels[-1][:8]] * n  # column labels are theme names, short
    scores = pd.DataFrame({"name": labels * 2, "theme": themes, "per_1000": range(2 * n)})
    figures = [
        plotting.plot_lengths(table, title=labels[0]),
        plotting.plot_heatmap(scores, rows="name", highlight=labels[:1], title=labels[1]),
        plotting.plot_ranking(scores.head(n), label="name", highlight=labels[:2], title=labels[2], xlabel=labels[3]),
        plotting.plot_timeline(
            pd.DataFrame({"year": range(n), "per_1000": range(n)}),
            highlight={label: (i, i) for i, label in enumerate(labels[:3])}, title=labels[3], ylabel=labels[4],
        ),
        plotting.plot_network(
            pd.DataFrame({"source": labels[:-1], "target": labels[1:], "weight": 1}), top=None, title=labels[5]
        ),
        plotting.plot_targets(table.assign(kind="target", theme=themes[:n]), split="theme", title=labels[6]),
        plotting.plot_wordcloud({label: i + 1 for i, label in enumerate(labels)}, title=labels[4]),
    ]
    for ax in figures:
        _drawn(ax)


LAYOUT_SCRIPT = """
import json, sys
from pathlib import Path
from zjnlp import plotting
from zjnlp.keywords import cooccurrence
from zjnlp.read import read_report
edges = cooccurrence(read_report(Path(sys.argv[1])), window=5, min_count=2)
ax = plotting.plot_network(edges, top=40)
print(json.dumps(sorted((t.get_text(), *map(float, t.get_position())) for t in ax.texts)))
"""


def _layout_in_a_process(hash_seed: str | None) -> list:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    env["MPLBACKEND"] = "Agg"
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    done = subprocess.run([sys.executable, "-c", LAYOUT_SCRIPT, str(SEED)], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_network_layout_does_not_depend_on_the_hash_seed():
    layouts = [_layout_in_a_process(seed) for seed in ("0", "1", None, "12345")]
    assert len(layouts[0]) > 20
    assert all(layout == layouts[0] for layout in layouts[1:])


def test_network_layout_does_not_depend_on_the_order_of_the_edges():
    shuffled = EDGES.sample(frac=1, random_state=3).rename(columns={"source": "target", "target": "source"})
    first, second = plotting.plot_network(EDGES), plotting.plot_network(shuffled)
    assert sorted((t.get_text(), t.get_position()) for t in first.texts) == sorted((t.get_text(), t.get_position()) for t in second.texts)


def _boxes(ax) -> list:
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    return [text.get_window_extent(renderer) for text in ax.texts]


def test_network_labels_do_not_overlap(seed):
    from zjnlp.keywords import cooccurrence

    ax = plotting.plot_network(cooccurrence(seed, window=5, min_count=2), top=40)
    boxes = _boxes(ax)
    overlapping = [
        (ax.texts[i].get_text(), ax.texts[j].get_text())
        for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])
    ]
    assert overlapping == []


def test_plot_timeline_breaks_the_line_at_gaps_and_starts_at_zero():
    table = pd.DataFrame({"year": [1963, 1964, 1975, 1976], "per_1000": [0.0, 0.1, 0.2, 0.0]})
    ax = plotting.plot_timeline(table, highlight={"湛江市 2023": (1976, 0.5, 0.3, 0.9)})
    y = ax.lines[0].get_ydata()
    assert np.isnan(y).sum() == 1 and 1964 < ax.lines[0].get_xdata()[2] < 1975
    assert ax.get_ylim()[0] == 0
    _drawn(ax)


def test_plot_ranking_draws_intervals():
    table = pd.DataFrame({"report": ["甲", "乙"], "share": [20.0, 10.0], "low": [15.0, 5.0], "high": [30.0, 12.0]})
    ax = plotting.plot_ranking(table, label="report", value="share", interval=("low", "high"))
    segments = ax.collections[-1].get_segments()
    assert [tuple(s[:, 0]) for s in segments] == [(15.0, 30.0), (5.0, 12.0)]


def test_plot_targets_counts_on_an_integer_axis():
    table = pd.DataFrame({"part": pd.NA, "section": [6, 6, 7], "measure": ["increment", "level", "increment"], "start": [0, 1, 2]})
    ax = plotting.plot_targets(table, split="measure")
    ax.figure.canvas.draw()
    assert all(float(t).is_integer() for t in ax.get_xticks())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["新增量", "目标水平"]


def test_large_heatmap_fits_a_notebook_and_writes_whole_numbers():
    scores = pd.DataFrame({"report": np.repeat([f"报告{i}" for i in range(30)], 10), "theme": np.tile(available_lexicons()[:10], 30), "share": 12.345})
    ax = plotting.plot_heatmap(scores, rows="report", value="share")
    assert ax.figure.get_size_inches()[0] <= 9
    assert {t.get_text() for t in ax.texts} == {"12"} and {t.get_fontsize() for t in ax.texts} == {9}
