# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Batches shared with forked children: each done once, whatever happens to a child."""

from __future__ import annotations

import marshal
import os
import sys

import pytest

from licensecheck import forked

pytestmark = pytest.mark.skipif(not forked.available(), reason="forked children are used on Linux only")


def _collect(batches: int, children: int, work) -> dict[int, list]:
    results: dict[int, list] = {}
    senders: dict[int, bool] = {}

    def done(index: int, result: list, sent: bool) -> None:
        assert index not in results, f"batch {index} done twice"
        results[index] = result
        senders[index] = sent

    forked.run(batches, children, work, done)
    assert sorted(results) == list(range(batches))
    return results


def _no_child_left() -> bool:
    """No child of this process, running or unreaped, but multiprocessing's own helpers (a
    fork server, a resource tracker: started by exec, they stay while this process lives)."""
    me = str(os.getpid())
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = stat.read().rsplit(")", 1)[1].split()[1]
            with open(f"/proc/{entry}/cmdline", "rb") as command:
                helper = b"multiprocessing" in command.read()
        except OSError:  # gone meanwhile
            continue
        if parent == me and not helper:
            return False
    return True


@pytest.mark.parametrize("children", [0, 1, 3])
def test_every_batch_is_done_once_and_children_send_plain_results(children):
    def work(index: int, sent: bool) -> list:
        # Results big enough to fill a pipe many times over: the parent must empty it as it goes.
        return [index, sent, os.getpid(), "x" * 50_000, (1, None, ("nested",))]

    results = _collect(120, children, work)
    for index, (number, sent, pid, padding, nested) in results.items():
        assert number == index
        assert padding == "x" * 50_000 and nested == (1, None, ("nested",))
        assert sent == (pid != os.getpid())  # marshalled by children only
    if children:
        assert any(sent for _, sent, *_ in results.values()), "no child did any batch"
    assert _no_child_left()


def test_a_batch_whose_child_dies_is_run_here():
    parent = os.getpid()

    def work(index: int, sent: bool) -> list:
        if os.getpid() != parent:
            os._exit(3)  # killed before sending anything: e.g. the kernel's out-of-memory killer
        return [index]

    results = _collect(40, 2, work)
    assert results == {index: [index] for index in range(40)}
    assert _no_child_left()


def test_a_batch_that_fails_in_a_child_fails_here_with_its_error():
    def work(index: int, sent: bool) -> list:
        if index == 7:
            raise RuntimeError("cannot read batch 7")
        return [index]

    # Whoever took batch 7, the parent ends up running it, and its error reaches the caller.
    with pytest.raises(RuntimeError, match="batch 7"):
        forked.run(20, 1, work, lambda index, result, sent: None)
    assert _no_child_left()


def test_leaving_early_stops_and_reaps_the_children():
    parent = os.getpid()

    def work(index: int, sent: bool) -> list:
        if os.getpid() == parent:
            raise KeyboardInterrupt  # Ctrl-C while this process reads its own batch
        import time

        time.sleep(0.05)
        return [index]

    with pytest.raises(KeyboardInterrupt):
        forked.run(50, 2, work, lambda index, result, sent: None)
    assert _no_child_left()


def test_too_many_batches_for_the_ticket_pipe_is_refused():
    with pytest.raises(ValueError, match="at most"):
        forked.run(forked.MAX_BATCHES + 1, 1, lambda index, sent: [], lambda index, result, sent: None)


def test_not_offered_off_linux(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not forked.available()


def test_not_offered_while_another_thread_runs():
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not forked.available()
    finally:
        release.set()
        other.join()
    # The system thread behind it leaves /proc/self/task a moment after join() returns.
    import time

    deadline = time.monotonic() + 5
    while not forked.available() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert forked.available()


def test_background_work_comes_back_whole():
    big = bytes(range(256)) * 40_000  # 10 MB: more than a pipe would hold
    with forked.Background(lambda: big) as pending:
        assert pending.result() == big
        with pytest.raises(RuntimeError, match="already"):
            pending.result()
    assert _no_child_left()


def test_background_work_that_fails_gives_none_for_the_caller_to_do_it():
    def failing() -> bytes:
        raise MemoryError

    with forked.Background(failing) as pending:
        assert pending.result() is None
    assert _no_child_left()


def test_background_work_nobody_waits_for_is_stopped():
    import time

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), forked.Background(lambda: time.sleep(30) or b""):
        raise KeyboardInterrupt
    assert time.monotonic() - started < 10
    assert _no_child_left()


def test_without_a_process_to_fork_this_one_does_everything(monkeypatch):
    def refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")  # fork's EAGAIN

    monkeypatch.setattr(os, "fork", refused)
    results = _collect(30, 3, lambda index, sent: [index, sent])
    assert results == {index: [index, False] for index in range(30)}
    with forked.Background(lambda: b"made elsewhere") as pending:
        assert pending.result() is None  # the caller makes it itself


