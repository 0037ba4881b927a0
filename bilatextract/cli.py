"""The command line: ``bilatextract extract|evaluate|schema|bench ...`` (also ``python -m bilatextract``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import BilatextractError, InputFormatError
from .extractor import Extractor
from .io import atomic_output, read_documents

app = typer.Typer(
    name="bilatextract",
    help="Ministries, ministers, dates and agreements from German and English diplomatic texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Inputs larger than this (bytes, all files together) get a progress bar on stderr.
PROGRESS_BYTES = 2_000_000


def _progress(paths: list[Path]) -> bool:
    size = sum(p.stat().st_size for p in paths if p.is_file())
    return size >= PROGRESS_BYTES


def _report(error: BaseException) -> None:
    print(f"bilatextract: {error}", file=sys.stderr)


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL files (id, text, published, lang) or .txt files.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output JSONL file; stdout if omitted.")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 64,
    n_process: Annotated[int, typer.Option(help="Worker processes for spaCy's nlp.pipe.")] = 1,
    lang: Annotated[str | None, typer.Option(help="Force this language for every document.")] = None,
    include_text: Annotated[bool, typer.Option(help="Copy each document's text into its output line.")] = False,
    html: Annotated[bool | None, typer.Option("--html/--no-html", help="Read texts as HTML (tags dropped) or as "
                                              "plain text; by default HTML-like texts are detected.")] = None,
    mode: Annotated[str | None, typer.Option(help="Resolve dates as 'news' or 'narrative' (default: decided "
                                                  "per document).")] = None,
) -> None:
    """Extract entities from documents and write one JSON line per document.

    A broken input line or an unreadable file is reported on stderr with its path and
    line number; the rest is processed and the exit code is 1 at the end.
    """
    failures = 0

    def items() -> Any:
        nonlocal failures
        for item in read_documents(inputs):
            if isinstance(item, InputFormatError):
                failures += 1
                _report(item)
                continue
            yield item

    extractor = Extractor()
    stream = extractor.pipe(items(), batch_size=batch_size, n_process=n_process, lang=lang,
                            on_error="return", html=html, mode=mode)
    if _progress(inputs):
        from tqdm import tqdm

        stream = tqdm(stream, unit="doc", file=sys.stderr, desc="extract")
    try:
        with atomic_output(output) as out:
            for doc in stream:
                if doc.error is not None:
                    failures += 1
                    _report(BilatextractError(f"document {doc.id!r}: {doc.error}"))
                out.write(_json_line(doc, include_text) + "\n")
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except KeyboardInterrupt:
        # atomic_output has removed its temporary file: the target is as it was before.
        _report(BilatextractError("interrupted; no output written" if output else "interrupted"))
        raise typer.Exit(130) from None
    except BilatextractError as e:
        _report(e)
        raise typer.Exit(2) from e
    except Exception as e:
        _report(BilatextractError(f"stopped by an unexpected {type(e).__name__}: {e}; no output written "
                                  "(please report this as a bug, with the input)"))
        raise typer.Exit(2) from e
    if failures:
        _report(BilatextractError(f"{failures} input(s) could not be processed"))
        raise typer.Exit(1)


def _json_line(doc: Any, include_text: bool) -> str:
    """The document's JSON line; \\u-escaped where the text holds lone surrogates UTF-8 cannot encode."""
    line = doc.to_json(include_text=include_text)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(doc.to_dict(include_text=include_text), ensure_ascii=True)
    return line


