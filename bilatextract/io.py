"""Reading input documents from JSONL and text files, writing JSONL output atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputFormatError


def read_documents(paths: Iterable[str | Path]) -> Iterator[dict[str, Any] | InputFormatError]:
    """The documents of the input files, in order; an unreadable line or file comes as an error.

    A ``.jsonl`` file holds one document a line (``id``, ``text``, optional ``published``
    and ``lang``); any other file is one plain-text document whose id is its file name.
    Errors are yielded, not raised, so a batch job can report them and go on.
    """
    for path in map(Path, paths):
        if path.suffix.lower() not in (".jsonl", ".ndjson"):
            try:
                yield {"id": path.name, "text": path.read_text(encoding="utf-8")}
            except (OSError, UnicodeDecodeError) as e:
                yield InputFormatError(f"cannot read file: {e}", path=str(path))
            continue
        try:
            f = path.open("rb")
        except OSError as e:
            yield InputFormatError(f"cannot open file: {e}", path=str(path))
            continue
        with f:
            # Bytes, decoded line by line, so one line that is not UTF-8 costs only that line.
            number = 0
            while True:
                try:
                    raw = f.readline()
                except OSError as e:
                    yield InputFormatError(f"cannot read further: {e}", path=str(path), line=number + 1)
                    break
                if not raw:
                    break
                number += 1
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield InputFormatError(f"not UTF-8 ({e.reason} at byte {e.start}); re-encode the file as UTF-8",
                                           path=str(path), line=number)
                    continue
                if number == 1:
                    line = line.removeprefix("\ufeff")  # a byte order mark some editors write
                if not line.strip():
                    continue
                yield _parse_line(line, str(path), number)


def _parse_line(line: str, path: str, number: int) -> dict[str, Any] | InputFormatError:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        return InputFormatError(f"not valid JSON ({e.msg} at column {e.colno}); fix or remove the line",
                                path=path, line=number)
    except RecursionError:
        return InputFormatError("JSON nested too deeply", path=path, line=number)
    if not isinstance(data, dict):
        return InputFormatError(f"a line must be a JSON object with a 'text' field, not a {type(data).__name__}",
                                path=path, line=number)
    if not isinstance(data.get("text"), str):
        return InputFormatError("the object has no string field 'text'", path=path, line=number)
    data.setdefault("id", f"{Path(path).name}:{number}")
    return data


@contextlib.contextmanager
def atomic_output(path: str | Path | None) -> Iterator[IO[str]]:
    """A text stream that replaces ``path`` only when the block completes; stdout for None or '-'.

    After an exception or Ctrl-C the target is left as it was: no half-written file.
    """
    if path is None or str(path) == "-":
        import sys

        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