def test_descriptors_numbered_past_1024_are_watched(monkeypatch):
    """A program that holds many files gives the pipes high numbers, which select() refuses."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip("the descriptor limit is below 1,200")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    held = []
    try:
        while (fd := os.open(os.devnull, os.O_RDONLY)) < 1100:
            held.append(fd)
        held.append(fd)
        results = _collect(30, 2, lambda index, sent: [index])
        assert results == {index: [index] for index in range(30)}
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert _no_child_left()


def test_children_reaped_elsewhere_do_not_stop_the_work():
    """A host program that ignores SIGCHLD (daemons do) lets the kernel reap children at once."""
    import signal

    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        results = _collect(30, 2, lambda index, sent: [index])
        assert results == {index: [index] for index in range(30)}
        with forked.Background(lambda: b"made elsewhere") as pending:
            assert pending.result() in (None, b"made elsewhere")  # None: the caller makes them
    finally:
        signal.signal(signal.SIGCHLD, previous)


def test_each_pass_reads_every_childs_pipe():
    """A child whose pipe is empty does not hide the next child's results until the end."""
    quiet_read, quiet_write = os.pipe()
    busy_read, busy_write = os.pipe()
    for fd in (quiet_read, busy_read):
        os.set_blocking(fd, False)
    data = marshal.dumps([1])
    os.write(busy_write, forked.FRAME.pack(5, len(data)) + data)
    received = []
    try:
        streams = {quiet_read: bytearray(), busy_read: bytearray()}
        done = lambda index, result, sent: received.append((index, result))  # noqa: E731
        forked._drain(streams, done, set(), wait=False)
    finally:
        for fd in (quiet_read, quiet_write, busy_read, busy_write):
            os.close(fd)
    assert received == [(5, [1])]


def test_ctrl_c_while_waiting_for_background_work_stops_the_child():
    import signal
    import time

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        with pytest.raises(KeyboardInterrupt), forked.Background(lambda: time.sleep(30) or b"") as pending:
            signal.setitimer(signal.ITIMER_REAL, 0.2)
            pending.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert _no_child_left()


def test_without_a_ticket_pipe_this_process_does_everything(monkeypatch):
    def refused(batches):
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(forked, "_tickets", refused)
    results = _collect(12, 2, lambda index, sent: [index, sent])
    assert results == {index: [index, False] for index in range(12)}


def _ctrl_c_as_fork_returns(monkeypatch):
    """Ctrl-C lands in the parent the moment fork() returns: before the child is recorded."""
    import signal

    real_fork = os.fork

    def fork_then_interrupted():
        pid = real_fork()
        if pid:
            os.kill(os.getpid(), signal.SIGINT)
        return pid

    monkeypatch.setattr(os, "fork", fork_then_interrupted)


def test_ctrl_c_as_a_child_is_forked_stops_it(monkeypatch):
    import time

    descriptors = len(os.listdir("/proc/self/fd"))
    _ctrl_c_as_fork_returns(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        forked.run(10, 2, lambda index, sent: [index], lambda index, result, sent: None)
    assert _no_child_left()
    with pytest.raises(KeyboardInterrupt), forked.Background(lambda: time.sleep(30) or b""):
        pass
    assert _no_child_left()
    assert len(os.listdir("/proc/self/fd")) == descriptors


def test_children_ignore_ctrl_c_and_not_run_the_hosts_sigterm_handler():
    import signal

    def hosts_handler(*_):
        raise SystemExit("the host's cleanup")

    previous = signal.signal(signal.SIGTERM, hosts_handler)
    try:
        report = lambda: repr(  # noqa: E731
            (
                signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
                signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
                signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set()),
            )
        ).encode()
        with forked.Background(report) as pending:
            assert pending.result() == b"(True, True, False)"
        import time

        def work(index: int, sent: bool) -> list:
            time.sleep(0.01)  # long enough for the child to take some of the batches
            return [sent, report().decode()]

        from_children = {said for sent, said in _collect(20, 1, work).values() if sent}
        assert from_children == {"(True, True, False)"}
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_thread_started_by_a_c_library_counts():
    """threading.active_count() sees Python's threads only; a C library may start its own."""
    import ctypes
    import threading
    import time

    libc = ctypes.CDLL(None)
    if not hasattr(libc, "pthread_create"):
        pytest.skip("no pthread_create to call")
    thread = ctypes.c_ulong()
    start = ctypes.cast(libc.sleep, ctypes.c_void_p)  # the thread runs sleep(1), no Python
    assert libc.pthread_create(ctypes.byref(thread), None, start, ctypes.c_void_p(1)) == 0
    try:
        assert threading.active_count() == 1
        assert not forked.available()
    finally:
        libc.pthread_join(thread, None)
    deadline = time.monotonic() + 5
    while not forked.available() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert forked.available()


@pytest.mark.parametrize("children", [0, 2])
def test_meanwhile_runs_here_once_while_children_take_batches(children):
    """The next stage's imports are made in the parent while children work; with no child,
    the parent would only do them before its own batches: not run (the caller does them later)."""
    parent = os.getpid()
    calls: list[tuple[int, int]] = []  # (pid, batches this process had done by then)
    mine: list[int] = []

    def work(index: int, sent: bool) -> list:
        if os.getpid() == parent:
            mine.append(index)
        return [index]

    def meanwhile() -> None:
        calls.append((os.getpid(), len(mine)))

    forked.run(40, children, work, lambda index, result, sent: None, meanwhile)
    assert calls == ([(parent, 0)] if children else [])
