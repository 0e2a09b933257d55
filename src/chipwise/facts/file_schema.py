"""The shape of the facts file, declared once: it checks the file and becomes its JSON Schema."""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import urlsplit

import yaml

from chipwise.facts.formulas import FORMULAS
from chipwise.facts.schema_language import INVALID, Choice, Date, Field, ListOf, ListOrText, MapOf, OneOrList, Record, Scalar, Text, Url, Version, Walk
from chipwise.facts.units import UNITS, quote_states
from chipwise.vocabulary import Accelerator, Authority, Competing, Kind, Qualifier, Scope, Status, Verdict

ID = r"[a-z0-9][a-z0-9-]*"
FACT_ID = r"[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*"
READ_NAME = r"[a-z0-9][a-z0-9_-]*"
"""What a decision table reads, and what its rules test: an input name or an earlier table's id."""
FACT_ID_HINT = "a fact id like inf2.chips_max"


_fact_ref = Text(pattern=FACT_ID, hint=FACT_ID_HINT)
_id_ref = Text(pattern=ID, hint="an id (lower-case letters, digits and dashes)")
_unit = Choice(tuple(UNITS))

REPOSITORY = r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*"

AWS_HOSTS = ("aws.amazon.com", "docs.aws.amazon.com", "awsdocs-neuron.readthedocs-hosted.com", "amazon.com")
"""Hosts (and their subdomains) that AWS publishes on."""
AWS_REPOSITORY_OWNERS = ("aws", "awsdocs", "aws-neuron", "aws-samples", "awslabs")
"""GitHub organisations that AWS owns."""


def is_aws_url(url: str) -> bool:
    """Is the URL on an AWS domain, the Neuron documentation, or one of AWS's own GitHub organisations?"""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if any(host == aws or host.endswith("." + aws) for aws in AWS_HOSTS):
        return True
    owner = parts.path.strip("/").split("/", 1)[0].lower()
    return host in ("github.com", "raw.githubusercontent.com") and owner in AWS_REPOSITORY_OWNERS


class CheckedCopyRecord(Record):
    """The copy that was read: a stored page's url, or a repository file's repository, path and commit."""

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        result = super().check(node, walk, key_path)
        if result is INVALID:
            return result
        in_repository = [key for key in ("repository", "path", "commit") if key in result]
        if "url" in result and in_repository:
            return walk.problem(node, key_path, "give either url (a stored page) or repository, path and commit (a file), not both")
        if "url" not in result and len(in_repository) != 3:
            missing = ", ".join(key for key in ("repository", "path", "commit") if key not in result)
            return walk.problem(node, key_path, f"a repository file needs repository, path and commit; missing: {missing}")
        return result


class SourceRecord(Record):
    """A source: an `aws` source must live on an AWS domain, so a third-party page is never passed off as AWS."""

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        result = super().check(node, walk, key_path)
        if result is INVALID:
            return result
        if result["authority"] == Authority.AWS and not is_aws_url(result["url"]):
            message = (
                f"an aws source must be on an AWS domain ({', '.join(AWS_HOSTS)}) or in AWS's own repositories "
                f"({', '.join(AWS_REPOSITORY_OWNERS)}); received {result['url']!r}: mark it third-party"
            )
            return walk.problem_at(f"{key_path}.url", message)
        return result


SOURCE = SourceRecord(
    {
        "title": Field(Text(), doc="The page's title."),
        "publisher": Field(Text(), doc="Who publishes it."),
        "url": Field(Url(), doc="Where a reader checks it."),
        "authority": Field(Choice(Authority.values()), doc="aws for AWS-owned sources: the url must be on an AWS domain."),
        "checked_copy": Field(
            CheckedCopyRecord(
                {
                    "url": Field(Url(), required=False, doc="The stored copy of the page that was read."),
                    "repository": Field(Text(pattern=REPOSITORY, hint="a repository like aws-neuron/aws-neuron-sdk"), required=False),
                    "path": Field(Text(pattern=r"[^\s]+", hint="a file path in the repository"), required=False),
                    "commit": Field(Text(pattern=r"[0-9a-f]{40}", hint="a full 40-character commit hash"), required=False),
                    "note": Field(Text(), required=False, doc="What a reader should know about this copy."),
                },
                name="the copy that was read (url, or repository, path and commit)",
            ),
            required=False,
            doc="Which copy was read: a stored page (url) or a repository file (repository, path, commit).",
        ),
    },
    name="a source (title, publisher, url, authority, checked_copy)",
)


