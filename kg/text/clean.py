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


def _collapse_spaces(line: str, base: int) -> tuple[list[str], list[int]]:
    """Drop spaces next to a CJK character; keep one space between Latin words.

    Runs of ordinary characters are copied whole; only the runs `_SPECIAL`
    finds go through the character loop (most lines have few or none).

    >>> _collapse_spaces("高 新 区 AI  lab", 10)[0]
    ['高', '新', '区', 'A', 'I', ' ', 'l', 'a', 'b']
    """
    chars: list[str] = []
    offsets: list[int] = []
    done = 0
    for match in _SPECIAL.finditer(line):
        start, end = match.span()
        if start > done:
            chars.extend(line[done:start])
            offsets.extend(range(base + done, base + start))
        _collapse_run(line, start, end, base, chars, offsets)
        done = end
    if done < len(line):
        chars.extend(line[done:])
        offsets.extend(range(base + done, base + len(line)))
    return chars, offsets


def _collapse_run(line: str, i: int, end: int, base: int, chars: list[str], offsets: list[int]) -> None:
    """Spaces and control characters in ``line[i:end]``: a space kept only between two non-CJK characters."""
    n = len(line)
    while i < end:
        ch = line[i]
        if ch in _SPACE or (ch.isspace() and ch not in "\n"):
            j = i
            while j < n and (line[j] in _SPACE or (line[j].isspace() and line[j] != "\n")):
                j += 1
            left = chars[-1] if chars else ""
            right = line[j] if j < n else ""
            if left and right and not is_cjk(left) and not is_cjk(right):
                chars.append(" ")
                offsets.append(base + i)
            i = j
            continue
        if ch in _INVISIBLE or (unicodedata.category(ch) == "Cc"):
            i += 1
            continue
        chars.append(ch)
        offsets.append(base + i)
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


def clean_text(raw: str, join_lines: bool = True) -> tuple[str, array]:
    """Return (cleaned text, offsets) where ``offsets[i]`` is the raw index of cleaned char i.

    The offsets array has one extra entry: the raw length, for end offsets.
    With ``join_lines=False`` (HTML, DOCX: every line is a real paragraph) no
    line is joined to the next; spacing is still collapsed.
    """
    lines: list[tuple[list[str], list[int]]] = []
    pos = 0
    for raw_line in raw.splitlines(keepends=True):
        body = raw_line.rstrip("\r\n")
        chars, offsets = _collapse_spaces(body, pos)
        lines.append((chars, offsets))
        pos += len(raw_line)
    non_empty = [i for i, (c, _) in enumerate(lines) if c]
    local = _local_widths([len(lines[i][0]) for i in non_empty])
    width_of = dict(zip(non_empty, local))

    out_chars: list[str] = []
    out_offsets = array("q")
    pending_break = False
    prev_joinable = False
    prev_len = 0
    for index, (chars, offsets) in enumerate(lines):
        if not chars:
            if not prev_joinable:
                pending_break = True
            continue
        if out_chars:
            if pending_break or not prev_joinable:
                out_chars.append("\n")
                out_offsets.append(offsets[0] - 1 if offsets[0] > 0 else 0)
            elif (not is_cjk(out_chars[-1]) and not is_cjk(chars[0])
                  and out_chars[-1].isalnum() and chars[0].isalnum() and out_chars[-1].isascii()
                  and chars[0].isascii()):
                # a Latin word wrapped at the line end keeps its space
                out_chars.append(" ")
                out_offsets.append(offsets[0] - 1)
        out_chars.extend(chars)
        out_offsets.extend(offsets)
        last = chars[-1]
        # A line joins the next one when it is as long as the column and does
        # not close a sentence: the newspaper broke it mid-word.
        width = width_of[index]
        prev_len = len(chars)
        continuing = prev_joinable  # this line continues a paragraph
        prev_joinable = join_lines and (last not in TERMINAL and last not in CLOSERS
                         and (prev_len >= max(6, int(0.8 * width))
                              or (continuing and prev_len >= max(6, int(0.5 * width)))))
        pending_break = False
    out_offsets.append(len(raw))
    return "".join(out_chars), out_offsets
