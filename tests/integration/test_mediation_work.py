"""The mediators' daily work on SQLite and PostgreSQL: deadline pauses and extensions, the
expiry of medical cases, session records, payments, follow-ups and the bad-rating ledger,
attachments."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import chinese_calendar
import pytest
from sqlalchemy import select

from core.auth import PermissionDenied
from core.case_deadlines import (
    case_deadline,
    deadline_lists,
    expire_medical_cases,
    extend_deadline,
    open_case_rows,
    pause_deadline,
    resume_deadline,
)
from core.deadlines import compute
from core.followups import (
    VisitError,
    VisitForm,
    answer_ledger_entry,
    due_followups,
    ledger,
    record_visit,
)
from core.fulfilment import (
    OverpaymentError,
    PaymentError,
    instalments_of,
    overdue_instalments,
    record_payment,
)
from core.lifecycle import (
    TransitionError,
    accept_case,
    record_agreement_reached,
    record_party_consent,
    start_mediation,
)
from core.sessions import (
    AttachmentError,
    DuplicateAttachment,
    SessionForm,
    SessionRecordError,
    add_attachment,
    get_attachment,
    list_attachments,
    list_sessions,
    record_session,
)
from core.uow import read_only, unit_of_work
from db.models import (
    Agreement,
    CalendarOverride,
    Case,
    CaseParty,
    FollowUp,
    Instalment,
    Party,
    Setting,
    Signature,
    StatusChange,
)
from tests.factories import add_case_with_parties

NOW = datetime(2026, 11, 20, 16, 0)


@dataclass(frozen=True)
class Built:
    case_id: int
    number: str
    cps: dict[str, int]


def build(engine, *, committee="medical", dispute_type="13", received=date(2026, 9, 1),
          parties=({"name": "张三", "phone": "13812345678"}, {"name": "衢江区人民医院", "kind": "organisation",
                                                           "phone": "0570-8881234"})) -> Built:
    added = add_case_with_parties(engine, parties, committee=committee, dispute_type=dispute_type,
                                  received=received)
    with unit_of_work(engine) as session:
        session.get(Case, added.case_id).medical_consent = "both_applied" if committee == "medical" else None
        cps = {name: cp for cp, name in session.execute(
            select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id == added.case_id))}
    return Built(added.case_id, added.number, cps)


def deadline_of(engine, case_id: int, today: date):
    with read_only(engine) as session:
        return case_deadline(session, session.get(Case, case_id), today=today)


def accepted(engine, user, *, on=date(2026, 9, 1), **kw) -> Built:
    built = build(engine, received=on, **kw)
    accept_case(engine, user, built.case_id, on=on, now=NOW)
    return built


# ----------------------------------------------------------------------------- deadlines


def test_assessment_pause_does_not_count(engine, users):
    """医疗纠纷预防和处理条例第三十八条: 30 working days from acceptance; 医疗损害鉴定 not counted."""
    m = users["mediator"]
    built = accepted(engine, m)
    plain = deadline_of(engine, built.case_id, NOW.date())
    assert plain.due == compute("medical", date(2026, 9, 1)).due and plain.working_days

    pause_deadline(engine, m, built.case_id, date(2026, 9, 10), "医疗损害鉴定（委托衢州市医学会）", today=NOW.date())
    running = deadline_of(engine, built.case_id, date(2026, 10, 20))
    assert running.paused and running.paused_since == date(2026, 9, 10)
    # While the assessment runs the clock stands still: the due date moves with "today".
    assert running.due > date(2026, 10, 20)
    with pytest.raises(TransitionError, match="尚未结束"):
        pause_deadline(engine, m, built.case_id, date(2026, 9, 12), today=NOW.date())

    resume_deadline(engine, m, built.case_id, date(2026, 10, 16), today=NOW.date())
    resumed = deadline_of(engine, built.case_id, NOW.date())
    assert not resumed.paused
    assert resumed.due == compute("medical", date(2026, 9, 1), pauses=[(date(2026, 9, 10), date(2026, 10, 16))]).due
    assert "已扣除鉴定期间2026-09-10至2026-10-16" in resumed.basis
    with pytest.raises(ValueError, match="须晚于上次鉴定结束日"):
        pause_deadline(engine, m, built.case_id, date(2026, 10, 16), today=NOW.date())


def test_only_medical_deadlines_pause(engine, users):
    built = accepted(engine, users["mediator"], committee="traffic", dispute_type="14")
    with pytest.raises(TransitionError, match="第三十八条"):
        pause_deadline(engine, users["mediator"], built.case_id, date(2026, 9, 5), today=NOW.date())


def test_extension_needs_both_sides_recorded_consent(engine, users):
    """Extension of the mediation period only with both parties' consent (local practice; for
    medical cases 条例第三十八条 \"双方当事人同意延长\")."""
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 2))
    before = deadline_of(engine, built.case_id, NOW.date())
    with pytest.raises(TransitionError, match="尚未记录同意：张三、衢江区人民医院"):
        extend_deadline(engine, m, built.case_id, 10, consented_on=date(2026, 11, 16), today=NOW.date())
    record_party_consent(engine, m, built.case_id, built.cps["张三"], "extension", given_on=date(2026, 11, 16),
                         today=NOW.date())
    with pytest.raises(TransitionError, match="尚未记录同意：衢江区人民医院"):
        extend_deadline(engine, m, built.case_id, 10, consented_on=date(2026, 11, 16), today=NOW.date())
    record_party_consent(engine, m, built.case_id, built.cps["衢江区人民医院"], "extension", form="oral",
                         given_on=date(2026, 11, 16), today=NOW.date())
    extend_deadline(engine, m, built.case_id, 10, consented_on=date(2026, 11, 16), today=NOW.date())
    after = deadline_of(engine, built.case_id, NOW.date())
    assert after.extended_days == 10
    assert after.due == compute("medical", date(2026, 11, 2), extend_days=10).due > before.due
    # A later extension needs consents given for it, not the ones already used …
    record_party_consent(engine, m, built.case_id, built.cps["张三"], "extension", given_on=date(2026, 11, 18),
                         today=NOW.date())
    with pytest.raises(TransitionError, match="尚未记录同意：衢江区人民医院"):
        extend_deadline(engine, m, built.case_id, 5, consented_on=date(2026, 11, 18), today=NOW.date())
    # … and a later refusal withdraws a consent.
    record_party_consent(engine, m, built.case_id, built.cps["衢江区人民医院"], "extension",
                         given_on=date(2026, 11, 18), today=NOW.date())
    record_party_consent(engine, m, built.case_id, built.cps["张三"], "extension", given=False,
                         given_on=date(2026, 11, 19), today=NOW.date())
    with pytest.raises(TransitionError, match="尚未记录同意：张三"):
        extend_deadline(engine, m, built.case_id, 5, consented_on=date(2026, 11, 19), today=NOW.date())


