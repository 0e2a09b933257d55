"""What the code relies on in the facts file, declared once and verified when a file loads.

Code reads a handful of facts by id (the comparison table's headline claims, the exam mapping, the
worked example) and decides one scenario with fixed inputs. Each such id is a member here, with what
it must be; `chipwise check` refuses a file that lacks one, so a file it accepts always builds.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum, auto

from chipwise.decision.model import DecisionGraph
from chipwise.errors import unknown_message
from chipwise.facts.benchmarks import Category
from chipwise.facts.model import COPY_PLACE, Exam, Fact, Family, Source
from chipwise.vocabulary import Accelerator


class FactId(StrEnum):
    """Every fact the code reads by id."""

    NOTE_THROUGHPUT = "note.throughput"
    NOTE_COST_REDUCTION = "note.cost_reduction"
    NOTE_TRAINING_COST_REDUCTION = "note.training_cost_reduction"
    INF1_COST_CLAIM = "inf1.cost_vs_gpu"
    TRAINIUM_COST_TO_TRAIN = "trn2.cost_to_train"
    EXAMPLE_REQUESTS_PER_DAY = "example.requests_per_day"
    EXAMPLE_GPU_MONTHLY_COST = "example.gpu_monthly_cost"
    EXAMPLE_REQUESTS_PER_MONTH = "example.requests_per_month"
    EXAMPLE_INFERENTIA_MONTHLY_COST = "example.inferentia_monthly_cost"
    EXAMPLE_MONTHLY_SAVINGS = "example.monthly_savings"
    EXAMPLE_YEARLY_SAVINGS = "example.yearly_savings"
    EXAMPLE_CHIP_SHARE = "example.chip_share"
    BENCHMARKS_ARCHIVED = "neuron.benchmarks_archived"
    BENCHMARKS_ARCHIVED_ON = "neuron.benchmarks_archived_on"
    EXAM_QUESTIONS = "exam.question_count"
    EXAM_MINUTES = "exam.duration"


NUMBERS = frozenset(
    {
        FactId.NOTE_THROUGHPUT,
        FactId.NOTE_COST_REDUCTION,
        FactId.NOTE_TRAINING_COST_REDUCTION,
        FactId.EXAMPLE_REQUESTS_PER_DAY,
        FactId.EXAMPLE_GPU_MONTHLY_COST,
    }
)
"""Facts the calculator computes with: they must be numbers."""

WORKED_EXAMPLE_STEPS = (
    FactId.EXAMPLE_REQUESTS_PER_MONTH,
    FactId.EXAMPLE_INFERENTIA_MONTHLY_COST,
    FactId.EXAMPLE_MONTHLY_SAVINGS,
    FactId.EXAMPLE_YEARLY_SAVINGS,
    FactId.EXAMPLE_CHIP_SHARE,
)
"""The worked example's steps, in order: each must be computed by a formula, so its arithmetic shows."""

EXAM_PACE = (FactId.EXAM_QUESTIONS, FactId.EXAM_MINUTES)
"""The exam's questions and minutes: the practice page offers a timed mode at this pace when the file gives both
(a file with neither has no timed mode; one alone is refused); each must be a number."""

BENCHMARK_STATUS = (FactId.BENCHMARKS_ARCHIVED, FactId.BENCHMARKS_ARCHIVED_ON)
"""What AWS now says of its benchmark pages, and its date: shown wherever the rows are, so a file that includes
benchmark rows needs them (a file without rows does not)."""


class SpecKey(StrEnum):
    """Every family spec the code reads by key (the keys themselves are the file's, under spec_labels)."""

    NEURONCORE = "neuroncore"


COMPARED = (Accelerator.INFERENTIA, Accelerator.TRAINIUM)
"""The comparison table's columns: each needs one exam rule, one memory trick, and every family on it a NeuronCore generation."""

EXAMPLE_SCENARIO_INPUTS: Mapping[str, str] = {"workload": "inference", "model": "deep-learning", "requests": "steady"}
"""The study note's scenario (an LLM serving 10 million requests a day) as decision inputs."""


@dataclass(frozen=True)
class Breach:
    key_path: str
    message: str


