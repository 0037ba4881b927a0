"""The extractor: routing, the per-language pipelines, typed results."""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import pickle
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline, resources, routing
from ._workers import worker_pool
from .components.base import view_of
from .errors import ExtractionError, InputTypeError, InvalidArgumentError
from .inputs import check_lang, check_mode, check_reference_date, check_text, spacy_safe
from .results import RawMention, build_document, raw_mentions
from .text import View, normalise, recase
from .types import Document, ReferenceDate

#: What ``Extractor.pipe`` accepts for one document: its text, or a mapping with
#: ``text`` and optionally ``id``, ``reference_date`` (or ``published``) and ``lang``.
InputItem = str | Mapping[str, Any]
OnError = Literal["raise", "return"]


def _make_doc(nlp: Language, text: str, job: _Job) -> Doc:
    """The tokenised segment, carrying the caller's reference date for the components
    (knowledge-base look-ups name a ministry as it was called at the time)."""
    doc = nlp.make_doc(text)
    view_of(doc, text)  # the components read the text from here, not from Doc.text
    if job.reference_date is not None:
        doc._.bilat_reference_date = job.reference_date.isoformat()
    return doc


@dataclass(slots=True)
class _Job:
    """One input document on its way through the pipelines."""

    index: int
    doc_id: str | None
    text: str
    reference_date: dt.date | None
    routing: routing.Routing | None
    mentions: list[RawMention]
    error: str | None = None
    #: The normalised text the pipelines read, with its map back to ``text``.
    view: View | None = None
    #: "news" or "narrative" forced by the caller, or None (decided from the dates).
    mode: str | None = None


