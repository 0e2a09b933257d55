"""The decision graph as a DMN 1.3 document (api/decisions.dmn): one decision with a decision table per table of
the graph, the practitioner's inputs as inputData, the graph's edges as information requirements, and DMNDI
shapes so a modeler can draw it. Numeric bounds that cite facts are written as numbers, with the fact ids in the
rule's annotation, so the export stays one source. Deterministic: the same facts give the same bytes.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from chipwise.decision.model import DecisionGraph, DecisionInput, DecisionTable, Interval, Rule
from chipwise.facts.model import PLACEHOLDER
from chipwise.guide.model import Facts
from chipwise.render import escape

PATH = "api/decisions.dmn"
MODEL = "https://www.omg.org/spec/DMN/20191111/MODEL/"
DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/"
DC = "http://www.omg.org/spec/DMN/20180521/DC/"
DI = "http://www.omg.org/spec/DMN/20180521/DI/"
NAMESPACE = "urn:chipwise:aws-ml-chips:decisions"
"""The document's own namespace: an identifier, never fetched."""

SHAPE_WIDTH, SHAPE_HEIGHT, COLUMN, ROW = 200, 80, 240, 160

for _prefix, _uri in (("", MODEL), ("dmndi", DMNDI), ("dc", DC), ("di", DI)):
    ET.register_namespace(_prefix, _uri)


