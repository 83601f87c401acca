"""The case list on a big database, measured in-process and offscreen (issue 3 item 8).

    python bench/bench_case_list.py [--db sqlite:////tmp/demo1m.sqlite3] [--role reception]
    TIAOJIE_BENCH_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/demo1m python bench/bench_case_list.py

Goal: 1,000,000 cases open in ≤ 200 ms and scroll smoothly.

(a) open: ``CasesScreen(ctx)`` constructed and shown until the first page is in the model
    (rowCount > 0); the total count runs on the task runner and is reported separately;
(b) scroll: the view's vertical scroll bar is pushed to the end again and again; every
    ``fetchMore`` (one page of 200 rows) is timed, and reported around depths 0, 10k, 100k;
(c) search: text typed into the search box — time from the debounce firing to the first
    page shown, and to the count;
(d) the same on PostgreSQL when ``TIAOJIE_BENCH_PG_URL`` names a database filled by the demo.

The plans of the queries behind each step are printed with ``--explain``. When the SQLite
database is missing it is created with ``tiaojie demo`` (``--cases``, default 1,000,000).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_DB = "sqlite:////tmp/demo1m.sqlite3"
GOAL_OPEN_MS = 200.0
SMOOTH_PAGE_MS = 50.0  # a page fetched while scrolling should not stall the view visibly
DEPTHS = (0, 10_000, 100_000)
SEARCHES = ("张", "张伟", "秀英", "王秀英", "第587号", "衢江交人调字〔2026〕", "衢江医人调字", "不存在的词语")


# --- the database ----------------------------------------------------------------------------


def ensure_database(url: str, cases: int) -> None:
    """Create the SQLite demo database if it does not exist yet."""
    if not url.startswith("sqlite:///"):
        return
    path = Path(url.removeprefix("sqlite:///"))
    if path.exists() and path.stat().st_size > 0:
        return
    if (REPO / "core" / "demo.py").exists():
        print(f"创建演示数据库 {path}（{cases:,} 件案件）…", flush=True)
        cmd = [sys.executable, "-m", "desktop", "--db", url, "demo", "--cases", str(cases)]
        done = subprocess.run(cmd, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        if done.returncode == 0:
            return
        print("tiaojie demo 失败，改用内置的简易生成器", flush=True)
        path.unlink(missing_ok=True)
    _simple_demo(url, min(cases, 200_000))


def _simple_demo(url: str, cases: int) -> None:
    """A plain generator for when core.demo is unavailable: parties, cases and case_parties."""
    import random
    from datetime import date, datetime, timedelta

    from sqlalchemy import insert, select

    from core.database import open_database
    from db.codes import COMMITTEES, DISPUTE_TYPES
    from db.models import Case, CaseParty, Committee, Party

    rnd = random.Random(1)
    engine = open_database(url)
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林郑", "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚"
    with engine.begin() as conn:
        committees = dict(conn.execute(select(Committee.code, Committee.id)).all())
        codes, types = list(COMMITTEES), list(DISPUTE_TYPES)
        today = date(2026, 11, 20)
        for start in range(0, cases, 10_000):
            parties, rows, links = [], [], []
            for i in range(start, min(cases, start + 10_000)):
                received = today - timedelta(days=rnd.randrange(365 * 3))
                code = rnd.choice(codes)
                pid = 2 * i + 1
                for k in (0, 1):
                    name = rnd.choice(surnames) + "".join(rnd.choices(given, k=rnd.choice((1, 2))))
                    parties.append({"id": pid + k, "kind": "person", "name": name, "name_initials": ""})
                    links.append({"case_id": i + 1, "party_id": pid + k, "role": ("applicant", "respondent")[k],
                                  "position": k})
                rows.append({"id": i + 1, "number": f"DEMO-{i + 1:07d}", "year": received.year, "seq": i + 1,
                             "committee_id": committees[code], "dispute_type": rnd.choice(types),
                             "status": rnd.choice(("registered", "mediating", "agreed", "archived")),
                             "summary": "双方因赔偿问题协商未果。", "received_on": received,
                             "received_at": datetime.combine(received, datetime.min.time()), "requests": []})
            conn.execute(insert(Party), parties)
            conn.execute(insert(Case), rows)
            conn.execute(insert(CaseParty), links)
    engine.dispose()


# --- measuring ---------------------------------------------------------------------------------


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _wait(app, condition: Callable[[], bool], timeout: float = 120.0) -> float:
    began = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - began > timeout:
            raise TimeoutError("等待超时")
        time.sleep(0.001)
    return time.perf_counter()


class FetchTimer:
    """Times every CaseTableModel.fetchMore (query + row insertion + view update)."""

    def __init__(self) -> None:
        from desktop.models.case_table import CaseTableModel

        self.samples: list[tuple[int, float]] = []  # (rows before, seconds)
        original = CaseTableModel.fetchMore
        timer = self

        def timed(model, *args):
            before = model.rowCount()
            began = time.perf_counter()
            original(model, *args)
            if model.rowCount() > before:
                timer.samples.append((before, time.perf_counter() - began))

        CaseTableModel.fetchMore = timed  # the view calls it from C++: patch the class


def _guard_singleton_refcounts() -> None:
    """PySide6 6.12.0 on CPython 3.11 loses a reference to None on every void method call
    (processEvents, setText …) and on every QVariant None it returns (QComboBox.currentData),
    and one to True on every Signal.emit: after a few thousand calls CPython aborts with
    "none_dealloc" / "bool_dealloc". Python 3.12+ makes these objects immortal. So that the
    measurement can finish on 3.11, give them a huge reference count up front."""
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


def bench_database(url: str, *, role: str, runs: int, max_depth: int, scroll_budget: float,
                   explain: bool) -> dict:
    from core.cases import count_cases, fetch_cases
    from core.database import open_database
    from core.uow import read_only
    from desktop.app import create_application
    from desktop.context import AppContext
    from desktop.models.case_table import HEADERS, SORT_KEYS
    from desktop.screens.cases import CasesScreen
    from desktop.screenshots import user_for_role
    from desktop.tasks import TaskRunner

    _guard_singleton_refcounts()
    app = create_application()  # the running QApplication if there is one
    engine = open_database(url)
    user = user_for_role(engine, role)
    tasks = TaskRunner(app)
    ctx = AppContext(engine, url, user, tasks)
    timer = FetchTimer()
    loads = _count_page_loads(CasesScreen)
    out: dict = {"url": url, "engine": engine.dialect.name, "role": role,
                 "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}

    with read_only(engine) as session:
        began = time.perf_counter()
        out["total"] = count_cases(session)
        out["count_query_ms"] = _ms(time.perf_counter() - began)
        fetch_cases(session, limit=200)  # compile and cache the statement once
        began = time.perf_counter()
        fetch_cases(session, limit=200)
        out["first_page_query_ms"] = _ms(time.perf_counter() - began)

    def new_screen():
        screen = CasesScreen(ctx)
        screen.resize(1280, 800)
        screen.show()
        app.processEvents()
        return screen

    def drop(screen) -> None:
        tasks.wait()
        app.processEvents()
        screen.close()
        screen.deleteLater()
        app.processEvents()

    # (a) open
    opens, counts = [], []
    for _ in range(runs):
        tasks.wait()
        loads.clear()
        began = time.perf_counter()
        screen = new_screen()
        shown = time.perf_counter()
        assert screen.model.rowCount() > 0, "第一页没有数据"
        opens.append(_ms(shown - began))
        out["open_page_loads"] = list(loads)
        counted = _wait(app, lambda s=screen: "共" in s.count_label.text())
        counts.append(_ms(counted - began))
        drop(screen)
    out["open_ms"], out["open_count_ms"] = opens, counts

    # (b) scroll towards the depths, within a time budget
    screen = new_screen()
    tasks.wait()
    timer.samples.clear()
    bar = screen.table.verticalScrollBar()
    scroll_began = time.perf_counter()
    target = min(max_depth + 1_000, out["total"])
    while (screen.model.rowCount() < target and screen.model.canFetchMore()
           and time.perf_counter() - scroll_began < scroll_budget):
        bar.setValue(bar.maximum())
        app.processEvents()
    out["scroll_total_s"] = time.perf_counter() - scroll_began
    out["scroll_rows"] = screen.model.rowCount()
    out["pages"], out["pages_direct"] = {}, {}
    for depth in DEPTHS:
        near = [sec for rows, sec in timer.samples if depth <= rows < depth + 1_000]
        if near:
            out["pages"][depth] = [_ms(sec) for sec in near]
        elif depth < out["total"]:
            # Not reached by scrolling in time: what the next page's query costs there.
            with read_only(engine) as session:
                began = time.perf_counter()
                fetch_cases(session, screen._filter, offset=depth, limit=200)
                out["pages_direct"][depth] = _ms(time.perf_counter() - began)
    out["worst_page_ms"] = max((_ms(sec) for _, sec in timer.samples), default=0.0)
    drop(screen)

    # (c) search and filters: from the debounce firing (or a combo change) to the first page
    out["search"] = {}
    screen = new_screen()
    tasks.wait()
    for term in SEARCHES:
        screen.search.setText(term)  # as typed: textChanged starts the debounce timer
        screen._debounce.stop()  # fire it now and time what follows
        loads.clear()
        out["search"][f"搜索“{term}”"] = (*_time_refresh(app, screen, screen.apply_filters), sum(loads))
        tasks.wait()
    screen.search.clear()
    screen.apply_filters()
    tasks.wait()
    for label, combo, code in (("委员会 医患", screen.committee, "medical"), ("委员会 水利", screen.committee, "water"),
                               ("状态 调解中", screen.status, "mediating"), ("类型 13 医疗", screen.dispute_type, "13")):
        index = combo.findData(code)
        loads.clear()
        timed = _time_refresh(app, screen, lambda c=combo, i=index: c.setCurrentIndex(i))
        out["search"][f"筛选{label}"] = (*timed, sum(loads))
        combo.setCurrentIndex(0)
        tasks.wait()
        app.processEvents()
    drop(screen)

    # (d) sorting by a column header
    out["sort"] = {}
    screen = new_screen()
    tasks.wait()
    for column, key in SORT_KEYS.items():
        loads.clear()
        began = time.perf_counter()
        header = screen.table.horizontalHeader()
        descending = type(header.sortIndicatorOrder()).DescendingOrder
        screen.table.sortByColumn(column, descending)
        app.processEvents()
        out["sort"][f"{HEADERS[column]}（{key}）"] = (_ms(time.perf_counter() - began), sum(loads))
    drop(screen)

    if explain:
        out["plans"] = explain_plans(engine)
    engine.dispose()
    return out


def _time_refresh(app, screen, action) -> tuple[float, float, int, str]:
    """(ms to the first page shown, ms to the count shown, rows shown, count label). A text
    search loads its first page on the task runner (the label says 正在查找… meanwhile)."""
    began = time.perf_counter()
    action()
    app.processEvents()
    shown = _wait(app, lambda: "正在查找" not in screen.count_label.text(), timeout=600)
    rows = screen.model.rowCount()
    counted = _wait(app, lambda: "共" in screen.count_label.text(), timeout=600)
    return _ms(shown - began), _ms(counted - began), rows, screen.count_label.text()


def _count_page_loads(screen_class) -> list[float]:
    """Every CasesScreen._load_page call's duration (ms), to see how many queries a step runs."""
    calls: list[float] = []
    original = screen_class._load_page

    def counted(self, *args, **kwargs):
        began = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            calls.append(_ms(time.perf_counter() - began))

    screen_class._load_page = counted
    return calls


