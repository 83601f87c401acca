"""The expert pool on SQLite and PostgreSQL: saving and reading, the duty roster, mediators per
committee, Excel import (all or nothing) and export, conflicts of interest (回避; 《医疗纠纷预防和
处理条例》第三十七条), consent (人民调解法第二十条), choice of mediator (第十九条), recusal, and
suggestions for a case."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from core.auth import PermissionDenied
from core.case_numbers import allocate_case_number
from core.conflicts import (
    ConflictError,
    branch_parent,
    case_safeguards,
    check_conflicts,
    decide_recusal,
    find_case,
    org_key,
    override_conflict,
    record_consent,
    record_mediator_choice,
    record_recusal,
    same_organisation,
)
from core.expert_io import COLUMNS, ImportRejected, export_experts, import_experts
from core.expert_suggestions import suggest_people
from core.experts import (
    DutyRow,
    ExpertForm,
    RelationRow,
    duty_roster,
    get_expert,
    list_experts,
    mediators_by_committee,
    save_expert,
    save_user_relations,
    search_experts,
    set_duties,
    validate_expert_form,
)
from core.uow import read_only, unit_of_work
from db.models import (
    Appointment,
    AuditEntry,
    BookedResource,
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    ConflictOverride,
    Consent,
    Expert,
    Party,
    RecusalRequest,
    Room,
)
from tests.conftest import make_user

HOSPITAL_USCC = "12330803MB0012345X"
SPOUSE_ID = "330803197505050021"
EXPERT_OWN_ID = "330803198001010012"


def _expert(engine, admin, name: str, **kw) -> int:
    fields = {"agency": "衢州市衢江区司法局", "committees": ("medical",)} | kw
    return save_expert(engine, admin, ExpertForm(name=name, **fields))


def _case(engine, parties: list[dict], *, committee: str = "medical", status: str = "mediating",
          received: date = date(2026, 11, 2), mediator_id: int | None = None, summary: str = "术后感染，协商赔偿") -> int:
    """parties: dicts of Party fields plus ``role`` and, for agents, ``represents`` (index); a
    party with a known USCC or ID number is the same row again (``party_id`` names one directly)."""
    with unit_of_work(engine) as session:
        committee_id = session.scalar(select(Committee.id).where(Committee.code == committee))
        seq, number = allocate_case_number(session, committee_id, received.year)
        case = Case(number=number, year=received.year, seq=seq, committee_id=committee_id, dispute_type="13",
                    source="application", status=status, summary=summary, requests=["赔偿损失"],
                    received_on=received, received_at=datetime.combine(received, time(9)),
                    mediator_id=mediator_id)
        session.add(case)
        session.flush()
        made: list[CaseParty] = []
        for position, spec in enumerate(parties):
            spec = dict(spec)
            role = spec.pop("role")
            represents = spec.pop("represents", None)
            existing = spec.pop("party_id", None)
            if existing is None and spec.get("uscc"):
                existing = session.scalar(select(Party.id).where(Party.uscc == spec["uscc"]))
            if existing is None and spec.get("id_number"):
                existing = session.scalar(select(Party.id).where(Party.id_number == spec["id_number"]))
            if existing is None:
                party = Party(**spec)
                session.add(party)
                session.flush()
                existing = party.id
            cp = CaseParty(case_id=case.id, party_id=existing, role=role, position=position,
                           represents_id=made[represents].id if represents is not None else None)
            session.add(cp)
            session.flush()
            made.append(cp)
        return case.id


def _party_ids(engine, case_id: int) -> dict[str, int]:
    """party name → case_party id"""
    with read_only(engine) as session:
        return dict(session.execute(select(Party.name, CaseParty.id).join(CaseParty, CaseParty.party_id == Party.id)
                                    .where(CaseParty.case_id == case_id)).all())


HOSPITAL_CASE = [
    {"role": "applicant", "kind": "person", "name": "张三", "id_type": "resident_id", "id_number": SPOUSE_ID,
     "workplace": "衢江区樟潭街道办事处"},
    {"role": "respondent", "kind": "organisation", "org_kind": "hospital", "name": "衢州市衢江区人民医院",
     "uscc": HOSPITAL_USCC},
]


# --- The pool ---------------------------------------------------------------------------------


def test_every_role_reads_the_pool_and_only_the_admin_edits(engine, users):
    expert_id = _expert(engine, users["admin"], "姜金水", phone="13905701234")
    for role in ("reception", "mediator", "director", "admin"):
        assert [r.name for r in list_experts(engine, users[role])] == ["姜金水"]
    for role in ("reception", "mediator", "director"):
        with pytest.raises(PermissionDenied):
            save_expert(engine, users[role], ExpertForm(name="李四", agency="衢江区人民法院"))
    detail = get_expert(engine, users["reception"], expert_id)
    assert (detail.name, detail.phone, detail.committees) == ("姜金水", "13905701234", ("medical",))
    with read_only(engine) as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "expert.create"))
        assert entry.entity_id == expert_id and entry.after["name"] == "姜金水"


def test_saving_keeps_pinyin_and_initials_for_both_surname_readings(engine, users):
    expert_id = _expert(engine, users["admin"], "单丽")
    with read_only(engine) as session:
        expert = session.get(Expert, expert_id)
        assert expert.name_pinyin.split()[0] == "shanli" and "danli" in expert.name_pinyin.split()
        assert expert.name_initials.split()[:2] == ["sl", "dl"]
    assert [r.name for r in search_experts(engine, users["reception"], "dl")] == ["单丽"]
    assert [r.name for r in search_experts(engine, users["reception"], "shanli")] == ["单丽"]
    # Renaming updates them.
    form = ExpertForm(name="姜金水", agency="衢州市衢江区司法局")
    save_expert(engine, users["admin"], form, expert_id)
    with read_only(engine) as session:
        assert session.get(Expert, expert_id).name_initials == "jjs"


def test_each_problem_is_reported_beside_its_field():
    errors = validate_expert_form(ExpertForm(
        name="", kind="judge", sex="X", agency="", phone="12345", committees=("nowhere",),
        duties=(DutyRow(0, time(9), time(12)),),
        relations=(RelationRow("张三", ""),),
    ))
    assert errors["name"] == "请填写姓名"
    assert "类别" in errors["kind"]
    assert errors["sex"] == "性别应为男或女"
    assert errors["agency"].startswith("请填写工作单位")
    assert errors["phone"]
    assert "nowhere" in errors["committees"]
    assert errors["relations"].startswith("第1条：请填写关系")
    lawyer = ExpertForm(name="王律师", kind="lawyer", agency="浙江衢康律师事务所",
                        duties=(DutyRow(0, time(9), time(12)), DutyRow(0, time(11), time(13))))
    assert "重叠" in validate_expert_form(lawyer)["duties"]
    # Only the legal pool sits on duty.
    assert errors["duties"] == "只有律师和法律工作者参加律师值班"


def test_the_same_name_and_phone_cannot_be_entered_twice(engine, users):
    _expert(engine, users["admin"], "姜金水", phone="139 0570 1234")
    with pytest.raises(ValueError, match="已有“姜金水”"):
        _expert(engine, users["admin"], "姜金水", phone="13905701234", agency="另一单位")
    _expert(engine, users["admin"], "姜金水", phone="13905705678")  # a namesake with another phone


def test_weekly_duty_roster(engine, users):
    admin = users["admin"]
    lawyer = _expert(engine, admin, "王鑫", kind="lawyer", agency="浙江衢康律师事务所", committees=("general",))
    worker = _expert(engine, admin, "李博宏", kind="legal_worker", agency="衢江区樟潭法律服务所")
    set_duties(engine, admin, lawyer, (DutyRow(0, time(9), time(12)), DutyRow(2, time(14), time(17))))
    set_duties(engine, admin, worker, (DutyRow(0, time(9), time(12)),))
    roster = duty_roster(engine, users["reception"])
    assert [(e.name, e.duty.weekday, e.duty.starts) for e in roster] == [
        ("李博宏", 0, time(9)), ("王鑫", 0, time(9)), ("王鑫", 2, time(14))]
    with read_only(engine) as session:
        lawyer_room = session.scalar(select(Room.name).where(Room.kind == "lawyer"))
    assert roster[0].duty.room_name == lawyer_room
    with pytest.raises(ValueError, match="重叠"):
        set_duties(engine, admin, lawyer, (DutyRow(4, time(9), time(12)), DutyRow(4, time(10), time(11))))
    with pytest.raises(PermissionDenied):
        set_duties(engine, users["mediator"], lawyer, ())
    # Replacing the slots (same weekday and start) does not trip the unique constraint.
    set_duties(engine, admin, lawyer, (DutyRow(0, time(9), time(11)),))
    assert [e.duty.ends for e in duty_roster(engine, admin) if e.name == "王鑫"] == [time(11)]


def test_mediators_of_each_committee_with_their_load(engine, users):
    mediator = users["mediator"]  # medical and traffic
    _case(engine, HOSPITAL_CASE, mediator_id=mediator.id)
    _case(engine, HOSPITAL_CASE, mediator_id=mediator.id, status="agreed")
    committees = {c.code: c for c in mediators_by_committee(engine, users["director"], today=date(2026, 11, 4))}
    medical = committees["medical"].mediators
    assert [(m.full_name, m.open_cases) for m in medical] == [("李调解", 1)]
    assert [m.full_name for m in committees["traffic"].mediators] == ["李调解"]
    assert committees["water"].mediators == ()


# --- Excel ------------------------------------------------------------------------------------


def _workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    ["姜金水", "男", "专家", "", "衢州市衢江区卫生健康局", "原副局长", "医疗质量管理、医患沟通", "医患、综合",
     "13905701234", "已退休", "退休", "是"],
    ["王鑫", "女", "律师", "浙江衢康律师事务所", "", "专职律师", "婚姻家庭", "综合", 13905705678, "", "在职", "是"],
]


def _count(engine) -> int:
    with read_only(engine) as session:
        return session.scalar(select(func.count(Expert.id)))


def test_import_adds_then_updates_by_name_and_phone(engine, users):
    result = import_experts(engine, users["admin"], _workbook(GOOD))
    assert (result.created, result.updated) == (2, 0)
    jiang = next(r for r in list_experts(engine, users["admin"]) if r.name == "姜金水")
    assert (jiang.retired, jiang.former_agency, jiang.committees) == (True, "衢州市衢江区卫生健康局",
                                                                      ("medical", "general"))
    assert jiang.specialties == ("医疗质量管理", "医患沟通")
    changed = [list(GOOD[0]), list(GOOD[1])]
    changed[0][5] = "原局长"
    result = import_experts(engine, users["admin"], _workbook(changed))
    assert (result.created, result.updated) == (0, 2)
    assert _count(engine) == 2
    assert next(r for r in list_experts(engine, users["admin"]) if r.name == "姜金水").title == "原局长"
    with pytest.raises(PermissionDenied):
        import_experts(engine, users["reception"], _workbook(GOOD))


def test_a_file_with_bad_rows_is_reported_row_by_row_and_nothing_is_imported(engine, users):
    rows = [
        GOOD[0],
        ["", "男", "专家", "某单位", "", "", "", "", "", "", "在职", "是"],                   # row 3: no name
        GOOD[1],
        ["李四", "未知", "法官", "", "", "", "", "医院委员会", "12345", "", "离职", "也许"],  # row 5: many
        ["姜金水", "男", "专家", "", "衢州市衢江区卫生健康局", "", "", "医患", "13905701234", "", "退休", "是"],  # row 6: dup
    ]
    with pytest.raises(ImportRejected) as caught:
        import_experts(engine, users["admin"], _workbook(rows))
    errors = caught.value.errors
    assert [e.split("：")[0] for e in errors] == ["第3行", "第5行", "第6行"]
    assert "请填写姓名" in errors[0]
    for fragment in ("性别“未知”", "类别“法官”", "未知的委员会“医院委员会”", "在职/退休“离职”", "启用“也许”",
                     "请填写工作单位"):
        assert fragment in errors[1], fragment
    assert "与第2行重复" in errors[2]
    assert _count(engine) == 0  # the good rows 2 and 4 were not imported either
    with pytest.raises(ImportRejected, match="缺少列"):
        book = Workbook()
        book.active.append(["姓名", "电话"])
        out = io.BytesIO()
        book.save(out)
        import_experts(engine, users["admin"], out.getvalue())
    with pytest.raises(ImportRejected, match="无法读取"):
        import_experts(engine, users["admin"], b"not a workbook")


def test_export_is_set_up_for_printing_and_imports_back(engine, users, tmp_path):
    import_experts(engine, users["admin"], _workbook(GOOD))
    path = tmp_path / "experts.xlsx"
    export_experts(engine, users["reception"], path)
    book = load_workbook(path)
    sheet = book["专家库"]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.column_dimensions["D"].width >= 20
    assert (sheet["A2"].value, sheet["I2"].value) == ("姜金水", "13905701234")  # pinyin order, phone as text
    result = import_experts(engine, users["admin"], path)
    assert (result.created, result.updated) == (0, 2)
    with read_only(engine) as session:
        assert session.scalar(select(AuditEntry.after).where(AuditEntry.action == "experts.export")) == {"rows": 2}


# --- Names ------------------------------------------------------------------------------------


def test_organisation_names_are_normalised_carefully():
    assert same_organisation("衢江区人民医院", "衢州市衢江区人民医院")
    assert same_organisation("浙江省衢州市人民医院", "衢州市人民医院")
    assert same_organisation("衢州市中医医院", "衢州市中医院")
    assert same_organisation("衢州市某某建设有限公司", "衢州市某某建设有限责任公司")
    assert same_organisation("衢州 市 某某建设股份有限公司", "衢州市某某建设公司")
    assert same_organisation("中国人民财产保险股份有限公司衢州市分公司", "中国人民财产保险股份有限公司")
    assert same_organisation("衢江区人民医院（衢州市第二人民医院）", "衢州市第二人民医院")
    assert same_organisation("ＡＢＣ科技有限公司", "abc科技公司")
    # …but never so far that different bodies agree.
    assert not same_organisation("衢州市人民医院", "江山市人民医院")
    assert not same_organisation("衢州市人民医院", "衢州市衢江区人民医院")
    assert not same_organisation("衢州市市场监督管理局", "市场监督管理局")
    assert not same_organisation("医院", "衢江区人民医院")
    assert org_key("公司") == ""
    assert branch_parent("中国平安财产保险股份有限公司衢州中心支公司") == "中国平安财产保险股份有限公司"
    assert branch_parent("衢州市人民医院") is None


# --- Conflicts of interest (《医疗纠纷预防和处理条例》第三十七条) ---------------------------------------


def test_same_organisation_as_a_party_is_a_conflict_of_interest_art37_2(engine, users):
    expert = _expert(engine, users["admin"], "李医生", agency="衢江区人民医院")
    case_id = _case(engine, HOSPITAL_CASE)
    with read_only(engine) as session:
        found = check_conflicts(session, case_id, expert_id=expert)
    assert [c.kind for c in found] == ["same_organisation"]
    reason = found[0].reason
    assert "衢州市衢江区人民医院" in reason and "同一单位" in reason
    assert "《医疗纠纷预防和处理条例》第三十七条第二项" in reason
    assert found[0].party == "衢州市衢江区人民医院"


def test_former_agency_declared_relatives_and_uscc_art37(engine, users):
    admin = users["admin"]
    retired = _expert(engine, admin, "周退休", agency="", former_agency="衢州市衢江区人民医院", retired=True)
    spouse = _expert(engine, admin, "钱配偶", relations=(RelationRow("张三", "配偶", SPOUSE_ID),))
    # The hospital renamed: only the USCC tells it is the same body.
    shareholder = _expert(engine, admin, "孙股东", relations=(RelationRow("衢江康复中心", "股东", HOSPITAL_USCC),))
    case_id = _case(engine, HOSPITAL_CASE)
    with read_only(engine) as session:
        former = check_conflicts(session, case_id, expert_id=retired)
        relative = check_conflicts(session, case_id, expert_id=spouse)
        interest = check_conflicts(session, case_id, expert_id=shareholder)
    assert [c.kind for c in former] == ["former_organisation"]
    assert "第三十七条第三项" in former[0].reason and "原工作单位" in former[0].reason
    assert [c.kind for c in relative] == ["relative"]
    assert "申请人“张三”" in relative[0].reason and "第三十七条第一项" in relative[0].reason
    assert not relative[0].suspected
    assert [c.kind for c in interest] == ["interest"]
    assert "第三十七条第二项" in interest[0].reason


def test_a_name_only_match_is_reported_as_suspected(engine, users):
    expert = _expert(engine, users["admin"], "赵同名", relations=(RelationRow("张三", "表兄"),))
    case_id = _case(engine, HOSPITAL_CASE)
    with read_only(engine) as session:
        found = check_conflicts(session, case_id, expert_id=expert)
    assert len(found) == 1 and found[0].suspected and "疑似" in found[0].reason
    # A declared ID that differs from the party's clears the namesake.
    other = _expert(engine, users["admin"], "赵异人", relations=(RelationRow("张三", "表兄", EXPERT_OWN_ID),))
    with read_only(engine) as session:
        assert check_conflicts(session, case_id, expert_id=other) == []


def test_the_expert_is_a_party_art37_1(engine, users):
    expert = _expert(engine, users["admin"], "张三", relations=(RelationRow("张三", "本人", SPOUSE_ID),))
    case_id = _case(engine, HOSPITAL_CASE)
    with read_only(engine) as session:
        found = check_conflicts(session, case_id, expert_id=expert)
    assert [c.kind for c in found] == ["is_party"] and "第三十七条第一项" in found[0].reason


def test_earlier_involvement_for_the_other_side(engine, users):
    """The expert acted as a patient's agent against the same hospital in an earlier case."""
    expert = _expert(engine, users["admin"], "吴代理", phone="13905709999")
    earlier = _case(engine, [
        {"role": "applicant", "kind": "person", "name": "王五"},
        {"role": "respondent", "kind": "organisation", "org_kind": "hospital", "name": "衢州市衢江区人民医院",
         "uscc": None},
        {"role": "agent", "kind": "person", "name": "吴代理", "phone": "139 0570 9999", "represents": 0},
    ], received=date(2026, 3, 2), status="archived")
    with read_only(engine) as session:
        hospital_party = session.scalar(select(CaseParty.party_id).where(
            CaseParty.case_id == earlier, CaseParty.role == "respondent"))
    current = _case(engine, [
        {"role": "applicant", "kind": "person", "name": "赵六"},
        {"role": "respondent", "party_id": hospital_party},
    ])
    with read_only(engine) as session:
        found = check_conflicts(session, current, expert_id=expert)
        number = session.get(Case, earlier).number
    assert [c.kind for c in found] == ["acted_against_party"]
    assert number in found[0].reason and "衢州市衢江区人民医院" in found[0].reason
    assert not found[0].suspected  # name and phone agree