class CopyKey(StrEnum):
    """Every sentence of the page_copy section the code fills in: its {name} places are the values the code gives.
    Each key is its member's name in lower case (StrEnum's auto())."""

    FRESHNESS = auto()
    FRESHNESS_DUE = auto()
    FRESHNESS_NONE = auto()
    SIZING_FORMULA = auto()
    SIZING_SERVING = auto()
    SIZING_TRAINING = auto()
    SIZING_HEADROOM = auto()
    SIZING_FITS = auto()
    SIZING_MEMORY_NEEDED = auto()
    SIZING_HELD_TO_TRAIN = auto()
    SIZING_HELD_AS_WEIGHTS = auto()
    SIZING_FAMILY_UNLISTED = auto()
    SIZING_FAMILY_FITS = auto()
    SIZING_ACCELERATOR = auto()
    SIZING_ACCELERATORS = auto()
    SIZING_FAMILY_TOO_LARGE = auto()
    DEPLOYMENT_COST_REQUESTS = auto()
    DEPLOYMENT_COST_REPLIES = auto()
    DEPLOYMENT_COST_WITHIN_LIMIT = auto()
    DEPLOYMENT_COST_ABOVE_LIMIT = auto()
    DEPLOYMENT_COST_OWN_RATE = auto()
    PRICE_CAVEAT = auto()
    BENCHMARKS_BEST_ROWS_TITLE = auto()
    BENCHMARKS_BEST_ROWS = auto()
    BENCHMARKS_ARCHIVED_TITLE = auto()
    BENCHMARKS_ARCHIVED_ROWS = auto()
    BENCHMARKS_READ_FROM = auto()
    BENCHMARKS_RATES = auto()
    BENCHMARKS_RATES_DATED = auto()
    BENCHMARKS_RATES_UNDATED = auto()
    BENCHMARKS_FILES = auto()
    BENCHMARKS_FILE_UPDATED = auto()
    BENCHMARKS_FILE_UNSHOWN = auto()
    BENCHMARKS_SHOWN_ON = auto()
    BENCHMARKS_NOT_SHOWN = auto()
    BENCHMARKS_ROW_CHOICE = auto()
    BENCHMARKS_NO_INFERENCE_ROWS = auto()
    BENCHMARKS_NO_TRAINING_ROWS = auto()
    BENCHMARKS_NONE_SUPERSEDED = auto()
    BENCHMARKS_SUPERSEDED = auto()
    BENCHMARK_CHART_COST_TITLE = auto()
    BENCHMARK_CHART_COST_DESCRIPTION = auto()
    BENCHMARK_CHART_COST_AXIS = auto()
    BENCHMARK_CHART_COST_SERIES = auto()
    BENCHMARK_CHART_COST_HEADER = auto()
    BENCHMARK_CHART_LATENCY_TITLE = auto()
    BENCHMARK_CHART_LATENCY_DESCRIPTION = auto()
    BENCHMARK_CHART_LATENCY_AXIS = auto()
    BENCHMARK_CHART_LATENCY_HEADER = auto()
    BENCHMARK_CHART_THROUGHPUT = auto()
    BENCHMARK_CHART_COST_ABOVE = auto()
    BENCHMARK_CHART_COST_ABOVE_LINK = auto()
    CHART_SCROLL_CUE = auto()
    CHART_TABLE_SUMMARY = auto()
    CHART_ROW_COLUMNS = auto()
    BENCHMARKS_COLUMNS = auto()
    BENCHMARKS_TRAINING_COLUMNS = auto()
    BENCHMARKS_FILTERS = auto()
    NUMBERS_COLUMNS = auto()
    COMPARISON_TOPIC_COLUMN = auto()
    FAMILY_SPEC_COLUMN = auto()
    EXAM_RULE_COLUMNS = auto()
    EXAM_MAPPING_COLUMNS = auto()
    EXAM_MAPPING_CARD_COLUMNS = auto()
    EXAM_NOTE_CLAIMS_COLUMNS = auto()
    STUDY_NOTE_COLUMNS = auto()
    FACT_CHECK_COLUMNS = auto()
    SOURCES_COLUMNS = auto()
    SIZES_COLUMNS = auto()
    TIMELINE_COLUMNS = auto()
    GLOSSARY_COLUMNS = auto()
    CHANGES_COLUMNS = auto()
    PRACTICE_COVERAGE_COLUMNS = auto()
    COMPARISON_ROWS = auto()
    FAMILY_ROWS = auto()
    FACT_CHECK_ROWS = auto()
    DECISION_RULE_COLUMN = auto()
    DECISION_OUTCOME_COLUMNS = auto()
    DECISION_TABLE_READS = auto()
    DECISION_TABLE_READS_ANSWER = auto()
    DECISION_RULE_HEADING = auto()
    FLOWCHART_CUE = auto()
    BENCHMARKS_SHAPE_BATCH = auto()
    BENCHMARKS_SHAPE_SEQUENCE = auto()
    BENCHMARKS_SHAPE_TOKENS = auto()
    BENCHMARKS_SHAPE_TP = auto()
    BENCHMARKS_LATENCY = auto()
    BENCHMARKS_LATENCY_TOKEN = auto()
    BENCHMARKS_COST = auto()
    DECISION_INPUT_COMPUTED = auto()
    DECISION_INPUT_RANGES = auto()
    DECISION_INPUT_DEFAULT = auto()
    WORKED_EXAMPLE_GIVEN = auto()
    WORKED_EXAMPLE_TRAFFIC = auto()
    WORKED_EXAMPLE_GPU_COST = auto()
    WORKED_EXAMPLE_NOTE_FIGURES = auto()
    WORKED_EXAMPLE_STEPS = auto()
    COMPARISON_INFERENTIA_COST_CLAIM = auto()
    COMPARISON_TRAINIUM_COST_CLAIM = auto()
    COMPARISON_INFERENTIA_NOTE_CLAIM = auto()
    COMPARISON_TRAINIUM_NOTE_CLAIM = auto()
    SOURCES_THIRD_PARTY = auto()
    SIZES_NETWORK_SOURCE = auto()
    CHANGES_RELEASED = auto()
    PRACTICE_COVERAGE_RULE = auto()
    PRACTICE_COVERAGE_CHECK = auto()
    PRACTICE_COVERAGE_FACT = auto()
    PRACTICE_COVERAGE_NOT_ASKED = auto()
    PRACTICE_TOPIC_CHOOSING = auto()
    PRACTICE_TOPIC_CLAIMS = auto()
    PRACTICE_TOPIC_EXAM_NOTES = auto()
    PRACTICE_TOPIC_EXAM_GUIDE = auto()
    PRACTICE_TOPIC_GENERATIONS = auto()
    PRACTICE_TOPIC_WORKED_EXAMPLE = auto()
    QUESTION_TYPE_MULTIPLE_CHOICE = auto()
    QUESTION_TYPE_MULTIPLE_RESPONSE = auto()
    QUESTION_TYPE_ORDERING = auto()
    QUESTION_TYPE_MATCHING = auto()
    QUESTION_TYPE_CASE_STUDY = auto()
    PRACTICE_QUESTION_COUNT = auto()
    PRACTICE_QUESTIONS_COUNT = auto()
    PRACTICE_NO_QUESTIONS = auto()
    PRACTICE_SCENARIO_RIGHT = auto()
    PRACTICE_SCENARIO_WRONG = auto()
    PRACTICE_SCENARIO_WRONG_IF = auto()
    PRACTICE_SCENARIO_WRONG_IF_HERE = auto()
    PRACTICE_FIT = auto()
    PRACTICE_FIT_TO_TRAIN = auto()
    PRACTICE_FIT_TO_SERVE = auto()
    PRACTICE_FIT_AND_IF = auto()
    PRACTICE_FIT_ANSWERED = auto()
    PRACTICE_FIT_ANSWERED_INSTEAD = auto()
    PRACTICE_FIT_ABOVE = auto()
    PRACTICE_FIT_WITHIN = auto()
    PRACTICE_FIT_BETWEEN = auto()
    PRACTICE_BOUND_FACT = auto()
    PRACTICE_BOUND_SIZE = auto()
    PRACTICE_EVIDENCE_QUOTE = auto()
    PRACTICE_EVIDENCE_COMPUTED = auto()
    PRACTICE_RIGHT_EVIDENCE = auto()
    PRACTICE_FIGURE_WRONG = auto()
    PRACTICE_CHECK_STEM = auto()
    PRACTICE_CHECK_SOURCE = auto()
    PRACTICE_CHECK_RIGHT = auto()
    PRACTICE_CHECK_WRONG = auto()
    PRACTICE_CLAIMS_STEM = auto()
    PRACTICE_CLAIMS_WRONG = auto()
    PRACTICE_BASELINES_STEM = auto()
    PRACTICE_BASELINE_MATCH = auto()
    PRACTICE_CHIPS_STEM = auto()
    PRACTICE_CHIP_OPTION = auto()
    PRACTICE_CHIP_MATCH = auto()
    PRACTICE_CHIP_MATCH_CARRIES = auto()
    PRACTICE_GENERATIONS_STEM = auto()
    PRACTICE_GENERATION_POSITION = auto()
    PRACTICE_WORKED_EXAMPLE_STEM = auto()
    PRACTICE_WORKED_EXAMPLE_STEP = auto()
    PRACTICE_EXAM_GUIDE_STEM = auto()
    PRACTICE_EXAM_GUIDE_STATEMENT = auto()
    PRACTICE_EXAM_GUIDE_OBJECTIVE = auto()
    PRACTICE_EXAM_GUIDE_OBJECTIVE_THIRD_PARTY = auto()
    PRACTICE_EXAM_GUIDE_RIGHT = auto()
    PRACTICE_EXAM_GUIDE_WRONG = auto()
    PRACTICE_SELECT = auto()
    PRACTICE_SELECT_TWO = auto()
    PRACTICE_SELECT_THREE = auto()
    FLOWCHART_TITLE = auto()
    FLOWCHART_MERMAID_TITLE = auto()
    DECISION_ANY = auto()
    FLASHCARD_DECK = auto()
    FLASHCARD_COMPUTED = auto()
    FLASHCARD_SOURCE = auto()
    FLASHCARD_RULE_FRONT = auto()
    FLASHCARD_RULE_BACK = auto()
    FLASHCARD_RULE_SOURCE = auto()
    FLASHCARD_CHECK_FRONT = auto()
    FLASHCARD_OUTCOME_FRONT = auto()
    FLASHCARD_QUESTION_ANSWER = auto()
    FLASHCARD_QUESTION_SOURCE = auto()
    FACT_ENTRY_META = auto()
    FACT_ENTRY_CHANGED = auto()
    FACT_ENTRY_NOTE = auto()
    FACT_ENTRY_COMPUTED = auto()
    AGE_TODAY = auto()
    AGE_ONE_DAY = auto()
    AGE_DAYS = auto()
    CHART_TIMELINE_TITLE = auto()
    CHART_TIMELINE_DESCRIPTION = auto()
    CHART_TIMELINE_AXIS = auto()
    CHART_SIZING_TITLE = auto()
    CHART_SIZING_DESCRIPTION = auto()
    CHART_SIZING_DESCRIPTION_TRAINING = auto()
    CHART_SIZING_AXIS = auto()
    CHART_SIZING_SERVE = auto()
    CHART_SIZING_TRAIN = auto()
    CHART_SIZING_SIZE_HEADER = auto()
    CHART_SIZING_MEMORY_HEADER = auto()
    CHART_SIZING_LARGEST_HEADER = auto()
    BENCHMARK_KIND_ENCODER = auto()
    BENCHMARK_KIND_ENCODER_UNIT = auto()
    BENCHMARK_KIND_ENCODER_LATENCY = auto()
    BENCHMARK_KIND_ENCODER_UNIT_NAME = auto()
    BENCHMARK_KIND_ENCODER_UNITS = auto()
    BENCHMARK_KIND_DECODER = auto()
    BENCHMARK_KIND_DECODER_UNIT = auto()
    BENCHMARK_KIND_DECODER_LATENCY = auto()
    BENCHMARK_KIND_DECODER_UNIT_NAME = auto()
    BENCHMARK_KIND_DECODER_UNITS = auto()
    BENCHMARK_KIND_ENCODER_DECODER = auto()
    BENCHMARK_KIND_ENCODER_DECODER_UNIT = auto()
    BENCHMARK_KIND_ENCODER_DECODER_LATENCY = auto()
    BENCHMARK_KIND_ENCODER_DECODER_UNIT_NAME = auto()
    BENCHMARK_KIND_ENCODER_DECODER_UNITS = auto()
    BENCHMARK_KIND_VISION = auto()
    BENCHMARK_KIND_VISION_UNIT = auto()
    BENCHMARK_KIND_VISION_LATENCY = auto()
    BENCHMARK_KIND_VISION_UNIT_NAME = auto()
    BENCHMARK_KIND_VISION_UNITS = auto()


