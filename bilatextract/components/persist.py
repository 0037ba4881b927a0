"""What makes the components ordinary spaCy components in the shape of ``SpanRuler``:
knowledge compiled in ``initialize()`` and saved with the pipeline.

A factory makes a component that has compiled nothing yet (:func:`deferred`). Its knowledge
is compiled from a models folder when spaCy initialises the pipeline (``nlp.initialize()``:
the installed models, or the folder named by ``data_path`` in the factory's config or the
``[initialize.components]`` settings), when spaCy loads the component from disk or bytes,
or else on first use. ``to_disk``/``to_bytes`` save the model files the component reads
(its language, the languages it reads too, ``common/``) with the pipeline; ``from_disk``/
``from_bytes`` read them into memory and compile from them, and the component then reads
only them (its ``__call__`` runs inside ``resources.using``: see :func:`reads_its_models`).
So a saved pipeline gives the same results on an install whose ``models/`` differ.

Nothing about a document is kept on a component: what it keeps is its source of model data
and what it compiled from it.
"""

import functools
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from .. import sources
from ..resources import has_file, languages, load_toml, source, using

#: The folder of a saved component that holds its model files.
MODELS_FOLDER = "models"
#: The file of a saved component that holds what it compiled (``Persisted._compiled``), if anything.
COMPILED_FILE = "compiled.json"
#: Model files no component reads (the text view's word lists): not saved with a component.
NOT_SAVED = ("known-words.gz", "known-words.index")

C = TypeVar("C", bound="Persisted")

_lock = threading.RLock()


