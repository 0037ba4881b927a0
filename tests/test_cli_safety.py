"""The extract command never loses data: real subprocesses, real files, real signals."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env, wait_until_writing

SAMPLE = REPO / "docs" / "examples" / "sample.jsonl"
GOOD_DE = "Am 3. März 2024 empfing die Außenministerin ihren Amtskollegen im Auswärtigen Amt."


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None,
            umask: int | None = None) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, "-m", "bilatextract", *args], capture_output=True, text=True,
                          env=subprocess_env(), timeout=300, cwd=cwd, input=stdin, preexec_fn=set_umask)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed run; no traceback, no bug-report plea."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("bilatextract: ") and "Traceback" not in result.stderr
    assert "report this as a bug" not in result.stderr and "at at" not in result.stderr
    return lines[0]


def test_output_equal_to_an_input_is_refused_before_any_work(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "link.jsonl").symlink_to(data)
    os.link(data, tmp_path / "hard.jsonl")
    for target in ("in.jsonl", "./in.jsonl", "link.jsonl", "hard.jsonl", str(data)):
        result = run_cli("extract", "in.jsonl", "-o", target, cwd=tmp_path)
        assert result.returncode == 2, (target, result.stderr)
        assert "also an input (in.jsonl)" in one_line_error(result)
        assert data.read_bytes() == SAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.jsonl", "in.jsonl", "link.jsonl"]


@pytest.mark.parametrize("case", ["directory", "parent-is-a-file"])
def test_an_output_that_cannot_be_written_is_refused_before_reading_inputs(tmp_path: Path, case: str) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    target = tmp_path if case == "directory" else tmp_path / "afile" / "out.jsonl"
    # The input does not exist: a run that read inputs first would complain about it instead.
    result = run_cli("extract", str(tmp_path / "missing.jsonl"), "-o", str(target))
    assert result.returncode == 2
    message = one_line_error(result)
    assert str(target) in message and "missing.jsonl" not in message
    assert "directory" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_directory_is_a_user_error_not_a_bug(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run_cli("extract", str(SAMPLE), "-o", str(locked / "out.jsonl"))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2 and "permission" in one_line_error(result)


def test_a_missing_output_directory_is_made(tmp_path: Path) -> None:
    target = tmp_path / "new" / "dir" / "out.jsonl"
    result = run_cli("extract", str(SAMPLE), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.parametrize("bad", ["latin1-text", "missing", "directory"])
def test_an_unreadable_input_leaves_the_old_output_untouched(tmp_path: Path, bad: str) -> None:
    source = tmp_path / {"latin1-text": "note.txt", "missing": "gone.jsonl", "directory": "folder"}[bad]
    if bad == "latin1-text":
        source.write_bytes("Außenministerin Baerbock sprach.".encode("latin-1"))
    elif bad == "directory":
        source.mkdir()
    out = tmp_path / "out.jsonl"
    out.write_text("YESTERDAY\n", encoding="utf-8")
    result = run_cli("extract", str(SAMPLE), str(source), "-o", str(out))
    assert result.returncode == 2
    assert str(source) in one_line_error(result)
    assert out.read_text(encoding="utf-8") == "YESTERDAY\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_new_output_has_the_umask_mode_and_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.jsonl"
    assert run_cli("extract", str(SAMPLE), "-o", str(new), umask=0o022).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    other = tmp_path / "other.jsonl"
    assert run_cli("extract", str(SAMPLE), "-o", str(other), umask=0o027).returncode == 0
    assert stat.S_IMODE(other.stat().st_mode) == 0o640
    new.chmod(0o664)
    assert run_cli("extract", str(SAMPLE), "-o", str(new), umask=0o077).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o664
    assert len(new.read_text(encoding="utf-8").splitlines()) == 3


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("OLD\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert run_cli("extract", str(SAMPLE), "-o", str(link)).returncode == 0
    assert link.is_symlink() and len(real.read_text(encoding="utf-8").splitlines()) == 3


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8")
    from_stdin = run_cli("extract", "-", stdin=lines)
    from_file = run_cli("extract", str(SAMPLE))
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout and len(from_stdin.stdout.splitlines()) == 3


def test_published_anchors_text_files_and_a_bad_one_is_one_clear_line(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Gestern sprach Außenministerin Annalena Baerbock in Berlin.", encoding="utf-8")
    result = run_cli("extract", str(note), "--published", "2024-05-02")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["reference_date"] == {"date": "2024-05-02", "source": "argument"}
    assert [e["value"] for e in doc["entities"] if e["type"] == "DATE"] == ["2024-05-01"]
    bad = run_cli("extract", str(note), "--published", "gestern")
    assert bad.returncode == 2 and bad.stdout == ""
    message = one_line_error(bad)
    assert "--published" in message and "2025-10-15" in message and "None" not in message


def test_a_bad_published_field_names_the_field_not_python(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "x", "text": GOOD_DE, "published": "gestern"}) + "\n", encoding="utf-8")
    result = run_cli("extract", str(data))
    assert result.returncode == 1
    assert "'published'" in result.stderr and "None" not in result.stderr


def test_a_broken_json_line_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "a", "text": GOOD_DE}) + "\n{\"id\": \"b\", \"text\": tru}\n", encoding="utf-8")
    result = run_cli("extract", str(data), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"bilatextract: {data}:2: not valid JSON") and "fix or remove the line" in first
    assert "at at" not in result.stderr and "Traceback" not in result.stderr


def test_version_and_help() -> None:
    import bilatextract

    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith(f"bilatextract {bilatextract.__version__} ")
    for args in (["--help"], ["extract", "--help"], ["evaluate", "--help"], ["schema", "--help"]):
        result = run_cli(*args)
        assert result.returncode == 0, args
        assert "<list" not in result.stdout and "``" not in result.stdout and "<bool>" not in result.stdout, args
    assert "FILE..." in run_cli("extract", "--help").stdout


def test_evaluate_on_a_file_without_gold_says_so_in_one_line() -> None:
    result = run_cli("evaluate", str(SAMPLE))
    assert result.returncode == 2
    message = one_line_error(result)
    assert "gold" in message and str(SAMPLE) in message


def _big_input(path: Path, count: int = 100_000) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps({"id": f"d{i}", "text": f"{GOOD_DE} Absatz {i}."}) + "\n")


@pytest.mark.parametrize("signum, n_process", [(signal.SIGTERM, 1), (signal.SIGHUP, 1), (signal.SIGTERM, 2)])
def test_a_termination_signal_keeps_the_old_output_and_removes_the_temporary_file(
    tmp_path: Path, signum: int, n_process: int
) -> None:
    data = tmp_path / "in.jsonl"
    _big_input(data)
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bilatextract", "extract", str(data), "-o", str(out),
                             "--n-process", str(n_process)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        wait_until_writing(proc, tmp_path)
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signum, stderr
    assert "terminated" in stderr and "unchanged" in stderr and "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_to_the_whole_group_stops_workers_quietly_and_keeps_the_old_output(
    tmp_path: Path, signum: int
) -> None:
    # A terminal's Ctrl-C reaches the whole process group: the command and its workers; so does
    # the SIGTERM of a service manager. A worker the pool starts again just then must stop too
    # (it once waited for work forever). Three times each: that race is rare.
    data = tmp_path / "in.jsonl"
    _big_input(data, 20_000)
    out = tmp_path / "out.jsonl"
    for _ in range(3):
        out.write_text("OLD\n", encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "bilatextract", "extract", str(data), "-o", str(out),
                                 "--n-process", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=subprocess_env(), start_new_session=True)
        try:
            wait_until_writing(proc, tmp_path)
            os.killpg(proc.pid, signum)
            _, stderr = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        assert proc.returncode == 128 + signum, stderr
        assert "Traceback" not in stderr and "PoolWorker" not in stderr and "unchanged" in stderr
        assert out.read_text(encoding="utf-8") == "OLD\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


_SWALLOWING_CALLBACK = (
    "import os, signal, weakref\n"
    "from bilatextract._signals import Terminated, raise_pending, signals_as_exceptions\n"
    "class Doc: pass\n"
    "def callback(ref):\n"
    "    os.kill(os.getpid(), signal.SIGTERM)\n"
    "    for _ in range(100_000): pass\n"
)


def _run_swallowing(body: str) -> subprocess.CompletedProcess[str]:
    # A signal arriving while a weakref callback runs (spaCy's and our own caches hold weak
    # references to documents) raises inside the callback, where Python cannot raise and goes on.
    code = _SWALLOWING_CALLBACK + (
        "with signals_as_exceptions():\n"
        "    try:\n"
        "        doc = Doc()\n"
        "        ref = weakref.ref(doc, callback)\n"
        "        del doc\n"
        f"{body}"
        "    except Terminated as e:\n"
        "        print('terminated', e.signum, flush=True)\n"
        "raise_pending()\n"
        "print('cleared')\n"
    )
    return _run_python(code)


def _run_python(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(),
                          timeout=timeout)


def test_a_signal_whose_exception_python_swallowed_still_stops_the_job() -> None:
    # The CLI asks again before it writes anything (``raise_pending``), and no "Exception ignored"
    # traceback is printed for it.
    done = _run_swallowing("        raise_pending()\n        print('went on')\n")
    assert done.returncode == 0, done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert done.stdout.split("\n")[:2] == [f"terminated {int(signal.SIGTERM)}", "cleared"]


def test_a_swallowed_signal_interrupts_a_wait_that_would_never_end() -> None:
    # After the swallowed exception the main thread blocks on a pipe nobody writes to (as the
    # parent of dead workers waits for their results): the signal is sent again and ends the wait.
    done = _run_swallowing("        r, w = os.pipe()\n        os.read(r, 1)\n        print('read')\n")
    assert done.returncode == 0, done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert done.stdout.split("\n")[:2] == [f"terminated {int(signal.SIGTERM)}", "cleared"]


def test_a_process_leaving_a_parallel_pipe_open_still_exits() -> None:
    # The pool of an unfinished ``pipe(n_process=2)`` is terminated by multiprocessing at exit
    # (SIGTERM to its workers): the process must not wait for workers that ignore it.
    code = (
        "from bilatextract import Extractor\n"
        "if __name__ == '__main__':\n"
        "    texts = ['Außenminister Heiko Maas traf am 3. März 2020 Motegi.'] * 2000\n"
        "    stream = Extractor().pipe(texts, n_process=2)\n"
        "    for i, doc in enumerate(stream):\n"
        "        if i == 100:\n"
        "            break\n"
        "    print('left', flush=True)\n"
    )
    done = _run_python(code, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "left" and "Traceback" not in done.stderr
