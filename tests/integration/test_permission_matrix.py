"""The role × use-case permission matrix (issue 7; domain.md §8: 个人信息保护法第五十一条, access by role).

``MATRIX`` below *is* the policy: every public use case of the core, with minimal valid
arguments, and which roles may run it. Letters:

    R  reception (queue, intake, booking, reads the case list)
    M  a mediator of the case's committee (medical, unless the row says otherwise)
    O  a mediator of another committee (labour)
    D  the director (reads everything, statistics, reports)
    A  the admin (users, settings, backups, privacy — not cases)

For every role a row does not allow, the call must raise ``PermissionDenied`` *and* write one
new "permission.denied" audit row (in a transaction of its own: the use case's rolled back).
For every role it allows, the call must not raise ``PermissionDenied`` (``tolerate`` lists
domain errors an allowed call may meet with the minimal data given: they come after the checks).

``test_every_public_use_case_is_in_the_matrix`` fails when a public function appears in a
use-case module without a row here or a place in the explicit allow-lists of pure helpers and
of session-level building blocks.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from core import (
    agreements,
    audit_view,
    auth,
    backup,
    booking,
    calendar_overrides,
    case_deadlines,
    cases,
    conflicts,
    dossier,
    expert_io,
    expert_suggestions,
    experts,
    followups,
    fulfilment,
    intake,
    lifecycle,
    privacy,
    queue,
    sessions,
    settings,
    settings_form,
    stats,
    users,
    visitors,
)
from core.auth import PermissionDenied
from core.documents import notice
from core.uow import read_only, unit_of_work
from db.models import (
    Agreement,
    AuditEntry,
    Case,
    CaseParty,
    FollowUp,
    Instalment,
    Party,
    QueueTicket,
    RatingLedgerEntry,
    Signature,
    StatusChange,
)
from tests.conftest import TEST_PASSWORD, make_user
from tests.factories import add_case_with_parties

ROLES = ("R", "M", "O", "D", "A")
NOW = datetime(2026, 11, 20, 16, 0)
TODAY = NOW.date()
MONDAY = date(2026, 11, 23)  # booking days: the week after NOW
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# ------------------------------------------------------------------------------ the world


@dataclass
class Built:
    case_id: int
    number: str
    cps: dict[str, int]  # name → case_party id
    party_ids: tuple[int, ...]

    @property
    def person(self) -> int:
        return self.cps["张三"]

    @property
    def org(self) -> int:
        return next(cp for name, cp in self.cps.items() if name != "张三")


@dataclass
class World:
    engine: object
    users: dict[str, auth.CurrentUser]
    expert_id: int
    lawyer_id: int
    tmp: str
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    _slots: itertools.count = field(default_factory=itertools.count)
    last_id: str = ""

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    def n(self) -> int:
        return next(self._counter)

    def case(self, committee: str = "medical", status: str = "registered", *,
             accepted_on: date | None = date(2026, 11, 3), concluded_on: date | None = None) -> Built:
        other = {"medical": ("衢江区人民医院", "organisation"), "labour": ("衢江建材有限公司", "organisation")}
        org_name, org_kind = other.get(committee, ("王五", "person"))
        added = add_case_with_parties(self.engine, (
            {"name": "张三", "phone": "13812345678"},
            {"name": org_name, "kind": org_kind},
        ), committee=committee, dispute_type={"medical": "13", "labour": "10"}.get(committee, "99"),
            received=date(2026, 11, 2), status=status)
        with unit_of_work(self.engine) as session:
            case = session.get(Case, added.case_id)
            case.medical_consent = "both_applied" if committee == "medical" else None
            if status != "registered":
                case.accepted_on = accepted_on
                case.mediator_id = self.users["M" if committee == "medical" else "O"].id
            if concluded_on:
                case.concluded_on = concluded_on
            cps = {name: cp for cp, name in session.execute(
                select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
                .where(CaseParty.case_id == added.case_id))}
        return Built(added.case_id, added.number, cps, added.party_ids)

    def id_number(self) -> str:
        """A fresh valid resident ID number (GB 11643: the check character computed)."""
        first17 = f"33080319850312{self.n():03d}"
        return first17 + _check(first17)

    def with_id(self, committee: str = "medical") -> Built:
        """A case whose applicant carries an ID number (``self.last_id``), for reveal and export."""
        self.last_id = self.id_number()
        added = add_case_with_parties(self.engine, (
            {"name": f"赵{self.n()}", "id_number": self.last_id, "phone": "13900001111"},
        ), committee=committee, dispute_type="13" if committee == "medical" else "10")
        return Built(added.case_id, added.number, {}, added.party_ids)

    def agreed(self, committee: str = "medical") -> tuple[Built, list[int]]:
        """An agreed case with two unpaid instalments and its follow-ups scheduled."""
        built = self.case(committee, "mediating")
        mediator = self.users["M" if committee == "medical" else "O"]
        with unit_of_work(self.engine) as session:
            agreement = Agreement(case_id=built.case_id, kind="written", amount=Decimal("30000.00"),
                                  last_due_on=date(2026, 12, 20), formed_on=date(2026, 11, 12))
            session.add(agreement)
            session.flush()
            for cp in built.cps.values():
                session.add(Signature(agreement_id=agreement.id, case_party_id=cp, signed_on=date(2026, 11, 12)))
            session.add(Signature(agreement_id=agreement.id, user_id=mediator.id, signed_on=date(2026, 11, 12)))
            ids = []
            for due in (date(2026, 11, 20), date(2026, 12, 20)):
                inst = Instalment(agreement_id=agreement.id, due_on=due, amount=Decimal("15000.00"),
                                  payer_id=built.org, payee_id=built.person)
                session.add(inst)
                session.flush()
                ids.append(inst.id)
        lifecycle.record_agreement_reached(self.engine, mediator, built.case_id, on=date(2026, 11, 12), now=NOW)
        return built, ids

    def followup(self) -> int:
        built, _ids = self.agreed()
        with read_only(self.engine) as session:
            return session.scalar(select(FollowUp.id).where(FollowUp.case_id == built.case_id).limit(1))

    def ledger_entry(self) -> int:
        followup_id = self.followup()
        followups.record_visit(self.engine, self.users["M"], followup_id, followups.VisitForm(
            visited_on=TODAY, performance="首期款已付", rating=2, action_taken="已约见医院负责人"), today=TODAY)
        with read_only(self.engine) as session:
            return session.scalar(select(RatingLedgerEntry.id).where(RatingLedgerEntry.followup_id == followup_id))

    def session_form(self, built: Built, **kw) -> sessions.SessionForm:
        base = dict(started_at=datetime(2026, 11, 10, 9, 30), ended_at=datetime(2026, 11, 10, 11, 0),
                    place="医患纠纷调解室", matter="术后感染赔偿纠纷", participants="",
                    parties_present=tuple(built.cps.values()), public=False,
                    statements=((built.person, "要求赔偿医疗费"),), verified_facts="双方对手术经过无异议",
                    risk_notice="已告知调解不成可另行起诉", outcome="双方意见差距缩小", next_steps="择日继续调解",
                    recorder_id=self.users["M"].id)
        base.update(kw)
        return sessions.SessionForm(**base)

    def recorded_session(self) -> int:
        built = self.case("medical", "mediating")
        return sessions.record_session(self.engine, self.users["M"], built.case_id, self.session_form(built),
                                       now=NOW).id

    def attachment(self) -> int:
        built = self.case("medical", "mediating")
        return sessions.add_attachment(self.engine, self.users["M"], built.case_id, f"证据{self.n()}.png",
                                       PNG + bytes([self.n() % 256]) * 8).id

    def agreement_form(self, built: Built, kind: str = "written") -> agreements.AgreementForm:
        return agreements.AgreementForm(
            kind=kind, facts="张三术后切口感染", matters="医疗损害赔偿", terms=("医院赔偿张三人民币30000元",),
            performance="一次性支付", amount=Decimal("30000.00"), formed_on=date(2026, 11, 16),
            instalments=(agreements.InstalmentLine(date(2026, 11, 30), Decimal("30000.00"), built.org,
                                                   built.person),))

    def saved_agreement(self) -> int:
        built = self.case("medical", "mediating")
        return agreements.save_agreement(self.engine, self.users["M"], built.case_id,
                                         self.agreement_form(built)).id

    def request(self, built: Built) -> booking.BookingRequest:
        """A session in a slot of its own (the same mediator is in every one)."""
        slot = next(self._slots)
        day = MONDAY + timedelta(days=(slot // 4) % 5 + 7 * (slot // 20))
        start = datetime.combine(day, (time(8, 30), time(10), time(14), time(15, 30))[slot % 4])
        return booking.BookingRequest(case_id=built.case_id, starts_at=start, minutes=60, room_id=3 + slot % 4,
                                      mediator_ids=(self.users["M"].id,), invited_party_ids=(built.person,),
                                      purpose="第1次调解")

    def appointment(self) -> booking.AppointmentRow:
        built = self.case("medical", "accepted")
        return booking.book(self.engine, self.users["R"], self.request(built), now=NOW)

    def ticket(self, status: str = "waiting") -> int:
        row = queue.take_ticket(self.engine, self.users["R"], "medical", now=NOW)
        if status != "waiting":
            with unit_of_work(self.engine) as session:
                t = session.get(QueueTicket, row.id)
                t.status, t.called_at, t.call_count, t.window = status, NOW, 1, "1号窗口"
        return row.id

    def recusal(self) -> int:
        built = self.case("medical", "accepted")
        return conflicts.record_recusal(self.engine, self.users["M"], built.case_id, case_party_id=built.person,
                                        expert_id=self.expert_id, reason="当事人认为专家与医院有利害关系",
                                        requested_on=TODAY)

    def archived_long_ago(self) -> int:
        built = self.case("medical", "archived", concluded_on=date(2019, 5, 6))
        with unit_of_work(self.engine) as session:
            session.add(StatusChange(case_id=built.case_id, from_status="failed", to_status="archived",
                                     at=datetime(2019, 6, 1, 10, 0), reason="归档"))
        return built.case_id

    def new_username(self) -> str:
        return f"u{self.n()}x{os.getpid() % 1000}"


def _check(first17: str) -> str:
    from core.identifiers import id_check_char

    return id_check_char(first17)


# ------------------------------------------------------------------------------ the matrix


@dataclass(frozen=True)
class Row:
    name: str  # module.function, as core.auth.use_case names it
    allowed: str  # the roles that may, e.g. "M D"
    call: Callable[[World, auth.CurrentUser], object]
    tolerate: tuple[type[BaseException], ...] = ()  # domain errors an allowed call may meet
    audited: bool = True  # False: the module does not audit its refusals yet (see NOT_YET_AUDITED)

    def allows(self, role: str) -> bool:
        return role in self.allowed.split()


ALL = "R M O D A"
CASE_READERS = "R M O D"  # cases.read, not scoped to one case
TransitionError = lifecycle.TransitionError

MATRIX: tuple[Row, ...] = (
    # -- auth: every signed-in user, for themselves ------------------------------------------------
    Row("auth.login", ALL, lambda w, u: auth.login(w.engine, u.username, TEST_PASSWORD)),
    Row("auth.change_password", ALL, lambda w, u: (
        auth.change_password(w.engine, u, TEST_PASSWORD, "new2pass9"),
        auth.change_password(w.engine, u, "new2pass9", TEST_PASSWORD))),

    # -- queue: reception; reads without personal data are open (the public call display) --------
    Row("queue.take_ticket", "R", lambda w, u: queue.take_ticket(w.engine, u, "medical", now=NOW)),
    Row("queue.call_next", "R", lambda w, u: (w.ticket(), queue.call_next(w.engine, u, "medical", "1号窗口", now=NOW))),
    Row("queue.recall", "R", lambda w, u: queue.recall(w.engine, u, w.ticket("called"), now=NOW)),
    Row("queue.skip", "R", lambda w, u: queue.skip(w.engine, u, w.ticket("called"), now=NOW)),
    Row("queue.start_service", "R", lambda w, u: queue.start_service(w.engine, u, w.ticket(), window="2号窗口",
                                                                     now=NOW)),
    Row("queue.finish", "R", lambda w, u: queue.finish(w.engine, u, w.ticket("called"), now=NOW)),
    Row("queue.transfer", "R", lambda w, u: queue.transfer(w.engine, u, w.ticket(), "traffic", now=NOW)),
    Row("queue.waiting_stats", "D", lambda w, u: queue.waiting_stats(w.engine, TODAY, TODAY, user=u)),
    Row("queue.ticket_row", ALL, lambda w, u: queue.ticket_row(w.engine, w.ticket(), now=NOW)),
    Row("queue.waiting_list", ALL, lambda w, u: queue.waiting_list(w.engine, TODAY, now=NOW)),
    Row("queue.waiting_counts", ALL, lambda w, u: queue.waiting_counts(w.engine, TODAY)),
    Row("queue.recent_calls", ALL, lambda w, u: queue.recent_calls(w.engine, TODAY, now=NOW)),
    Row("queue.services", ALL, lambda w, u: queue.services(w.engine)),
    Row("queue.ticket_data", ALL, lambda w, u: queue.ticket_data(w.engine, w.ticket(), now=NOW)),

    # -- intake: reception registers; the forms print for reception and the case's committee --------
    Row("intake.register_case", "R", lambda w, u: intake.register_case(w.engine, u, intake.IntakeForm(
        parties=(intake.PartyForm(name="孙六", id_number=w.id_number(), phone="13811112222", address="衢江区樟潭街道"),
                 intake.PartyForm(kind="organisation", role="respondent", name="衢江区人民医院", org_kind="hospital")),
        committee="medical", suggested_committee="medical", dispute_type="13",
        requests=("赔偿医疗费",), medical_consent="both_applied", received_at="2026-11-20 09:30",
        summary="阑尾炎手术后切口感染，家属认为医院有过错，要求赔偿。"), now=NOW)),
    Row("intake.reroute_case", "R M", lambda w, u: intake.reroute_case(
        w.engine, u, w.case().case_id, "traffic", "实为交通事故", now=NOW)),
    Row("intake.create_referral", "R", lambda w, u: intake.create_referral(
        w.engine, u, visitor_name="周七", summary="宅基地使用权争议", reason="土地管理法第十四条", refer_to="乡镇人民政府",
        now=NOW)),
    Row("intake.intake_document", "R M D", lambda w, u: intake.intake_document(w.engine, u, w.case().case_id)),
    Row("visitors.lookup_parties", "R", lambda w, u: visitors.lookup_parties(w.engine, u, name="张三")),
    Row("visitors.duplicate_hints", "R", lambda w, u: visitors.duplicate_hints(
        w.engine, u, party_keys=list(w.case().party_ids), dispute_type="13", committee_code="medical", today=TODAY)),

    # -- the case list: everyone who reads cases (scoped and redacted in core.cases.scoped) ---------
    Row("cases.list_cases", CASE_READERS, lambda w, u: cases.list_cases(w.engine, u)),
    Row("cases.case_count", CASE_READERS, lambda w, u: cases.case_count(w.engine, u)),
    Row("lifecycle.most_recent_case", CASE_READERS, lambda w, u: lifecycle.most_recent_case(w.engine, u)),
    Row("lifecycle.find_case", CASE_READERS, lambda w, u: lifecycle.find_case(w.engine, u, "张三")),
    Row("conflicts.find_case", CASE_READERS, lambda w, u: conflicts.find_case(w.engine, u, w.case().number)),
    Row("case_deadlines.open_case_rows", CASE_READERS, lambda w, u: case_deadlines.open_case_rows(
        w.engine, u, TODAY, only_mine=False)),
    Row("case_deadlines.deadline_lists", CASE_READERS, lambda w, u: case_deadlines.deadline_lists(w.engine, u, TODAY)),

    # -- a medical case's details: its committee and the director (个人信息保护法第二十八条) --------
    Row("privacy.open_case_record", "M D", lambda w, u: privacy.open_case_record(w.engine, u, w.case().case_id)),
    Row("lifecycle.case_overview", "M D", lambda w, u: lifecycle.case_overview(w.engine, u, w.case().case_id)),
    Row("lifecycle.agreement_summary", "M D", lambda w, u: lifecycle.agreement_summary(
        w.engine, u, w.case("medical", "mediating").case_id)),
    Row("sessions.list_sessions", "M D", lambda w, u: sessions.list_sessions(w.engine, u, w.case().case_id)),
    Row("sessions.get_session", "M D", lambda w, u: sessions.get_session(w.engine, u, w.recorded_session())),
    Row("sessions.list_attachments", "M D", lambda w, u: sessions.list_attachments(w.engine, u, w.case().case_id)),
    Row("sessions.get_attachment", "M D", lambda w, u: sessions.get_attachment(w.engine, u, w.attachment())),
    Row("agreements.load_agreement_data", "M D", lambda w, u: agreements.load_agreement_data(
        w.engine, u, w.case("medical", "mediating").case_id)),
    Row("fulfilment.instalments_of", "M D", lambda w, u: fulfilment.instalments_of(w.engine, u, w.case().case_id)),
    Row("followups.followups_of_case", "M D", lambda w, u: followups.followups_of_case(
        w.engine, u, w.case().case_id, TODAY)),
    Row("case_deadlines.deadline_info", "M D", lambda w, u: case_deadlines.deadline_info(
        w.engine, u, w.case("medical", "accepted").case_id, TODAY)),
    Row("case_deadlines.police_mediation_deadline", "M D", lambda w, u: case_deadlines.police_mediation_deadline(
        w.engine, u, w.case().case_id)),
    Row("privacy.reveal_id_number", "M D", lambda w, u: privacy.reveal_id_number(
        w.engine, u, w.with_id("medical").party_ids[0])),
    Row("dossier.available_kinds", "M D", lambda w, u: dossier.available_kinds(w.engine, u, w.case().case_id,
                                                                              today=TODAY)),
    Row("dossier.build_document", "M D", lambda w, u: dossier.build_document(
        w.engine, "registration", w.case().case_id, user=u, today=TODAY)),
    Row("dossier.build_dossier", "M D", lambda w, u: dossier.build_dossier(w.engine, w.case().case_id, user=u,
                                                                           today=TODAY)),
    Row("dossier.save_documents_with_case", "M D", lambda w, u: dossier.save_documents_with_case(
        w.engine, u, w.case().case_id, "registration", b"%PDF-1.4 " + bytes([w.n() % 256]) * 4, now=NOW)),
    # … while a labour case's details are open to reception too (and to its own committee's mediator).
    Row("lifecycle.case_overview[labour]", "R O D", lambda w, u: lifecycle.case_overview(
        w.engine, u, w.case("labour").case_id)),
    Row("privacy.open_case_record[labour]", "R O D", lambda w, u: privacy.open_case_record(
        w.engine, u, w.case("labour").case_id)),
    Row("privacy.reveal_id_number[labour]", "R O D", lambda w, u: privacy.reveal_id_number(
        w.engine, u, w.with_id("labour").party_ids[0])),
    Row("dossier.build_document[labour]", "R O D", lambda w, u: dossier.build_document(
        w.engine, "registration", w.case("labour").case_id, user=u, today=TODAY)),

    # -- mediating: the case's committee only -------------------------------------------------------
    Row("lifecycle.record_party_consent", "M", lambda w, u: (lambda b: lifecycle.record_party_consent(
        w.engine, u, b.case_id, b.person, "public", given_on=TODAY, today=TODAY))(w.case("medical", "accepted"))),
    Row("lifecycle.accept_case", "M", lambda w, u: lifecycle.accept_case(
        w.engine, u, w.case().case_id, on=TODAY, now=NOW)),
    Row("lifecycle.start_mediation", "M", lambda w, u: lifecycle.start_mediation(
        w.engine, u, w.case("medical", "accepted").case_id, on=TODAY, now=NOW)),
    Row("lifecycle.record_agreement_reached", "M", lambda w, u: lifecycle.record_agreement_reached(
        w.engine, u, w.case("medical", "mediating").case_id, now=NOW), tolerate=(TransitionError,)),
    Row("lifecycle.fail_mediation", "M", lambda w, u: lifecycle.fail_mediation(
        w.engine, u, w.case("medical", "mediating").case_id, "双方分歧过大", on=TODAY, now=NOW)),
    Row("lifecycle.terminate_mediation", "M", lambda w, u: lifecycle.terminate_mediation(
        w.engine, u, w.case("medical", "mediating").case_id, "申请人要求终止", on=TODAY, now=NOW)),
    Row("lifecycle.withdraw_case", "M", lambda w, u: lifecycle.withdraw_case(
        w.engine, u, w.case().case_id, on=TODAY, now=NOW)),
    Row("lifecycle.refuse_mediation", "M", lambda w, u: (lambda b: lifecycle.refuse_mediation(
        w.engine, u, b.case_id, case_party_id=b.org, on=TODAY, now=NOW))(w.case())),
    Row("lifecycle.mark_performed", "M", lambda w, u: lifecycle.mark_performed(
        w.engine, u, w.agreed()[0].case_id, on=TODAY, now=NOW), tolerate=(TransitionError,)),
    Row("lifecycle.archive_case", "M", lambda w, u: lifecycle.archive_case(
        w.engine, u, w.case("medical", "failed", concluded_on=date(2026, 11, 10)).case_id, on=TODAY, now=NOW)),
    Row("sessions.record_session", "M", lambda w, u: (lambda b: sessions.record_session(
        w.engine, u, b.case_id, w.session_form(b), now=NOW))(w.case("medical", "mediating"))),
    Row("sessions.update_session", "M", lambda w, u: (lambda sid: sessions.update_session(
        w.engine, u, sid, sessions.get_session(w.engine, w.users["M"], sid).form(), now=NOW))(w.recorded_session())),
    Row("sessions.add_attachment", "R M", lambda w, u: sessions.add_attachment(
        w.engine, u, w.case().case_id, "身份证.png", PNG, kind="id_proof")),
    Row("agreements.save_agreement", "M", lambda w, u: (lambda b: agreements.save_agreement(
        w.engine, u, b.case_id, w.agreement_form(b)))(w.case("medical", "mediating"))),
    Row("agreements.record_signatures", "M", lambda w, u: agreements.record_signatures(
        w.engine, u, w.saved_agreement(), [], True, date(2026, 11, 16), today=TODAY)),
    Row("agreements.record_oral_agreement", "M", lambda w, u: (lambda b: agreements.record_oral_agreement(
        w.engine, u, b.case_id, w.agreement_form(b, "oral"), reached_on=date(2026, 11, 16), now=NOW))(
        w.case("medical", "mediating"))),
    Row("fulfilment.record_payment", "M", lambda w, u: fulfilment.record_payment(
        w.engine, u, w.agreed()[1][0], "15000.00", TODAY, today=TODAY, now=NOW)),
    Row("followups.schedule_followup", "M", lambda w, u: followups.schedule_followup(
        w.engine, u, w.agreed()[0].case_id, TODAY + timedelta(days=30))),
    Row("followups.record_visit", "M", lambda w, u: followups.record_visit(
        w.engine, u, w.followup(), followups.VisitForm(visited_on=TODAY, performance="已按期履行", rating=5),
        today=TODAY)),
    Row("followups.answer_ledger_entry", "M", lambda w, u: followups.answer_ledger_entry(
        w.engine, u, w.ledger_entry(), "已向当事人说明并督促医院付款", answered_on=TODAY, today=TODAY)),
    Row("case_deadlines.pause_deadline", "M", lambda w, u: case_deadlines.pause_deadline(
        w.engine, u, w.case("medical", "mediating").case_id, date(2026, 11, 10), today=TODAY)),
    Row("case_deadlines.resume_deadline", "M", lambda w, u: case_deadlines.resume_deadline(
        w.engine, u, w.case("medical", "mediating").case_id, date(2026, 11, 12), today=TODAY),
        tolerate=(ValueError,)),
    Row("case_deadlines.extend_deadline", "M", lambda w, u: case_deadlines.extend_deadline(
        w.engine, u, w.case("medical", "mediating").case_id, 10, consented_on=TODAY, today=TODAY),
        tolerate=(ValueError,)),
    Row("case_deadlines.expire_medical_cases", "M O", lambda w, u: case_deadlines.expire_medical_cases(
        w.engine, u, TODAY, now=NOW)),
    Row("conflicts.override_conflict", "M", lambda w, u: conflicts.override_conflict(
        w.engine, u, w.case("medical", "accepted").case_id, expert_id=w.expert_id, reason="当事人均同意其参与"),
        tolerate=(ValueError,)),
    Row("conflicts.record_consent", "R M", lambda w, u: (lambda b: conflicts.record_consent(
        w.engine, u, b.case_id, b.person, w.expert_id, given_on=TODAY))(w.case("medical", "accepted"))),
    Row("conflicts.record_mediator_choice", "R M", lambda w, u: (lambda b: conflicts.record_mediator_choice(
        w.engine, u, b.case_id, b.person, w.users["M"].id, given_on=TODAY, now=NOW))(w.case("medical", "accepted"))),
    Row("conflicts.record_recusal", "R M", lambda w, u: (lambda b: conflicts.record_recusal(
        w.engine, u, b.case_id, case_party_id=b.person, user_id=w.users["M"].id, reason="认为调解员与对方相识",
        requested_on=TODAY))(w.case("medical", "accepted"))),
    Row("conflicts.decide_recusal", "M", lambda w, u: conflicts.decide_recusal(
        w.engine, u, w.recusal(), granted=True, decided_on=TODAY)),
    Row("conflicts.case_safeguards", "R M D", lambda w, u: conflicts.case_safeguards(w.engine, u, w.case().case_id)),
    Row("expert_suggestions.suggestions_for_case", "R M D A", lambda w, u: expert_suggestions.suggestions_for_case(
        w.engine, u, w.case().case_id, today=TODAY)),

    # -- lists of the mediators' work: scoped to their committees in the query --------------------
    Row("fulfilment.outstanding_instalments", "M O D", lambda w, u: fulfilment.outstanding_instalments(
        w.engine, u, TODAY)),
    Row("fulfilment.overdue_instalments", "M O D", lambda w, u: fulfilment.overdue_instalments(w.engine, u, TODAY)),
    Row("followups.due_followups", "M O D", lambda w, u: followups.due_followups(w.engine, u, TODAY)),
    Row("followups.ledger", "M O D", lambda w, u: followups.ledger(w.engine, u, TODAY)),

    # -- booking: reception and the case's committee; the calendars for every case reader ---------
    Row("booking.assess", "R M", lambda w, u: booking.assess(
        w.engine, u, w.request(w.case("medical", "accepted")), now=NOW)),
    Row("booking.book", "R M", lambda w, u: booking.book(
        w.engine, u, w.request(w.case("medical", "accepted")), now=NOW)),
    Row("booking.reschedule", "R M", lambda w, u: (lambda a: booking.reschedule(
        w.engine, u, a.id, a.starts_at + timedelta(days=21), 60, "当事人出差", now=NOW))(w.appointment())),
    Row("booking.cancel", "R M", lambda w, u: booking.cancel(w.engine, u, w.appointment().id, "当事人已和解")),
    Row("booking.mark_attendance", "R M", lambda w, u: (lambda a: booking.mark_attendance(
        w.engine, u, a.parties[0].invitation_id, "present", now=a.starts_at + timedelta(hours=1)))(w.appointment())),
    Row("booking.case_options", "R M", lambda w, u: booking.case_options(w.engine, w.case().case_id, user=u)),
    Row("booking.day_view", CASE_READERS, lambda w, u: booking.day_view(w.engine, MONDAY, user=u)),
    Row("booking.week_view", CASE_READERS, lambda w, u: booking.week_view(w.engine, MONDAY, user=u)),
    Row("booking.today_list", CASE_READERS, lambda w, u: booking.today_list(w.engine, MONDAY, user=u)),
    Row("booking.appointment", CASE_READERS, lambda w, u: booking.appointment(w.engine, 1, user=u)),
    Row("booking.search_experts", ALL, lambda w, u: booking.search_experts(w.engine, "姜", user=u)),
    Row("booking.booking_rules", ALL, lambda w, u: booking.booking_rules(w.engine)),
    Row("booking.list_rooms", ALL, lambda w, u: booking.list_rooms(w.engine)),
    Row("booking.calendar_resources", ALL, lambda w, u: booking.calendar_resources(w.engine, "person")),
    Row("documents.notice.build_notices", "R M D", lambda w, u: notice.build_notices(
        w.engine, u, w.appointment().id, issued_on=TODAY)),
    Row("sessions.staff_choices", ALL, lambda w, u: sessions.staff_choices(w.engine, "medical")),
    Row("sessions.attachment_limit", ALL, lambda w, u: sessions.attachment_limit(w.engine)),

    # -- experts: everyone reads the pool; the admin keeps it --------------------------------------
    Row("experts.list_experts", ALL, lambda w, u: experts.list_experts(w.engine, u)),
    Row("experts.search_experts", ALL, lambda w, u: experts.search_experts(w.engine, u, "姜")),
    Row("experts.get_expert", ALL, lambda w, u: experts.get_expert(w.engine, u, w.expert_id)),
    Row("experts.first_expert_id", ALL, lambda w, u: experts.first_expert_id(w.engine, u)),
    Row("experts.list_relations", ALL, lambda w, u: experts.list_relations(w.engine, u, user_id=w.users["M"].id)),
    Row("experts.duty_roster", ALL, lambda w, u: experts.duty_roster(w.engine, u)),
    Row("experts.mediators_by_committee", ALL, lambda w, u: experts.mediators_by_committee(w.engine, u, today=TODAY)),
    Row("expert_io.export_experts", ALL, lambda w, u: expert_io.export_experts(w.engine, u)),
    Row("experts.save_expert", "A", lambda w, u: experts.save_expert(
        w.engine, u, experts.ExpertForm(name=f"吴{w.n()}", agency="衢江区人民法院"))),
    Row("experts.set_duties", "A", lambda w, u: experts.set_duties(
        w.engine, u, w.lawyer_id, (experts.DutyRow(0, time(9), time(11, 30)),))),
    Row("experts.save_user_relations", "A", lambda w, u: experts.save_user_relations(
        w.engine, u, w.users["M"].id, (experts.RelationRow("李某", "配偶"),))),
    Row("expert_io.import_experts", "A", lambda w, u: expert_io.import_experts(
        w.engine, u, expert_io.export_experts(w.engine, w.users["A"]))),

    # -- statistics and reports: the director (core/stats.py: refusals not audited yet) ------------
    Row("stats.compute_stats", "D", lambda w, u: stats.compute_stats(w.engine, TODAY.replace(day=1), TODAY, user=u),
        audited=False),
    Row("stats.core_table", "D", lambda w, u: stats.core_table(w.engine, TODAY.replace(day=1), TODAY, user=u),
        audited=False),
    Row("stats.monthly_report_data", "D", lambda w, u: stats.monthly_report_data(w.engine, 2026, 11, user=u,
                                                                                 trend=False), audited=False),
    Row("stats.count_behind", "D", lambda w, u: stats.count_behind(w.engine, "2026-11", "received", user=u),
        audited=False),
    Row("stats.cases_behind", "D", lambda w, u: stats.cases_behind(w.engine, "2026-11", "received", user=u),
        audited=False),
    Row("stats.mediator_table", "D", lambda w, u: stats.mediator_table(w.engine, 2026, 11, user=u), audited=False),

    # -- the admin: users, settings, backups, privacy; the audit log also for the director ---------
    Row("users.list_users", "A", lambda w, u: users.list_users(w.engine, u)),
    Row("users.add_user", "A", lambda w, u: users.add_user(w.engine, u, users.UserForm(
        w.new_username(), "新同事", "reception", password="abc12345"))),
    Row("users.update_user", "A", lambda w, u: users.update_user(w.engine, u, w.users["R"].id, users.UserForm(
        w.users["R"].username, "王前台", "reception"))),
    Row("users.reset_password", "A", lambda w, u: users.reset_password(
        w.engine, u, make_user(w.engine, "reception").id, "temp1234x")),
    Row("users.set_active", "A", lambda w, u: users.set_active(w.engine, u, make_user(w.engine, "reception").id,
                                                               False)),
    Row("settings.read_settings", ALL, lambda w, u: settings.read_settings(w.engine, u)),
    Row("settings_form.load_settings_form", "A", lambda w, u: settings_form.load_settings_form(w.engine, u)),
    Row("settings_form.save_settings", "A", lambda w, u: settings_form.save_settings(
        w.engine, u, {"anonymise_after_years": "6"})),
    Row("calendar_overrides.list_overrides", ALL, lambda w, u: calendar_overrides.list_overrides(w.engine)),
    Row("calendar_overrides.year_calendar", ALL, lambda w, u: calendar_overrides.year_calendar(w.engine, 2026)),
    Row("calendar_overrides.set_override", "A", lambda w, u: calendar_overrides.set_override(
        w.engine, u, date(2027, 2, 6), True, "春节调休上班")),
    Row("calendar_overrides.remove_override", "A", lambda w, u: calendar_overrides.remove_override(
        w.engine, u, date(2027, 2, 6))),
    Row("audit_view.search_audit", "D A", lambda w, u: audit_view.search_audit(w.engine, u, limit=5)),
    Row("audit_view.count_audit", "D A", lambda w, u: audit_view.count_audit(w.engine, u, audit_view.AuditFilter())),
    Row("audit_view.audit_usernames", "D A", lambda w, u: audit_view.audit_usernames(w.engine, u)),
    Row("backup.backup", "A", lambda w, u: backup.backup(w.url, _tmp(w, "b.zip"), user=u),
        tolerate=(backup.BackupError,)),
    Row("backup.daily_backup", "A", lambda w, u: backup.daily_backup(w.url, _tmp(w, "daily"), user=u),
        tolerate=(backup.BackupError,)),
    # confirm=False: the allowed call stops at "须确认" instead of replacing the database.
    Row("backup.restore", "A", lambda w, u: backup.restore(w.url, _tmp(w, "none.zip"), confirm=False, user=u),
        tolerate=(backup.BackupError,)),
    Row("privacy.anonymisable_cases", "A", lambda w, u: privacy.anonymisable_cases(w.engine, u, today=TODAY)),
    Row("privacy.anonymise_cases", "A", lambda w, u: privacy.anonymise_cases(
        w.engine, u, [w.archived_long_ago()], today=TODAY)),
    Row("privacy.export_person", "A", lambda w, u: (w.with_id(), privacy.export_person(w.engine, u, id_number=w.last_id))),
)

#: Use cases whose module does not yet audit refusals (core/stats.py belongs to another change:
#: its functions check ``statistics`` only when ``user`` is given and are not ``@use_case``).
NOT_YET_AUDITED = frozenset(r.name for r in MATRIX if not r.audited)


def _tmp(w: World, name: str) -> str:
    return os.path.join(w.tmp, f"{w.n()}-{name}")


# ------------------------------------------------------------------------------ what is not a use case


def _words(text: str) -> list[str]:
    return text.split()


#: No database: validators, parsers, formatters, document builders fed with data read by a use case.
PURE_HELPERS = frozenset(_words("""
    auth.can auth.require passwords.hash_password passwords.verify_password auth.current_user_of auth.validate_new_password
    auth.sees_medical_details auth.case_scope_refusal auth.use_case
    intake.parse_amount intake.parse_date intake.parse_datetime intake.normalise_form intake.is_medical
    intake.validate_intake intake.party_kinds_for_routing intake.routing_text
    booking.day_label booking.time_range booking.parse_working_hours booking.rest_phrase booking.week_start
    lifecycle.check_transition lifecycle.operations_from
    sessions.size_text sessions.sniff_media_type sessions.check_attachment
    agreements.parse_yuan agreements.validate_agreement agreements.agreement_form
    agreement_facts.amount_in_words agreement_facts.parse_ratio
    fulfilment.parse_money followups.rating_label followups.rating_group followups.validate_visit
    dossier.build_from_sources dossier.dossier_plan
    experts.split_list experts.validate_duties experts.validate_relation experts.validate_expert_form
    experts.normalized_phone experts.build_index experts.on_duty
    expert_io.read_workbook expert_io.workbook_bytes
    expert_suggestions.week_of expert_suggestions.specialty_matches
    conflicts.clean_name conflicts.org_key conflicts.org_aliases conflicts.branch_parent conflicts.same_organisation
    stats.parse_month stats.month_range stats.previous_period stats.same_period_last_year stats.to_json
    stats.drill_figure stats.wan stats.fmt stats.change stats.fmt_change stats.headline_sentence stats.mediator_rows
    stats_xlsx.build_workbook stats_xlsx.write_workbook
    backup.verify backup.find_pg_tool backup.describe_counts
    settings_form.validate_settings
    users.validate_user_form audit_view.pretty_json calendar_overrides.validate_override
    visitors.name_initials visitors.summary_similarity
    case_deadlines.deadline_kind case_deadlines.left_text case_deadlines.limit_text case_deadlines.due_text case_deadlines.expiry_reason
    case_numbers.format_case_number case_numbers.validate_format
    documents.notice.what_to_bring documents.notice.render_notices
    documents.intake_docs.registration_form documents.intake_docs.rights_notice documents.intake_docs.referral_slip
    documents.intake_docs.write_case_documents
    privacy.party_label privacy.export_summary