class Extractor:
    """Extracts ministries, ministers, dates and agreements; build once, reuse.

    The spaCy pipelines are built on first use of a language and shared by all
    extractors of the process. An extractor may be shared between threads: calls into
    one language's pipeline take turns (a lock), so results are those of sequential
    use. The pipelines themselves (``nlp(lang)``, ``pipeline.get``) are plain spaCy
    objects: do not call one from several threads at once. For parallel speed use
    ``pipe(..., n_process=N)``.
    """

    def __init__(self, *, languages: Iterable[str] | None = None) -> None:
        if isinstance(languages, str):
            languages = [languages]
        self.languages = tuple(languages) if languages else resources.languages()
        for lang in self.languages:
            resources.check_language(lang)

    def nlp(self, lang: str) -> Language:
        """The spaCy pipeline for ``lang``."""
        return pipeline.get(resources.check_language(lang))

    def extract(
        self,
        text: str,
        *,
        reference_date: dt.date | str | None = None,
        lang: str | None = None,
        id: str | None = None,  # noqa: A002  (the name of the JSONL field)
        html: bool | None = None,
        mode: str | None = None,
    ) -> Document:
        """Extract the entities of one text.

        ``reference_date`` anchors relative dates ("heute", "last year"); without it the
        document's own dateline is used where it prints one. ``lang`` forces the language.
        ``html``: True reads the text as HTML, False as plain text, None (default) detects
        HTML-like input (see :func:`bilatextract.text.normalise`).
        ``mode`` ("news" or "narrative") forces how underspecified dates are resolved: against
        the reference date, or against the date the story has reached; None decides it from
        the document's dates (see :mod:`bilatextract.timex.story`).
        """
        text = check_text(text, id)
        return next(self.pipe([{"text": text, "id": id}], reference_date=reference_date, lang=lang,
                              on_error="raise", html=html, mode=mode))

    def pipe(
        self,
        texts: Iterable[InputItem],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        reference_date: dt.date | str | None = None,
        lang: str | None = None,
        on_error: OnError = "raise",
        html: bool | None = None,
        mode: str | None = None,
    ) -> Iterator[Document]:
        """Extract from many texts, in order, through spaCy's ``nlp.pipe``.

        Items are strings or mappings with ``text`` and optionally ``id``,
        ``reference_date`` (or ``published``), ``lang`` and ``mode``; the keyword arguments are
        the defaults for items that say nothing. With ``on_error="return"`` a document
        that cannot be processed comes back with ``error`` set instead of raising.
        """
        if on_error not in ("raise", "return"):
            raise InvalidArgumentError(f"on_error must be 'raise' or 'return', not {on_error!r}")
        for name, number in (("batch_size", batch_size), ("n_process", n_process)):
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise InvalidArgumentError(f"{name} must be a whole number of at least 1, not {number!r}")
        if isinstance(texts, (str, bytes)):
            raise InputTypeError(
                "pipe() takes an iterable of texts, not one text: wrap it in a list, or call extract()"
            )
        default_ref = check_reference_date(reference_date)
        default_lang = check_lang(lang)
        if html is not None and not isinstance(html, bool):
            raise InvalidArgumentError(f"html must be True, False or None, not {html!r}")
        default_mode = check_mode(mode)
        if default_mode is not None:
            texts = (_with_mode(item, default_mode) for item in texts)
        if n_process > 1:
            yield from self._pipe_parallel(texts, batch_size, n_process, default_ref, default_lang, on_error,
                                           html)
            return
        yield from self._pipe_serial(texts, batch_size, default_ref, default_lang, on_error, html)

    def _pipe_serial(
        self,
        texts: Iterable[InputItem],
        batch_size: int,
        default_ref: dt.date | None,
        default_lang: str | None,
        on_error: OnError,
        html: bool | None,
        first_index: int = 0,
    ) -> Iterator[Document]:
        """``pipe`` in this process; ``first_index`` is the position of the first item in the
        caller's input (messages name items by it)."""
        chunk = batch_size * 4
        counter = itertools.count(first_index)
        iterator = iter(texts)
        while batch := list(itertools.islice(iterator, chunk)):
            jobs = [
                self._prepare(next(counter), item, default_ref, default_lang, on_error, html)
                for item in batch
            ]
            self._run(jobs, batch_size, on_error)
            for job in jobs:
                yield self._finish(job, on_error)

    def _pipe_parallel(
        self,
        texts: Iterable[InputItem],
        batch_size: int,
        n_process: int,
        default_ref: dt.date | None,
        default_lang: str | None,
        on_error: OnError,
        html: bool | None = None,
    ) -> Iterator[Document]:
        """``pipe`` over ``n_process`` worker processes, each running the whole product
        (routing, pipelines, typed results) on chunks of ``batch_size`` documents.

        One pool of our own (``_workers``) serves the whole stream and only the small typed
        results travel back; under ``fork`` the pipelines are built before forking and shared
        copy-on-write. Each worker has one chunk at a time, at most ``4 * n_process`` chunks
        past the oldest one not yet yielded, so a long stream is never read far ahead; a
        worker that dies raises :class:`WorkerError` instead of hanging the parent.
        """
        context = multiprocessing.get_context()  # the platform's (or the caller's) default; spawn-safe
        if context.get_start_method() == "fork":
            for code in self.languages:
                self.nlp(code)  # built once here, inherited by every worker
        settings = (self.languages, batch_size, default_ref, default_lang, on_error, html)
        iterator = iter(texts)
        firsts = itertools.count(0, batch_size)  # each chunk with its first item's position in the input
        chunks = ((next(firsts), c) for c in iter(lambda: list(itertools.islice(iterator, batch_size)), []))
        with worker_pool(context, n_process, _worker_run, _worker_start, (settings,)) as pool:
            for docs, error in pool.map(chunks):
                if error is not None:
                    raise error
                yield from docs

    def _prepare(
        self,
        index: int,
        item: InputItem,
        default_ref: dt.date | None,
        default_lang: str | None,
        on_error: OnError,
        html: bool | None = None,
    ) -> _Job:
        doc_id: str | None = None
        try:
            if isinstance(item, Mapping):
                doc_id = None if item.get("id") is None else str(item["id"])
                if "text" not in item:
                    raise InputTypeError(f"item {index} has no 'text' (its keys: {', '.join(map(repr, item))}); "
                                         "give each document's text under 'text'")
                text = check_text(item.get("text"), doc_id)
                key = "reference_date" if "reference_date" in item else "published"
                ref = item.get(key)
                ref_date = check_reference_date(ref, key) if ref is not None else default_ref
                forced = check_lang(item["lang"]) if item.get("lang") else default_lang
                mode = check_mode(item.get("mode"))
            else:
                text = check_text(item)
                ref_date, forced, mode = default_ref, default_lang, None
            view = normalise(text, html)
            routed = routing.route(view.text, forced, self.languages)
            return _Job(index, doc_id, text, ref_date, routed, [], view=recase(view, routed.segments), mode=mode)
        except Exception as e:
            if on_error == "raise":
                raise
            text = item.get("text") if isinstance(item, Mapping) else item
            return _Job(index, doc_id, text if isinstance(text, str) else "", None, None, [],
                        error=f"{type(e).__name__}: {e}")

    def _run(self, jobs: list[_Job], batch_size: int, on_error: OnError) -> None:
        by_lang: dict[str, list[tuple[str, tuple[_Job, int]]]] = {}
        for job in jobs:
            if job.routing is None:
                continue
            source = job.text if job.view is None else job.view.text
            for seg in job.routing.segments:
                by_lang.setdefault(seg.lang, []).append(
                    (spacy_safe(source[seg.start : seg.end]), (job, seg.start))
                )
        for lang, work in by_lang.items():
            nlp = self.nlp(lang)
            found: list[tuple[_Job, list[RawMention]]] = []
            # One thread at a time per pipeline: spaCy does not promise that concurrent calls are
            # safe (threads gain little anyway: the pipeline holds the GIL; use n_process).
            with pipeline.call_lock(lang):
                try:
                    docs = ((_make_doc(nlp, text, context[0]), context) for text, context in work)
                    # ``extract()``: one document through nlp() itself (nlp.pipe's generators cost a short text ~10%)
                    done = [(nlp(d), c) for d, c in docs] if len(work) == 1 else nlp.pipe(docs, as_tuples=True,
                                                                                          batch_size=batch_size)
                    for doc, (job, offset) in done:
                        found.append((job, raw_mentions(doc, offset)))
                except Exception:
                    # Find the document at fault: rerun this language's work one segment at a time.
                    found = self._run_singly(nlp, work, on_error)
            for job, mentions in found:
                job.mentions.extend(mentions)

    @staticmethod
    def _run_singly(
        nlp: Language, work: list[tuple[str, tuple[_Job, int]]], on_error: OnError
    ) -> list[tuple[_Job, list[RawMention]]]:
        found = []
        for seg_text, (job, offset) in work:
            if job.error is not None:
                continue
            try:
                found.append((job, raw_mentions(nlp(_make_doc(nlp, seg_text, job)), offset)))
            except Exception as e:
                if on_error == "raise":
                    raise ExtractionError(f"{type(e).__name__}: {e}", doc_id=job.doc_id) from e
                job.error = f"{type(e).__name__}: {e}"
        return found

    @classmethod
    def _finish(cls, job: _Job, on_error: OnError = "raise") -> Document:
        try:
            return cls._build(job)
        except Exception as e:
            # Typing the results failed (a component wrote attributes results.py cannot read).
            if on_error == "raise":
                raise ExtractionError(f"{type(e).__name__}: {e}", doc_id=job.doc_id) from e
            job.error = f"{type(e).__name__}: {e}"
            return cls._build(job)

    @staticmethod
    def _build(job: _Job) -> Document:
        if job.error is not None or job.routing is None:
            return Document(text=job.text, language=None, supported=False,
                            reference_date=ReferenceDate(job.reference_date,
                                                         "argument" if job.reference_date else "none"),
                            id=job.doc_id, error=job.error)
        r = job.routing
        return build_document(
            job.text,
            language=r.language,
            supported=r.supported and r.language is not None,  # an empty text has no language
            segments=r.segments,
            mentions=job.mentions,
            reference_date=job.reference_date,
            doc_id=job.doc_id,
            view=job.view,
            mode=job.mode,
        )


