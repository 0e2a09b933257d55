"""How much of the exam-style practice set a candidate who knows no AWS could answer by matching words.

A naive solver reads each stem and scores each option by cues a reader needs no AWS knowledge for, beyond which
chip each instance family carries: a word about training next to Trainium (Trn2), about serving next to Inferentia
(Inf2), graphics cards next to NVIDIA (P5, G6), a tree model next to a CPU (Graviton, C7g), a person who waits
next to "real-time", megabytes next to "Asynchronous", a whole dataset next to "batch", a slow first answer next to
"Serverless". (Options name families in AWS's style, "Amazon EC2 Inf2 instances", so the solver is told the
families' chips; without that it would score lower for a reason no stem deserves credit for.) It picks the best-scored option (the best two for
"Select TWO"); a tie counts as a guess among the tied options. Issue #23 asks that at most a tenth of the set be
answerable from wording alone; this solver is a floor for that figure, not the reviewer's judgement.

Beside it, a second solver that reads no stem at all: it picks the option whose way of serving and hardware recur
most among the other options (`practice.centroid_chance`), the cue a set of distractors each one attribute from the
key gives away. It is scored on the single-answer items; a guess among four gets a quarter.

A third reads no stem either: among options that pair a way of serving with hardware, it picks one whose hardware
no other option names (a blind review found the key's hardware alone in its set 23 times in 28); with several such
options it guesses among them, with none among all four.

Run from the repository root:   .venv/bin/python measurements/practice_wording.py [FACTS_FILE]
It prints the share each solver gets right (the word solver overall, by the kind of key, and the items it gets right).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import chipwise
from chipwise.study import practice

CUES: tuple[tuple[str, str, float], ...] = (
    # (pattern in the stem, pattern in an option: a chip or the families that carry it, or a way of serving; weight)
    (r"\b(train|trains|training|retrain\w*|pre-train\w*|fine-tun\w*|adapt\w*|from scratch)\b", r"Trainium|\bTrn\d", 2),
    (r"\b(serve\w*|hosts?|inference|predict\w*|scores?|answers?)\b", r"Inferentia|\bInf\d", 1),
    (r"\b(GPUs?|graphics cards?|CUDA|cu[A-Z]\w+|TensorRT\w*)\b", r"NVIDIA|\bP5|\bG6", 2),
    (r"\b(trees?|XGBoost|LightGBM|scikit-learn|logistic|random forest|gradient-boost\w*)\b", r"Graviton|\bC7g", 2),
    (r"\b(waits?|at once|within (a|one) second|milliseconds?|as they type|live)\b", "real-time", 1),
    (r"\b\d+\s*MB\b", "Asynchronous", 1),
    (r"\b(once a|overnight|every night|month-end|quarter|whole|all \d+ million|by morning)\b", "batch", 1),
    (r"\b(first \w+ (of|after|at|before)|slow(er)? first|quiet spell|few questions a week)\b", "Serverless", 1),
)


def score(stem: str, option: str) -> float:
    return sum(weight for pattern, word, weight in CUES if re.search(word, option, re.IGNORECASE) and re.search(pattern, stem, re.IGNORECASE))


def expected_right(question: practice.Question) -> float:
    """The chance the naive solver answers the question right (1 / number of tied best picks when the key is one)."""
    text = question.stem + (" " + question.case.background if question.case else "")
    picks = len(question.answer)
    scores = [score(text, option.text) for option in question.options]
    choices = list(combinations(range(len(question.options)), picks))
    best = max(sum(scores[index] for index in choice) for choice in choices)
    tied = [choice for choice in choices if sum(scores[index] for index in choice) == best]
    return sum(question.is_right(choice) for choice in tied) / len(tied)


def main(facts_file: str | None) -> None:
    facts = chipwise.load_facts(Path(facts_file)) if facts_file else chipwise.load_facts()
    kinds = (*practice.SINGLE_ANSWER, practice.QuestionType.MULTIPLE_RESPONSE)
    items = [q for q in practice.all_questions(facts) if q.practice_set == "exam-style" and q.type in kinds]
    by_key: dict[str, list[float]] = defaultdict(list)
    right = []
    for question in items:
        chance = expected_right(question)
        key = " + ".join(question.options[index].text.split(" on ")[-1] for index in question.answer)
        by_key[key].append(chance)
        if chance == 1:
            right.append(question.id)
    total = sum(sum(chances) for chances in by_key.values())
    print(f"naive keyword solver: {total:.1f} of {len(items)} exam-style items right ({total / len(items):.0%}); {len(right)} without a guess")
    for key, chances in sorted(by_key.items(), key=lambda pair: -len(pair[1])):
        print(f"  {key}: {sum(chances):.1f} of {len(chances)}")
    print("answered without a guess:", ", ".join(right))
    single = [q for q in items if q.type in practice.SINGLE_ANSWER and len(q.answer) == 1]
    for name, measure in (("centroid", practice.centroid_chance), ("lone-hardware", practice.lone_hardware_chance)):
        found = sum(measure([option.text for option in q.options], q.answer[0]) for q in single)
        print(f"{name} solver (no stem read): {found:.1f} of {len(single)} single-answer items right ({found / len(single):.0%})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