@app.command()
def stress(
    chars: Annotated[int, typer.Option(help="Length of the base inputs in characters.")] = 5000,
    scale: Annotated[int, typer.Option(help="How many times longer the second run of each input is.")] = 10,
    lang: Annotated[list[str] | None, typer.Option(help="Languages to run (default: all).")] = None,
    only: Annotated[list[str] | None, typer.Option(help="Run only these inputs (by name).")] = None,
    fail_above: Annotated[float | None, typer.Option(help="Exit 1 if a time ratio exceeds this.")] = None,
    huge_mb: Annotated[float | None, typer.Option(help="Instead: time this many MB of prose and a tenth.")] = None,
) -> None:
    """Time adversarial inputs at 1x and 10x length and print the ratios (linear is about 10)."""
    from . import resources
    from . import stress as stress_module

    langs = tuple(lang) if lang else resources.languages()
    if huge_mb is not None:
        for code in langs:
            runs = stress_module.run_huge(huge_mb, code)
            for chars, seconds, entities, right in runs:
                print(f"{code} {chars:>11,} chars {seconds:8.1f} s {chars / seconds / 1000:7.1f} kchar/s "
                      f"{entities:>8} entities  offsets {'right' if right else 'WRONG'}")
            print(f"{code} time ratio {runs[1][1] / runs[0][1]:.1f} for {runs[1][0] / runs[0][0]:.0f}x the length")
        return
    unknown = [name for name in only or [] if name not in stress_module.GENERATORS]
    if unknown:
        _report(BilatextractError(f"unknown inputs {unknown}; known: {', '.join(stress_module.GENERATORS)}"))
        raise typer.Exit(2)
    results = stress_module.run(langs=langs, chars=chars, scale=scale, names=only)
    threshold = fail_above if fail_above is not None else 3 * scale
    print(stress_module.format_results(results, threshold))
    if fail_above is not None and any(r.ratio > fail_above for r in results):
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold JSONL file in the format of the annotation guide.")],
    errors: Annotated[bool, typer.Option("--errors", help="List every missed, spurious and wrong entity.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    use_lang: Annotated[bool, typer.Option(help="Force each document's gold 'lang' instead of detecting it.")] = False,
    predictions: Annotated[Path | None, typer.Option("--save", help="Also write the predictions as JSONL.")] = None,
) -> None:
    """Run extraction on a gold file and print the referee's figures."""
    from .scoring import format_report, score

    gold_docs: dict[str, dict[str, Any]] = {}
    for item in read_documents([gold]):
        if isinstance(item, InputFormatError):
            _report(item)
            raise typer.Exit(2)
        gold_docs[item["id"]] = item
    items = [
        {"id": d["id"], "text": d["text"], "published": d.get("published"),
         "lang": d.get("lang") if use_lang else None}
        for d in gold_docs.values()
    ]
    pred = {doc.id: doc.to_dict() for doc in Extractor().pipe(items)}
    if predictions is not None:
        with atomic_output(predictions) as out:
            for line in pred.values():
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    report = score(gold_docs, pred)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report, errors=errors))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSONL output of ``extract`` (one document a line)."""
    from .schema import schema_json

    print(schema_json())


@app.command()
def bench(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL corpora (id, text, published); each text is read once.")],
    rounds: Annotated[int, typer.Option(help="Rounds (fresh processes) per measurement; figures are medians.")] = 3,
    scaling: Annotated[bool, typer.Option(help="Also run the scaling checks (long document, n_process=2).")] = False,
    scaling_bytes: Annotated[int, typer.Option(help="Size of the long document of the scaling check.")] = 1_000_000,
    scaling_docs: Annotated[int, typer.Option(help="Documents of the n_process=2 vs 1 check.")] = 2_000,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    save: Annotated[Path | None, typer.Option("--save", help="Also write the figures as JSON to this file.")] = None,
) -> None:
    """Throughput on unique text next to spaCy's bare tokenizer (pipe and extract), cold start, peak memory."""
    from .bench import format_report, report_json, run_bench

    try:
        report = run_bench(inputs, rounds=rounds, scaling=scaling, scaling_bytes=scaling_bytes,
                           scaling_docs=scaling_docs, progress=lambda msg: print(f"bench: {msg}", file=sys.stderr))
    except BilatextractError as e:
        _report(e)
        raise typer.Exit(2) from e
    if save is not None:
        with atomic_output(save) as out:
            out.write(report_json(report) + "\n")
    print(report_json(report) if as_json else format_report(report))


def main() -> None:
    """The console script's entry point."""
    app()
