"""``bilatextract bench``: how fast the whole product runs, next to spaCy's bare tokenizer.

The bare tokenizer (``spacy.blank(lang)``) is the reference the speed target is set
against. (It is not quite the floor: after the first special case in a text spaCy's
tokenizer stops caching, and bilatextract's tokenizer, ``bilatextract.tokenizer``, gets
those cache hits, so it reads the same text several times faster.) In one run the bench
measures, on the input corpus repeated to a target size:

- end-to-end throughput (language detection, both pipelines, normalisation, typed results)
  and the bare tokenizer's on the same texts, interleaved round by round so that load from
  other processes hits both alike; figures are medians of the rounds;
- cold start: import, both pipelines built and the first document, in a fresh process;
- peak memory (``ru_maxrss``) of a fresh process running the product over the corpus;
- where the time goes: CPU seconds per stage (routing, tokenizer, each pipeline component,
  typed results) of one pass over the corpus;
- scaling: one ~1 MB document against the same text cut into ~1 KB documents, and
  ``n_process=2`` against one process on a corpus of a few thousand ~1 KB documents.

"Words" are whitespace-separated strings of the input, counted the same way for both sides.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputFormatError, InvalidArgumentError
from .io import read_documents

#: Targets of the speed issue (#7), printed beside the measured figures.
TARGETS = {
    "ratio": 0.5,
    "cold_start_s": 1.5,
    "peak_memory_mb": 400.0,
    "size_ratio": 0.8,
    "n_process_speedup": 1.6,
}

#: Fallback spaCy language for texts bilatextract does not support, in the bare run.
_OTHER_LANG = "xx"


@dataclass
class Throughput:
    """Median throughput over rounds, and the per-round seconds it comes from."""

    words: int
    docs: int
    seconds: list[float]
    #: CPU seconds per round, this process and its worker processes together: what the work
    #: costs, whatever else the machine runs.
    cpu_seconds: list[float] = field(default_factory=list)

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def words_per_s(self) -> float:
        return self.words / self.median_s if self.median_s > 0 else float("inf")

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.median_s if self.median_s > 0 else float("inf")

    @property
    def cpu_words_per_s(self) -> float | None:
        if not self.cpu_seconds:
            return None
        cpu = statistics.median(self.cpu_seconds)
        return self.words / cpu if cpu > 0 else float("inf")

    def to_dict(self) -> dict[str, Any]:
        cpu = self.cpu_words_per_s
        return {"words": self.words, "docs": self.docs, "seconds": [round(s, 4) for s in self.seconds],
                "words_per_s": round(self.words_per_s, 1), "docs_per_s": round(self.docs_per_s, 2),
                "cpu_seconds": [round(s, 4) for s in self.cpu_seconds],
                "cpu_words_per_s": None if cpu is None else round(cpu, 1)}


@dataclass
class BenchReport:
    input: str
    repeat: int
    rounds: int
    n_process: int
    product: Throughput
    bare: Throughput
    cold_start_s: float
    cold_start_process_s: float
    peak_memory_mb: float
    cold_start_cpu_s: float = 0.0
    large_doc: Throughput | None = None
    small_docs: Throughput | None = None
    single_process: Throughput | None = None
    two_processes: Throughput | None = None
    #: CPU seconds per stage of one pass over the corpus, in pipeline order.
    stages: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.product.words_per_s / self.bare.words_per_s

    @property
    def size_ratio(self) -> float | None:
        if self.large_doc is None or self.small_docs is None:
            return None
        return self.large_doc.words_per_s / self.small_docs.words_per_s

    @property
    def n_process_speedup(self) -> float | None:
        if self.single_process is None or self.two_processes is None:
            return None
        return self.two_processes.words_per_s / self.single_process.words_per_s

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "input": self.input, "repeat": self.repeat, "rounds": self.rounds, "n_process": self.n_process,
            "product": self.product.to_dict(), "bare_tokenizer": self.bare.to_dict(),
            "ratio": round(self.ratio, 4),
            "cold_start_s": round(self.cold_start_s, 4),
            "cold_start_process_s": round(self.cold_start_process_s, 4),
            "cold_start_cpu_s": round(self.cold_start_cpu_s, 4),
            "peak_memory_mb": round(self.peak_memory_mb, 1),
        }
        for name in ("large_doc", "small_docs", "single_process", "two_processes"):
            value = getattr(self, name)
            out[name] = value.to_dict() if value is not None else None
        size_ratio, speedup = self.size_ratio, self.n_process_speedup
        out["size_ratio"] = None if size_ratio is None else round(size_ratio, 4)
        out["n_process_speedup"] = None if speedup is None else round(speedup, 4)
        out["stages_cpu_s"] = {name: round(sec, 4) for name, sec in self.stages.items()}
        out["targets"] = dict(TARGETS)
        out["notes"] = list(self.notes)
        return out


def count_words(text: str) -> int:
    return len(text.split())


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a JSONL (or text) file; a broken line stops the bench."""
    docs = []
    for item in read_documents([path]):
        if isinstance(item, InputFormatError):
            raise item
        docs.append(item)
    if not docs:
        raise InvalidArgumentError(f"{path}: no documents to benchmark")
    return docs


