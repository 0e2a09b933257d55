"""Finding a fact's quote in the text of its source file (reStructuredText, Markdown or a saved HTML page).

A source file is read as a reader sees it: inline markup is dropped (`:ref:\\`Inferentia <x>\\`` reads
"Inferentia", `[text](url)` reads "text"), table rows become `a | b | c` lines (as quotes of rows are
written), and whitespace and typographic quotes are normalised. A quote of a transposed table joins its rows
with "; ": each part is looked for separately, and all of them must stand in one section of the file.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

PART_SEPARATOR = "; "
"""How a quote of a transposed table joins its rows."""
NEAREST_CUTOFF = 0.6
"""How alike (difflib's ratio) a current sentence must be to a vanished quote to be called its new wording."""

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?!\w)")
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2011": "-"})
_RST_ROLE = re.compile(r":[A-Za-z0-9_:+-]+:`([^`<]*?)\s*(?:<[^`>]*>)?`")
_RST_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
_RST_REFERENCE = re.compile(r"`([^`]+)`__?")
_LITERAL = re.compile(r"``([^`]+)``|`([^`]+)`")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_TAG = re.compile(r"<[^>\n]+>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_PIPES = re.compile(r"\s*\|\s*")
_SPACES = re.compile(r"\s+")
_RST_ADORNMENT = re.compile(r"""^([=\-~^"'#*+`:.])\1{2,}\s*$""")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_GRID_BORDER = re.compile(r"^\s*\+[-=+:]+\+\s*$")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def normalise(text: str) -> str:
    """Unicode compatibility forms, straight quotes, one space between words, ' | ' between cells."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    text = _PIPES.sub(" | ", text)
    return _SPACES.sub(" ", text).strip().strip("|").strip()


def plain(line: str) -> str:
    """A line of reStructuredText, Markdown or HTML source without its inline markup."""
    line = _RST_ROLE.sub(r"\1", line)
    line = _RST_LINK.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _LITERAL.sub(lambda match: match.group(1) or match.group(2), line)
    line = _RST_REFERENCE.sub(r"\1", line)
    line = _EMPHASIS.sub(lambda match: match.group(2) or match.group(3), line)
    line = _TAG.sub(" ", line).replace("\\ ", "")
    return html.unescape(_ESCAPE.sub(r"\1", line))


def numbers(text: str) -> tuple[str, ...]:
    """The numbers of a text as written, thousands separators dropped: '1,536 GiB, 16 chips' -> ('1536', '16')."""
    return tuple(match.group(0).replace(",", "") for match in _NUMBER.finditer(text))


def parts(quote: str) -> tuple[str, ...]:
    """The quote's separately found parts: its '; '-joined rows, or the whole quote."""
    return tuple(normalise(part) for part in quote.split(PART_SEPARATOR) if part.strip())


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    """The section's readable text to the next heading of the same or a higher level, blocks joined by a newline."""
    own_text: str
    """Its text to the next heading of any level."""


@dataclass(frozen=True)
class Document:
    """A source file as a reader sees it: blocks (paragraphs and table rows) and heading sections."""

    blocks: tuple[str, ...]
    sections: tuple[Section, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)

    def sentences(self) -> list[str]:
        """Every sentence and table row: the candidates for a quote's new wording."""
        found: list[str] = []
        for block in self.blocks:
            found.extend(sentence for sentence in _SENTENCE_END.split(block) if sentence)
        return found


def _contains(text: str, part: str) -> bool:
    """The part stands in the text as whole words and cells ('| 4' is not in '| 48'): within a block, or
    across blocks (a sentence broken by a list)."""
    if part not in text and part not in text.replace("\n", " "):
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(part) + r"(?!\w)")
    return pattern.search(text) is not None or pattern.search(text.replace("\n", " ")) is not None


