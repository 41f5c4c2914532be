"""Figures from zjnlp's tables, drawn in a Chinese font.

Every function takes a table another stage returned (units, theme scores, keyword
frequencies, co-occurrences, targets), draws one figure with one call, returns its
:class:`~matplotlib.axes.Axes` and, given ``save=``, writes it as a PNG. Labels are drawn
in Noto Sans SC from the ``pylopdf-fonts-zh-cn`` wheel, which :func:`use_chinese_font`
registers with matplotlib (every function here calls it; importing the module changes
nothing). Layouts and word clouds use fixed seeds, so a figure is the same on every run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import cycle
from pathlib import Path
from typing import Literal

import matplotlib as mpl
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from zjnlp.chinese import numeral
from zjnlp.read import Report
from zjnlp.structure import Unit, unit_columns, units

__all__ = [
    "font_path",
    "use_chinese_font",
    "unit_labels",
    "plot_lengths",
    "plot_heatmap",
    "plot_ranking",
    "plot_timeline",
    "plot_network",
    "plot_targets",
    "plot_wordcloud",
]

HIGHLIGHT = "#d62728"
BASE = "#4c72b0"
MUTED = "#9aa9c2"
# One colour per packaged theme, the same in every figure (green is green).
THEME_COLOURS = {
    "green": "#2ca02c", "environment_chen2018": "#98df8a", "talent": "#8c564b", "education": "#ff7f0e",
    "innovation": "#1f77b4", "employment": "#9467bd", "health": "#17becf", "social_security": "#e377c2",
    "culture": "#bcbd22", "governance": "#7f7f7f", "safety": "#d62728",
}
_VALUE_LABELS = {"per_1000": "每千词命中数", "share": "占主题词命中的比例（%）", "hits": "命中数", "char_share": "字数占比"}
_DPI = 120
_MAX_WIDTH = 9.0  # inches: a notebook's output width at 100 dpi, so figures are not scaled down
_MEASURE_LABELS = {"increment": "新增量", "level": "目标水平", "rate": "增速", "ceiling": "上限", "其他": "未说明"}
_KIND_LABELS = {"address": "开头", "contents": "目录", "closing": "结束语", "appendix": "附件", "document": "全文"}


def font_path() -> Path:
    """The Noto Sans SC font file, for tools that take a path (such as ``wordcloud``).

    Example
    -------
    >>> font_path().name
    'NotoSansSC-Regular.otf'
    """
    from pylopdf_fonts_zh_cn import sans_path

    return Path(sans_path())


@cache
def _register() -> str:
    path = str(font_path())
    mpl.font_manager.fontManager.addfont(path)
    return mpl.font_manager.FontProperties(fname=path).get_name()


def use_chinese_font() -> str:
    """Make matplotlib draw text in Noto Sans SC; safe to call any number of times.

    Registers the font file once, puts it first in ``font.sans-serif`` (the other fonts
    stay as fallbacks), selects the sans-serif family and draws the minus sign as ``-``
    (the font has no U+2212).

    Returns
    -------
    str
        The family name, ``"Noto Sans SC"``.

    Example
    -------
    >>> use_chinese_font()
    'Noto Sans SC'
    """
    name = _register()
    sans = [family for family in mpl.rcParams["font.sans-serif"] if family != name]
    mpl.rcParams["font.sans-serif"] = [name, *sans]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["axes.unicode_minus"] = False
    return name


def _short(text: str, width: int) -> str:
    """A title up to its first comma, cut to ``width`` characters."""
    text = text.split("，")[0]
    return text if len(text) <= width else text[: width - 1] + "…"


def unit_labels(table: pd.DataFrame, *, width: int = 14) -> pd.Series:
    """Readable labels for the units of a table: ``一、工作回顾``, ``（六）建设教育强市``, ``（六）2 推进…``.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows with unit columns (``part``, ``section``, ``paragraph``, any of them) and,
        optionally, ``title`` (empty or NA when unknown) and ``kind``, as
        :func:`zjnlp.structure.units` and :func:`zjnlp.themes.score_themes` return them.
    width : int, default=14
        Titles are cut at their first comma and to this many characters.

    Returns
    -------
    pandas.Series of str
        One label per row, on the table's index.

    Example
    -------
    >>> table = pd.DataFrame({"part": [pd.NA], "section": [6], "title": ["建设教育强市，激发活力"]})
    >>> unit_labels(table).tolist()
    ['（六）建设教育强市']
    """
    labels = []
    for row in table.to_dict("records"):
        part, section, paragraph = (row.get(k, pd.NA) for k in ("part", "section", "paragraph"))
        if row.get("kind") in _KIND_LABELS:
            label = _KIND_LABELS[row["kind"]]
        else:
            label = "" if pd.isna(part) else f"{numeral(part)}、"
            label += "" if pd.isna(section) else f"（{numeral(section)}）"
            if row.get("kind") == "heading":
                label += " 标题 "
            elif "paragraph" in row:
                # a paragraph cut at its start by the page has no number
                label += ("…" if pd.isna(paragraph) else str(int(paragraph))) + " "
            if isinstance(row.get("title"), str) and row["title"]:
                label += _short(row["title"], width)
            elif row.get("kind") in ("part", "section"):
                label += "…"  # the heading is on a page this copy does not have
            label = label.strip() or "其他"  # a unit without number or kind: the address or closing
        labels.append(label)
    return pd.Series(labels, index=table.index, dtype=object)


def _label_width(labels: Sequence[str]) -> float:
    """Inches the longest label takes at the default tick size (a Chinese character ≈ 0.14 in)."""
    return 0.14 * max((len(label) for label in labels), default=0)


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _save(ax: Axes, save: str | os.PathLike[str] | None) -> Axes:
    if save is not None:
        path = Path(save)
        path.parent.mkdir(parents=True, exist_ok=True)
        ax.figure.savefig(path, dpi=_DPI, metadata={"Software": None})
    return ax


def plot_lengths(
    table: pd.DataFrame,
    *,
    title: str = "各部分的篇幅",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """Horizontal bars: the length in characters of each unit, in report order.

    Parameters
    ----------
    table : pandas.DataFrame
        Units as :func:`zjnlp.structure.units` returns them (``start``, ``end`` and the
        unit columns; ``title`` and ``kind`` label the bars when present).
    title : str, default="各部分的篇幅"
    ax : matplotlib Axes, optional
        Draw here instead of on a new figure.
    save : path, optional
        Write the figure as a PNG there (folders are created).

    Returns
    -------
    matplotlib.axes.Axes

    Example
    -------
    >>> from zjnlp.structure import units
    >>> ax = plot_lengths(units("（一）推动绿色发展。加快转型。\\n（二）建设人才强市。", by="section"))
    """
    lengths = (table["end"] - table["start"]).to_numpy()
    labels = unit_labels(table)
    ax = _axes(ax, (5.5 + _label_width(labels), 0.45 * len(table) + 1.2))
    y = np.arange(len(table))
    ax.barh(y, lengths, color=BASE)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    for position, length in zip(y, lengths):
        ax.annotate(f"{length:,}", (length, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xlabel("字数")
    ax.set_title(title)
    ax.margins(x=0.12)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(ax, save)


def _theme_names(themes: Sequence[str]) -> list[str]:
    """Chinese names of packaged theme lexicons; other ids are shown as they are."""
    from zjnlp.themes import available_lexicons, load_lexicon

    packaged = set(available_lexicons())
    return [load_lexicon(t).name_zh if t in packaged else t for t in themes]


def _dimension_names(themes: Sequence[str], dimensions: Sequence[str]) -> list[str]:
    """Chinese names of the sub-dimensions of packaged lexicons; other ids as they are."""
    from zjnlp.themes import available_lexicons, load_lexicon

    names = {
        dimension.id: dimension.name_zh
        for theme in themes if theme in available_lexicons()
        for dimension in load_lexicon(theme).dimensions
    }
    return [names.get(d, d) for d in dimensions]


def plot_heatmap(
    scores: pd.DataFrame,
    *,
    rows: str | None = None,
    columns: Literal["theme", "dimension"] = "theme",
    value: str = "per_1000",
    highlight: Sequence[str] = (),
    decimals: int | None = None,
    title: str = "主题关注度（每千词命中数）",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """A heatmap of theme scores: units (or reports) down, themes across, values written in.

    Parameters
    ----------
    scores : pandas.DataFrame
        Long table with ``theme`` (and ``dimension``) and ``value`` columns, as
        :func:`zjnlp.themes.score_themes` returns it (by part or section its ``title`` and
        ``kind`` label the rows), or with a column naming each report.
    rows : str, optional
        The column that labels the rows (``"province"``, ``"report"``); by default the
        unit columns, labelled by :func:`unit_labels`.
    columns : {"theme", "dimension"}, default="theme"
        One column per theme, or per sub-dimension (``score_themes(..., dimensions=True)``),
        labelled with the lexicons' Chinese names.
    value : str, default="per_1000"
    highlight : sequence of str
        Row labels drawn in red (``["广东省"]``).
    decimals : int, optional
        Decimals of the numbers written in the cells: by default none for counts
        (``hits``) and for grids of more than 12 rows, else one.
    title : str
    ax, save
        As for :func:`plot_lengths`.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    The figure is at most 9 inches wide, the width of a notebook's output at 100 dpi, so
    that it is shown at its own size and the cell numbers (9 points) stay legible.
    """
    frame = scores.assign(_row=unit_labels(scores) if rows is None else scores[rows].astype(str))
    order = list(dict.fromkeys(frame["_row"]))
    across = list(dict.fromkeys(frame[columns]))
    grid = frame.pivot_table(index="_row", columns=columns, values=value, aggfunc="sum", sort=False)
    values = grid.reindex(index=order, columns=across).to_numpy(dtype=float)
    names = _theme_names(across) if columns == "theme" else _dimension_names(frame["theme"].unique(), across)
    if decimals is None:
        decimals = 0 if value == "hits" or len(order) > 12 else 1
    width = min(_MAX_WIDTH, 0.75 * len(across) + 2.2 + _label_width(order))
    ax = _axes(ax, (width, 0.34 * len(order) + 1.2 + 0.7 * _label_width(names)))
    image = ax.imshow(values, cmap="YlGn", aspect="auto")
    ax.set_xticks(range(len(across)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(order)), order)
    peak = np.nanmax(values) if values.size else 0
    for (i, j), cell in np.ndenumerate(values):
        if not np.isnan(cell):
            ax.text(j, i, f"{cell:.{decimals}f}", ha="center", va="center", fontsize=9, color="white" if cell > 0.6 * peak else "black")
    for tick in ax.get_yticklabels():
        if tick.get_text() in highlight:
            tick.set_color(HIGHLIGHT)  # colour only: the font has no bold weight
    ax.figure.colorbar(image, ax=ax, shrink=0.6, label=_VALUE_LABELS.get(value, value))
    ax.set_title(title)
    return _save(ax, save)


def plot_ranking(
    table: pd.DataFrame,
    *,
    label: str,
    value: str = "per_1000",
    interval: tuple[str, str] | None = None,
    highlight: Sequence[str] = (),
    title: str = "",
    xlabel: str = "每千词命中数",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """Horizontal bars sorted by ``value``, the ``highlight`` rows in red.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per bar: a ``label`` column and a ``value`` column.
    label, value : str
        The columns naming and sizing the bars.
    interval : (str, str), optional
        Columns with the low and high ends of each bar's interval (``("share_low",
        "share_high")`` from :func:`zjnlp.themes.bootstrap_themes`), drawn as error bars.
    highlight : sequence of str
        Labels whose bars stand out (``["广东省", "湛江市 2023"]``).
    title, xlabel : str
    ax, save
        As for :func:`plot_lengths`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ordered = table.sort_values([value, label], ascending=[False, True], kind="stable")
    names = ordered[label].astype(str).tolist()
    ax = _axes(ax, (5 + _label_width(names), 0.28 * len(ordered) + 1.4))
    y = np.arange(len(ordered))
    ax.barh(y, ordered[value], color=[HIGHLIGHT if n in highlight else MUTED for n in names])
    if interval is not None:
        low, high = (ordered[c].to_numpy(dtype=float) for c in interval)
        middle = ordered[value].to_numpy(dtype=float)
        ax.errorbar(middle, y, xerr=[middle - low, high - middle], fmt="none", ecolor="#333333", elinewidth=0.9, capsize=2)
    ax.set_yticks(y, names, fontsize=9)
    ax.margins(y=0.01)
    ax.invert_yaxis()
    for tick in ax.get_yticklabels():
        if tick.get_text() in highlight:
            tick.set_color(HIGHLIGHT)  # colour only: the font has no bold weight
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(ax, save)