def test_an_unrelated_expert_has_no_conflict(engine, users):
    expert = _expert(engine, users["admin"], "钱无关", agency="衢州市人民医院",
                     relations=(RelationRow("李四", "配偶"),))
    case_id = _case(engine, HOSPITAL_CASE)
    with read_only(engine) as session:
        assert check_conflicts(session, case_id, expert_id=expert) == []


# --- Consent (Art.20), choice (Art.19), overrides and recusal -----------------------------------------


def test_consent_to_a_conflicted_expert_is_refused_until_an_override_with_reason(engine, users):
    mediator, reception = users["mediator"], users["reception"]
    expert = _expert(engine, users["admin"], "李医生", agency="衢江区人民医院")
    case_id = _case(engine, HOSPITAL_CASE)
    parties = _party_ids(engine, case_id)
    with pytest.raises(ConflictError) as caught:
        record_consent(engine, reception, case_id, parties["张三"], expert, given_on=date(2026, 11, 3))
    assert "同一单位" in str(caught.value) and caught.value.conflicts[0].kind == "same_organisation"
    with pytest.raises(PermissionDenied):
        override_conflict(engine, reception, case_id, expert_id=expert, reason="双方同意")
    with pytest.raises(ValueError, match="放行理由"):
        override_conflict(engine, mediator, case_id, expert_id=expert, reason="  ")
    override_conflict(engine, mediator, case_id, expert_id=expert,
                      reason="已向双方说明该专家在被申请人处任职，双方书面同意其参与")
    for name in ("张三", "衢州市衢江区人民医院"):
        record_consent(engine, reception, case_id, parties[name], expert, given_on=date(2026, 11, 3))
    with read_only(engine) as session:
        consents = session.scalars(select(Consent).where(Consent.case_id == case_id)).all()
        assert {(c.kind, c.given, c.expert_id) for c in consents} == {("expert", True, expert)}
        assert len(consents) == 2 and "第二十条" in consents[0].note
        override = session.scalar(select(ConflictOverride))
        assert "同一单位" in override.conflicts and override.by_id == mediator.id
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"conflict.override", "consent.expert"} <= actions
    rows = case_safeguards(engine, reception, case_id)
    assert [r.kind for r in rows].count("consent") == 2 and any(r.kind == "override" for r in rows)