COPY_PLACES: Mapping[CopyKey, frozenset[str]] = {
    CopyKey.FRESHNESS: frozenset({"today", "oldest", "sourced", "verdict", "command"}),
    CopyKey.FRESHNESS_DUE: frozenset({"due", "days"}),
    CopyKey.FRESHNESS_NONE: frozenset({"days"}),
    CopyKey.SIZING_SERVING: frozenset({"precisions"}),
    CopyKey.SIZING_TRAINING: frozenset({"workloads", "bytes", "label"}),
    CopyKey.SIZING_HEADROOM: frozenset({"percent", "note"}),
    CopyKey.SIZING_MEMORY_NEEDED: frozenset({"parameters", "bytes", "precision", "held", "held_as", "headroom", "memory"}),
    CopyKey.SIZING_FAMILY_UNLISTED: frozenset({"family"}),
    CopyKey.SIZING_FAMILY_FITS: frozenset({"size", "accelerators", "memory", "needed"}),
    CopyKey.SIZING_ACCELERATOR: frozenset({"count"}),
    CopyKey.SIZING_ACCELERATORS: frozenset({"count"}),
    CopyKey.SIZING_FAMILY_TOO_LARGE: frozenset({"needed", "family", "largest", "memory"}),
    CopyKey.DEPLOYMENT_COST_OWN_RATE: frozenset({"aws_rate", "basis"}),
    CopyKey.BENCHMARKS_ARCHIVED_TITLE: frozenset({"date"}),
    CopyKey.BENCHMARKS_READ_FROM: frozenset({"repository", "commit", "imported", "command"}),
    CopyKey.BENCHMARKS_RATES: frozenset({"dated"}),
    CopyKey.BENCHMARKS_RATES_DATED: frozenset({"date"}),
    CopyKey.BENCHMARKS_FILE_UPDATED: frozenset({"date"}),
    CopyKey.BENCHMARKS_SHOWN_ON: frozenset({"page"}),
    CopyKey.BENCHMARKS_ROW_CHOICE: frozenset({"model", "instance", "optimized", "shape", "stack", "shown"}),
    CopyKey.BENCHMARKS_SUPERSEDED: frozenset({"count", "dropped", "kept", "command"}),
    CopyKey.BENCHMARK_CHART_COST_TITLE: frozenset({"kind", "units"}),
    CopyKey.BENCHMARK_CHART_COST_DESCRIPTION: frozenset({"count", "kind", "units"}),
    CopyKey.BENCHMARK_CHART_COST_AXIS: frozenset({"units"}),
    CopyKey.BENCHMARK_CHART_COST_HEADER: frozenset({"units"}),
    CopyKey.BENCHMARK_CHART_LATENCY_TITLE: frozenset({"kind", "latency"}),
    CopyKey.BENCHMARK_CHART_LATENCY_DESCRIPTION: frozenset({"count", "kind", "latency", "units"}),
    CopyKey.BENCHMARK_CHART_LATENCY_AXIS: frozenset({"latency"}),
    CopyKey.BENCHMARK_CHART_LATENCY_HEADER: frozenset({"latency"}),
    CopyKey.BENCHMARK_CHART_THROUGHPUT: frozenset({"units"}),
    CopyKey.BENCHMARK_CHART_COST_ABOVE: frozenset({"link"}),
    CopyKey.EXAM_MAPPING_COLUMNS: frozenset({"exam"}),
    CopyKey.DECISION_TABLE_READS: frozenset({"table", "inputs", "policy"}),
    CopyKey.DECISION_TABLE_READS_ANSWER: frozenset({"question"}),
    CopyKey.DECISION_RULE_HEADING: frozenset({"rule", "outcome"}),
    CopyKey.BENCHMARKS_SHAPE_BATCH: frozenset({"batch"}),
    CopyKey.BENCHMARKS_SHAPE_SEQUENCE: frozenset({"sequence"}),
    CopyKey.BENCHMARKS_SHAPE_TOKENS: frozenset({"input", "output"}),
    CopyKey.BENCHMARKS_SHAPE_TP: frozenset({"degree"}),
    CopyKey.BENCHMARKS_LATENCY: frozenset({"median", "tail", "latency"}),
    CopyKey.BENCHMARKS_LATENCY_TOKEN: frozenset({"median", "tail"}),
    CopyKey.BENCHMARKS_COST: frozenset({"cost", "units"}),
    CopyKey.DECISION_INPUT_COMPUTED: frozenset({"how"}),
    CopyKey.DECISION_INPUT_DEFAULT: frozenset({"value"}),
    CopyKey.WORKED_EXAMPLE_TRAFFIC: frozenset({"requests"}),
    CopyKey.WORKED_EXAMPLE_GPU_COST: frozenset({"cost"}),
    CopyKey.WORKED_EXAMPLE_NOTE_FIGURES: frozenset({"cut", "speed"}),
    CopyKey.COMPARISON_INFERENTIA_COST_CLAIM: frozenset({"claim"}),
    CopyKey.COMPARISON_TRAINIUM_COST_CLAIM: frozenset({"claim"}),
    CopyKey.COMPARISON_INFERENTIA_NOTE_CLAIM: frozenset({"throughput", "cut"}),
    CopyKey.COMPARISON_TRAINIUM_NOTE_CLAIM: frozenset({"cut"}),
    CopyKey.SIZES_NETWORK_SOURCE: frozenset({"source"}),
    CopyKey.CHANGES_RELEASED: frozenset({"date"}),
    CopyKey.PRACTICE_COVERAGE_RULE: frozenset({"rule"}),
    CopyKey.PRACTICE_COVERAGE_CHECK: frozenset({"topic"}),
    CopyKey.PRACTICE_COVERAGE_FACT: frozenset({"fact"}),
    CopyKey.PRACTICE_QUESTION_COUNT: frozenset({"count"}),
    CopyKey.PRACTICE_QUESTIONS_COUNT: frozenset({"count"}),
    CopyKey.PRACTICE_SCENARIO_RIGHT: frozenset({"reasons"}),
    CopyKey.PRACTICE_SCENARIO_WRONG: frozenset({"why_not"}),
    CopyKey.PRACTICE_SCENARIO_WRONG_IF: frozenset({"condition", "why_not"}),
    CopyKey.PRACTICE_SCENARIO_WRONG_IF_HERE: frozenset({"condition", "said", "why_not"}),
    CopyKey.PRACTICE_FIT: frozenset({"changes"}),
    CopyKey.PRACTICE_FIT_TO_TRAIN: frozenset({"changes"}),
    CopyKey.PRACTICE_FIT_TO_SERVE: frozenset({"changes"}),
    CopyKey.PRACTICE_FIT_AND_IF: frozenset({"earlier", "later"}),
    CopyKey.PRACTICE_FIT_ANSWERED: frozenset({"answer", "question"}),
    CopyKey.PRACTICE_FIT_ANSWERED_INSTEAD: frozenset({"answer", "question", "stated"}),
    CopyKey.PRACTICE_FIT_ABOVE: frozenset({"low"}),
    CopyKey.PRACTICE_FIT_WITHIN: frozenset({"high"}),
    CopyKey.PRACTICE_FIT_BETWEEN: frozenset({"high", "low"}),
    CopyKey.PRACTICE_BOUND_FACT: frozenset({"fact", "label"}),
    CopyKey.PRACTICE_BOUND_SIZE: frozenset({"size"}),
    CopyKey.PRACTICE_EVIDENCE_QUOTE: frozenset({"fact", "publisher", "quote", "title"}),
    CopyKey.PRACTICE_EVIDENCE_COMPUTED: frozenset({"arithmetic"}),
    CopyKey.PRACTICE_RIGHT_EVIDENCE: frozenset({"evidence"}),
    CopyKey.PRACTICE_FIGURE_WRONG: frozenset({"fact", "label"}),
    CopyKey.PRACTICE_CHECK_STEM: frozenset({"note"}),
    CopyKey.PRACTICE_CHECK_SOURCE: frozenset({"publisher", "quote", "title"}),
    CopyKey.PRACTICE_CHECK_RIGHT: frozenset({"explanation", "said", "verdict"}),
    CopyKey.PRACTICE_CHECK_WRONG: frozenset({"actual", "said", "verdict"}),
    CopyKey.PRACTICE_CLAIMS_STEM: frozenset({"count"}),
    CopyKey.PRACTICE_CLAIMS_WRONG: frozenset({"claim", "figure", "label"}),
    CopyKey.PRACTICE_BASELINE_MATCH: frozenset({"claim", "prompt"}),
    CopyKey.PRACTICE_CHIP_OPTION: frozenset({"family", "role"}),
    CopyKey.PRACTICE_CHIP_MATCH: frozenset({"chip", "family", "status"}),
    CopyKey.PRACTICE_CHIP_MATCH_CARRIES: frozenset({"chip", "chips", "family", "status"}),
    CopyKey.PRACTICE_GENERATION_POSITION: frozenset({"label", "position", "year"}),
    CopyKey.PRACTICE_WORKED_EXAMPLE_STEM: frozenset({"cost", "cut", "requests"}),
    CopyKey.PRACTICE_WORKED_EXAMPLE_STEP: frozenset({"evidence", "position"}),
    CopyKey.PRACTICE_EXAM_GUIDE_STEM: frozenset({"count", "exam", "number"}),
    CopyKey.PRACTICE_EXAM_GUIDE_STATEMENT: frozenset({"domain", "task", "topic", "weight"}),
    CopyKey.PRACTICE_EXAM_GUIDE_OBJECTIVE: frozenset({"objective"}),
    CopyKey.PRACTICE_EXAM_GUIDE_OBJECTIVE_THIRD_PARTY: frozenset({"objective"}),
    CopyKey.PRACTICE_EXAM_GUIDE_RIGHT: frozenset({"domain", "objective", "task"}),
    CopyKey.PRACTICE_EXAM_GUIDE_WRONG: frozenset({"domain", "task", "weight"}),
    CopyKey.PRACTICE_SELECT: frozenset({"count", "stem"}),
    CopyKey.FLOWCHART_TITLE: frozenset({"question", "table"}),
    CopyKey.FLASHCARD_COMPUTED: frozenset({"arithmetic"}),
    CopyKey.FLASHCARD_SOURCE: frozenset({"title", "url", "date"}),
    CopyKey.FLASHCARD_RULE_FRONT: frozenset({"situation"}),
    CopyKey.FLASHCARD_RULE_BACK: frozenset({"answer", "instances"}),
    CopyKey.FLASHCARD_RULE_SOURCE: frozenset({"exam"}),
    CopyKey.FLASHCARD_CHECK_FRONT: frozenset({"note"}),
    CopyKey.FLASHCARD_OUTCOME_FRONT: frozenset({"question", "outcome"}),
    CopyKey.FLASHCARD_QUESTION_ANSWER: frozenset({"answer"}),
    CopyKey.FACT_ENTRY_META: frozenset({"kind", "scope", "date", "age", "changed", "id"}),
    CopyKey.FACT_ENTRY_CHANGED: frozenset({"version"}),
    CopyKey.FACT_ENTRY_NOTE: frozenset({"note"}),
    CopyKey.FACT_ENTRY_COMPUTED: frozenset({"arithmetic"}),
    CopyKey.AGE_ONE_DAY: frozenset({"days"}),
    CopyKey.AGE_DAYS: frozenset({"days"}),
    CopyKey.CHART_TIMELINE_DESCRIPTION: frozenset({"milestones"}),
    CopyKey.CHART_SIZING_DESCRIPTION: frozenset({"precision", "headroom"}),
    CopyKey.CHART_SIZING_DESCRIPTION_TRAINING: frozenset({"precision", "headroom"}),
    CopyKey.CHART_SIZING_SERVE: frozenset({"precision"}),
    CopyKey.CHART_SIZING_LARGEST_HEADER: frozenset({"need"}),
}
"""The {name} places each sentence must hold, every one of them and no other (the code fills exactly these); a key
not listed holds none."""