def explain_plans(engine) -> dict[str, list[str]]:
    """Query plans of the list's statements (first page, a deep page, a text search, count)."""
    from sqlalchemy import event

    from core.cases import CaseFilter, count_cases, fetch_cases
    from core.uow import read_only

    captured: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    plans: dict[str, list[str]] = {}
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    for label, call in (
        ("first page", lambda s: fetch_cases(s, limit=200)),
        ("page at 100k", lambda s: fetch_cases(s, offset=100_000, limit=200)),
        ("search 王秀英", lambda s: fetch_cases(s, CaseFilter(text="王秀英"), limit=200)),
        ("count", lambda s: count_cases(s)),
    ):
        captured.clear()
        event.listen(engine, "before_cursor_execute", remember)
        try:
            with read_only(engine) as session:
                call(session)
        finally:
            event.remove(engine, "before_cursor_execute", remember)
        statement, parameters = next((s, p) for s, p in captured if "FROM cases" in s)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(prefix + statement, parameters).all()
        plans[label] = [str(row[-1]) if engine.dialect.name == "sqlite" else str(row[0]) for row in rows]
    return plans


# --- report ------------------------------------------------------------------------------------


def report(r: dict) -> None:
    med = statistics.median
    ok = "✓" if med(r["open_ms"]) <= GOAL_OPEN_MS else "✗"
    loads = r.get("open_page_loads", [])
    print(f"\n== {r['engine']}：{r['url']}（{r['total']:,} 件案件，角色 {r['role']}）")
    if r.get("load_average"):
        print("本机负载（1/5/15 分钟）：" + " / ".join(f"{v:.1f}" for v in r["load_average"])
              + f"，{os.cpu_count()} 核；负载高于核数时各项时间相应变长")
    print(f"{'测量项':<30}{'毫秒':>10}  说明")
    rows = [
        ("打开列表：首页显示（中位数）", med(r["open_ms"]),
         f"{ok} 目标 ≤ {GOAL_OPEN_MS:.0f}；各次 {', '.join(f'{v:.0f}' for v in r['open_ms'])}；"
         f"打开时查询首页 {len(loads)} 次（{', '.join(f'{v:.0f}' for v in loads)} ms）"),
        ("打开列表：后台统计完成", med(r["open_count_ms"]), "从构造起计，在后台线程，不阻塞界面"),
        ("  单独：首页查询 fetch_cases", r["first_page_query_ms"], "已编译缓存后"),
        ("  单独：统计查询 count_cases", r["count_query_ms"], ""),
    ]
    for depth, samples in r["pages"].items():
        smooth = "✓" if max(samples) <= SMOOTH_PAGE_MS else "✗"
        rows.append((f"滚动：第 {depth:,} 行处一页", med(samples),
                     f"{smooth} 每页 200 行，{len(samples)} 页，最慢 {max(samples):.1f}（目标 ≤ {SMOOTH_PAGE_MS:.0f}）"))
    for depth, ms in r["pages_direct"].items():
        smooth = "✓" if ms <= SMOOTH_PAGE_MS else "✗"
        rows.append((f"滚动：第 {depth:,} 行处一页", ms, f"{smooth} 限时内未滚到，单测该处查询（offset）"))
    rows.append(("滚动：全程最慢一页", r["worst_page_ms"],
                 f"{r['scroll_total_s']:.1f} 秒滚到 {r['scroll_rows']:,} 行"))
    for label, (shown, counted, n, count_label, query) in r["search"].items():
        mark = "✓" if shown <= GOAL_OPEN_MS else "✗"
        rows.append((f"{label}：首页", shown, f"{mark} 其中查询 {query:.0f}；{n} 行；"
                                             f"统计完成 {counted:.0f} ms（{count_label}）"))
    for label, (ms, query) in r["sort"].items():
        mark = "✓" if ms <= GOAL_OPEN_MS else "✗"
        rows.append((f"按{label}排序", ms, f"{mark} 其中查询 {query:.0f}"))
    for label, ms, note in rows:
        print(f"{_pad(label, 32)}{ms:>10.1f}  {note}")
    for label, plan in r.get("plans", {}).items():
        print(f"\n-- 查询计划：{label}")
        for line in plan:
            print("   ", line)


def _pad(text: str, width: int) -> str:
    """Pad to a display width (CJK characters take two columns)."""
    shown = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return text + " " * max(1, width - shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--cases", type=int, default=1_000_000, help="创建演示库时的案件数")
    parser.add_argument("--role", default="reception", choices=("reception", "mediator", "director"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-depth", type=int, default=max(DEPTHS))
    parser.add_argument("--scroll-budget", type=float, default=300.0, help="滚动测量最多用时（秒）")
    parser.add_argument("--explain", action="store_true", help="打印查询计划")
    parser.add_argument("--no-sqlite", action="store_true", help="只测 PostgreSQL")
    args = parser.parse_args(argv)

    urls = [] if args.no_sqlite else [args.db]
    pg = os.environ.get("TIAOJIE_BENCH_PG_URL")
    if pg:
        urls.append(pg)
    for url in urls:
        ensure_database(url, args.cases)
        report(bench_database(url, role=args.role, runs=args.runs, max_depth=args.max_depth,
                              scroll_budget=args.scroll_budget, explain=args.explain))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
