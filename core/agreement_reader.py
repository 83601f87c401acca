"""Reading an agreement and its case's parties, mediators and signatures — in plain SQL.

The one way these are read: the application runs the functions in its sessions
(``core.agreements.agreement_data`` wraps :func:`read_agreement` in a ``SessionRows``), and
``tiaojie print agreement`` runs them on a read-only SQLite connection without importing the
ORM (:mod:`db.plain_sql` says why). No permission checks here: callers are use cases that
checked already, or the local command line.
"""

from __future__ import annotations

from datetime import date

from core.agreement_facts import (
    AgreementData,
    AgreementParty,
    InstalmentInfo,
    ResponsibilityInfo,
    SignatureState,
    parse_ratio,
)
from core.messages import msg
from db.codes import COMMITTEES
from db.defaults import DEFAULT_SETTINGS
from db.plain_sql import Rows, as_bool, as_date, as_json, as_yuan

__all__ = [
    "case_id_by_number",
    "read_agreement",
    "read_case_mediators",
    "read_case_parties",
    "read_setting",
    "read_signature_state",
]


def case_id_by_number(rows: Rows, number: str) -> int | None:
    found = rows.all("SELECT id FROM cases WHERE number = :number", number=number)
    return found[0][0] if found else None


def read_setting(rows: Rows, key: str) -> str:
    found = rows.all("SELECT value FROM settings WHERE key = :key", key=key)
    return found[0][0] if found else DEFAULT_SETTINGS.get(key, "")


_PARTIES = """
SELECT cp.id, cp.role, p.kind, p.name, p.sex, p.ethnicity, p.birth_date, p.id_type, p.id_number,
       p.occupation, p.workplace, p.phone, p.address, p.org_kind, p.uscc, p.legal_representative,
       cp.represents_id, cp.power_of_attorney
FROM case_parties cp JOIN parties p ON p.id = cp.party_id
WHERE cp.case_id = :case_id
ORDER BY cp.position, cp.id
"""


def read_case_parties(rows: Rows, case_id: int) -> tuple[AgreementParty, ...]:
    """Every party of the case (agents last, each group in position order), full particulars."""
    found = rows.all(_PARTIES, case_id=case_id)
    names = {r[0]: r[3] for r in found}
    out = [AgreementParty(
        case_party_id=r[0], role=r[1], kind=r[2], name=r[3], sex=r[4], ethnicity=r[5],
        birth_date=as_date(r[6]), id_type=r[7], id_number=r[8], occupation=r[9], workplace=r[10],
        phone=r[11], address=r[12], org_kind=r[13], uscc=r[14], legal_representative=r[15],
        represents_id=r[16], represents=names.get(r[16], "") if r[16] else "",
        power_of_attorney=as_bool(r[17])) for r in found]
    return tuple([p for p in out if not p.is_agent] + [p for p in out if p.is_agent])


def _mediator_ids(rows: Rows, case_id: int, mediator_id: int | None) -> list[int]:
    ids = [mediator_id] if mediator_id else []
    for (user_id,) in rows.all("SELECT user_id FROM case_mediators WHERE case_id = :case_id ORDER BY assigned_at",
                               case_id=case_id):
        if user_id not in ids:
            ids.append(user_id)
    return ids


def _user_names(rows: Rows, case_id: int) -> dict[int, str]:
    """Names of the users a case's documents may name (its mediators, recorders, signers)."""
    return dict(rows.all(
        """SELECT id, full_name FROM users WHERE id IN (
               SELECT mediator_id FROM cases WHERE id = :case_id
               UNION SELECT user_id FROM case_mediators WHERE case_id = :case_id
               UNION SELECT recorder_id FROM mediation_sessions WHERE case_id = :case_id
               UNION SELECT s.user_id FROM signatures s JOIN agreements a ON a.id = s.agreement_id
                     WHERE a.case_id = :case_id)""", case_id=case_id))


def read_case_mediators(rows: Rows, case_id: int, mediator_id: int | None, *,
                        users: dict[int, str] | None = None) -> tuple[str, ...]:
    """The case's mediator first, then the other assigned mediators (人民调解法第十九条).
    ``users``: the case's user names when the caller has read them already."""
    names = _user_names(rows, case_id) if users is None else users
    return tuple(names[i] for i in _mediator_ids(rows, case_id, mediator_id) if i in names)