#: The extractor and settings of a worker process of ``Extractor.pipe(..., n_process=K)``.
_worker: tuple[Extractor, int, dt.date | None, str | None, OnError, bool | None] | None = None


def _worker_start(
    settings: tuple[tuple[str, ...], int, dt.date | None, str | None, OnError, bool | None],
) -> None:
    global _worker
    _worker = (Extractor(languages=settings[0]), *settings[1:])


def _worker_run(chunk: tuple[int, list[InputItem]]) -> tuple[list[Document], BaseException | None]:
    """One chunk (its first item's position in the input, its items) through the whole product in
    a worker; an exception comes back as a value."""
    assert _worker is not None
    extractor, batch_size, default_ref, default_lang, on_error, html = _worker
    first_index, items = chunk
    try:
        return list(extractor._pipe_serial(items, batch_size, default_ref, default_lang, on_error, html,
                                           first_index)), None
    except Exception as e:
        try:
            pickle.loads(pickle.dumps(e))
            return [], e
        except Exception:
            return [], ExtractionError(f"{type(e).__name__}: {e}")


def _with_mode(item: InputItem, mode: str) -> InputItem:
    """An input item with ``mode`` unless it names its own."""
    if isinstance(item, Mapping):
        return item if item.get("mode") is not None else {**item, "mode": mode}
    return {"text": item, "mode": mode} if isinstance(item, str) else item


_default: Extractor | None = None


def extract(
    text: str,
    *,
    reference_date: dt.date | str | None = None,
    lang: str | None = None,
    html: bool | None = None,
    mode: str | None = None,
) -> Document:
    """Extract ministries, ministers, dates and agreements from ``text``.

    ``html``: True reads the text as HTML, False as plain text, None detects HTML-like input.
    ``mode`` ("news", "narrative" or None: automatic) is how underspecified dates are resolved
    (see :meth:`Extractor.extract`).

    >>> doc = extract("Am 14. Oktober 2025 traf Außenminister Wadephul ...")  # doctest: +SKIP
    >>> doc.dates[0].value  # doctest: +SKIP
    '2025-10-14'
    """
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, reference_date=reference_date, lang=lang, html=html, mode=mode)
