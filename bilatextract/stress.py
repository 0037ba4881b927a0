"""Adversarial timing: does any part of the pipeline take more than linear time?

Each adversarial input is run at a base length and at ``scale`` times that length; a
linear-time pipeline takes about ``scale`` times as long on the longer one. A regular
expression with catastrophic backtracking, or a quadratic loop, shows as a ratio far above
``scale``. This is a benchmark to read, not a timed test: the machine's load changes the
figures, so ``bilatextract stress`` prints them (per pipeline component, to name the culprit)
and only fails where asked to (``--fail-above``).

The inputs are built from a seeded generator and from the language's own vocabulary of
titles, months and ministry words, so they aim at the patterns the extractors contain.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from . import pipeline
from .extractor import Extractor

#: An adversarial input: a function from (language, approximate length) to a text.
Generator = Callable[[str, int], str]

_WORDS = {
    "de": {
        "titles": ["Bundesaußenminister", "Außenminister", "Staatsminister", "Bundesminister", "Ministerin",
                   "Parlamentarischer Staatssekretär", "Dr.", "Prof.", "Herr", "Frau"],
        "months": ["Januar", "März", "Oktober", "Dezember", "Okt."],
        "ministry": ["Bundesministerium", "für", "der", "Auswärtiges", "Amt", "Ministerium", "des", "Innern"],
        "agreement": ["Abkommen", "über", "die", "Zusammenarbeit", "Wirtschaftspartnerschaftsabkommen", "zwischen"],
    },
    "en": {
        "titles": ["Foreign", "Minister", "Secretary", "of", "State", "Minister for Foreign Affairs", "Mr.", "Ms.",
                   "Dr.", "Prime"],
        "months": ["January", "March", "October", "Dec.", "Sept."],
        "ministry": ["Ministry", "of", "Foreign", "Affairs", "Department", "for", "the", "Office"],
        "agreement": ["Agreement", "on", "the", "Partnership", "Treaty", "between", "Economic", "Convention"],
    },
}


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // max(len(unit), 1) + 1))[:n]


def _words(pool: list[str], n: int, seed: int, sep: str = " ") -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        word = rng.choice(pool)
        out.append(word)
        size += len(word) + len(sep)
    return sep.join(out)


def _capitalised(lang: str, n: int) -> str:
    rng = random.Random(1)
    words = []
    size = 0
    while size < n:
        tail = "".join(rng.choice("aeiounrstlm") for _ in range(rng.randint(2, 9)))
        word = rng.choice("ABCDEFGHIKLMNOPRSTUVWZ") + tail
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def _unicode_noise(lang: str, n: int) -> str:
    rng = random.Random(2)
    alphabet = "aÄß.,;:()[]\"'„“«»-–—/\\ \n\t\u00a0\u200b\u2028\x00\x07\x1bé漢字😀0123456789"
    return "".join(rng.choice(alphabet) for _ in range(n))


GENERATORS: dict[str, Generator] = {
    "capitalised words": _capitalised,
    "repeated titles": lambda lang, n: _words(_WORDS[lang]["titles"], n, 3),
    "titles with names": lambda lang, n: _words(_WORDS[lang]["titles"] + ["Müller", "SMITH", "Anna-Lena", "von"], n, 4),
    "title, no space": lambda lang, n: _repeat(_WORDS[lang]["titles"][0], n),
    "digits and dots": lambda lang, n: _repeat("1.2.3.4.5.6.7.8.9.0.", n),
    "spaced digits and dots": lambda lang, n: _repeat("12. 3. 2025. 14. ", n),
    "numbers and months": lambda lang, n: _words(_WORDS[lang]["months"] + ["14.", "3", "2025", "1999", "bis", "-"],
                                                   n, 5),
    "ministry words": lambda lang, n: _words(_WORDS[lang]["ministry"], n, 6),
    "agreement words": lambda lang, n: _words(_WORDS[lang]["agreement"] + ["(EPA)", "(", ")", "„", "“"], n, 7),
    "one long token": lambda lang, n: _repeat("a", n),
    "long run of brackets": lambda lang, n: _repeat(")", n),
    "long run of quotes": lambda lang, n: _repeat("„", n),
    "hyphen chain": lambda lang, n: _repeat("Abkommens-", n),
    "whitespace runs": lambda lang, n: _repeat("\n \t \n", n),
    "one sentence, no stop": lambda lang, n: _words(["und", "der", "die", "Amt", "Minister", "am"], n, 8),
    "unicode noise": _unicode_noise,
}


@dataclass(frozen=True, slots=True)
class StressResult:
    """The timings of one adversarial input at the base length and at ``scale`` times it."""

    name: str
    lang: str
    chars: int
    scale: int
    seconds: float
    seconds_scaled: float
    #: Component name -> (seconds at 1x, seconds at scale x), to tell which part grows.
    components: dict[str, tuple[float, float]]

    @property
    def ratio(self) -> float:
        return self.seconds_scaled / max(self.seconds, 1e-4)

    @property
    def worst_component(self) -> tuple[str, float]:
        """The step whose time grew most (ratio), ignoring steps under 5 ms at 1x (timer noise)."""
        ratios = {name: b / a for name, (a, b) in self.components.items() if a >= 0.005}
        if not ratios:
            return ("-", 0.0)
        name = max(ratios, key=ratios.__getitem__)
        return (name, ratios[name])


def _time_components(lang: str, text: str) -> tuple[float, dict[str, float]]:
    """Seconds for the whole ``extract`` call, and per pipeline step on one spaCy doc."""
    extractor = Extractor()
    start = time.perf_counter()
    extractor.extract(text, lang=lang)
    total = time.perf_counter() - start
    # The per-step figures run the steps by hand, on the text the pipeline reads (no routing).
    nlp = pipeline.get(lang)
    steps: dict[str, float] = {}
    start = time.perf_counter()
    doc = nlp.make_doc(text[: nlp.max_length - 1])
    steps["tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        steps[name] = time.perf_counter() - start
    return total, steps


def run(
    *,
    langs: tuple[str, ...] = ("de", "en"),
    chars: int = 5000,
    scale: int = 10,
    names: list[str] | None = None,
    repeats: int = 2,
) -> list[StressResult]:
    """Time every adversarial input at ``chars`` and ``scale * chars`` characters."""
    results = []
    for lang in langs:
        pipeline.get(lang)  # built before the clock starts
        for name, make in GENERATORS.items():
            if names and name not in names:
                continue
            timings = []
            for n in (chars, chars * scale):
                text = make(lang, n)
                # The best of a few runs: the short input is fast and noise would dominate it.
                best = min((_time_components(lang, text) for _ in range(repeats)), key=lambda r: r[0])
                timings.append(best)
            (t1, steps1), (t2, steps2) = timings
            components = {k: (steps1[k], steps2.get(k, 0.0)) for k in steps1}
            results.append(StressResult(name, lang, chars, scale, t1, t2, components))
    return results


def format_results(results: list[StressResult], threshold: float) -> str:
    """A table: one line per input and language, flagged where the time grew by more than ``threshold``."""
    scale = results[0].scale if results else 10
    lines = [f"{'input':<24} {'lang':<4} {'1x s':>8} {f'{scale}x s':>8} {'ratio':>6}  slowest-growing step",
             "-" * 78]
    for r in results:
        step, step_ratio = r.worst_component
        flag = "  <-- SUPERLINEAR" if r.ratio > threshold else ""
        lines.append(f"{r.name:<24} {r.lang:<4} {r.seconds:8.3f} {r.seconds_scaled:8.3f} {r.ratio:6.1f}  "
                     f"{step} x{step_ratio:.1f}{flag}")
    worst = max(results, key=lambda r: r.ratio) if results else None
    if worst is not None:
        lines.append("-" * 78)
        lines.append(f"worst ratio {worst.ratio:.1f} ({worst.name}, {worst.lang}); linear is about "
                     f"{worst.scale}, flagged above {threshold:g}")
    return "\n".join(lines)


#: Paragraphs of ordinary diplomatic prose for the huge-input run (composed, not from a corpus).
_PROSE = {
    "de": ("Am 14. Oktober 2025 empfing Bundesaußenministerin Anna Beispiel im Auswärtigen Amt den "
           "japanischen Außenminister. Beide würdigten das Wirtschaftspartnerschaftsabkommen (WPA) und "
           "vereinbarten, die Gespräche im kommenden Jahr fortzusetzen.\n\n"),
    "en": ("On 3 March 2024 Foreign Secretary John Example met the Minister for Foreign Affairs of Japan at "
           "the Ministry of Foreign Affairs. They welcomed the Reciprocal Access Agreement (RAA) and agreed "
           "to meet again next year.\n\n"),
}


def run_huge(megabytes: float, lang: str = "de", fraction: int = 10) -> list[tuple[int, float, int, bool]]:
    """Extract from ``megabytes`` of prose and from a ``fraction``-th of it: (chars, seconds,
    entities, offsets all right) for each, to see that time grows linearly with length."""
    out = []
    extractor = Extractor()
    extractor.extract(_PROSE[lang], lang=lang)  # pipelines built before the clock starts
    for size in (int(megabytes * 1_000_000 / fraction), int(megabytes * 1_000_000)):
        text = _repeat(_PROSE[lang], size)
        start = time.perf_counter()
        doc = extractor.extract(text, lang=lang)
        seconds = time.perf_counter() - start
        right = doc.error is None and all(text[e.start : e.end] == e.text for e in doc.entities)
        out.append((len(text), seconds, len(doc.entities), right))
    return out
