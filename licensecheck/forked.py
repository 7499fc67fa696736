# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Run batches of work in this process and in forked children, without a process pool.

A pool pickles every batch's input to send it, unpickles the results in a thread that takes
the interpreter lock from this process's own work, and starts a queue feeder and a manager
thread: on 60,000 files, two processes read them 1.45 times as fast as one. Forked children
already hold the input (only a batch number travels) and send back marshalled results
through a pipe that this process empties between its own batches.

Batches are handed out through a pipe of tickets, filled and closed before the children are
forked: each process reads the next 4-byte ticket (a pipe hands a read of 4 bytes to one
reader whole) until the pipe is empty. A batch whose results never arrive (a child killed,
or failing) is run here at the end, so the work is done whatever happens to a child.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import select
import signal
import struct
from collections.abc import Callable, Iterator, Sequence

TICKET = struct.Struct("<I")
FRAME = struct.Struct("<II")  # batch number, length of its marshalled results
# All tickets are written before anyone reads them, so they must fit in a pipe's buffer: 4 KiB
# is what Linux gives a user who holds too many pipe pages already (64 KiB otherwise).
MAX_BATCHES = 1024
PIPE_ROOM = 1024 * 1024  # /proc/sys/fs/pipe-max-size's default

# (batch number, sent) -> the batch's results; when `sent`, as plain data that marshal carries.
Run = Callable[[int, bool], list]
Done = Callable[[int, list, bool], None]  # batch number, results, whether a child sent them


def available() -> bool:
    """Whether batches can be shared with forked children here: on Linux, in a process that runs
    no other thread (a child would inherit the locks other threads hold, never released).
    macOS's system libraries are not fork-safe."""
    import sys
    import threading

    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def run(batches: int, children: int, work: Run, done: Done) -> None:
    """Run batches 0..`batches`-1 with `work`, in this process and `children` forked ones,
    telling `done` of each batch's results as they arrive (in no particular order)."""
    if batches > MAX_BATCHES:
        raise ValueError(f"at most {MAX_BATCHES} batches, not {batches}")
    tickets = _tickets(batches)
    pids: list[int] = []
    streams: dict[int, bytearray] = {}  # read end of each child's pipe: bytes not yet decoded
    finished: set[int] = set()
    complete = False
    try:
        for _ in range(children):
            pid, read_end = _fork_child(tickets, work, list(streams))
            if pid is None:
                break  # the system will not give another process (EAGAIN, ENOMEM): fewer do it all
            pids.append(pid)
            streams[read_end] = bytearray()
        for index in _taken(tickets):
            done(index, work(index, False), False)
            finished.add(index)
            _drain(streams, done, finished, wait=False)
        _drain(streams, done, finished, wait=True)
        complete = True
    finally:
        os.close(tickets)
        for read_end in streams:
            os.close(read_end)
        _reap(pids, stop=not complete)
    for index in range(batches):  # whatever a child took and never sent
        if index not in finished:
            done(index, work(index, False), False)


def _fork_child(tickets: int, work: Run, inherited: list[int]) -> tuple[int | None, int]:
    """A child that takes batches, and the read end of the pipe it sends their results
    through; (None, -1) when no process or pipe can be had."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None, -1
    _widen(write_end)
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None, -1
    if pid == 0:  # the child never returns from here
        os.close(read_end)
        _child(tickets, write_end, work, inherited)
    os.close(write_end)
    os.set_blocking(read_end, False)
    return pid, read_end


def _widen(pipe: int) -> None:
    """Room for several batches' results in the pipe (64 KiB by default, one batch's worth), so
    that a child seldom waits for this process to empty it; as much as Linux allows, if less."""
    import fcntl

    with contextlib.suppress(OSError):  # over the user's limit (EPERM): the default stays
        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_ROOM)


def _tickets(batches: int) -> int:
    """A pipe holding every batch number, its write end closed: the read end, shared by all."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"".join(TICKET.pack(index) for index in range(batches)))
    finally:
        os.close(write_end)
    return read_end


