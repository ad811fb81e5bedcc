"""Clean newspaper and PDF layouts while keeping a map back to the raw text.

Newspaper pages break lines in the middle of words (and PDF extraction often
puts blank lines between them); PDF text spaces out characters (高 新 区).
`clean_text` joins broken lines, collapses the spacing, keeps headings on their
own lines, and returns for every cleaned character the raw offset it came from.

>>> cleaned, mapping = clean_text("苏州高新区围绕\\n国家战略。\\n\\n高 新 区 发 展")
>>> cleaned
'苏州高新区围绕国家战略。\\n高新区发展'
>>> cleaned[7], "苏州高新区围绕\\n国家战略。\\n\\n高 新 区 发 展"[mapping[7]]
('国', '国')
"""
from __future__ import annotations

import re
import unicodedata
from array import array

# A line ending in one of these closes a sentence or paragraph.
TERMINAL = set("。！？!?；;…")
# Characters that never end a line mid-sentence in a heading either.
CLOSERS = set("：:")
_SPACE = set(" \t\u3000\u00a0\u2002\u2003\u2009\u200b")
_INVISIBLE = "\ufeff\u200c\u200d\ufffe"  # dropped wherever they stand


def is_cjk(ch: str) -> bool:
    """True for Han characters and full-width CJK punctuation.

    >>> is_cjk("园"), is_cjk("a"), is_cjk("，")
    (True, False, True)
    """
    if not ch:
        return False
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF
            or o in (0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2026, 0x00B7))


# Characters `_collapse_run` must look at one by one: whitespace (_SPACE and any other), invisible and
# control characters (Unicode category Cc is exactly U+0000-001F and U+007F-009F).
_SPECIAL = re.compile("[\\s" + "".join(sorted(_SPACE)) + _INVISIBLE + "\x00-\x1f\x7f-\x9f]+")


def _collapse_spaces(line: str, base: int) -> list[tuple[str, int]]:
    """Drop spaces next to a CJK character; keep one space between Latin words.

    Returns the cleaned line as pieces ``(text, raw offset of its first
    character)``, each piece's characters coming from consecutive raw offsets.
    Runs of ordinary characters are copied whole; only the runs `_SPECIAL`
    finds go through the character loop (most lines have few or none).

    >>> _collapse_spaces("高 新 区 AI  lab", 10)
    [('高', 10), ('新', 12), ('区', 14), ('AI', 16), (' ', 18), ('lab', 20)]
    """
    pieces: list[tuple[str, int]] = []
    done = 0
    for match in _SPECIAL.finditer(line):
        start, end = match.span()
        if start > done:
            pieces.append((line[done:start], base + done))
        _collapse_run(line, start, end, base, pieces)
        done = end
    if done < len(line):
        pieces.append((line[done:], base + done))
    return pieces


def _collapse_run(line: str, i: int, end: int, base: int, pieces: list[tuple[str, int]]) -> None:
    """Spaces and control characters in ``line[i:end]``: a space kept only between two non-CJK characters."""
    n = len(line)
    while i < end:
        ch = line[i]
        if ch in _SPACE or (ch.isspace() and ch not in "\n"):
            j = i
            while j < n and (line[j] in _SPACE or (line[j].isspace() and line[j] != "\n")):
                j += 1
            left = pieces[-1][0][-1] if pieces else ""
            right = line[j] if j < n else ""
            if left and right and not is_cjk(left) and not is_cjk(right):
                pieces.append((" ", base + i))
            i = j
            continue
        if ch in _INVISIBLE or (unicodedata.category(ch) == "Cc"):
            i += 1
            continue
        pieces.append((ch, base + i))
        i += 1


