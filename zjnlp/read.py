"""Read a report: a file → text → clean body text, with an audit of every change.

A government work report reaches an analyst as a scraped web page, a file saved in
GB18030, an HTML page, a Word document or a PDF. :func:`read_report` turns any of these
into a :class:`Report`:

1. **extract**: a Word (.docx) or PDF file is recognised by its first bytes and its text
   taken out by :mod:`zjnlp.formats` (PDF lines re-joined into paragraphs, page numbers
   and running headers removed and audited); other files are **decoded**: BOM, UTF-8,
   UTF-16, GB18030 (charset-normalizer as a last resort, which finds Big5); other binary
   files are refused with what to do instead;
2. **HTML → text**: block elements become lines, scripts and styles are skipped;
3. **normalise**: line ends, zero-width characters, white space (nbsp, ideographic
   space), full-width digits and Latin letters, and half-width punctuation next to
   Chinese (``,`` → ``，``, ``(`` → ``（``);
4. **strip site text**: breadcrumbs, title and header lines (their content becomes
   metadata), publish-date and view-count lines, toolbars, pagination, footers;
   every removed line is kept in :attr:`Report.removed`;
5. **detect damage**: signs of scraping damage become rows of :attr:`Report.warnings`
   with their positions. Nothing is repaired.

Paths and text are never confused: ``read_report(path)`` reads a file (a ``str`` or a
:class:`pathlib.Path`), ``read_report(text=...)`` or :meth:`Report.from_text` reads text.

Every character of :attr:`Report.text` keeps the index of the character of
:attr:`Report.raw` it came from, so any later result maps back to the original
(:meth:`Report.to_original`). What :attr:`Report.raw` is depends on the format:

========  ==================================================================
format    :attr:`Report.raw`, which ``to_original`` indexes
========  ==================================================================
text      the decoded file
html      the HTML source (offsets point at the characters inside the tags)
docx      the document's text as extracted: one paragraph a line, a table row
          a line with its cells joined by `` | ``, list numbers Word generates
          written out (a .docx has no character offsets of its own)
pdf       the text layer, page by page (pages separated by ``"\f"``, so the
          page of a span is ``raw.count("\f", 0, start) + 1``), lines as the
          PDF lays them out, before they are re-joined into paragraphs
========  ==================================================================
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from zjnlp import errors, formats
from zjnlp.chinese import (
    ADDRESS_RE,
    CJK_PUNCTUATION,
    HAN,
    PART_NUMBER,
    SECTION_NUMBER,
    SENTENCE_END,
    display_width,
    numeral_value,
)
from zjnlp.quantities import quantity_words

__all__ = ["Report", "read_report", "read_text_file", "looks_like_path"]

REMOVED_COLUMNS = ["start", "end", "reason", "text"]
WARNING_COLUMNS = ["kind", "start", "end", "text", "message"]

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x7fELF": "executable",
    b"\x1f\x8b": "gzip archive",
}

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Half-width punctuation that becomes full width when it touches Chinese text.
_WIDEN = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT_NEAR_CJK = re.compile(
    rf"(?<=[{HAN}{CJK_PUNCTUATION}])[,;:?!()]|[,;:?!()](?=[{HAN}{CJK_PUNCTUATION}])"
)


# Every character str.isspace() accepts, but the line ends \n and \r.
_WHITESPACE = "\t\x0b\x0c\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _narrow_table() -> dict[int, str]:
    """Full-width ASCII (digits, Latin letters, %, +, ., /) to half width; white space to ' '."""
    table = {}
    for code in range(0xFF10, 0xFF1A):  # ０-９
        table[code] = chr(code - 0xFEE0)
    for code in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
        table[code] = chr(code - 0xFEE0)
    for char in "％＋．／＝＜＞＃＆＊＠＿～":
        table[ord(char)] = chr(ord(char) - 0xFEE0)
    for char in _WHITESPACE:
        table[ord(char)] = " "
    # Lone surrogates (a str made with errors="surrogateescape") cannot be encoded,
    # so no tokenizer or file writer takes them.
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"
    table[0x0D] = "\n"  # CR and CRLF: the extra blank line is dropped with the others
    return table


_NARROW = _narrow_table()
_NARROW_RE = re.compile("[" + re.escape("".join(map(chr, _NARROW))) + "]")


@dataclass(frozen=True, eq=False)
class Report:
    """A report read and cleaned, with the way back to its original.

    Attributes
    ----------
    text : str
        The body of the report: one paragraph (or heading) a line, lines separated by
        exactly one ``"\\n"``, site text removed, white space and punctuation width
        normalised.
    raw : str
        The original as text: the decoded file, the HTML source of a page, or the text
        extracted from a Word document or a PDF (see the table in :mod:`zjnlp.read`).
    offsets : numpy.ndarray
        ``offsets[i]`` is the index in :attr:`raw` of the character ``text[i]`` came from.
    source : str
        File name, or ``"<text>"`` / ``"<bytes>"``.
    encoding : str
        The encoding the bytes were decoded with (``"str"`` for text input, ``"docx"``
        or ``"pdf"`` for text extracted from those files).
    format : str
        ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``.
    metadata : dict
        ``title, place, year, date, speaker, publish_date`` (``None`` when absent).
    removed : pandas.DataFrame
        One row per removed line: ``start, end`` (into :attr:`raw`), ``reason, text``;
        for a PDF also the page numbers and running headers and footers, for a Word file
        its running headers and footers, footnotes, endnotes and comments.
    warnings : pandas.DataFrame
        Detected damage: ``kind, start, end`` (into :attr:`text`), ``text, message``.
    """

    text: str
    raw: str
    offsets: np.ndarray = field(repr=False)
    source: str = "<text>"
    encoding: str = "str"
    format: str = "text"
    metadata: dict = field(default_factory=dict)
    removed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REMOVED_COLUMNS))
    warnings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=WARNING_COLUMNS))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of :attr:`text` to the span of :attr:`raw` it came from."""
        if not 0 <= start < end <= len(self.text):
            raise errors.OptionError("span", (start, end), f"0 <= start < end <= {len(self.text)}")
        return int(self.offsets[start]), int(self.offsets[end - 1]) + 1

    @classmethod
    def from_text(cls, text: str, *, name: str | None = None, to_simplified: bool = False) -> Report:
        """Read a report from its text: the same as ``read_report(text=text)``.

        Examples
        --------
        >>> Report.from_text("各位代表：\\n推进绿色发展,建设美丽中国。").text
        '各位代表：\\n推进绿色发展，建设美丽中国。'
        """
        return read_report(text=text, name=name, to_simplified=to_simplified)


