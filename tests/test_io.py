"""Reading inputs: every bad line or file comes back as an error naming its path and line,
and the lines after it are still read. Writing: all or nothing."""

from __future__ import annotations

import json

import pytest

from bilatextract import InputFormatError
from bilatextract.io import atomic_output, read_documents


def _write_jsonl(path, lines: list[bytes]) -> None:
    path.write_bytes(b"\n".join(lines) + b"\n")


def test_bad_lines_are_reported_by_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "in.jsonl"
    _write_jsonl(path, [
        "\ufeff".encode() + json.dumps({"id": "first", "text": "Erster Text."}).encode(),
        b'{"id": "broken", "text": "unterminated',
        b"[1, 2, 3]",
        b'{"id": "no-text"}',
        b"",
        b'{"id": "latin1", "text": "Au\xdfenminister"}',
        b'{"id": "number", "text": 12}',
        json.dumps({"id": "last", "text": "Letzter Text."}).encode(),
        b'{"text": "no id"}',
    ])
    items = list(read_documents([path]))
    errors = [i for i in items if isinstance(i, InputFormatError)]
    docs = [i for i in items if not isinstance(i, InputFormatError)]
    assert [d["id"] for d in docs] == ["first", "last", "in.jsonl:9"]
    assert [e.line for e in errors] == [2, 3, 4, 6, 7]
    assert all(e.path == str(path) and f"{path}:{e.line}:" in str(e) for e in errors)
    assert "not valid JSON" in str(errors[0]) and "not UTF-8" in str(errors[3])


@pytest.mark.parametrize("make", ["missing", "directory", "not-utf8-text"])
def test_an_unreadable_file_is_reported_by_path_and_the_next_file_is_read(tmp_path, make):
    bad = tmp_path / ("bad.jsonl" if make != "not-utf8-text" else "bad.txt")
    if make == "directory":
        bad.mkdir()
    elif make == "not-utf8-text":
        bad.write_bytes(b"\xff\xfe\x00Au\xdfen")
    good = tmp_path / "good.txt"
    good.write_text("Das Auswärtige Amt teilte mit.", encoding="utf-8")
    items = list(read_documents([bad, good]))
    assert isinstance(items[0], InputFormatError) and items[0].path == str(bad) and str(bad) in str(items[0])
    assert items[1] == {"id": "good.txt", "text": "Das Auswärtige Amt teilte mit."}


def test_atomic_output_replaces_the_file_only_on_success(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("OLD\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as out:
            out.write("half a line")
            raise RuntimeError("stopped")
    assert target.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    with atomic_output(target) as out:
        out.write("NEW\n")
    assert target.read_text(encoding="utf-8") == "NEW\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_atomic_output_leaves_nothing_after_keyboard_interrupt(tmp_path):
    target = tmp_path / "sub" / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(target) as out:
            out.write("partial")
            raise KeyboardInterrupt
    assert not target.exists() and list(target.parent.iterdir()) == []