class SizeRecord(Record):
    """An instance size: each number it gives must stand in the quoted table row (the network's in its own
    quote when it comes from another source), and its memory is given once: in total or per accelerator."""

    NUMBERS: ClassVar[dict[str, str]] = {
        "accelerators": "quote",
        "accelerator_memory": "quote",
        "memory_per_accelerator": "quote",
        "vcpus": "quote",
        "network_gbps": "network_quote",
        "network_mbps": "network_quote",
    }

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        result = super().check(node, walk, key_path)
        if result is INVALID:
            return result
        valid = True
        for first, second in (("accelerator_memory", "memory_per_accelerator"), ("network_gbps", "network_mbps")):
            if first in result and second in result:
                walk.problem_at(f"{key_path}.{second}", f"give {first} or {second}, not both")
                valid = False
        if "accelerator_memory" not in result and "memory_per_accelerator" not in result:
            walk.problem_at(key_path, "give accelerator_memory (the size's total) or memory_per_accelerator")
            valid = False
        if ("network_source" in result) != ("network_quote" in result):
            walk.problem_at(key_path, "network_source and network_quote go together: the row the network figure comes from")
            valid = False
        for key, quote_key in self.NUMBERS.items():
            value = result.get(key)
            if value is None:
                continue
            quote = result.get(quote_key, result["quote"])
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                walk.problem_at(f"{key_path}.{key}", f"expected a number above 0, received {value!r}")
                valid = False
            elif not quote_states(quote, value):
                message = f"the quoted row does not contain {value!r}; copy the row's cells exactly, or fix the value"
                walk.problem_at(f"{key_path}.{key}", message)
                valid = False
        return result if valid else INVALID


class FactRecord(Record):
    """A fact: its fields, then its value against its unit and its quote against its value."""

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        result = super().check(node, walk, key_path)
        if result is INVALID:
            return result
        unit = UNITS[result["unit"]]
        if not unit.accepts(result["value"]):
            message = f"expected {unit.expected} for unit {unit.name!r}, received {result['value']!r}"
            return walk.problem_at(f"{key_path}.value", message)
        if not quote_states(result["quote"], result["value"]):
            message = f"the quote does not contain the value {result['value']!r}; copy the source's words exactly, or fix the value"
            return walk.problem_at(f"{key_path}.quote", message)
        return result


FACT = FactRecord(
    {
        "label": Field(Text(), doc="What the value is, in a few words."),
        "value": Field(Scalar(), doc="The value, as the source gives it."),
        "unit": Field(_unit, doc="How the value is checked and shown."),
        "kind": Field(Choice(Kind.sourced()), doc="What kind of claim this is."),
        "qualifier": Field(Choice(Qualifier.values()), required=False, doc="The source's qualifier, such as 'up to'."),
        "measures": Field(Text(), required=False, doc="What the number measures, e.g. 'lower cost per inference'."),
        "baseline": Field(Text(), required=False, doc="What it is compared with."),
        "source": Field(_id_ref, doc="A source id."),
        "quote": Field(Text(), doc="The source's words, verbatim; numbers must match the value."),
        "verified": Field(Date(), doc="The day the fact was checked against the source."),
        "scope": Field(Choice(Scope.values()), doc="In scope for the exam the file names (meta.exam), or beyond it."),
        "note": Field(Text(), required=False, doc="A caveat shown with the fact."),
    },
    name="a fact (label, value, unit, kind, source, quote, verified, scope)",
)

DERIVED = Record(
    {
        "label": Field(Text()),
        "formula": Field(Choice(tuple(FORMULAS)), doc="A formula chipwise knows."),
        "inputs": Field(MapOf(_fact_ref, r"[a-z_]+", "a parameter name"), doc="Formula parameter -> fact id."),
        "unit": Field(_unit),
        "scope": Field(Choice(Scope.values())),
    },
    name="a derived figure (label, formula, inputs, unit, scope)",
)

FAMILY = Record(
    {
        "name": Field(Text()),
        "chip": Field(Text()),
        "accelerator": Field(Choice(Accelerator.values())),
        "role": Field(Text()),
        "status": Field(Choice(Status.values())),
        "specs": Field(
            MapOf(OneOrList(_fact_ref), r"[a-z_]+", "a spec name"),
            doc="Spec name -> the fact it shows, or a list of facts the cell shows joined by 'or' (Gen1 or Gen2).",
        ),
        "beyond_one_instance": Field(
            Text(),
            required=False,
            doc="What AWS offers when a model does not fit the largest size; cite facts as {fact.id}.",
        ),
    },
    name="an instance family",
)

