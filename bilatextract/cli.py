"""The command line: ``bilatextract extract|evaluate|schema|bench ...`` (also ``python -m bilatextract``).

Every failure is one line on stderr, ``bilatextract: FILE[:LINE]: what is wrong; what to do``.
Exit codes: 0 done, 1 some inputs could not be processed (the rest was written), 2 nothing
done (bad arguments, unreadable input, unwritable output), 128 + N ended by signal N (130
Ctrl-C, 143 SIGTERM, 129 SIGHUP), 141 the reader of stdout went away.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ._signals import Terminated, raise_pending, signals_as_exceptions
from .errors import BilatextractError, InputFormatError, InvalidArgumentError, OutputError, WorkerError
from .extractor import Extractor, check_reference_date
from .io import STDIO, atomic_output, check_inputs, check_output, read_documents

app = typer.Typer(
    name="bilatextract",
    help="Ministries, ministers, dates and agreements from German and English diplomatic texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

#: Inputs larger than this (bytes, all files together) get a progress bar on stderr.
PROGRESS_BYTES = 2_000_000

#: Positional arguments are taken from the context, so that help shows ``FILE...`` and no type.
_FILES = {"allow_extra_args": True, "allow_interspersed_args": True}


def _progress(paths: list[str]) -> bool:
    size = sum(Path(p).stat().st_size for p in paths if p != STDIO and Path(p).is_file())
    return size >= PROGRESS_BYTES


def _report(error: BaseException | str) -> None:
    print(f"bilatextract: {error}", file=sys.stderr)


def _fail(error: BaseException | str, code: int = 2) -> typer.Exit:
    _report(error)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        import spacy

        from . import __version__

        print(f"bilatextract {__version__} (spaCy {spacy.__version__}, Python {platform.python_version()})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Ministries, ministers, dates and agreements from German and English diplomatic texts."""


def _published(value: str | None) -> dt.date | None:
    try:
        return check_reference_date(value)
    except InvalidArgumentError:
        raise _fail(f"--published: {value!r} is not a date; give an ISO 8601 date like 2025-10-15") from None


def _inputs(ctx: typer.Context) -> list[str]:
    files = [str(a) for a in ctx.args]
    unknown = [a for a in files if a.startswith("-") and a != STDIO]
    if unknown:
        raise _fail(f"no such option: {unknown[0]}; see bilatextract {ctx.command.name} --help")
    if not files:
        raise _fail("name at least one input file (JSONL or .txt), or - for standard input")
    return files


@app.command(context_settings=_FILES, options_metavar="[OPTIONS] FILE...")
def extract(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="OUT.jsonl",
                                                help="Output JSONL file (default: stdout). Written whole or "
                                                     "not at all; never one of the inputs.")] = None,
    published: Annotated[str | None, typer.Option(metavar="DATE",
                                                  help="Publication date (ISO, e.g. 2025-10-15) anchoring "
                                                       "relative dates of documents that give none "
                                                       "(.txt files, JSONL lines without 'published').")] = None,
    batch_size: Annotated[int, typer.Option(metavar="N", help="Documents per spaCy batch.")] = 64,
    n_process: Annotated[int, typer.Option(metavar="K", help="Worker processes.")] = 1,
    lang: Annotated[str | None, typer.Option(metavar="CODE", help="Force this language (de, en) for every "
                                                                  "document.")] = None,
    include_text: Annotated[bool, typer.Option(help="Copy each document's text into its output line.")] = False,
    html: Annotated[bool | None, typer.Option("--html/--no-html", help="Read texts as HTML (tags dropped) or as "
                                              "plain text; by default HTML-like texts are detected.")] = None,
    mode: Annotated[str | None, typer.Option(help="Resolve dates as 'news' or 'narrative' (default: decided "
                                                  "per document).")] = None,
) -> None:
    """Extract the entities of every document and write one JSON line per document.

    A FILE ending in .jsonl or .ndjson holds one document a line (id, text, and optionally
    published and lang); - is standard input, read the same way; any other FILE is one
    plain-text document whose id is its name. A missing or unreadable FILE, or an output
    that cannot be written, stops the command before any work. A broken input line is
    reported on stderr with its file and line; the rest is written and the exit code is 1.
    """
    inputs = _inputs(ctx)
    reference = _published(published)
    try:
        check_output(output, inputs)
        check_inputs(inputs)
    except BilatextractError as e:
        raise _fail(e) from None
    failures = 0
    documents = 0

    def items() -> Any:
        nonlocal failures, documents
        for item in read_documents(inputs):
            if isinstance(item, InputFormatError):
                failures += 1
                _report(item)
                continue
            documents += 1
            yield item

    with signals_as_exceptions():
        _run_extract(output, inputs, items(), reference, batch_size, n_process, lang, include_text,
                     lambda: (failures, documents), html, mode)


