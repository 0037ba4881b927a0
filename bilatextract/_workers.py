"""Worker processes for ``pipe(n_process=...)`` that can always be stopped.

``multiprocessing.Pool`` shares one task queue and one result queue among its workers, each
guarded by a lock, and stops through a handshake with its handler threads. A worker that dies
at the wrong moment (a signal, the out-of-memory killer) keeps a queue lock or loses a task, and
the parent then waits forever: on Ctrl-C, on ``terminate()``, even at the exit of a script that
had finished its work. Here each worker has a pipe of its own in each direction and works on one
chunk at a time, so a dead worker blocks nobody: the parent sees its sentinel and raises
:class:`WorkerError`. Stopping after the last chunk is a ``None`` to each idle worker; stopping
on anything else (an exception, Ctrl-C, a generator left unfinished) is killing the workers.
Workers ignore Ctrl-C (the terminal sends it to the whole group; the parent stops them) and
end at once on SIGTERM and SIGHUP; a worker whose parent died sees its task pipe close and ends.
"""

from __future__ import annotations

import contextlib
import pickle
import signal
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from ._signals import signals_blocked_while_starting_workers, termination_signals
from .errors import WorkerError

#: How far ahead of the oldest unfinished chunk work is handed out, per worker: results are
#: yielded in input order, so a slow chunk holds back at most this many finished ones.
AHEAD_PER_WORKER = 4


class _Worker:
    __slots__ = ("process", "tasks", "results", "chunk")

    def __init__(self, process: Any, tasks: Connection, results: Connection) -> None:
        self.process = process
        self.tasks = tasks  # the parent's sending end
        self.results = results  # the parent's receiving end
        self.chunk: int | None = None  # the sequence number of the chunk it works on


class WorkerPool:
    """``processes`` workers, each running ``initializer(*initargs)`` once and then
    ``function(chunk)`` for every chunk :meth:`map` hands it."""

    def __init__(self, context: Any, processes: int, function: Callable[[Any], Any],
                 initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        self._workers: list[_Worker] = []
        forked = context.get_start_method() == "fork"
        try:
            for _ in range(processes):
                task_reader, task_writer = context.Pipe(duplex=False)
                result_reader, result_writer = context.Pipe(duplex=False)
                # Under fork a worker inherits the parent's ends of every pipe made so far; it
                # closes them, so that a worker sees its task pipe close when the parent dies.
                inherited = [end for w in self._workers for end in (w.tasks, w.results)] if forked else []
                inherited += [task_writer, result_reader] if forked else []
                process = context.Process(target=_serve, daemon=True, name="bilatextract-worker",
                                          args=(task_reader, result_writer, inherited, function,
                                                initializer, initargs))
                with signals_blocked_while_starting_workers():
                    process.start()
                task_reader.close()
                result_writer.close()
                self._workers.append(_Worker(process, task_writer, result_reader))
        except BaseException:
            self.kill()
            raise

    def map(self, chunks: Iterable[Any]) -> Iterator[Any]:
        """``function(chunk)`` of every chunk, in input order. Chunks are read only as workers
        become free. Raises what the worker raised, or :class:`WorkerError` if a worker died."""
        chunks = iter(chunks)
        finished: dict[int, Any] = {}
        handed_out = yielded = 0
        exhausted = False
        limit = AHEAD_PER_WORKER * len(self._workers)
        while True:
            for worker in self._workers:
                if exhausted or handed_out - yielded >= limit:
                    break
                if worker.chunk is None:
                    chunk = next(chunks, _END)
                    if chunk is _END:
                        exhausted = True
                        break
                    self._send(worker, chunk)
                    worker.chunk = handed_out
                    handed_out += 1
            if yielded in finished:
                ok, value = finished.pop(yielded)
                yielded += 1
                if not ok:
                    raise value
                yield value
            elif handed_out == yielded:
                return
            else:
                self._collect(finished)

    def _send(self, worker: _Worker, chunk: Any) -> None:
        try:
            worker.tasks.send(chunk)
        except OSError:  # the worker died while idle (its pipe is broken)
            raise self._died(worker) from None

    def _collect(self, finished: dict[int, Any]) -> None:
        """Wait until at least one busy worker has answered or died."""
        busy = [w for w in self._workers if w.chunk is not None]
        ready = set(wait([w.results for w in busy] + [w.process.sentinel for w in busy]))
        for worker in busy:
            if worker.results in ready or worker.process.sentinel in ready:
                try:
                    if not worker.results.poll():
                        raise EOFError
                    finished[worker.chunk] = worker.results.recv()
                except (EOFError, OSError):
                    raise self._died(worker) from None
                worker.chunk = None

    def _died(self, worker: _Worker) -> WorkerError:
        worker.process.join(1)
        code = worker.process.exitcode
        if code is None:
            how = "stopped answering"
        elif code < 0:
            try:
                how = f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
        else:
            how = f"exited with status {code}"
        return WorkerError(f"a worker process {how} before returning its documents "
                           "(out of memory? see docs/reliability.md)")

    def close(self) -> None:
        """After the last chunk: each (idle) worker is told to end, and is killed if it does not
        within a few seconds."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.tasks.send(None)
        for worker in self._workers:
            worker.process.join(5)
        self.kill()

    def kill(self) -> None:
        """End every worker now (they hold nothing another process needs) and wait for them."""
        for worker in self._workers:
            if worker.process.exitcode is None:
                with contextlib.suppress(OSError, ValueError):
                    worker.process.kill()
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                worker.process.join()
            for end in (worker.tasks, worker.results):
                with contextlib.suppress(OSError):
                    end.close()
        self._workers = []


_END = object()


@contextlib.contextmanager
def worker_pool(context: Any, processes: int, function: Callable[[Any], Any],
                initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Iterator[WorkerPool]:
    """A :class:`WorkerPool` closed when the block ends normally and killed when it does not."""
    pool = WorkerPool(context, processes, function, initializer, initargs)
    try:
        yield pool
    except BaseException:
        pool.kill()
        raise
    pool.close()


def _serve(tasks: Connection, results: Connection, inherited: list[Connection],
           function: Callable[[Any], Any], initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    """A worker's life: answer chunks until a ``None`` arrives or the task pipe closes."""
    for end in inherited:
        end.close()
    _worker_signals()
    try:
        initializer(*initargs)
        failure: BaseException | None = None
    except Exception as e:  # every chunk is answered with it: the parent raises it
        failure = e
    while True:
        try:
            chunk = tasks.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        answer: tuple[bool, Any]
        if failure is not None:
            answer = (False, failure)
        else:
            try:
                answer = (True, function(chunk))
            except Exception as e:
                answer = (False, e)
        try:
            try:
                results.send(answer)
            except (pickle.PicklingError, TypeError, AttributeError) as e:  # an answer that cannot travel
                results.send((False, WorkerError(f"a worker's answer could not be sent back: {type(e).__name__}: {e}")))
        except OSError:  # the parent is gone
            return


def _worker_signals() -> None:
    """Ctrl-C is the parent's to handle; SIGTERM and SIGHUP end the worker at once (it holds
    nothing another process waits for). Then the signals blocked while it started are let in."""
    for sig in termination_signals():
        signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, termination_signals())
