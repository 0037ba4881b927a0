"""The normalised text view and its map back to the original text."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from bilatextract.text import View, looks_like_html, normalise, recase


@dataclass(frozen=True)
class Seg:
    lang: str
    start: int
    end: int


def back(view: View, needle: str) -> str:
    """The original text of the first occurrence of ``needle`` in the view."""
    at = view.text.index(needle)
    start, end = view.span(at, at + len(needle))
    return view.original[start:end]


def test_clean_text_is_its_own_view() -> None:
    text = "Am 14. Oktober 2025 traf Außenminister Wadephul in Berlin ein.\n\nZweiter Absatz."
    view = normalise(text)
    assert view.text == text
    assert view.identity
    assert view.span(3, 19) == (3, 19)


def test_paragraph_breaks_alone_leave_the_text_its_own_view() -> None:
    text = "Erster Absatz mit Außenminister Wadephul.\n\nZweiter Absatz.\n\n"
    assert normalise(text).identity
    # One more space, a single line break or a third line break is read, and the view is no longer the text.
    assert normalise(text.replace("\n\nZweiter", "\n\n Zweiter")).text == text
    assert normalise(text.replace("\n\nZweiter", "\n\n\nZweiter")).text == text
    assert normalise("Der Vertrag wurde\nunterzeichnet.").text == "Der Vertrag wurde unterzeichnet."


def test_whitespace_runs_read_as_one_space_and_map_back_whole() -> None:
    text = "Außenminister \t\u00a0Heiko\u202fMaas  sagte\u2009heute"
    view = normalise(text)
    assert view.text == "Außenminister Heiko Maas sagte heute"
    assert back(view, "Außenminister Heiko Maas") == "Außenminister \t\u00a0Heiko\u202fMaas"
    # A run at the edge of a span stays outside it.
    assert back(view, "Maas") == "Maas"


def test_paragraph_breaks_are_kept_and_header_lines_stay_lines() -> None:
    text = "Berlin, 14. Oktober 2025\nPressemitteilung\n \n\nDer Minister sprach.\nDann ging er."
    view = normalise(text)
    assert view.text == "Berlin, 14. Oktober 2025\nPressemitteilung\n\nDer Minister sprach.\nDann ging er."


def test_wrapped_lines_of_a_hard_wrapped_block_are_joined() -> None:
    text = (
        "On Monday the spokesman of the government said in Tokyo that the Ministry of Foreign\n"
        "Affairs of Japan would host the meeting of the two delegations next week in the\n"
        "capital."
    )
    view = normalise(text)
    assert "Ministry of Foreign Affairs of Japan" in view.text
    assert "in the capital." in view.text
    assert back(view, "Foreign Affairs") == "Foreign\nAffairs"


_WRAPPED_PARAGRAPH = (
    "Die Vorsteherin des Departements wird den Gast am Montag zu einem offiziellen\n"
    "Arbeitsbesuch in Bern empfangen. Im Mittelpunkt stehen die bilateralen\n"
    "Beziehungen, die Lage in der Region und die Zusammenarbeit in der Migration.\n"
)


def test_a_two_line_heading_of_a_hard_wrapped_text_is_wrapped_as_its_paragraphs_are() -> None:
    # Too short to show a width of its own, the heading has the width of the text's paragraphs.
    heading = "Offizieller Arbeitsbesuch des libyschen Aussenministers, Abdulrahman Mohamed\nShalgam, am 8. Dezember"
    view = normalise(heading + "\n\n" + _WRAPPED_PARAGRAPH + "\n" + _WRAPPED_PARAGRAPH)
    assert "Abdulrahman Mohamed Shalgam, am 8. Dezember" in view.text
    assert back(view, "Mohamed Shalgam") == "Mohamed\nShalgam"
    # Alone (no wrapped paragraphs say how wide the text is), or beside blocks of very different
    # widths, two lines stay two lines.
    assert "Mohamed\nShalgam" in normalise(heading).text
    narrow = ("Ein zweiter Absatz, deutlich schmaler umbrochen\nals der erste, etwa für eine Spalte in einer\n"
              "Zeitung oder einem Mitteilungsblatt.")
    assert "Mohamed\nShalgam" in normalise(heading + "\n\n" + _WRAPPED_PARAGRAPH + "\n\n" + narrow).text


def test_a_line_that_goes_on_in_lower_case_is_joined_and_a_sentence_end_is_kept() -> None:
    view = normalise("Der Vertrag wurde\nunterzeichnet.\nDanach sprach der Minister.")
    assert view.text == "Der Vertrag wurde unterzeichnet.\nDanach sprach der Minister."


def test_line_break_hyphenation() -> None:
    assert normalise("das Bundesminis-\nterium der Verteidigung").text == "das Bundesministerium der Verteidigung"
    assert normalise("der Außen-\nminister").text == "der Außenminister"
    assert normalise("der US-\nAußenminister").text == "der US-Außenminister"
    assert normalise("die Außen-\nund Verteidigungsminister").text == "die Außen- und Verteidigungsminister"
    assert normalise("the Minis-\ntry of Defence").text == "the Ministry of Defence"
    view = normalise("das Bundesminis-\nterium")
    assert back(view, "Bundesministerium") == "Bundesminis-\nterium"


def test_invisible_characters_are_dropped_inside_and_outside_spans() -> None:
    text = "\ufeffAußen\u00administer Ku\u200bkies\u200d"
    view = normalise(text)
    assert view.text == "Außenminister Kukies"
    assert back(view, "Außenminister") == "Außen\u00administer"
    assert back(view, "Kukies") == "Ku\u200bkies"
    assert view.span(0, len(view.text)) == (1, len(text) - 1)
    assert normalise("Bundes\u00ad\nministerium").text == "Bundesministerium"


def test_decomposed_unicode_is_composed() -> None:
    text = "Jo\u0308rg Kukies, 3. Ma\u0308rz"
    view = normalise(text)
    assert view.text == "Jörg Kukies, 3. März"
    assert back(view, "Jörg") == "Jo\u0308rg"
    assert back(view, "ö") == "o\u0308"


def test_html_references_are_decoded_everywhere_and_tags_dropped_from_html() -> None:
    assert normalise("Au&szlig;enminister&nbsp;Maas &amp; Co").text == "Außenminister Maas & Co"
    view = normalise("<p><b>Außenminister</b> Maas</p><p>Zweiter</p>")
    assert view.text.strip() == "Außenminister Maas\n\nZweiter"
    assert back(view, "Außenminister Maas") == "Außenminister</b> Maas"
    assert looks_like_html("<b>x</b>") and not looks_like_html("a < b > c")


def test_the_html_option() -> None:
    text = "<Name> schrieb: Au&auml;"
    assert normalise(text).text == "<Name> schrieb: Auä"  # not HTML-like: tags stay
    assert normalise(text, html=True).text == " schrieb: Auä"
    assert normalise("<b>Au&auml;</b>", html=False).text == "<b>Au&auml;</b>"


def test_typographic_variants_read_as_plain_forms() -> None:
    view = normalise("„Eritrea–Ethiopia“ – 8–9 July… O’Connor’s ‘talks’")
    assert view.text == "\"Eritrea-Ethiopia\" – 8-9 July... O’Connor’s 'talks'"
    assert back(view, "July...") == "July…"
    assert back(view, ".") == "…"


def test_all_caps_stretches_are_recased_per_language() -> None:
    text = "AUSSENMINISTER WADEPHUL EMPFÄNGT JAPANISCHEN AMTSKOLLEGEN\nMOTEGI Toshimitsu; BMI, BMF, BMAS"
    view = recase(normalise(text), [Seg("de", 0, len(text))])
    assert view.text.startswith("Aussenminister Wadephul empfängt japanischen Amtskollegen\n")
    assert view.text.endswith("MOTEGI Toshimitsu; BMI, BMF, BMAS")
    assert view.span(15, 23) == (15, 23)
    english = "MINISTRY OF FOREIGN AFFAIRS WELCOMES TALKS"
    assert recase(normalise(english), [Seg("en", 0, len(english))]).text == "Ministry of Foreign Affairs Welcomes Talks"


NOISE = st.sampled_from(
    [" ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u202f", "\u00ad", "\u200b", "\ufeff", "-\n", "&nbsp;", "&auml;",
     "<b>", "</p>", "\u0308", "…", "’", "–", "„", "A", "ä", "x", "Minis", "terium", "US", "\r\n", "&", "<", ">"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NOISE, max_size=40), st.data())
def test_mapping_back_gives_valid_ordered_offsets(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    view = normalise(text, html=data.draw(st.sampled_from([None, True, False])))
    n = len(view.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    start, end = view.span(a, b)
    assert 0 <= start <= end <= len(text)
    if a < b:
        assert start < end
    # Spans in order map to spans in order (they overlap only inside one replaced stretch,
    # such as the "..." of one "…"); a span inside another maps inside it.
    c = data.draw(st.integers(b, n))
    start2, end2 = view.span(b, c)
    if a < b and b < c:
        assert start <= start2 and end <= end2
        assert end <= start2 or view.starts is not None and view.starts[b] < view.ends[b - 1]
    outer = view.span(0, n)
    if a < b:
        assert outer[0] <= start and end <= outer[1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_has_a_view_with_a_map_for_every_character(text: str) -> None:
    view = normalise(text)
    if view.starts is not None:
        assert len(view.starts) == len(view.ends) == len(view.text)
        for i in range(len(view.text)):
            assert 0 <= view.starts[i] < view.ends[i] <= len(text)
            if i:
                assert view.starts[i - 1] <= view.starts[i] and view.ends[i - 1] <= view.ends[i]


def test_the_spelt_out_whitespace_is_every_whitespace_character_but_the_space() -> None:
    import re
    import sys

    from bilatextract.text.lines import NON_SPACE_WHITESPACE

    spelt = re.compile(f"[{NON_SPACE_WHITESPACE}]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(spelt.match(char)) == (char.isspace() and char != " "), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u2029", "\x1c", "\r\n", " \n", "x",
                                 "Wort", "Satz.", "1. "]), max_size=40))
def test_every_whitespace_run_but_a_single_space_is_read(pieces: list[str]) -> None:
    text = "".join(pieces)
    view = normalise(text)
    # What is left: no whitespace but single spaces, line breaks and paragraph breaks.
    assert "  " not in view.text and "\t" not in view.text and "\n\n\n" not in view.text
    assert not any(c.isspace() and c not in " \n" for c in view.text)
    assert " \n" not in view.text and "\n " not in view.text
