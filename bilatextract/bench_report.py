"""The figures of ``bilatextract bench`` (see :mod:`bilatextract.bench`) and how the command prints them."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from typing import Any

#: Targets of the speed issues, printed beside the measured figures.
TARGETS = {
    "ratio": 0.5,
    "cold_start_s": 1.5,
    "peak_memory_mb": 400.0,
    "size_ratio": 0.8,
    "n_process_speedup": 1.6,
}
#: Fewer words than this are too few for a throughput figure to mean much.
MIN_WORDS = 10_000

@dataclass
class Throughput:
    """Median throughput over rounds, and the per-round seconds it comes from."""

    words: int
    docs: int
    seconds: list[float]
    #: CPU seconds per round (this process and its worker processes together).
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
    inputs: list[str]
    rounds: int
    #: Through ``Extractor.pipe`` and the bare tokenizers in the same processes.
    pipe: Throughput
    bare_pipe: Throughput
    #: Through one ``extract()`` call per document and the bare tokenizers in the same processes.
    extract: Throughput
    bare_extract: Throughput
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
    def measurable(self) -> bool:
        return self.pipe.words >= MIN_WORDS

    @property
    def ratio(self) -> float:
        return self.pipe.words_per_s / self.bare_pipe.words_per_s

    @property
    def extract_ratio(self) -> float:
        return self.extract.words_per_s / self.bare_extract.words_per_s

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
            "inputs": list(self.inputs), "rounds": self.rounds, "measurable": self.measurable,
            "min_words": MIN_WORDS,
            "pipe": self.pipe.to_dict(), "bare_tokenizer_pipe": self.bare_pipe.to_dict(),
            "extract": self.extract.to_dict(), "bare_tokenizer_extract": self.bare_extract.to_dict(),
            "ratio": round(self.ratio, 4), "extract_ratio": round(self.extract_ratio, 4),
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


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("  ok" if ok else "  MISSED")


def _cpu(t: Throughput) -> str:
    cpu = t.cpu_words_per_s
    return "n/a" if cpu is None else f"{cpu:,.0f}"


def _ratio_line(name: str, ours: Throughput, bare: Throughput, measurable: bool) -> str:
    ratio = ours.words_per_s / bare.words_per_s
    cpu_ours, cpu_bare = ours.cpu_words_per_s, bare.cpu_words_per_s
    cpu = f"   (CPU time: {cpu_ours / cpu_bare:.2f})" if cpu_ours and cpu_bare else ""
    judged = _mark(ratio >= TARGETS["ratio"]) if measurable else "  too small to measure"
    return f"ratio {name:18}{ratio:.2f}   target >= {TARGETS['ratio']:.2f}{judged}{cpu}"


def format_report(report: BenchReport) -> str:
    """The report as the command prints it."""
    p, e = report.pipe, report.extract
    lines = [
        f"bilatextract bench: {', '.join(report.inputs)} = {p.docs} docs, {p.words:,} words, each read once; "
        f"medians of {report.rounds} round(s), each in a fresh process",
        f"{'':30}{'words/s':>12}{'docs/s':>10}{'CPU words/s':>14}",
        f"{'bilatextract, pipe':30}{p.words_per_s:>12,.0f}{p.docs_per_s:>10,.1f}{_cpu(p):>14}",
        f"{'bare spaCy tokenizer':30}{report.bare_pipe.words_per_s:>12,.0f}{report.bare_pipe.docs_per_s:>10,.1f}"
        f"{_cpu(report.bare_pipe):>14}",
        f"{'bilatextract, extract() each':30}{e.words_per_s:>12,.0f}{e.docs_per_s:>10,.1f}{_cpu(e):>14}",
        f"{'bare spaCy tokenizer':30}{report.bare_extract.words_per_s:>12,.0f}"
        f"{report.bare_extract.docs_per_s:>10,.1f}{_cpu(report.bare_extract):>14}",
        _ratio_line("(words/s) pipe", p, report.bare_pipe, report.measurable),
        _ratio_line("(words/s) extract", e, report.bare_extract, report.measurable),
        f"cold start              {report.cold_start_s:.2f} s   (import + the pipelines + first document, "
        f"fresh process; {report.cold_start_process_s:.2f} s with interpreter start-up; "
        f"{report.cold_start_cpu_s:.2f} s CPU) "
        f"target < {TARGETS['cold_start_s']} s" + _mark(report.cold_start_s < TARGETS["cold_start_s"]),
        f"peak memory             {report.peak_memory_mb:.0f} MB   (ru_maxrss of the pipe process) "
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
    if report.stages:
        total = sum(report.stages.values())
        bare_cpu = report.bare_pipe.cpu_words_per_s
        floor = p.words / bare_cpu if bare_cpu else 0.0
        now = f"{total / floor:.2f}x" if floor else "?"
        lines.append(f"where the time goes (CPU s of one pass; x the bare tokenizer's {floor:.3f} s; "
                     f"the ratio target allows {1 / TARGETS['ratio']:.0f}x in all, now {now}):")
        for name, sec in sorted(report.stages.items(), key=lambda kv: -kv[1]):
            times = f"{sec / floor:5.2f}x" if floor else "     "
            lines.append(f"  {name:22}{sec:8.3f} s  {sec / total if total else 0:4.0%}  {times}")
    lines.extend(f"note: {n}" for n in report.notes)
    return "\n".join(lines)


def report_json(report: BenchReport) -> str:
    return json.dumps(report.to_dict(), indent=1)


__all__ = ["MIN_WORDS", "TARGETS", "BenchReport", "Throughput", "format_report", "report_json"]
