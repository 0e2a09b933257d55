"""The families and sizes sections: each instance family with its specs (facts) and its sizes, smallest first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.model import Family, InstanceSize, frozen_map, gbps_from_mbps, total_memory
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Accelerator, Status


def build_families(entries: Mapping[str, dict[str, Any]], size_entries: Mapping[str, dict[str, Any]], report: Report) -> dict[str, Family]:
    sizes = _sizes(entries, size_entries, report)
    families = {}
    for family_id, entry in entries.items():
        where = f"families.{family_id}.specs"
        specs = {}
        for spec, named in entry["specs"].items():
            fact_ids = [named] if isinstance(named, str) else named
            for index, fact_id in enumerate(fact_ids):
                if fact_id not in report.facts:
                    report.unknown_fact(f"{where}.{spec}" + (f"[{index}]" if isinstance(named, list) else ""), fact_id)
            if all(fact_id in report.facts for fact_id in fact_ids):
                specs[spec] = tuple(report.facts[fact_id] for fact_id in fact_ids)
        beyond = entry.get("beyond_one_instance", "")
        families[family_id] = Family(
            id=family_id,
            **{
                **entry,
                "accelerator": Accelerator.of(entry["accelerator"]),
                "status": Status.of(entry["status"]),
                "specs": frozen_map(specs),
                "sizes": tuple(sorted(sizes.get(family_id, []), key=_smallest_first)),
                "beyond_one_instance": report.text(f"families.{family_id}.beyond_one_instance", beyond) if beyond else "",
            },
        )
    return families


def _sizes(families: Mapping[str, dict[str, Any]], entries: Mapping[str, dict[str, Any]], report: Report) -> dict[str, list[InstanceSize]]:
    """Each family's sizes; a size of an unknown family, or citing an unknown source, is left out."""
    sizes: dict[str, list[InstanceSize]] = {}
    for name, entry in entries.items():
        if entry["family"] not in families:
            report.unknown(f"sizes.{name}.family", "instance family", entry["family"], families)
            continue
        source = report.source(f"sizes.{name}.source", entry["source"])
        network_source = report.source(f"sizes.{name}.network_source", entry["network_source"]) if "network_source" in entry else None
        if source is None or ("network_source" in entry and network_source is None):
            continue
        accelerators = int(entry["accelerators"])
        per_accelerator = float(entry["memory_per_accelerator"]) if "memory_per_accelerator" in entry else None
        if "network_mbps" in entry:
            network_gbps: float | None = gbps_from_mbps(float(entry["network_mbps"]))
        else:
            network_gbps = float(entry["network_gbps"]) if "network_gbps" in entry else None
        sizes.setdefault(entry["family"], []).append(
            InstanceSize(
                name=name,
                family=entry["family"],
                accelerators=accelerators,
                accelerator_memory=float(entry["accelerator_memory"]) if per_accelerator is None else total_memory(accelerators, per_accelerator),
                memory_unit=entry["memory_unit"],
                vcpus=int(entry["vcpus"]) if "vcpus" in entry else None,
                network_gbps=network_gbps,
                network_qualifier=entry.get("network_qualifier", ""),
                source=source,
                quote=entry["quote"],
                verified=entry["verified"],
                note=entry.get("note", ""),
                memory_per_accelerator=per_accelerator,
                network_source=network_source,
                network_quote=entry.get("network_quote", ""),
            )
        )
    return sizes


def _smallest_first(size: InstanceSize) -> tuple[float, int, int, str]:
    return (size.accelerator_memory_gib, size.accelerators, size.vcpus or 0, size.name)
