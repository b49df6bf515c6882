"""The clean stage's logic: raw bytes to the story's text, or a reason it cannot be.

HTML goes through trafilatura, text through ftfy; then line-level boilerplate
signals (copyright lines, "Source:" lines, timestamped related-headline lists,
share/subscribe furniture) drop the publisher's furniture and keep every sentence
of the story.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import ftfy

from schemas import codec
from schemas.records import CleanArticle, RawArticle, RecordError
from wirewatch import dates
from wirewatch.text import content_hash


class InvalidArticle(ValueError):
    """A raw message that cannot become a clean article; the message says why."""


class MessageTooLarge(InvalidArticle):
    """The raw message is over the configured size limit."""


class InvalidEncoding(InvalidArticle):
    """The raw message is not valid UTF-8."""


class NotJSON(InvalidArticle):
    """The raw message is not JSON."""


class NotAnObject(InvalidArticle):
    """The raw message is JSON, but not an object."""


class InvalidField(InvalidArticle):
    """A required field is missing, or a field has the wrong type or value."""


class EmptyArticle(InvalidArticle):
    """Nothing of the story is left after cleaning."""


BOILERPLATE = re.compile(
    r"(©|\(c\)\s*\d{4}|^\s*copyright\b|\bcopyright\s*(©|\(c\)|\d{4})|all rights reserved|"
    r"rights reserved to|"
    r"^\s*source\s*:|^\s*sources?\s*[-–]|maintained and developed by|^\s*(follow|like) us\b|"
    r"^\s*share (this|on)\b|^\s*(click|tap) here\b|^\s*subscribe\b|^\s*sign up\b|"
    r"^\s*read (more|also)\b|^\s*related( articles| stories| news)?\s*:|^\s*advertisement\s*$|"
    r"^\s*(photo|image|picture)\s*(credit)?\s*:|^\s*tags?\s*:|^\s*(reporting|editing|"
    r"writing) by\b|^\s*(by|from) [A-Z][a-z]+ [A-Z][a-z]+\s*$|^\s*posted (on|by)\b|"
    r"^\s*(updated|published)\s*:?\s*\d|^[^.]{0,60}\bnewsletters?\b[^.]*$|"
    r"^[^.]{0,60}\bcookies?\b.*\b(policy|consent)|"
    r"^\s*(home|news|world|sport|business)\s*(\||>|›)|^\s*\d+\s+comments?\s*$|"
    r"^\s*(facebook|twitter|whatsapp|linkedin|email|print)\s*$)",
    re.I,
)
#: a headline-list line starts or ends with its time stamp ("... in Syria GMT 03:41 2017
#: Sunday ,23 April"); a time inside a sentence ("at 06:10 GMT, shortly before") is story
TIMESTAMP = re.compile(
    r"((GMT|UTC)\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}\s*(GMT|UTC))\b[^.!?]*$|"
    r"^\s*((GMT|UTC)\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}\s*(GMT|UTC))\b|"
    r"\b\d{4}\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,", re.I,
)
#: page furniture (bylines, footers, headline links) is short; a line longer than this is
#: story text even when it mentions copyright, a newsletter or a GMT time
FURNITURE_MAX_WORDS = 30
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


@dataclass(slots=True)
class CleanText:
    """The story's text and the lines dropped from it."""

    text: str
    removed: list[str] = field(default_factory=list)


def parse_raw(payload: bytes, max_bytes: int = 1_000_000) -> RawArticle:
    """Decode and validate one raw message; raises :class:`InvalidArticle` with the reason."""
    if len(payload) > max_bytes:
        raise MessageTooLarge(f"message is {len(payload)} bytes, over the {max_bytes}-byte limit")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncoding(f"message is not valid UTF-8 ({exc.reason} at byte {exc.start})") \
            from exc
    try:
        data = codec.decode(text)
    except codec.DecodeError as exc:
        raise NotJSON(f"message is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise NotAnObject(f"message must be a JSON object, got {type(data).__name__}")
    try:
        raw = RawArticle.from_dict(data)
    except RecordError as exc:
        raise InvalidField(str(exc)) from exc
    if not raw.id.strip():
        raise InvalidField("field 'id' is empty")
    if not dates.is_rfc3339(raw.published_at):
        raise InvalidField(f"field 'published_at' is not an RFC 3339 date-time: "
                           f"{raw.published_at[:40]!r}")
    if not raw.body.strip():
        raise EmptyArticle("field 'body' is empty")
    return raw


def html_to_text(html: str) -> str:
    """The main text of an HTML page, one paragraph a line."""
    import trafilatura

    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True,
        deduplicate=False, output_format="txt",
    )
    if extracted:
        return extracted
    from lxml import html as lxml_html

    try:
        return str(lxml_html.fromstring(html).text_content())
    except Exception:  # lxml raises several unrelated types on junk input
        return re.sub(r"<[^>]+>", " ", html)