COLUMN_SEPARATOR = " | "
"""What parts a table's column headers in the page copy: the headers read as the Markdown header row writes them."""

COPY_COLUMNS: Mapping[CopyKey, int] = {
    CopyKey.CHART_ROW_COLUMNS: 4,
    CopyKey.BENCHMARKS_COLUMNS: 9,
    CopyKey.BENCHMARKS_TRAINING_COLUMNS: 8,
    CopyKey.BENCHMARKS_FILTERS: 4,
    CopyKey.NUMBERS_COLUMNS: 4,
    CopyKey.COMPARISON_TOPIC_COLUMN: 1,
    CopyKey.FAMILY_SPEC_COLUMN: 1,
    CopyKey.EXAM_RULE_COLUMNS: 3,
    CopyKey.EXAM_MAPPING_COLUMNS: 4,
    CopyKey.EXAM_MAPPING_CARD_COLUMNS: 4,
    CopyKey.EXAM_NOTE_CLAIMS_COLUMNS: 3,
    CopyKey.STUDY_NOTE_COLUMNS: 3,
    CopyKey.FACT_CHECK_COLUMNS: 2,
    CopyKey.SOURCES_COLUMNS: 4,
    CopyKey.SIZES_COLUMNS: 7,
    CopyKey.TIMELINE_COLUMNS: 3,
    CopyKey.GLOSSARY_COLUMNS: 2,
    CopyKey.CHANGES_COLUMNS: 4,
    CopyKey.PRACTICE_COVERAGE_COLUMNS: 2,
    CopyKey.COMPARISON_ROWS: 7,
    CopyKey.FAMILY_ROWS: 3,
    CopyKey.FACT_CHECK_ROWS: 4,
    CopyKey.DECISION_RULE_COLUMN: 1,
    CopyKey.DECISION_OUTCOME_COLUMNS: 2,
}
"""The page copy's column and row headers: each key holds one table's headers (or its fixed ones, around a column
per family or per decision input), separated by COLUMN_SEPARATOR, as many as the table has."""