def test_general_extension_counts_calendar_days(engine, users):
    """人民调解工作若干规定第三十三条: one month, extended with consent (calendar days)."""
    m = users["mediator"]
    built = accepted(engine, m, committee="traffic", dispute_type="14", on=date(2026, 11, 2),
                     parties=({"name": "王五"}, {"name": "赵六"}))
    for name in ("王五", "赵六"):
        record_party_consent(engine, m, built.case_id, built.cps[name], "extension", given_on=date(2026, 11, 20),
                             today=NOW.date())
    extend_deadline(engine, m, built.case_id, 15, consented_on=date(2026, 11, 20), today=NOW.date())
    d = deadline_of(engine, built.case_id, NOW.date())
    assert not d.working_days and d.due == compute("general", date(2026, 11, 2), extend_days=15).due


def test_labour_period_cannot_be_extended(engine, users, make_user_in):
    """劳动争议调解仲裁法第十四条: 15 days from receiving the application — statutory."""
    labour = make_user_in(engine, ("labour",))
    built = accepted(engine, labour, committee="labour", dispute_type="10", on=date(2026, 11, 2),
                     parties=({"name": "钱七"}, {"name": "衢州某建材有限公司", "kind": "organisation"}))
    d = deadline_of(engine, built.case_id, NOW.date())
    assert d.kind == "labour" and d.due == date(2026, 11, 17)
    with pytest.raises(TransitionError, match="第十四条"):
        extend_deadline(engine, labour, built.case_id, 5, today=NOW.date())