# --------------------------------------------------------------------------- decoding


def read_text_file(path: Path) -> bytes:
    """Return a file's bytes, or raise :class:`~zjnlp.errors.InputError` saying why not."""
    name = str(path)
    if path.is_dir():
        raise errors.InputError(name, errors.IS_DIRECTORY)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise errors.InputError(name, errors.MISSING) from None
    except PermissionError:
        raise errors.InputError(name, errors.UNREADABLE) from None
    except OSError as exc:
        raise errors.InputError(name, f"cannot be read ({exc.strerror})") from None


def _first_text(data: bytes, encodings: tuple[str, ...]) -> tuple[str | None, str | None, bool]:
    """The first of ``encodings`` that decodes ``data`` into text, and whether any decoded at all."""
    decoded = False
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding, True
        decoded = True
    return None, None, decoded


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if not data:
        raise errors.InputError(source, errors.EMPTY)
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise errors.InputError(source, errors.BINARY.format(kind=kind))
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise errors.InputError(source, errors.UNDECODABLE) from None
            if not _looks_like_text(text):
                raise errors.InputError(source, errors.BINARY.format(kind=f"not text once decoded as {encoding}"))
            return text, encoding
    if b"\x00" in data:
        # UTF-16 without a BOM has a NUL in every other byte of its ASCII and CJK
        # text is mixed; anything else with NULs is binary.
        text, encoding, _ = _first_text(data, ("utf-16-le", "utf-16-be"))
        if text is not None:
            return text, encoding
        raise errors.InputError(source, errors.BINARY.format(kind="NUL bytes"))
    text, encoding, decoded = _first_text(data, ("utf-8", "gb18030"))
    if text is not None:
        return text, encoding
    # Big5 (Taiwan, Hong Kong, Macau) is valid GB18030 byte for byte, but decodes into
    # rare and private-use characters: let charset-normalizer name the encoding. Take its
    # guess only when it gives Chinese text: for other bytes it proposes EBCDIC, DOS code
    # pages, or UTF-16 without a single line end (which would have NUL bytes, seen above).
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None and not guess.encoding.startswith(("utf_16", "utf_32")) and _looks_like_chinese(str(guess)):
        return str(guess), guess.encoding
    if decoded:
        raise errors.InputError(source, errors.BINARY.format(kind="control characters"))
    raise errors.InputError(source, errors.UNDECODABLE)


_USUAL_CHAR_RE = re.compile(rf"[\s\x20-\x7e{HAN}{CJK_PUNCTUATION}\u2000-\u206f\uff00-\uffef\u00a0-\u00ff]")


# Control characters, private use, surrogates and non-characters (not tab or line ends).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff]")


def _looks_like_text(text: str) -> bool:
    """Few control characters and mostly Chinese, Latin, digits or punctuation.

    Random bytes decoded as UTF-16 or GB18030 give characters from all over Unicode.
    """
    sample = text[:10000]
    if not sample:
        return True
    control = len(_CONTROL_RE.findall(sample))
    usual = len(_USUAL_CHAR_RE.findall(sample))
    return control / len(sample) < 0.01 and usual / len(sample) >= 0.9


def _looks_like_chinese(text: str) -> bool:
    """Text (see :func:`_looks_like_text`) with Chinese characters, even in an HTML page."""
    sample = text[:10000]
    return _looks_like_text(sample) and len(_HAN_RE.findall(sample)) >= 0.05 * len(sample)


# --------------------------------------------------------------------------- HTML


_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "title",
    "section", "article", "header", "footer", "nav", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr",
}
_SKIP_TAGS = {"script", "style", "noscript", "template"}


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML page with, for every character, its index in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self._skip = 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _newline(self) -> None:
        self.chars.append("\n")
        self.offsets.append(self._here())

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        if tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data):
        if self._skip:
            return
        at = self._here()
        # Source line breaks inside an element are white space, not paragraph ends.
        self.chars.append(re.sub(r"[\r\n]", " ", data))
        self.offsets.extend(range(at, at + len(data)))

    def _reference(self, chars: str) -> None:
        if not self._skip:
            self.chars.append(chars)
            self.offsets.extend([self._here()] * len(chars))

    def handle_entityref(self, name):
        from html.entities import name2codepoint

        self._reference(chr(name2codepoint[name]) if name in name2codepoint else f"&{name};"[:1])

    def handle_charref(self, name):
        # As browsers do: &#0;, surrogates and code points past U+10FFFF become U+FFFD,
        # &#150; is the Windows-1252 dash, and control characters are dropped.
        self._reference(html.unescape(f"&#{name};"))