def _run_extract(output: Path | None, inputs: list[str], items: Any, reference: dt.date | None, batch_size: int,
                 n_process: int, lang: str | None, include_text: bool, counts: Any, html: bool | None = None,
                 mode: str | None = None) -> None:
    kept = f"; {output} is unchanged" if output is not None and Path(output).exists() else ""
    kept = kept or ("; nothing written" if output is not None else "")
    failures = 0
    try:
        with atomic_output(output) as out:
            stream = Extractor().pipe(items, batch_size=batch_size, n_process=n_process, lang=lang,
                                      reference_date=reference, on_error="return", html=html, mode=mode)
            if _progress(inputs):
                from tqdm import tqdm

                stream = tqdm(stream, unit="doc", file=sys.stderr, desc="extract")
            for doc in stream:
                raise_pending()
                if doc.error is not None:
                    failures += 1
                    _report(f"document {doc.id!r}: {doc.error}")
                out.write(_json_line(doc, include_text) + "\n")
            raise_pending()  # a signal whose exception was swallowed: the output is not committed
            read_failures, documents = counts()
            if documents == 0 and read_failures and output is not None:
                raise OutputError(f"no input could be read{kept}", path=str(output))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except KeyboardInterrupt:
        # atomic_output has removed its temporary file: the target is as it was before.
        raise _fail(f"interrupted{kept}", 130) from None
    except Terminated as e:
        raise _fail(f"terminated by {e}{kept}", e.exit_code) from None
    except WorkerError as e:
        raise _fail(f"{e}{kept}") from None
    except BilatextractError as e:
        raise _fail(e) from None
    except OSError as e:
        where = f"{output}: " if output is not None else ""
        raise _fail(f"{where}cannot write ({e.strerror or e}){kept}") from None
    except Exception as e:
        _report(f"stopped by an unexpected {type(e).__name__}: {e}{kept} "
                "(please report this as a bug, with the input)")
        raise typer.Exit(2) from e
    failures += counts()[0]
    if failures:
        raise _fail(f"{failures} input(s) could not be processed; see the messages above", 1)


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
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl",
                                         help="A gold JSONL file in the format of the annotation guide.")],
    errors: Annotated[bool, typer.Option("--errors", help="List every missed, spurious and wrong entity.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    use_lang: Annotated[bool, typer.Option(help="Force each document's gold 'lang' instead of detecting it.")] = False,
    predictions: Annotated[Path | None, typer.Option("--save", metavar="PRED.jsonl",
                                                     help="Also write the predictions as JSONL.")] = None,
) -> None:
    """Run extraction on a gold file and print the referee's figures."""
    from .scoring import format_report, score

    try:
        check_output(predictions, [gold])
        check_inputs([gold])
    except BilatextractError as e:
        raise _fail(e) from None
    gold_docs: dict[str, dict[str, Any]] = {}
    for item in read_documents([gold]):
        if isinstance(item, InputFormatError):
            raise _fail(item)
        if not isinstance(item.get("entities"), list):
            raise _fail(f"{gold}: document {item['id']!r} has no gold 'entities' list; evaluate needs a gold file "
                        "in the annotation guide's format (to extract from unannotated text: bilatextract extract)")
        gold_docs[item["id"]] = item
    items = [
        {"id": d["id"], "text": d["text"], "published": d.get("published"),
         "lang": d.get("lang") if use_lang else None}
        for d in gold_docs.values()
    ]
    with signals_as_exceptions():
        try:
            pred = {doc.id: doc.to_dict() for doc in Extractor().pipe(items, on_error="return")}
            raise_pending()
            if predictions is not None:
                with atomic_output(predictions) as out:
                    for line in pred.values():
                        out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    raise_pending()
        except KeyboardInterrupt:
            raise _fail("interrupted", 130) from None
        except Terminated as e:
            raise _fail(f"terminated by {e}", e.exit_code) from None
        except BilatextractError as e:
            raise _fail(e) from None
        except OSError as e:
            raise _fail(f"{predictions}: cannot write ({e.strerror or e})") from None
    for doc_id, line in pred.items():
        if "error" in line:
            _report(f"{gold}: document {doc_id!r}: {line['error']}")
    report = score(gold_docs, pred)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report, errors=errors))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSONL output of extract (one document a line)."""
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
