"""The practice mode in a real browser: it brings the questions in from the topic pages (and keeps working
offline once the reader has moved, scrolled or typed on the page), a full run is scored right, a wrong
answer shows in the review, it works from the keyboard alone, axe finds nothing, and progress survives a
reload until reset. Without JavaScript the topic pages list every question."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from chipwise.guide.model import Facts
from chipwise.study import practice
from chipwise.study.practice import Question, QuestionType
from tests.site.browser.support import open_page
from tests.support import nonempty

pytestmark = pytest.mark.browser


def _answer(page: Page, question: Question, *, right: bool = True) -> None:
    """Answer one question with the mouse-free API of each control."""
    section = page.locator(f'section[data-id="{question.id}"]')
    answer = list(question.answer)
    if not right:
        answer = answer[1:] + answer[:1] if len(answer) > 1 else [(answer[0] + 1) % len(question.options)]
    if question.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.CASE_STUDY, QuestionType.MULTIPLE_RESPONSE):
        for index in answer:
            section.locator(f'input[value="{index}"]').check()
    elif question.type is QuestionType.ORDERING:
        for position, index in enumerate(answer):
            section.locator(f'li[data-option="{index}"] select').select_option(str(position))
    else:
        for prompt, index in enumerate(answer):
            section.locator(f'li[data-prompt="{prompt}"] select').select_option(str(index))


def _start(page: Page) -> None:
    """Start the chosen set; the first start waits for the questions to arrive from the topic pages."""
    page.click("text=Start practice")
    page.wait_for_selector("body.chipwise-practising")


def _result(page: Page) -> str:
    page.click('[data-action="submit"]')
    return page.locator(".chipwise-practice__result").inner_text()


def _score(questions: list[Question], wrong: frozenset[str] = frozenset()) -> str:
    """The score line's first sentence: exam-style questions only, drills counted apart."""
    exam = [q for q in questions if q.practice_set != "drill"]
    drills = [q for q in questions if q.practice_set == "drill"]
    exam_right = sum(q.id not in wrong for q in exam)
    drills_right = sum(q.id not in wrong for q in drills)
    if not exam:
        return f"Drills: {drills_right} of {len(drills)} right ({round(100 * drills_right / len(drills))}%)."
    line = f"You scored {exam_right} of {len(exam)} ({round(100 * exam_right / len(exam))}%)"
    return line + (f" on the exam-style questions. Drills, not counted in that score: {drills_right} of {len(drills)} right." if drills else ".")


def _choose_type(page: Page, facts: Facts, kind: QuestionType) -> list[Question]:
    """Choose the set of one question type; its questions, in the bank's order."""
    page.check('input[name="set"][value="type"]')
    page.select_option('select[name="type"]', kind.value)
    return [q for q in practice.all_questions(facts) if q.type is kind]


def _answer_every_question_right(page: Page, questions: list[Question]) -> None:
    """Start the whole set, answer every question right, submit: the score is 100%."""
    _start(page)
    for question in questions:
        _answer(page, question)
    assert _result(page) == _score(questions) + " Every answer is right."