"""))

#: Building blocks that take an open session (or ``session_or_engine``) and run inside a use
#: case's unit of work, after its checks — or for trusted system callers (seeding, the command
#: line). Never called by a screen directly: each has a checked use case in the matrix.
SESSION_BLOCKS = {
    "auth.create_user": "users.add_user (ensure_admin, tests: actor None)",
    "auth.ensure_admin": "database start-up",
    "booking.load_rules": "booking.booking_rules",
    "booking.check_booking": "booking.assess / book",
    "booking.free_slots": "booking.assess / book",
    "booking.validate_request": "booking.assess",
    "lifecycle.committee_code": "every lifecycle use case",
    "lifecycle.load_case": "the scope check itself",
    "lifecycle.apply_transition": "lifecycle transitions",
    "lifecycle.conclude_in": "fail/terminate/withdraw, expire_medical_cases",
    "lifecycle.consenting_parties": "accept_case, extend_deadline",
    "lifecycle.principals": "accept_case, refuse_mediation",
    "lifecycle.signature_state": "agreement_summary, record_signatures",
    "lifecycle.unpaid_instalments": "mark_performed",
    "lifecycle.mark_performed_in": "mark_performed, record_payment",
    "sessions.validate_session": "record_session, update_session",
    "sessions.attachment_limit_bytes": "add_attachment",
    "agreements.case_parties": "save_agreement, load_agreement_data",
    "agreements.case_mediators": "load_agreement_data",
    "agreements.agreement_data": "load_agreement_data, dossier",
    "agreement_reader.case_id_by_number": "documents.agreement_print",
    "agreement_reader.read_setting": "agreement_reader.read_agreement",
    "agreement_reader.read_case_parties": "agreements.case_parties, read_agreement",
    "agreement_reader.read_case_mediators": "agreements.case_mediators, read_agreement",
    "agreement_reader.read_signature_state": "lifecycle.signature_state, read_agreement",
    "agreement_reader.read_agreement": "agreements.agreement_data",
    # Like build_document without a user: the local command line, on a read-only connection.
    "documents.agreement_print.agreement_pdf_from_file": "tiaojie print agreement",
    # Before anyone is logged in, to check the password typed into the login dialog ahead of
    # auth.login (which still decides, counts and audits): read-only, the hash only.
    "passwords.stored_password_hash": "passwords.check_ahead",
    "passwords.check_ahead": "the login dialog, then auth.login",
    "followups.schedule_after_agreement": "record_agreement_reached",
    "followups.agent_phones": "due_followups, instalment lists",
    "dossier.find_case_id": "build_document",
    "dossier.read_sources": "build_document, available_kinds",
    "experts.fetch_experts": "list_experts",
    "experts.find_same_person": "save_expert, import_experts",
    "experts.apply_form": "save_expert, import_experts",
    "expert_suggestions.workload": "suggestions_for_case",
    "expert_suggestions.suggest_people": "suggestions_for_case",
    "conflicts.check_conflicts": "booking, record_mediator_choice",
    "conflicts.conflicts_for": "suggestions_for_case",
    "conflicts.uncovered": "booking, record_mediator_choice",
    "queue.missed_after_calls": "call_next, skip",
    "settings.get_settings": "read_settings and every document",
    "settings.get_setting": "read_settings and the use cases",
    "calendar_overrides.load_override_rows": "list_overrides",
    "calendar_overrides.load_calendar": "deadlines, booking",
    "visitors.find_matching_parties": "visitors.lookup_parties",
    "visitors.possible_duplicates": "visitors.duplicate_hints",
    "visitors.open_cases_of": "lookup_parties",
    "visitors.refresh_name_initials": "register_case",
    "visitors.resolve_party_keys": "duplicate_hints",
    "case_deadlines.case_deadline": "deadline_info, open_case_rows",
    "case_deadlines.police_window": "police_mediation_deadline",
    "case_deadlines.warn_days_setting": "deadline_lists",
    "cases.count_cases": "cases.case_count (scoped)",
    "cases.fetch_cases": "cases.list_cases (scoped); the local command line",
    "cases.scoped": "the role filter of list_cases / case_count",
    "case_numbers.next_sequence": "register_case",
    "case_numbers.allocate_case_number": "register_case",
    "documents.notice.notice_data": "build_notices, dossier",
    "documents.case_data.case_info": "dossier.read_sources",
    "documents.case_data.intake_data": "dossier.read_sources",
    "documents.case_data.is_investigation": "dossier.read_sources",
    "documents.case_data.session_record_data": "dossier.read_sources",
    "documents.case_data.investigation_data": "dossier.read_sources",
    "documents.case_data.termination_data": "dossier.read_sources",
    "documents.case_data.default_court": "dossier.read_sources",
    "documents.case_data.certificate_data": "dossier.read_sources",
    "documents.case_data.judicial_data": "dossier.read_sources",
    "documents.case_data.followup_data": "dossier.read_sources",
    "documents.case_data.cover_data": "dossier.read_sources",
    "documents.case_data.attachments_data": "dossier.read_sources",
    "privacy.note_medical_view": "get_session, build_document, open_case_record",
    "privacy.years_setting": "anonymisable_cases",
}

USE_CASE_MODULES = (
    "core.auth", "core.intake", "core.queue", "core.booking", "core.lifecycle", "core.sessions",
    "core.agreements", "core.fulfilment", "core.followups", "core.dossier", "core.experts", "core.expert_io",
    "core.expert_suggestions", "core.conflicts", "core.stats", "core.stats_xlsx", "core.backup", "core.users",
    "core.settings", "core.settings_form", "core.audit_view", "core.calendar_overrides", "core.visitors", "core.case_deadlines",
    "core.cases", "core.case_numbers", "core.privacy", "core.documents.notice", "core.documents.case_data",
    "core.documents.intake_docs", "core.agreement_facts", "core.agreement_reader", "core.documents.agreement_print",
    "core.passwords",
)


def _short(module: str) -> str:
    return module.removeprefix("core.")


def _public_functions() -> dict[str, Callable]:
    found = {}
    for name in USE_CASE_MODULES:
        module = importlib.import_module(name)
        for fname, fn in inspect.getmembers(module, callable):  # functions, lru_cache-wrapped ones too
            if not fname.startswith("_") and not inspect.isclass(fn) and getattr(fn, "__module__", None) == name:
                found[f"{_short(name)}.{fname}"] = fn
    return found


# ------------------------------------------------------------------------------ the tests


def _denials(engine) -> int:
    with read_only(engine) as session:
        return session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "permission.denied"))


@dataclass(frozen=True)
class Denial:
    user_id: int | None
    username: str
    entity: str
    entity_id: int | None
    after: dict | None


def _last_denial(engine) -> Denial:
    with read_only(engine) as session:
        e = session.scalars(select(AuditEntry).where(AuditEntry.action == "permission.denied")
                            .order_by(AuditEntry.id.desc()).limit(1)).one()
        return Denial(e.user_id, e.username, e.entity, e.entity_id, e.after)


@pytest.fixture()
def world(engine, _password_hash, tmp_path) -> World:
    people = {
        "R": make_user(engine, "reception", username="qiantai", password_hash=_password_hash),
        "M": make_user(engine, "mediator", username="yihuan", committees=("medical",), password_hash=_password_hash),
        "O": make_user(engine, "mediator", username="laodong", committees=("labour",), password_hash=_password_hash,
                       full_name="周劳动"),
        "D": make_user(engine, "director", username="zhuren", password_hash=_password_hash),
        "A": make_user(engine, "admin", username="guanli", password_hash=_password_hash),
    }
    expert_id = experts.save_expert(engine, people["A"], experts.ExpertForm(
        name="姜金水", agency="衢江区卫生健康局", committees=("medical",)))
    lawyer_id = experts.save_expert(engine, people["A"], experts.ExpertForm(
        name="何律师", kind="lawyer", agency="浙江衢江律师事务所"))
    return World(engine, people, expert_id, lawyer_id, str(tmp_path))


def test_permission_matrix(world):
    """Every row × every role (个人信息保护法第五十一条: access by role, audited)."""
    failures: list[str] = []
    for row, role in itertools.product(MATRIX, ROLES):
        user = world.users[role]
        before = _denials(world.engine)
        try:
            row.call(world, user)
        except PermissionDenied as exc:
            if row.allows(role):
                failures.append(f"{row.name} × {role}: refused but allowed ({exc})")
                continue
            after = _denials(world.engine)
            if row.audited and after != before + 1:
                failures.append(f"{row.name} × {role}: {after - before} permission.denied rows (expected 1)")
            elif row.audited:
                entry = _last_denial(world.engine)
                if entry.user_id != user.id or row.name.split("[")[0] not in (entry.after or {}).get("use_case", ""):
                    failures.append(f"{row.name} × {role}: audit row names {entry.username} / {entry.after}")
            continue
        except row.tolerate:
            pass
        except Exception as exc:  # a broken row must not pass as "allowed"
            failures.append(f"{row.name} × {role}: {type(exc).__name__}: {exc}")
            continue
        if not row.allows(role):
            failures.append(f"{row.name} × {role}: allowed but should be refused")
    assert not failures, "\n".join(failures)


def test_refusal_names_the_case_and_survives_the_rollback(world):
    """The refused use case's transaction rolls back; the audit row is committed on its own."""
    built = world.case()
    with pytest.raises(PermissionDenied):
        lifecycle.accept_case(world.engine, world.users["O"], built.case_id, on=TODAY, now=NOW)
    entry = _last_denial(world.engine)
    assert (entry.entity, entry.entity_id, entry.username) == ("case", built.case_id, "laodong")
    assert entry.after == {"use_case": "lifecycle.accept_case", "permission": "cases.scope"}
    with read_only(world.engine) as session:
        assert session.get(Case, built.case_id).status == "registered"


