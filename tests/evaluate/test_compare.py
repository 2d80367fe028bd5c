"""Tests of storyline.evaluate.compare on tiny hand-built cases."""

from __future__ import annotations

import random

from storyline.evaluate.compare import Case, Counts, _spin, build_case, format_table, score_case
from storyline.evaluate.multinews import Cluster
from storyline.model import Article, Comparison, Conflict, ConflictSide, Copy

TEXT = "\n\n".join([
    "Rescuers pulled 12 people from the river on Monday after a ferry capsized near Dover, officials said.",
    "The ferry, operated by Channel Lines, was carrying 40 passengers when it hit a sandbank in fog.",
    "Coast guard spokesman John Harper said two helicopters joined the search before noon.",
    "Survivors were taken to a hospital in Dover, where doctors treated them for cold.",
    "John Harper said the search would resume on Tuesday morning if the weather allowed.",
])


def _side(article: str, start: int, end: int) -> ConflictSide:
    return ConflictSide(article, article, 0, 10, "x", "v", start, end)


def test_evaluate_compare_scores_hand_counted_predictions():
    case = Case((), frozenset({frozenset(("a", "a-copy"))}), (("a", "a-copy", 5, 7, "number"),), "spun")
    right = Conflict("number", "people", (_side("a", 5, 7), _side("a-copy", 5, 7)))
    wrong = Conflict("number", "people", (_side("a", 50, 52), _side("b", 50, 52)))
    result = Comparison((), (), (), (right, wrong),
                        (Copy("a", "a-copy", "copy", 1.0, ()), Copy("a", "b", "passages", 0.1, ())))
    copies, conflicts = (Counts(), Counts()), Counts()
    score_case(case, result, copies, conflicts)
    assert (copies[0].tp, copies[0].predicted, copies[0].gold) == (1, 2, 1)
    assert copies[0].precision == 0.5 and copies[0].recall == 1.0
    assert (copies[1].tp, copies[1].predicted) == (1, 1)
    assert (conflicts.tp, conflicts.predicted, conflicts.gold, conflicts.real_only) == (1, 2, 1, 1)
    assert "conflicts" in format_table(copies, conflicts, 1)


def test_evaluate_compare_builds_the_same_case_for_the_same_seed():
    cluster = Cluster("c", (Article(TEXT, id="c-0"), Article("Short note on the ferry.", id="c-1")), "ref")
    donor = Article("Another story entirely.\n\nIt has two paragraphs.", id="d")
    first = build_case(cluster, donor, random.Random(3))
    second = build_case(cluster, donor, random.Random(3))
    assert first == second and first is not None
    copy = next(a for a in first.articles if a.id == "c-0-copy")
    assert frozenset(("c-0", "c-0-copy")) in first.copies
    for _, copy_id, start, end, _ in first.conflicts:
        assert copy_id == copy.id and copy.text[start:end] not in ("", None)


def test_evaluate_compare_spin_swaps_words_and_keeps_case():
    assert _spin("People said the city began") == "Individuals stated the town started"


def test_evaluate_compare_plants_numbers_without_gluing_them_to_the_word_before():
    cluster = Cluster("c", (Article(TEXT, id="c-0"), Article("Short note on the ferry.", id="c-1")), "ref")
    donor = Article("Another story entirely.\n\nIt has two paragraphs.", id="d")
    for seed in range(40):
        case = build_case(cluster, donor, random.Random(seed))
        for _, copy_id, start, end, kind in case.conflicts if case else ():
            text = next(a for a in case.articles if a.id == copy_id).text
            if kind == "number":
                assert text[start - 1] == " " and text[start:end].isdigit(), text[start - 10:end + 5]


def test_evaluate_compare_plants_conflicts_only_in_text_from_the_cluster():
    donor_text = "The 40 delegates met on Monday in Geneva with Maria Lopez and John Harper.\n\nThey talked."
    cluster = Cluster("c", (Article(TEXT, id="c-0"), Article("Short note on the ferry.", id="c-1")), "ref")
    for seed in range(40):
        case = build_case(cluster, Article(donor_text, id="d"), random.Random(seed))
        for _, copy_id, start, end, _ in case.conflicts if case else ():
            text = next(a for a in case.articles if a.id == copy_id).text
            line = text[text.rfind("\n", 0, start) + 1:text.find("\n", end) if "\n" in text[end:] else len(text)]
            assert "delegates" not in line and "They talked" not in line


def test_evaluate_compare_a_copy_of_a_duplicate_is_a_gold_copy_of_both():
    twin = Article(TEXT.replace(" in fog", ""), id="c-1")  # shorter: c-0 is the one copied
    cluster = Cluster("c", (Article(TEXT, id="c-0"), twin), "ref")
    case = build_case(cluster, Article("Another story.\n\nTwo paragraphs.", id="d"), random.Random(1))
    assert {frozenset(("c-0", "c-1")), frozenset(("c-0", "c-0-copy")), frozenset(("c-1", "c-0-copy"))} <= case.copies