def test_a_refusal_to_consent_is_recorded_even_for_a_conflicted_expert(engine, users):
    expert = _expert(engine, users["admin"], "李医生", agency="衢江区人民医院")
    case_id = _case(engine, HOSPITAL_CASE)
    parties = _party_ids(engine, case_id)
    record_consent(engine, users["reception"], case_id, parties["张三"], expert, given=False, form="oral")
    with read_only(engine) as session:
        consent = session.scalar(select(Consent))
        assert (consent.given, consent.form) == (False, "oral")


def test_the_parties_choose_a_mediator_art19(engine, users):
    chosen = make_user(engine, "mediator", username="fang", full_name="方少华", committees=("medical",))
    case_id = _case(engine, HOSPITAL_CASE)
    parties = _party_ids(engine, case_id)
    first = record_mediator_choice(engine, users["reception"], case_id, parties["张三"], chosen.id)
    assert (first.all_parties_chose, first.assigned) == (False, False)
    second = record_mediator_choice(engine, users["reception"], case_id, parties["衢州市衢江区人民医院"], chosen.id,
                                    form="oral")
    assert (second.all_parties_chose, second.assigned) == (True, True)
    with read_only(engine) as session:
        link = session.get(CaseMediator, (case_id, chosen.id))
        assert link is not None and link.chosen_by_parties