def columns(headers: str) -> tuple[str, ...]:
    """A page copy's column headers, one by one: 'Model | Instance' -> ('Model', 'Instance')."""
    return tuple(headers.split(COLUMN_SEPARATOR))


SIZED_DECISION_COPY = frozenset(
    {
        CopyKey.SIZING_MEMORY_NEEDED,
        CopyKey.SIZING_HELD_TO_TRAIN,
        CopyKey.SIZING_HELD_AS_WEIGHTS,
        CopyKey.SIZING_FAMILY_UNLISTED,
        CopyKey.SIZING_FAMILY_FITS,
        CopyKey.SIZING_ACCELERATOR,
        CopyKey.SIZING_ACCELERATORS,
        CopyKey.SIZING_FAMILY_TOO_LARGE,
    }
)
"""The sentences a sized decision writes (chipwise.decision.model.SizingSentences): a file with a sizing section
needs them wherever it loads, the command line included; the others only a site build needs."""


@dataclass(frozen=True)
class ChartWords:
    """The charts' sentences (chipwise.render.charts fills their {name} places), from the page copy: the benchmark
    charts' own, and the two every chart's figure shows."""

    cost_title: str
    cost_description: str
    cost_axis: str
    cost_series: str
    cost_header: str
    latency_title: str
    latency_description: str
    latency_axis: str
    latency_header: str
    throughput: str
    """'{units} a second': the latency chart's upright axis and its table's last header (the first letter made a capital)."""
    cost_above: str
    """Where the first cost chart is drawn higher on the page instead: '... is {link}, ...'."""
    cost_above_link: str
    """The words of that sentence's link."""
    scroll_cue: str
    """Every chart's cue on a narrow screen, where the drawing scrolls sideways."""
    table_summary: str
    """What opens every chart's figures as a table."""
    row_columns: str
    """The headers of the columns that name a row in a benchmark chart's table, before its figures (see columns())."""


