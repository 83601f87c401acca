"""The ``tiaojie`` command: the GUI by default, and sub-commands for scripts and admins.

Only the chosen sub-command's module is imported, and non-GUI commands never import Qt,
so ``tiaojie cases --json`` starts in a fraction of the GUI's time.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# word → (module under desktop.commands, help). Kept here so ``--help`` lists every
# command without importing any of them.
COMMANDS: dict[str, tuple[str, str]] = {
    "db": ("db", "数据库维护（db upgrade：升级到最新结构）"),
    "demo": ("demo", "生成演示数据"),
    "cases": ("cases", "列出案件"),
    "route": ("route", "根据纠纷描述推荐受理委员会"),
    "check-id": ("check_id", "校验身份证号码 / 居住证 / 统一社会信用代码"),
    "deadline": ("deadline", "计算法定期限"),
    "print": ("print", "打印案件文书（print KIND CASE_NUMBER --out FILE.pdf；KIND 如 agreement、dossier）"),
    "screenshot": ("screenshot", "离屏渲染界面并保存为 PNG"),
    "backup": ("backup", "备份数据库（backup FILE.zip；--daily DIR --keep N 每日备份）"),
    "restore": ("restore", "从备份恢复数据库（restore FILE.zip [--yes]；会覆盖当前数据）"),
    "experts": ("experts", "专家库：查找专家（experts search QUERY [--json]）"),
    "stats": ("stats", "统计报表（stats --month YYYY-MM [--json] [--pdf FILE] [--xlsx FILE]）"),
    "person-export": ("person_export", "导出某人的全部个人信息（person-export --id-number 号码 --out FILE.json）"),
}


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for (importlib.metadata and the
    search for the installed distribution cost ~25 ms that every other command would pay)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):  # noqa: A002
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from core.version import version

        print(f"tiaojie {version()}")  # on stdout, as argparse's own "version" action does
        parser.exit()


def _global_parser(add_help: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tiaojie",
        description="调解超市前台：不带子命令时启动图形界面。",
        add_help=add_help,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="子命令：\n" + "\n".join(f"  {w:<14}{h}" for w, (_m, h) in COMMANDS.items()),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy 数据库地址（也可用环境变量 TIAOJIE_DB）；默认为本机用户目录下的 SQLite 文件",
    )
    parser.add_argument("--version", action=_VersionAction, help="显示版本号并退出")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pre = _global_parser(add_help=False)
    known, rest = pre.parse_known_args(argv)
    word = next((a for a in rest if not a.startswith("-")), None)
    if word is None:
        if any(a in ("-h", "--help") for a in rest):
            _global_parser(add_help=True).print_help()
            return 0
        if rest:
            _global_parser(add_help=True).error(f"无法识别的参数：{' '.join(rest)}")
        import gc

        gc.disable()  # the GUI's start-up collects once, at its end (desktop.gc_guard.hold)
        from desktop.app import run_gui

        return run_gui(known.db)
    if word not in COMMANDS:
        _global_parser(add_help=True).error(f"未知子命令：{word}（可用：{'、'.join(COMMANDS)}）")
    module = importlib.import_module(f"desktop.commands.{COMMANDS[word][0]}")
    parser = _global_parser(add_help=True)
    sub = parser.add_subparsers(dest="command")
    command_parser = sub.add_parser(word, help=COMMANDS[word][1], description=module.HELP)
    # ``--db`` is accepted after the sub-command word too (tiaojie screenshot … --db URL).
    command_parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="数据库地址")
    module.configure(command_parser)
    args = parser.parse_args(argv)
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