def plot_timeline(
    table: pd.DataFrame,
    *,
    x: str = "year",
    y: str = "per_1000",
    highlight: Mapping[str, tuple[float, float]] | None = None,
    label: str = "国务院政府工作报告",
    title: str = "",
    ylabel: str = "每千词命中数",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """A line over time (one point per report), with labelled points placed against it.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per report with columns ``x`` and ``y``.
    highlight : mapping of str to (x, y) or (x, y, low, high), optional
        Points drawn in red, each with its own marker and named in the legend
        (``{"湛江市 2023": (2023, 4.1)}``);
        with ``low`` and ``high``, an error bar shows the point's interval. Points that
        share an x are drawn side by side.
    label : str, default="国务院政府工作报告"
        The line's name in the legend.
    title, ylabel : str
    ax, save
        As for :func:`plot_lengths`.

    The line is broken where ``x`` skips a step (no report in 1965–1974), so it does not
    draw values for years without one, and the y axis starts at 0 when no value is
    negative.

    Returns
    -------
    matplotlib.axes.Axes
    """
    data = table.sort_values(x)[[x, y]].astype(float)
    step = np.diff(data[x].to_numpy()).min(initial=np.inf) if len(data) > 1 else 1
    gaps = data[x].diff().gt(step)
    breaks = pd.DataFrame({x: data[x][gaps] - step / 2, y: np.nan})
    line = pd.concat([data, breaks]).sort_values(x, kind="stable")
    ax = _axes(ax, (9, 4))
    ax.plot(line[x], line[y], color=BASE, marker="o", markersize=3, linewidth=1.2, label=label)
    shared = pd.Series([point[0] for point in (highlight or {}).values()], dtype=float)
    # points at the same x are drawn side by side, 0.6 apart, so their error bars stay apart
    dodge = (shared.groupby(shared).cumcount() - (shared.groupby(shared).transform("size") - 1) / 2) * 0.6
    # named in the legend, each by its own marker: a label beside the point would cover the line
    markers = [("*", 180), ("D", 60), ("s", 60), ("^", 80), ("v", 80)]
    for (name, point), shift, (marker, size) in zip((highlight or {}).items(), dodge, cycle(markers)):
        px, py = point[0] + shift, point[1]
        if len(point) == 4:
            ax.errorbar([px], [py], yerr=[[py - point[2]], [point[3] - py]], color=HIGHLIGHT, capsize=4, linewidth=1.2, zorder=3)
        ax.scatter([px], [py], marker=marker, s=size, color=HIGHLIGHT, zorder=3, label=name)
    ax.margins(y=0.15)  # room above the highest point for the legend
    if (data[y].dropna() >= 0).all():
        ax.set_ylim(bottom=0)
    ax.set_xlabel("年份")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(ax, save)


def _sorted_graph(graph: nx.Graph) -> nx.Graph:
    """The same graph with nodes and edges inserted in sorted order.

    networkx keeps insertion order, and a subgraph view iterates over a set of nodes,
    whose order depends on the hash seed of the process (``PYTHONHASHSEED``). A spring
    layout gives its seeded start positions in node order, so an unsorted graph is drawn
    differently from one process to the next.
    """
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda item: str(item[0])))
    ordered.add_edges_from(sorted((tuple(sorted((u, v), key=str)) + (d,) for u, v, d in graph.edges(data=True)), key=lambda e: (str(e[0]), str(e[1]))))
    return ordered