def _looks_like_html(text: str) -> bool:
    head = text[:5000]
    return bool(re.match(r"\s*<", head)) and bool(re.search(r"<(html|body|p|div|br|!doctype)\b", head, re.I))


def _html_to_text(source: str) -> tuple[str, np.ndarray]:
    parser = _TextExtractor(source)
    parser.feed(source)
    parser.close()
    text = "".join(parser.chars)
    return text, np.asarray(parser.offsets, dtype=np.int64)


# --------------------------------------------------------------------------- normalising


def _delete(text: str, offsets: np.ndarray, pattern: re.Pattern) -> tuple[str, np.ndarray]:
    """Delete every match of ``pattern``, carrying the offsets of the characters kept."""
    spans = np.array([match.span() for match in pattern.finditer(text)], dtype=np.int64).reshape(-1, 2)
    if not len(spans):
        return text, offsets
    depth = np.zeros(len(text) + 1, dtype=np.int64)
    np.add.at(depth, spans[:, 0], 1)
    np.add.at(depth, spans[:, 1], -1)
    keep = np.cumsum(depth[:-1]) == 0
    return pattern.sub("", text), offsets[keep]


_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]+")
_SPACES_RE = re.compile(r"(?m)^ +| +$|(?<= ) +")
_BLANK_LINES_RE = re.compile(r"^\n+|\n+$|(?<=\n)\n+")


_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_INDENT = " \t\u3000\u00a0"


WRAPPED_SHARE = 0.5


def _wrap_width(widths: list[int]) -> int | None:
    """The width a hard-wrapped text was cut at, or ``None`` for a text of paragraphs.

    Wrapped, most lines (WRAPPED_SHARE of those with text) end within two columns of one
    width, and hardly any runs past it; a text of paragraphs has lines of every length.
    """
    counted = [width for width in widths if width]
    common = Counter(width for width in counted if width >= 20).most_common(1)
    if len(counted) < 20 or not common:
        return None
    width = common[0][0]
    full = sum(width - 2 <= w <= width for w in counted)
    longer = sum(w > width for w in counted)
    return width if full >= WRAPPED_SHARE * len(counted) and longer <= 0.02 * len(counted) else None


def _unwrap(text: str, offsets: np.ndarray) -> tuple[str, np.ndarray, str | None]:
    """Join the lines of a hard-wrapped text (copied from a PDF viewer, saved with a fixed
    line width) back into paragraphs.

    The width is counted in characters (an editor's wrap) or in columns, two for a Chinese
    character (a viewer's, where a digit takes half a character's room), whichever finds
    the wrap. A line cut at the wrap width goes on in the next line, unless the next line
    is indented or starts a part or section (一、 （一）); a shorter line ends its
    paragraph. Returns the text, its offsets and the wrap width in words ("38 characters";
    ``None``: not wrapped, nothing joined).
    """
    breaks = list(_LINE_BREAK_RE.finditer(text))
    starts = [0] + [match.end() for match in breaks]
    ends = [match.start() for match in breaks] + [len(text)]
    lines = [text[s:e].rstrip() for s, e in zip(starts, ends)]
    for unit, measure in (("characters", len), ("columns", display_width)):
        widths = [measure(line) for line in lines]
        width = _wrap_width(widths)
        if width is not None:
            wrapped_at = f"{width} {unit}"
            break
    else:
        return text, offsets, None
    keep = np.ones(len(text), dtype=bool)
    for match, line_width, following in zip(breaks, widths, lines[1:]):
        if line_width >= width - 2 and following and following[0] not in _INDENT and not _HEADING_RE.match(following):
            keep[match.start():match.end()] = False
    return _mask(text, keep), offsets[keep], wrapped_at


def _normalise(text: str, offsets: np.ndarray) -> tuple[str, np.ndarray]:
    """Normalise line ends, white space and character width, one character for one."""
    # re.sub touches only the few characters to change; str.translate looks up every one
    text = _NARROW_RE.sub(lambda match: _NARROW[ord(match.group())], text)
    text = _HALF_PUNCT_NEAR_CJK.sub(lambda m: _WIDEN[m.group()], text)
    for pattern in (_ZERO_WIDTH_RE, _SPACES_RE, _BLANK_LINES_RE):
        text, offsets = _delete(text, offsets, pattern)
    return text, offsets


@cache
def _traditional_table() -> dict[int, str]:
    """Traditional → simplified, character for character, from OpenCC's TSCharacters."""
    table = {}
    path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        simplified = simplified.split(" ")[0]
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[ord(traditional)] = simplified
    return table


_HAN_RE = re.compile(f"[{HAN}]")


def _traditional_share(text: str) -> float:
    """Share of the Chinese characters of ``text`` that exist only in traditional script."""
    counts = Counter(text[:10000])
    table = _traditional_table()
    han = sum(n for char, n in counts.items() if _HAN_RE.match(char))
    traditional = sum(n for char, n in counts.items() if ord(char) in table)
    return traditional / han if han else 0.0


