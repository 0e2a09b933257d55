"""Exam-style practice questions of the five AIF-C01 types, generated from the facts and the decision table.

Every text here is plain text that may cite facts as {fact.id} (renderers link them). Every option
carries its own explanation and the facts that decide it. Scenario answers are the engine's: a stem
states some decision inputs (facts file, `practice`), and `rules.decide` answers from exactly those.
Ids are stable; options are ordered by a hash of the question id, so every build shows the same order, and a
single answer's position is dealt in turn across each practice set (`spread_keys`), so no position gives it away.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from chipwise.decision.engine import SIZING_HEADROOM, SIZING_PARAMETERS, SIZING_PRECISION, Decision, combinations, decide
from chipwise.decision.model import Interval, Outcome
from chipwise.facts.model import PLACEHOLDER, CaseQuestion, CaseStudy, Derivation, ExamMapping, Fact, Scenario, frozen_map
from chipwise.facts.units import UNITS, quote_states
from chipwise.guide.contract import WORKED_EXAMPLE_STEPS, CopyKey, FactId
from chipwise.guide.model import Facts
from chipwise.guide.sections.practice import OPTIONS_PER_QUESTION
from chipwise.memo import per_object
from chipwise.vocabulary import Accelerator, Competing, Kind, Scope

RESPONSES_PER_MULTIPLE_RESPONSE = 5
RIGHT_PER_MULTIPLE_RESPONSE = 2
MOST_ORDERED = 5
MOST_PROMPTS = 7
LEAST_PROMPTS = 3
COUNT_WORDS = {2: CopyKey.PRACTICE_SELECT_TWO, 3: CopyKey.PRACTICE_SELECT_THREE}
"""How a stem says how many options to select ('Select TWO'): each count's word is the page copy's."""
LETTERS = "ABCDEFGH"


class QuestionType(StrEnum):
    """The AIF-C01 exam guide's five question types."""

    MULTIPLE_CHOICE = "multiple-choice"
    MULTIPLE_RESPONSE = "multiple-response"
    ORDERING = "ordering"
    MATCHING = "matching"
    CASE_STUDY = "case-study"

    @property
    def copy_key(self) -> CopyKey:
        """The page copy key of its name: 'question_type_multiple_choice'."""
        return CopyKey(f"question_type_{self.name.lower()}")


class Topic(StrEnum):
    CHOOSING = "choosing"
    CLAIMS = "claims"
    EXAM_NOTES = "exam-notes"
    EXAM_GUIDE = "exam-guide"
    GENERATIONS = "generations"
    WORKED_EXAMPLE = "worked-example"

    @property
    def copy_key(self) -> CopyKey:
        """The page copy key of its name: 'practice_topic_choosing'."""
        return CopyKey(f"practice_topic_{self.name.lower()}")

    @property
    def practice_set(self) -> str:
        """'exam-style' for questions like the exam's; 'drill' for arithmetic, launch order, the notes' claims, AWS's
        published figures and the exam guide's layout (recall, which the exam does not ask)."""
        return "drill" if self in DRILL_TOPICS else "exam-style"


DRILL_TOPICS = frozenset({"worked-example", "generations", "exam-notes", "claims", "exam-guide"})
"""Topics whose questions drill a skill or recall rather than practise an exam item."""

@dataclass(frozen=True)
class Option:
    """A response: its text, why it is right or wrong, and the facts that decide it."""

    text: str
    explanation: str
    facts: tuple[str, ...] = ()
    answers: Mapping[str, str] | None = None
    """A scenario's wrong option: the case (decision inputs) it is the engine's answer to."""


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    topic: Topic
    stem: str
    options: tuple[Option, ...]
    answer: tuple[int, ...]
    """Multiple choice: the right option. Multiple response: the right options. Ordering: the options in
    the right order. Matching: for each prompt, the option that matches it."""
    prompts: tuple[str, ...] = ()
    """Matching only: the prompts the options are matched to."""
    case: CaseStudy | None = None
    inputs: Mapping[str, str] = field(default_factory=dict)
    """Scenario questions: the decision inputs the stem states."""
    also: Mapping[str, str] = field(default_factory=dict)
    """'Select TWO' scenario questions: the inputs of the second decision the stem asks for."""
    offers: str = ""
    """Scenario questions whose options name one decision table's answers alone (the facts file's scenario `offers`)."""
    rules: tuple[str, ...] = ()
    """The rules the question is about: those that decide it (one per table of the decision graph), then those
    its distractors come from."""
    checks: tuple[str, ...] = ()
    extra_facts: tuple[str, ...] = ()
    exam: ExamMapping | None = None
    """Where the exam guide covers what the question practises: its domain and task statement."""
    competing: Competing | None = None
    """Scenario questions: the second requirement the stem sets against the first."""
    beyond_exam: bool = False
    """Scenario questions whose stem turns on more than the exam asks (the facts file's scenario `scope`)."""

    @property
    def practice_set(self) -> str:
        """'exam-style' or 'drill': its topic's set, and 'drill' for a scenario beyond the exam."""
        return "drill" if self.beyond_exam else self.topic.practice_set

    @property
    def facts(self) -> tuple[str, ...]:
        """Every fact the stem or an explanation cites, in order, without repeats (then its domain's and task's)."""
        cited = [*PLACEHOLDER.findall(self.stem), *(PLACEHOLDER.findall(self.case.background) if self.case else [])]
        cited += [fact_id for option in self.options for fact_id in (*option.facts, *PLACEHOLDER.findall(option.explanation))]
        where = [fact.id for fact in (self.exam.domain, self.exam.weight, self.exam.task, self.exam.objective)] if self.exam else []
        return tuple(dict.fromkeys([*cited, *self.extra_facts, *where]))

    def is_right(self, response: Sequence[int]) -> bool:
        if self.type is QuestionType.MULTIPLE_RESPONSE:
            return sorted(response) == sorted(self.answer)
        return tuple(response) == self.answer