def find(document: Document, quote: str) -> bool:
    """The quote stands in the document; a multi-part quote only when every part stands in one section (to the
    next heading of any level).

    A first part written 'label: rest' (such as 'g6.48xlarge: instance-gpu-count|8') names the heading of the
    section whose cells hold the rest (to the next heading of the same level)."""
    wanted = parts(quote)
    if not wanted:
        return False
    if len(wanted) == 1 and _contains(document.text, wanted[0]):
        return True
    sections = document.sections or (Section("", document.text, document.text),)
    if any(all(_contains(section.own_text, part) for part in wanted) for section in sections):
        return True
    label, _, first = wanted[0].partition(": ")
    if not first:
        return False
    rest = (first, *wanted[1:])
    return any(section.title == label and all(_contains(section.text, part) for part in rest) for section in sections)


def missing_parts(document: Document, quote: str) -> tuple[str, ...]:
    """The parts of a quote that stand nowhere in the document."""
    text = document.text
    return tuple(part for part in parts(quote) if not _contains(text, part.partition(": ")[2] or part) and not _contains(text, part))


def with_other_numbers(document: Document, text: str) -> tuple[str, str] | None:
    """The document's sentence or row that reads like `text` with other numbers, and the stretch of it that
    does; None when there is none."""
    pieces = _NUMBER.split(normalise(text))
    if len(pieces) < 2:
        return None
    pattern = re.compile(r"(?<!\w)" + _NUMBER.pattern.join(re.escape(piece) for piece in pieces) + r"(?!\w)")
    for sentence in document.sentences():
        match = pattern.search(sentence)
        if match:
            return sentence, match.group(0)
    return None


def nearest(document: Document, text: str) -> str | None:
    """The document's sentence or row most like `text` (difflib, comparing clauses too, so a quote of part of a
    sentence finds it), or None when none is alike enough."""
    whole_of: dict[str, str] = {}
    for sentence in document.sentences():
        whole_of.setdefault(sentence, sentence)
        for clause in _CLAUSE_END.split(sentence):
            whole_of.setdefault(clause, sentence)
    found = difflib.get_close_matches(normalise(text), list(whole_of), n=1, cutoff=NEAREST_CUTOFF)
    return whole_of[found[0]] if found else None


def read_document(source: str, name: str) -> Document:
    """The readable blocks and sections of a source file; `name` (its path or URL) tells its format."""
    lowered = name.lower()
    if lowered.endswith((".html", ".htm")) or source.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return _blocks_to_document(_html_lines(source), markdown=True)
    return _blocks_to_document(source.splitlines(), markdown=not lowered.endswith((".rst", ".txt")))