# --------------------------------------------------------------------------- site text

# A line that ends a sentence, a clause, an ellipsis or a quotation is a whole line of text.
_LINE_END = SENTENCE_END + "；…”"
_HEADING_RE = re.compile(rf"^({PART_NUMBER}|{SECTION_NUMBER}|目录$)")

# Lines that are site text wherever they stand before the report or after it.
_SITE_LINE_RULES: list[tuple[str, re.Pattern]] = [
    ("breadcrumb", re.compile(r"(您现在的位置|当前位置|您的位置|返回首页|^首页$|^>$|\s>\s|»)")),
    ("publish date", re.compile(r"(发布日期|发布时间|发表时间|更新时间|^时间[:：]|^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*(\d{1,2}[:时])?)")),
    ("view count", re.compile(r"(浏览[:：次量]|^浏览|阅读量|阅读次数|点击[数量率:：])")),
    ("source", re.compile(r"^[（(]?(来源|作者|编辑|责任编辑|稿源|供稿)[:：]")),
    ("toolbar", re.compile(r"^[【\[]?(下载|打印|全屏|收藏|字号|字体|加大|还原|减小|大|中|小|分享[到:：]?.*|打印本页|关闭窗口|关闭|返回顶部|\||×|[【】\[\]]|默认|繁体|简体|无障碍)[】\]]?[:：]?$")),
    ("pagination", re.compile(r"(上一页|下一页|^\s*(\[\d+\]\s*)+$|^第\s*\d+\s*页|共\s*\d+\s*页)")),
    ("licence", re.compile(r"^(本作品(是|来自)|Public domain$|false$|本模板|注：中文维基文库)")),
    ("footer", re.compile(r"(版权所有|ICP备|公网安备|网站标识码|主办单位|承办单位|^(主办|承办|协办|技术支持|地址|电话|联系电话|传真|邮编|邮箱)[:：]|网站找错|联系我们|网站地图|扫一扫|二维码|相关报道|相关链接|相关附件|相关文档|相关阅读|相关新闻|点击图片|进入专题|欢迎咨询|^最新.{0,10}$|^[0-9a-f]{32}[:：]?$)")),
]
_CONTACT_LINE_RE = re.compile(r"^(主办单位|承办单位|主办|承办|协办|技术支持|地址|电话|联系电话|传真|邮编|邮箱)[:：](?!.*(版权所有|ICP备|公网安备|网站标识码))")
# A footer marker starts the site text after the report: everything from it on is removed.
_FOOTER_START_RE = re.compile(
    r"^(相关报道|相关链接|相关附件|相关文档|相关阅读|相关新闻|责任编辑|扫一扫在手机打开当前页|打印本页|关闭窗口|返回顶部|分享到|【?\s*打印\s*】?|上一页.*|.*下一页|本作品(是|来自).*)[:：>》\s]*$"
)
_CAPTION_RE = re.compile(r"(摄$|记者|作政府工作报告[。.]?$)")
_TITLE_RE = re.compile(r"(政府工作报告|工作报告|计划.*的报告|预算.*的报告|^\S{0,30}报告$)")
_NUMERAL = "0-9〇零一二三四五六七八九十"
_DATE_RE = re.compile(rf"([{_NUMERAL}]{{4}})\s*年\s*([{_NUMERAL}]{{1,3}})\s*月\s*([{_NUMERAL}]{{1,3}})\s*日")
_VENUE_RE = re.compile(rf"(^[—－-]{{2}}.*[{_NUMERAL}]{{4}}\s*年|在.*(会议|大会)上)")
_TITLE_WORDS = "总理|副总理|代总理|省长|代省长|市长|代市长|主席|代主席|区长|县长|州长|盟长|旗长|主任|部长|委员"
# the last title word before the name: 副总理兼国家计划委员会主任李富春 → 李富春
_SPEAKER_RE = re.compile(rf".*({_TITLE_WORDS})\s*([{HAN}][{HAN}·\s]{{1,12}})$")
# The speaker elsewhere in the header: 省长毛伟明作政府工作报告 (a title or a photo caption),
# ……省长 王凯 在……会议上 (the date-and-venue line), 毛伟明 (a name alone on a line).
_SPEAKER_REPORTS_RE = re.compile(rf"({_TITLE_WORDS})\s*([{HAN}·]{{2,12}}?)\s*作(?:政府)?工作报告")
# A photo caption's sentence: [1月20日，][……主席]张雨浦[同志|省长][代表自治区人民政府，][向大会]作政府工作报告
_SPEAKER_CAPTIONED_RE = re.compile(
    rf"^(?:[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]+日[，,])?(?:.*?(?:{_TITLE_WORDS}))?"
    rf"([{HAN}·]{{2,12}}?)(?:同志|{_TITLE_WORDS})?(?:代表[^，。]*?政府)?[，,]?(?:向大会)?(?:在[^，。]*?会议上)?作(?:政府)?工作报告"
)
_SPEAKER_IN_VENUE_RE = re.compile(rf"({_TITLE_WORDS})\s*([{HAN}·]{{2,12}}?)\s*在")
_SPEAKER_REPORTS_TAIL_RE = re.compile(r"作(?:政府)?工作报告$")
_NAME_RE = re.compile(rf"^[{HAN}]{{2,4}}$|^[{HAN}]{{2,6}}·[{HAN}]{{2,8}}$")
_NOT_A_NAME_RE = re.compile(r"报告|政府|代表|日报|首页|新闻|要闻|信息|政务|专题|频道|栏目|来源|发布|时间|全文|正文|打印|关闭|分享|收藏|字号")
_TITLE_HEAD_RE = re.compile(rf"(?:\d{{4}}年)?[{HAN}]{{0,12}}(?:省|市|自治区|特别行政区|政府)|\d{{4}}年")
_NUMERIC_DATE_RE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_ADMIN_PLACE = rf"[{HAN}]{{1,12}}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|县|区|旗)"
_PLACE_IN_TITLE_RE = re.compile(rf"^({_ADMIN_PLACE})(?:人民)?政府")
_PLACE_IN_VENUE_RE = re.compile(rf"在({_ADMIN_PLACE})(?:第|[{_NUMERAL}]+届)")