@pytest.fixture()
def make_user_in(_password_hash):
    from tests.conftest import make_user

    def make(engine, committees):
        return make_user(engine, "mediator", committees=committees, password_hash=_password_hash,
                         full_name="孙调解")

    return make


def test_medical_expiry_marks_the_case_failed(engine, users):
    """医疗纠纷预防和处理条例第三十八条: no agreement within 30 working days → 调解不成. Paused
    cases do not expire; a provisional count never fails a case by itself."""
    m = users["mediator"]
    expired = accepted(engine, m, on=date(2026, 9, 1))
    paused = accepted(engine, m, on=date(2026, 9, 1))
    pause_deadline(engine, m, paused.case_id, date(2026, 9, 20), today=NOW.date())
    fresh = accepted(engine, m, on=date(2026, 11, 2))
    due = deadline_of(engine, expired.case_id, NOW.date()).due

    report = expire_medical_cases(engine, None, NOW.date())
    assert [r.number for r in report.failed] == [expired.number]
    result = report.failed[0]
    assert result.to_status == "failed" and result.on == due + timedelta(days=1)
    assert "第三十八条" in result.reason
    with read_only(engine) as session:
        assert session.get(Case, expired.case_id).conclusion_reason == result.reason
        assert session.get(Case, paused.case_id).status == "accepted"
        assert session.get(Case, fresh.case_id).status == "accepted"
        changed = session.scalar(select(StatusChange).where(StatusChange.case_id == expired.case_id,
                                                            StatusChange.to_status == "failed"))
        assert changed.user_id is None  # the system did it
    # Running it again changes nothing.
    assert expire_medical_cases(engine, None, NOW.date()).failed == ()


def test_expiry_in_an_unknown_year_is_reported_not_applied(engine, users):
    """domain.md §3: a deadline counted through a year nobody knows is provisional — never a
    silent guess, so the case is listed for a person, not failed."""
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 20))
    d = deadline_of(engine, built.case_id, date(2027, 3, 1))
    assert d.provisional and d.due.year == 2027
    report = expire_medical_cases(engine, None, date(2027, 3, 1))
    assert report.failed == () and report.provisional == (built.number,)
    due_soon, overdue = deadline_lists(engine, users["director"], date(2027, 3, 1))
    row = next(r for r in overdue if r.case_id == built.case_id)
    assert "（暂定）" in row.due_text and "（暂定）" in row.left_text


def test_deadline_lists_by_scope(engine, users, make_user_in):
    """Due-soon and overdue lists: a mediator sees the committees' cases, the director all."""
    m = users["mediator"]
    labour = make_user_in(engine, ("labour",))
    soon = accepted(engine, m, on=date(2026, 10, 12))  # 30 working days → late November
    late = accepted(engine, m, committee="traffic", dispute_type="14", on=date(2026, 9, 1),
                    parties=({"name": "王五"}, {"name": "赵六"}))
    other = accepted(engine, labour, committee="labour", dispute_type="10", on=date(2026, 11, 1),
                     parties=({"name": "钱七"}, {"name": "孙八"}))
    today = deadline_of(engine, soon.case_id, NOW.date()).due - timedelta(days=2)
    due_soon, overdue = deadline_lists(engine, m, today)
    assert soon.case_id in {r.case_id for r in due_soon}
    assert late.case_id in {r.case_id for r in overdue}
    assert other.case_id not in {r.case_id for r in due_soon + overdue}
    d_soon, d_over = deadline_lists(engine, users["director"], today)
    assert other.case_id in {r.case_id for r in d_soon + d_over}
    mine = open_case_rows(engine, m, today)
    assert {soon.case_id, late.case_id} <= {r.case_id for r in mine}
    assert other.case_id not in {r.case_id for r in mine}