class Persisted:
    """Mixin of the bilatextract components: ``initialize``, ``to_disk``/``from_disk``,
    ``to_bytes``/``from_bytes``. The component class's ``__init__(nlp, name, spans_key)``
    compiles its knowledge from the active source; this mixin runs it with the right one."""

    name: str
    spans_key: str
    lang: str
    #: The models the component compiled its knowledge from (None: the installed models).
    _source: sources.Source | None = None
    #: Set while the component waits to compile (see :func:`deferred`).
    _pending: bool = False
    _nlp: Language | None = None
    _data_path: str | None = None

    # -- compiling --------------------------------------------------------------------

    def _compile(self, nlp: Language | None, source: sources.Source | None) -> None:
        """Compile the knowledge from ``source``, replacing whatever was compiled before."""
        nlp = nlp if nlp is not None else self._nlp
        if nlp is None:
            raise ValueError(f"{type(self).__name__} {self.name!r} was not made by its factory: "
                             "it cannot compile its knowledge again")
        with _lock:
            # Pending while compiling: a thread calling the component meanwhile waits for the lock.
            keep = {"name": self.name, "spans_key": self.spans_key, "lang": self.lang, "_nlp": nlp,
                    "_data_path": self._data_path, "_pending": True}
            self.__dict__.clear()
            self.__dict__.update(keep)
            with using(source):
                type(self).__init__(self, nlp, self.name, self.spans_key)  # type: ignore[misc]
                self._source = sources.active()  # None for the installed models
            del self._pending

    def _ready(self) -> None:
        """Compile from the configured source if nothing was compiled yet (first use)."""
        if self.__dict__.get("_pending"):
            with _lock:
                if self.__dict__.get("_pending"):
                    self._compile(None, _folder_source(self._data_path))

    # No ``from __future__ import annotations`` here: spaCy validates the settings of
    # ``initialize`` against its signature, which needs real types.
    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_path: str | Path | None = None) -> None:
        """Compile the knowledge from ``data_path`` (a models folder of the usual layout), else from
        the factory's ``data_path``, else from the installed models. Called by ``nlp.initialize()``;
        a component loaded from disk compiles from the files it was saved with instead."""
        path = data_path if data_path is not None else self._data_path
        self._compile(nlp, _folder_source(path))

    # -- saving and loading -----------------------------------------------------------

    def _model_files(self) -> dict[str, bytes]:
        """The model files the component reads: its language, the languages its language's
        ministry patterns read too (``[also]`` of ``ministries.toml``), and ``common/``."""
        self._ready()
        with using(self._source):
            src = source()
            also: list[str] = []
            if has_file(self.lang, "ministries.toml"):
                also = load_toml(self.lang, "ministries.toml").get("also", {}).get("languages", [])
            folders = [self.lang, *(lang for lang in also if lang in languages() and lang != self.lang), "common"]
            files = {}
            for folder in folders:
                for rel in src.files(folder):
                    if rel.rsplit("/", 1)[-1] not in NOT_SAVED:
                        data = src.read_bytes(rel)
                        if data is not None:
                            files[rel] = data
            return files

    def _compiled(self) -> dict[str, Any]:
        """What the component compiled that is saved with it, as JSON-able data ({}: nothing)."""
        return {}

    def _use_compiled(self, data: dict[str, Any]) -> None:
        """Take back what :meth:`_compiled` saved (after compiling from the saved model files)."""

    def _load_files(self, files: dict[str, bytes], label: str, compiled: dict[str, Any] | None) -> None:
        self._compile(None, sources.memory(files, label))
        if compiled:
            self._use_compiled(compiled)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the model files the component reads into ``path/models/``."""
        path = ensure_path(path)
        files = self._model_files()
        for rel, data in files.items():
            target = path / MODELS_FOLDER / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        srsly.write_json(path / "cfg.json", {"lang": self.lang, "models": sources.content_key(files)})
        compiled = self._compiled()
        if compiled:
            srsly.write_json(path / COMPILED_FILE, compiled)

    def from_disk(self: C, path: str | Path, *, exclude: Iterable[str] = ()) -> C:
        """Compile the knowledge from the model files saved in ``path/models/`` (read into memory).
        A pipeline saved by a version whose components saved nothing has none: the component then
        compiles as one not loaded (from ``data_path`` or the installed models) when first used."""
        folder = ensure_path(path) / MODELS_FOLDER
        if not folder.is_dir():
            return self
        compiled = ensure_path(path) / COMPILED_FILE
        self._load_files(sources.read_folder(folder), f"model files saved in {folder}",
                         srsly.read_json(compiled) if compiled.is_file() else None)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The model files the component reads, as bytes."""
        return srsly.msgpack_dumps({"lang": self.lang, "files": self._model_files(), "compiled": self._compiled()})

    def from_bytes(self: C, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> C:
        """Compile the knowledge from the model files of ``to_bytes``."""
        data = srsly.msgpack_loads(bytes_data)
        self._load_files(dict(data["files"]), "model files loaded from bytes", data.get("compiled"))
        return self

    def __getstate__(self) -> dict[str, Any]:
        # Pickled (worker processes started by spawn): compiled first, without the pipeline.
        self._ready()
        state = dict(self.__dict__)
        state.pop("_nlp", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def _folder_source(path: str | Path | None) -> sources.Source | None:
    return sources.folder(path) if path is not None else None


def deferred(cls: type[C], nlp: Language, name: str, spans_key: str, data_path: str | None = None) -> C:
    """A component of ``cls`` that compiles its knowledge when initialised, loaded or first used."""
    component = cls.__new__(cls)
    component.__dict__.update(name=name, spans_key=spans_key, lang=nlp.lang, _nlp=nlp,
                              _data_path=data_path, _pending=True)
    return component


def reads_its_models(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
    """Decorates a component's ``__call__``: it compiles first where nothing is compiled yet, and
    reads the model data of its own source while it runs."""

    @functools.wraps(call)
    def wrapper(self: Persisted, doc: Doc) -> Doc:
        if self._pending:
            self._ready()
        if self._source is not None:
            doc.user_data[sources.DOC_KEY] = self._source.key
        with using(self._source):
            return call(self, doc)

    return wrapper
