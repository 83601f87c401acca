"""Personal data (domain.md §8; 个人信息保护法, 居民身份证法第十三条): who sees what, and what is logged.

* **Revealing an ID number.** Screens show ID numbers masked (``330802********1234``);
  :func:`reveal_id_number` hands the full number to someone who may see the party's case and
  logs it ("privacy.reveal_id").
* **Medical information** is sensitive (个人信息保护法第二十八条). A medical case's details are
  for the medical committee's mediators and the director (:func:`core.auth.case_scope_refusal`);
  each opening of such a case's detail, a session record or a document is logged
  ("privacy.view_medical"): :func:`open_case_record`, :func:`note_medical_view`.
* **Anonymisation** (第十九条、第四十七条: keep no longer than necessary). Cases archived more than
  ``anonymise_after_years`` years ago can be anonymised by the admin (:func:`anonymisable_cases`,
  :func:`anonymise_cases`): natural persons' names become 当事人甲/乙/丙…, their ID numbers,
  phones, addresses, birth dates and other particulars are cleared, the free text of the case
  (summary, requests, session statements and findings, agreement text, visit notes, reasons) is
  replaced by "（已匿名化）" and the attachments are deleted. Every figure of ``core.stats``
  stays the same: dates, statuses, committees, types, amounts, ratings, mediators and the number
  of parties are kept.

  *Shared parties.* A party on file may be in several cases (a repeat visitor). Its row is
  anonymised in place only when every case it is in is being (or has been) anonymised; otherwise
  the anonymised case's link is pointed at a new, anonymised party row and the original stays
  untouched for the other cases. Organisations (hospitals, companies) keep their name and
  unified social credit code — public registration data, not personal information — but lose
  the name of their legal representative. The audit log is append-only (by trigger) and is not
  rewritten; whether a case has been anonymised is read from its "privacy.anonymise" entry.
* **Export** of everything held about one person (个人信息保护法第四十五条): :func:`export_person`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import MEDICAL, CurrentUser, PermissionDenied, require, use_case
from core.identifiers import mask_id, normalize
from core.lifecycle import committee_code, load_case
from core.messages import msg
from core.settings import get_setting
from core.uow import read_only, unit_of_work
from db.codes import CASE_PARTY_ROLES, CASE_STATUSES, COMMITTEE_SHORT
from db.models import (
    Agreement,
    AgreementTerm,
    Appointment,
    Attachment,
    AuditEntry,
    Case,
    CaseParty,
    Committee,
    ConflictOverride,
    Consent,
    FollowUp,
    Instalment,
    Invitation,
    MediationSession,
    Party,
    QueueTicket,
    RatingLedgerEntry,
    RecusalRequest,
    Referral,
    Signature,
    StatusChange,
)

ANONYMISED = "（已匿名化）"
#: 当事人甲、乙、丙… then 当事人11, 12 …
LABELS = "甲乙丙丁戊己庚辛壬癸"


def party_label(index: int) -> str:
    return f"当事人{LABELS[index]}" if index < len(LABELS) else f"当事人{index + 1}"


# ------------------------------------------------------------------------------ viewing


def note_medical_view(session: Session, user: CurrentUser | None, case: Case, what: str) -> bool:
    """Inside the caller's unit of work: log that ``user`` opened ``what`` of a medical case
    ("privacy.view_medical"). Returns whether the case is medical. The system is not logged."""
    if committee_code(session, case) != MEDICAL:
        return False
    if user is not None:
        audit.record(session, user, "privacy.view_medical", entity="case", entity_id=case.id,
                     after={"what": what}, detail=case.number)
    return True


@dataclass(frozen=True)
class CaseOpened:
    case_id: int
    number: str
    committee: str
    medical: bool


@use_case
def open_case_record(engine: Engine, user: CurrentUser, case_id: int, *, what: str = "detail") -> CaseOpened:
    """Call once when a case's detail is opened (not on every refresh): checks that ``user`` may
    see the case's details and logs the opening of a medical case. Reception asking for a medical
    case gets :class:`core.auth.MedicalDetailsRestricted` (audited) with the number, status and
    date for its notice."""
    require(user, "cases.read")
    with read_only(engine) as session:
        case = load_case(session, user, case_id, write=False)
        opened = CaseOpened(case.id, case.number, committee_code(session, case), False)
    if opened.committee != MEDICAL:
        return opened
    with unit_of_work(engine) as session:
        note_medical_view(session, user, session.get(Case, case_id), what)
    return CaseOpened(opened.case_id, opened.number, opened.committee, True)


@use_case
def reveal_id_number(engine: Engine, user: CurrentUser, party_id: int) -> str:
    """The full ID number (or organisation code) of a party, for someone who may see the details of
    a case the party is in (reception: non-medical cases; mediators: their committees' cases; the
    director: all). Logged as "privacy.reveal_id" (居民身份证法第十三条)."""
    require(user, "cases.read")
    with unit_of_work(engine) as session:
        party = session.get(Party, party_id)
        if party is None:
            raise ValueError(msg("该当事人已不存在"))
        case_ids = list(session.scalars(select(CaseParty.case_id).where(CaseParty.party_id == party_id)
                                        .order_by(CaseParty.case_id)))
        allowed = None
        refusal: PermissionDenied | None = None
        for case_id in case_ids:
            try:
                allowed = load_case(session, user, case_id, write=False)
                break
            except PermissionDenied as exc:
                refusal = refusal or exc
        if allowed is None:
            raise refusal or PermissionDenied(msg("无权查看该当事人的证件号码"), permission="cases.scope")
        number = (party.uscc if party.kind == "organisation" and party.uscc else party.id_number) or ""
        audit.record(session, user, "privacy.reveal_id", entity="party", entity_id=party.id,
                     after={"case": allowed.number, "masked": mask_id(number) if number else ""},
                     detail=allowed.number)
        return number


# ------------------------------------------------------------------------------ anonymisation


@dataclass(frozen=True)
class AnonymisableCase:
    case_id: int
    number: str
    committee: str
    status: str
    received_on: date
    archived_on: date
    parties: int

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class AnonymiseResult:
    cases: tuple[str, ...]  # numbers anonymised
    parties_anonymised: int  # party rows cleared in place
    parties_split: int  # shared parties: this case's link moved to a new anonymised row
    attachments_deleted: int


def years_setting(session: Session) -> int:
    try:
        years = int(get_setting(session, "anonymise_after_years"))
    except (KeyError, ValueError):
        years = 5
    return max(years, 1)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _anonymised_ids(session: Session) -> set[int]:
    return set(session.scalars(select(AuditEntry.entity_id).where(
        AuditEntry.action == "privacy.anonymise", AuditEntry.entity == "case")))


def _eligible(session: Session, today: date, *, case_ids=None) -> list[AnonymisableCase]:
    years = years_setting(session)
    cutoff = _years_before(today, years)
    archived = (select(StatusChange.case_id, func.max(StatusChange.at).label("at"))
                .where(StatusChange.to_status == "archived").group_by(StatusChange.case_id).subquery())
    parties = (select(CaseParty.case_id, func.count(CaseParty.id).label("n"))
               .group_by(CaseParty.case_id).subquery())
    query = (select(Case.id, Case.number, Committee.code, Case.status, Case.received_on, archived.c.at,
                    func.coalesce(parties.c.n, 0))
             .join(archived, archived.c.case_id == Case.id)
             .join(Committee, Committee.id == Case.committee_id)
             .outerjoin(parties, parties.c.case_id == Case.id)
             .where(Case.status == "archived")
             .order_by(archived.c.at, Case.id))
    if case_ids is not None:
        query = query.where(Case.id.in_(list(case_ids)))
    done = _anonymised_ids(session)
    out = []
    for cid, number, code, status, received, at, n in session.execute(query):
        at = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
        if cid in done or at.date() > cutoff:
            continue
        out.append(AnonymisableCase(cid, number, code, status, received, at.date(), int(n)))
    return out


@use_case
def anonymisable_cases(engine: Engine, user: CurrentUser, *, today: date | None = None) -> list[AnonymisableCase]:
    """Cases archived more than ``anonymise_after_years`` years before ``today`` and not yet
    anonymised, oldest first."""
    require(user, "privacy")
    with read_only(engine) as session:
        return _eligible(session, today or date.today())


def _clear_person(party: Party, label: str) -> None:
    party.name = label
    party.name_initials = ""
    party.sex = None
    party.ethnicity = None
    party.birth_date = None
    party.id_type = None
    party.id_number = None
    party.occupation = None
    party.workplace = None
    party.phone = None
    party.address = None
    party.anonymised = True


def _anon(text: str | None) -> str | None:
    return ANONYMISED if (text or "").strip() else text


def _anonymise_party(session: Session, cp: CaseParty, label: str, being_done: set[int]) -> str:
    """"in_place" or "split" (see the module docstring)."""
    party = session.get(Party, cp.party_id)
    others = set(session.scalars(select(CaseParty.case_id).where(CaseParty.party_id == party.id,
                                                                 CaseParty.case_id != cp.case_id)))
    shared = bool(others - being_done)
    if party.kind == "organisation":
        if not shared:
            party.legal_representative = None
            party.anonymised = True
        return "in_place" if not shared else "kept"
    if shared:
        copy = Party(kind=party.kind, name=label, name_initials="", anonymised=True)
        session.add(copy)
        session.flush()
        cp.party_id = copy.id
        return "split"
    _clear_person(party, label)
    return "in_place"


def _anonymise_case(session: Session, case: Case, being_done: set[int]) -> tuple[int, int, int]:
    in_place = split = 0
    links = list(session.scalars(select(CaseParty).where(CaseParty.case_id == case.id)
                                 .order_by(CaseParty.position, CaseParty.id)))
    persons = 0
    for cp in links:
        party = session.get(Party, cp.party_id)
        label = party.name if party.kind == "organisation" else party_label(persons)
        if party.kind != "organisation":
            persons += 1
        outcome = _anonymise_party(session, cp, label, being_done)
        in_place += outcome == "in_place"
        split += outcome == "split"
    case.summary = ANONYMISED
    case.requests = [ANONYMISED for _ in (case.requests or [])]
    case.conclusion_reason = _anon(case.conclusion_reason)
    case.escalation_notified_to = _anon(case.escalation_notified_to)
    for s in session.scalars(select(MediationSession).where(MediationSession.case_id == case.id)):
        s.matter, s.participants = _anon(s.matter), _anon(s.participants)
        s.statements = [{**st, "text": _anon(str(st.get("text") or ""))} for st in (s.statements or [])]
        s.verified_facts, s.risk_notice = _anon(s.verified_facts), _anon(s.risk_notice)
        s.outcome, s.next_steps = _anon(s.outcome), _anon(s.next_steps)
    agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
    if agreement is not None:
        agreement.facts, agreement.matters = _anon(agreement.facts), _anon(agreement.matters)
        agreement.performance = _anon(agreement.performance)
        agreement.responsibilities = [{**r, "text": _anon(str(r.get("text") or ""))}
                                      for r in (agreement.responsibilities or [])]
        for term in session.scalars(select(AgreementTerm).where(AgreementTerm.agreement_id == agreement.id)):
            term.text = ANONYMISED
    for f in session.scalars(select(FollowUp).where(FollowUp.case_id == case.id)):
        f.performance, f.action_taken = _anon(f.performance), _anon(f.action_taken)
        for entry in session.scalars(select(RatingLedgerEntry).where(RatingLedgerEntry.followup_id == f.id)):
            entry.answer = _anon(entry.answer)
    for c in session.scalars(select(Consent).where(Consent.case_id == case.id)):
        c.note = _anon(c.note)
    for r in session.scalars(select(RecusalRequest).where(RecusalRequest.case_id == case.id)):
        r.reason = _anon(r.reason)
    for o in session.scalars(select(ConflictOverride).where(ConflictOverride.case_id == case.id)):
        o.reason, o.conflicts = _anon(o.reason), _anon(o.conflicts)
    for change in session.scalars(select(StatusChange).where(StatusChange.case_id == case.id)):
        change.reason = _anon(change.reason)
    for a in session.scalars(select(Appointment).where(Appointment.case_id == case.id)):
        if a.cancel_reason:
            a.cancel_reason = ANONYMISED
    deleted = 0
    for a in session.scalars(select(Attachment).where(Attachment.case_id == case.id)):
        session.delete(a)
        deleted += 1
    return in_place, split, deleted


@use_case
def anonymise_cases(engine: Engine, user: CurrentUser, case_ids: list[int] | tuple[int, ...], *,
                    today: date | None = None) -> AnonymiseResult:
    """Anonymise the given cases (each must still be eligible: archived more than
    ``anonymise_after_years`` years ago and not yet anonymised) in one transaction; each case is
    audited ("privacy.anonymise")."""
    require(user, "privacy")
    wanted = sorted(set(case_ids))
    if not wanted:
        raise ValueError(msg("请选择要匿名化的案件"))
    with unit_of_work(engine) as session:
        eligible = {c.case_id: c for c in _eligible(session, today or date.today(), case_ids=wanted)}
        missing = [cid for cid in wanted if cid not in eligible]
        if missing:
            numbers = session.scalars(select(Case.number).where(Case.id.in_(missing))).all()
            raise ValueError(msg("以下案件不符合匿名化条件（须已归档满规定年限且尚未匿名化）：{numbers}",
                                 numbers=list(numbers) if numbers else str(missing)))
        being_done = set(wanted) | _anonymised_ids(session)
        in_place = split = deleted = 0
        numbers = []
        for cid in wanted:
            case = session.get(Case, cid)
            a, b, c = _anonymise_case(session, case, being_done)
            in_place, split, deleted = in_place + a, split + b, deleted + c
            numbers.append(case.number)
            session.flush()
            audit.record(session, user, "privacy.anonymise", entity="case", entity_id=cid,
                         after={"parties_in_place": a, "parties_split": b, "attachments_deleted": c,
                                "archived_on": eligible[cid].archived_on.isoformat()},
                         detail=case.number)
        return AnonymiseResult(tuple(numbers), in_place, split, deleted)


# ------------------------------------------------------------------------------ export


@dataclass(frozen=True)
class PersonExport:
    """Everything held about one person; ``data`` is JSON-ready."""

    party_ids: tuple[int, ...]
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _columns(row, *names: str) -> dict[str, Any]:
    return {n: _plain(getattr(row, n)) for n in names}


def _digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def _find_parties(session: Session, id_number: str | None, name: str | None, phone: str | None) -> list[Party]:
    if id_number:
        number = normalize(id_number)
        found = session.scalars(select(Party).where(or_(Party.id_number == number, Party.uscc == number))
                                .order_by(Party.id)).all()
        if found:
            return list(found)
    if name and phone:
        digits = _digits(phone)
        found = session.scalars(select(Party).where(Party.name == name.strip()).order_by(Party.id)).all()
        return [p for p in found if digits and _digits(p.phone).endswith(digits[-11:])]
    return []


@use_case
def export_person(engine: Engine, user: CurrentUser | None, *, id_number: str | None = None,
                  name: str | None = None, phone: str | None = None, out: str | Path | None = None
                  ) -> PersonExport:
    """Everything held about one person, found by ID number (or name and phone): the party records,
    each case they are in (their role, the requests, the agreement's terms and the lines concerning
    them, the sessions they attended with their own statements, consents, visits, invitations),
    queue tickets of those cases, referrals under their name and phone, and the audit entries about
    their party records. Written to ``out`` as JSON when given. Needs ``privacy`` (the admin);
    ``user=None`` is the local command line. Audited ("privacy.export_person")."""
    if user is not None:
        require(user, "privacy")
    if not (id_number and id_number.strip()) and not (name and name.strip() and phone and phone.strip()):
        raise ValueError(msg("请填写证件号码，或同时填写姓名和电话"))
    with unit_of_work(engine) as session:
        parties = _find_parties(session, id_number, name, phone)
        if not parties:
            raise LookupError(msg("没有找到此人的记录"))
        ids = [p.id for p in parties]
        data: dict[str, Any] = {
            "exported_at": datetime.now().isoformat(timespec="seconds"),
            "query": {"id_number": normalize(id_number) if id_number else None, "name": name, "phone": phone},
            "parties": [_columns(p, "id", "kind", "name", "sex", "ethnicity", "birth_date", "id_type", "id_number",
                                 "occupation", "workplace", "org_kind", "uscc", "legal_representative", "phone",
                                 "address", "anonymised", "created_at", "updated_at") for p in parties],
            "cases": _cases_of(session, ids),
        }
        case_ids = [c["case_id"] for c in data["cases"]]
        tickets = session.scalars(select(QueueTicket).join(Case, Case.ticket_id == QueueTicket.id)
                                  .where(Case.id.in_(case_ids)).order_by(QueueTicket.taken_at)).all() \
            if case_ids else []
        data["queue_tickets"] = [_columns(t, "id", "label", "day", "status", "taken_at", "called_at", "window",
                                          "served_at", "finished_at") for t in tickets]
        referral_terms = [Referral.visitor_name == p.name for p in parties if p.kind == "person"]
        phones = {_digits(p.phone) for p in parties if p.phone}
        referrals = session.scalars(select(Referral).where(or_(*referral_terms)).order_by(Referral.at)).all() \
            if referral_terms else []
        data["referrals"] = [_columns(r, "id", "at", "visitor_name", "visitor_phone", "summary", "reason", "refer_to")
                             for r in referrals if not phones or _digits(r.visitor_phone) in phones
                             or not r.visitor_phone]
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "party", AuditEntry.entity_id.in_(ids))
                                  .order_by(AuditEntry.at, AuditEntry.id)).all()
        data["audit"] = [_columns(e, "at", "username", "action", "entity", "entity_id", "detail") for e in entries]
        audit.record(session, user, "privacy.export_person", entity="party", entity_id=ids[0],
                     after={"parties": ids, "cases": len(case_ids)},
                     detail="、".join(mask_id(p.id_number) if p.id_number else p.name for p in parties))
    result = PersonExport(tuple(ids), data)
    if out is not None:
        Path(out).write_text(result.to_json(), encoding="utf-8")
    return result


def _cases_of(session: Session, party_ids: list[int]) -> list[dict[str, Any]]:
    links = session.execute(
        select(CaseParty, Case, Committee.code).join(Case, Case.id == CaseParty.case_id)
        .join(Committee, Committee.id == Case.committee_id)
        .where(CaseParty.party_id.in_(party_ids)).order_by(Case.received_on, Case.id)).all()
    out = []
    for cp, case, code in links:
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
        agreement_data = None
        if agreement is not None:
            mine = [r for r in (agreement.responsibilities or []) if r.get("case_party_id") == cp.id]
            instalments = session.scalars(select(Instalment).where(
                Instalment.agreement_id == agreement.id,
                or_(Instalment.payer_id == cp.id, Instalment.payee_id == cp.id))).all()
            agreement_data = {
                **_columns(agreement, "kind", "amount", "formed_on", "effective_on", "last_due_on", "performed_on",
                           "judicial_applied_on", "judicial_court", "judicial_confirmed_on"),
                "terms": list(session.scalars(select(AgreementTerm.text).where(
                    AgreementTerm.agreement_id == agreement.id).order_by(AgreementTerm.position))),
                "responsibilities": _plain(mine),
                "instalments": [{**_columns(i, "due_on", "amount", "paid_in_full_on"),
                                 "pays": i.payer_id == cp.id} for i in instalments],
                "signed_on": _plain(session.scalar(select(Signature.signed_on).where(
                    Signature.agreement_id == agreement.id, Signature.case_party_id == cp.id))),
            }
        sessions = []
        for s in session.scalars(select(MediationSession).where(MediationSession.case_id == case.id)
                                 .order_by(MediationSession.started_at)):
            if cp.id not in [int(i) for i in (s.parties_present or [])]:
                continue
            sessions.append({**_columns(s, "started_at", "ended_at", "place", "matter", "outcome"),
                             "own_statements": [st.get("text", "") for st in (s.statements or [])
                                                if int(st.get("case_party_id") or 0) == cp.id]})
        invitations = session.execute(
            select(Appointment.starts_at, Appointment.status, Invitation.attendance)
            .join(Invitation, Invitation.appointment_id == Appointment.id)
            .where(Invitation.case_party_id == cp.id).order_by(Appointment.starts_at)).all()
        consents = session.scalars(select(Consent).where(Consent.case_party_id == cp.id)
                                   .order_by(Consent.given_on)).all()
        visits = session.scalars(select(FollowUp).where(FollowUp.party_id == cp.id)
                                 .order_by(FollowUp.scheduled_on)).all()
        out.append({
            "case_id": case.id, "number": case.number, "committee": code, "status": case.status,
            "received_on": _plain(case.received_on), "concluded_on": _plain(case.concluded_on),
            "role": cp.role, "role_name": CASE_PARTY_ROLES.get(cp.role, cp.role),
            "summary": case.summary, "requests": list(case.requests or []),
            "agreement": agreement_data, "sessions_attended": sessions,
            "invitations": [{"starts_at": _plain(a), "status": st, "attendance": att} for a, st, att in invitations],
            "consents": [_columns(c, "kind", "given", "form", "given_on", "note") for c in consents],
            "followups": [_columns(v, "scheduled_on", "visited_on", "performance", "rating") for v in visits],
        })
    return out


def export_summary(result: PersonExport) -> str:
    """One line for the screen and the command line."""
    d = result.data
    return msg("{parties}条当事人记录、{cases}件案件、{tickets}张号票、{referrals}份转办单、{audit}条审计记录",
               parties=len(d.get("parties", [])), cases=len(d.get("cases", [])),
               tickets=len(d.get("queue_tickets", [])), referrals=len(d.get("referrals", [])),
               audit=len(d.get("audit", [])))