FACT_CHECK = Record(
    {
        "topic": Field(Text()),
        "note_says": Field(Text(), doc="The exam-note wording."),
        "note_facts": Field(ListOf(_fact_ref), required=False),
        "aws_says": Field(Text(), doc="AWS's exact words."),
        "aws_facts": Field(ListOf(_fact_ref), required=False),
        "source": Field(_id_ref),
        "verdict": Field(Choice(Verdict.values())),
        "explanation": Field(Text()),
        "same_point_as": Field(
            ListOf(_id_ref),
            required=False,
            doc="Other fact checks whose AWS quote also answers this note; a practice question never offers one as the other's wrong answer.",
        ),
    },
    name="a fact check",
)

STUDY_NOTE_LINE = Record(
    {
        "as_received": Field(Text(), doc="The seed line exactly as received."),
        "reads": Field(Text(), doc="The line with its damaged characters repaired."),
        "section": Field(Text()),
        "checks": Field(ListOf(_id_ref, allow_empty=False)),
        "rules": Field(ListOf(_id_ref), required=False),
    },
    name="a study-note line",
)

_EXAM_CHIP = Choice((Accelerator.INFERENTIA.value, Accelerator.TRAINIUM.value))

EXAM = Record(
    {
        "rule": Field(
            ListOf(
                Record(
                    {
                        "situation": Field(Text()),
                        "answer": Field(Text(), doc="As the exam puts it; shown only."),
                        "instances": Field(Text()),
                        "accelerator": Field(_EXAM_CHIP, doc="The chip the answer names: the comparison table's column."),
                    }
                ),
                allow_empty=False,
            )
        ),
        "memory_trick": Field(
            ListOf(
                Record({"accelerator": Field(_EXAM_CHIP, doc="The chip the trick is for."), "chip": Field(Text()), "word": Field(Text())}),
                allow_empty=False,
            )
        ),
        "when_to_use_inferentia": Field(ListOf(Text(), allow_empty=False)),
        "key_numbers": Field(ListOf(_fact_ref, allow_empty=False)),
        "mapping": Field(
            ListOf(
                Record(
                    {
                        "topic": Field(Text(), doc="What the objective is about, in the reader's words."),
                        "domain": Field(_fact_ref),
                        "task": Field(_fact_ref),
                        "weight": Field(_fact_ref),
                        "objective": Field(_fact_ref),
                    },
                    name="an exam mapping row (topic, domain, task, weight, objective)",
                )
            ),
            required=False,
            doc="Where the study note's topics sit in the exam guide: facts for domain, task, weight and objective.",
        ),
    },
    name="the exam section",
)

REASON = Record(
    {
        "text": Field(Text(), doc="A sentence; cite facts as {fact.id}."),
        "source": Field(_id_ref, required=False),
        "shown": Field(
            Choice(("helper",)),
            required=False,
            doc="'helper' for a reason the helper page gives and a practice explanation leaves out: it compares with hardware no option offers (Inf1).",
        ),
    },
    name="a reason (text, optional source, optional shown)",
)