def test_nested_use_cases_audit_a_refusal_once(world):
    """A use case calling another (as experts.search_experts calls list_experts): one refusal, one row,
    under the outer use case."""
    from core.auth import use_case

    @use_case
    def outer(engine, user):
        return lifecycle.case_overview(engine, user, world.case().case_id)

    before = _denials(world.engine)
    with pytest.raises(PermissionDenied):
        outer(world.engine, world.users["A"])
    assert _denials(world.engine) == before + 1
    assert _last_denial(world.engine).after["use_case"].endswith("outer")


def test_every_public_use_case_is_in_the_matrix():
    in_matrix = {r.name.split("[")[0] for r in MATRIX}
    assert len(in_matrix) == len({r.name for r in MATRIX if "[" not in r.name}), "duplicate rows"
    functions = _public_functions()
    missing = sorted(set(functions) - in_matrix - PURE_HELPERS - set(SESSION_BLOCKS))
    assert not missing, f"public functions without a row in MATRIX (or a place in an allow-list): {missing}"
    stale = sorted((in_matrix | PURE_HELPERS | set(SESSION_BLOCKS)) - set(functions))
    assert not stale, f"rows / allow-list entries naming no function: {stale}"
    # A session-level block never takes an engine: anything that opens its own unit of work is a use case.
    for name in SESSION_BLOCKS:
        params = list(inspect.signature(functions[name]).parameters)
        assert "engine" not in params, f"{name} takes an engine: give it a row in MATRIX"
    # Every use case that refuses someone is decorated, so its refusals are audited.
    for row in MATRIX:
        name = row.name.split("[")[0]
        if row.allowed != ALL and row.name not in NOT_YET_AUDITED:
            assert getattr(functions[name], "use_case", None) == name, f"{name} is not @use_case"