def test_a_mediator_with_a_declared_relation_cannot_be_chosen_nor_clear_himself(engine, users):
    related = make_user(engine, "mediator", username="zhou", full_name="周调解", committees=("medical",))
    save_user_relations(engine, users["admin"], related.id, (RelationRow("张三", "配偶", SPOUSE_ID),))
    case_id = _case(engine, HOSPITAL_CASE)
    parties = _party_ids(engine, case_id)
    with pytest.raises(ConflictError, match="申报的亲属关系"):
        record_mediator_choice(engine, users["reception"], case_id, parties["张三"], related.id)
    with pytest.raises(ValueError, match="不能为本人"):
        override_conflict(engine, related, case_id, user_id=related.id, reason="我保证公正")
    # A mediator of another committee may not act on this case at all.
    outsider = make_user(engine, "mediator", username="water", committees=("water",))
    with pytest.raises(PermissionDenied):
        override_conflict(engine, outsider, case_id, user_id=related.id, reason="双方均同意")


def test_recusal_requests_oral_or_written_and_their_outcome(engine, users):
    mediator = users["mediator"]
    other = make_user(engine, "mediator", username="liu", full_name="刘调解", committees=("medical",))
    expert = _expert(engine, users["admin"], "吴专家")
    case_id = _case(engine, HOSPITAL_CASE, mediator_id=other.id)
    parties = _party_ids(engine, case_id)
    with pytest.raises(ValueError, match="理由"):
        record_recusal(engine, users["reception"], case_id, case_party_id=parties["张三"], expert_id=expert)
    oral = record_recusal(engine, users["reception"], case_id, case_party_id=parties["张三"], expert_id=expert,
                          form="oral", reason="认为专家与医院院长熟识", requested_on=date(2026, 11, 3))
    with read_only(engine) as session:
        pending = check_conflicts(session, case_id, expert_id=expert)
    assert [c.kind for c in pending] == ["recusal_pending"] and "口头申请" in pending[0].reason
    with pytest.raises(ValueError, match="理由"):
        decide_recusal(engine, mediator, oral, granted=False)
    decide_recusal(engine, mediator, oral, granted=False, note="经核实无第三十七条所列情形",
                   decided_on=date(2026, 11, 4))
    with read_only(engine) as session:
        assert check_conflicts(session, case_id, expert_id=expert) == []
        assert session.get(RecusalRequest, oral).outcome == "refused"
    # A request to replace the mediator is granted and takes him off the case.
    written = record_recusal(engine, users["reception"], case_id, case_party_id=parties["衢州市衢江区人民医院"],
                             user_id=other.id, form="written", reason="调解员与申请人系同村")
    with pytest.raises(ValueError, match="应当更换"):
        decide_recusal(engine, mediator, written, granted=False, note="不同意")
    with pytest.raises(ValueError, match="本人"):
        decide_recusal(engine, other, written, granted=True)
    decide_recusal(engine, mediator, written, granted=True, decided_on=date(2026, 11, 5))
    with read_only(engine) as session:
        assert session.get(Case, case_id).mediator_id is None
        found = check_conflicts(session, case_id, user_id=other.id)
    assert [c.kind for c in found] == ["recused"] and "准予" in found[0].reason
    with pytest.raises(ValueError, match="不能放行"):
        override_conflict(engine, mediator, case_id, user_id=other.id, reason="双方又同意了")
    with pytest.raises(ValueError, match="已决定"):
        decide_recusal(engine, mediator, written, granted=True)


