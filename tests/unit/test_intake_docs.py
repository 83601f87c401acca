"""受理登记表, 当事人权利义务告知书 and 转办单 (built from plain data, no database)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from core.documents.intake_docs import (
    DUTIES,
    NOTICE_FILE,
    REGISTRATION_FILE,
    RIGHTS,
    referral_slip,
    registration_form,
    rights_notice,
    write_case_documents,
)
from core.intake import DocParty, IntakeDocument, ReferralRow

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")

ZHANG_ID = "330803198503121230"


def pdf_text(pdf: bytes, tmp_path: Path, *args: str) -> str:
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    out = subprocess.run(["pdftotext", *args, str(src), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def pages(text: str) -> list[str]:
    """pdftotext ends every page with a form feed."""
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    return "".join(text.split())


def document(**kw) -> IntakeDocument:
    base = dict(
        case_id=1, number="衢江医人调字〔2026〕第012号", centre_name="衢州市衢江区专业调解中心",
        committee="medical", committee_name="医疗纠纷人民调解委员会", dispute_type="13", source="application",
        status="registered", summary="阑尾炎手术后切口感染，家属认为医院存在过错，双方协商未果。",
        requests=("赔偿医疗费、误工费等损失", "医院书面道歉"), amount_claimed=Decimal("50000.00"),
        is_group=False, group_size=None, escalation_risk=False, escalation_notified_to=None,
        escalation_notified_at=None, medical_consent="both_applied",
        received_at=datetime(2026, 11, 2, 9, 30), received_by="王前台", conclusion_reason="",
        parties=(
            DocParty(role="applicant", kind="person", name="张三", sex="M", ethnicity="汉族",
                     birth_date=date(1985, 3, 12), age=41, id_type="resident_id", id_number=ZHANG_ID,
                     occupation="务工", phone="13812345678", address="衢江区樟潭街道某村12号"),
            DocParty(role="respondent", kind="organisation", name="衢江区人民医院", org_kind="hospital",
                     uscc="123308034701234560", legal_representative="周院长", phone="0570-3012345"),
            DocParty(role="agent", kind="person", name="李律师", id_type="resident_id",
                     id_number="330802198001012222", phone="13900001111", represents="张三",
                     power_of_attorney=True),
        ),
    )
    base.update(kw)
    return IntakeDocument(**base)


def test_registration_form_has_the_cases_particulars_with_masked_ids(tmp_path):
    text = pdf_text(registration_form(document()), tmp_path)
    body = flat(text)
    assert len(pages(text)) == 1
    for expected in ("人民调解受理登记表", "衢江医人调字〔2026〕第012号", "医疗纠纷人民调解委员会", "张三",
                     "衢江区人民医院", "李律师", "医疗（13）", "50,000.00元", "1.赔偿医疗费", "2.医院书面道歉",
                     "123308034701234560", "王前台", "2026年11月2日09:30", "代理张三（已提交授权委托书）"):
        assert expected in body, expected
    # 居民身份证法第十三条 / PIPL: the 登记表 shows only the first 6 and last 4 digits.
    assert "330803********1230" in body
    assert ZHANG_ID not in body and "330802198001012222" not in body
    # The acceptance sentence of the 2010 format, and the checked source.
    assert "经当事人同意，本委员会受理张三与衢江区人民医院之间的医疗纠纷" in body
    assert "☑当事人申请" in body and "☐主动调解" in body
    assert "☑双方共同申请" in body
    assert "（盖章）" in body and "登记人签名" in body


def test_a_refused_case_says_why_instead_of_accepting(tmp_path):
    """人民调解法第十七条."""
    refused = document(status="refused",
                       conclusion_reason="当事人衢江区人民医院明确拒绝调解，依照《中华人民共和国人民调解法》第十七条不予调解")
    body = flat(pdf_text(registration_form(refused), tmp_path))
    assert "第十七条不予调解" in body
    assert "本委员会受理" not in body


def test_escalation_and_group_flags_are_printed(tmp_path):
    doc = document(is_group=True, group_size=12, escalation_risk=True, escalation_notified_to="樟潭派出所",
                   escalation_notified_at=datetime(2026, 11, 2, 9, 45))
    body = flat(pdf_text(registration_form(doc), tmp_path))
    assert "☑群体性纠纷（涉及12人）" in body
    assert "☑有激化风险（已于2026年11月2日09:45报告樟潭派出所）" in body


def test_rights_notice_one_page_per_party_with_articles_23_and_24(tmp_path):
    """人民调解法第二十三条 (rights) and 第二十四条 (duties), served on each party."""
    text = pdf_text(rights_notice(document()), tmp_path)
    sheets = pages(text)
    assert len(sheets) == 2  # applicant and respondent; the agent signs with the principal
    assert flat(sheets[0]).startswith("当事人权利义务告知书") and "张三：" in flat(sheets[0])
    assert "衢江区人民医院：" in flat(sheets[1])
    for sheet in sheets:
        body = flat(sheet)
        for item in (*RIGHTS, *DUTIES):
            assert flat(item) in body, item
        assert "不收取任何费用" in body and "三十日内" in body and "司法确认" in body
        # Medical committee: 30 working days (医疗纠纷预防和处理条例第三十八条).
        assert "30个工作日内" in body and "第三十八条" in body


def test_the_notice_names_each_committees_own_deadline(tmp_path):
    labour = flat(pdf_text(rights_notice(document(committee="labour", dispute_type="10",
                                                  committee_name="劳动保障纠纷人民调解委员会")), tmp_path))
    assert "15日内" in labour and "劳动争议调解仲裁法" in labour
    traffic = flat(pdf_text(rights_notice(document(committee="traffic", dispute_type="14",
                                                   committee_name="交通事故纠纷人民调解委员会")), tmp_path))
    assert "3日内" in traffic and "第八十五条" in traffic


def test_referral_slip_states_the_reason_and_where_to_go(tmp_path):
    row = ReferralRow(id=4, at=datetime(2026, 11, 2, 10, 5), visitor_name="王五", visitor_phone="13912345678",
                      summary="两个村为一片山林的所有权争了多年",
                      reason="疑似土地（山林）所有权或使用权争议：依土地管理法第十四条由人民政府处理",
                      refer_to="乡（镇）人民政府", ticket_id=None, created_by="王前台",
                      centre_name="衢州市衢江区专业调解中心")
    text = pdf_text(referral_slip(row), tmp_path)
    body = flat(text)
    assert len(pages(text)) == 1
    for expected in ("纠纷转办单", "转〔2026〕第004号", "王五", "13912345678", "土地管理法第十四条",
                     "请来访人持本单向乡（镇）人民政府反映", "王前台", "来访人签名"):
        assert expected in body, expected


def test_long_text_flows_onto_further_pages(tmp_path):
    long = document(summary="患者术后感染，家属认为医院存在诊疗过错。" * 120,
                    requests=tuple(f"请求第{i}项" for i in range(1, 30)))
    text = pdf_text(registration_form(long), tmp_path)
    assert len(pages(text)) >= 2
    assert "请求第29项" in flat(text)


def test_rare_characters_in_names_are_printed_not_dropped(tmp_path):
    """The engine raises MissingGlyphError for an unprintable character; 𠮷 has a fallback font."""
    party = replace(document().parties[0], name="𠮷祥")
    doc = document(parties=(party, *document().parties[1:]))
    assert registration_form(doc)[:5] == b"%PDF-"
    assert rights_notice(doc)[:5] == b"%PDF-"


def test_case_documents_are_written_to_a_folder(tmp_path):
    paths = write_case_documents(document(), tmp_path / "衢江医人调字〔2026〕第012号")
    assert paths["registration"].name == REGISTRATION_FILE and paths["notice"].name == NOTICE_FILE
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in paths.values())
    assert not list(tmp_path.rglob("*.part"))
    only = write_case_documents(document(), tmp_path / "one", which=("notice",))
    assert list(only) == ["notice"]