DECISION = Record(
    {
        "sizing": Field(
            Record(
                {
                    "input": Field(Text(pattern=r"[a-z][a-z_]*", hint="the numeric input that receives the memory need")),
                    "parameters": Field(
                        Record({"question": Field(Text()), "minimum": Field(Scalar()), "maximum": Field(Scalar())}),
                        doc="The model size a person gives, in billions of parameters.",
                    ),
                    "precision": Field(
                        Record(
                            {
                                "question": Field(Text()),
                                "default": Field(Text()),
                                "values": Field(
                                    MapOf(Record({"label": Field(Text()), "bytes": Field(Scalar())}), ID, "a precision name")
                                ),
                            }
                        )
                    ),
                    "training": Field(
                        Record(
                            {
                                "input": Field(Text(pattern=r"[a-z][a-z_]*", hint="the input that says what the hardware does")),
                                "values": Field(ListOf(Text(), allow_empty=False), doc="Its values that train a model."),
                                "bytes_per_parameter": Field(Text(), doc="The fact that gives the memory training needs per parameter."),
                                "label": Field(Text(), doc="What those bytes hold."),
                            },
                            name="the training memory (input, values, bytes_per_parameter, label)",
                        ),
                        required=False,
                        doc="Training holds more than the weights: for these workloads, the bytes per parameter come from this fact.",
                    ),
                    "headroom_percent": Field(Scalar(), doc="Memory beyond the weights, as a percentage of them."),
                    "headroom_note": Field(Text(), doc="Where the headroom comes from: a source, or plainly an assumption."),
                },
                name="the sizing section (input, parameters, precision, headroom_percent, headroom_note)",
            ),
            required=False,
        ),
        "inputs": Field(
            MapOf(
                Record(
                    {
                        "question": Field(Text()),
                        "default": Field(Scalar(), required=False),
                        "values": Field(
                            MapOf(
                                Record(
                                    {
                                        "label": Field(Text()),
                                        "explanation": Field(Text()),
                                        "case": Field(
                                            Text(),
                                            required=False,
                                            doc="The value as a practice explanation's condition: 'the model depended on code that runs only on NVIDIA GPUs'.",
                                        ),
                                    }
                                ),
                                ID,
                                "a value name",
                            ),
                            required=False,
                            doc="The answers of an enumerated input (give values or number, not both).",
                        ),
                        "number": Field(
                            Record(
                                {
                                    "unit": Field(Text()),
                                    "minimum": Field(Scalar()),
                                    "maximum": Field(Scalar()),
                                    "computed": Field(Text(), required=False, doc="How the value is computed when not given."),
                                },
                                name="a numeric range (unit, minimum, maximum)",
                            ),
                            required=False,
                            doc="A numeric input; rules test it with ranges such as '<= 6', '> 6', '[2..8)'.",
                        ),
                    }
                ),
                r"[a-z][a-z_]*",
                "an input name",
            )
        ),
        "tables": Field(
            MapOf(
                Record(
                    {
                        "question": Field(Text(), doc="The question this table answers: 'How is it served?'."),
                        "hit_policy": Field(Choice(("UNIQUE",)), doc="Exactly one rule decides each combination."),
                        "reads": Field(
                            ListOf(Text(pattern=READ_NAME, hint="an input name or a table id"), allow_empty=False),
                            doc="What the table decides from: the practitioner's inputs and earlier tables (their outcome ids are its values).",
                        ),
                        "outcomes": Field(
                            MapOf(
                                Record(
                                    {
                                        "accelerator": Field(Choice(Accelerator.values()), required=False, doc="For an outcome that names hardware."),
                                        "title": Field(Text(), doc="The AWS product by name; never the phase the question already gives."),
                                        "families": Field(ListOf(_id_ref), required=False, doc="The instance families it runs on, sized in order."),
                                        "why_not": Field(
                                            Text(),
                                            doc=(
                                                "When a practice question offers this outcome and it is wrong: what it is for, "
                                                "citing at least one fact as {fact.id}."
                                            ),
                                        ),
                                    }
                                ),
                                ID,
                                "an outcome id",
                            )
                        ),
                        "rules": Field(
                            MapOf(
                                Record(
                                    {
                                        "when": Field(
                                            MapOf(
                                                ListOrText(hint="a list of values (enumerated input) or a range like '<= 6' (numeric input)"),
                                                READ_NAME,
                                                "an input name or a table id",
                                            )
                                        ),
                                        "then": Field(_id_ref),
                                        "reasons": Field(ListOf(REASON, allow_empty=False)),
                                    }
                                ),
                                ID,
                                "a rule id",
                            )
                        ),
                    },
                    name="a decision table (question, hit_policy, reads, outcomes, rules)",
                ),
                ID,
                "a table id",
            ),
            doc="The decision tables, in the order they decide; the last one's outcome is the recommendation.",
        ),
        "deprecated_inputs": Field(
            MapOf(
                Record(
                    {
                        "input": Field(Text(pattern=r"[a-z][a-z_]*", hint="the input that replaces it")),
                        "values": Field(MapOf(Text(), ID, "an old value"), doc="Old value -> the new input's value."),
                    },
                    name="a deprecated input (input, values)",
                ),
                r"[a-z][a-z_]*",
                "an old input name",
            ),
            required=False,
            doc="Inputs of an earlier release still accepted for one release, with a deprecation message.",
        ),
    },
    name="the decision graph (inputs, tables)",
)

_states = MapOf(Text(), r"[a-z][a-z_]*", "a decision input name")