def repeat_for(docs: Sequence[dict[str, Any]], target_words: int) -> int:
    """How many copies of the corpus reach ``target_words``."""
    words = sum(count_words(d["text"]) for d in docs)
    return max(1, -(-target_words // max(words, 1)))


def repeated(docs: Sequence[dict[str, Any]], repeat: int) -> list[dict[str, Any]]:
    """The corpus ``repeat`` times, as plain input items with unique ids (no forced language)."""
    return [
        {"id": f"{d.get('id')}#{i}", "text": d["text"], "published": d.get("published")}
        for i in range(repeat)
        for d in docs
    ]


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


def _run_product(items: Sequence[dict[str, Any]], n_process: int, batch_size: int) -> Callable[[], None]:
    from .extractor import Extractor

    extractor = Extractor()

    def run() -> None:
        for _doc in extractor.pipe(items, n_process=n_process, batch_size=batch_size):
            pass

    return run


def bare_languages(texts: Sequence[str]) -> list[str]:
    """The spaCy language each text is tokenised with in the bare run: its detected language
    where bilatextract supports it, else spaCy's multi-language tokenizer. Decided outside the
    timing, so the bare run is the tokenizer alone."""
    from .resources import languages
    from .routing import detect

    supported = set(languages())
    out = []
    for text in texts:
        lang = detect(text)
        out.append(lang if lang in supported else _OTHER_LANG)
    return out


def _run_bare(texts: Sequence[str], langs: Sequence[str], batch_size: int) -> Callable[[], None]:
    import spacy

    by_lang: dict[str, list[str]] = {}
    for text, lang in zip(texts, langs, strict=True):
        by_lang.setdefault(lang, []).append(text)
    tokenizers = {lang: spacy.blank(lang) for lang in by_lang}

    def run() -> None:
        for lang, group in by_lang.items():
            for _doc in tokenizers[lang].pipe(group, batch_size=batch_size):
                pass

    return run


def _subprocess_env() -> dict[str, str]:
    """An environment in which a child process imports this same bilatextract."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


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

_MEMORY_CHILD = """\
import json, resource, sys
from bilatextract.bench import load_corpus, repeated
from bilatextract.extractor import Extractor
_items = repeated(load_corpus({path!r}), {repeat})
for _doc in Extractor().pipe(_items, n_process={n_process}):
    pass
print(json.dumps({{"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "children_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}))
"""


def _child(code: str) -> tuple[dict[str, Any], float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_subprocess_env(), timeout=1800)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"bench child process failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), wall


def cold_start(first_text: str, rounds: int) -> tuple[float, float, float]:
    """Median seconds of import + both pipelines + first document in a fresh process, the
    median wall time of that whole process (interpreter start-up included), and the median
    CPU seconds of the measured part."""
    inner, outer, cpu = [], [], []
    for _ in range(rounds):
        result, wall = _child(_COLD_CHILD.format(text=first_text))
        inner.append(result["seconds"])
        cpu.append(result["cpu_seconds"])
        outer.append(wall)
    return statistics.median(inner), statistics.median(outer), statistics.median(cpu)


def peak_memory_mb(path: str | Path, repeat: int, n_process: int = 1) -> float:
    """Peak resident memory (MB) of a fresh process running the product over the corpus."""
    result, _ = _child(_MEMORY_CHILD.format(path=str(path), repeat=repeat, n_process=n_process))
    kb = max(result["maxrss_kb"], result["children_maxrss_kb"])
    return kb / 1024


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
    ``Extractor.pipe`` runs them: routing, the tokenizer, each pipeline component, and
    typing the results."""
    from collections import defaultdict

    from . import pipeline, routing
    from .components.base import view_of
    from .extractor import _spacy_safe, check_reference_date
    from .results import build_document, raw_mentions

    clock = time.process_time
    totals: dict[str, float] = defaultdict(float)
    for item in items:
        text = item["text"]
        ref = check_reference_date(item.get("reference_date", item.get("published")))
        start = clock()
        routed = routing.route(text)
        totals["routing"] += clock() - start
        mentions = []
        for seg in routed.segments:
            nlp = pipeline.get(seg.lang)
            part = _spacy_safe(text[seg.start : seg.end])
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
                       mentions=mentions, reference_date=ref, doc_id=None)
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


def run_bench(
    path: str | Path,
    *,
    repeat: int | None = None,
    target_words: int = 200_000,
    rounds: int = 5,
    n_process: int = 1,
    batch_size: int = 64,
    scaling_bytes: int = 1_000_000,
    small_bytes: int = 1_000,
    scaling_docs: int = 2_000,
    scaling: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BenchReport:
    """Measure everything ``bilatextract bench`` prints (see the module docstring)."""
    say = progress or (lambda _msg: None)
    if rounds < 1 or n_process < 1:
        raise InvalidArgumentError("rounds and n_process must be at least 1")
    docs = load_corpus(path)
    repeat = repeat or repeat_for(docs, target_words)
    items = repeated(docs, repeat)
    texts = [d["text"] for d in items]
    words = sum(map(count_words, texts))
    notes = []

    say("cold start (fresh processes) ...")
    first = next((d["text"] for d in docs if d["text"].strip()), docs[0]["text"])
    cold, cold_process, cold_cpu = cold_start(first, rounds=min(rounds, 3))

    say("warming up both sides ...")
    langs = bare_languages([d["text"] for d in docs]) * repeat
    product_run = _run_product(items, n_process, batch_size)
    bare_run = _run_bare(texts, langs, batch_size)
    _run_product(items[: len(docs)], 1, batch_size)()  # builds the pipelines, loads the tables
    bare_run()
    say(f"throughput: {len(items)} docs, {words} words, {rounds} rounds ...")
    seconds = _median_rounds(rounds, {"product": product_run, "bare": bare_run})
    product = Throughput(words, len(items), *seconds["product"])
    bare = Throughput(words, len(items), *seconds["bare"])
    if n_process > 1:
        notes.append(f"the product ran with n_process={n_process}, the bare tokenizer in one process")

    say("where the time goes: one pass stage by stage ...")
    stages = stage_seconds(items)

    say("peak memory (fresh process) ...")
    memory = peak_memory_mb(path, repeat, n_process)

    report = BenchReport(str(path), repeat, rounds, n_process, product, bare, cold, cold_process, memory,
                         cold_start_cpu_s=cold_cpu, stages=stages, notes=notes)
    if not scaling:
        return report

    say("scaling: one large document vs small documents ...")
    # The most common supported language of the corpus, so the long document routes like its parts.
    supported_langs = [lang for lang in langs[: len(docs)] if lang != _OTHER_LANG]
    main_lang = max(set(supported_langs), key=supported_langs.count) if supported_langs else None
    source = [d["text"] for d, lang in zip(docs, langs, strict=False) if lang == main_lang] or texts
    large = long_text(source, scaling_bytes)
    small = cut(large, small_bytes)
    large_items = [{"id": "large", "text": large}]
    small_items = [{"id": f"small-{i}", "text": t} for i, t in enumerate(small)]
    _run_product(small_items[:50], 1, batch_size)()  # one-off loads (lemma shards, langdetect) out of the timing
    seconds = _median_rounds(rounds, {"large": _run_product(large_items, 1, batch_size),
                                      "small": _run_product(small_items, 1, batch_size)})
    report.large_doc = Throughput(count_words(large), 1, *seconds["large"])
    report.small_docs = Throughput(sum(map(count_words, small)), len(small), *seconds["small"])

    say(f"scaling: n_process=2 vs 1 on {scaling_docs} documents ...")
    many_texts = list(itertools.islice(itertools.cycle(small), max(scaling_docs, 1)))
    many = [{"id": f"doc-{i}", "text": t} for i, t in enumerate(many_texts)]
    many_words = sum(map(count_words, many_texts))
    seconds = _median_rounds(rounds, {"one": _run_product(many, 1, batch_size),
                                      "two": _run_product(many, 2, batch_size)})
    report.single_process = Throughput(many_words, len(many), *seconds["one"])
    report.two_processes = Throughput(many_words, len(many), *seconds["two"])
    cores = os.cpu_count() or 1
    if cores <= 2:
        notes.append(f"this machine has {cores} core(s): n_process=2 competes with everything else running")
    return report


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("  ok" if ok else "  MISSED")


def _cpu(t: Throughput, n_process: int) -> str:
    cpu = t.cpu_words_per_s
    return "n/a" if cpu is None else f"{cpu:,.0f}"


def _cpu_ratio(report: BenchReport) -> str:
    ours, bare = report.product.cpu_words_per_s, report.bare.cpu_words_per_s
    if ours is None or not bare:
        return ""
    return f"   (CPU time: {ours / bare:.2f})"


def format_report(report: BenchReport) -> str:
    """The report as the command prints it."""
    p, b = report.product, report.bare
    lines = [
        f"bilatextract bench: {report.input} x{report.repeat} = {p.docs} docs, {p.words:,} words; "
        f"medians of {report.rounds} round(s); n_process={report.n_process}",
        f"{'':24}{'words/s':>12}{'docs/s':>10}{'CPU words/s':>14}",
        f"{'bilatextract':24}{p.words_per_s:>12,.0f}{p.docs_per_s:>10,.1f}{_cpu(p, report.n_process):>14}",
        f"{'bare spaCy tokenizer':24}{b.words_per_s:>12,.0f}{b.docs_per_s:>10,.1f}{_cpu(b, 1):>14}",
        f"ratio (words/s)         {report.ratio:.2f}   target >= {TARGETS['ratio']:.2f}"
        + _mark(report.ratio >= TARGETS["ratio"]) + _cpu_ratio(report),
        f"cold start              {report.cold_start_s:.2f} s   (import + both pipelines + first document, "
        f"fresh process; {report.cold_start_process_s:.2f} s with interpreter start-up; "
        f"{report.cold_start_cpu_s:.2f} s CPU) "
        f"target < {TARGETS['cold_start_s']} s" + _mark(report.cold_start_s < TARGETS["cold_start_s"]),
        f"peak memory             {report.peak_memory_mb:.0f} MB   (ru_maxrss, fresh process over the corpus) "
        f"target < {TARGETS['peak_memory_mb']:.0f} MB" + _mark(report.peak_memory_mb < TARGETS["peak_memory_mb"]),
    ]
    if report.large_doc is not None and report.small_docs is not None and report.size_ratio is not None:
        lines.append(
            f"scaling: 1 MB document  {report.large_doc.words_per_s:,.0f} words/s vs "
            f"{report.small_docs.docs:,} x 1 KB documents {report.small_docs.words_per_s:,.0f} words/s: "
            f"ratio {report.size_ratio:.2f}   target >= {TARGETS['size_ratio']:.2f}"
            + _mark(report.size_ratio >= TARGETS["size_ratio"])
        )
    if report.single_process is not None and report.two_processes is not None:
        speedup = report.n_process_speedup or 0.0
        lines.append(
            f"scaling: n_process=2    {report.two_processes.words_per_s:,.0f} words/s vs n_process=1 "
            f"{report.single_process.words_per_s:,.0f} words/s on {report.single_process.docs:,} documents: "
            f"{speedup:.2f}x   target >= {TARGETS['n_process_speedup']}x"
            + _mark(speedup >= TARGETS["n_process_speedup"])
        )
        one, two = report.single_process.cpu_words_per_s, report.two_processes.cpu_words_per_s
        if one and two:
            lines.append(
                f"                        CPU words/s (parent and workers): n_process=2 {two:,.0f} vs 1 {one:,.0f}; "
                f"with two idle cores the speed-up would be about {2 * two / one:.2f}x"
            )
    if report.stages:
        total = sum(report.stages.values())
        # Each stage against one pass of the bare tokenizer (CPU), the unit of the ratio target:
        # a ratio of 0.5 allows 2x in all. bilatextract's own tokenizer is one of the stages.
        floor = p.words / b.cpu_words_per_s if b.cpu_words_per_s else 0.0
        now = f"{total / floor:.2f}x" if floor else "?"
        lines.append(f"where the time goes (CPU s of one pass; x the bare tokenizer's {floor:.3f} s; "
                     f"the ratio target allows {1 / TARGETS['ratio']:.0f}x in all, now {now}):")
        for name, sec in sorted(report.stages.items(), key=lambda kv: -kv[1]):
            times = f"{sec / floor:5.2f}x" if floor else "     "
            lines.append(f"  {name:22}{sec:8.3f} s  {sec / total:4.0%}  {times}")
    lines.extend(f"note: {n}" for n in report.notes)
    return "\n".join(lines)


def report_json(report: BenchReport) -> str:
    return json.dumps(report.to_dict(), indent=1)


__all__ = ["BenchReport", "Throughput", "format_report", "report_json", "run_bench"]
