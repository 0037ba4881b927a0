"""Reading input documents from JSONL and text files (or standard input), writing JSONL output safely.

The output side never loses data: :func:`check_output` refuses a target that is an input or
cannot be written before any work is done, and :func:`atomic_output` replaces the target only
when the whole output has been written (a failure, Ctrl-C, SIGTERM or SIGHUP leave it as it was).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from .errors import InputFormatError, OutputError

#: The file name that means standard input (for inputs) or standard output (for ``-o``).
STDIO = "-"

_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def is_jsonl(path: str | Path) -> bool:
    """Whether ``path`` is read as JSONL (one document a line): ``.jsonl``, ``.ndjson`` or ``-``."""
    return str(path) == STDIO or Path(path).suffix.lower() in _JSONL_SUFFIXES


def check_inputs(paths: Iterable[str | Path]) -> None:
    """Raise :class:`InputFormatError` for the first input that cannot be read at all.

    Checked before any work, so that a missing, unreadable or (for a text file) not UTF-8
    input stops the run before an output file is touched. Standard input is not checked.
    """
    for path in map(Path, paths):
        if str(path) == STDIO:
            continue
        if path.is_dir():
            raise InputFormatError("is a directory; name the files in it (e.g. DIR/*.jsonl)", path=str(path))
        try:
            with path.open("rb") as f:
                head = f.read() if not is_jsonl(path) else b""
        except FileNotFoundError:
            raise InputFormatError("no such file; check the name", path=str(path)) from None
        except OSError as e:
            raise InputFormatError(f"cannot be read ({e.strerror}); check its permissions", path=str(path)) from None
        if head:
            _decode_text_file(head, str(path))


def _decode_text_file(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputFormatError(f"not UTF-8 ({e.reason} at byte {e.start}); re-encode the file as UTF-8 "
                               "(e.g. iconv -f latin1 -t utf-8)", path=path, line=line) from None


def read_documents(
    paths: Iterable[str | Path], *, stdin: BinaryIO | None = None
) -> Iterator[dict[str, Any] | InputFormatError]:
    """The documents of the input files, in order; an unreadable line or file comes as an error.

    A ``.jsonl`` file holds one document a line (``id``, ``text``, optional ``published``
    and ``lang``); ``-`` is standard input, read the same way; any other file is one
    plain-text document whose id is its file name. Errors are yielded, not raised, so a
    batch job can report them and go on.
    """
    for path in paths:
        name = str(path)
        if name == STDIO:
            yield from _read_jsonl(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
            continue
        path = Path(path)
        if not is_jsonl(path):
            try:
                yield {"id": path.name, "text": _decode_text_file(path.read_bytes(), name)}
            except InputFormatError as e:
                yield e
            except OSError as e:
                yield InputFormatError(f"cannot read file ({e.strerror})", path=name)
            continue
        try:
            f = path.open("rb")
        except OSError as e:
            yield InputFormatError(f"cannot open file ({e.strerror})", path=name)
            continue
        with f:
            yield from _read_jsonl(f, name)


def _read_jsonl(f: BinaryIO, path: str) -> Iterator[dict[str, Any] | InputFormatError]:
    # Bytes, decoded line by line, so one line that is not UTF-8 costs only that line.
    number = 0
    while True:
        try:
            raw = f.readline()
        except OSError as e:
            yield InputFormatError(f"cannot read further ({e.strerror})", path=path, line=number + 1)
            return
        if not raw:
            return
        number += 1
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield InputFormatError(f"not UTF-8 ({e.reason} at byte {e.start}); re-encode the file as UTF-8",
                                   path=path, line=number)
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte order mark some editors write
        if not line.strip():
            continue
        yield _parse_line(line, path, number)


def _parse_line(line: str, path: str, number: int) -> dict[str, Any] | InputFormatError:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        # json's messages may end in "at" ("Unterminated string starting at"): say it once.
        where = f"{e.msg} column {e.colno}" if e.msg.endswith(" at") else f"{e.msg} at column {e.colno}"
        return InputFormatError(f"not valid JSON ({where}); fix or remove the line "
                                "(JSONL: one JSON object a line)", path=path, line=number)
    except RecursionError:
        return InputFormatError("JSON nested too deeply; fix or remove the line", path=path, line=number)
    if not isinstance(data, dict):
        return InputFormatError(f"a line must be a JSON object with a 'text' field, not a {type(data).__name__}",
                                path=path, line=number)
    if not isinstance(data.get("text"), str):
        return InputFormatError("the object has no string field 'text'; add the document's text as 'text'",
                                path=path, line=number)
    data.setdefault("id", f"{Path(path).name}:{number}")
    return data


def check_output(path: str | Path | None, inputs: Iterable[str | Path] = ()) -> None:
    """Raise :class:`OutputError` if ``path`` cannot safely receive the output of a run on ``inputs``.

    Refused: an input (also through a link), a directory, a path under a file, or a place
    the user may not write to. A missing directory passes (it is made when writing starts).
    Nothing is created here. None and ``-`` (stdout) pass.
    """
    if path is None or str(path) == STDIO:
        return
    target = Path(path)
    for source in inputs:
        if str(source) != STDIO and _same_file(target, Path(source)):
            raise OutputError(f"is also an input ({source}); write the output to another file", path=str(path))
    if target.is_dir():
        raise OutputError("is a directory; name a file in it, e.g. -o DIR/out.jsonl", path=str(path))
    # The nearest directory that exists must be writable: the rest is made when writing starts.
    parent = Path(os.path.realpath(target)).parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{parent} is not a directory; choose another -o", path=str(path))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in {parent} (permission denied); choose another -o", path=str(path))
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError("is read-only; make it writable or choose another -o", path=str(path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _new_file_mode() -> int:
    """``0o666`` less the process's umask: the mode ``open()`` would give a new file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(path: str | Path | None) -> Iterator[IO[str]]:
    """A text stream that replaces ``path`` only when the block completes; stdout for None or '-'.

    After an exception, Ctrl-C or a signal turned into an exception (see
    :func:`bilatextract.cli`), the target is left as it was and the temporary file beside
    it is removed. The new file has the old file's mode, or the umask's for a new one; a
    symbolic link keeps pointing where it did and its target is replaced.
    """
    if path is None or str(path) == STDIO:
        yield sys.stdout
        sys.stdout.flush()
        return
    check_output(path)
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"cannot create a file beside it ({e.strerror})", path=str(path)) from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
