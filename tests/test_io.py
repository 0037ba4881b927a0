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


def test_json_errors_read_as_one_sentence_with_the_column(tmp_path):
    path = tmp_path / "in.jsonl"
    # The last line has no line break, so its string is unterminated (not cut by a control character).
    path.write_bytes(b'{"id": "b", "text": tru}\n{"id": "c",}\n{"id": "a", "text": "unterminated')
    messages = [str(e) for e in read_documents([path])]
    assert messages[2] == f"{path}:3: not valid JSON (Unterminated string starting at column 21); fix or " \
                          "remove the line (JSONL: one JSON object a line)"
    assert "Expecting value at column 21" in messages[0] and f"{path}:2:" in messages[1]
    assert not any("at at" in m for m in messages)


def test_dash_is_standard_input_read_as_jsonl(tmp_path):
    import io

    stream = io.BytesIO(b'{"id": "a", "text": "Erster Text."}\nnot json\n{"text": "Zweiter."}\n')
    items = list(read_documents(["-"], stdin=stream))
    assert items[0] == {"id": "a", "text": "Erster Text."}
    assert isinstance(items[1], InputFormatError) and str(items[1]).startswith("<stdin>:2: not valid JSON")
    assert items[2] == {"id": "<stdin>:3", "text": "Zweiter."}


def test_check_output_refuses_inputs_and_directories_and_passes_stdout(tmp_path):
    from bilatextract import OutputError
    from bilatextract.io import check_output

    data = tmp_path / "in.jsonl"
    data.write_text("{}\n", encoding="utf-8")
    for bad in (data, tmp_path / "." / "in.jsonl", tmp_path):
        with pytest.raises(OutputError):
            check_output(bad, [data])
    check_output(None, [data])
    check_output("-", ["-"])
    check_output(tmp_path / "new" / "out.jsonl", [data])
    assert not (tmp_path / "new").exists(), "checking creates nothing"
    with pytest.raises(OutputError, match="not a directory"):
        check_output(data / "out.jsonl", [])