def chart_words(page_copy: Mapping[str, str]) -> ChartWords:
    """The charts' sentences, from the facts file's page copy (the loader checked they are all there)."""
    return ChartWords(
        page_copy[CopyKey.BENCHMARK_CHART_COST_TITLE],
        page_copy[CopyKey.BENCHMARK_CHART_COST_DESCRIPTION],
        page_copy[CopyKey.BENCHMARK_CHART_COST_AXIS],
        page_copy[CopyKey.BENCHMARK_CHART_COST_SERIES],
        page_copy[CopyKey.BENCHMARK_CHART_COST_HEADER],
        page_copy[CopyKey.BENCHMARK_CHART_LATENCY_TITLE],
        page_copy[CopyKey.BENCHMARK_CHART_LATENCY_DESCRIPTION],
        page_copy[CopyKey.BENCHMARK_CHART_LATENCY_AXIS],
        page_copy[CopyKey.BENCHMARK_CHART_LATENCY_HEADER],
        page_copy[CopyKey.BENCHMARK_CHART_THROUGHPUT],
        page_copy[CopyKey.BENCHMARK_CHART_COST_ABOVE],
        page_copy[CopyKey.BENCHMARK_CHART_COST_ABOVE_LINK],
        page_copy[CopyKey.CHART_SCROLL_CUE],
        page_copy[CopyKey.CHART_TABLE_SUMMARY],
        page_copy[CopyKey.CHART_ROW_COLUMNS],
    )


