"""wirewatch.cleaning: raw message validation, text cleaning, duplicates."""

import orjson
import pytest

from schemas.records import RawArticle
from wirewatch.cleaning import (
    EmptyArticle,
    InvalidArticle,
    InvalidEncoding,
    InvalidField,
    MessageTooLarge,
    NotJSON,
    clean_article,
    clean_text,
    detect_language,
    parse_raw,
)

STORY = ("A bomb exploded near a bus station in the city on Monday, killing six people, "
         "police said.\nRescue teams searched the rubble for hours after the blast.")


def raw(**fields: object) -> bytes:
    base = {"id": "a1", "source": "Test Wire", "published_at": "2026-11-20T10:00:00Z",
            "body": STORY}
    return orjson.dumps({**base, **fields})


def test_parse_raw_accepts_a_valid_article() -> None:
    article = parse_raw(raw())
    assert article.id == "a1" and article.content_type == "text/plain"


@pytest.mark.parametrize("payload, error", [
    (b"{oops", NotJSON),
    (b'"just a string"', InvalidArticle),
    (b"[1, 2, 3]", InvalidArticle),
    (orjson.dumps({"id": "a1", "source": "s"}), InvalidArticle),          # no body
    (orjson.dumps({"id": "a1", "source": "s", "body": 12}), InvalidArticle),  # body not text
    (raw(body="   "), EmptyArticle),
    (b"\xc3\x28 not utf-8", InvalidEncoding),
])
def test_parse_raw_names_what_is_wrong(payload: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_raw(payload)


@pytest.mark.parametrize("published_at", [
    "yesterday", "", "9999-99-99", "2026-11-20", "2026-02-30T10:00:00Z", "2026-11-20T10:00:00",
    "20 Nov 2026 10:00 GMT",
])
def test_published_at_must_be_an_rfc3339_date_time(published_at: str) -> None:
    with pytest.raises(InvalidField, match="published_at"):
        parse_raw(raw(published_at=published_at))


@pytest.mark.parametrize("published_at", [
    "2026-11-20T10:00:00Z", "2026-11-20T10:00:00.250+05:30", "2026-11-20t10:00:00z",
])
def test_rfc3339_forms_are_accepted(published_at: str) -> None:
    assert parse_raw(raw(published_at=published_at)).published_at == published_at


def test_parse_raw_size_limit() -> None:
    with pytest.raises(MessageTooLarge):
        parse_raw(raw(body="x" * 2000), max_bytes=1000)


def test_boilerplate_lines_are_dropped_and_the_story_kept() -> None:
    body = (STORY + "\nShare this article on Facebook\n"
            "Copyright 2026 Test Wire. All rights reserved.\n"
            "Related: Floods hit the north 12:40 GMT\n"
            "Markets close higher 11:05 GMT\n")
    cleaned = clean_text(body)
    assert cleaned.text == STORY
    assert any("All rights reserved" in line for line in cleaned.removed)


@pytest.mark.parametrize("copy", [
    "A bomb exploded near a bus station in the city on Monday, killing six peo",
    "A bomb exploded near a bus station in the city on Monday, killing six people...",
    "A bomb exploded near a bus station in the city on Monday, killing…",
])
def test_a_cut_copy_of_a_paragraph_is_dropped(copy: str) -> None:
    for body in (f"{STORY}\n{copy}", f"{copy}\n{STORY}"):
        cleaned = clean_text(body)
        assert cleaned.text == STORY
        assert copy in cleaned.removed


def test_a_short_line_opening_a_paragraph_is_kept() -> None:
    body = "Police said.\nPolice said six people died in the blast."
    assert clean_text(body).text == body


def test_html_is_reduced_to_its_text() -> None:
    html = ("<html><head><title>t</title><script>var x = 1;</script></head><body>"
            "<nav><a href='/'>Home</a></nav><article><p>A bomb exploded near a bus station in "
            "the city on Monday, killing six people, police said.</p><p>Rescue teams searched "
            "the rubble for hours after the blast.</p></article></body></html>")
    text = clean_text(html, "text/html").text
    assert "killing six people" in text and "Rescue teams" in text
    assert "var x" not in text and "<p>" not in text


def test_mojibake_is_repaired() -> None:
    assert "café" in clean_text("The cafÃ© was hit by the blast on Monday.").text


def test_language_detection() -> None:
    assert detect_language(STORY) == "en"
    assert detect_language("Une bombe a explosé lundi près d'une gare routière, tuant six "
                           "personnes, selon la police locale.") == "fr"
    assert detect_language("12 34") == "und"


def test_clean_article_rejects_all_boilerplate() -> None:
    with pytest.raises(EmptyArticle):
        clean_article(RawArticle.from_dict(orjson.loads(raw(
            body="Copyright 2026 Test Wire. All rights reserved."))))


def test_non_english_articles_are_marked_and_not_extracted() -> None:
    from wirewatch.pipeline import analyse

    french = parse_raw(raw(body="Une bombe a explosé lundi près d'une gare routière de la "
                                "ville, tuant six personnes et en blessant vingt, selon la "
                                "police locale."))
    result = analyse(french)
    assert result.article.language == "fr"
    assert result.incidents == []


@pytest.mark.parametrize("paragraph", [
    "Just after 8:15pm a van packed with explosives blew up beside the checkpoint, "
    "killing four guards and wounding nine passers-by, the district governor said.",
    "The newspaper, which had fought a long copyright case against the ministry, said two "
    "of its reporters were among the dead when gunmen stormed the building on Tuesday.",
    "A spokesman said the first blast came at 06:10 GMT, shortly before the market filled, "
    "and a second one about twenty minutes later as rescuers arrived.",
])
def test_a_story_paragraph_is_never_furniture(paragraph: str) -> None:
    cleaned = clean_text(paragraph)
    assert cleaned.text == paragraph and cleaned.removed == []


@pytest.mark.parametrize("sentence", [
    "A roadside bomb killed 2 soldiers near Kandahar in Afghanistan.",
    "Gunmen killed 2 soldiers in Kandahar on Monday.",
    "A roadside bomb killed 3 soldiers near Kandahar.",
])
def test_a_short_english_flash_is_never_taken_for_another_language(sentence: str) -> None:
    assert detect_language(sentence) in ("en", "und")


@pytest.mark.parametrize("sentence, language", [
    ("Des hommes armés ont tué deux soldats près de Kandahar lundi.", "fr"),
    ("Bewaffnete töteten am Montag zwei Soldaten in der Nähe von Kandahar.", "de"),
    ("Hombres armados mataron a dos soldados cerca de Kandahar el lunes.", "es"),
])
def test_other_languages_are_still_recognised(sentence: str, language: str) -> None:
    assert detect_language(sentence) == language


@pytest.mark.parametrize("dump", [
    'string(900) "[{"id":"5512","sort":"81","type":"21","title":"Gunmen kill 18 in raid"}]"',
    '[{"id": "12", "slug": "bomb-kills-9", "section": "world", "views": 4410, "title": "x"}]',
    'array(3) { [0]=> string(12) "Nine killed" }',
])
def test_serialised_data_in_a_page_is_furniture(dump: str) -> None:
    story = "A bomb killed nine people at a bus station in Kano on Monday, police said."
    cleaned = clean_text(f"{story}\n{dump}")
    assert cleaned.text == story and cleaned.removed == [dump]


ENGLISH_REPORT = (
    "The governor said that the convoy had been travelling from the capital when the "
    "bomb went off, and that the wounded were taken to a hospital which was already "
    "full. Officials said they would give a fuller account of the attack after the "
    "search of the area, while the army said its units had sealed off the road.")


@pytest.mark.parametrize("paragraph", [
    "Lors d'une attaque contre un marché de la ville, au moins dix personnes ont été "
    "tuées mardi, a indiqué la police, qui a ajouté que le bilan pourrait encore "
    "s'alourdir dans les prochaines heures, selon des sources hospitalières locales "
    "citées par plusieurs médias du pays, alors que les secours fouillaient encore.",
    "Bei einem Anschlag auf einen Markt in der Stadt sind am Dienstag mindestens zehn "
    "Menschen getötet worden, teilte die Polizei mit, die hinzufügte, dass die Zahl der "
    "Opfer in den kommenden Stunden noch steigen könnte, wie mehrere Medien des Landes "
    "unter Berufung auf Krankenhäuser berichteten, während Helfer noch suchten.",
    "Bij een aanslag op een markt in de stad zijn dinsdag zeker tien mensen om het leven "
    "gekomen, meldt de politie, die eraan toevoegde dat het dodental de komende uren nog "
    "kan oplopen, volgens ziekenhuisbronnen die door meerdere media in het land werden "
    "geciteerd, terwijl reddingswerkers nog zochten naar overlevenden in het puin.",
])
def test_only_english_is_plainly_english(paragraph: str) -> None:
    from wirewatch.cleaning import plainly_english

    assert plainly_english(ENGLISH_REPORT)
    assert not plainly_english(paragraph)
    assert detect_language(paragraph) != "en"


def test_a_short_english_text_still_goes_to_the_detector() -> None:
    from wirewatch.cleaning import plainly_english

    assert not plainly_english("The bomb killed four people in the market, police said.")