def _tag(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def _child(parent: ET.Element, local: str, /, namespace: str = MODEL, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(namespace, local), attributes)
    if text is not None:
        element.text = text
    return element


def feel_number(value: float) -> str:
    """A FEEL number literal: digits, a point where needed, never an exponent."""
    if value.is_integer():
        return str(int(value))
    return format(value, "f").rstrip("0").rstrip(".")


def feel_strings(values: Iterable[str]) -> str:
    """A FEEL list of string literals, as a unary test or an allowed-values list: '"a","b"'."""
    return ",".join(escape.feel_string(value) for value in values)


def feel_interval(interval: Interval) -> str:
    """A FEEL unary test for a range: '<= 6', '> 6' or '(384..1536]'."""
    if math.isinf(interval.low):
        return f"{'<=' if interval.high_closed else '<'} {feel_number(interval.high)}"
    if math.isinf(interval.high):
        return f"{'>=' if interval.low_closed else '>'} {feel_number(interval.low)}"
    left, right = ("[" if interval.low_closed else "("), ("]" if interval.high_closed else ")")
    return f"{left}{feel_number(interval.low)}..{feel_number(interval.high)}{right}"


def _input_id(name: str) -> str:
    return f"input_{name}"


def _decision_id(table_id: str) -> str:
    return f"decision_{table_id}"


def _type_of(item: DecisionInput) -> str:
    return "number" if item.numeric is not None else "string"


def _input_entry(rule: Rule, item: DecisionInput) -> str:
    """The rule's test on one input: '-' when it accepts every value."""
    if item.name in rule.ranges:
        return feel_interval(rule.ranges[item.name])
    values = rule.when.get(item.name)
    if values is None or set(values) == set(item.value_names):
        return "-"
    return feel_strings(value for value in item.value_names if value in values)


def _annotation(rule: Rule) -> str:
    """'serve-deep-learning: memory_gib <= 384 cites inf2.memory_max' — the rule's id and where its bounds come from."""
    cited = [f"{name} {feel_interval(rule.ranges[name])} from {', '.join(PLACEHOLDER.findall(text))}" for name, text in rule.range_texts.items()]
    return rule.id + (f"; {'; '.join(cited)}" if cited else "")


def _decision_table(decision: ET.Element, table: DecisionTable) -> None:
    element = _child(decision, "decisionTable", id=f"table_{table.id}", hitPolicy=table.hit_policy)
    for item in table.inputs:
        clause = _child(element, "input", id=f"{table.id}_in_{item.name}", label=item.question)
        expression = _child(clause, "inputExpression", id=f"{table.id}_expr_{item.name}", typeRef=_type_of(item))
        _child(expression, "text", text=item.name)
        if item.numeric is None:
            values = _child(clause, "inputValues", id=f"{table.id}_values_{item.name}")
            _child(values, "text", text=feel_strings(item.value_names))
    output = _child(element, "output", id=f"{table.id}_out", name=table.id, label=table.question, typeRef="string")
    values = _child(output, "outputValues", id=f"{table.id}_out_values")
    _child(values, "text", text=feel_strings(table.outcomes))
    _child(element, "annotation", name="rule")
    for rule in table.rules:
        row = _child(element, "rule", id=f"rule_{rule.id}")
        _child(row, "description", text=rule.outcome.title)
        for item in table.inputs:
            entry = _child(row, "inputEntry", id=f"rule_{rule.id}_in_{item.name}")
            _child(entry, "text", text=_input_entry(rule, item))
        result = _child(row, "outputEntry", id=f"rule_{rule.id}_out")
        _child(result, "text", text=feel_strings([rule.outcome.id]))
        annotation = _child(row, "annotationEntry")
        _child(annotation, "text", text=_annotation(rule))


def dmn_xml(facts: Facts) -> str:
    """The whole decision graph as a DMN 1.3 document, with DMNDI shapes and edges."""
    graph = facts.decision
    root = ET.Element(
        _tag(MODEL, "definitions"),
        {"id": "chipwise_decisions", "name": f"chipwise decisions {facts.meta.version}", "namespace": NAMESPACE},
    )
    _child(root, "description", text=f"{facts.meta.title}: how a workload is served, and on which hardware. Facts version {facts.meta.version}.")
    tables = {table.id for table in graph.tables}
    requirements: list[tuple[str, str, str]] = []
    for table in graph.tables:
        decision = _child(root, "decision", id=_decision_id(table.id), name=table.id, label=table.question)
        _child(decision, "variable", id=f"{_decision_id(table.id)}_variable", name=table.id, typeRef="string")
        for item in table.inputs:
            requirement_id = f"requirement_{table.id}_{item.name}"
            requirement = _child(decision, "informationRequirement", id=requirement_id)
            if item.name in tables:
                _child(requirement, "requiredDecision", href=f"#{_decision_id(item.name)}")
                requirements.append((requirement_id, _decision_id(item.name), _decision_id(table.id)))
            else:
                _child(requirement, "requiredInput", href=f"#{_input_id(item.name)}")
                requirements.append((requirement_id, _input_id(item.name), _decision_id(table.id)))
        _decision_table(decision, table)
    for item in graph.inputs:
        data = _child(root, "inputData", id=_input_id(item.name), name=item.name, label=item.question)
        _child(data, "variable", id=f"{_input_id(item.name)}_variable", name=item.name, typeRef=_type_of(item))
    _diagram(root, graph, requirements)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _diagram(root: ET.Element, graph: DecisionGraph, requirements: list[tuple[str, str, str]]) -> None:
    """Decisions stacked above the inputs, the last table on top; one edge per information requirement."""
    positions: dict[str, tuple[int, int]] = {}
    for row, table in enumerate(reversed(graph.tables)):
        positions[_decision_id(table.id)] = (COLUMN * (len(graph.inputs) - 1) // 2, 40 + ROW * row)
    inputs_row = 40 + ROW * len(graph.tables)
    for column, item in enumerate(graph.inputs):
        positions[_input_id(item.name)] = (COLUMN * column, inputs_row)
    dmndi = _child(root, "DMNDI", DMNDI)
    diagram = _child(dmndi, "DMNDiagram", DMNDI, None, id="diagram_graph")
    for element_id, (x, y) in positions.items():
        shape = _child(diagram, "DMNShape", DMNDI, None, id=f"shape_{element_id}", dmnElementRef=element_id)
        _child(shape, "Bounds", DC, None, height=str(SHAPE_HEIGHT), width=str(SHAPE_WIDTH), x=str(x), y=str(y))
    for requirement_id, source, target in requirements:
        edge = _child(diagram, "DMNEdge", DMNDI, None, id=f"edge_{requirement_id}", dmnElementRef=requirement_id)
        (source_x, source_y), (target_x, target_y) = positions[source], positions[target]
        _child(edge, "waypoint", DI, None, x=str(source_x + SHAPE_WIDTH // 2), y=str(source_y))
        _child(edge, "waypoint", DI, None, x=str(target_x + SHAPE_WIDTH // 2), y=str(target_y + SHAPE_HEIGHT))