def _site_reason(line: str) -> str | None:
    for reason, pattern in _SITE_LINE_RULES:
        if pattern.search(line):
            return reason
    return None


def _header_reason(line: str) -> str:
    """Why a line before the body is not body: what it is, as an audit label."""
    if _VENUE_RE.search(line):
        return "header: date and venue"
    site = _site_reason(line)
    if site:
        return site
    if _CAPTION_RE.search(line):
        return "header: photo caption"
    if _TITLE_RE.search(line):
        return "header: title"
    if _SPEAKER_RE.search(line):
        return "header: speaker"
    return "header: unclassified"


def _body_start(lines: list[str]) -> int | None:
    """Index of the first line of the report body, or None when nothing looks like one.

    The address (各位代表：) opens the body when it comes early; otherwise the first
    heading or sentence does (a page that starts inside the report).
    """
    for i, line in enumerate(lines[:60]):
        if ADDRESS_RE.match(line):
            return i
        if _HEADING_RE.match(line):
            break
    for i, line in enumerate(lines):
        if _HEADING_RE.match(line) or ADDRESS_RE.match(line):
            return i
        if line[-1] in _LINE_END and len(line) >= 8 and _site_reason(line) is None and not _CAPTION_RE.search(line):
            return i
    return None


def _split_lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _site_text(text: str) -> list[tuple[int, str]]:
    """Lines of site text around the report body, as ``(line index, reason)``."""
    lines = [text[s:e] for s, e in _split_lines(text)]
    first = _body_start(lines) if lines else None
    if first is None:
        return []
    removed = {i: _header_reason(lines[i]) for i in range(first)}
    footer = next((i for i in range(first + 1, len(lines)) if _FOOTER_START_RE.match(lines[i])), None)
    end = len(lines)
    if footer is not None:
        for i in range(footer, len(lines)):
            removed[i] = _site_reason(lines[i]) or "footer: after the end of the report"
        end = footer
    # Short site lines just before the footer (a "click here" banner, a lone 收藏, a source).
    block = []
    i = end - 1
    while i > first and _site_reason(lines[i]) and len(lines[i]) <= 30 and lines[i][-1] not in "。！？；":
        block.append(i)
        i -= 1
    # A contact line (主办单位：…, 电话：…) is report text, not site text, when the block has
    # nothing but contact lines and no footer follows, or when the report writes such
    # lines itself (an appendix listing projects with their 主办单位).
    contact = {j: _CONTACT_LINE_RE.match(lines[j]) for j in block}
    if footer is None and all(contact.values()):
        return sorted(removed.items())
    body = lines[first : i + 1]
    for j in block:
        label = contact[j]
        if label and any(line.startswith(label.group(1)) for line in body):
            continue
        removed[j] = _site_reason(lines[j])
    return sorted(removed.items())


# --------------------------------------------------------------------------- metadata


def _number(numeral: str) -> int:
    """Arabic or Chinese numerals of a date part: 2026, 二〇二六, 二十七 → int."""
    return int(numeral) if numeral.isdigit() else int(numeral_value(numeral))


