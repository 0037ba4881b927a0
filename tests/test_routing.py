"""Language routing: document language, short texts, unsupported languages, mixed documents,
forced language, long texts. Every text here is composed for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import subprocess_env

from bilatextract import extract
from bilatextract.resources import has_file, languages
from bilatextract.routing import MAX_SEGMENT_CHARS, Routing, route, split
from bilatextract.routing_accuracy import accuracy

GERMAN_LONG = (
    "Die Bundesministerin des Auswärtigen ist am Montag zu einem zweitägigen Besuch nach Tokio gereist. "
    "Dort wird sie mit ihrem japanischen Amtskollegen über die Zusammenarbeit beider Länder in der "
    "Sicherheitspolitik sprechen. Außerdem ist ein Treffen mit Vertretern der Wirtschaft geplant, bei dem "
    "es um Lieferketten und den Handel zwischen Europa und Asien gehen soll."
)
ENGLISH_LONG = (
    "The Foreign Minister travelled to Tokyo on Monday for a two-day visit. She will meet her Japanese "
    "counterpart to discuss the cooperation of both countries on security policy. A meeting with business "
    "representatives is also planned, which will focus on supply chains and trade between Europe and Asia."
)
FRENCH_LONG = (
    "La ministre des Affaires étrangères s'est rendue lundi à Tokyo pour une visite de deux jours. Elle y "
    "rencontrera son homologue japonais afin d'évoquer la coopération des deux pays en matière de sécurité. "
    "Une réunion avec des représentants des entreprises est également prévue."
)
SPANISH_LONG = (
    "La ministra de Asuntos Exteriores viajó el lunes a Tokio para una visita de dos días. Allí se reunirá "
    "con su homólogo japonés para hablar de la cooperación entre ambos países en materia de seguridad. "
    "También está prevista una reunión con representantes de las empresas."
)
ITALIAN_LONG = (
    "La ministra degli Esteri si è recata lunedì a Tokyo per una visita di due giorni. Incontrerà il suo "
    "omologo giapponese per discutere della cooperazione tra i due paesi in materia di sicurezza. È previsto "
    "anche un incontro con i rappresentanti delle imprese."
)
JAPANESE_LONG = (
    "外務大臣は月曜日、二日間の日程で東京を訪問した。日本の外務大臣と会談し、安全保障分野における"
    "両国の協力について意見を交換する予定である。また、経済界の代表者との会合も予定されている。"
)

GERMAN_SHORT = [
    "Pressemitteilung",
    "Ministerin reist nach Tokio",
    "Berlin, 3. März 2024",
    "Gemeinsame Erklärung zur Zusammenarbeit",
    "Gespräch im Kanzleramt",
    "Haushalt beschlossen",
    "Die Ministerin sagte:",
    "Gipfel in Madrid",
    "Kanzler trifft Premierminister",
]
ENGLISH_SHORT = [
    "Press release",
    "Minister travels to Tokyo",
    "March 3, 2024",
    "Joint statement on cooperation",
    "Talks at the Chancellery",
    "Latest news",
    "Foreign Minister Smith in Madrid",
]
UNSUPPORTED_SHORT = {
    # Some share words with German or English ("des", "del", "suite", "Roma" are lemmatiser entries).
    "fr": ["Communiqué de presse", "Visite de la ministre à Tokyo", "Déclaration commune sur la coopération",
           "Conseil des ministres", "Lire la suite", "Mardi 5 mai"],
    "es": ["Visita de la ministra a Tokio", "Declaración conjunta sobre la cooperación", "Conferencia de prensa",
           "Noticias del ministerio"],
    "it": ["Visita della ministra a Tokyo", "Dichiarazione congiunta sulla cooperazione", "Comunicato stampa",
           "Discorso del Presidente", "Roma, 3 marzo 2024"],
    "ja": ["外務大臣会談の概要", "プレスリリース"],
}

MIXED = (
    "Pressemitteilung\n"
    "Berlin, 3. März 2024\n\n"
    "Die Bundesministerin des Auswärtigen hat heute ihren britischen Amtskollegen im Auswärtigen Amt "
    "empfangen. Die beiden Minister sprachen über die Lage in Osteuropa und die Zusammenarbeit ihrer Länder.\n"
    "Im Anschluss an das Gespräch gab der britische Minister eine Erklärung ab.\n\n"
    "Welcome\n"
    "\u201cWe are grateful for the warm welcome in Berlin. The partnership between our two countries has "
    "never been closer, and we will continue to work together on the questions that matter to Europe.\u201d\n\n"
    "Die Ministerin kündigte an, die Gespräche im Herbst in London fortzusetzen.\n"
)


def assert_contiguous_cover(text: str, r: Routing) -> None:
    """Segments run in order, touch each other and cover the whole text."""
    assert r.segments, "a supported text has segments"
    assert r.segments[0].start == 0
    assert r.segments[-1].end == len(text)
    for a, b in zip(r.segments, r.segments[1:], strict=False):
        assert a.end == b.start
        assert a.start < a.end


@pytest.mark.parametrize(("text", "lang"), [(GERMAN_LONG, "de"), (ENGLISH_LONG, "en")])
def test_supported_documents_route_to_their_pipeline(text: str, lang: str) -> None:
    r = route(text)
    assert (r.language, r.supported) == (lang, True)
    assert [s.lang for s in r.segments] == [lang]
    assert_contiguous_cover(text, r)


@pytest.mark.parametrize(("text", "lang"), [(t, "de") for t in GERMAN_SHORT] + [(t, "en") for t in ENGLISH_SHORT])
def test_short_texts_route_right(text: str, lang: str) -> None:
    r = route(text)
    assert (r.language, r.supported) == (lang, True), text


@pytest.mark.parametrize(
    ("text", "lang"), [(FRENCH_LONG, "fr"), (SPANISH_LONG, "es"), (ITALIAN_LONG, "it"), (JAPANESE_LONG, "ja")]
)
def test_other_languages_are_unsupported_with_their_code(text: str, lang: str) -> None:
    for sample in (text, "\n\n".join([text] * 30)):
        r = route(sample)
        assert r == Routing(lang, False, ())


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in UNSUPPORTED_SHORT.items() for t in ts])
def test_short_texts_in_other_languages_stay_unsupported(lang: str, text: str) -> None:
    r = route(text)
    assert not r.supported, text
    assert r.segments == ()
    # langdetect names some language for these (on two-word headlines not always the right one).
    assert r.language is not None and r.language not in languages()


def test_unsupported_document_extracts_nothing() -> None:
    doc = extract(FRENCH_LONG)
    assert (doc.language, doc.supported, doc.entities) == ("fr", False, ())


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n"])
def test_empty_text_gives_an_empty_result(text: str) -> None:
    r = route(text)
    assert r.segments == ()
    assert route(text, lang="de").segments == ()


def test_forced_language_covers_the_whole_text() -> None:
    r = route(ENGLISH_LONG + "\n\n" + GERMAN_LONG, lang="de")
    assert (r.language, r.supported) == ("de", True)
    assert {s.lang for s in r.segments} == {"de"}
    assert_contiguous_cover(ENGLISH_LONG + "\n\n" + GERMAN_LONG, r)
    assert route(MIXED, lang="en").segments[0].lang == "en"


def test_forced_unsupported_language_is_unsupported() -> None:
    assert route(GERMAN_LONG, lang="fr") == Routing("fr", False, ())


def test_mixed_document_routes_each_paragraph_group() -> None:
    r = route(MIXED)
    assert (r.language, r.supported) == ("de", True)
    assert_contiguous_cover(MIXED, r)
    assert [s.lang for s in r.segments] == ["de", "en", "de"]
    german, english, german_again = r.segments
    quote_start = MIXED.index("\u201cWe are")
    assert english.start <= quote_start and MIXED.index("Europe.\u201d") < english.end
    # The headline, the dateline and both German paragraphs are one segment (not fragmented),
    # and "Welcome" does not flip language on its own.
    assert german.start == 0 and "Pressemitteilung" in MIXED[german.start : german.end]
    assert "Erklärung ab." in MIXED[german.start : german.end]
    assert "Welcome" in MIXED[german.start : german.end]
    assert MIXED[german_again.start : german_again.end].startswith("Die Ministerin kündigte")


def test_headline_introducing_a_quote_goes_with_the_quote() -> None:
    text = (
        GERMAN_LONG + "\n"
        "Statement of the British Foreign Secretary\n"
        + ENGLISH_LONG + "\n"
    )
    r = route(text)
    assert [s.lang for s in r.segments] == ["de", "en"]
    assert r.segments[1].start == text.index("Statement of")


def test_adjacent_paragraphs_of_one_language_are_one_segment() -> None:
    text = "Aktuelles\n\n" + "\n".join([GERMAN_LONG, "Termine", GERMAN_LONG, "Tokio", GERMAN_LONG])
    r = route(text)
    assert [(s.lang, s.start, s.end) for s in r.segments] == [("de", 0, len(text))]


def test_mixed_document_offsets_are_those_of_the_whole_text() -> None:
    text = GERMAN_LONG + "\n\n" + "The Foreign Minister met her Japanese counterpart on 3 March 2024 in Tokyo. " * 3
    doc = extract(text)
    assert {s.lang for s in doc.segments} == {"de", "en"}
    for entity in doc.entities:
        assert text[entity.start : entity.end] == entity.text


def test_routing_is_deterministic_across_processes() -> None:
    texts = [MIXED, "April 11, 2013", "Presse & Publikationen", "Kurz notiert", ENGLISH_SHORT[1]]
    here = [(r.language, [(s.lang, s.start, s.end) for s in r.segments]) for r in map(route, texts)]
    assert here == [(r.language, [(s.lang, s.start, s.end) for s in r.segments]) for r in map(route, texts)]
    code = (
        "import json, sys\n"
        "from bilatextract.routing import route\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([(r.language, [(s.lang, s.start, s.end) for s in r.segments]) for r in map(route, texts)]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
        check=True, env=subprocess_env(), cwd="/",
    )
    there = [(lang, [tuple(s) for s in segs]) for lang, segs in json.loads(out.stdout)]
    assert there == here


def test_long_text_splits_under_the_limit_on_boundaries() -> None:
    paragraph = GERMAN_LONG + "\n"
    text = paragraph * 40
    segments = split(text, "de", limit=1000)
    assert len(segments) > 1
    assert segments[0].start == 0 and segments[-1].end == len(text)
    for a, b in zip(segments, segments[1:], strict=False):
        assert a.end == b.start
    for s in segments:
        assert s.end - s.start <= 1000
        assert s.end == len(text) or text[s.end - 1] == "\n"  # cut after a paragraph


def test_long_mixed_text_routes_and_splits() -> None:
    block = GERMAN_LONG + "\n" + ENGLISH_LONG + "\n"
    text = (GERMAN_LONG + "\n") * 600 + block * 3
    r = route(text)
    assert_contiguous_cover(text, r)
    assert all(s.end - s.start <= MAX_SEGMENT_CHARS for s in r.segments)
    assert [s.lang for s in r.segments][-6:] == ["de", "en"] * 3
    assert len(text) > 2 * MAX_SEGMENT_CHARS and len({s.lang for s in r.segments}) == 2


def test_every_supported_language_has_cue_data() -> None:
    # A third language is a data folder: its cues are a file, not code.
    for lang in languages():
        assert has_file(lang, "cues.toml"), lang


def test_short_text_accuracy(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "langid-short-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} (short-text language test set) is not beside this checkout")
    score, wrong = accuracy(path)
    assert score >= 0.98, wrong


def test_accuracy_command_prints_the_figure(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    # Texts the cue words decide on their own, so the command need not load the lemmatiser tables.
    right = [GERMAN_LONG, "Pressemitteilung", "Berlin, 3. März 2024"]
    lines = [{"text": t, "lang": "de"} for t in right] + [{"text": ENGLISH_LONG, "lang": "de"}]
    sample.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "bilatextract.routing_accuracy", str(sample)],
        capture_output=True, text=True, check=True, env=subprocess_env(), cwd=tmp_path,
    )
    assert f"accuracy {len(right) / len(lines):.4f} (1 misrouted)" in out.stdout
    assert "expected de, routed en" in out.stdout


def test_an_extractor_for_german_only_never_returns_english_results() -> None:
    from bilatextract import Extractor

    german_only = Extractor(languages=["de"])
    english = german_only.extract(ENGLISH_LONG + " Foreign Minister Smith met Chancellor Merz on 3 March 2024.")
    assert (english.language, english.supported, english.entities) == ("en", False, ())
    mixed = german_only.extract(MIXED, reference_date="2024-03-03")
    assert mixed.language == "de" and mixed.supported
    assert mixed.segments and all(s.lang == "de" for s in mixed.segments)
    quote = MIXED.index("\u201cWe are grateful")
    quote_end = MIXED.index("\n\n", quote)
    # Nothing of the English paragraph is read, and the German paragraphs are read as before.
    assert not any(s.start < quote_end and quote < s.end for s in mixed.segments)
    both = Extractor().extract(MIXED, reference_date="2024-03-03")
    assert [e for e in both.entities if not quote <= e.start < quote_end] == list(mixed.entities)


def test_route_only_routes_to_the_languages_asked_for() -> None:
    assert route(ENGLISH_LONG, languages=["de"]) == Routing("en", False, ())
    assert route(ENGLISH_LONG, lang="en", languages=["de"]) == Routing("en", False, ())
    r = route(GERMAN_LONG, languages=["de"])
    assert (r.language, r.supported, [s.lang for s in r.segments]) == ("de", True, ["de"])