class _TextOfHtml(HTMLParser):
    """A saved page's visible text, one line per block element and table rows as 'a | b | c'."""

    _BLOCKS = frozenset({"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "dd", "dt", "pre"})
    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0

    def _end_line(self) -> None:
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag == "tr" or tag in self._BLOCKS:
            self._end_line()
        elif tag in ("td", "th"):
            self.current.append(" | ")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.current.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "tr" or tag in self._BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)


def _html_lines(source: str) -> list[str]:
    parser = _TextOfHtml()
    parser.feed(source)
    parser.close()
    parser._end_line()
    lines: list[str] = []
    for line in parser.lines:
        lines.extend([line, ""] if not line.startswith("#") else [line])
    return lines


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _list_table(lines: list[str], start: int) -> tuple[list[str], int]:
    """The rows of an RST list-table whose directive is at `start`, as 'a | b | c'; and the line after it."""
    directive_indent = _indent(lines[start])
    rows: list[list[str]] = []
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if line.strip() and _indent(line) <= directive_indent:
            break
        stripped = line.strip()
        row = re.match(r"^\*(?:\s+-(?:\s+(.*))?)?$", stripped)
        cell = re.match(r"^-(?:\s+(.*))?$", stripped)
        if row:
            rows.append([] if row.group(0) == "*" else [(row.group(1) or "").strip()])
        elif cell:
            if rows:
                rows[-1].append((cell.group(1) or "").strip())
        elif stripped and rows and rows[-1] and not re.match(r"^:[a-z-]+:", stripped):
            rows[-1][-1] = f"{rows[-1][-1]} {stripped}"
        index += 1
    return [" | ".join(plain(cell) for cell in row) for row in rows], index


def _grid_table(lines: list[str], start: int) -> tuple[list[str], int]:
    """The rows of an RST grid table starting at a '+---+' border, as 'a | b | c'; and the line after it."""
    rows: list[str] = []
    cells: list[str] = []
    index = start + 1
    while index < len(lines) and (_GRID_BORDER.match(lines[index]) or lines[index].strip().startswith("|")):
        line = lines[index]
        if _GRID_BORDER.match(line):
            if cells:
                rows.append(" | ".join(plain(cell.strip()) for cell in cells))
            cells = []
        else:
            pieces = line.strip().strip("|").split("|")
            cells = [f"{old} {new.strip()}" for old, new in zip(cells, pieces, strict=False)] if len(cells) == len(pieces) else [p.strip() for p in pieces]
        index += 1
    return rows, index


def _heading(lines: list[str], index: int, markdown: bool) -> tuple[str, str] | None:
    """(style, title) when a heading starts at this line; the style ranks RST headings by first appearance."""
    line = lines[index]
    if markdown:
        match = _MD_HEADING.match(line)
        return (match.group(1), match.group(2).strip("# ")) if match else None
    if index + 1 < len(lines) and line.strip() and not _RST_ADORNMENT.match(line):
        under = _RST_ADORNMENT.match(lines[index + 1])
        if under and len(lines[index + 1].rstrip()) >= len(line.rstrip()) - 2:
            over = index > 0 and _RST_ADORNMENT.match(lines[index - 1]) is not None
            return (("over" if over else "") + under.group(1), line.strip())
    return None


def _blocks_to_document(lines: list[str], markdown: bool) -> Document:
    blocks: list[str] = []
    headings: list[tuple[int, str, str]] = []
    """(index of the first block of the section, style, title)."""
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(normalise(plain(" ".join(paragraph))))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith(".. list-table::"):
            close_paragraph()
            rows, index = _list_table(lines, index)
            blocks.extend(normalise(row) for row in rows)
            continue
        if _GRID_BORDER.match(line):
            close_paragraph()
            rows, index = _grid_table(lines, index)
            blocks.extend(normalise(row) for row in rows)
            continue
        heading = _heading(lines, index, markdown)
        if heading is not None:
            close_paragraph()
            headings.append((len(blocks), heading[0], heading[1]))
            blocks.append(normalise(plain(heading[1])))
            index += 1 if markdown else 2
            continue
        if not stripped or _RST_ADORNMENT.match(line) or _MD_RULE.match(line):
            close_paragraph()
        elif (markdown and stripped.startswith("|")) or re.match(r"^\s*[-*+]\s|^\s*\d+[.)]\s|^\s*\.\. ", line):
            close_paragraph()
            paragraph.append(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line))
            if markdown and stripped.startswith("|"):
                close_paragraph()
        else:
            paragraph.append(line)
        index += 1
    close_paragraph()
    return Document(tuple(block for block in blocks if block), _sections(blocks, headings))


def _sections(blocks: list[str], headings: list[tuple[int, str, str]]) -> tuple[Section, ...]:
    """Each heading's section runs to the next heading of the same or a higher level."""
    ranks: dict[str, int] = {}
    for _, style, _ in headings:
        ranks.setdefault(style, len(style) if style.startswith("#") else len(ranks) + 1)
    sections = []
    for position, (start, style, title) in enumerate(headings):
        later = headings[position + 1 :]
        end = next((later_start for later_start, later_style, _ in later if ranks[later_style] <= ranks[style]), len(blocks))
        own_end = later[0][0] if later else len(blocks)
        sections.append(
            Section(
                normalise(plain(title)),
                "\n".join(block for block in blocks[start:end] if block),
                "\n".join(block for block in blocks[start:own_end] if block),
            )
        )
    return tuple(sections)
