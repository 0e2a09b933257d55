"""The decision flowcharts, one per table of the decision graph: a tree of questions, drawn as SVG at
build time (no JavaScript, no CDN) and written as Mermaid source for GitHub, GitLab and Obsidian.

The tree asks only the questions that matter: under each branch it splits on the input that gives
the smallest tree, and answers that lead to the same subtree share one edge ("Training or Fine-tuning").
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from chipwise.decision.engine import combinations
from chipwise.decision.model import DecisionGraph, DecisionInput, DecisionTable, Interval, Outcome, Rule
from chipwise.memo import per_object
from chipwise.render import escape


@dataclass(frozen=True)
class Leaf:
    rule: Rule


@dataclass(frozen=True)
class Split:
    """A node of the tree that asks one input, with a branch per group of its answers."""

    input: DecisionInput
    branches: tuple[tuple[tuple[str, ...], Node], ...]
    """(the answers' labels, the subtree they lead to), in the input's value order."""


Node = Leaf | Split


@per_object
def build_tree(table: DecisionTable) -> Node:
    cases = [dict(inputs) for inputs in combinations(table)]
    decided = {_key(case): next(rule for rule in table.rules if rule.matches(case)) for case in cases}
    return _tree(table, [_key(case) for case in cases], decided)


Case = tuple[tuple[str, str], ...]


def _key(case: dict[str, str]) -> Case:
    return tuple(sorted(case.items()))


def _tree(table: DecisionTable, cases: list[Case], decided: dict[Case, Rule]) -> Node:
    rule_ids = {decided[case].id for case in cases}
    if len(rule_ids) == 1:
        return Leaf(decided[cases[0]])
    candidates = []
    for item in table.inputs:
        groups = {value: [case for case in cases if dict(case)[item.name] == value] for value in item.value_names}
        if sum(1 for group in groups.values() if group) < 2:
            continue  # already decided above
        subtrees = {value: _tree(table, group, decided) for value, group in groups.items() if group}
        merged: dict[str, tuple[Node, list[str]]] = {}
        for value, subtree in subtrees.items():
            merged.setdefault(signature(subtree), (subtree, []))[1].append(value)
        if len(merged) == 1:
            continue  # this input changes nothing here
        branches = tuple((_labels(item, values), subtree) for subtree, values in merged.values())
        candidates.append(Split(item, branches))
    return min(candidates, key=size)


def _labels(item: DecisionInput, names: list[str]) -> tuple[str, ...]:
    """The answers' labels; neighbouring pieces of a numeric range read as one range ('at most 384 GiB')."""
    chosen = [value for value in item.values if value.name in names]
    numeric = item.numeric
    if numeric is None or any(value.interval is None for value in chosen):
        return tuple(value.label for value in chosen)
    indexes = [item.values.index(value) for value in chosen]
    if indexes != list(range(indexes[0], indexes[0] + len(indexes))):
        return tuple(value.label for value in chosen)
    first, last = chosen[0].interval, chosen[-1].interval
    assert first is not None and last is not None
    joined = Interval(first.low, last.high, first.low_closed, last.high_closed)
    return (joined.text(numeric.unit, numeric.minimum, numeric.maximum),)


def signature(node: Node) -> str:
    """Equal for trees that ask the same questions and reach the same rules."""
    if isinstance(node, Leaf):
        return node.rule.id
    inner = ",".join(f"{'/'.join(labels)}:{signature(child)}" for labels, child in node.branches)
    return f"{node.input.name}({inner})"


def size(node: Node) -> int:
    if isinstance(node, Leaf):
        return 1
    return 1 + sum(size(child) for _, child in node.branches)


def leaves(node: Node) -> list[Rule]:
    if isinstance(node, Leaf):
        return [node.rule]
    return [rule for _, child in node.branches for rule in leaves(child)]


# --- SVG --------------------------------------------------------------------------------------

BOX_WIDTH = 190
COLUMN = 210
ROW = 150
LINE_HEIGHT = 17
CHARS_PER_LINE = 24
LABEL_OFFSET = 8
"""How far an answer's label stands beside its edge."""
LABEL_GAP = 8
"""How far above the box it leads to an answer's last line sits."""
LABEL_MARGIN = 150
"""Room on the right for the labels of the rightmost answers."""
LEFT_MARGIN = 20
"""Room on the left: every answer's label stands to the right of its edge (no child is left of its parent)."""


@dataclass
class _Placed:
    node: Node
    x: float
    y: float
    lines: list[str]
    css: str
    href: str = ""


def outcome_kind(outcome: Outcome) -> str:
    """The outcome's colour class: its accelerator, or 'serving' for a way of serving."""
    return str(outcome.accelerator) if outcome.accelerator is not None else "serving"


def _node_text(node: Node) -> tuple[list[str], str]:
    if isinstance(node, Leaf):
        outcome = node.rule.outcome
        return textwrap.wrap(outcome.title, CHARS_PER_LINE), f"chipwise-flow__outcome chipwise-flow__outcome--{outcome_kind(outcome)}"
    return textwrap.wrap(node.input.question, CHARS_PER_LINE), "chipwise-flow__question"


def _layout(node: Node, depth: int, left: float, placed: list[_Placed], edges: list[tuple[_Placed, _Placed, str]], rule_href: dict[str, str]) -> _Placed:
    """Each question stands above its first answer's box, so the drawing starts at its top left: a column narrower
    than the drawing opens on its first question, and the other branches lie to the right, where it scrolls."""
    lines, css = _node_text(node)
    here = _Placed(node, left + COLUMN / 2, depth * ROW + 20, lines, css)
    if isinstance(node, Leaf):
        here.href = rule_href.get(node.rule.id, "")
    placed.append(here)
    if isinstance(node, Split):
        offset = left
        for labels, child in node.branches:
            child_placed = _layout(child, depth + 1, offset, placed, edges, rule_href)
            edges.append((here, child_placed, " or ".join(labels)))
            offset += len(leaves(child)) * COLUMN
    return here


FLOWCHART_STYLE = " ".join(
    (
        ".chipwise-flow { width: 100%; height: auto; font-family: var(--md-text-font-family, system-ui, sans-serif); }",
        ".chipwise-flow__edge { fill: none; stroke: var(--md-default-fg-color--light, #666); stroke-width: 2; }",
        ".chipwise-flow__label { fill: var(--md-default-fg-color, #222); font-size: 13px; paint-order: stroke;"
        " stroke: var(--md-default-bg-color, #fff); stroke-width: 4px; }",
        ".chipwise-flow__text { fill: #111; font-size: 14px; }",
        ".chipwise-flow__question { fill: #eceff1; stroke: #37474f; stroke-width: 1.5; }",
        ".chipwise-flow__outcome { stroke-width: 2; }",
        ".chipwise-flow__outcome--inferentia { fill: #e8f5e9; stroke: #1b5e20; }",
        ".chipwise-flow__outcome--trainium { fill: #e3f2fd; stroke: #0d47a1; }",
        ".chipwise-flow__outcome--gpu { fill: #fff3e0; stroke: #bf360c; }",
        ".chipwise-flow__outcome--cpu { fill: #f3e5f5; stroke: #4a148c; }",
        ".chipwise-flow__outcome--serving { fill: #fffde7; stroke: #5d4037; }",
        ".chipwise-flow a:focus-visible rect { stroke: var(--md-accent-fg-color, #526cfe); stroke-width: 4; }",
    )
)
"""The flowchart's look, carried inside the SVG so it renders the same in any guide and in embeds."""


def _box_height(lines: list[str]) -> float:
    return len(lines) * LINE_HEIGHT + 16


def flowchart_svg(table: DecisionTable, rule_href: dict[str, str], title: str) -> str:
    """The table's flowchart as inline SVG, named `title` (the page copy's flowchart_title); each outcome links to its
    rule's row in the decision table."""
    tree = build_tree(table)
    placed: list[_Placed] = []
    edges: list[tuple[_Placed, _Placed, str]] = []
    _layout(tree, 0, LEFT_MARGIN, placed, edges, rule_href)
    width = LEFT_MARGIN + len(leaves(tree)) * COLUMN + LABEL_MARGIN
    height = max(p.y + _box_height(p.lines) for p in placed) + 10
    description = describe_tree(tree)
    parts = [
        f'<svg class="chipwise-flow" viewBox="0 0 {width:.0f} {height:.0f}" role="group" '
        f'aria-labelledby="chipwise-flow-title-{table.id}" aria-describedby="chipwise-flow-desc-{table.id}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" style="max-width:{width:.0f}px">',
        f'<title id="chipwise-flow-title-{table.id}">{escape.html_text(title)}</title>',
        f'<desc id="chipwise-flow-desc-{table.id}">{escape.html_text(description)}</desc>',
        f"<style>{FLOWCHART_STYLE}</style>",
    ]
    for parent, child, label in edges:
        x1, y1 = parent.x, parent.y + _box_height(parent.lines)
        x2, y2 = child.x, child.y
        middle = (y1 + y2) / 2
        parts.append(f'<path class="chipwise-flow__edge" d="M{x1:.0f},{y1:.0f} C{x1:.0f},{middle:.0f} {x2:.0f},{middle:.0f} {x2:.0f},{y2:.0f}"/>')
        # The answer sits just above the box it leads to, on the side away from the parent, where its edge
        # comes down vertically: no edge crosses a label, and siblings' labels keep a column each.
        label_lines = textwrap.wrap(label, CHARS_PER_LINE)
        x, anchor = (x2 - LABEL_OFFSET, "end") if x2 < x1 else (x2 + LABEL_OFFSET, "start")
        for index, line in enumerate(label_lines):
            y = y2 - LABEL_GAP - (len(label_lines) - 1 - index) * LINE_HEIGHT
            parts.append(f'<text class="chipwise-flow__label" x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}">{escape.html_text(line)}</text>')
    for box in placed:
        box_height = _box_height(box.lines)
        shape = (
            f'<rect class="{box.css}" x="{box.x - BOX_WIDTH / 2:.0f}" y="{box.y:.0f}" width="{BOX_WIDTH}" height="{box_height:.0f}" rx="10"/>'
        )
        texts = "".join(
            f'<text class="chipwise-flow__text" x="{box.x:.0f}" y="{box.y + 22 + index * LINE_HEIGHT:.0f}" text-anchor="middle">{escape.html_text(line)}</text>'
            for index, line in enumerate(box.lines)
        )
        if box.href:
            rule_id = box.node.rule.id if isinstance(box.node, Leaf) else ""
            parts.append(f'<a href="{escape.attribute(box.href)}" data-rule="{rule_id}">{shape}{texts}</a>')
        else:
            parts.append(shape + texts)
    parts.append("</svg>")
    return "".join(parts)


def describe_tree(node: Node, depth: int = 0) -> str:
    """The tree in words, for screen readers: 'What will the hardware do? Training or Fine-tuning: ...'."""
    if isinstance(node, Leaf):
        return f"{node.rule.outcome.title}, rule {node.rule.id}"
    branches = "; ".join(f"{' or '.join(labels)}: {describe_tree(child, depth + 1)}" for labels, child in node.branches)
    return f"{node.input.question} {branches}" if depth == 0 else f"({node.input.question} {branches})"


def flowchart_outline(table: DecisionTable, rule_href: dict[str, str]) -> str:
    """The same tree as nested lists: each question, its answers, and the outcome each leads to (linked to its
    rule). It fits a phone's width, where the drawing would be too wide to read."""
    return f'<div class="chipwise-flow-outline">{_outline(build_tree(table), rule_href)}</div>'


def _outline(node: Node, rule_href: dict[str, str]) -> str:
    if isinstance(node, Leaf):
        title = escape.html_text(node.rule.outcome.title)
        href = rule_href.get(node.rule.id, "")
        return f'<a href="{escape.attribute(href)}">{title}</a>' if href else title
    answers = "".join(f"<li>{escape.html_text(' or '.join(labels))} → {_outline(child, rule_href)}</li>" for labels, child in node.branches)
    return f"<strong>{escape.html_text(node.input.question)}</strong><ul>{answers}</ul>"


# --- Mermaid ------------------------------------------------------------------------------------


def mermaid_source(graph: DecisionGraph, title: str) -> str:
    """Mermaid flowchart source for every table's tree, one subgraph per table in the order they decide, named
    `title` (the page copy's flowchart_mermaid_title); renders on GitHub, GitLab, Obsidian and Notion."""
    lines = ["---", f"title: {title}", "---", "flowchart TD"]
    counter = {"question": 0}
    outcome_ids: dict[str, Outcome] = {}

    def emit(node: Node) -> str:
        if isinstance(node, Leaf):
            node_id = "rule_" + node.rule.id.replace("-", "_")
            if node_id not in outcome_ids:
                outcome_ids[node_id] = node.rule.outcome
                lines.append(f"    {node_id}([{escape.mermaid_label(node.rule.outcome.title)}])")
            return node_id
        counter["question"] += 1
        node_id = f"q{counter['question']}"
        lines.append(f"    {node_id}{{{escape.mermaid_label(node.input.question)}}}")
        for labels, child in node.branches:
            child_id = emit(child)
            lines.append(f"    {node_id} -->|{escape.mermaid_label(' or '.join(labels))}| {child_id}")
        return node_id

    for index, table in enumerate(graph.tables, start=1):
        lines.append(f"  subgraph table_{table.id.replace('-', '_')} [{escape.mermaid_label(f'{index}. {table.question}')}]")
        emit(build_tree(table))
        lines.append("  end")
    for node_id, outcome in outcome_ids.items():
        lines.append(f"    class {node_id} {outcome_kind(outcome)}")
    lines.extend(
        [
            "    classDef inferentia fill:#e8f5e9,stroke:#1b5e20,color:#1b5e20",
            "    classDef trainium fill:#e3f2fd,stroke:#0d47a1,color:#0d47a1",
            "    classDef gpu fill:#fff3e0,stroke:#bf360c,color:#bf360c",
            "    classDef cpu fill:#f3e5f5,stroke:#4a148c,color:#4a148c",
            "    classDef serving fill:#fffde7,stroke:#5d4037,color:#3e2723",
        ]
    )
    return "\n".join(lines) + "\n"
