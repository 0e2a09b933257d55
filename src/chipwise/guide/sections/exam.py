"""The exam section: the exam's rule of thumb, memory tricks, key numbers and its domain and task mapping."""

from __future__ import annotations

from typing import Any

from chipwise.facts.model import Exam, ExamMapping, ExamRule, MemoryTrick
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Accelerator


def build_exam(entry: dict[str, Any], report: Report) -> Exam:
    return Exam(
        rule=tuple(ExamRule(**{**item, "accelerator": Accelerator.of(item["accelerator"])}) for item in entry["rule"]),
        memory_trick=tuple(MemoryTrick(**{**item, "accelerator": Accelerator.of(item["accelerator"])}) for item in entry["memory_trick"]),
        when_to_use_inferentia=tuple(
            report.checked_template(f"exam.when_to_use_inferentia[{index}]", text) for index, text in enumerate(entry["when_to_use_inferentia"])
        ),
        key_numbers=report.fact_list("exam.key_numbers", entry["key_numbers"]),
        mapping=tuple(row for row in (_exam_mapping(index, row, report) for index, row in enumerate(entry.get("mapping", []))) if row),
    )


def _exam_mapping(index: int, row: dict[str, Any], report: Report) -> ExamMapping | None:
    """The row, or None (with a located problem) when one of its facts is unknown."""
    where = f"exam.mapping[{index}]"
    found = {key: report.fact_list(f"{where}.{key}", [row[key]]) for key in ("domain", "task", "weight", "objective")}
    if any(not facts for facts in found.values()):
        return None
    return ExamMapping(row["topic"], found["domain"][0], found["task"][0], found["weight"][0], found["objective"][0])
