"""The decision section's sizing: the memory a model needs from its parameters, precision, headroom and (for
training) bytes per parameter, feeding one numeric input measured in GiB."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.decision.model import DecisionInput, Precision, Sizing, SizingSentences, TrainingMemory
from chipwise.guide.contract import CopyKey
from chipwise.guide.sections.report import Report


def build_sizing(raw: dict[str, Any], inputs: tuple[DecisionInput, ...], page_copy: Mapping[str, str], report: Report) -> Sizing | None:
    where = "decision.sizing"
    target = next((item for item in inputs if item.name == raw["input"]), None)
    if target is None or target.numeric is None or target.numeric.unit != "GiB":
        report.problem(f"{where}.input", f"expected the name of a numeric input measured in GiB, received {raw['input']!r}")
        return None
    parameters, precision = raw["parameters"], raw["precision"]
    numbers = [parameters["minimum"], parameters["maximum"], raw["headroom_percent"], *(spec["bytes"] for spec in precision["values"].values())]
    if not all(isinstance(number, (int, float)) and not isinstance(number, bool) and number >= 0 for number in numbers):
        report.problem(where, "parameters' minimum and maximum, headroom_percent and each precision's bytes must be numbers of 0 or more")
        return None
    if precision["default"] not in precision["values"]:
        report.unknown(f"{where}.precision.default", "precision", precision["default"], precision["values"])
        return None
    training = _training_memory(raw["training"], inputs, report) if "training" in raw else None
    if "training" in raw and training is None:
        return None
    return Sizing(
        input_name=target.name,
        parameters_question=parameters["question"],
        parameters_minimum=float(parameters["minimum"]),
        parameters_maximum=float(parameters["maximum"]),
        precisions=tuple(Precision(name, spec["label"], float(spec["bytes"])) for name, spec in precision["values"].items()),
        precision_question=precision["question"],
        default_precision=precision["default"],
        headroom_percent=float(raw["headroom_percent"]),
        headroom_note=raw["headroom_note"],
        training=training,
        sentences=_sentences(page_copy),
    )


def _sentences(page_copy: Mapping[str, str]) -> SizingSentences:
    """The sentences a sized decision writes, from the page copy (a missing one is reported by the loader's
    check of the page copy; the file is then refused, so '' is never shown)."""
    return SizingSentences(
        memory_needed=page_copy.get(CopyKey.SIZING_MEMORY_NEEDED, ""),
        held_to_train=page_copy.get(CopyKey.SIZING_HELD_TO_TRAIN, ""),
        held_as_weights=page_copy.get(CopyKey.SIZING_HELD_AS_WEIGHTS, ""),
        family_unlisted=page_copy.get(CopyKey.SIZING_FAMILY_UNLISTED, ""),
        family_fits=page_copy.get(CopyKey.SIZING_FAMILY_FITS, ""),
        accelerator=page_copy.get(CopyKey.SIZING_ACCELERATOR, ""),
        accelerators=page_copy.get(CopyKey.SIZING_ACCELERATORS, ""),
        family_too_large=page_copy.get(CopyKey.SIZING_FAMILY_TOO_LARGE, ""),
    )


def _training_memory(raw: dict[str, Any], inputs: tuple[DecisionInput, ...], report: Report) -> TrainingMemory | None:
    where = "decision.sizing.training"
    target = next((item for item in inputs if item.name == raw["input"]), None)
    if target is None or target.numeric is not None:
        report.unknown(f"{where}.input", "enumerated input", raw["input"], [item.name for item in inputs if item.numeric is None])
        return None
    valid = True
    for index, value in enumerate(raw["values"]):
        if value not in target.value_names:
            report.unknown(f"{where}.values[{index}]", f"value of {target.name}", value, target.value_names)
            valid = False
    fact = report.facts.get(raw["bytes_per_parameter"])
    if fact is None:
        report.unknown_fact(f"{where}.bytes_per_parameter", raw["bytes_per_parameter"])
        return None
    if fact.unit != "bytes-per-parameter":
        report.problem(f"{where}.bytes_per_parameter", f"expected a fact in bytes-per-parameter, received {fact.id} in {fact.unit}")
        return None
    return TrainingMemory(target.name, tuple(raw["values"]), fact, raw["label"]) if valid else None
