"""The extract command in a batch job: bad input is reported and skipped, nothing is lost,
and the output file is written whole or not at all (also on Ctrl-C)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

from conftest import subprocess_env

GOOD_DE = "Am 3. März 2024 empfing die Außenministerin ihren Amtskollegen im Auswärtigen Amt."
GOOD_EN = "On 12 May 2023 the Foreign Secretary visited the Ministry of Defence in Tokyo."


def run_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bilatextract", *args], capture_output=True, text=True,
                          env=subprocess_env(), timeout=timeout)


def test_broken_lines_and_files_are_reported_the_rest_is_written_and_the_exit_code_says_so(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_bytes(b"\n".join([
        json.dumps({"id": "de", "text": GOOD_DE}).encode(),
        b'{"id": "cut", "text": "Der Bundesminis',
        json.dumps({"id": "bad-date", "text": GOOD_DE, "published": "gestern"}).encode(),
        b'{"id": "latin1", "text": "Au\xdfenministerin"}',
        # A lone surrogate is valid JSON but cannot be written as UTF-8 as it is.
        b'{"id": "surrogate", "text": "\\ud800 ' + GOOD_EN.encode() + b'"}',
        json.dumps({"id": "en", "text": GOOD_EN}).encode(),
    ]) + b"\n")
    text_file = tmp_path / "note.txt"
    text_file.write_text(GOOD_DE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = run_cli("extract", str(data), str(text_file), "-o", str(out))
    assert done.returncode == 1, done.stderr
    assert f"{data}:2:" in done.stderr and f"{data}:4:" in done.stderr
    assert "'bad-date'" in done.stderr and "'published'" in done.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["de", "bad-date", "surrogate", "en", "note.txt"]
    assert "error" in lines[1] and all("error" not in line for i, line in enumerate(lines) if i != 1)
    assert lines[0]["entities"] and lines[3]["entities"] and lines[2]["entities"]


def test_clean_input_exits_zero(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "x", "text": GOOD_EN}) + "\n", encoding="utf-8")
    done = run_cli("extract", str(data))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "x" and done.stderr == ""


def test_ctrl_c_leaves_the_previous_output_untouched(tmp_path):
    data = tmp_path / "in.jsonl"
    with data.open("w", encoding="utf-8") as f:
        # Enough documents that the command is still running when the signal comes (it is
        # interrupted within a fraction of a second; the whole file would take over a minute).
        for i in range(100_000):
            f.write(json.dumps({"id": f"d{i}", "text": f"{GOOD_DE} Absatz {i}."}) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bilatextract", "extract", str(data), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        # Wait until documents are being written (the temporary file has data), then interrupt.
        deadline = time.monotonic() + 120
        while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    assert out.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_reader_that_goes_away_stops_the_command_quietly(tmp_path):
    data = tmp_path / "in.jsonl"
    with data.open("w", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"d{i}", "text": GOOD_DE * 4}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "bilatextract", "extract", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env())
    try:
        assert proc.stdout.read(10) == b'{"id": "d0'
        proc.stdout.close()  # as `| head -c 10` does
        stderr = proc.stderr.read().decode()
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 141 and "Traceback" not in stderr and "Error" not in stderr