def _hash(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _shuffled(question_id: str, options: Sequence[Option]) -> tuple[Option, ...]:
    return tuple(sorted(options, key=lambda option: _hash(question_id, option.text)))


def _choice(question_id: str, right: Sequence[Option], wrong: Sequence[Option], **fields: object) -> Question:
    """A multiple-choice or multiple-response question: its options in stable order, the right ones found."""
    options = _shuffled(question_id, [*right, *wrong])
    answer = tuple(sorted(options.index(option) for option in right))
    return Question(id=question_id, options=options, answer=answer, **fields)  # type: ignore[arg-type]


def _sentence(text: str, names: Collection[str] = ()) -> str:
    """Lower-case the first word when it is an ordinary word ('Monthly saving' -> 'monthly saving'), not a
    name ('Inf2', 'AIF-C01', or one of `names`, such as the glossary's terms)."""
    word = text.split(" ", 1)[0]
    ordinary = word.isalpha() and word[1:].islower() and word not in names
    return text[:1].lower() + text[1:] if ordinary else text


# Scenarios: the engine decides; the distractors are the other outcomes. The right option is explained by
# its rule's reasons, a wrong one by what its outcome is for (`why_not`). Neither names a rule, an input or
# a value the stem does not state: a reader sees the case and the facts, not the decision table.


def _right_option(facts: Facts, decision: Decision, settles: str = "", offers: str = "") -> Option:
    """Its rules' reasons, less those the helper page alone gives (a comparison with hardware no option offers), after
    the scenario's word on its competing requirement (facts file, `settles`) where it has one. `offers`: the table whose
    answer the options name alone, whose rule alone then argues for the key (a way of serving, not its hardware)."""
    steps = [decision.step(offers)] if offers else decision.steps
    reasons = [reason for step in steps for reason in step.rule.reasons if not reason.helper_only]
    said = " ".join([*([settles] if settles else []), *(reason.template for reason in reasons)])
    return Option(_option_text(facts, decision), facts.sentence(CopyKey.PRACTICE_SCENARIO_RIGHT, reasons=said), tuple(f.id for r in reasons for f in r.facts))


def _option_text(facts: Facts, decision: Decision) -> str:
    """What serves it and what it runs on, without a size, one product each: 'An Amazon SageMaker real-time endpoint on
    ml.inf2 instances' (or the way of serving alone where no instance is named). Hardware after a SageMaker way of
    serving takes SageMaker's name for it; a training job, run on EC2 or SageMaker, keeps EC2's."""
    hosted = not _is_training(decision)
    labels = [option_label(facts, outcome, hosted=hosted and index > 0) for index, outcome in enumerate(decision.outcomes)]
    return " on ".join(label for label in labels if label)


def offered_text(facts: Facts, decision: Decision, offers: str) -> str:
    """An answer as the options of a question that offers one table's answers read it: that table's outcome by its
    option name ('Amazon SageMaker Asynchronous Inference')."""
    return option_label(facts, decision.step(offers).outcome)


def option_label(facts: Facts, outcome: Outcome, hosted: bool = False) -> str:
    """An outcome as one AWS product, by the name the facts file gives it for practice options, in AWS's own style
    ('Amazon EC2 P5 instances'; '' for one it leaves unnamed: compute with no instance to name). Without names: hardware by the first
    instance family the decision table gives it, with its chip's name ('P5 (NVIDIA H100)', never 'P5 or P5e'); a
    way of serving, or hardware with no family, by its title."""
    if hosted and outcome.id in facts.practice.hosted_names:
        return facts.practice.hosted_names[outcome.id]
    if facts.practice.option_names:
        return facts.practice.option_names.get(outcome.id, "")
    if outcome.accelerator is None or not outcome.families:
        return outcome.title
    family = outcome.families[0]
    return f"{family.name} ({family.chip.removesuffix(' GPU').removesuffix(' CPU')})"


def _wrong_option(
    facts: Facts,
    decision: Decision,
    neighbour: Decision,
    stated: Collection[str],
    said: Mapping[str, str],
    hardware_only: bool = False,
    offers: str = "",
) -> Option:
    """The engine's answer to a neighbouring case, explained by the requirement that would have made it right (and,
    where the stem states it, what the stem says instead, in its own words) and what its first differing outcome is for
    (its hardware, where the option names hardware alone: a training question's, a 'Select TWO'; the offered table's
    outcome, where the options name that table's answers alone)."""
    pairs = list(zip(decision.outcomes, neighbour.outcomes, strict=True))
    if offers:
        pairs = [(decision.step(offers).outcome, neighbour.step(offers).outcome)]
    elif (_is_training(decision) or hardware_only) and decision.outcome != neighbour.outcome and neighbour.outcome.families:
        pairs = pairs[-1:]  # the option names the hardware only: say what that hardware is for
    differing = next(theirs for ours, theirs in pairs if ours != theirs)
    changed = []
    ruled_out = []
    phase_changed = decision.inputs.get("workload") != neighbour.inputs.get("workload")
    for item in facts.decision.inputs:
        ours, theirs = decision.inputs[item.name], neighbour.inputs[item.name]
        if ours != theirs and not (phase_changed and item.numeric is not None):  # serving needs less memory than training: no requirement
            values = {value.name: value for value in item.values}
            asked = {"question": item.question, "answer": values[theirs].label}
            piece = _same_answer_range(facts, neighbour, item.name) if item.numeric is not None else None
            answered = values[theirs].case or (
                facts.sentence(CopyKey.PRACTICE_FIT_ANSWERED_INSTEAD, **asked, stated=values[ours].label)
                if item.name in stated
                else facts.sentence(CopyKey.PRACTICE_FIT_ANSWERED, **asked)
            )
            changed.append(_range_words(facts, item.name, piece) or answered if piece else answered)
            if said.get(item.name) and (item.name in stated or item.numeric is not None):
                ruled_out.append(said[item.name])  # a size the stem gives in words ('a small model') is in the workload's sentence
    same_phase = hardware_only and _is_training(neighbour) == _is_training(decision)  # a Select TWO: say which of its two decisions
    fit = (CopyKey.PRACTICE_FIT_TO_TRAIN if _is_training(decision) else CopyKey.PRACTICE_FIT_TO_SERVE) if same_phase else CopyKey.PRACTICE_FIT
    why_not = differing.why_not
    if not changed:
        explanation = facts.sentence(CopyKey.PRACTICE_SCENARIO_WRONG, why_not=why_not)
    else:
        changes = changed[0]
        for later in changed[1:]:
            changes = facts.sentence(CopyKey.PRACTICE_FIT_AND_IF, earlier=changes, later=later)
        condition = facts.sentence(fit, changes=changes)
        if ruled_out:
            stop = "" if ruled_out[-1].endswith((".", "?", "!")) else "."
            quoted = " and ".join(f"“{words}”" for words in dict.fromkeys(ruled_out)) + stop  # grammar glue: the stem's own words, quoted
            explanation = facts.sentence(CopyKey.PRACTICE_SCENARIO_WRONG_IF_HERE, condition=condition, said=quoted, why_not=why_not)
        else:
            explanation = facts.sentence(CopyKey.PRACTICE_SCENARIO_WRONG_IF, condition=condition, why_not=why_not)
    return Option(_option_text(facts, neighbour), explanation, answers=frozen_map(dict(neighbour.inputs)))


def _same_answer_range(facts: Facts, neighbour: Decision, name: str) -> Interval | None:
    """The widest run of a numeric input's pieces around the neighbour's own in which the engine gives the neighbour's
    answer: a model of any size up to a trn2.48xlarge's memory trains on Trn2, not only one that fits in the first piece."""
    item = next(item for item in facts.decision.inputs if item.name == name)
    pieces = [value for value in item.values if value.interval is not None]
    at = next((index for index, value in enumerate(pieces) if value.name == neighbour.inputs[name]), None)
    if at is None:
        return None

    def same(index: int) -> bool:
        return _option_text(facts, decide(facts.decision, **{**neighbour.inputs, name: pieces[index].name})) == _option_text(facts, neighbour)

    low = high = at
    while low > 0 and same(low - 1):
        low -= 1
    while high < len(pieces) - 1 and same(high + 1):
        high += 1
    first, last = pieces[low].interval, pieces[high].interval
    assert first is not None and last is not None  # pieces are the values with an interval
    return Interval(first.low, last.high, first.low_closed, last.high_closed)


def _range_words(facts: Facts, name: str, piece: Interval) -> str:
    """A numeric input's piece in a candidate's words, by the capacities the rules compare it with: 'the model
    needed more than the accelerator memory in the largest Inf2 instance ({inf2.memory_max}) but fitted in ...'; empty when
    the rules name neither of its bounds."""
    bounds = _named_bounds(facts, name)
    low = None if piece.low == -math.inf or piece.low <= 0 else bounds.get(piece.low)
    high = None if piece.high == math.inf else bounds.get(piece.high)
    if low and high:
        return facts.sentence(CopyKey.PRACTICE_FIT_BETWEEN, low=low, high=high)
    if low:
        return facts.sentence(CopyKey.PRACTICE_FIT_ABOVE, low=low)
    return facts.sentence(CopyKey.PRACTICE_FIT_WITHIN, high=high) if high else ""


def _named_bounds(facts: Facts, name: str) -> dict[float, str]:
    """Each bound the rules give a numeric input, by its value: the capacity it names, in words ('the most memory
    a Serverless Inference endpoint can have ({sagemaker.serverless_memory_max})', 'the accelerator memory of a
    g6e.48xlarge')."""
    named: dict[float, str] = {}
    for rule in facts.decision.rules:
        if name not in rule.ranges:
            continue
        interval = rule.ranges[name]
        values = [bound for bound in (interval.low, interval.high) if not math.isinf(bound)]
        for bound, token in zip(values, PLACEHOLDER.findall(rule.range_texts.get(name, "")), strict=False):
            fact = facts.facts.get(token)
            named[bound] = (
                facts.sentence(CopyKey.PRACTICE_BOUND_FACT, label=_sentence(fact.label, facts.glossary), fact=f"{{{fact.id}}}")
                if fact
                else facts.sentence(CopyKey.PRACTICE_BOUND_SIZE, size=token)
            )
    return named


SERVED_FROM_TRAINING = "inference"
"""The workload a training stem's neighbouring case serves: the same model, served instead of trained (the chip named
for the other phase is the nearest wrong answer to a training question)."""


def neighbours(facts: Facts, decision: Decision) -> list[Decision]:
    """The engine's answers to the cases one requirement away, nearest first (`neighbour_tiers`): each a distractor
    that would be right had that requirement been different."""
    near, far = neighbour_tiers(facts, decision)
    return [*near, *far]


def neighbour_tiers(facts: Facts, decision: Decision) -> tuple[list[Decision], list[Decision]]:
    """The cases one requirement away, near and far. Near: the model's kind, how requests arrive, for a training stem
    serving the model instead, and, where the stem gives a size, the largest smaller model with another answer (the
    Serverless Inference endpoint a large model rules out; G6 where P5 is the answer); where it gives none, the
    smallest larger model whose answer is other hardware of the same kind (P5 beside G6: a stem that points to GPUs
    then leaves two, and its words on the model's size decide). Far: other sizes the stem does not give, so an option
    out of scale for the stem (an UltraServer for a few requests a day) is offered only when nearer cases run out."""
    graph = facts.decision
    near, far = [], []
    for item in graph.inputs:
        if item.numeric is not None:
            pieces = item.value_names  # smallest first
            at = pieces.index(decision.inputs[item.name])
            if decision.memory_needed_gib is None:
                larger = [decide(graph, **{**decision.inputs, item.name: piece}) for piece in pieces[at + 1 :]]
                alike = [other for other in larger if other.outcomes != decision.outcomes and other.accelerator == decision.accelerator][:1]
                near += alike
                far += [other for other in larger if other not in alike]
            else:
                smaller = [decide(graph, **{**decision.inputs, item.name: piece}) for piece in reversed(pieces[:at])]
                near += [other for other in smaller if other.outcomes != decision.outcomes][:1]
            continue
        if item.name == "workload":
            near += [served(facts, decision)] if _is_training(decision) and SERVED_FROM_TRAINING in item.value_names else []
            continue
        others = [value for value in item.value_names if value != decision.inputs[item.name]]
        near += [decide(graph, **{**decision.inputs, item.name: value}) for value in others]
    return near, far


def served(facts: Facts, decision: Decision) -> Decision:
    """A training case's model served instead: sized again for serving where the stem gives its size (a 30-billion-
    parameter model trains in a trn2.48xlarge's memory but is served from an Inf2's)."""
    inputs = {**decision.inputs, "workload": SERVED_FROM_TRAINING}
    sizing = facts.decision.sizing
    if sizing is None or decision.parameters_billion is None:
        return decide(facts.decision, **inputs)
    del inputs[sizing.input_name]
    sized = {SIZING_PARAMETERS: decision.parameters_billion, SIZING_PRECISION: decision.precision, SIZING_HEADROOM: decision.headroom_percent}
    return decide(facts.decision, **inputs, **sized)


def _is_training(decision: Decision) -> bool:
    return decision.inputs.get("workload") in ("training", "fine-tuning")


def second_neighbours(facts: Facts, near: Sequence[Decision]) -> list[Decision]:
    """The cases two requirements away, from a decision's `near` cases (neighbour_tiers): each near case's own near
    neighbours at its own size. The corner that keeps the key from the centre of its options (`_pick`), and, for a
    stem whose near cases give fewer than three other answers, the chip that would serve a neural network before an
    UltraServer for a gradient-boosted model's training."""
    found = []
    for neighbour in near:
        memory = neighbour.inputs.get("memory_gib")
        found += [other for other in neighbour_tiers(facts, neighbour)[0] if other.inputs.get("memory_gib") == memory]
    return found


def _kind(outcome: Outcome) -> str:
    """The kind of hardware a cue in a stem points to: NVIDIA GPUs, CPUs, or AWS's own chips."""
    return "neuron" if outcome.accelerator in (Accelerator.INFERENTIA, Accelerator.TRAINIUM) else str(outcome.accelerator)


def attributes(text: str) -> frozenset[str]:
    """What an option is made of, as a reader with no AWS knowledge sees it: its way of serving and its hardware
    ('A SageMaker real-time endpoint', 'Inf2 (AWS Inferentia2)'), or only the hardware."""
    return frozenset(text.split(" on "))


def centroid_chance(texts: Sequence[str], key: int) -> float:
    """The chance that picking the option sharing most attributes with the others finds `key` (ties are a guess among
    the tied): the cue a set of distractors each one attribute from the key gives away (issue #23)."""
    parts = [attributes(text) for text in texts]
    shared = [sum(len(mine & theirs) for other, theirs in enumerate(parts) if other != index) for index, mine in enumerate(parts)]
    tied = [index for index, score in enumerate(shared) if score == max(shared)]
    return 1 / len(tied) if key in tied else 0.0


def lone_hardware_chance(texts: Sequence[str], key: int) -> float:
    """The chance that picking an option whose hardware ('... on ml.inf2 instances') no other option names finds `key`
    (a guess among such options, or among all where none or every option stands alone): the cue a set gives away
    when the key's hardware appears once and a distractor's twice (issue #23, a blind review)."""
    hardware = [text.split(" on ", 1)[1] if " on " in text else "" for text in texts]
    lone = [index for index, name in enumerate(hardware) if name and hardware.count(name) == 1]
    pool = lone if 0 < len(lone) < len(texts) else list(range(len(texts)))
    return 1 / len(pool) if key in pool else 0.0


def _pick(
    question_id: str,
    decision: Decision,
    candidates: Sequence[tuple[int, Decision]],
    text_of: Callable[[Decision], str],
    sizes: Sequence[str] = (),
    tie_text: Callable[[Decision], str] | None = None,
    unnamed: Collection[str] = (),
    waits: Sequence[str] = (),
) -> list[Decision]:
    """Three distractors from the cases one or two requirements away (further only when those hold fewer than three).
    Where a case one requirement away gives them: AWS's own chip beside a GPU key (the model without its NVIDIA-only
    code: the stem's lock-in decides, not G6 against P5 sizing, which blind reviews put beyond AIF-C01), and Serverless
    Inference beside a key on instances (so Serverless is offered as often as a lure as it is keyed, and its presence
    does not point to the key).
    The key's way of serving and its hardware each appear in a second option (beside Serverless, its way of serving),
    so a cue that points to GPUs, or to a queue, does not settle the answer alone; and among such sets, the one in which
    the key is least the option sharing most with the others (a two-by-two of ways of serving and hardware with the key
    at one corner, or distractors alike with each other rather than with the key), so the set's shape does not give the
    key away either, nor one in which the key's hardware alone stands unrepeated (the two cues pull against each other,
    so the set that keeps the larger of the two chances lowest wins) (issue #23); then, among those, the sets a reader
    would find plausible (blind reviews): a neural network's stem not answered as if it were a tree ensemble, and ways
    of serving as near the stem's as they come (`waits`: the arrival of requests in the facts file's order, from an
    answer at once to a whole dataset), so a real-time key is paired with a queue rather than a batch job; then an
    option on another kind of hardware than the key's, so that four GPUs do not leave the stem's lock-in untested. Then: a smaller model's answer
    where the stem gives a size, the nearest tiers, a stable order. `unnamed`: the hardware outcomes an option names no
    instance for (the compute behind Serverless Inference)."""

    def chip_beside_gpu(d: Decision) -> bool:
        return decision.outcome.accelerator == Accelerator.GPU and _kind(d.outcome) == "neuron"

    def managed(d: Decision) -> bool:  # a way of serving whose hardware SageMaker chooses (Serverless Inference)
        return d.outcome.id in unnamed and decision.outcome.id not in unnamed

    def same_way(d: Decision) -> bool:
        return len(d.outcomes) > 1 and d.outcomes[0] == decision.outcomes[0]

    def same_hardware(d: Decision) -> bool:
        return d.outcome == decision.outcome

    def smaller(d: Decision) -> bool:  # a size the stem gives, made smaller (`sizes`: the memory input's pieces, smallest first)
        ours, theirs = decision.inputs.get("memory_gib"), d.inputs.get("memory_gib")
        return theirs != ours and theirs in sizes and ours in sizes and sizes.index(theirs) < sizes.index(ours)

    def one_away(d: Decision) -> bool:
        return sum(d.inputs[name] != value for name, value in decision.inputs.items()) == 1

    def network_made_classical(d: Decision) -> bool:  # a neural network's stem answered as if it were a tree ensemble
        return decision.inputs.get("model") != "classical" and d.inputs.get("model") == "classical"

    def wait_apart(d: Decision) -> int:  # how far the case's arrival of requests is from the stem's, in the facts file's order
        ours, theirs = decision.inputs.get("requests"), d.inputs.get("requests")
        return abs(waits.index(theirs) - waits.index(ours)) if ours in waits and theirs in waits else 0

    tiers = sorted({tier for tier, _ in candidates})
    reach = next((tier for tier in tiers if tier >= 1 and sum(t <= tier for t, _ in candidates) >= OPTIONS_PER_QUESTION - 1), tiers[-1])
    pool = [(tier, d) for tier, d in candidates if tier <= reach]
    near = [d for tier, d in pool if tier == 0]
    musts = [want for want in (chip_beside_gpu, managed, smaller) if any(want(d) for d in near)]
    possible = [want for want in (same_way, same_hardware) if any(want(d) for d in near)]
    close = min(2, sum(one_away(d) for d in near))
    key_text = text_of(decision)

    def cost(chosen: tuple[tuple[int, Decision], ...]) -> tuple[float, ...]:
        found = [d for _, d in chosen]
        unmet = sum(not any(want(d) for d in found) for want in musts) + max(0, close - sum(one_away(d) for d in found))
        # beside a Serverless option the key can leave the centre only if it shares one thing with the rest, not two:
        # its way of serving, so that a cue to the way of serving still leaves two options and the hardware decides
        needed = [want for want in possible if not (any(managed(d) for d in found) and want is same_hardware)]
        short = sum(not any(want(d) for d in found) for want in needed)
        texts = [key_text, *(text_of(d) for d in found)]
        centre = centroid_chance(texts, 0)
        lone = lone_hardware_chance(texts, 0)
        one_kind = all(_kind(d.outcome) == _kind(decision.outcome) for d in found)  # four GPUs: the lock-in goes untested
        # three distractors on one kind of hardware and a key on another (or on none): the odd one out is the key
        odd = all(d.outcome == found[0].outcome for d in found) and found[0].outcome != decision.outcome
        made_classical = sum(network_made_classical(d) for d in found)
        waits_apart = sum(wait_apart(d) for d in found)
        return (
            unmet,
            short,
            odd,
            max(centre, lone),
            made_classical,
            waits_apart,
            one_kind,
            centre + lone / 2,
            not any(smaller(d) for d in found),
            sum(tier for tier, _ in chosen),
        )

    tie_text = tie_text or text_of
    ordered = sorted(pool, key=lambda pair: _hash(question_id, tie_text(pair[1])))
    best = min(itertools.combinations(ordered, OPTIONS_PER_QUESTION - 1), key=cost)
    return [d for _, d in best]


def decided_options(
    facts: Facts,
    question_id: str,
    decision: Decision,
    stated: Mapping[str, str],
    said: Mapping[str, str] | None = None,
    settles: str = "",
    offers: str = "",
) -> tuple[list[Option], list[Option]]:
    """The engine's answer and three answers to neighbouring cases, each with its explanation (`_pick` chooses them).
    `said`: for each input, the stem's sentence that states it; `settles`: the scenario's word on its competing
    requirement, which the right option's explanation opens with; `offers`: a table whose answers alone the options
    name (the ways of serving, for a stem that leaves the hardware out of question). A training question's options
    name only the hardware: none names the phase the stem already gives."""
    training = _is_training(decision)

    def text_of(candidate: Decision) -> str:
        if offers:
            return offered_text(facts, candidate, offers)
        return option_label(facts, candidate.outcome) if training else _option_text(facts, candidate)

    named = _stated_inputs(facts, stated)
    right = replace(_right_option(facts, decision, settles, offers), text=text_of(decision))
    seen = {right.text}
    candidates: list[tuple[int, Decision]] = []
    # the hardware an option names no instance for (the compute behind Serverless Inference)
    unnamed = {outcome.id for outcome in facts.decision.outcomes.values() if not option_label(facts, outcome, hosted=True)}
    near, far = neighbour_tiers(facts, decision)
    tiers = [
        near,
        second_neighbours(facts, near),
        far,
        [decide(facts.decision, **inputs) for inputs in combinations(facts.decision) if inputs["workload"] == decision.inputs["workload"]],
    ]
    if offers:  # an option that names a way of serving alone is explained by what decides the way alone (how requests arrive)
        own = _read_only_by(facts, offers)
        tiers = [sorted(found, key=lambda d: any(d.inputs[name] != value and name not in own for name, value in decision.inputs.items())) for found in tiers]
    for tier, found in enumerate(tiers):
        for candidate in found:
            if training and candidate.outcome.id in unnamed:
                continue  # a way of serving with no instance to name: no option of a training question
            text = text_of(candidate)
            if text not in seen:
                seen.add(text)
                candidates.append((tier, candidate))
    waits = next((item.value_names for item in facts.decision.inputs if item.name == "requests"), ())
    picked = _pick(
        question_id,
        decision,
        candidates,
        text_of,
        _sizes(facts),
        tie_text=lambda d: text_of(d) if training or offers else _ec2_text(facts, d),
        unnamed=unnamed,
        waits=waits,
    )
    wrong = [replace(_wrong_option(facts, decision, d, named, said or {}, offers=offers), text=text_of(d)) for d in picked]
    return [right], sorted(wrong, key=lambda option: _hash(question_id, option.text))


def _read_only_by(facts: Facts, table_id: str) -> set[str]:
    """The practitioner's inputs a table reads that no other table does (for the serving table: how requests arrive)."""
    others = {item.name for table in facts.decision.tables if table.id != table_id for item in table.inputs}
    return {item.name for item in facts.decision.table(table_id).inputs} - others


def _ec2_text(facts: Facts, decision: Decision) -> str:
    """An option as it read before SageMaker's instance-type names ('... on Amazon EC2 Inf2 instances'): what breaks a
    tie between equally good sets of distractors, so that naming hardware as SageMaker does moves no item's options."""
    return " on ".join(label for label in (option_label(facts, outcome) for outcome in decision.outcomes) if label)


def _sizes(facts: Facts) -> tuple[str, ...]:
    """The memory input's pieces, smallest first (none without a numeric input)."""
    return next((item.value_names for item in facts.decision.inputs if item.numeric is not None), ())


def _stated_inputs(facts: Facts, states: Mapping[str, str]) -> set[str]:
    """The inputs a stem states: those it names, and the memory need when it gives the model's size."""
    sizing = facts.decision.sizing
    names = set(states)
    if sizing is not None and "params_billion" in states:
        names.add(sizing.input_name)
    return names


def _rules_of(facts: Facts, options: Sequence[Option]) -> tuple[str, ...]:
    titles = {option.text for option in options}
    return tuple(
        rule.id
        for rule in facts.decision.rules
        if any(label and label in title for label in {option_label(facts, rule.outcome), option_label(facts, rule.outcome, hosted=True)} for title in titles)
    )


def scenario_question(facts: Facts, scenario: Scenario) -> Question:
    if scenario.also is not None:
        return paired_question(facts, scenario, scenario.also)
    decision = decide(facts.decision, **scenario.states)
    question_id = f"scenario-{scenario.id}"
    right, wrong = decided_options(facts, question_id, decision, scenario.states, scenario.sentences, scenario.settles, scenario.offers)
    return _choice(
        question_id,
        right,
        wrong,
        type=QuestionType.MULTIPLE_CHOICE,
        topic=Topic.CHOOSING,
        stem=scenario.stem,
        exam=scenario.task,
        competing=scenario.competing,
        beyond_exam=scenario.scope == Scope.BEYOND_EXAM,
        inputs=frozen_map(dict(scenario.states)),
        offers=scenario.offers,
        rules=(*(step.rule.id for step in decision.steps), *(r for r in _rules_of(facts, wrong) if r not in {step.rule.id for step in decision.steps})),
    )


def _paired_text(facts: Facts, decision: Decision) -> str:
    """A 'Select TWO' option: the hardware, or the way of serving where SageMaker chooses the hardware."""
    return option_label(facts, decision.outcome) if decision.outcome.families else _option_text(facts, decision)


def paired_question(facts: Facts, scenario: Scenario, also: Mapping[str, str]) -> Question:
    """'Select TWO': a stem that asks for two decisions (what trains a model and what serves it, say). The options
    name hardware only (or the way of serving, where SageMaker chooses the hardware); the right ones are the
    engine's answers to the two cases, the three wrong ones its answers to their neighbouring cases (one
    requirement changed), each explained as a scenario's distractor is."""
    question_id = f"scenario-{scenario.id}"
    decisions = [decide(facts.decision, **scenario.states), decide(facts.decision, **also)]
    # the stem's competing requirement bears on the second decision it asks for
    settles = ["", scenario.settles]
    right = [replace(_right_option(facts, decision, word), text=_paired_text(facts, decision)) for decision, word in zip(decisions, settles, strict=True)]
    named = _stated_inputs(facts, {**scenario.states, **also})
    by_text: dict[str, Option] = {}
    far: set[str] = set()
    # an option both decisions' neighbours give is explained by the case that keeps its phase: hardware that would
    # serve the model is wrong for a reason about serving, since the company serves it too
    pairs = [(decision, neighbour) for decision in decisions for neighbour in neighbours(facts, decision)]
    pairs.sort(key=lambda pair: pair[0].inputs.get("workload") != pair[1].inputs.get("workload"))
    for decision, neighbour in pairs:
        text = _paired_text(facts, neighbour)
        if text not in {option.text for option in right} and text not in by_text:
            by_text[text] = replace(_wrong_option(facts, decision, neighbour, named, scenario.sentences, hardware_only=True), text=text)
            if neighbour.inputs.get("memory_gib") != decision.inputs.get("memory_gib"):
                far.add(text)
    serving = {option.text for option in by_text.values() if " on " in option.text}  # a way of serving among hardware: offered last
    nearest_first = sorted(by_text.values(), key=lambda option: (option.text in far, option.text in serving, _hash(question_id, option.text)))
    wrong = sorted(nearest_first[: RESPONSES_PER_MULTIPLE_RESPONSE - len(right)], key=lambda option: _hash(question_id, option.text))
    steps = tuple(dict.fromkeys(step.rule.id for decision in decisions for step in decision.steps))
    return _choice(
        question_id,
        right,
        wrong,
        type=QuestionType.MULTIPLE_RESPONSE,
        topic=Topic.CHOOSING,
        stem=facts.sentence(CopyKey.PRACTICE_SELECT, stem=scenario.stem, count=facts.page_copy[COUNT_WORDS[len(right)]]),
        exam=scenario.task,
        competing=scenario.competing,
        beyond_exam=scenario.scope == Scope.BEYOND_EXAM,
        inputs=frozen_map(dict(scenario.states)),
        also=frozen_map(dict(also)),
        rules=(*steps, *(r for r in _rules_of(facts, wrong) if r not in steps)),
    )


def case_study_questions(facts: Facts, case: CaseStudy) -> list[Question]:
    questions = []
    for number, part in enumerate(case.questions, start=1):
        question_id = f"case-{case.id}-{number}"
        if part.states is not None:
            decision = decide(facts.decision, **part.states)
            right, wrong = decided_options(facts, question_id, decision, part.states, offers=part.offers)
            questions.append(
                _choice(
                    question_id,
                    right,
                    wrong,
                    type=QuestionType.CASE_STUDY,
                    topic=Topic.CHOOSING,
                    stem=part.ask,
                    case=case,
                    exam=case.task,
                    inputs=frozen_map(dict(part.states)),
                    offers=part.offers,
                    rules=tuple(step.rule.id for step in decision.steps),
                )
            )
        else:
            questions.append(_figure_question(facts, question_id, case, part))
    return questions


def _figure_question(facts: Facts, question_id: str, case: CaseStudy, part: CaseQuestion) -> Question:
    assert part.answer is not None  # the loader builds a figure question only with its answer
    answer = part.answer
    right = Option(answer.short, facts.sentence(CopyKey.PRACTICE_RIGHT_EVIDENCE, evidence=_evidence(facts, answer)), (answer.id,))
    wrong = [
        Option(fact.short, facts.sentence(CopyKey.PRACTICE_FIGURE_WRONG, fact=f"{{{fact.id}}}", label=_sentence(fact.label, facts.glossary)), (fact.id,))
        for fact in part.options
    ]
    topic = Topic.WORKED_EXAMPLE if answer.id.startswith("example.") else Topic.CLAIMS
    return _choice(question_id, [right], wrong, type=QuestionType.CASE_STUDY, topic=topic, stem=part.ask, case=case, exam=case.task)


def _evidence(facts: Facts, fact: Fact) -> str:
    if isinstance(fact.evidence, Derivation):
        return facts.sentence(CopyKey.PRACTICE_EVIDENCE_COMPUTED, arithmetic=fact.evidence.arithmetic)
    source = fact.evidence.source
    return facts.sentence(CopyKey.PRACTICE_EVIDENCE_QUOTE, publisher=source.publisher, quote=fact.evidence.text, title=source.title, fact=f"{{{fact.id}}}")


# Fact checks: what exam notes say against what AWS's own page says, asked as the correction the note needs.


def fact_check_question(facts: Facts, check_id: str) -> Question:
    """'Which correction to this note is accurate?': the correction its verdict calls for against three that other
    verdicts call for (facts file, practice.corrections), each explained by what AWS's own source says."""
    check = facts.fact_checks[check_id]
    question_id = f"check-{check.id}"
    corrections = facts.practice.corrections
    cited = tuple(fact.id for fact in (*check.note_facts, *check.aws_facts))
    said = facts.sentence(CopyKey.PRACTICE_CHECK_SOURCE, publisher=check.source.publisher, quote=check.aws_says, title=check.source.title)
    verdict = check.verdict.label.lower()
    explanation = facts.sentence(CopyKey.PRACTICE_CHECK_RIGHT, verdict=verdict, said=said, explanation=check.explanation_template)
    right = Option(corrections[check.verdict], explanation, cited)
    others = sorted((verdict for verdict in corrections if verdict is not check.verdict), key=lambda verdict: _hash(question_id, verdict.value))
    wrong = [
        Option(
            corrections[verdict],
            facts.sentence(CopyKey.PRACTICE_CHECK_WRONG, verdict=verdict.label.lower(), actual=check.verdict.label.lower(), said=said),
            cited,
        )
        for verdict in others[: OPTIONS_PER_QUESTION - 1]
    ]
    said_note = check.note_says if check.note_says.rstrip().endswith((".", "?", "!")) else check.note_says.rstrip() + "."
    stem = facts.sentence(CopyKey.PRACTICE_CHECK_STEM, note=said_note)
    return _choice(question_id, [right], wrong, type=QuestionType.MULTIPLE_CHOICE, topic=Topic.EXAM_NOTES, stem=stem, checks=(check.id,))


# AWS's claims: multiple response (true statements among altered ones) and matching (claims to baselines).


def exam_claims(facts: Facts) -> list[Fact]:
    """AWS's claims in the exam's scope, each with a baseline."""
    return [fact for fact in facts.facts.values() if fact.kind is Kind.VENDOR_CLAIM and fact.scope is Scope.AIF_C01 and fact.is_number and fact.baseline]


def _subject(facts: Facts, fact: Fact) -> str:
    prefix = fact.id.split(".", 1)[0]
    family = facts.families.get(prefix)
    return f"{family.name} ({family.chip})" if family else facts.topic(fact)


def _altered(facts: Facts, fact: Fact, salt: str) -> tuple[str, Fact] | None:
    """The claim with another fact's value in the same unit, and that fact; None when no value differs."""
    others = sorted(
        (other for other in facts.facts.values() if other.unit == fact.unit and other.is_number and other.value != fact.value),
        key=lambda other: _hash(salt, fact.id, other.id),
    )
    if not others:
        return None
    other = others[0]
    shown = " ".join(part for part in (fact.qualifier, UNITS[fact.unit].format(other.value), fact.measures, fact.baseline) if part)
    return shown, other


def claims_questions(facts: Facts) -> list[Question]:
    claims = exam_claims(facts)
    if len(claims) < RIGHT_PER_MULTIPLE_RESPONSE + 1:
        return []
    questions = []
    for start in range(0, len(claims), RIGHT_PER_MULTIPLE_RESPONSE):
        chosen = [claims[(start + offset) % len(claims)] for offset in range(RIGHT_PER_MULTIPLE_RESPONSE)]
        question_id = "claims-" + "-".join(fact.id.replace(".", "-").replace("_", "-") for fact in chosen)
        right = [
            Option(f"{_subject(facts, fact)}: {fact.phrase}", facts.sentence(CopyKey.PRACTICE_RIGHT_EVIDENCE, evidence=_evidence(facts, fact)), (fact.id,))
            for fact in chosen
        ]
        wrong: list[Option] = []
        candidates = [*chosen, *(claims[(start + offset) % len(claims)] for offset in range(RIGHT_PER_MULTIPLE_RESPONSE, len(claims)))]
        for fact in candidates * 2:
            if len(wrong) == RESPONSES_PER_MULTIPLE_RESPONSE - RIGHT_PER_MULTIPLE_RESPONSE:
                break
            altered = _altered(facts, fact, str(len(wrong)))
            text = f"{_subject(facts, fact)}: {altered[0]}" if altered else ""
            if altered is None or text in {option.text for option in (*right, *wrong)}:
                continue
            label = _sentence(altered[1].label, facts.glossary)
            explanation = facts.sentence(CopyKey.PRACTICE_CLAIMS_WRONG, claim=f"{{{fact.id}}}", figure=altered[1].formatted, label=label)
            wrong.append(Option(text, explanation, (fact.id,)))
        stem = facts.sentence(CopyKey.PRACTICE_CLAIMS_STEM, count=facts.page_copy[COUNT_WORDS[RIGHT_PER_MULTIPLE_RESPONSE]])
        questions.append(_choice(question_id, right, wrong, type=QuestionType.MULTIPLE_RESPONSE, topic=Topic.CLAIMS, stem=stem))
    return questions


def _matching(question_id: str, topic: Topic, stem: str, pairs: Sequence[tuple[str, Option]]) -> Question:
    """Prompts in the given order; responses in a stable shuffled order."""
    options = _shuffled(question_id, [option for _, option in pairs])
    return Question(
        id=question_id,
        type=QuestionType.MATCHING,
        topic=topic,
        stem=stem,
        options=options,
        answer=tuple(options.index(option) for _, option in pairs),
        prompts=tuple(prompt for prompt, _ in pairs),
    )


def baselines_question(facts: Facts) -> Question | None:
    """AWS's claims to their baselines, each pairing the only right one. A claim is left out when its quote
    also gives a figure already matched, or a matched claim's quote gives its figure (AWS gives both numbers
    against each baseline, so the two could be swapped), or when its baseline reads like one already used
    once the words 'Amazon EC2' are set aside."""
    pairs: list[tuple[str, Option]] = []
    chosen: list[Fact] = []
    for fact in exam_claims(facts):
        prompt = f"{_subject(facts, fact)}: {' '.join(part for part in (fact.short, fact.measures) if part)}"
        swappable = any(_quotes_figure(fact, other) or _quotes_figure(other, fact) for other in chosen)
        alike = _plain_baseline(fact.baseline) in {_plain_baseline(other.baseline) for other in chosen}
        if prompt in (p for p, _ in pairs) or swappable or alike or len(pairs) == MOST_PROMPTS:
            continue
        chosen.append(fact)
        pairs.append((prompt, Option(fact.baseline, facts.sentence(CopyKey.PRACTICE_BASELINE_MATCH, prompt=prompt, claim=f"{{{fact.id}}}"), (fact.id,))))
    if len(pairs) < LEAST_PROMPTS:
        return None
    return _matching("matching-claims-baselines", Topic.CLAIMS, facts.page_copy[CopyKey.PRACTICE_BASELINES_STEM], pairs)


def _quotes_figure(fact: Fact, other: Fact) -> bool:
    """Whether `fact`'s source sentence also gives `other`'s figure (as the loader reads a quote's numbers)."""
    return bool(fact.quote) and quote_states(fact.quote, other.value)


def _plain_baseline(baseline: str) -> str:
    return " ".join(baseline.lower().replace("amazon ec2 ", "").split())


def chips_question(facts: Facts) -> Question | None:
    """AWS's own chips to the instance families that carry them and what those families are for."""
    pairs = []
    for family in facts.families.values():
        if family.accelerator in (Accelerator.INFERENTIA, Accelerator.TRAINIUM):
            chips = family.specs.get("chips", ())
            matches = {"chip": family.chip, "family": family.name, "status": family.status.label}
            explanation = (
                facts.sentence(CopyKey.PRACTICE_CHIP_MATCH_CARRIES, **matches, chips=" or ".join(f"{{{fact.id}}}" for fact in chips))
                if chips
                else facts.sentence(CopyKey.PRACTICE_CHIP_MATCH, **matches)
            )
            option = Option(
                facts.sentence(CopyKey.PRACTICE_CHIP_OPTION, family=family.name, role=_sentence(family.role)), explanation, tuple(fact.id for fact in chips)
            )
            pairs.append((family.chip, option))
    if not LEAST_PROMPTS <= len(pairs) <= MOST_PROMPTS or len({option.text for _, option in pairs}) != len(pairs):
        return None
    return _matching("matching-chips-families", Topic.GENERATIONS, facts.page_copy[CopyKey.PRACTICE_CHIPS_STEM], pairs)


# Ordering: the generations by year, and the worked example's steps.


def _ordering(question_id: str, topic: Topic, stem: str, ordered: Sequence[Option]) -> Question:
    options = _shuffled(question_id, ordered)
    if options == tuple(ordered):
        options = (*options[1:], options[0])
    return Question(id=question_id, type=QuestionType.ORDERING, topic=topic, stem=stem, options=options, answer=tuple(options.index(o) for o in ordered))


def generations_question(facts: Facts) -> Question | None:
    """The instance families with a year fact, earliest first (only when no two share a year)."""
    dated = [
        (fact, facts.families[fact.id.split(".", 1)[0]]) for fact in facts.facts.values() if fact.unit == "year" and fact.id.split(".", 1)[0] in facts.families
    ]
    dated.sort(key=lambda pair: float(pair[0].value))
    if not LEAST_PROMPTS <= len(dated) <= MOST_ORDERED or len({fact.value for fact, _ in dated}) != len(dated):
        return None
    ordered = [
        Option(
            f"{family.name} ({family.chip})",
            facts.sentence(CopyKey.PRACTICE_GENERATION_POSITION, position=str(position), label=_sentence(fact.label, facts.glossary), year=f"{{{fact.id}}}"),
            (fact.id,),
        )
        for position, (fact, family) in enumerate(dated, start=1)
    ]
    return _ordering("ordering-generations", Topic.GENERATIONS, facts.page_copy[CopyKey.PRACTICE_GENERATIONS_STEM], ordered)


def dependent_steps(facts: Facts) -> list[Fact]:
    """The longest run of the worked example's steps in which each is computed from the one before, so
    there is exactly one right order."""
    steps = [facts.facts[step] for step in WORKED_EXAMPLE_STEPS if step in facts.facts]
    best: list[Fact] = []
    for start, first in enumerate(steps):
        chain = [first]
        for step in steps[start + 1 :]:
            if step.derivation and chain[-1].id in step.derivation.inputs.values():
                chain.append(step)
        best = max(best, chain, key=len)
    return best[:MOST_ORDERED]


def worked_example_question(facts: Facts) -> Question | None:
    steps = dependent_steps(facts)
    if len(steps) < LEAST_PROMPTS:
        return None
    ordered = [
        Option(
            fact.label.replace(" in the worked example", ""),
            facts.sentence(CopyKey.PRACTICE_WORKED_EXAMPLE_STEP, position=str(position), evidence=_evidence(facts, fact)),
            (fact.id,),
        )
        for position, fact in enumerate(steps, start=1)
    ]
    stem = facts.sentence(
        CopyKey.PRACTICE_WORKED_EXAMPLE_STEM,
        requests=f"{{{FactId.EXAMPLE_REQUESTS_PER_DAY}}}",
        cost=f"{{{FactId.EXAMPLE_GPU_MONTHLY_COST}}}",
        cut=f"{{{FactId.NOTE_COST_REDUCTION}}}",
    )
    return _ordering("ordering-worked-example", Topic.WORKED_EXAMPLE, stem, ordered)


# The exam guide: where the topics sit.


def exam_guide_question(facts: Facts) -> Question | None:
    """Where the exam guide covers its topics (every mapping row, up to three, is a right statement, so each
    row's facts are asked). Each wrong statement is one the guide could have made: a topic with another
    topic's domain and task, or with its own task and another domain's weight; never a task under a domain it
    does not belong to."""
    rows = facts.exam.mapping
    if len(rows) < RIGHT_PER_MULTIPLE_RESPONSE:
        return None
    asked = rows[: max(COUNT_WORDS)]
    question_id = "exam-guide-mapping"

    def statement(topic: str, domain: Fact, task: Fact, weight: Fact) -> str:
        return facts.sentence(CopyKey.PRACTICE_EXAM_GUIDE_STATEMENT, topic=topic, domain=domain.short, weight=weight.short, task=task.short)

    def objective(row: ExamMapping) -> str:
        key = CopyKey.PRACTICE_EXAM_GUIDE_OBJECTIVE_THIRD_PARTY if row.objective.kind is Kind.THIRD_PARTY else CopyKey.PRACTICE_EXAM_GUIDE_OBJECTIVE
        return facts.sentence(key, objective=f"{{{row.objective.id}}}")

    right = [
        Option(
            statement(row.topic, row.domain, row.task, row.weight),
            facts.sentence(CopyKey.PRACTICE_EXAM_GUIDE_RIGHT, domain=f"{{{row.domain.id}}}", task=f"{{{row.task.id}}}", objective=objective(row)),
            (row.domain.id, row.task.id, row.weight.id, row.objective.id),
        )
        for row in asked
    ]
    wrong: list[Option] = []
    for row in asked:
        for other in (other for other in rows if other is not row):
            for text in (statement(row.topic, other.domain, other.task, other.weight), statement(row.topic, row.domain, row.task, other.weight)):
                if text not in {option.text for option in (*right, *wrong)}:
                    wrong.append(
                        Option(
                            text,
                            facts.sentence(
                                CopyKey.PRACTICE_EXAM_GUIDE_WRONG,
                                domain=f"{{{row.domain.id}}}",
                                weight=f"{{{row.weight.id}}}",
                                task=f"{{{row.task.id}}}",
                            ),
                            (row.domain.id, row.task.id, row.weight.id),
                        )
                    )
    wrong = sorted(wrong, key=lambda option: _hash(question_id, option.text))[: RESPONSES_PER_MULTIPLE_RESPONSE - len(right)]
    if len(wrong) < RESPONSES_PER_MULTIPLE_RESPONSE - len(right):
        return None
    words = facts.page_copy[COUNT_WORDS[len(right)]]
    stem = facts.sentence(CopyKey.PRACTICE_EXAM_GUIDE_STEM, exam=facts.meta.exam, number=words.lower(), count=words)
    return _choice(question_id, right, wrong, type=QuestionType.MULTIPLE_RESPONSE, topic=Topic.EXAM_GUIDE, stem=stem)


def answer_text(question: Question) -> str:
    """'B', 'A, C', 'C, A, B' (ordering) or '1 → B; 2 → A' (matching)."""
    if question.type is QuestionType.MATCHING:
        return "; ".join(f"{number} → {LETTERS[index]}" for number, index in enumerate(question.answer, start=1))
    return ", ".join(LETTERS[index] for index in question.answer)


@per_object
def all_questions(facts: Facts) -> list[Question]:
    """Every practice question, in the order the page shows them."""
    questions = [scenario_question(facts, scenario) for scenario in facts.practice.scenarios]
    for case in facts.practice.case_studies:
        questions += case_study_questions(facts, case)
    questions += claims_questions(facts)
    questions += [
        question
        for question in (
            baselines_question(facts),
            chips_question(facts),
            generations_question(facts),
            worked_example_question(facts),
            exam_guide_question(facts),
        )
        if question is not None
    ]
    questions += [fact_check_question(facts, check_id) for check_id in facts.fact_checks]
    questions = [question if question.exam else replace(question, exam=facts.practice.tasks.get(question.topic.value)) for question in questions]
    return spread_keys(questions)


SINGLE_ANSWER = (QuestionType.MULTIPLE_CHOICE, QuestionType.CASE_STUDY)


def spread_keys(questions: Sequence[Question]) -> list[Question]:
    """The questions with each single answer moved to a position dealt in turn: within each practice set, the
    questions taken in the order of a hash of their ids get the first position, the second, and so on round
    again. So no position holds more than its share of a set's keys, and the page's order shows no pattern.
    The other options keep their stable shuffled order."""
    positions: dict[str, int] = {}
    for practice_set in ("exam-style", "drill"):
        dealt = sorted(
            (q for q in questions if q.type in SINGLE_ANSWER and len(q.answer) == 1 and q.practice_set == practice_set),
            key=lambda question: _hash("key", question.id),
        )
        positions |= {question.id: turn % len(question.options) for turn, question in enumerate(dealt)}
    return [_key_at(question, positions[question.id]) if question.id in positions else question for question in questions]


def _key_at(question: Question, position: int) -> Question:
    key = question.options[question.answer[0]]
    others = [option for index, option in enumerate(question.options) if index != question.answer[0]]
    return replace(question, options=(*others[:position], key, *others[position:]), answer=(position,))


@dataclass(frozen=True)
class Coverage:
    """What the questions cover: each rule, fact check and exam-scoped fact, with the ids of its questions."""

    rules: Mapping[str, tuple[str, ...]]
    checks: Mapping[str, tuple[str, ...]]
    facts: Mapping[str, tuple[str, ...]]

    @property
    def missing(self) -> list[str]:
        gaps = [("rule", self.rules), ("fact check", self.checks), ("fact", self.facts)]
        return [f"{what} {name}" for what, covered in gaps for name, ids in covered.items() if not ids]


def coverage(facts: Facts, questions: Sequence[Question]) -> Coverage:
    def about(test: object) -> tuple[str, ...]:
        return tuple(question.id for question in questions if test(question))  # type: ignore[operator]

    return Coverage(
        rules={rule.id: about(lambda q, r=rule.id: r in q.rules[: len(facts.decision.tables)]) for rule in facts.decision.rules},
        checks={check_id: about(lambda q, c=check_id: c in q.checks) for check_id in facts.fact_checks},
        facts={fact.id: about(lambda q, f=fact.id: f in q.facts) for fact in facts.facts.values() if fact.scope is Scope.AIF_C01},
    )
