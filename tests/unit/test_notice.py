"""调解通知书: one page per invited party with the time, the place, who mediates, what to bring,
the rights of 人民调解法第二十三条, 回避, and masked ID numbers (居民身份证法第十三条)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from core.auth import CurrentUser, PermissionDenied
from core.booking import BookingRequest, book, cancel
from core.documents.fonts import missing_glyphs
from core.documents.notice import (
    RIGHTS,
    NoticeData,
    NoticeParty,
    build_notices,
    notice_data,
    render_notices,
    what_to_bring,
)
from core.uow import read_only, unit_of_work
from db.models import CaseParty, Party, Setting
from tests.conftest import make_user
from tests.factories import add_case

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"
AGENT_ID = "330802198001011234"


def _base(**overrides) -> dict:
    data = dict(
        centre_name="衢州市衢江区专业调解中心", committee_name="医疗纠纷人民调解委员会",
        case_number="衢江医人调字〔2026〕第012号", dispute_type="13", committee="medical",
        applicants=("张三",), respondents=("衢江区人民医院",),
        starts_at=datetime(2026, 11, 23, 9, 0), ends_at=datetime(2026, 11, 23, 10, 30), room="医患纠纷调解室",
        mediators=("刘斌逸", "方福林"), experts=("姜金水（主任医师）",), issued_on=date(2026, 11, 22),
        centre_address="衢州市衢江区樟潭街道花园东大道188号", centre_phone="0570-3012345",
    )
    data.update(overrides)
    return data


def _parties() -> list[NoticeParty]:
    return [
        NoticeParty("张三", "applicant", "person", "resident_id", FULL_ID),
        NoticeParty("衢江区人民医院", "respondent", "organisation", uscc="12330803MB1234567X",
                    legal_representative="王院长"),
        NoticeParty("李律师", "agent", "person", "resident_id", AGENT_ID, represents="衢江区人民医院"),
    ]


def _pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def _squash(text: str) -> str:
    return "".join(text.split())


def test_one_page_per_party_with_time_place_mediators_and_masked_id(tmp_path):
    pdf = render_notices([NoticeData(party=p, **_base()) for p in _parties()])
    pages = _pages(pdf, tmp_path)
    assert len(pages) == 3  # each notice, seal and receipt included, fits on its own page
    first = _squash(pages[0])
    assert "调解通知书" in first
    assert "张三（申请人，居民身份证号码：" + MASKED_ID + "）：" in first
    assert FULL_ID not in _squash("".join(pages))
    assert "2026年11月23日（星期一）上午09:00至10:30" in first
    assert "医患纠纷调解室（衢州市衢江区樟潭街道花园东大道188号）" in first
    assert "刘斌逸、方福林" in first and "姜金水（主任医师）" in first
    assert "衢江医人调字〔2026〕第012号" in first
    assert "张三与衢江区人民医院之间的医疗纠纷一案" in first
    assert "0570-3012345" in first
    assert "（盖章）" in first and "2026年11月22日" in first and "送达回执" in first


def test_the_rights_of_article_23_and_recusal_are_printed(tmp_path):
    page = _squash(_pages(render_notices([NoticeData(party=_parties()[0], **_base())]), tmp_path)[0])
    assert "人民调解法第二十三条" in page
    for right in RIGHTS:
        assert _squash(right.rstrip("；。")) in page
    assert "申请其回避" in page and "更换调解员" in page
    assert "不收取任何费用" in page


def test_the_agent_and_the_organisation_get_their_own_wording(tmp_path):
    pages = [_squash(p) for p in _pages(render_notices([NoticeData(party=p, **_base()) for p in _parties()]),
                                        tmp_path)]
    assert "统一社会信用代码：12330803MB1234567X" in pages[1]
    assert "请你单位准时参加" in pages[1]
    assert "营业执照" in pages[1]
    assert "李律师（委托代理人，居民身份证号码：330802********1234）" in pages[2]
    assert "作为衢江区人民医院的委托代理人" in pages[2]
    assert "授权委托书原件" in pages[2]
    assert AGENT_ID not in pages[2]


def test_what_to_bring_depends_on_the_addressee_and_the_committee():
    person, org, agent = (NoticeData(party=p, **_base()) for p in _parties())
    assert any("居民身份证" in item for item in what_to_bring(person))
    assert any("法定代表人" in item for item in what_to_bring(org))
    assert any("授权委托书原件" in item for item in what_to_bring(agent))
    assert any("病历资料" in item for item in what_to_bring(person))
    traffic = NoticeData(party=_parties()[0], **_base(committee="traffic", dispute_type="14"))
    assert any("交通事故认定书" in item for item in what_to_bring(traffic))
    assert what_to_bring(person)[-1] == "本通知书。"


def test_no_address_no_expert_and_a_rare_character_in_the_name(tmp_path):
    party = NoticeParty("张𠮷祥", "applicant", "person", "resident_id", FULL_ID)
    pdf = render_notices([NoticeData(party=party, **_base(experts=(), centre_address="", centre_phone="",
                                                          applicants=("张𠮷祥",)))])
    page = _squash(_pages(pdf, tmp_path)[0])
    assert "参加调解的专家" not in page and "联系电话" not in page
    assert "调解地点医患纠纷调解室" in page
    # Characters beyond the BMP do not survive pdftotext; the font chain must have them.
    assert missing_glyphs("张𠮷祥") == set()


def test_nothing_to_print_is_an_error():
    with pytest.raises(ValueError):
        render_notices([])


# ------------------------------------------------------------------ from the database


@pytest.fixture()
def booked(sqlite_engine):
    engine = sqlite_engine
    reception = make_user(engine, "reception")
    mediator = make_user(engine, "mediator", committees=("medical",), full_name="刘斌逸")
    add_case(engine)
    with unit_of_work(engine) as s:
        applicant = s.scalar(select(CaseParty).where(CaseParty.position == 0))
        s.execute(update(Party).where(Party.id == applicant.party_id)
                  .values(id_type="resident_id", id_number=FULL_ID))
        agent = Party(kind="person", name="李律师", id_type="resident_id", id_number=AGENT_ID)
        s.add(agent)
        s.flush()
        s.add(CaseParty(case_id=applicant.case_id, party_id=agent.id, role="agent", position=2,
                        represents_id=s.scalar(select(CaseParty.id).where(CaseParty.position == 1))))
        s.add(Setting(key="centre_address", value="衢州市衢江区樟潭街道花园东大道188号"))
        s.flush()
        parties = tuple(s.scalars(select(CaseParty.id).order_by(CaseParty.position)))
    row = book(engine, reception, BookingRequest(1, datetime(2026, 11, 23, 9), 90, 7, (mediator.id,), (),
                                                 parties, "第1次调解"), now=datetime(2026, 11, 22, 8))
    return engine, reception, row


def test_notices_come_from_the_booking(booked, tmp_path):
    engine, reception, row = booked
    with read_only(engine) as s:
        items = notice_data(s, row.id, issued_on=date(2026, 11, 22))
    assert [i.party.name for i in items] == ["张三", "衢江区人民医院", "李律师"]
    assert items[2].party.represents == "衢江区人民医院"
    assert items[0].room == "医患纠纷调解室" and items[0].mediators == ("刘斌逸",)
    assert items[0].centre_address == "衢州市衢江区樟潭街道花园东大道188号"
    pages = _pages(build_notices(engine, reception, row.id), tmp_path)
    assert len(pages) == 3
    everything = _squash("".join(pages))
    assert MASKED_ID in everything and FULL_ID not in everything and AGENT_ID not in everything
    only_one = _pages(build_notices(engine, reception, row.id, invitation_ids=[row.parties[1].invitation_id]),
                      tmp_path)
    assert len(only_one) == 1 and "衢江区人民医院（被申请人" in _squash(only_one[0])


def test_printing_needs_the_permission_and_a_live_booking(booked):
    engine, reception, row = booked
    admin = CurrentUser(id=1, username="admin", full_name="系统管理员", role="admin")
    with pytest.raises(PermissionDenied):
        build_notices(engine, admin, row.id)
    cancel(engine, reception, row.id, "当事人要求改日")
    with pytest.raises(ValueError, match="已取消"):
        build_notices(engine, reception, row.id)
