"""Termination signals as exceptions, so that ``finally`` blocks and context managers clean up.

Python turns SIGINT into :class:`KeyboardInterrupt`; SIGTERM (docker, systemd, Kubernetes,
``timeout``) and SIGHUP (a closed terminal) kill the process without unwinding, which would
leave temporary files behind. Inside :func:`signals_as_exceptions` they raise :class:`Terminated`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any


class Terminated(BaseException):
    """The process received a termination signal; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention for a process ended by a signal: 128 plus its number."""
        return 128 + self.signum


#: The signals received inside :func:`signals_as_exceptions` (main thread). Python ignores an
#: exception raised while a weakref callback or a ``__del__`` runs ("Exception ignored in ..."),
#: so the handler's exception can be lost: :func:`raise_pending` raises it again.
_pending: list[int] = []
#: The signals whose exception Python swallowed and that were not raised again since: each is
#: sent to the main thread once more shortly after (it may be blocked in a system call, waiting
#: on workers the same signal ended), unless :func:`raise_pending` or the handler raises first.
_swallowed: list[int] = []
_redelivery = threading.Lock()
_active = False  # inside signals_as_exceptions (main thread)
#: How long after a swallowed exception its signal is sent again: the moment Python swallowed it
#: (the end of a weakref callback) is over by then.
REDELIVERY_DELAY_S = 0.01


def raise_pending() -> None:
    """Raise the exception of a signal received inside :func:`signals_as_exceptions` whose own
    exception may have been swallowed; nothing when none was received. Call it in long loops
    and before committing any output."""
    if _pending:
        _swallowed.clear()  # raised here: nothing to send again
        signum = _pending[0]
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)


def _redeliver() -> None:
    with _redelivery:
        if not (_active and _swallowed):
            return
        signum = _swallowed[-1]
        _swallowed.clear()
        _send_to_main_thread(signum)


def _send_to_main_thread(signum: int) -> None:
    # To the main thread itself: a signal sent to the process may go to the calling thread and
    # would not interrupt a system call the main thread is blocked in.
    if hasattr(signal, "pthread_kill"):
        signal.pthread_kill(threading.main_thread().ident or 0, signum)
    else:  # Windows: no blocked call is interrupted anyway; the flag is what counts
        signal.raise_signal(signum)


def _soon(call: Callable[..., None], *args: Any) -> None:
    """``call(*args)`` after REDELIVERY_DELAY_S, from a daemon thread: the moment in which Python
    swallowed a signal's exception is over by then."""
    timer = threading.Timer(REDELIVERY_DELAY_S, call, args)
    timer.daemon = True
    timer.start()


def termination_signals() -> tuple[signal.Signals, ...]:
    """SIGINT, SIGTERM and SIGHUP, those of them the platform has."""
    return tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def signals_blocked_while_starting_workers() -> Iterator[None]:
    """Block the termination signals in this thread while worker processes (and the threads that
    start more of them) are created: they inherit the block.

    A signal that reaches a freshly forked process before Python has reset its signal state there
    is lost (or, with the parent's handlers still in place, raises where the worker cannot handle
    it). Blocked, the signal waits until the worker has set its own handlers (``_workers``).
    Signals that arrive here meanwhile are delivered when the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no such race to close
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, termination_signals())
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread (SIGINT,
    Ctrl-C, raises :class:`KeyboardInterrupt` as usual).

    Child processes forked meanwhile inherit the handler; there it restores the default action
    and re-sends the signal, so the child simply ends, without a traceback of its own (``n_process``
    workers set their own handlers first: ``_workers``). An exception Python swallowed
    (a signal inside a weakref callback) has its signal sent again shortly after.
    Outside the main thread this does nothing (Python delivers signals to the main thread only).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def handler(signum: int, frame: FrameType | None) -> Any:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        _pending.append(signum)
        _swallowed.clear()  # raised again here
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)

    previous_hook = sys.unraisablehook

    def unraisable(report: Any) -> None:
        # The signal's exception, lost where Python cannot raise it: no "Exception ignored"
        # traceback for it; the signal is sent again shortly (and raise_pending raises it).
        if not (_pending and isinstance(report.exc_value, (Terminated, KeyboardInterrupt))):
            previous_hook(report)
            return
        _swallowed.append(_pending[-1])
        _soon(_redeliver)

    global _active
    _pending.clear()
    _swallowed.clear()
    _active = True
    previous = {sig: signal.signal(sig, handler) for sig in termination_signals()}
    sys.unraisablehook = unraisable
    try:
        yield
    finally:
        with _redelivery:  # nothing is sent again once the block's handlers are gone
            _active = False
            _swallowed.clear()
        for sig, old in previous.items():
            signal.signal(sig, old)
        sys.unraisablehook = previous_hook
        _pending.clear()
