"""Where the model data is read from, and the caches keyed by it.

A *source* is a models folder of the usual layout (``de/``, ``en/``, ``common/``): the
installed one, another folder on disk (a component's ``data_path``), or the files a saved
pipeline carries, read into memory (:class:`MemorySource`). One source is *active* at a
time, per thread and per asyncio task (a context variable): :func:`using` makes one active
for a block; outside any such block the installed models are read.

Everything read or compiled from the data is cached per source with :func:`cached` (in
place of ``functools.cache``/``lru_cache``): the same look-up under two sources gives each
its own answer. Sources are interned (one object per folder or per content), so a cache key
holds the source object itself and is hashed by identity.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Source:
    """A models folder: files by their path relative to its root ("de/dates.toml")."""

    #: Describes the source in messages.
    label: str = ""
    #: Names the source among those of the process (see :func:`by_key`).
    key: str = ""

    def read_bytes(self, rel: str) -> bytes | None:
        """The content of the file ``rel``, or None when there is no such file."""
        raise NotImplementedError

    def is_file(self, rel: str) -> bool:
        raise NotImplementedError

    def is_dir(self, rel: str) -> bool:
        raise NotImplementedError

    def entries(self, rel: str) -> tuple[str, ...]:
        """The names of the files and folders right inside the folder ``rel`` ("" is the root), sorted."""
        raise NotImplementedError

    def files(self, rel: str) -> tuple[str, ...]:
        """The paths (from the root) of every file inside the folder ``rel``, at any depth, sorted."""
        raise NotImplementedError

    def folder(self) -> Path | None:
        """The folder on disk the data is read from, if any."""
        return None


class FolderSource(Source):
    """The files of a folder on disk, read when asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = str(path)

    def read_bytes(self, rel: str) -> bytes | None:
        try:
            return (self.path / rel).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None

    def is_file(self, rel: str) -> bool:
        return (self.path / rel).is_file()

    def is_dir(self, rel: str) -> bool:
        return (self.path / rel).is_dir()

    def entries(self, rel: str) -> tuple[str, ...]:
        folder = self.path / rel
        return tuple(sorted(p.name for p in folder.iterdir())) if folder.is_dir() else ()

    def files(self, rel: str) -> tuple[str, ...]:
        folder = self.path / rel
        if not folder.is_dir():
            return ()
        return tuple(sorted(p.relative_to(self.path).as_posix() for p in folder.rglob("*") if p.is_file()))

    def folder(self) -> Path | None:
        return self.path

    def __reduce__(self) -> tuple[Any, ...]:
        return (folder, (self.path,))  # unpickled interned, as any source


class MemorySource(Source):
    """Files held in memory (``{"de/dates.toml": b"..."}``): what a saved component carries."""

    def __init__(self, files: Mapping[str, bytes], label: str = "") -> None:
        self._files = dict(files)
        self.label = label or "model files in memory"
        dirs: dict[str, set[str]] = {"": set()}
        for rel in self._files:
            parts = rel.split("/")
            for k in range(len(parts)):
                dirs.setdefault("/".join(parts[:k]), set()).add(parts[k])
        self._dirs = {d: tuple(sorted(names)) for d, names in dirs.items()}

    def read_bytes(self, rel: str) -> bytes | None:
        return self._files.get(rel)

    def is_file(self, rel: str) -> bool:
        return rel in self._files

    def is_dir(self, rel: str) -> bool:
        return rel.strip("/") in self._dirs

    def entries(self, rel: str) -> tuple[str, ...]:
        return self._dirs.get(rel.strip("/"), ())

    def files(self, rel: str) -> tuple[str, ...]:
        prefix = rel.strip("/") + "/" if rel.strip("/") else ""
        return tuple(sorted(r for r in self._files if r.startswith(prefix)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (memory, (self._files, self.label))  # unpickled interned, as any source


_interned: dict[str, Source] = {}
_intern_lock = threading.Lock()


def _intern(key: str, make: Callable[[], Source]) -> Source:
    with _intern_lock:
        source = _interned.get(key)
        if source is None:
            source = _interned[key] = make()
            source.key = key
        return source


def by_key(key: str | None) -> Source | None:
    """The source of this process named ``key`` (``Source.key``), or None."""
    return _interned.get(key) if key else None


def folder(path: str | Path) -> Source:
    """The source reading the folder ``path``: the same object for the same folder."""
    resolved = Path(path).expanduser().resolve()
    return _intern(f"folder:{resolved}", lambda: FolderSource(resolved))


def content_key(files: Mapping[str, bytes]) -> str:
    """A digest of the names and contents of ``files``: equal for equal files."""
    digest = hashlib.sha256()
    for rel in sorted(files):
        data = files[rel]
        digest.update(f"{rel}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def memory(files: Mapping[str, bytes], label: str = "") -> Source:
    """The source of ``files`` in memory: the same object for the same names and contents."""
    return _intern(f"memory:{content_key(files)}", lambda: MemorySource(files, label))


def read_folder(path: Path) -> dict[str, bytes]:
    """Every file below ``path``, by its path from ``path`` ("de/dates.toml")."""
    files = FolderSource(path)
    return {rel: files.read_bytes(rel) or b"" for rel in files.files("")}


#: Where a document notes the key of the source of the components that read it (``Doc.user_data``):
#: its typed entities are then looked up in the same data. Not set for the installed models.
DOC_KEY = ("bilat", "models")

#: The active source; None stands for the installed models (see ``resources.installed_dir``).
_ACTIVE: ContextVar[Source | None] = ContextVar("bilatextract_models", default=None)

#: The source that stands for the installed models (set by ``resources``): made active, it is None.
_default: Callable[[], Source] | None = None


def set_default(make: Callable[[], Source]) -> None:
    global _default
    _default = make


def active() -> Source | None:
    """The source made active by :func:`using`, or None for the installed models."""
    return _ACTIVE.get()


def _normal(source: Source | None) -> Source | None:
    if source is not None and _default is not None and source is _default():
        return None  # the installed models under their own key, not a second one
    return source


@contextmanager
def using(source: Source | None) -> Iterator[None]:
    """Read the model data from ``source`` (None: the installed models) inside the block."""
    token = _ACTIVE.set(_normal(source))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def cached(fn: F | None = None, /, *, maxsize: int | None = None) -> Any:
    """``functools.cache`` (or ``lru_cache(maxsize)``) keyed by the active source too: a value
    computed from the data of one models folder is never answered for another."""

    def decorate(fn: F) -> F:
        caches: dict[Source | None, Any] = {}  # one cache per other source, made when first used
        installed = functools.lru_cache(maxsize=maxsize)(fn)  # the installed models: no dict look-up
        get = _ACTIVE.get

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            source = get()
            if source is None:
                return installed(*args, **kwargs)
            cache = caches.get(source)
            if cache is None:
                cache = caches.setdefault(source, functools.lru_cache(maxsize=maxsize)(fn))
            return cache(*args, **kwargs)

        def cache_clear() -> None:
            installed.cache_clear()
            caches.clear()

        wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate(fn) if fn is not None else decorate