def _local_widths(lengths: list[int], window: int = 3) -> list[int]:
    """The column width at each line: the median length of the lines that follow it.

    Pages mix columns of different widths, so the width is judged locally; a
    paragraph's first line shares its column with the lines after it, not before.
    """
    widths = []
    n = len(lengths)
    for i in range(n):
        around = [lengths[j] for j in range(i + 1, min(n, i + window + 1)) if lengths[j] > 0]
        if len(around) < 2:
            around += [lengths[j] for j in range(max(0, i - window), i) if lengths[j] > 0]
        if not around:
            widths.append(lengths[i])
            continue
        around.sort()
        widths.append(around[len(around) // 2])
    return widths


class _Offsets:
    """0, 1, 2, … up to `limit`: a run of consecutive raw offsets is a slice of it, copied at C speed."""

    limit = 1 << 20  # 8 MB at most; offsets past it are made one by one

    def __init__(self):
        self.values = array("q")

    def run(self, start: int, size: int) -> array:
        end = start + size
        if end > len(self.values):
            if end > self.limit:
                return array("q", range(start, end))
            self.values = array("q", range(min(self.limit, max(2 * len(self.values), end, 4096))))
        return self.values[start:end]


_IOTA = _Offsets()


def clean_text(raw: str, join_lines: bool = True) -> tuple[str, array]:
    """Return (cleaned text, offsets) where ``offsets[i]`` is the raw index of cleaned char i.

    The offsets array has one extra entry: the raw length, for end offsets.
    With ``join_lines=False`` (HTML, DOCX: every line is a real paragraph) no
    line is joined to the next; spacing is still collapsed.
    """
    lines = _cleaned_lines(raw)
    non_empty = [i for i, (_, size) in enumerate(lines) if size]
    local = _local_widths([lines[i][1] for i in non_empty])
    width_of = dict(zip(non_empty, local))

    out: list[tuple[str, int]] = []
    pending_break = False
    prev_joinable = False
    for index, (pieces, size) in enumerate(lines):
        if not size:
            if not prev_joinable:
                pending_break = True
            continue
        if out:
            out.extend(_line_separator(out[-1][0][-1], pieces[0], pending_break or not prev_joinable))
        out.extend(pieces)
        prev_joinable = join_lines and _joins_next(pieces[-1][0][-1], size, width_of[index], prev_joinable)
        pending_break = False
    offsets = array("q")
    for text, start in out:
        offsets += _IOTA.run(start, len(text))
    offsets.append(len(raw))
    return "".join(text for text, _ in out), offsets


def _cleaned_lines(raw: str) -> list[tuple[list[tuple[str, int]], int]]:
    """Each raw line with its spacing collapsed: (pieces, cleaned length)."""
    lines: list[tuple[list[tuple[str, int]], int]] = []
    pos = 0
    for raw_line in raw.splitlines(keepends=True):
        pieces = _collapse_spaces(raw_line.rstrip("\r\n"), pos)
        lines.append((pieces, sum(len(text) for text, _ in pieces)))
        pos += len(raw_line)
    return lines


def _line_separator(last_out: str, first: tuple[str, int], breaks: bool) -> list[tuple[str, int]]:
    """What goes between the cleaned text so far (ending in `last_out`) and a line starting with piece `first`.

    A paragraph break is a newline; a Latin word wrapped at the line end keeps its space; a joined
    Chinese line gets nothing.

    >>> _line_separator("区", ("园", 9), False), _line_separator("a", ("b", 9), False), _line_separator("。", ("园", 9), True)
    ([], [(' ', 8)], [('\\n', 8)])
    """
    first_char, first_offset = first[0][0], first[1]
    if breaks:
        return [("\n", first_offset - 1 if first_offset > 0 else 0)]
    if (not is_cjk(last_out) and not is_cjk(first_char) and last_out.isalnum() and first_char.isalnum()
            and last_out.isascii() and first_char.isascii()):
        return [(" ", first_offset - 1)]
    return []


def _joins_next(last: str, size: int, width: int, continuing: bool) -> bool:
    """Whether a line ending in `last` joins the next one: it is as long as the column and does not close a
    sentence (the newspaper broke it mid-word); a line that `continuing` a paragraph may be shorter.

    >>> _joins_next("区", 10, 10, False), _joins_next("。", 10, 10, False), _joins_next("区", 6, 10, True)
    (True, False, True)
    """
    return (last not in TERMINAL and last not in CLOSERS
            and (size >= max(6, int(0.8 * width)) or (continuing and size >= max(6, int(0.5 * width)))))
