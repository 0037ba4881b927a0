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
from collections.abc import Iterator
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


def raise_pending() -> None:
    """Raise the exception of a signal received inside :func:`signals_as_exceptions` whose own
    exception may have been swallowed; nothing when none was received. Call it in long loops
    and before committing any output."""
    if _pending:
        signum = _pending[0]
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)


def _signals() -> tuple[signal.Signals, ...]:
    return tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread (SIGINT,
    Ctrl-C, raises :class:`KeyboardInterrupt` as usual).

    Child processes forked meanwhile (``n_process`` workers) inherit the handler; there it
    restores the default action and re-sends the signal, so a worker simply ends, without a
    traceback of its own (Ctrl-C in a terminal reaches every process of the group).
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
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)

    previous_hook = sys.unraisablehook

    def unraisable(report: Any) -> None:
        # The signal's exception, lost where Python cannot raise it: raise_pending raises it again,
        # so no "Exception ignored" traceback is printed for it.
        if not (_pending and isinstance(report.exc_value, (Terminated, KeyboardInterrupt))):
            previous_hook(report)

    _pending.clear()
    previous = {sig: signal.signal(sig, handler) for sig in _signals()}
    sys.unraisablehook = unraisable
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
        sys.unraisablehook = previous_hook
        _pending.clear()