def _iso_date(match: re.Match) -> str | None:
    try:
        year, month, day = (_number(part) for part in match.groups())
    except KeyError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _metadata(header: list[tuple[str, str]]) -> dict:
    """Title, place, year, date delivered, speaker and publish date, from the header lines."""
    meta = dict.fromkeys(["title", "place", "year", "date", "speaker", "publish_date"])
    lines = [(reason, line.replace(" ", "").replace("\u3000", "")) for reason, line in header]
    # A title whose first half is a line of its own: "2025年湖南省政府" / "工作报告".
    for i in range(len(lines) - 1, 0, -1):
        (before, head), (reason, line) = lines[i - 1], lines[i]
        if reason == "header: title" and before == "header: unclassified" and _TITLE_HEAD_RE.fullmatch(head):
            lines[i - 1 : i + 1] = [(reason, head + line)]
    fallback: dict[str, str] = {}  # where else the header names the speaker, by the rule that found it
    # A title or a speaker split over two lines ("政府工作报" / "告", "国务院总理" / "李强").
    pairs = [a[1] + b[1] for a, b in zip(lines, lines[1:]) if a[0] == b[0] == "header: unclassified"]
    for reason, line in lines + [("header: joined", pair) for pair in pairs]:
        if reason == "publish date":
            published = _NUMERIC_DATE_RE.search(line) or _DATE_RE.search(line)
            if published and meta["publish_date"] is None:
                meta["publish_date"] = _iso_date(published)
            continue
        if reason in ("header: caption", "header: photo caption"):
            for sentence in re.split("[。；]", line):
                captioned = _SPEAKER_CAPTIONED_RE.match(sentence)
                if captioned and not re.search(_TITLE_WORDS, captioned.group(1)):
                    fallback.setdefault("caption", captioned.group(1))
            continue
        if reason.startswith(("breadcrumb", "source", "toolbar", "view")):
            continue
        if reason == "header: unclassified" and _NAME_RE.match(line) and not _NOT_A_NAME_RE.search(line):
            fallback.setdefault("name", line)
        reports = _SPEAKER_REPORTS_RE.search(line)
        if reports:
            fallback.setdefault("reports", reports.group(2))
        in_venue = _SPEAKER_IN_VENUE_RE.search(line) if _VENUE_RE.search(line) else None
        if in_venue:
            fallback.setdefault("venue", in_venue.group(2))
        if meta["title"] is None and _TITLE_RE.search(line) and not _VENUE_RE.search(line):
            meta["title"] = line
            # 2026年广东省…, 陕西省2026年…, 2006政府工作报告
            year = re.search(r"(\d{4})\s*年", line) or re.match(r"(\d{4})", line)
            if year:
                meta["year"] = int(year.group(1))
            place = _PLACE_IN_TITLE_RE.search(re.sub(r"^\d{4}年?", "", line))
            if place and "人民共和国" not in place.group(1):
                meta["place"] = place.group(1)
        date = _DATE_RE.search(line)
        if date and meta["date"] is None:
            meta["date"] = _iso_date(date)
            speaker = re.search(rf"日([{HAN}·]{{2,4}})[)）]", line)
            if speaker:
                meta["speaker"] = speaker.group(1)
        if _VENUE_RE.search(line) and meta["place"] is None:
            place = _PLACE_IN_VENUE_RE.search(line)
            meta["place"] = place.group(1) if place else ("全国" if "全国人民代表大会" in line else None)
        speaker = _SPEAKER_RE.search(_SPEAKER_REPORTS_TAIL_RE.sub("", line))
        if speaker and meta["speaker"] is None:
            meta["speaker"] = speaker.group(2)
    if meta["speaker"] is None:
        meta["speaker"] = next((fallback[k] for k in ("reports", "venue", "caption", "name") if k in fallback), None)
    if meta["place"] is None and any("国务院" in line for _, line in lines):
        meta["place"] = "全国"
    if meta["year"] is None and meta["date"] is not None:
        meta["year"] = int(meta["date"][:4])
    return meta


# --------------------------------------------------------------------------- damage


# A space between two words of which one is Chinese, or between a word and the punctuation
# that ends it, where something was lost ('+' in 互联网+医疗健康 as a page shows it, words in
# 急需科技 、青年) or a line broken: not a space after punctuation or before an opening mark
# (“2030启航计划” “2030先锋工程”, 。 要, （六） 更加, 国有企业 “争链主”), around a number set
# off on both sides (全省 100 个), after 附件2, nor between the two halves of a quoted
# couplet (“好客山东 好品山东”).
_WORD = rf"{HAN}A-Za-z0-9"
_SPACE_IN_CHINESE_RE = re.compile(
    rf"(?<=[{HAN}])[ ](?=[{_WORD}])|(?<=[{_WORD}“‘])[ ](?=[{HAN}])|(?<=[“‘])[ ](?=[A-Za-z0-9])"
    rf"|(?<=[{_WORD}])[ ](?=[”’、，。；：！？）》」』])"
)
_SPACED_NUMBER_RE = re.compile(rf"[{HAN}] [A-Za-z0-9.%]+ [{HAN}]")
_ANNEX_SPACE_RE = re.compile(r"附件\s*[0-9一二三四五六七八九十]+$")
_QUOTED_RE = re.compile(r"“([^“”\n]{0,40})”")


@cache
def _missing_percent_re() -> re.Pattern:
    """A rate followed by a bare number: the page lost its % sign ("优良率达100", "服务率分别超30、60").

    A number followed by a unit of measure or a multiplier of ``targets.toml`` has its unit;
    a number that is one side of a fraction (超1/10), a ratio (1∶3.4) or a range with "/"
    is not a rate.
    """
    words = quantity_words()
    units = [unit for kind in words["measure_units"].values() for unit in kind] + list(words["multipliers"])
    has_unit = "|".join(re.escape(unit) for unit in sorted(set(units), key=len, reverse=True))
    return re.compile(
        r"(率|占比|比重|比例|覆盖面)(?:[^，。；\n\d]{0,8}?)(?:达到|达|超过|超|保持在|提高到|提升到|提高至|提升至|稳定在|不低于|不少于|高于|低于|在|为|至|到)"
        rf"\d+(?:\.\d+)?(?:[、和及至到—-]\d+(?:\.\d+)?)*(?!\s?[\d.%％‰/∶:：]|个百分点|{has_unit})"
    )


