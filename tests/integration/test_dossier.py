"""The dossier (卷宗, 人民调解法第二十七条) on both engines: its parts in dossier order (domain.md §4),
a 卷内目录 whose page numbers point at the right pages, continuous "第 N 页 共 M 页"; and
``tiaojie print KIND CASE_NUMBER --out FILE.pdf`` for every kind, as a separate process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.dossier import DOCUMENT_KINDS, build_dossier
from tests.unit.test_case_documents import TODAY, build_scenario

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
REPO = Path(__file__).resolve().parents[2]


def _pages(pdf: bytes, tmp_path: Path, *args: str) -> list[str]:
    src = tmp_path / "dossier.pdf"
    src.write_bytes(pdf)
    text = subprocess.run(["pdftotext", *args, str(src), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    return pages if args else ["".join(page.split()) for page in pages]


def test_dossier_order_contents_and_page_numbers(engine, tmp_path):
    s = build_scenario(engine)
    pdf = build_dossier(engine, s.number, today=TODAY)
    pages = _pages(pdf, tmp_path)
    total = len(pages)
    # continuous page numbers over the whole volume
    for n, page in enumerate(pages, 1):
        assert f"第{n}页共{total}页" in page, n
    assert "人民调解卷宗" in pages[0] and "卷内目录" in pages[1] and "卷内备考表" in pages[-1]
    assert f"本卷共{total}页" in pages[-1]
    # 卷内目录: each row's title and first page; that page starts with that document
    contents = _pages(pdf, tmp_path, "-layout")[1]
    rows = re.findall(r"^\s*(\d+)\s+(\S+)\s+(\d+)(?:-(\d+))?", contents, re.MULTILINE)
    titles = [title for _i, title, _a, _b in rows]
    assert titles == ["人民调解申请书", "人民调解受理登记表", "当事人权利义务告知书", "调查记录", "调解记录",
                      "人民调解协议书", "人民调解回访记录", "司法确认材料"]  # domain.md §4's order
    heading = {"司法确认材料": "司法确认申请书"}
    previous_end = 2
    for _i, title, start, end in rows:
        start, end = int(start), int(end or start)
        assert start == previous_end + 1, title  # nothing lost, nothing overlapping
        assert heading.get(title, title) in pages[start - 1], (title, start)
        previous_end = end
    assert previous_end == total - 1  # then the back cover
    # the dossier keeps the committee's copy of the agreement, with the full ID numbers
    agreement_page = pages[int(rows[5][2]) - 1]
    assert "调解委员会存档" in agreement_page and "11010519491231002X" in agreement_page


def test_dossier_of_a_terminated_case_has_the_notice(engine, tmp_path):
    s = build_scenario(engine)
    pages = _pages(build_dossier(engine, s.terminated_number, today=TODAY), tmp_path)
    assert "终止调解告知书" in pages[1] and "人民调解协议书" not in pages[1]
    assert any(p.startswith("终止调解告知书") for p in pages)


def _cli(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", url, "print", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_print_every_kind_from_the_command_line(engine, db_url, tmp_path):
    s = build_scenario(engine)
    unavailable = {"oral_agreement": "书面协议", "termination_notice": "未终止调解", "notice": "没有预约调解"}
    for kind in DOCUMENT_KINDS:
        out = tmp_path / f"{kind}.pdf"
        result = _cli(db_url, kind, s.number, "--out", str(out))
        if kind in unavailable:
            assert result.returncode == 1, (kind, result.stderr)
            assert unavailable[kind] in result.stderr and not out.exists()
            continue
        assert result.returncode == 0, (kind, result.stderr)
        assert out.read_bytes().startswith(b"%PDF-") and "已生成" in result.stderr
        assert not out.with_name(out.name + ".part").exists()
    assert _cli(db_url, "oral_agreement", s.oral_number, "--out", str(tmp_path / "o.pdf")).returncode == 0
    assert _cli(db_url, "termination_notice", s.terminated_number, "--out", str(tmp_path / "t.pdf")).returncode == 0
    bad = _cli(db_url, "agreement", "衢江交人调字〔2026〕第999号", "--out", str(tmp_path / "x.pdf"))
    assert bad.returncode == 1 and "没有编号为" in bad.stderr
    wrong = _cli(db_url, "contract", s.number, "--out", str(tmp_path / "x.pdf"))
    assert wrong.returncode == 2 and "文书类型应为" in wrong.stderr


def test_print_save_keeps_the_pdf_with_the_case(engine, db_url, tmp_path):
    from sqlalchemy import select

    from core.uow import read_only
    from db.models import Attachment

    s = build_scenario(engine)
    out = tmp_path / "cover.pdf"
    assert _cli(db_url, "cover", s.number, "--out", str(out), "--save").returncode == 0
    with read_only(engine) as session:
        kept = session.execute(select(Attachment.content, Attachment.added_at).where(
            Attachment.case_id == s.case_id, Attachment.kind == "document")).all()
    assert [bytes(content) for content, _at in kept] == [out.read_bytes()]
    assert date.today() >= kept[0][1].date()