#: serialised data leaked into a page (a PHP var_dump, a JSON blob of related links): no
#: one writes prose with three "key": "value" pairs in a row
DATA_DUMP = re.compile(
    r"^\s*(string|array|object|int)\(\d+\)|(\"[\w-]+\"\s*:\s*(\"[^\"]*\"|\d+)\s*,\s*){3,}")


def is_furniture(line: str) -> bool:
    """Whether one line is page furniture rather than story text: a short line of
    boilerplate, or (at any length) serialised data."""
    if DATA_DUMP.search(line):
        return True
    if len(line.split()) > FURNITURE_MAX_WORDS:
        return False
    return bool(BOILERPLATE.search(line) or TIMESTAMP.search(line))


#: a line this long or longer that starts another line of the page is a cut copy of it
TRUNCATED_COPY_MIN_CHARS = 50


def _truncated_copies(lines: list[str]) -> set[str]:
    """Lines that are the start of a longer line of the same page: a teaser, summary box
    or "read more" snippet cut from the story's own paragraph ("... killing two soldi…")."""
    cut = sorted({line.rstrip(" .…") for line in lines})
    starts = {a for a, b in itertools.pairwise(cut)
              if len(a) >= TRUNCATED_COPY_MIN_CHARS and b.startswith(a)}
    return {line for line in lines if line.rstrip(" .…") in starts}


def clean_text(body: str, content_type: str = "text/plain") -> CleanText:
    """Repair encoding, convert HTML, and drop boilerplate lines."""
    text = ftfy.fix_text(body, uncurl_quotes=False)
    if content_type == "text/html" or re.match(r"\s*<(!doctype|html|body|div|p)\b", text, re.I):
        text = html_to_text(text)
    lines = [ln.strip() for ln in text.splitlines()]
    keep: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    for line in lines:
        if not line:
            continue
        if is_furniture(line) or line in seen:
            removed.append(line)
            continue
        seen.add(line)
        keep.append(line)
    truncated = _truncated_copies(keep)
    removed.extend(line for line in keep if line in truncated)
    keep = [line for line in keep if line not in truncated]
    # A trailing run of short unpunctuated lines after the story is a link list.
    while keep and not SENTENCE_END.search(keep[-1]) and len(keep[-1].split()) <= 14 and \
            len(keep) > 1:
        removed.append(keep.pop())
    return CleanText("\n".join(keep), removed)


#: langdetect's cost grows with the text; a wire story's first paragraphs settle its language
LANGUAGE_SAMPLE_CHARS = 600


#: below this probability the detector's verdict is not trusted and the language is "und"
MIN_LANGUAGE_PROBABILITY = 0.9


#: English function words no other language writes at news rates ("the", "of", "which"
#: ...; words other languages share, such as "in", "was", "is" or "die", are left out)
ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "that", "with", "from", "were", "have", "has", "been", "which", "who",
    "their", "they", "said", "this", "would", "after", "when", "while", "into", "than",
    "about", "its"))
#: a sample of at least this many words, this share of them English function words, is
#: English without asking the detector (English news runs at 10-15%, other languages ~0)
PLAINLY_ENGLISH_WORDS = 40
PLAINLY_ENGLISH_SHARE = 0.08


def plainly_english(sample: str) -> bool:
    """True when ``sample`` is long enough and dense enough in English function words to
    be English whatever a statistical detector would add."""
    words = re.findall(r"[a-z]+", sample.lower())
    if len(words) < PLAINLY_ENGLISH_WORDS:
        return False
    return sum(word in ENGLISH_FUNCTION_WORDS for word in words) >= (
        PLAINLY_ENGLISH_SHARE * len(words))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``"und"``. Plain English news is told
    by its function words (:func:`plainly_english`); anything else goes to langdetect."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(re.findall(r"[^\W\d_]", sample)) < 20:
        return "und"
    if plainly_english(sample):
        return "en"
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return "und"
    # a short English sentence with a digit in it can come out as Afrikaans, Danish or
    # Turkish at 0.4-0.7; only a confident verdict keeps a text from extraction
    return str(best.lang) if best.prob >= MIN_LANGUAGE_PROBABILITY else "und"


def clean_article(raw: RawArticle) -> CleanArticle:
    """The clean article for a valid raw one; raises :class:`EmptyArticle` if nothing is left."""
    cleaned = clean_text(raw.body, raw.content_type)
    if not cleaned.text.strip():
        raise EmptyArticle("no text left after cleaning")
    language = raw.language or detect_language(cleaned.text)
    title = ftfy.fix_text(raw.title, uncurl_quotes=False) if raw.title else None
    return CleanArticle(
        id=raw.id, source=raw.source, published_at=raw.published_at, text=cleaned.text,
        language=language, content_hash=content_hash(cleaned.text), title=title, url=raw.url,
        removed=cleaned.removed,
    )