def _damage(text: str, removed_lines: list[str], wrapped_at: str | None = None) -> list[dict]:
    found = []
    if wrapped_at is not None:
        found.append({
            "kind": "hard_wrapped", "start": 0, "end": 0, "text": "",
            "message": f"the file's lines were cut at {wrapped_at}: they were joined back into paragraphs "
                       "(a line that fills the width goes on in the next one)",
        })
    for match in _SPACE_IN_CHINESE_RE.finditer(text):
        if not _lost_character(text, match.start()):
            continue
        s, e = max(0, match.start() - 6), min(len(text), match.end() + 6)
        found.append({
            "kind": "space_in_chinese", "start": match.start(), "end": match.end(), "text": text[s:e],
            "message": "a space inside Chinese text: a character may be lost here (the page may have turned '+' into a space: 互联网 医疗健康)",
        })
    for match in _missing_percent_re().finditer(text):
        found.append({
            "kind": "percent_sign_missing", "start": match.start(), "end": match.end(), "text": match.group(),
            "message": "a rate given as a bare number: the page may have dropped its % sign",
        })
    # A site that strips the last word of its breadcrumb ("正文") from the page strips
    # it from the report too: look for known phrases with that word cut out.
    crumbs = [re.split(r"\s*[>»]\s*", line)[-1].strip() for line in removed_lines if re.search(r"[>»]", line)]
    stripped = {c for c in crumbs if 1 < len(c) <= 4 and c not in text}
    if stripped:
        from zjnlp.tokenize import policy_terms  # only pages with a breadcrumb need the lexicon

        for phrase in policy_terms():
            for word in stripped:
                if word in phrase:
                    cut = phrase.replace(word, "")
                    if len(cut) >= 4:
                        for match in re.finditer(re.escape(cut), text):
                            found.append({
                                "kind": "characters_missing", "start": match.start(), "end": match.end(),
                                "text": match.group(),
                                "message": f"reads like {phrase} with {word!r} cut out, as the site cut it from its breadcrumb",
                            })
    if text and text[-1] not in _LINE_END + "：:」』)）":
        found.append({
            "kind": "truncated_end", "start": len(text) - 1, "end": len(text), "text": text[-20:],
            "message": "the text ends mid-sentence: the rest of the report is not in this file",
        })
    first_line = text.split("\n", 1)[0]
    if first_line and (first_line[0] in "”’，、,。；)）" or _unbalanced_close_quote(first_line)):
        found.append({
            "kind": "truncated_start", "start": 0, "end": min(len(first_line), 20), "text": first_line[:20],
            "message": "the text starts mid-sentence: the beginning of the report is not in this file",
        })
    if any(re.search(r"(上一页|下一页|\[\d+\]\s*\[\d+\])", line) for line in removed_lines):
        found.append({
            "kind": "paginated", "start": 0, "end": 0, "text": "",
            "message": "the page had pagination links: the report spans several pages and this file may hold only one",
        })
    share = _traditional_share(text)
    if share > 0.05:
        found.append({
            "kind": "traditional_chinese", "start": 0, "end": 0, "text": "",
            "message": f"{share:.0%} of the Chinese characters are traditional; read with to_simplified=True (--to-simplified) to convert",
        })
    return sorted(found, key=lambda row: (row["start"], row["kind"]))


def _lost_character(text: str, at: int) -> bool:
    """Whether the space at ``text[at]`` (matched by _SPACE_IN_CHINESE_RE) stands for a lost character."""
    line_start = text.rfind("\n", 0, at) + 1
    if _ANNEX_SPACE_RE.search(text, line_start, at):
        return False
    for match in _SPACED_NUMBER_RE.finditer(text, max(line_start, at - 40), at + 40):
        if match.start() < at < match.end():
            return False
    for match in _QUOTED_RE.finditer(text, max(line_start, at - 42), at + 42):
        if match.start() < at < match.end():
            first, space, second = match.group(1).partition(" ")
            if space and len(first) == len(second) >= 3 and _HAN_RE.fullmatch(first[0]) and _HAN_RE.fullmatch(second[0]):
                return False  # the halves of a couplet: “好客山东 好品山东”
    return True


def _unbalanced_close_quote(line: str) -> bool:
    close = line.find("”")
    return close != -1 and "“" not in line[:close]


# --------------------------------------------------------------------------- entry point


_PATH_SUFFIXES = (".txt", ".text", ".htm", ".html", ".shtml", ".docx", ".doc", ".pdf", ".xls", ".xlsx", ".csv", ".json", ".md")


def looks_like_path(text: str) -> bool:
    """Whether a ``str`` given where report text is expected is a file path instead.

    A path is one short line that names an existing file, ends in a file suffix
    (``.txt``, ``.html``, ``.docx``, ``.pdf``, …), or holds a path separator and no
    Chinese punctuation or space (``seeds/national/2025-李强.txt``, not ``超1/10。``).

    Examples
    --------
    >>> looks_like_path("seeds/national/2025-李强.txt"), looks_like_path("就业率达1/10。")
    (True, False)
    """
    line = text.strip()
    if not line or "\n" in line or len(line) > 400:
        return False
    if line.lower().endswith(_PATH_SUFFIXES):
        return True
    if re.search(r"[/\\]", line) and not re.search(rf"[\s{CJK_PUNCTUATION}]", line):
        return True
    try:
        return os.path.isfile(line)
    except (OSError, ValueError):
        return False