PRACTICE = Record(
    {
        "tasks": Field(
            MapOf(_fact_ref, ID, "a generated question's topic"),
            required=False,
            doc="The exam guide's task statement (a task fact of an exam.mapping row) each topic of generated questions practises.",
        ),
        "corrections": Field(
            MapOf(Text(), ID, "a fact check's verdict"),
            required=False,
            doc="Verdict -> the correction it calls for: the options of 'Which correction to this note is accurate?'.",
        ),
        "option_names": Field(
            MapOf(Text(), ID, "a decision outcome id"),
            required=False,
            doc="Decision outcome -> its name in a practice option, in AWS's own style ('Amazon EC2 P5 instances'); an outcome "
            "left out is left out of an option (the compute behind Serverless Inference, which has no instance to name).",
        ),
        "hosted_names": Field(
            MapOf(Text(), ID, "a decision outcome id"),
            required=False,
            doc="Decision outcome -> its name after a SageMaker way of serving, as SageMaker names its instance types "
            "('ml.inf2 instances'); an outcome left out keeps its option name.",
        ),
        "scenarios": Field(
            MapOf(
                Record(
                    {
                        "company": Field(Text(), doc="Who, as the sentence's subject: 'A media company'."),
                        "workload": Field(Text(), doc="What they do, continuing the sentence: 'serves a trained model ...'."),
                        "framework": Field(Text(), required=False, doc="A sentence about the model's framework."),
                        "traffic": Field(Text(), required=False, doc="A sentence about the traffic."),
                        "constraint": Field(Text(), required=False, doc="A sentence about another constraint."),
                        "ask": Field(Text(), doc="The question: 'Which solution is the MOST cost-effective?'."),
                        "task": Field(_fact_ref, doc="The exam guide's task statement it practises: a task fact of an exam.mapping row."),
                        "competing": Field(
                            Choice(Competing.values()), required=False, doc="The second requirement the stem sets against the first, if any."
                        ),
                        "states": Field(_states, doc="Decision input -> the value the prose states; the engine answers from these."),
                        "also": Field(
                            _states,
                            required=False,
                            doc="A second decision the same stem asks for (serving what it trains, say): the question becomes "
                            "'Select TWO', one right option per decision.",
                        ),
                        "settles": Field(
                            Text(),
                            required=False,
                            doc="A sentence the right option's explanation opens with: how the stem's competing requirement or "
                            "preference bears on the answer (why it gives way, or why it decides).",
                        ),
                        "offers": Field(
                            _id_ref,
                            required=False,
                            doc="A decision table whose answers the options name alone: serving, for a stem that asks how to serve a "
                            "model and leaves its hardware out of question (the options are then SageMaker's ways of serving). "
                            "Default: what serves it on what hardware (a training stem's options name the hardware).",
                        ),
                        "scope": Field(
                            Choice(Scope.values()),
                            required=False,
                            doc="beyond-exam for a stem that turns on more than the exam asks (accelerator memory against instance "
                            "sizes, which instances a way of serving offers): its question is a drill, outside the exam-style set. "
                            "Default: aif-c01.",
                        ),
                    },
                    name="a practice scenario (company, workload, ask, task, states)",
                ),
                ID,
                "a scenario id",
            ),
            required=False,
        ),
        "case_studies": Field(
            MapOf(
                Record(
                    {
                        "title": Field(Text()),
                        "task": Field(_fact_ref, doc="The exam guide's task statement it practises: a task fact of an exam.mapping row."),
                        "background": Field(Text(), doc="The scenario; cite facts as {fact.id}."),
                        "questions": Field(
                            ListOf(
                                Record(
                                    {
                                        "ask": Field(Text()),
                                        "states": Field(_states, required=False, doc="Decision inputs: the engine answers."),
                                        "offers": Field(
                                            _id_ref,
                                            required=False,
                                            doc="With states: a decision table whose answers alone the options name, as a scenario's offers.",
                                        ),
                                        "answer": Field(_fact_ref, required=False, doc="Or a fact: the right figure."),
                                        "options": Field(ListOf(_fact_ref), required=False, doc="With answer: the other facts offered."),
                                    },
                                    name="a case-study question (ask, and states or answer with options)",
                                ),
                                allow_empty=False,
                            )
                        ),
                    },
                    name="a case study (title, background, questions)",
                ),
                ID,
                "a case-study id",
            ),
            required=False,
        ),
    },
    name="the practice section (tasks, scenarios, case_studies)",
)