# --- Suggestions --------------------------------------------------------------------------------


def test_suggestions_order_by_fit_then_load_with_conflicts_last(engine, users):
    admin = users["admin"]
    busy = make_user(engine, "mediator", username="busy", full_name="忙调解", committees=("medical",))
    make_user(engine, "mediator", username="free", full_name="闲调解", committees=("medical",))
    make_user(engine, "mediator", username="traffic", full_name="交调解", committees=("traffic",))
    for _ in range(3):
        _case(engine, HOSPITAL_CASE, mediator_id=busy.id)
    fit = _expert(engine, admin, "甲专家", specialties=("医疗损害鉴定", "术后感染"))
    loaded = _expert(engine, admin, "乙专家", specialties=("术后感染",))
    plain = _expert(engine, admin, "丙专家", specialties=("交通事故",), committees=("traffic",))
    conflicted = _expert(engine, admin, "丁专家", agency="衢江区人民医院", specialties=("术后感染", "医疗损害鉴定"))
    case_id = _case(engine, HOSPITAL_CASE, summary="术后感染，申请医疗损害鉴定后协商赔偿")
    # 乙专家 has a session booked this week.
    with unit_of_work(engine) as session:
        room = session.scalar(select(Room.id).limit(1))
        start = datetime(2026, 11, 4, 9)
        appointment = Appointment(case_id=case_id, starts_at=start, ends_at=datetime(2026, 11, 4, 10), room_id=room)
        session.add(appointment)
        session.flush()
        session.add(BookedResource(appointment_id=appointment.id, resource_kind="expert", resource_id=loaded,
                                   starts_at=start, ends_at=datetime(2026, 11, 4, 10)))
    with read_only(engine) as session:
        mediators, experts = suggest_people(session, case_id, today=date(2026, 11, 4))
    names = [m.name for m in mediators]
    assert names.index("闲调解") < names.index("忙调解")  # same fit, less load
    assert "交调解" not in names
    busy_row = next(m for m in mediators if m.name == "忙调解")
    assert busy_row.open_cases == 3
    order = [e.id for e in experts]
    assert order[:3] == [fit, loaded, plain] and order[-1] == conflicted
    assert experts[0].reasons[0].startswith("服务医患委员会")
    assert any("术后感染" in r for r in experts[0].reasons)
    assert (experts[1].open_cases, experts[1].sessions_this_week) == (1, 1)
    assert experts[-1].conflicted and "同一单位" in experts[-1].conflicts[0].reason