def read_signature_state(rows: Rows, case_id: int, mediator_id: int | None, agreement_id: int, *,
                         users: dict[int, str] | None = None) -> SignatureState:
    """Who has and who has not signed the written agreement (人民调解法第二十九条): every
    principal (a legal person through its representative, or through an agent holding a power
    of attorney) and a mediator of the case."""
    parties = {r[0]: r for r in rows.all(
        "SELECT cp.id, cp.role, cp.represents_id, cp.power_of_attorney, p.name "
        "FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = :case_id ORDER BY cp.id",
        case_id=case_id)}
    mediators = set(_mediator_ids(rows, case_id, mediator_id))
    users = _user_names(rows, case_id) if users is None else users
    by_party: dict[int, date] = {}
    mediator_day: date | None = None
    signed: list[tuple[str, date]] = []
    for case_party_id, user_id, on in rows.all(
            "SELECT case_party_id, user_id, signed_on FROM signatures WHERE agreement_id = :agreement_id "
            "ORDER BY signed_on, id", agreement_id=agreement_id):
        on = as_date(on)
        if case_party_id is not None:
            cp = parties.get(case_party_id)
            if cp is None:
                continue
            _, role, represents_id, power_of_attorney, name = cp
            principal = represents_id if role == "agent" and represents_id and as_bool(power_of_attorney) \
                else case_party_id
            if role == "agent" and principal == case_party_id:
                continue  # an agent without a power of attorney cannot sign for anybody
            by_party.setdefault(principal, on)
            signed.append((name, on))
        elif user_id in mediators:
            mediator_day = mediator_day or on
            signed.append((f"{users.get(user_id) or '调解员'}（调解员）", on))
    missing = [cp[4] for cp_id, cp in parties.items() if cp[1] != "agent" and cp_id not in by_party]
    if mediator_day is None:
        missing.append(msg("调解员"))
    effective = max([*by_party.values(), mediator_day]) if not missing else None
    return SignatureState(tuple(signed), tuple(missing), effective)


_AGREEMENT = """
SELECT a.id, a.kind, a.facts, a.matters, a.responsibilities, a.performance, a.amount, a.formed_on,
       a.effective_on, a.last_due_on, a.performed_on, a.judicial_applied_on, a.judicial_court,
       a.judicial_confirmed_on,
       c.number, c.dispute_type, c.summary, c.mediator_id, m.code, m.name
FROM agreements a JOIN cases c ON c.id = a.case_id JOIN committees m ON m.id = c.committee_id
WHERE a.case_id = :case_id
"""


def read_agreement(rows: Rows, case_id: int) -> AgreementData | None:
    """The case's agreement as plain data (``None`` when the case has none)."""
    found = rows.all(_AGREEMENT, case_id=case_id)
    if not found:
        if not rows.all("SELECT 1 FROM cases WHERE id = :case_id", case_id=case_id):
            raise ValueError(msg("该案件已不存在"))
        return None
    (agreement_id, kind, facts, matters, responsibilities, performance, amount, formed_on, effective_on,
     last_due_on, performed_on, judicial_applied_on, judicial_court, judicial_confirmed_on,
     number, dispute_type, summary, mediator_id, committee, committee_name) = found[0]
    parties = read_case_parties(rows, case_id)
    names = {p.case_party_id: p.name for p in parties}
    duties = []
    for r in as_json(responsibilities) or []:
        cp_id = int(r.get("case_party_id") or 0)
        try:
            ratio = parse_ratio(str(r.get("ratio") or ""))
        except ValueError:
            ratio = None
        duties.append(ResponsibilityInfo(cp_id, names.get(cp_id, ""), str(r.get("text") or ""), ratio))
    terms = tuple(t for (t,) in rows.all(
        "SELECT text FROM agreement_terms WHERE agreement_id = :agreement_id ORDER BY position",
        agreement_id=agreement_id))
    instalments = tuple(
        InstalmentInfo(as_date(due), as_yuan(fen), names.get(payer, ""), names.get(payee, ""), payer, payee,
                       as_date(paid))
        for due, fen, payer, payee, paid in rows.all(
            "SELECT due_on, amount, payer_id, payee_id, paid_in_full_on FROM instalments "
            "WHERE agreement_id = :agreement_id ORDER BY due_on, id", agreement_id=agreement_id))
    users = _user_names(rows, case_id)
    last_session = rows.all(
        "SELECT recorder_id, place FROM mediation_sessions WHERE case_id = :case_id "
        "ORDER BY started_at DESC, id DESC LIMIT 1", case_id=case_id)
    recorder_id, place = last_session[0] if last_session else (None, "")
    state = read_signature_state(rows, case_id, mediator_id, agreement_id, users=users) if kind == "written" else None
    return AgreementData(
        case_id=case_id, agreement_id=agreement_id, number=number, centre_name=read_setting(rows, "centre_name"),
        committee=committee, committee_name=committee_name or COMMITTEES.get(committee, ("",))[0],
        dispute_type=dispute_type, kind=kind, parties=parties, facts=facts or "", matters=matters or "",
        responsibilities=tuple(duties), terms=terms, performance=performance or "", amount=as_yuan(amount),
        instalments=instalments, formed_on=as_date(formed_on), effective_on=as_date(effective_on),
        last_due_on=as_date(last_due_on), performed_on=as_date(performed_on),
        mediators=read_case_mediators(rows, case_id, mediator_id, users=users),
        recorder=users.get(recorder_id, "") if recorder_id else "", summary=summary or "",
        signed=state.signed if state else (), missing_signatures=state.missing if state else (),
        judicial_applied_on=as_date(judicial_applied_on), judicial_court=judicial_court or "",
        judicial_confirmed_on=as_date(judicial_confirmed_on), place=place or "")
