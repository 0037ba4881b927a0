"""``bilatextract bench``: how fast the whole product reads unique text, next to spaCy's bare tokenizer.

The bare tokenizer (``spacy.blank(lang)``) is the reference the speed target is set against.
Every document of the input files is read once per measurement: a corpus repeated many times
would let the tokenizer caches answer most of the work, which real streams of new text do not.
Each round runs in a fresh process that builds both sides, warms them on a text of its own
(pipelines built, language detector loaded; no corpus text), and then reads the corpus once
with the bare tokenizers and once with the product: through ``Extractor.pipe`` in one process,
through one ``extract()`` call per document in another. Figures are medians of the rounds.

Also measured: cold start (import, the pipelines built, the first document, in a fresh
process), peak memory (``ru_maxrss`` of the ``pipe`` process), and where the time goes (CPU
seconds per stage of one pass in this process). Optionally, ``--scaling``: one long document
against the same text cut into ~1 KB documents, and ``n_process=2`` against one process (these
cycle the corpus to reach their sizes, so they read text more than once).

"Words" are whitespace-separated strings of the input, counted the same way for both sides.
Below :data:`MIN_WORDS` words the throughput figures are printed, but no target is judged:
the run is too small to measure.
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .bench_report import MIN_WORDS, BenchReport, Throughput, format_report, report_json
from .errors import InputFormatError, InvalidArgumentError
from .io import read_documents

#: Fallback spaCy language for texts bilatextract does not support, in the bare run.
_OTHER_LANG = "xx"
#: What both sides read before the timing starts: no corpus text.
WARM_UP = [
    "Am 3. März 2024 traf Außenminister Beispiel in Berlin den Botschafter. Das Abkommen wurde unterzeichnet.",
    "On 3 March 2024 Foreign Minister Example met the ambassador in London. The agreement was signed.",
    "Une phrase dans une autre langue, pour charger le détecteur de langues.",
]


def count_words(text: str) -> int:
    return len(text.split())


def load_corpus(paths: Sequence[str | Path]) -> tuple[list[dict[str, Any]], int]:
    """The documents of the JSONL (or text) files, each distinct text once, and how many
    repeated texts were left out; a broken line stops the bench."""
    docs: list[dict[str, Any]] = []
    seen: set[str] = set()
    repeats = 0
    for item in read_documents(list(paths)):
        if isinstance(item, InputFormatError):
            raise item
        if item["text"] in seen:
            repeats += 1
            continue
        seen.add(item["text"])
        docs.append({"id": item.get("id"), "text": item["text"], "published": item.get("published")})
    if not docs:
        raise InvalidArgumentError(f"{', '.join(map(str, paths))}: no documents to benchmark")
    return docs, repeats


def _subprocess_env() -> dict[str, str]:
    """An environment in which a child process imports this same bilatextract."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def _child(code: str, *args: str, stdin: str | None = None) -> tuple[dict[str, Any], float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True,
                          env=_subprocess_env(), timeout=3600)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"bench child process failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), wall


_ROUND_CHILD = """\
import json, sys
from bilatextract.bench import read_once
print(json.dumps(read_once(json.loads(sys.stdin.read()), sys.argv[1])))
"""


def _cpu_now() -> float:
    """CPU seconds of this process and of its finished child processes (``n_process`` workers)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _time(run: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process and its workers) of one run."""
    start, cpu = time.perf_counter(), _cpu_now()
    run()
    return time.perf_counter() - start, _cpu_now() - cpu


