"""The worker processes of ``pipe(n_process=...)``, as a user's script meets them: a worker that
dies stops the run with a typed error instead of a hang; a finished or killed parent leaves no
worker behind. Real processes and real signals throughout."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import subprocess_env, wait_until_writing

TEXT = "Außenminister Heiko Maas traf am 3. März 2020 Motegi."


def _ended(pid: int) -> bool:
    """The process is gone, or a zombie nobody reaped (it runs no more)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def _wait_until_ended(pids: list[int], seconds: float = 30) -> list[int]:
    deadline = time.monotonic() + seconds
    while (alive := [p for p in pids if not _ended(p)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def _script(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "job.py"
    script.write_text(
        "import multiprocessing, os, signal\n"
        "import bilatextract\n"
        f"TEXT = {TEXT!r}\n"
        "if __name__ == '__main__':\n" + body,
        encoding="utf-8",
    )
    return script


def _run(script: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=subprocess_env(),
                          cwd=script.parent, timeout=300)


def test_a_worker_killed_mid_run_stops_the_run_with_a_worker_error(tmp_path: Path) -> None:
    # The out-of-memory killer's way: SIGKILL, no clean-up. The chunk it held is not lost silently.
    run = _run(_script(tmp_path, (
        "    stream = bilatextract.Extractor().pipe([TEXT] * 3000, n_process=2, batch_size=10)\n"
        "    next(stream)\n"
        "    os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)\n"
        "    try:\n"
        "        for _ in stream:\n"
        "            pass\n"
        "        print('no error')\n"
        "    except bilatextract.WorkerError as e:\n"
        "        print('error:', e)\n"
        "    print('children left:', len(multiprocessing.active_children()))\n"
    )))
    assert run.returncode == 0, run.stderr
    assert "error: a worker process was killed by SIGKILL" in run.stdout, run.stdout
    assert "children left: 0" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_finished_script_exits_and_leaves_no_worker(tmp_path: Path) -> None:
    run = _run(_script(tmp_path, (
        "    stream = bilatextract.Extractor().pipe([TEXT] * 200, n_process=2, batch_size=1)\n"
        "    docs = [next(stream)]\n"
        "    print(*[p.pid for p in multiprocessing.active_children()])\n"
        "    docs += list(stream)\n"
        "    print(len(docs), sum(len(d.ministers) for d in docs))\n"
    )))
    assert run.returncode == 0, run.stderr
    pids, counts = run.stdout.splitlines()
    assert len(pids.split()) == 2
    assert counts == "200 200"
    assert _wait_until_ended([int(p) for p in pids.split()], 5) == []
    assert run.stderr == ""


def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    # A parent killed outright (SIGKILL) runs no clean-up: its workers notice their pipes close.
    script = _script(tmp_path, (
        "    def endless():\n"
        "        while True:\n"
        "            yield TEXT\n"
        "    stream = bilatextract.Extractor().pipe(endless(), n_process=2, batch_size=10)\n"
        "    next(stream)\n"
        "    print(*[p.pid for p in multiprocessing.active_children()], flush=True)\n"
        "    for _ in stream:\n"
        "        pass\n"
    ))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=subprocess_env(), cwd=tmp_path)
    try:
        assert proc.stdout is not None
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert len(workers) == 2, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.5)  # both at work
        proc.kill()
        proc.wait(30)
        assert _wait_until_ended(workers) == []
    finally:
        proc.kill()
        proc.wait()
        for pid in workers if "workers" in locals() else []:
            if not _ended(pid):
                os.kill(pid, signal.SIGKILL)


def test_messages_name_items_by_their_place_in_the_whole_input(tmp_path: Path) -> None:
    # Each worker sees one chunk; a message still counts items from the start of the input.
    run = _run(_script(tmp_path, (
        "    items = [TEXT, TEXT, {'id': 'x', 'txt': TEXT}, TEXT, {'id': 'y'}]\n"
        "    for n_process in (1, 2):\n"
        "        docs = list(bilatextract.Extractor().pipe(items, n_process=n_process, batch_size=1,\n"
        "                                                   on_error='return'))\n"
        "        print(n_process, [d.error.split(' has')[0] for d in docs if d.error])\n"
    )))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["1 ['InputTypeError: item 2', 'InputTypeError: item 4']",
                                       "2 ['InputTypeError: item 2', 'InputTypeError: item 4']"]


def test_the_command_stops_on_a_killed_worker_and_keeps_the_old_output(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text("".join(f'{{"id": "d{i}", "text": "{TEXT} Absatz {i}."}}\n' for i in range(30_000)),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bilatextract", "extract", str(data), "-o", str(out),
                             "--n-process", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=subprocess_env())
    try:
        wait_until_writing(proc, tmp_path)  # then its workers are at work
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        os.kill(int(children[0]), signal.SIGKILL)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 2, stderr
    assert "a worker process was killed by SIGKILL" in stderr and "unchanged" in stderr
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
