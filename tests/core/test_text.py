"""wirewatch.text: sentence splitting and hashing."""

from __future__ import annotations

from wirewatch.text import content_hash, sentences


def test_titles_initials_and_dated_months_stay_inside_their_sentence() -> None:
    text = ("The toll from the Nov. 24 bombing has risen to 92. Police said Sgt. Jones was "
            "hurt. Mr. Smith met Gen. Ali and J. Doe. U.S. troops left at dawn.")
    assert sentences(text) == [
        "The toll from the Nov. 24 bombing has risen to 92.",
        "Police said Sgt. Jones was hurt.",
        "Mr. Smith met Gen. Ali and J. Doe.",
        "U.S. troops left at dawn.",
    ]


def test_paragraphs_quotes_and_question_marks_end_sentences() -> None:
    text = 'He asked: "Who fired?" Nobody answered.\nA new paragraph starts here'
    assert sentences(text) == ['He asked: "Who fired?"', "Nobody answered.",
                               "A new paragraph starts here"]


def test_the_hash_ignores_case_and_punctuation() -> None:
    assert content_hash("Two killed, ten hurt.") == content_hash("two KILLED ten hurt")