def test_a_full_run_with_every_answer_right_scores_100(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        questions = practice.all_questions(facts)
        _answer_every_question_right(page, questions)
        assert page.locator(".chipwise-q--wrong").count() == 0
        assert page.locator(".chipwise-q__why:visible").count() == sum(len(q.options) for q in questions)
        assert log.problems() == []
    finally:
        page.context.close()


def test_once_the_reader_has_touched_the_page_practice_works_offline(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        page.mouse.move(10, 10)  # any first interaction fetches the topic pages' text
        page.wait_for_selector('form.chipwise-practice[data-fetched="true"]', state="attached")
        page.context.set_offline(True)
        _answer_every_question_right(page, practice.all_questions(facts))
        assert log.problems() == []
    finally:
        page.context.close()


def test_one_wrong_answer_shows_in_the_review_and_can_be_retried(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        page.evaluate("localStorage.clear()")
        questions = practice.all_questions(facts)
        wrong = next(question for question in questions if question.type is QuestionType.MATCHING)
        _start(page)
        for question in questions:
            _answer(page, question, right=question is not wrong)
        total = len(questions)
        assert _result(page).startswith(_score(questions, frozenset({wrong.id})))
        missed = page.locator(".chipwise-q--wrong")
        assert missed.count() == 1 and missed.get_attribute("data-id") == wrong.id
        assert "Not right: the answer is" in missed.locator(".chipwise-q__verdict").inner_text()
        assert missed.locator(".chipwise-q__why").first.is_visible()

        page.click('[data-action="retry"]')
        assert page.locator("section.chipwise-q:visible").count() == 1
        _answer(page, wrong)
        assert _result(page).startswith(_score([wrong], frozenset()))
        page.reload()
        assert f"{total} of {total} questions answered, {total} right" in page.locator(".chipwise-practice__progress").inner_text()
        page.click('[data-action="reset"]')
        assert page.locator(".chipwise-practice__progress").inner_text() == "No progress saved in this browser yet."
    finally:
        page.context.close()


def test_choosing_a_set_by_type_topic_or_at_random(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        questions = practice.all_questions(facts)
        page.check('input[name="set"][value="type"]')
        page.select_option('select[name="type"]', "ordering")
        _start(page)
        assert page.locator("section.chipwise-q:visible").count() == sum(q.type is QuestionType.ORDERING for q in questions)
        page.check('input[name="set"][value="topic"]')
        page.select_option('select[name="topic"]', "exam-notes")
        _start(page)
        in_topic = [q for q in questions if q.topic.value == "exam-notes"]
        cases = {q.case.id for q in in_topic if q.case is not None}
        whole = [q for q in questions if q in in_topic or (q.case is not None and q.case.id in cases)]
        assert page.locator("section.chipwise-q:visible").count() == len(whole)
        page.check('input[name="set"][value="random"]')
        page.fill('input[name="count"]', "3")
        _start(page)
        assert page.locator("section.chipwise-q:visible").count() == 3
    finally:
        page.context.close()


def test_practice_works_from_the_keyboard_alone(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        page.focus('input[name="set"][value="all"]')
        page.keyboard.press("ArrowRight")  # radio group: "By type"
        page.keyboard.press("Tab")  # the type list, the default of which is multiple choice
        assert page.evaluate("document.activeElement.name") == "type"
        for _ in range(10):  # past the other controls and the timed mode's links
            if page.evaluate("document.activeElement.textContent") == "Start practice":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_selector("body.chipwise-practising")
        shown = [q for q in practice.all_questions(facts) if q.type is QuestionType.MULTIPLE_CHOICE]
        assert page.evaluate("document.activeElement.id") == f"q-{shown[0].id}-title"
        for question in shown:
            for _ in range(20):  # past any link in the stem, into the question's radio group
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.name") == f"answer-{question.id}":
                    break
            radios = page.locator(f'section[data-id="{question.id}"] input[type="radio"]')
            shown_order = radios.evaluate_all("inputs => inputs.map(input => Number(input.value))")
            position = shown_order.index(question.answer[0])
            for _ in range(position):
                page.keyboard.press("ArrowDown")
            if position == 0:
                page.keyboard.press("Space")
        while page.evaluate("document.activeElement.dataset.action") != "submit":
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.classList.contains('chipwise-practice__result')")
        assert page.locator(".chipwise-practice__result").inner_text().startswith(_score(shown))
    finally:
        page.context.close()


@pytest.mark.parametrize("state", ["start", "review"])
def test_axe_finds_nothing_in_practice_mode(browser: Browser, site_url: str, facts: Facts, state: str) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        if state == "review":
            _start(page)
            _result(page)
            page.click('[data-action="submit"]')  # unanswered: the first Submit warns, the second scores
            page.locator(".chipwise-q__mark").first.wait_for()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.context.close()


def test_questions_keep_their_links_when_brought_in_from_their_topic_page(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        _start(page)
        links = page.locator(".chipwise-practice__questions a[href]")
        assert links.count() > 0
        for href in nonempty(links.evaluate_all("links => links.map(link => link.href)")):
            assert href.startswith(site_url + "sources/#fact-"), href
        first = page.locator(".chipwise-practice__questions h3").first
        assert first.inner_text().startswith(f"Question 1 of {len(practice.all_questions(facts))}")
        assert log.problems() == []
    finally:
        page.context.close()


def test_without_javascript_the_topic_pages_show_every_question_with_its_answer_and_explanations(
    browser: Browser, site_url: str, facts: Facts
) -> None:
    page, _ = open_page(browser, site_url + "quiz/", javascript=False)
    try:
        assert page.locator(".chipwise-practice__controls").evaluate("fieldset => fieldset.disabled")
        topic_pages = page.locator("a.chipwise-practice__page").evaluate_all("links => links.map(link => link.href)")
        questions = practice.all_questions(facts)
        sections = answers = explanations = 0
        for url in topic_pages:
            page.goto(url)
            sections += page.locator("section.chipwise-q:visible").count()
            answers += page.locator(".chipwise-q__answer:visible").count()
            explanations += page.locator(".chipwise-q__why:visible").count()
        assert (sections, answers, explanations) == (len(questions), len(questions), sum(len(q.options) for q in questions))
    finally:
        page.context.close()


def test_a_second_submit_adds_no_second_verdict_and_unanswered_questions_are_warned_of_first(
    browser: Browser, site_url: str, facts: Facts
) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        shown = _choose_type(page, facts, QuestionType.MULTIPLE_CHOICE)
        _start(page)
        for question in shown[1:]:
            _answer(page, question)
        warning = _result(page)
        assert warning.startswith("Question 1 is not answered yet") and "Submit answers again" in warning
        assert page.locator(".chipwise-q__verdict").count() == 0, "nothing is scored before the reader confirms"
        assert _result(page).startswith(_score(shown, frozenset({shown[0].id})))
        assert page.locator(".chipwise-q__verdict").count() == len(shown)
        page.locator('[data-action="submit"]').evaluate("button => button.click()")  # disabled: no second verdict
        assert page.locator(".chipwise-q__verdict").count() == len(shown)
        assert log.problems() == []
    finally:
        page.context.close()


def test_an_ordering_with_a_position_used_twice_is_not_an_answer(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        question = _choose_type(page, facts, QuestionType.ORDERING)[0]
        _start(page)
        section = page.locator(f'section[data-id="{question.id}"]')
        for select in section.locator("li[data-option] select").all():
            select.select_option("0")
        assert "not answered yet" in _result(page)
    finally:
        page.context.close()


def test_review_marks_the_pick_and_the_key_and_sets_each_explanation_apart(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        question = _choose_type(page, facts, QuestionType.MULTIPLE_CHOICE)[0]
        _start(page)
        _answer(page, question, right=False)
        _result(page)
        _result(page)
        section = page.locator(f'section[data-id="{question.id}"]')
        key = section.locator(f'li[data-option="{question.answer[0]}"]')
        assert "chipwise-q__option--key" in str(key.get_attribute("class"))
        assert key.locator(".chipwise-q__mark").inner_text() == "The right answer"
        assert section.locator(".chipwise-q__option--picked .chipwise-q__mark").inner_text() == "Your answer"
        why = key.locator(".chipwise-q__why")
        assert why.evaluate("element => getComputedStyle(element).display") == "block"
    finally:
        page.context.close()


def test_options_change_order_between_attempts_and_the_answer_line_follows(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        page.evaluate("localStorage.clear()")
        shown = _choose_type(page, facts, QuestionType.MULTIPLE_CHOICE)
        orders = []
        for _ in range(2):
            _start(page)
            read = "items => items.map(item => item.dataset.option)"
            orders.append([page.locator(f'section[data-id="{q.id}"] li[data-option]').evaluate_all(read) for q in shown])
            for question in nonempty(shown):
                section = page.locator(f'section[data-id="{question.id}"]')
                position = orders[-1][shown.index(question)].index(str(question.answer[0]))
                assert section.locator(".chipwise-q__answer").inner_text() == f"Answer: {'ABCDEFGH'[position]}"
        assert orders[0] != orders[1]
        for question in shown:
            _answer(page, question)
        assert _result(page).startswith(_score(shown))
    finally:
        page.context.close()


def test_wrong_answers_can_be_practised_again_after_a_reload(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        page.evaluate("localStorage.clear()")
        orderings = _choose_type(page, facts, QuestionType.ORDERING)
        question = orderings[0]
        _start(page)
        for each in orderings:
            _answer(page, each, right=each is not question)
        assert _result(page).startswith(_score(orderings, frozenset({question.id})))
        page.reload()
        retry = page.locator('[data-action="retry"]')
        assert retry.inner_text() == "Practise my wrong answers" and retry.is_enabled()
        retry.click()
        page.wait_for_selector("body.chipwise-practising")
        assert page.locator("section.chipwise-q:visible").count() == 1
        assert page.locator(f'section[data-id="{question.id}"]').is_visible()
    finally:
        page.context.close()


def test_a_topic_set_keeps_a_case_study_whole_and_links_open_in_a_new_tab(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "quiz/")
    try:
        questions = practice.all_questions(facts)
        cases = {q.case.id for q in questions if q.case is not None and q.topic.value == "choosing"}
        assert cases
        page.check('input[name="set"][value="topic"]')
        page.select_option('select[name="topic"]', "choosing")
        _start(page)
        visible = set(page.locator("section.chipwise-q:visible").evaluate_all("sections => sections.map(section => section.dataset.id)"))
        for question in nonempty(questions):
            if question.case is not None and question.case.id in cases:
                assert question.id in visible, question.id
        links = page.locator("section.chipwise-q:visible a[href]")
        assert links.count() > 0
        assert set(links.evaluate_all("links => links.map(link => link.target)")) == {"_blank"}
    finally:
        page.context.close()


def test_drills_stay_out_of_the_score_and_each_exam_domain_gets_its_own(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        questions = practice.all_questions(facts)
        exam_style = [q for q in questions if q.practice_set == "exam-style" and q.type is QuestionType.MULTIPLE_CHOICE]
        drill = next(q for q in questions if q.practice_set == "drill")
        missed = exam_style[0]
        wrong = frozenset({missed.id, drill.id})
        _start(page)
        assert page.locator(".chipwise-q__why:visible").count() == 0, "no explanation shows before the answers are submitted"
        assert page.locator(f'section[data-id="{missed.id}"] .chipwise-q__domain').inner_text() == missed.exam.domain.source.title  # type: ignore[union-attr]
        for question in questions:
            _answer(page, question, right=question.id not in wrong)
        assert _result(page).startswith(_score(questions, wrong))
        assert "Drills, not counted in that score" in page.locator(".chipwise-practice__result").inner_text()
        rows = page.locator(".chipwise-practice__domains li")
        expected = {}
        for question in (q for q in questions if q.practice_set == "exam-style" and q.exam is not None):
            asked, right = expected.get(question.exam.domain.id, (0, 0))
            expected[question.exam.domain.id] = (asked + 1, right + (question.id not in wrong))
        # Every domain of the exam mapping but Domain 3's customization costs, which only the exam-guide drill asks.
        assert rows.count() == len(expected) == len({row.domain.id for row in facts.exam.mapping} - {"exam.customization_domain"})
        for domain_id, (asked, right) in expected.items():
            row = page.locator(f'.chipwise-practice__domains li[data-domain="{domain_id}"]')
            title = facts.facts[domain_id].source.title  # type: ignore[union-attr]
            assert row.inner_text() == f"{title}: {right} of {asked} ({round(100 * right / asked)}%)", domain_id
        assert log.problems() == []
    finally:
        page.context.close()


def test_a_timed_set_keeps_the_exams_pace_from_the_keyboard_and_is_scored_when_time_runs_out(
    browser: Browser, site_url: str, facts: Facts
) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        page.clock.install()
        page.reload()
        orderings = [q for q in practice.all_questions(facts) if q.type is QuestionType.ORDERING]
        page.focus('input[name="set"][value="all"]')
        page.keyboard.press("ArrowRight")  # radio group: "By type"
        page.keyboard.press("Tab")  # the type list
        page.keyboard.press("ArrowDown")  # multiple choice → multiple response
        page.keyboard.press("ArrowDown")  # → ordering
        assert page.evaluate("document.activeElement.value") == "ordering"
        for _ in range(10):
            if page.evaluate("document.activeElement.name") == "timed":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        assert page.is_checked('input[name="timed"]')
        for _ in range(10):
            if page.evaluate("document.activeElement.textContent") == "Start practice":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_selector("body.chipwise-practising")
        exam_questions = int(facts.facts["exam.question_count"].value)  # type: ignore[call-overload]
        exam_minutes = int(facts.facts["exam.duration"].value)  # type: ignore[call-overload]
        allowed = round(len(orderings) * exam_minutes * 60 / exam_questions)
        timer = page.locator(".chipwise-practice__timer")
        assert timer.inner_text() == f"Time left: {allowed // 60}:{allowed % 60:02d}"
        _answer(page, orderings[0])
        page.clock.run_for((allowed - 1) * 1000)
        assert timer.inner_text() == "Time left: 0:01" and page.locator(".chipwise-q__verdict").count() == 0
        page.clock.run_for(1000)
        result = page.locator(".chipwise-practice__result").inner_text()
        assert result.startswith("Time is up. " + _score(orderings, frozenset(q.id for q in orderings[1:]))), result
        assert page.locator(".chipwise-q__verdict").count() == len(orderings) and timer.is_hidden()
        assert log.problems() == []
    finally:
        page.context.close()