def _taken(tickets: int) -> Iterator[int]:
    while len(ticket := os.read(tickets, TICKET.size)) == TICKET.size:
        yield TICKET.unpack(ticket)[0]


def _child(tickets: int, out: int, work: Run, inherited: Sequence[int]) -> None:
    """Take batches until none is left, write each one's results, and leave without running
    anything of the parent's (atexit handlers, buffered output, finally blocks)."""
    status = 1
    try:
        # Ctrl-C reaches the whole process group: the parent alone reacts to it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for fd in inherited:  # the pipes of children forked before this one
            os.close(fd)
        if gc.isenabled():
            gc.freeze()  # the collector leaves the inherited objects alone (and their pages shared)
        for index in _taken(tickets):
            data = marshal.dumps(work(index, True))
            _write_all(out, FRAME.pack(index, len(data)) + data)
        status = 0
    finally:
        os._exit(status)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_all(fd: int, size: int) -> bytes:
    chunks = []
    while size > 0 and (chunk := os.pread(fd, size, sum(map(len, chunks)))):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _drain(streams: dict[int, bytearray], done: Done, finished: set[int], wait: bool) -> None:
    """Decode what the children have sent; with `wait`, until every child has closed its pipe."""
    open_ends = list(streams)
    while open_ends:
        if wait:
            ready, _, _ = select.select(open_ends, [], [])
        else:
            ready = open_ends
        for fd in ready:
            try:
                chunk = os.read(fd, 1 << 20)
            except BlockingIOError:
                chunk = None
            if chunk:
                streams[fd] += chunk
                _decode(streams[fd], done, finished)
            elif chunk is not None or not wait:
                open_ends.remove(fd)  # closed (b""), or nothing more for now
        if not wait:
            return


def _decode(buffer: bytearray, done: Done, finished: set[int]) -> None:
    """Hand on every whole frame at the start of `buffer`, and drop them from it."""
    start = 0
    while len(buffer) - start >= FRAME.size:
        index, length = FRAME.unpack_from(buffer, start)
        end = start + FRAME.size + length
        if len(buffer) < end:
            break
        done(index, marshal.loads(buffer[start + FRAME.size : end]), True)
        finished.add(index)
        start = end
    del buffer[:start]


def _reap(pids: list[int], stop: bool) -> None:
    """Wait for every child, after stopping it when this process leaves early (an error,
    Ctrl-C): children have closed their pipes otherwise, and are leaving."""
    for pid in pids:
        try:
            if stop:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


class Background:
    """The bytes `work` returns, made in a forked child while this process goes on (on Linux:
    `available()`); `result()` waits for them. The child writes them into a memory file rather
    than a pipe, so it never waits for this process to read. None when the child failed: the
    caller makes them itself."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._pid: int | None = None
        self._asked = False
        try:
            self._memory = os.memfd_create("licensecheck", os.MFD_CLOEXEC)
        except OSError:  # no memory file to be had: result() says None
            self._memory = -1
            return
        try:
            self._pid = os.fork()
        except OSError:  # no process to be had (EAGAIN, ENOMEM)
            self._close()
            return
        if self._pid == 0:
            status = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                if gc.isenabled():
                    gc.freeze()
                _write_all(self._memory, work())
                status = 0
            finally:
                os._exit(status)

    def result(self) -> bytes | None:
        if self._asked:
            raise RuntimeError("result() was asked for already")
        self._asked = True
        pid, self._pid = self._pid, None
        if pid is None:
            return None
        try:
            _, status = os.waitpid(pid, 0)
            if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return None
            return _read_all(self._memory, os.fstat(self._memory).st_size)
        finally:
            self._close()

    def _close(self) -> None:
        if self._memory >= 0:
            os.close(self._memory)
            self._memory = -1

    def __enter__(self) -> Background:
        return self

    def __exit__(self, *_exc) -> None:
        """Stop the child whose result nobody asked for (an error, Ctrl-C on the way)."""
        if self._pid is not None:
            _reap([self._pid], stop=True)
            self._pid = None
        self._close()