def read_report(
    source: str | os.PathLike | bytes | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    to_simplified: bool = False,
) -> Report:
    """Read a report from a file (text, HTML, Word or PDF), its bytes, or its text, and clean it.

    Parameters
    ----------
    source : str, pathlib.Path or bytes
        The path of a file (a ``str`` is always a path, never text), or the file's bytes.
        The format is recognised from the content, not the name: a .docx or a PDF by its
        first bytes, HTML by its tags, anything else is decoded as text.
    text : str, optional
        The text of the report itself, instead of ``source``.
    name : str, optional
        The name used in messages; defaults to the path, ``"<bytes>"`` or ``"<text>"``.
    to_simplified : bool, default=False
        Convert traditional characters to simplified, one for one (OpenCC's table).
        Without it a traditional text is read as it is and flagged in ``warnings``.

    Returns
    -------
    Report
        The clean body text, its map back to the original, metadata, the audit of
        removed lines (``removed``) and detected damage (``warnings``).

    Raises
    ------
    zjnlp.errors.InputError
        The file is missing, a directory, unreadable, empty, blank, binary or
        undecodable, a scanned PDF without a text layer, a format zjnlp does not read
        (Excel, PowerPoint, .doc), no report text is left; or a ``str`` given as
        ``source`` holds text rather than a path.
    zjnlp.errors.OptionError
        Neither or both of ``source`` and ``text`` are given, or of the wrong type.

    See Also
    --------
    Report.from_text : the same as ``read_report(text=...)``.
    zjnlp.formats : how Word and PDF files are read.

    Notes
    -----
    Over 60 lines on purpose: its body is the module's five steps in order, each a
    call, with the offsets carried from one to the next in plain sight.

    Examples
    --------
    >>> report = read_report(text="各位代表：\\n推进绿色发展,建设美丽中国。")
    >>> report.text
    '各位代表：\\n推进绿色发展，建设美丽中国。'
    """
    if (source is None) == (text is None):
        raise errors.OptionError("source/text", "both" if source is not None else "neither", "a path or bytes as source, or text=...")
    extracted = None
    if text is not None:
        if not isinstance(text, str):
            raise errors.OptionError("text", type(text).__name__, "a str (give a path or bytes as source)")
        name = name or "<text>"
        raw, encoding = text, "str"
    elif isinstance(source, (bytes, bytearray)):
        name = name or "<bytes>"
        raw, encoding, extracted = _open(bytes(source), name)
    elif isinstance(source, (str, os.PathLike)):
        if isinstance(source, str) and ("\n" in source or len(source) > 1000):
            raise errors.InputError("<text>", errors.TEXT_GIVEN_AS_PATH)
        path = Path(source)
        name = name or str(path)
        raw, encoding, extracted = _open(read_text_file(path), name)
    else:
        raise errors.OptionError("source", type(source).__name__, "a path (str or pathlib.Path) or bytes")
    if not raw:
        raise errors.InputError(name, errors.EMPTY)
    if not raw.strip(" \t\r\n\x0b\x0c\u3000\u00a0\f" + _ZERO_WIDTH) or raw.isspace():
        raise errors.InputError(name, errors.BLANK)

    removed_rows = []
    if extracted is not None:
        fmt, text, offsets = extracted.format, extracted.text, extracted.offsets
        removed_rows = list(extracted.removed)
    elif _looks_like_html(raw):
        fmt = "html"
        text, offsets = _html_to_text(raw)
    else:
        fmt = "text"
        text, offsets = raw, np.arange(len(raw), dtype=np.int64)
    wrapped_at = None
    if fmt == "text":
        text, offsets, wrapped_at = _unwrap(text, offsets)
    if to_simplified:
        text = text.translate(_traditional_table())
    text, offsets = _normalise(text, offsets)

    header, removed_lines = [], []
    line_spans = _split_lines(text)
    drop = np.zeros(len(text), dtype=bool)
    for index, reason in _site_text(text):
        s, e = line_spans[index]
        line = text[s:e]
        drop[s:e] = True
        raw_start, raw_end = int(offsets[s]), int(offsets[e - 1]) + 1
        original = line if fmt == "html" else raw[raw_start:raw_end]
        removed_rows.append({"start": raw_start, "end": raw_end, "reason": reason, "text": original})
        removed_lines.append(line)
        if reason.startswith("header") or reason == "publish date":
            header.append((reason, line))
    if drop.any():
        keep = ~drop
        text, offsets = _mask(text, keep), offsets[keep]
        text, offsets = _delete(text, offsets, _BLANK_LINES_RE)
    if not text.strip():
        raise errors.InputError(name, errors.NO_TEXT)

    return Report(
        text=text,
        raw=raw,
        offsets=offsets,
        source=name,
        encoding=encoding,
        format=fmt,
        metadata=_metadata(header),
        removed=pd.DataFrame(sorted(removed_rows, key=lambda row: row["start"]), columns=REMOVED_COLUMNS),
        warnings=pd.DataFrame(_damage(text, removed_lines, wrapped_at), columns=WARNING_COLUMNS),
    )


def _open(data: bytes, name: str) -> tuple[str, str, formats.Extracted | None]:
    """A file's bytes → its raw text and encoding, and what a Word or PDF reader extracted."""
    kind = formats.sniff(data, name)
    if kind is None:
        raw, encoding = _decode(data, name)
        return raw, encoding, None
    extracted = formats.read_docx(data, name) if kind == "docx" else formats.read_pdf(data, name)
    return extracted.raw, kind, extracted


def _mask(text: str, keep: np.ndarray) -> str:
    """The characters of ``text`` where ``keep`` is true, in order."""
    edges = np.flatnonzero(np.diff(np.concatenate(([False], keep, [False])).astype(np.int8)))
    return "".join(text[s:e] for s, e in zip(edges[::2], edges[1::2]))