# ----------------------------------------------------------------------------- session records


def session_form(built: Built, recorder_id: int, **kw) -> SessionForm:
    base = dict(
        started_at=datetime(2026, 11, 10, 9, 30), ended_at=datetime(2026, 11, 10, 11, 0), place="医患纠纷调解室",
        matter="术后感染赔偿纠纷", participants="王专家（经双方同意参与）",
        parties_present=tuple(built.cps.values()), public=False,
        statements=((built.cps["张三"], "要求赔偿医疗费等共计5万元"), (built.cps["衢江区人民医院"], "同意适当补偿")),
        verified_facts="双方对手术经过无异议", risk_notice="已告知调解不成可另行起诉", outcome="双方意见差距缩小",
        next_steps="择日继续调解", recorder_id=recorder_id)
    base.update(kw)
    return SessionForm(**base)


def test_first_session_record_starts_mediation(engine, users):
    """人民调解法第二十七条: mediation is recorded; the first 调解记录 moves 已受理 → 调解中."""
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 2))
    row = record_session(engine, m, built.case_id, session_form(built, users["reception"].id), now=NOW)
    assert row.present_names == "张三、衢江区人民医院" and row.mediator_id == m.id
    with read_only(engine) as session:
        assert session.get(Case, built.case_id).status == "mediating"
    assert [s.id for s in list_sessions(engine, m, built.case_id)] == [row.id]


def test_session_record_field_errors(engine, users):
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 2))
    with pytest.raises(SessionRecordError) as refused:
        record_session(engine, m, built.case_id, session_form(
            built, None, place=" ", outcome="", parties_present=(), started_at=datetime(2026, 11, 1, 9, 0)), now=NOW)
    assert set(refused.value.errors) == {"place", "outcome", "parties_present", "started_at", "recorder_id"}


def test_medical_session_public_only_with_both_sides_consent(engine, users):
    """医疗纠纷预防和处理条例第四十二条: no public mediation without both sides' consent."""
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 2))
    record_party_consent(engine, m, built.case_id, built.cps["张三"], "public", given_on=date(2026, 11, 9),
                         today=NOW.date())
    with pytest.raises(SessionRecordError) as refused:
        record_session(engine, m, built.case_id, session_form(built, m.id, public=True), now=NOW)
    assert "第四十二条" in refused.value.errors["public"] and "衢江区人民医院" in refused.value.errors["public"]
    record_party_consent(engine, m, built.case_id, built.cps["衢江区人民医院"], "public",
                         given_on=date(2026, 11, 9), today=NOW.date())
    assert record_session(engine, m, built.case_id, session_form(built, m.id, public=True), now=NOW).public


