"""``tiaojie screenshot``: render a named screen offscreen and save it as PNG."""

from __future__ import annotations

import argparse
import sys

NAME = "screenshot"
HELP = "离屏渲染指定界面并保存为 PNG（用于手册与检查界面）"


def configure(parser: argparse.ArgumentParser) -> None:
    from db.codes import ROLES

    parser.add_argument("--screen", required=True, metavar="NAME", help="界面名称，如 login、main、cases")
    parser.add_argument("--out", required=True, metavar="FILE.png", help="输出文件")
    parser.add_argument("--role", choices=list(ROLES), help="以哪个角色登录")
    parser.add_argument("--size", default="1280x800", help="窗口大小，默认 1280x800")


def run(args: argparse.Namespace) -> int:
    from desktop.screenshots import render

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        path = render(args.screen, args.out, url=args.db, role=args.role, size=(width, height))
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(path)
    return 0
