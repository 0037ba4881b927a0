"""What every component shares: the span group, the attribute extension, span writing.

Components write labelled spans into ``doc.spans[SPAN_KEY]`` and their normalised
attributes as a plain, JSON-able dict on ``span._.bilat_attrs``. Plain values keep
``Doc.to_bytes``, ``nlp.pipe(n_process=...)`` and ``nlp.to_disk`` working; the typed
result objects are built from them afterwards (``bilatextract.results``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from collections.abc import Iterable
from itertools import compress
from typing import Any

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

SPAN_KEY = "bilat"
ATTRS = "bilat_attrs"
LABELS = ("MINISTRY", "MINISTER", "DATE", "AGREEMENT")


def register_extensions() -> None:
    """Register the extensions once; called when any component module is imported."""
    if not Span.has_extension(ATTRS):
        Span.set_extension(ATTRS, default=None)
    if not Doc.has_extension("bilat_reference_date"):
        # ISO date string set by the caller before the pipeline runs, or None.
        Doc.set_extension("bilat_reference_date", default=None)
    if not Doc.has_extension("bilat_mode"):
        # "news" or "narrative" set by the caller to force how dates are resolved, or None (automatic).
        Doc.set_extension("bilat_mode", default=None)
    if not Doc.has_extension("bilat"):
        # The typed entities (Ministry, Minister, DateMention, Agreement) of doc.spans["bilat"].
        Doc.set_extension("bilat", getter=typed_entities)


def typed_entities(doc: Doc) -> list[Any]:
    """``doc._.bilat``: the typed result objects of the spans the components wrote.

    Relative dates are anchored to ``doc._.bilat_reference_date`` (an ISO date) where the
    caller set one, else to the document's dateline, as :func:`bilatextract.extract` does.
    """
    from ..spacy_doc import typed_entities_of  # imported here: it imports results, which imports this module

    return typed_entities_of(doc)


register_extensions()


class DocView:
    """What several components read of one document, computed once and shared.

    spaCy rebuilds ``Doc.text`` from every token on each access, and iterating a ``Doc``
    creates a Python ``Token`` per word: four components doing either per document cost
    more than tokenising it.
    """

    __slots__ = ("doc", "text", "_token_starts", "_token_texts", "_sentence_starts", "__weakref__")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = weakref.proxy(doc)
        self.text = doc.text if text is None else text
        self._token_starts: list[int] | None = None
        self._token_texts: list[str] | None = None
        self._sentence_starts: list[int] | None = None

    def _offsets(self) -> None:
        starts, lengths = self.doc.to_array([IDX, LENGTH]).T.tolist() if len(self.doc) else ([], [])
        text = self.text
        self._token_starts = starts
        self._token_texts = [text[a : a + n] for a, n in zip(starts, lengths, strict=True)]

    @property
    def token_starts(self) -> list[int]:
        """The character offset of each token."""
        if self._token_starts is None:
            self._offsets()
        return self._token_starts  # type: ignore[return-value]

    @property
    def token_texts(self) -> list[str]:
        """The text of each token (``[t.text for t in doc]`` without the Token objects)."""
        if self._token_texts is None:
            self._offsets()
        return self._token_texts  # type: ignore[return-value]

    @property
    def sentence_starts(self) -> list[int]:
        """The index of the first token of each sentence, as ``doc.sents`` has them, without a
        ``Span`` per sentence (``[0]``: no sentence boundaries set; ``[]``: no tokens)."""
        if self._sentence_starts is None:
            doc = self.doc
            n = len(doc)
            if not n:
                self._sentence_starts = []
            elif "sents" in doc.user_hooks:
                self._sentence_starts = [sent.start for sent in doc.sents]
            elif doc.has_annotation("SENT_START"):
                # ``doc.sents``: a sentence starts at the first token and at each token marked a start
                flags = doc.to_array(SENT_START).tolist()
                self._sentence_starts = [0, *compress(range(1, n), map((1).__eq__, flags[1:]))]
            else:
                self._sentence_starts = [0]
        return self._sentence_starts


_views: weakref.WeakKeyDictionary[Doc, DocView] = weakref.WeakKeyDictionary()


def view_of(doc: Doc, text: str | None = None) -> DocView:
    """The shared :class:`DocView` of ``doc``; ``text``, where the caller has it, is ``doc.text``."""
    view = _views.get(doc)
    if view is None:
        view = _views[doc] = DocView(doc, text)
    return view


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    return view_of(doc).text


#: The span group :func:`set_spans` last wrote into a few recent documents, with the list of
#: spans it was made from and each span's (label, start_char, end_char), by ``id(doc)``. Reading
#: a span group creates a Python ``Span`` per member; the components of a pipeline run one after
#: another on a document, so each reads the list the previous one wrote instead. A handful of
#: documents: the spans keep their document alive (which also keeps its id from being reused
#: while it is here).
_recent: dict[int, tuple[Any, list[Span], list[tuple[str, int, int]]]] = {}
_RECENT_DOCS = 8


def _recent_of(doc: Doc, key: str = SPAN_KEY) -> tuple[Any, list[Span], list[tuple[str, int, int]]] | None:
    """What :func:`set_spans` wrote last into ``doc``, while its group is still the one written
    (same object, same length)."""
    recent = _recent.get(id(doc))
    if recent is None:
        return None
    current = doc.spans.get(key)
    if current is None or recent[0] is not current or len(current) != len(recent[1]):
        return None
    return recent


def _written(doc: Doc, key: str = SPAN_KEY) -> list[Span]:
    """The spans of ``doc.spans[key]``: the list last written, while the group is still
    the one written (same object, same length), else read from the group."""
    current = doc.spans.get(key)
    if current is None:
        return []
    recent = _recent_of(doc, key)
    if recent is not None:
        return recent[1]
    return list(current)


def written_mentions(doc: Doc, key: str = SPAN_KEY) -> list[tuple[str, int, int, dict[str, Any]]]:
    """(label, start_char, end_char, attributes) of each span of ``doc.spans[key]``, in order.

    Reads the labels and offsets :func:`set_spans` noted where the group is still the one it
    wrote, and the attributes where ``set_spans`` put them: no Python ``Span`` or ``Underscore``
    per mention."""
    if key not in doc.spans:
        return []
    recent = _recent_of(doc, key)
    if recent is not None and _attrs_keyed is True:
        get = doc.user_data.get
        return [(label, start, end, get(("._.", ATTRS, start, end)) or {}) for label, start, end in recent[2]]
    spans = _written(doc, key)
    strings = doc.vocab.strings
    out = []
    for span in spans:
        start, end = span.start_char, span.end_char
        attrs = doc.user_data.get(("._.", ATTRS, start, end)) if _attrs_keyed is True else span._.get(ATTRS)
        out.append((strings[span.label], start, end, attrs or {}))
    return out


def spans_of(doc: Doc, label: str, key: str = SPAN_KEY) -> list[Span]:
    """The spans of one label already written into ``doc.spans[key]``, in document order."""
    label_id = doc.vocab.strings.add(label)
    return sorted((s for s in _written(doc, key) if s.label == label_id), key=lambda s: s.start_char)


def set_spans(
    doc: Doc, label: str, found: Iterable[tuple[Span, dict[str, Any]]], key: str = SPAN_KEY
) -> None:
    """Replace the spans of ``label`` in ``doc.spans[key]`` by ``found``: (span, attributes) pairs.

    Overlapping candidates of the one label are resolved here, longest first and
    then leftmost, so each component can propose freely. Spans of other labels stay.
    """
    found = found if isinstance(found, list) else list(found)
    if not found and _holds_no(doc, label, key):
        return  # nothing to replace and nothing to add: the group written last stays as it is
    chosen: list[tuple[int, int, Span, dict[str, Any]]] = []
    # The chosen spans never overlap, so sorted by start they are sorted by end too: a
    # candidate only needs checking against its two neighbours (linear in a long text).
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    ranked = sorted(((span.start_char, span.end_char, span, attrs) for span, attrs in found),
                    key=lambda p: (p[0] - p[1], p[0]))
    for a, b, span, attrs in ranked:
        i = bisect.bisect_left(taken_starts, a)
        if a >= b or (i > 0 and taken_ends[i - 1] > a) or (i < len(taken_starts) and taken_starts[i] < b):
            continue
        taken_starts.insert(i, a)
        taken_ends.insert(i, b)
        chosen.append((a, b, span, attrs))
    chosen.sort(key=lambda p: p[0])
    label_id = doc.vocab.strings.add(label)
    # The spans of other labels that stay, each with its (label, start_char, end_char).
    recent = _recent_of(doc, key)
    if recent is not None:
        kept = [(mark, span) for span, mark in zip(recent[1], recent[2], strict=True) if mark[0] != label]
    else:
        strings = doc.vocab.strings
        kept = [((strings[s.label], s.start_char, s.end_char), s) for s in _written(doc, key)
                if s.label != label_id]
    user_data = doc.user_data
    for start, end, span, attrs in chosen:
        labelled = Span(doc, span.start, span.end, label=label_id)  # the same offsets as ``span``
        if _attrs_keyed is True:  # what ``labelled._.set(ATTRS, ...)`` does, without its Underscore object
            user_data["._.", ATTRS, start, end] = dict(attrs)
        else:
            _set_attrs(labelled, dict(attrs))
        kept.append(((label, start, end), labelled))
    kept.sort(key=_mark_order)
    written = [span for _mark, span in kept]
    doc.spans[key] = written
    if len(_recent) >= _RECENT_DOCS:
        _recent.clear()
    _recent[id(doc)] = (doc.spans[key], written, [mark for mark, _span in kept])


def _mark_order(item: tuple[tuple[str, int, int], Span]) -> tuple[int, int]:
    return item[0][1], item[0][2]


#: Whether spaCy keeps a span's value of the ATTRS extension in ``doc.user_data`` under
#: ("._.", ATTRS, start_char, end_char): checked on the first span written (None: not yet).
_attrs_keyed: bool | None = None


def _set_attrs(span: Span, attrs: dict[str, Any]) -> None:
    """``span._.set(ATTRS, attrs)``; the first time, also whether :func:`set_spans` may write the
    value straight into ``doc.user_data`` (an Underscore object per span costs more than the span)."""
    global _attrs_keyed
    span._.set(ATTRS, attrs)
    if _attrs_keyed is None:
        key = ("._.", ATTRS, span.start_char, span.end_char)
        _attrs_keyed = (Span.get_extension(ATTRS) == (None, None, None, None)
                        and span.doc.user_data.get(key) is attrs and span._.get(ATTRS) is attrs)


def _holds_no(doc: Doc, label: str, key: str = SPAN_KEY) -> bool:
    """Whether the span group of ``doc`` is the one :func:`set_spans` wrote last (so it is sorted
    as ``set_spans`` sorts) and holds no span of ``label``: rewriting it would give the same group."""
    recent = _recent_of(doc, key)
    if recent is None:
        return False
    label_id = doc.vocab.strings.add(label)
    return all(s.label != label_id for s in recent[1])


def char_span(doc: Doc, start: int, end: int, alignment_mode: str = "strict") -> Span | None:
    """A span for character offsets; None where they cut through a token (strict mode).

    Components that match on text (regular expressions) use this, so a match that
    does not line up with spaCy's tokens is dropped rather than silently widened.
    """
    return doc.char_span(start, end, alignment_mode=alignment_mode)


def reference_year(doc: Doc) -> int | None:
    """The year of the reference date the caller set on the doc, if any.

    Knowledge-base look-ups use it to name a ministry as it was called at the time
    (BMWi in 2018, BMWK in 2023).
    """
    ref = doc._.get("bilat_reference_date")
    if isinstance(ref, dt.date):
        return ref.year
    if isinstance(ref, str) and len(ref) >= 4 and ref[:4].isdigit():
        return int(ref[:4])
    return None