def _layout(graph: nx.Graph, seed: int) -> dict:
    """Spring layouts of the connected components, packed in rows, largest first.

    One spring layout of a disconnected graph pushes the components to the corners and
    crowds each of them; laid out one by one, each gets room in proportion to its size.
    Every component is rebuilt in sorted order first, so the layout depends on the
    graph's content only.
    """
    components = sorted((sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), [str(n) for n in c]))
    sides = [np.sqrt(len(nodes)) for nodes in components]
    width = 1.4 * np.sqrt(sum(side**2 for side in sides))
    position: dict = {}
    x = y = height = 0.0
    for nodes, side in zip(components, sides):
        if x > 0 and x + side > width:
            x, y, height = 0.0, y - height, 0.0
        centre = (x + side / 2, y - side / 2)
        sub = _sorted_graph(graph.subgraph(nodes))
        spread = 2 / np.sqrt(len(nodes))  # twice networkx's default distance between nodes
        position.update(
            nx.spring_layout(sub, k=spread, iterations=200, seed=seed, weight="weight", scale=0.4 * side, center=centre)
        )
        x, height = x + side, max(height, side)
    return position


def _separate(position: dict, boxes: dict, size: tuple[float, float], rounds: int = 300) -> dict:
    """Move nodes apart until their boxes (label or marker, in inches) do not overlap.

    ``position`` is in data units and is scaled to the figure's ``size`` in inches; each
    overlapping pair is pushed apart along the axis where it overlaps least, half each
    way, in sorted order, so the result is the same on every run.
    """
    nodes = sorted(position, key=str)
    xy = np.array([position[n] for n in nodes], dtype=float)
    low, span = xy.min(axis=0), np.ptp(xy, axis=0)
    span[span == 0] = 1
    xy = (xy - low) / span * np.asarray(size)  # inches
    half = np.array([boxes[n] for n in nodes], dtype=float) / 2
    for _ in range(rounds):
        gap = np.abs(xy[:, None, :] - xy[None, :, :]) - (half[:, None, :] + half[None, :, :])
        overlap = (gap < 0).all(axis=2)
        np.fill_diagonal(overlap, False)
        if not overlap.any():
            break
        for i, j in zip(*np.nonzero(np.triu(overlap))):
            axis = int(np.argmax(gap[i, j]))  # the axis with the smallest overlap
            direction = np.sign(xy[j, axis] - xy[i, axis]) or (1.0 if i < j else -1.0)
            push = (-gap[i, j, axis] / 2 + 0.01) * direction
            xy[i, axis] -= push
            xy[j, axis] += push
    return {n: tuple(p) for n, p in zip(nodes, xy)}