def read_once(items: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    """One round, in a fresh process: both sides built and warmed up, then the corpus read once by
    the bare tokenizers and once by the product (``mode``: ``pipe`` or ``extract``)."""
    import resource

    import spacy

    from .extractor import Extractor
    from .resources import languages
    from .routing import detect

    texts = [item["text"] for item in items]
    supported = set(languages())
    # The bare side reads each text with the tokenizer of its language, decided outside the timing.
    langs = [lang if (lang := detect(t)) in supported else _OTHER_LANG for t in texts]
    by_lang: dict[str, list[str]] = {}
    for text, lang in zip(texts, langs, strict=True):
        by_lang.setdefault(lang, []).append(text)
    bare = {lang: spacy.blank(lang) for lang in by_lang}
    extractor = Extractor()
    for lang in extractor.languages:
        extractor.nlp(lang)
    for warm in WARM_UP:
        extractor.extract(warm)
        for nlp in bare.values():
            nlp(warm)

    def run_bare() -> None:
        for lang, group in by_lang.items():
            for _doc in bare[lang].pipe(group, batch_size=64):
                pass

    def run_product() -> None:
        if mode == "pipe":
            for _doc in extractor.pipe(items, batch_size=64):
                pass
        else:
            for item in items:
                extractor.extract(item["text"], reference_date=item.get("published"), id=item.get("id"))

    bare_s, bare_cpu = _time(run_bare)
    product_s, product_cpu = _time(run_product)
    return {"bare_s": bare_s, "bare_cpu_s": bare_cpu, "product_s": product_s, "product_cpu_s": product_cpu,
            "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


_COLD_CHILD = """\
import time
_t0, _c0 = time.perf_counter(), time.process_time()
import bilatextract
_extractor = bilatextract.Extractor()
for _lang in _extractor.languages:
    _extractor.nlp(_lang)
_doc = _extractor.extract({text!r})
_t1, _c1 = time.perf_counter(), time.process_time()
import json
print(json.dumps({{"seconds": _t1 - _t0, "cpu_seconds": _c1 - _c0, "entities": len(_doc.entities)}}))
"""


def cold_start(first_text: str, rounds: int) -> tuple[float, float, float]:
    """Median seconds of import + the pipelines + first document in a fresh process, the median
    wall time of that whole process (interpreter start-up included), and the median CPU seconds
    of the measured part."""
    inner, outer, cpu = [], [], []
    for _ in range(rounds):
        result, wall = _child(_COLD_CHILD.format(text=first_text))
        inner.append(result["seconds"])
        cpu.append(result["cpu_seconds"])
        outer.append(wall)
    return statistics.median(inner), statistics.median(outer), statistics.median(cpu)
def long_text(texts: Iterable[str], size: int) -> str:
    """The texts joined as paragraphs, cycled until the result has ``size`` UTF-8 bytes."""
    parts: list[str] = []
    total = 0
    for text in itertools.cycle([t for t in texts if t.strip()]):
        parts.append(text.strip())
        total += len(text.encode("utf-8")) + 2
        if total >= size:
            break
    return "\n\n".join(parts)


def cut(text: str, size: int) -> list[str]:
    """``text`` cut at whitespace into pieces of about ``size`` characters, words kept whole."""
    pieces = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            space = text.rfind(" ", start + size // 2, end)
            newline = text.rfind("\n", start + size // 2, end)
            end = max(space, newline) if max(space, newline) > start else end
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    return pieces


def stage_seconds(items: Sequence[dict[str, Any]]) -> dict[str, float]:
    """CPU seconds per stage of one pass over ``items``, the stages run one by one as
    ``Extractor.pipe`` runs them: the text view, routing, the tokenizer, each pipeline
    component, and typing the results."""
    from collections import defaultdict

    from . import pipeline, routing
    from .components.base import view_of
    from .extractor import Extractor, check_reference_date
    from .inputs import spacy_safe
    from .results import build_document, raw_mentions
    from .text import normalise, recase

    warm = Extractor()
    for text in WARM_UP:  # one-off loads (pipelines, langdetect profiles) out of the timing
        warm.extract(text)
    clock = time.process_time
    totals: dict[str, float] = defaultdict(float)
    for item in items:
        text = item["text"]
        ref = check_reference_date(item.get("reference_date", item.get("published")))
        start = clock()
        view = normalise(text)
        totals["text view"] += clock() - start
        start = clock()
        routed = routing.route(view.text)
        totals["routing"] += clock() - start
        start = clock()
        view = recase(view, routed.segments)
        totals["text view"] += clock() - start
        mentions = []
        for seg in routed.segments:
            nlp = pipeline.get(seg.lang)
            part = spacy_safe(view.text[seg.start : seg.end])
            start = clock()
            doc = nlp.make_doc(part)
            view_of(doc, part)
            totals["tokenizer"] += clock() - start
            if ref is not None:
                doc._.bilat_reference_date = ref.isoformat()
            for name, component in nlp.pipeline:
                start = clock()
                doc = component(doc)
                totals[name] += clock() - start
            start = clock()
            mentions += raw_mentions(doc, seg.start)
            totals["typed results"] += clock() - start
        start = clock()
        build_document(text, language=routed.language, supported=routed.supported, segments=routed.segments,
                       mentions=mentions, reference_date=ref, doc_id=None, view=view)
        totals["typed results"] += clock() - start
    return dict(totals)


def _median_rounds(rounds: int, runs: dict[str, Callable[[], None]]) -> dict[str, tuple[list[float], list[float]]]:
    """Wall-clock and CPU seconds of each run per round, the runs interleaved within a round."""
    seconds: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            wall, cpu = _time(run)
            seconds[name][0].append(wall)
            seconds[name][1].append(cpu)
    return seconds


def _run_product(items: Sequence[dict[str, Any]], n_process: int, batch_size: int = 64) -> Callable[[], None]:
    from .extractor import Extractor

    extractor = Extractor()

    def run() -> None:
        for _doc in extractor.pipe(items, n_process=n_process, batch_size=batch_size):
            pass

    return run


def _scaling(report: BenchReport, docs: Sequence[dict[str, Any]], rounds: int, scaling_bytes: int,
             scaling_docs: int, say: Callable[[str], None]) -> None:
    """The scaling checks (they cycle the corpus, so they read text more than once)."""
    say("scaling: one large document vs small documents ...")
    large = long_text([d["text"] for d in docs], scaling_bytes)
    small = cut(large, 1_000)
    large_items = [{"id": "large", "text": large}]
    small_items = [{"id": f"small-{i}", "text": t} for i, t in enumerate(small)]
    seconds = _median_rounds(rounds, {"large": _run_product(large_items, 1), "small": _run_product(small_items, 1)})
    report.large_doc = Throughput(count_words(large), 1, *seconds["large"])
    report.small_docs = Throughput(sum(map(count_words, small)), len(small), *seconds["small"])

    say(f"scaling: n_process=2 vs 1 on {scaling_docs} documents ...")
    many_texts = list(itertools.islice(itertools.cycle(small), max(scaling_docs, 1)))
    many = [{"id": f"doc-{i}", "text": t} for i, t in enumerate(many_texts)]
    many_words = sum(map(count_words, many_texts))
    seconds = _median_rounds(rounds, {"one": _run_product(many, 1), "two": _run_product(many, 2)})
    report.single_process = Throughput(many_words, len(many), *seconds["one"])
    report.two_processes = Throughput(many_words, len(many), *seconds["two"])
    cores = os.cpu_count() or 1
    if cores <= 2:
        report.notes.append(f"this machine has {cores} core(s): n_process=2 competes with everything else running")


def run_bench(
    paths: str | Path | Sequence[str | Path],
    *,
    rounds: int = 3,
    scaling: bool = False,
    scaling_bytes: int = 1_000_000,
    scaling_docs: int = 2_000,
    progress: Callable[[str], None] | None = None,
) -> BenchReport:
    """Measure everything ``bilatextract bench`` prints (see the module docstring)."""
    say = progress or (lambda _msg: None)
    if rounds < 1:
        raise InvalidArgumentError("rounds must be at least 1")
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    docs, repeats = load_corpus(paths)
    words = sum(count_words(d["text"]) for d in docs)
    notes = []
    if repeats:
        notes.append(f"{repeats} repeated text(s) of the input left out: each text is read once")
    if words < MIN_WORDS:
        notes.append(f"too small to measure: {words:,} words, at least {MIN_WORDS:,} needed for throughput "
                     "figures that mean something; no throughput target judged")

    say("cold start (fresh processes) ...")
    first = next((d["text"] for d in docs if d["text"].strip()), docs[0]["text"])
    cold, cold_process, cold_cpu = cold_start(first, rounds=min(rounds, 3))

    results: dict[str, list[dict[str, Any]]] = {"pipe": [], "extract": []}
    corpus = json.dumps(docs, ensure_ascii=False)  # handed to each round on its standard input
    for i in range(rounds):
        for mode in results:
            say(f"round {i + 1}/{rounds}: {len(docs)} docs, {words:,} words read once through {mode} "
                "(fresh process) ...")
            results[mode].append(_child(_ROUND_CHILD, mode, stdin=corpus)[0])

    def throughput(mode: str, side: str) -> Throughput:
        runs = results[mode]
        return Throughput(words, len(docs), [r[f"{side}_s"] for r in runs], [r[f"{side}_cpu_s"] for r in runs])

    say("where the time goes: one pass stage by stage ...")
    stages = stage_seconds(docs)
    memory = max(r["maxrss_kb"] for r in results["pipe"]) / 1024
    report = BenchReport([str(p) for p in paths], rounds, throughput("pipe", "product"), throughput("pipe", "bare"),
                         throughput("extract", "product"), throughput("extract", "bare"), cold, cold_process,
                         memory, cold_start_cpu_s=cold_cpu, stages=stages, notes=notes)
    if scaling:
        _scaling(report, docs, rounds, scaling_bytes, scaling_docs, say)
    return report


__all__ = ["MIN_WORDS", "BenchReport", "Throughput", "format_report", "read_once", "report_json", "run_bench"]