FACTS_FILE = Record(
    {
        "meta": Field(
            Record(
                {
                    "title": Field(Text()),
                    "version": Field(Version()),
                    "exam": Field(Text()),
                    "exam_name": Field(Text()),
                    "verified_note": Field(Text()),
                }
            )
        ),
        "sources": Field(MapOf(SOURCE, ID, "a source id")),
        "facts": Field(MapOf(FACT, FACT_ID, FACT_ID_HINT)),
        "derived": Field(MapOf(DERIVED, FACT_ID, FACT_ID_HINT, allow_empty=True), required=False),
        "families": Field(MapOf(FAMILY, ID, "a family id")),
        "fact_checks": Field(MapOf(FACT_CHECK, ID, "a fact-check id")),
        "study_note": Field(ListOf(STUDY_NOTE_LINE, allow_empty=False)),
        "exam": Field(EXAM),
        "sizes": Field(
            MapOf(
                SizeRecord(
                    {
                        "family": Field(_id_ref),
                        "accelerators": Field(Scalar()),
                        "accelerator_memory": Field(Scalar(), required=False, doc="The size's total accelerator memory."),
                        "memory_per_accelerator": Field(
                            Scalar(), required=False, doc="Where the source gives memory per accelerator; the total is accelerators × this."
                        ),
                        "memory_unit": Field(Choice(("GiB", "GB", "MiB")), doc="The unit the source gives."),
                        "vcpus": Field(Scalar(), required=False),
                        "network_gbps": Field(Scalar(), required=False),
                        "network_mbps": Field(Scalar(), required=False, doc="Where the source gives megabits per second."),
                        "network_qualifier": Field(
                            Choice(("up to", "baseline")), required=False, doc="up to: a burst figure; baseline: what the instance sustains."
                        ),
                        "network_source": Field(_id_ref, required=False, doc="Where the network figure comes from another source."),
                        "network_quote": Field(Text(), required=False, doc="That source's row for this size."),
                        "source": Field(_id_ref),
                        "quote": Field(Text(), doc="The source's table row (or rows), cells in order; every number must be in it."),
                        "verified": Field(Date()),
                        "note": Field(Text(), required=False),
                    },
                    name="an instance size (family, accelerators, accelerator_memory or memory_per_accelerator, memory_unit, source, quote, verified)",
                ),
                r"[a-z0-9][a-z0-9.-]*",
                "an instance size like inf2.xlarge",
            ),
            required=False,
            doc="Every size of every family, each from its source's table row.",
        ),
        "topics": Field(
            MapOf(Text(), r"[a-z0-9][a-z0-9_-]*", "an id prefix (the part of a fact id before the dot)"),
            required=False,
            doc="The Sources page's heading for the facts whose id starts with each prefix.",
        ),
        "spec_labels": Field(
            MapOf(Text(), r"[a-z0-9][a-z0-9_]*", "a spec key used under families"),
            required=False,
            doc="The row label comparison tables show for each spec key.",
        ),
        "practice": Field(PRACTICE, required=False, doc="Exam-style scenarios and case studies for the practice questions."),
        "glossary": Field(MapOf(Record({"definition": Field(Text())}), r"[A-Za-z][A-Za-z0-9 .-]*", "a term")),
        "page_copy": Field(
            MapOf(Text(), r"[a-z][a-z0-9_]*", "a page copy key"),
            required=False,
            doc=(
                "Sentences the site writes with values the code fills in, each {name} a place for one "
                "(chipwise.guide.contract.CopyKey lists the keys and their places; a site build needs them all)."
            ),
        ),
        "decision": Field(DECISION),
        "benchmarks": Field(
            Text(pattern=r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.ya?ml", hint="a YAML file name beside the facts file, like aws-ml-chips.benchmarks.yml"),
            required=False,
            doc="AWS's published benchmark rows: a sibling file written by `chipwise import-benchmarks`, checked like this one.",
        ),
        "changes": Field(
            Text(pattern=r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.ya?ml", hint="a YAML file name beside the facts file, like aws-ml-chips.changes.yml"),
            required=False,
            doc="The changelog as data: a sibling file of releases (version, date, summary, notes, per-fact changes), checked with this one.",
        ),
    },
    name="the facts file",
)


def json_schema() -> dict[str, Any]:
    """The facts file's JSON Schema (draft 2020-12), for editors and for other tools."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "chipwise facts file",
        **FACTS_FILE.json_schema(),
    }
