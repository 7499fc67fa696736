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
or failing) is run here at the end, so the work is done whatever happens to a child; a
system that gives no process or pipe leaves the work to this process.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import select
import signal
import struct
from collections.abc import Callable, Iterator

from licensecheck.extract import read_fd

TICKET = struct.Struct("<I")
FRAME = struct.Struct("<II")  # batch number, length of its marshalled results
# All tickets are written before anyone reads them, so they must fit in a pipe's buffer: 4 KiB
# is what Linux gives a user who holds too many pipe pages already (64 KiB otherwise).
MAX_BATCHES = 1024
PIPE_ROOM = 1024 * 1024  # /proc/sys/fs/pipe-max-size's default

# (batch number, sent) -> the batch's results; when `sent`, as plain data that marshal carries.
Run = Callable[[int, bool], list]
Done = Callable[[int, list, bool], None]  # batch number, results, whether a child sent them
Meanwhile = Callable[[], None] | None


def available() -> bool:
    """Whether work can be shared with forked children here: on Linux, in a process that runs
    no other thread, native ones included (a child would inherit the locks other threads
    hold, never released). macOS's system libraries are not fork-safe."""
    import sys

    return sys.platform.startswith("linux") and hasattr(os, "fork") and _only_thread()


def _only_thread() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1  # what threading cannot see: C libraries' threads
    except OSError:
        import threading

        return threading.active_count() == 1


def run(batches: int, children: int, work: Run, done: Done, meanwhile: Meanwhile = None) -> None:
    """Run batches 0..`batches`-1 with `work`, in this process and `children` forked ones,
    telling `done` of each batch's results as they arrive (in no particular order).

    `meanwhile` is run here once the children are working, before this process takes its
    first batch: what this process will need later (the next stage's imports) costs the run
    half its time there, as the children take the batches this process does not."""
    if batches > MAX_BATCHES:
        raise ValueError(f"at most {MAX_BATCHES} batches, not {batches}")
    finished: set[int] = set()
    _share(batches, children, work, done, finished, meanwhile)
    for index in range(batches):  # whatever a child took and never sent, or all of it
        if index not in finished:
            done(index, work(index, False), False)


def _share(
    batches: int, children: int, work: Run, done: Done, finished: set[int], meanwhile: Meanwhile
) -> None:
    try:
        tickets = _tickets(batches)
    except OSError:  # no pipe to be had (EMFILE, ENFILE): run() does it all here
        return
    pids: list[int] = []
    streams: dict[int, bytearray] = {}  # read end of each child's pipe: bytes not yet decoded
    complete = False
    try:
        for _ in range(children):
            with _interrupts_held():  # until the child is recorded, so that it is stopped
                started = _fork_child(tickets, work, list(streams))
                if started is None:
                    break  # the system will not give another process (EAGAIN, ENOMEM): fewer do it all
                pids.append(started[0])
                streams[started[1]] = bytearray()
        if pids and meanwhile is not None:
            meanwhile()
        for index in _taken(tickets):
            done(index, work(index, False), False)
            finished.add(index)
            _drain(streams, done, finished, wait=False)
        _drain(streams, done, finished, wait=True)
        complete = True
    finally:
        with _interrupts_held():  # Ctrl-C in the middle would leave children unreaped, pipes open
            os.close(tickets)
            for read_end in streams:
                os.close(read_end)
            _reap(pids, stop=not complete)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C waits (it is delivered after) while a child is forked and recorded, or children
    are stopped and reaped: in between, it would leave a child that nobody stops."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _fork(child: Callable[[], None]) -> int | None:
    """A forked child that runs `child` and leaves with os._exit (status 0 when `child`
    returned), never running anything of this process's (its atexit handlers, buffered
    output, finally blocks); None when the system refuses a process. Called with interrupts
    held."""
    try:
        pid = os.fork()
    except OSError:  # EAGAIN, ENOMEM
        return None
    if pid == 0:
        status = 1
        try:
            # Ctrl-C reaches the whole process group: the parent alone reacts to it. A handler
            # the host program set for SIGTERM is the host's code: not run here.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            child()
            status = 0
        finally:
            os._exit(status)
    return pid


def _fork_child(tickets: int, work: Run, inherited: list[int]) -> tuple[int, int] | None:
    """A child that takes batches, and the read end of the pipe it sends their results
    through; None when no process or pipe can be had."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    _widen(write_end)

    def take_batches() -> None:
        os.close(read_end)
        for fd in inherited:  # the pipes of the children forked before this one
            os.close(fd)
        for index in _taken(tickets):
            data = marshal.dumps(work(index, True))
            _write_all(write_end, FRAME.pack(index, len(data)) + data)

    pid = _fork(take_batches)
    os.close(write_end)
    if pid is None:
        os.close(read_end)
        return None
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
    except BaseException:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)
    return read_end


def _taken(tickets: int) -> Iterator[int]:
    while len(ticket := os.read(tickets, TICKET.size)) == TICKET.size:
        yield TICKET.unpack(ticket)[0]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _drain(streams: dict[int, bytearray], done: Done, finished: set[int], wait: bool) -> None:
    """Decode what the children have sent; with `wait`, until every child has closed its pipe.
    poll, not select: select cannot watch a descriptor numbered 1024 or more, which a program
    holding many files or sockets gets."""
    if not wait:
        for fd in streams:
            _receive(fd, streams[fd], done, finished)
        return
    watching = select.poll()
    for fd in streams:
        watching.register(fd, select.POLLIN)
    still_open = set(streams)
    while still_open:
        for fd, _ in watching.poll():
            if not _receive(fd, streams[fd], done, finished):
                watching.unregister(fd)
                still_open.discard(fd)


def _receive(fd: int, buffer: bytearray, done: Done, finished: set[int]) -> bool:
    """Read what is there from a child's pipe and decode its whole frames; False once the
    child has closed it."""
    try:
        chunk = os.read(fd, PIPE_ROOM)
    except BlockingIOError:
        return True
    if not chunk:
        return False
    buffer += chunk
    _decode(buffer, done, finished)
    return True


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
        except (ChildProcessError, ProcessLookupError):  # reaped already (SIGCHLD ignored)
            pass


class Background:
    """The bytes `work` returns, made in a forked child while this process goes on (on Linux:
    `available()`); `result()` waits for them. The child writes them into a memory file rather
    than a pipe, so it never waits for this process to read. None when the child failed or
    could not be had: the caller makes them itself."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._pid: int | None = None
        self._asked = False
        try:
            self._memory = os.memfd_create("licensecheck", os.MFD_CLOEXEC)
        except OSError:  # no memory file to be had: result() says None
            self._memory = -1
            return
        memory = self._memory

        def make() -> None:
            if gc.isenabled():  # a library's caller: the collector leaves the inherited objects alone
                gc.freeze()
            _write_all(memory, work())

        try:
            with _interrupts_held():
                self._pid = _fork(make)
        except BaseException:  # Ctrl-C held during the fork arrives as the hold ends
            self.__exit__()
            raise
        if self._pid is None:
            self._close()

    def result(self) -> bytes | None:
        if self._asked:
            raise RuntimeError("result() was asked for already")
        self._asked = True
        if self._pid is None:
            return None
        try:
            _, status = os.waitpid(self._pid, 0)
        except ChildProcessError:  # reaped elsewhere (SIGCHLD ignored): how it ended is unknown
            status = -1
        self._pid = None  # only now: Ctrl-C while waiting leaves __exit__ a child to stop
        try:
            if status == -1 or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return None
            return read_fd(self._memory, os.fstat(self._memory).st_size, 0)
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