def plot_network(
    edges: pd.DataFrame | nx.Graph,
    *,
    top: int | None = 40,
    highlight: Iterable[str] = (),
    seed: int = 0,
    title: str = "",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """A co-occurrence network: terms as nodes sized by strength, edges as wide as their weight.

    Parameters
    ----------
    edges : pandas.DataFrame or networkx.Graph
        The edges of one unit as :func:`zjnlp.keywords.cooccurrence` returns them
        (``source, target, weight``), or the graph :func:`zjnlp.keywords.cooccurrence_graph`
        makes of them.
    top : int or None, default=40
        Draw only the heaviest ``top`` edges (ties kept in table order); all when None.
    highlight : iterable of str
        Terms drawn in red (the terms of a theme lexicon, say).
    seed : int, default=0
        Seeds the spring layout; nodes and edges are sorted first, so the drawing is the
        same on every run, whatever the hash seed of the process or the order of the
        edges. Nodes are then moved apart until no label overlaps another label or node.
    title : str
    ax, save
        As for :func:`plot_lengths`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from zjnlp.keywords import cooccurrence_graph

    if isinstance(edges, pd.DataFrame):
        kept = edges if top is None else edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable").head(top)
        graph = cooccurrence_graph(kept)
    else:
        graph = edges
    graph = _sorted_graph(graph)
    marked = set(highlight)
    strength = np.array([graph.nodes[n].get("weight", 1) for n in graph.nodes], dtype=float)
    widths = np.array([graph.edges[e].get("weight", 1) for e in graph.edges], dtype=float)
    sizes = 80 + 520 * strength / max(strength.max(initial=1), 1)  # points²
    # each node's box in inches: its label (10-point characters) or its marker, whichever
    # is larger, with room to spare; positions come back in inches, drawn at that scale
    diameters = np.sqrt(sizes) / 72
    boxes = {n: (max(0.16 * len(str(n)) + 0.08, d), max(0.24, d)) for n, d in zip(graph.nodes, diameters)}
    position = _separate(_layout(graph, seed), boxes, (7.6, 5.4))
    xy = np.array(list(position.values())) if position else np.zeros((1, 2))
    low, high = xy.min(axis=0) - 0.5, xy.max(axis=0) + 0.5
    ax = _axes(ax, (high[0] - low[0] + 0.3, high[1] - low[1] + 0.7))
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
    nx.draw_networkx_edges(graph, position, ax=ax, width=0.6 + 2.4 * widths / max(widths.max(initial=1), 1), edge_color="#b0b0b0")
    nx.draw_networkx_nodes(
        graph, position, ax=ax, node_size=sizes,
        node_color=[HIGHLIGHT if n in marked else BASE for n in graph.nodes], alpha=0.45,
    )
    nx.draw_networkx_labels(graph, position, ax=ax, font_size=10, font_family=use_chinese_font())
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title)
    return _save(ax, save)


def plot_targets(
    targets: pd.DataFrame,
    *,
    report: Report | None = None,
    by: Unit = "section",
    split: str = "theme",
    title: str = "各部分的量化目标",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """Stacked bars: how many quantities each unit states, split by a column (theme, kind, unit).

    Parameters
    ----------
    targets : pandas.DataFrame
        One row per quantity, as :func:`zjnlp.targets.targets` returns it, with the
        column ``split``, one value a row (explode a column of lists first); empty values
        count as ``"其他"``.
    report : Report, optional
        The report the quantities come from: each bar is labelled with its unit's title
        (the quantity's ``start`` places it in ``units(report, by=by)``). Without it the
        bars are labelled by a ``title`` column when there is one, else by number only.
    by : {"part", "section", "paragraph"}, default="section"
        One bar per unit at this level.
    split : str, default="theme"
        The column that splits each bar; theme ids are shown by their Chinese names and
        colours, the values of ``measure`` (increment, level, rate, ceiling) by Chinese
        names.
    title : str
    ax, save
        As for :func:`plot_lengths`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if report is None:
        labels = unit_labels(targets[[*unit_columns(by), *(["title"] if "title" in targets.columns else [])]])
    else:
        named = units(report, by=by)
        row = np.searchsorted(named["start"].to_numpy(), targets["start"].to_numpy(), side="right") - 1
        labels = unit_labels(named).to_numpy()[row]
    frame = targets.assign(_row=labels, _split=targets[split].fillna("其他").replace("", "其他"))
    counts = pd.crosstab(frame["_row"], frame["_split"]).reindex(index=list(dict.fromkeys(frame["_row"])))
    counts = counts[counts.sum().sort_values(ascending=False, kind="stable").index]
    themes = split == "theme"
    if themes:
        names = _theme_names(counts.columns)
    else:
        names = [_MEASURE_LABELS.get(c, c) for c in counts.columns] if split == "measure" else list(counts.columns)
    ax = _axes(ax, (7 + _label_width(counts.index), 0.5 * len(counts) + 1.6))
    y, left = np.arange(len(counts)), np.zeros(len(counts))
    palette = mpl.colormaps["tab10"]
    for i, (column, name) in enumerate(zip(counts.columns, names)):
        colour = THEME_COLOURS.get(column, palette(i % 10)) if themes else palette(i % 10)
        ax.barh(y, counts[column], left=left, color=colour, label=name)
        left += counts[column].to_numpy()
    ax.set_yticks(y, counts.index)
    ax.invert_yaxis()
    ax.margins(x=0.04)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("数量")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(ax, save)


def plot_wordcloud(
    frequencies: Mapping[str, float] | pd.Series,
    *,
    max_words: int = 120,
    random_state: int = 0,
    title: str = "",
    ax: Axes | None = None,
    save: str | os.PathLike[str] | None = None,
) -> Axes:
    """A word cloud in Noto Sans SC, the same on every run.

    Parameters
    ----------
    frequencies : mapping or pandas.Series
        Word → weight (a Series indexed by word, such as a frequency column).
    max_words : int, default=120
    random_state : int, default=0
        Seeds the placement of the words.
    title : str
    ax, save
        As for :func:`plot_lengths`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from wordcloud import WordCloud

    weights = {str(word): float(weight) for word, weight in dict(frequencies).items() if weight > 0}
    cloud = WordCloud(
        font_path=str(font_path()), width=1000, height=560, background_color="white",
        max_words=max_words, random_state=random_state, prefer_horizontal=1.0, colormap="Dark2",
    ).generate_from_frequencies(weights)
    ax = _axes(ax, (9, 5.2))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    ax.set_title(title)
    return _save(ax, save)
