"""Work handed to a forked helper process, so a big read uses the machine's second core.

A million-row workbook's sheet takes about 3 s of numpy parsing and its shared strings
another 0.9 s, nearly all of it holding the GIL, so threads overlap little of it (0.2 s
measured). A child made by ``fork`` starts with the parent's memory as it is, does its
share while the parent does the rest, and hands back plain numeric arrays: through
shared memory the parent mapped before the fork (90 MB in 0.01 s, where a pipe takes
0.3 s), and through a pipe for anything else.

The helper is only ever a shortcut: when fork is not available (not Linux), fails,
or the child dies, raises or takes too long, ``result`` answers None and the caller
does the work itself, so the outcome never depends on the helper. The child uses no
file the parent has open, never runs the parent's code after the fork (Ctrl-C is
held back until it is inside its own ``try``, the collector is frozen across the fork
and off in the child, so it finalizes none of the parent's objects, and it leaves with
``os._exit``), and it is killed and reaped if the parent stops waiting.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import os
import pickle
import select
import signal
import struct
import sys
import warnings
from collections.abc import Callable

import numpy as np

#: Off where fork is missing or unsafe to use without exec (macOS frameworks).
ENABLED = sys.platform.startswith("linux") and hasattr(os, "fork")

_LENGTH = struct.Struct("<Q")
#: Signals held back from the fork until the child is inside its own ``try``.
_HELD = {signal.SIGINT, signal.SIGTERM}
_ALIGN = 64


class Helper:
    """``fn(*args)`` running in a forked child. ``fn`` returns (meta, arrays): anything
    picklable, and numeric numpy arrays, which reach the parent through ``room`` bytes
    of shared memory while they fit."""

    def __init__(self, pid: int, fd: int, shared: mmap.mmap | None) -> None:
        self._pid: int | None = pid
        self._pipe = os.fdopen(fd, "rb", buffering=0)
        self._shared = shared
        self._stall = 0.0  # seconds a read may wait for the child's next bytes

    @classmethod
    def start(cls, fn: Callable, *args, room: int = 0) -> Helper | None:
        """The running helper, or None when none can be made (the caller works alone)."""
        if not ENABLED:
            return None
        try:
            shared = mmap.mmap(-1, room) if room > 0 else None  # pages are made when used
            read_fd, write_fd = os.pipe()
        except (OSError, ValueError, OverflowError):
            return None
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
        freeze = gc.get_freeze_count() == 0  # (a caller's own frozen objects stay so)
        if freeze:
            gc.freeze()  # a collection in the child must not finalize the parent's objects
        try:
            with warnings.catch_warnings():  # 3.12+ warns of fork beside threads: the
                warnings.simplefilter("ignore", DeprecationWarning)  # child uses none of theirs
                pid = os.fork()
        except Exception:  # no helper, whatever stopped the fork
            pid = -1
        if pid == 0:
            _child(read_fd, write_fd, shared, held, fn, args)  # never returns
        if freeze:
            gc.unfreeze()
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(write_fd)
        if pid < 0:
            os.close(read_fd)
            return None
        return cls(pid, read_fd, shared)

    def result(self, timeout: float) -> tuple[object, list[np.ndarray]] | None:
        """What the child returned, or None if it failed in any way, sent nothing within
        ``timeout`` seconds, or then stalled as long with its answer half sent. Arrays
        that came through shared memory are views of it (it lives as long as they do)."""
        self._stall = timeout
        try:
            ready, _, _ = select.select([self._pipe], [], [], timeout)
            got = self._receive() if ready else None
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            got = None
        ended_well = self._reap(kill=got is None)  # all received: it is leaving anyway
        return got if ended_well else None

    def _receive(self) -> tuple[object, list[np.ndarray]] | None:
        header = self._exactly(_LENGTH.size)
        if header is None:
            return None
        meta, layout = pickle.loads(self._exactly(_LENGTH.unpack(header)[0]) or b"")
        arrays = []
        for dtype, length, offset in layout:
            if offset is not None:
                out = np.frombuffer(self._shared, dtype=dtype, count=length, offset=offset)
            else:
                out = np.empty(length, dtype=np.dtype(dtype))
                if not self._fill(memoryview(out).cast("B")):
                    return None
            arrays.append(out)
        return meta, arrays

    def _exactly(self, n: int) -> bytes | None:
        out = bytearray(n)
        return bytes(out) if self._fill(memoryview(out)) else None

    def _fill(self, view: memoryview) -> bool:
        done = 0
        while done < len(view):
            if not select.select([self._pipe], [], [], self._stall)[0]:
                return False  # a child stopped halfway would hold this process forever
            got = self._pipe.readinto(view[done:])
            if not got:
                return False
            done += got
        return True

    def _reap(self, kill: bool) -> bool:
        """Wait for the child, killing it first if ``kill``; True if it ended well."""
        if self._pid is None:
            return False
        pid, self._pid = self._pid, None
        self._pipe.close()  # a child still writing gets EPIPE and leaves
        with contextlib.suppress(OSError):
            if kill:
                os.kill(pid, signal.SIGKILL)
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
        return False

    def close(self) -> None:
        """Stop and reap the child if nobody took its result (safe to call twice)."""
        self._reap(kill=True)

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _child(read_fd: int, write_fd: int, shared, held, fn: Callable, args: tuple) -> None:
    """Run in the forked child: do the work, send it, leave without running any of the
    parent's cleanup (its ``finally`` blocks, atexit, buffered output)."""
    code = 1
    try:
        gc.disable()
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # Ctrl-C now lands in this try
        os.close(read_fd)
        meta, arrays = fn(*args)
        layout, piped, used = [], [], 0
        for a in arrays:
            a = np.ascontiguousarray(a)
            if shared is not None and used + a.nbytes <= len(shared):
                np.frombuffer(shared, dtype=a.dtype, count=len(a), offset=used)[:] = a
                layout.append((a.dtype.str, len(a), used))
                used += -(-a.nbytes // _ALIGN) * _ALIGN
            else:
                layout.append((a.dtype.str, len(a), None))
                piped.append(a)
        head = pickle.dumps((meta, layout), protocol=pickle.HIGHEST_PROTOCOL)
        _send(write_fd, _LENGTH.pack(len(head)) + head)
        for a in piped:
            _send(write_fd, memoryview(a).cast("B"))
        code = 0
    except BaseException:  # any failure only means "parent, do it yourself" (code 1)
        pass
    finally:
        os._exit(code)


def _send(fd: int, data) -> None:
    view = memoryview(data)
    while len(view):
        view = view[os.write(fd, view) :]
