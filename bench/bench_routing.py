"""Benchmark of the routing suggester: mean and p95 time per suggestion, in microseconds.

    python bench/bench_routing.py [--repeat N] [SAMPLES.jsonl]

Uses ../shared/routing_samples.jsonl next to the repository when present, else a few built-in descriptions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from core.routing import scope_flags, suggest  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "routing_samples.jsonl"
FALLBACK = [
    "我骑电瓶车在十字路口等红灯，一辆面包车右转把我刮倒了，腿骨折住了半个月院。",
    "我妈在镇卫生院挂了三天盐水，医生讲没事，第四天送到市里说是心梗耽误了。",
    "在厂里干了大半年，快过年了老板跑了，我们二十几个人的钱一分都没拿到。",
    "上游水库开闸放水也不提前通知，我家河滩边的五亩菜地全淹了。",
    "法院判了他还我十二万，都两年了一分没拿到，执行那边说他名下没财产。",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="routing suggester benchmark")
    parser.add_argument("samples", nargs="?", default=str(DEFAULT_SAMPLES))
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)

    path = Path(args.samples)
    if path.exists():
        texts = [
            json.loads(line)["text"]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    else:
        texts = FALLBACK
    for text in texts:  # warm-up (regex caches)
        suggest(text)
        scope_flags(text)

    times: list[float] = []
    flag_times: list[float] = []
    for _ in range(args.repeat):
        for text in texts:
            t0 = time.perf_counter()
            suggest(text)
            t1 = time.perf_counter()
            scope_flags(text)
            t2 = time.perf_counter()
            times.append((t1 - t0) * 1e6)
            flag_times.append((t2 - t1) * 1e6)

    def report(name: str, values: list[float]) -> None:
        values = sorted(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"{name}: n={len(values)} mean={statistics.fmean(values):.0f} µs  p95={p95:.0f} µs  max={values[-1]:.0f} µs"
        )

    print(f"{len(texts)} descriptions × {args.repeat} repeats")
    report("suggest()", times)
    report("scope_flags()", flag_times)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