def test_traffic_session_may_be_public_by_choice(engine, users):
    """人民调解法第二十三条: the parties choose public or not; only recorded for non-medical cases."""
    m = users["mediator"]
    built = accepted(engine, m, committee="traffic", dispute_type="14", on=date(2026, 11, 2),
                     parties=({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"}))
    assert record_session(engine, m, built.case_id, session_form(built, m.id, public=True), now=NOW).public


# ----------------------------------------------------------------------------- attachments


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_attachment_size_limit_hash_and_duplicates(engine, users):
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 2))
    with unit_of_work(engine) as session:
        session.merge(Setting(key="attachment_max_mb", value="1"))
    big = b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10)
    with pytest.raises(AttachmentError, match=r"大小为1\.0 MB，超过单个附件上限1\.0 MB") as refused:
        add_attachment(engine, m, built.case_id, "病历扫描.pdf", big, "application/pdf")
    assert not isinstance(refused.value, DuplicateAttachment)
    with pytest.raises(AttachmentError, match="是空的"):
        add_attachment(engine, m, built.case_id, "空.pdf", b"")
    with pytest.raises(AttachmentError, match="与扩展名不符"):
        add_attachment(engine, m, built.case_id, "照片.jpg", PNG)
    with pytest.raises(AttachmentError, match="不是可保存的"):
        add_attachment(engine, m, built.case_id, "说明.docx", b"PK\x03\x04word")

    row = add_attachment(engine, m, built.case_id, r"C:\扫描\病历.pdf", PDF, kind="evidence")
    assert row.filename == "病历.pdf" and row.sha256 == hashlib.sha256(PDF).hexdigest()
    assert row.size_bytes == len(PDF) and row.media_type == "application/pdf"
    with pytest.raises(DuplicateAttachment, match="已于.*作为“病历.pdf”添加过") as dup:
        add_attachment(engine, m, built.case_id, "病历副本.pdf", PDF)
    assert dup.value.existing.id == row.id
    other = accepted(engine, m, on=date(2026, 11, 2))
    add_attachment(engine, m, other.case_id, "病历.pdf", PDF)  # another case may keep the same file
    assert [a.id for a in list_attachments(engine, m, built.case_id)] == [row.id]
    assert get_attachment(engine, m, row.id).content == PDF


def test_attachment_scope(engine, users, make_user_in):
    built = accepted(engine, users["mediator"], on=date(2026, 11, 2))
    with pytest.raises(PermissionDenied):
        add_attachment(engine, make_user_in(engine, ("labour",)), built.case_id, "a.pdf", PDF)
    with pytest.raises(PermissionDenied):
        add_attachment(engine, users["director"], built.case_id, "a.pdf", PDF)


# ----------------------------------------------------------------------------- agreement, payments


def agreed_case(engine, users, *, instalments=((date(2026, 11, 20), "10000.00"), (date(2026, 12, 20), "20000.00"))
                ) -> Built:
    m = users["mediator"]
    built = accepted(engine, m, on=date(2026, 11, 2))
    start_mediation(engine, m, built.case_id, on=date(2026, 11, 3), now=NOW)
    with unit_of_work(engine) as session:
        agreement = Agreement(case_id=built.case_id, kind="written", amount=Decimal("30000.00"),
                              last_due_on=max(d for d, _a in instalments))
        session.add(agreement)
        session.flush()
        for cp in built.cps.values():
            session.add(Signature(agreement_id=agreement.id, case_party_id=cp, signed_on=date(2026, 11, 12)))
        session.add(Signature(agreement_id=agreement.id, user_id=m.id, signed_on=date(2026, 11, 12)))
        for due, amount in instalments:
            session.add(Instalment(agreement_id=agreement.id, due_on=due, amount=Decimal(amount),
                                   payer_id=built.cps["衢江区人民医院"], payee_id=built.cps["张三"]))
    record_agreement_reached(engine, m, built.case_id, now=NOW)
    return built


