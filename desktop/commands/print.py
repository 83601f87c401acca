"""``tiaojie print``: one document of a case (or the whole dossier) as a PDF.

Examples::

    tiaojie print agreement "衢江医人调字〔2026〕第012号" --out 协议书.pdf
    tiaojie print termination_notice "衢江交人调字〔2026〕第226号" --out 终止调解告知书.pdf
    tiaojie print dossier "衢江医人调字〔2026〕第012号" --out 卷宗.pdf --save

KIND is one of the English kinds of :data:`core.dossier.DOCUMENT_KINDS` (the list is kept here
too so ``--help`` does not import the document engine). A case without the data for that kind
(e.g. no agreement) → a Chinese message and exit status 1. Does not import PySide6; ReportLab
and SQLAlchemy are imported only once the arguments are valid, and the agreement of a SQLite
file at this client's schema is printed without the ORM (core.documents.agreement_print).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "print"
HELP = "打印案件文书：print KIND CASE_NUMBER --out FILE.pdf（KIND 如 agreement、dossier）"

#: Same keys and titles as core.dossier.DOCUMENT_KINDS (a test keeps them equal).
KINDS: dict[str, str] = {
    "application": "人民调解申请书",
    "registration": "人民调解受理登记表",
    "rights_notice": "当事人权利义务告知书",
    "investigation": "调查记录",
    "session_record": "调解记录",
    "agreement": "人民调解协议书",
    "oral_agreement": "口头调解协议登记表",
    "termination_notice": "终止调解告知书",
    "mediation_certificate": "主持调解证明",
    "judicial_application": "司法确认申请书",
    "followup": "人民调解回访记录",
    "notice": "调解通知书",
    "cover": "卷宗封面",
    "contents": "卷内目录",
    "back_cover": "卷内备考表（封底）",
    "dossier": "人民调解卷宗",
}


def _kind_arg(text: str) -> str:
    if text not in KINDS:
        raise argparse.ArgumentTypeError(f"文书类型应为以下之一：{'、'.join(KINDS)}（不是 {text}）")
    return text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "文书类型：\n" + "\n".join(f"  {k:<22}{v}" for k, v in KINDS.items())
    parser.add_argument("kind", metavar="KIND", type=_kind_arg, help="文书类型（英文，见下表）")
    parser.add_argument("case_number", metavar="CASE_NUMBER", help="案件编号，如 衢江医人调字〔2026〕第012号")
    parser.add_argument("--out", metavar="FILE.pdf", required=True, help="输出的 PDF 文件")
    parser.add_argument("--save", action="store_true", help="同时把 PDF 保存到案件的附件（文书）中")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.parent and not out.parent.exists():
        print(f"错误：输出目录不存在：{out.parent}", file=sys.stderr)
        return 2
    from core.documents.fonts import MissingGlyphError

    tmp = out.with_name(out.name + ".part")
    engine = None
    try:
        pdf = _quick_agreement(args, tmp)
        if pdf is None:
            pdf, engine = _build(args, tmp)
    except MissingGlyphError as exc:
        tmp.unlink(missing_ok=True)
        chars = "、".join(exc.chars)
        print(f"错误：字库中没有这些字，无法打印：{chars}（请核对姓名或手写补充）", file=sys.stderr)
        return 1
    except _Unavailable as exc:
        tmp.unlink(missing_ok=True)
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    if not tmp.exists():  # builders that return bytes without writing ``out``
        tmp.write_bytes(pdf)
    tmp.replace(out)  # a half-written PDF never sits under the final name
    if args.save:  # always the ordinary way: ``engine`` is open
        from core.dossier import find_case_id, save_documents_with_case
        from core.uow import read_only

        with read_only(engine) as session:
            case_id = find_case_id(session, args.case_number)
        save_documents_with_case(engine, None, case_id, args.kind, out.read_bytes())
    pages = out.read_bytes().count(b"/Type /Page\n")
    print(f"已生成：{out}（{KINDS[args.kind]}，{pages} 页）", file=sys.stderr)
    return 0


class _Unavailable(Exception):
    """The case has nothing to print for that kind (the message says why, in Chinese)."""


def _quick_agreement(args: argparse.Namespace, tmp: Path) -> bytes | None:
    """The agreement straight from a SQLite file at the current schema, without the ORM
    (core.documents.agreement_print); ``None`` → the ordinary way."""
    if args.kind != "agreement" or args.save:
        return None
    from core.documents.agreement_print import agreement_pdf_from_file
    from db.engine import resolve_url

    return agreement_pdf_from_file(resolve_url(args.db), args.case_number, out=tmp)


def _build(args: argparse.Namespace, tmp: Path):
    """The ordinary way (the database opened, migrated and seeded as at every start): (PDF, engine)."""
    from core.database import open_database
    from core.dossier import DocumentUnavailable, build_document

    engine = open_database(args.db)
    try:
        return build_document(engine, args.kind, args.case_number, out=tmp), engine
    except DocumentUnavailable as exc:
        raise _Unavailable(str(exc)) from exc
