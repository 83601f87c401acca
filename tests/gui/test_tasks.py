"""The background helper: results, progress and errors come back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from desktop.tasks import TaskRunner


def test_result_is_delivered_on_the_gui_thread(qtbot, qapp):
    runner = TaskRunner()
    seen = {}

    def work(a, b):
        seen["worker_thread"] = threading.get_ident()
        return a + b

    def done(result):
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is qapp.thread()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=5000):
        runner.run(work, 2, 3, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 5
    assert seen["gui"] is True
    assert seen["worker_thread"] != threading.get_ident()


def test_progress_reports_arrive_in_order(qtbot):
    runner = TaskRunner()
    reports, results = [], []

    def work(n, progress):
        for i in range(1, n + 1):
            progress(i, n, f"第{i}步")
        return "ok"

    runner.run(work, 3, on_done=results.append, on_progress=lambda d, t, m: reports.append((d, t, m)))
    qtbot.waitUntil(lambda: results == ["ok"], timeout=5000)
    assert reports == [(1, 3, "第1步"), (2, 3, "第2步"), (3, 3, "第3步")]


def test_errors_go_to_the_handler_or_the_error_signal(qtbot):
    runner = TaskRunner()
    caught = []

    def fail():
        raise ValueError("数据库连接已断开")

    runner.run(fail, on_error=caught.append)
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert isinstance(caught[0], ValueError)

    with qtbot.waitSignal(runner.error, timeout=5000) as blocker:
        runner.run(fail)
    message, details = blocker.args
    assert message == "数据库连接已断开"
    assert "ValueError" in details
    assert not runner.busy


def test_a_result_for_a_closed_screen_is_dropped(qtbot):
    """A screen closed while its query ran (logout, a closed dialog) must not be called:
    its C++ side is gone and touching it raises inside the event loop."""
    from PySide6.QtWidgets import QLabel

    runner = TaskRunner()
    gate = threading.Event()
    calls = []

    class Screen(QLabel):
        def load(self):
            runner.run(gate.wait, 5, on_done=lambda _r: self.setText("loaded") or calls.append("done"))

        def load_bound(self):
            runner.run(gate.wait, 5, on_done=self.show_result)

        def show_result(self, _result):
            self.setText("loaded")
            calls.append("bound")

    screen = Screen()
    screen.load()
    screen.load_bound()
    screen.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(screen), timeout=5000)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=5000):
        gate.set()
    qtbot.wait(50)
    assert calls == []

    # an explicit owner that is alive gets its result
    alive = QLabel()
    runner.run(lambda: "x", on_done=lambda r: calls.append(r), owner=alive)
    qtbot.waitUntil(lambda: calls == ["x"], timeout=5000)


def test_garbage_is_collected_in_the_gui_thread_only(qtbot):
    """A cycle holding a QObject freed by a collection in a worker thread crashes the process:
    automatic collection is off once a TaskRunner exists, and the GUI thread collects."""
    import gc
    import weakref

    from PySide6.QtCore import QObject

    from desktop import gc_guard

    TaskRunner()
    assert not gc.isenabled()
    collector = gc_guard.install()
    assert collector is gc_guard.install()  # one per application

    class Holder(QObject):
        pass

    holder = Holder()
    holder.me = holder  # a reference cycle through the Python wrapper
    gone = weakref.ref(holder)
    del holder
    for _ in range(collector.threshold[0] + 10):  # enough allocations to pass generation 0's threshold
        [].append(object())
        _cycle = [[]]
        _cycle[0].append(_cycle)
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)


def test_nothing_is_collected_while_the_application_starts(qtbot):
    """Start-up's objects are the imports', alive as long as the process: walking them on every
    tick behind the login dialog cost ≈ 40–80 ms of a start-and-Enter-at-once. desktop.app holds
    collection from the start to settle_imports (one full collection, then frozen)."""
    import gc
    import weakref

    from desktop import gc_guard

    TaskRunner()
    collector = gc_guard.install()

    class Cycle:
        """Holds itself: only the cyclic collector can free it."""

    def garbage_cycle():
        item = Cycle()
        item.me = item
        return weakref.ref(item)

    def allocate():  # more container objects than generation 0's threshold, kept alive
        return [[] for _ in range(collector.threshold[0] + 10)]

    gc_guard.hold()
    try:
        gone = garbage_cycle()
        kept = allocate()
        assert gc.get_count()[0] > collector.threshold[0]
        collector.check()
        assert gone() is not None and not gc.isenabled()
    finally:
        gc_guard.release()
    assert not gc.isenabled()  # a collector is installed: collections stay in the GUI thread
    kept += allocate()
    collector.check()
    assert gone() is None


def test_the_start_up_hold_ends_however_the_application_ends(monkeypatch):
    """The user quits at the login dialog (no settle_imports): run_gui still lets the collector
    work again on its way out."""
    import desktop.app as app_module
    from desktop import gc_guard

    seen = []
    monkeypatch.setattr(app_module, "_sessions", lambda *args: seen.append(gc_guard._held) or 0)
    assert app_module.run_gui("sqlite://") == 0
    assert seen == [True] and gc_guard._held is False