def test_payments_then_performed(engine, users):
    """人民调解法第三十一条: performance supervised; all instalments paid → 履行完毕."""
    m = users["mediator"]
    built = agreed_case(engine, users)
    first, second = instalments_of(engine, m, built.case_id, NOW.date())
    with pytest.raises(PaymentError) as refused:
        record_payment(engine, m, first.id, "0", today=NOW.date())
    assert "amount" in refused.value.errors
    with pytest.raises(PaymentError, match="不能早于协议达成日"):
        record_payment(engine, m, first.id, "100", paid_on=date(2026, 11, 1), today=NOW.date())
    part = record_payment(engine, m, first.id, "4000", paid_on=date(2026, 11, 15), method="wechat",
                          receipt_no="WX001", today=NOW.date())
    assert not part.paid_in_full and part.outstanding == Decimal("6000.00")
    with pytest.raises(OverpaymentError, match="本期尚欠6,000.00元"):
        record_payment(engine, m, first.id, "7000", today=NOW.date())
    assert record_payment(engine, m, first.id, "6,000", paid_on=date(2026, 11, 18), today=NOW.date()).paid_in_full
    with pytest.raises(PaymentError, match="已于2026-11-18付清"):
        record_payment(engine, m, first.id, "1", today=NOW.date())

    overdue = overdue_instalments(engine, m, date(2026, 12, 25))
    assert [(r.id, r.payer, r.payer_phone, r.overdue_days) for r in overdue] == [
        (second.id, "衢江区人民医院", "0570-8881234", 5)]

    last = record_payment(engine, m, second.id, "20001", paid_on=date(2026, 12, 26), confirm_overpayment=True,
                          today=date(2026, 12, 28))
    assert last.case_performed
    with read_only(engine) as session:
        case = session.get(Case, built.case_id)
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == built.case_id))
        assert case.status == "performed" and agreement.performed_on == date(2026, 12, 26)
    assert overdue_instalments(engine, m, date(2027, 1, 5)) == []


def test_no_payments_on_a_case_not_agreed(engine, users):
    built = agreed_case(engine, users)
    with unit_of_work(engine) as session:
        session.get(Case, built.case_id).status = "failed"
        inst_id = session.scalar(select(Instalment.id).join(Agreement).where(Agreement.case_id == built.case_id)
                                 .limit(1))
    with pytest.raises(PaymentError, match="只有已达成协议"):
        record_payment(engine, users["mediator"], inst_id, "1", today=NOW.date())


# ----------------------------------------------------------------------------- follow-ups


def _workdays_after(start: date, n: int) -> date:
    """Independent count with chinese-calendar (the start day not counted)."""
    day = start
    while n:
        day += timedelta(days=1)
        if chinese_calendar.is_workday(day):
            n -= 1
    return day


def test_bad_rating_opens_ledger_entry_due_in_15_working_days_over_a_holiday(engine, users):
    """好差评 (国办发〔2019〕51号): a named bad rating is called back, put right and answered;
    the ledger deadline is 15 working days (local practice) — here across 国庆 2026."""
    m = users["mediator"]
    built = agreed_case(engine, users)
    calls = [f for f in due_followups(engine, m, date(2026, 11, 30)) if f.case_id == built.case_id]
    assert len(calls) == 2 and {f.party for f in calls} == {"张三", "衢江区人民医院"}
    with read_only(engine) as session:
        scheduled = sorted(session.scalars(select(FollowUp.scheduled_on).where(FollowUp.case_id == built.case_id)))
    assert scheduled[-1] > date(2026, 12, 20)  # the performance visit after the last due date

    visit = calls[0]
    with pytest.raises(VisitError) as refused:
        record_visit(engine, m, visit.id, VisitForm(visited_on=None, rating=9, escalation_risk=True),
                     today=NOW.date())
    assert set(refused.value.errors) == {"visited_on", "performance", "rating", "action_taken"}

    # An admin-entered day off (override table) inside the 15 working days moves the deadline.
    with unit_of_work(engine) as session:
        session.add(CalendarOverride(day=date(2026, 11, 30), workday=False, name="临时调休"))
    result = record_visit(engine, m, visit.id, VisitForm(
        visited_on=date(2026, 11, 20), performance="首期款已付", rating=2, action_taken="已约见医院负责人"),
        today=NOW.date())
    assert _workdays_after(date(2026, 11, 20), 15) == date(2026, 12, 11)  # without the override
    assert result.ledger_due_on == date(2026, 12, 14)
    assert not result.ledger_provisional
    entries = ledger(engine, users["director"], date(2026, 12, 15))
    entry = next(e for e in entries if e.id == result.ledger_entry_id)
    assert entry.overdue and entry.state == "逾期未答复" and entry.rating_name == "不满意"
    answer_ledger_entry(engine, m, entry.id, "已回访说明，医院已付清首期款", answered_on=date(2026, 12, 10),
                        today=date(2026, 12, 15))
    entry = next(e for e in ledger(engine, m, date(2026, 12, 15)) if e.id == result.ledger_entry_id)
    assert entry.state == "已答复" and not entry.overdue
    with pytest.raises(VisitError, match="已于2026-11-20登记"):
        record_visit(engine, m, visit.id, VisitForm(visited_on=date(2026, 11, 20), performance="x"),
                     today=NOW.date())


