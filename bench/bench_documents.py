"""Benchmark of the document engine (core.documents.engine).

    python bench/bench_documents.py [--runs 30]

Cold figures come from a fresh interpreter (subprocess): import, font registration
(TJMain + TJLatin, then the lazily loaded TJRare / TJRare2) and a first document.
Warm figures: a typical 2-page A4 agreement (title, ~20 paragraphs with dates, amounts
and ID numbers, a table, signatures, "第 N 页 共 M 页") and an 80 mm receipt, built
in-process — flowables *and* PDF — min / median over ``--runs``. Goal: warm A4 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

COLD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter()
from core.documents import engine, fonts
t1 = time.perf_counter()
fonts.ensure_fonts()
t2 = time.perf_counter()
fonts.font_for("鿏")          # TJRare (Hanazono A subset)
t3 = time.perf_counter()
fonts.font_for("\U0002B740")  # an Ext-D character: only TJRare2 (Hanazono B subset)
t4 = time.perf_counter()
from bench.bench_documents import agreement
engine.render(agreement())
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "main+latin": t2 - t1, "rare": t3 - t2,
                  "rare2": t4 - t3, "first_doc": t5 - t4}))
"""

CLAUSE = (
    "经{place}人民调解委员会主持调解，申请人{a}（身份证号：{id}）与被申请人{b}"
    "就{matter}纠纷自愿达成如下协议：被申请人于{date}前一次性支付申请人赔偿款"
    "人民币{amount}元（大写：{upper}），款项通过银行转账支付；申请人收到款项后，"
    "双方就本纠纷再无其他争议。"
)


def agreement() -> list:
    """Flowables of a typical 2-page A4 agreement."""
    from core.documents.engine import checkbox, para, signature_block, spacer, table

    story = [
        para("人民调解协议书", "title"),
        para("编号：（2025）××调字第0123号", "right"),
        para("当事人基本情况", "heading"),
        para("申请人：张𠮷，男，汉族，1985年3月12日出生，住××县城关镇解放路18号。"),
        para("被申请人：刘䶮，男，汉族，1979年11月2日出生，住××县新华街道幸福小区7栋2单元301室。"),
        para("纠纷主要事实、争议事项", "heading"),
    ]
    for i in range(8):
        story.append(para(CLAUSE.format(
            place="××县", a="张𠮷", b="刘䶮", id="11010119850312" + f"{1000 + i}",
            matter=("相邻关系", "损害赔偿", "劳务报酬")[i % 3], date=f"2025年{1 + i % 12}月{10 + i}日",
            amount=f"{12_345 + 1_000 * i:,}.00", upper="壹万贰仟叁佰肆拾伍元整"), "body_indent"))
    story += [
        spacer(4),
        table([["序号", "款项", "金额（元）", "支付期限"],
               *[[str(k), f"第{k}期赔偿款", f"{4_115 + k:,}.00", f"2025年{k + 3}月1日前"]
                 for k in range(1, 4)]], ["12%", "38%", "22%", "28%"]),
        spacer(6),
        para("履行方式：" + checkbox("即时履行") + "　" + checkbox("分期履行", True)
             + "　" + checkbox("其他")),
        para("本协议一式三份，双方当事人各执一份，人民调解委员会留存一份，自各方签名之日起生效。",
             "body_indent"),
        signature_block("申请人", "被申请人", columns=2),
        signature_block("人民调解员", seal=False),
        para("××县人民调解委员会（盖章）", "right"),
        para("2025年4月8日", "right"),
    ]
    return story


def receipt() -> list:
    from core.documents.engine import para, table

    return [
        para("××县人民调解中心", "receipt_title"),
        para("取号凭条", "receipt_center"),
        para("A023", "receipt_big"),
        para("业务：矛盾纠纷调解登记　前面还有 5 人", "receipt"),
        table([["窗口", "3号"], ["时间", "2025-04-08 09:12"], ["当事人", "张𠮷"]],
              ["35%", "65%"], header=False, style="receipt", space_after=4),
        para("请留意叫号，过号请重新取号。", "receipt_small"),
    ]


def _timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and process CPU times of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)

    cold = json.loads(subprocess.run(
        [sys.executable, "-c", COLD, str(ROOT)], check=True, capture_output=True, text=True,
        cwd=ROOT).stdout)

    from core.documents.engine import render
    from core.documents.fonts import preload

    preload(rare=True)
    render(agreement())  # warm caches
    pages = render(agreement()).count(b"/Type /Page\n")
    a4, a4_cpu = _timed(lambda: render(agreement()), args.runs)
    stories = [agreement() for _ in range(args.runs)]
    it = iter(stories)
    a4_render, a4_render_cpu = _timed(lambda: render(next(it)), args.runs)
    rc, rc_cpu = _timed(lambda: render(receipt(), page="receipt-80"), args.runs)

    ms = 1000.0
    print(f"{'case':48s} {'min ms':>8s} {'median':>8s} {'CPU min':>8s}")
    print("-" * 75)
    for name, value in (
        ("cold: import core.documents.engine", cold["import"]),
        ("cold: register TJMain + TJLatin (first use)", cold["main+latin"]),
        ("cold: register TJRare (first rare char)", cold["rare"]),
        ("cold: register TJRare2 (first Ext-B..F char)", cold["rare2"]),
        ("cold: first A4 document after that", cold["first_doc"]),
    ):
        print(f"{name:48s} {value * ms:8.1f}")
    for name, wall, cpu in (
        (f"warm: A4 agreement ({pages} pages), flowables+PDF", a4, a4_cpu),
        ("warm: same, PDF only (render())", a4_render, a4_render_cpu),
        ("warm: 80 mm receipt, flowables+PDF", rc, rc_cpu),
    ):
        print(f"{name:48s} {min(wall) * ms:8.1f} {statistics.median(wall) * ms:8.1f} "
              f"{min(cpu) * ms:8.1f}")
    print(f"\nwarm A4 goal <= 30 ms: {'met' if min(a4) * ms <= 30 else 'NOT met'} "
          f"(runs={args.runs}; ReportLab C accelerator rl_accel "
          f"{'present' if _has_rl_accel() else 'absent'})")
    return 0


def _has_rl_accel() -> bool:
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