@dataclass(frozen=True)
class KindWords:
    """A kind of benchmark row (chipwise.facts.benchmarks.Category, its id) in the facts file's words."""

    category: Category
    label: str
    """Its name: 'Decoder (LLM)'."""
    unit_note: str
    """What one unit of its throughput is, as a sentence."""
    latency_name: str
    """What its rows' P50 and P99 latencies measure: 'time to first token'."""
    unit_name: str
    """One unit of its throughput, named in the singular: 'output token'."""
    units: str
    """Its throughput's unit in the plural, as 'per 1M {units}' reads: 'output tokens'."""
    charts: ChartWords
    """The sentences of its charts, places unfilled (the same for every kind)."""


KIND_COPY: Mapping[Category, tuple[CopyKey, CopyKey, CopyKey, CopyKey, CopyKey]] = {
    category: (
        CopyKey(f"benchmark_kind_{category.name.lower()}"),
        CopyKey(f"benchmark_kind_{category.name.lower()}_unit"),
        CopyKey(f"benchmark_kind_{category.name.lower()}_latency"),
        CopyKey(f"benchmark_kind_{category.name.lower()}_unit_name"),
        CopyKey(f"benchmark_kind_{category.name.lower()}_units"),
    )
    for category in Category
}
"""Each kind of benchmark row's name, unit sentence, latency name and unit's name in the singular and the plural: the
ids stay in code, the words in the page copy."""


def kind_words(page_copy: Mapping[str, str], category: Category) -> KindWords:
    """One kind of row's words, from the facts file's page copy (the loader checked they are all there)."""
    label, unit_note, latency_name, unit_name, units = (page_copy[key] for key in KIND_COPY[category])
    return KindWords(category, label, unit_note, latency_name, unit_name, units, chart_words(page_copy))


def all_kind_words(page_copy: Mapping[str, str]) -> tuple[KindWords, ...]:
    """Every kind's words, kinds in their declared order."""
    return tuple(kind_words(page_copy, category) for category in Category)


def copy_breaches(page_copy: Mapping[str, str], required: Collection[CopyKey] = tuple(CopyKey)) -> Iterator[Breach]:
    """Each `required` sentence must be there, and each sentence there must hold exactly the places the code fills;
    no other key may be."""
    for key in CopyKey:
        text = page_copy.get(key)
        if text is None and key not in required:
            continue
        if text is None:
            places = f", with the places {_places(copy_places(key))}" if copy_places(key) else ""
            yield Breach("page_copy", f"the site writes the sentence {key.value!r} from the page copy: add it{places}")
            continue
        found = set(COPY_PLACE.findall(text))
        for name in sorted(found - copy_places(key)):
            fills = f"it fills {_places(copy_places(key))}" if copy_places(key) else "it fills none"
            yield Breach(f"page_copy.{key.value}", f"{{{name}}} is not a place the code fills; {fills}")
        for name in sorted(copy_places(key) - found):
            yield Breach(f"page_copy.{key.value}", f"the sentence leaves out {{{name}}}, which the code fills; write it where the value belongs")
        wanted = COPY_COLUMNS.get(key)
        if wanted is not None and len(columns(text)) != wanted:
            yield Breach(
                f"page_copy.{key.value}",
                f"expected the table's {wanted} header(s) separated by {COLUMN_SEPARATOR!r}, received {len(columns(text))}: {text!r}",
            )
    for written in page_copy:
        if written not in set(CopyKey):
            yield Breach(f"page_copy.{written}", unknown_message("page copy key", written, [item.value for item in CopyKey]))