def test_ledger_deadline_over_national_day(engine, users):
    """The 15 working days skip 国庆 2026 (Oct 1–7 off) and count the Saturday make-up day Oct 10
    (调休, chinese-calendar) — counted from a visit on 2026-09-28."""
    m = users["mediator"]
    built = build(engine, received=date(2026, 9, 1))
    accept_case(engine, m, built.case_id, on=date(2026, 9, 1), now=NOW)
    start_mediation(engine, m, built.case_id, on=date(2026, 9, 2), now=NOW)
    with unit_of_work(engine) as session:
        agreement = Agreement(case_id=built.case_id, kind="written")
        session.add(agreement)
        session.flush()
        for cp in built.cps.values():
            session.add(Signature(agreement_id=agreement.id, case_party_id=cp, signed_on=date(2026, 9, 21)))
        session.add(Signature(agreement_id=agreement.id, user_id=m.id, signed_on=date(2026, 9, 21)))
    record_agreement_reached(engine, m, built.case_id, now=NOW)
    visit = next(f for f in due_followups(engine, m, date(2026, 10, 30)) if f.case_id == built.case_id)
    result = record_visit(engine, m, visit.id, VisitForm(visited_on=date(2026, 9, 28), performance="已履行",
                                                         rating=1), today=NOW.date())
    assert result.ledger_due_on == _workdays_after(date(2026, 9, 28), 15) == date(2026, 10, 23)


def test_good_rating_opens_no_ledger_entry(engine, users):
    m = users["mediator"]
    built = agreed_case(engine, users)
    visit = next(f for f in due_followups(engine, m, date(2026, 11, 30)) if f.case_id == built.case_id)
    result = record_visit(engine, m, visit.id, VisitForm(visited_on=date(2026, 11, 20), performance="已履行首期",
                                                         rating=3), today=NOW.date())
    assert result.ledger_entry_id is None


def _pay_all(url: str, user, instalment_ids: list[int]) -> list[bool]:
    from core.database import open_database

    engine = open_database(url)
    try:
        return [record_payment(engine, user, i, "1000", paid_on=date(2026, 11, 18), today=NOW.date()).case_performed
                for i in instalment_ids]
    finally:
        engine.dispose()


def test_concurrent_last_payments_perform_the_case_once(db_url, engine, users):
    """Two PCs record the last two instalments at the same moment: the case lock serialises
    them, so the case becomes 履行完毕 exactly once and no payment is refused."""
    import multiprocessing

    dues = tuple((date(2026, 11, 20 + i % 5), "1000.00") for i in range(8))
    built = agreed_case(engine, users, instalments=dues)
    ids = [r.id for r in instalments_of(engine, users["mediator"], built.case_id, NOW.date())]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.starmap(_pay_all, [(db_url, users["mediator"], ids[0::2]), (db_url, users["mediator"], ids[1::2])])
    assert sum(flag for chunk in results for flag in chunk) == 1
    with read_only(engine) as session:
        assert session.get(Case, built.case_id).status == "performed"
        assert len(session.scalars(select(StatusChange).where(StatusChange.case_id == built.case_id,
                                                              StatusChange.to_status == "performed")).all()) == 1