def test_find_case_by_number_respects_the_mediators_committees(engine, users):
    case_id = _case(engine, HOSPITAL_CASE)
    with read_only(engine) as session:
        number = session.get(Case, case_id).number
    assert find_case(engine, users["reception"], number).id == case_id
    assert find_case(engine, users["mediator"], "第001号").id == case_id
    water = make_user(engine, "mediator", username="water2", committees=("water",))
    assert find_case(engine, water, number) is None
    assert [p.name for p in find_case(engine, users["director"], number).parties] == ["张三", "衢州市衢江区人民医院"]


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_search_prints_json_best_first(sqlite_engine, sqlite_url):
    from tests.integration.test_cli import tiaojie

    admin = make_user(sqlite_engine, "admin", username="cli_admin")
    _expert(sqlite_engine, admin, "姜金水", specialties=("医患沟通",))
    _expert(sqlite_engine, admin, "蒋建国", agency="衢江区交警大队", committees=("traffic",))
    _expert(sqlite_engine, admin, "王五", agency="浙江衢康律师事务所", kind="lawyer", committees=("general",))
    result = tiaojie("--db", sqlite_url, "experts", "search", "jjs", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0] == {"id": rows[0]["id"], "name": "姜金水", "agency": "衢州市衢江区司法局",
                       "specialties": ["医患沟通"], "committees": ["medical"]}
    assert [r["name"] for r in rows] == ["姜金水"]
    everyone = json.loads(tiaojie("--db", sqlite_url, "experts", "search", "", "--json").stdout)
    assert len(everyone) == 3
    traffic = json.loads(tiaojie("experts", "search", "交通", "--json", "--db", sqlite_url).stdout)
    assert [r["name"] for r in traffic] == ["蒋建国"]
    table = tiaojie("--db", sqlite_url, "experts", "search", "律师")
    assert table.returncode == 0 and "王五" in table.stdout and "共 1 人" in table.stderr