def copy_places(key: CopyKey) -> frozenset[str]:
    """The {name} places the sentence `key` holds (COPY_PLACES; none when it is not listed)."""
    return COPY_PLACES.get(key, frozenset())


def _places(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


def breaches(
    facts: Mapping[str, Fact],
    table: DecisionGraph | None,
    sources: Mapping[str, Source],
    families: Mapping[str, Family],
    topics: Mapping[str, str],
    spec_labels: Mapping[str, str],
    exam: Exam,
    has_benchmarks: bool = False,
) -> Iterator[Breach]:
    """Everything the site needs that the file does not give, each with the key path to fix."""
    yield from _comparison_breaches(families, spec_labels, exam)
    for prefix in sorted({fact_id.split(".", 1)[0] for fact_id in facts}):
        if prefix not in topics:
            yield Breach("topics", f"the Sources page groups facts by id prefix: add a heading for {prefix!r} under topics")
    for family in families.values():
        for spec in family.specs:
            if spec not in spec_labels:
                yield Breach(f"families.{family.id}.specs.{spec}", f"the comparison tables need a row label: add {spec!r} under spec_labels")
    for source in sources.values():
        if source.checked_copy is None:
            yield Breach(f"sources.{source.id}", "the site shows which copy of each source was read: add checked_copy (url, or repository, path and commit)")
    for fact_id in FactId:
        fact = facts.get(fact_id)
        if fact is None and fact_id in BENCHMARK_STATUS:
            if has_benchmarks:
                yield Breach("facts", f"the benchmark rows are shown with what AWS says of its benchmark pages: add the fact {fact_id.value!r}")
        elif fact is None and fact_id in EXAM_PACE:
            if any(facts.get(other) is not None for other in EXAM_PACE):
                yield Breach("facts", f"the timed practice mode needs the exam's questions and minutes, both or neither: add the fact {fact_id.value!r}")
        elif fact is not None and fact_id in EXAM_PACE and not fact.is_number:
            yield Breach(f"facts.{fact_id.value}.value", f"the timed practice mode keeps the exam's pace with {fact_id.value!r}: it must be a number")
        elif fact is None:
            yield Breach("facts", f"the site needs the fact {fact_id.value!r} (chipwise.guide.contract.FactId.{fact_id.name}); add it back")
        elif fact_id in NUMBERS and not fact.is_number:
            yield Breach(f"facts.{fact_id.value}.value", f"the calculator computes with {fact_id.value!r}: it must be a number")
        elif fact_id in WORKED_EXAMPLE_STEPS and fact.derivation is None:
            yield Breach(f"facts.{fact_id.value}", f"the worked example shows {fact_id.value!r} as a step: it must be under derived:, with a formula")
    if table is None:
        return
    for name, value in EXAMPLE_SCENARIO_INPUTS.items():
        names = [item.name for item in table.inputs]
        if name not in names:
            yield Breach("decision.inputs", f"the worked-example question decides with the input {name!r}; the inputs are: {', '.join(names)}")
        elif value not in table.input(name).value_names:
            yield Breach(f"decision.inputs.{name}.values", f"the worked-example question decides with {name}={value!r}; add that value")


def _comparison_breaches(families: Mapping[str, Family], spec_labels: Mapping[str, str], exam: Exam) -> Iterator[Breach]:
    """The comparison table joins exam rules, memory tricks and families on their accelerator, and reads specs by key."""
    chips: tuple[tuple[str, str, list[Accelerator]], ...] = (
        ("rule", "Use it for", [rule.accelerator for rule in exam.rule]),
        ("memory_trick", "Memory trick", [trick.accelerator for trick in exam.memory_trick]),
    )
    for key, row, accelerators in chips:
        seen: set[Accelerator] = set()
        for index, accelerator in enumerate(accelerators):
            if accelerator in seen:
                message = f"the comparison table's {row!r} row takes one entry per chip: {accelerator.value!r} has one already"
                yield Breach(f"exam.{key}[{index}].accelerator", message)
            seen.add(accelerator)
        for accelerator in COMPARED:
            if accelerator not in seen:
                yield Breach(f"exam.{key}", f"the comparison table's {row!r} row needs an entry with accelerator: {accelerator.value}; add one")
    for spec in SpecKey:
        if spec not in spec_labels:
            yield Breach("spec_labels", f"the comparison table reads the spec {spec.value!r} (chipwise.facts.contract.SpecKey.{spec.name}); add its row label")
        for family in families.values():
            if family.accelerator in COMPARED and spec not in family.specs:
                yield Breach(f"families.{family.id}.specs", f"the comparison table shows {spec.value!r} for every {family.accelerator.label} family; add it")
