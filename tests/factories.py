"""Small builders for test data (the real intake use case comes with reception)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Engine, select

from core.case_numbers import allocate_case_number
from core.uow import unit_of_work
from db.models import Case, CaseParty, Committee, Party


def add_case(
    engine: Engine,
    *,
    committee: str = "medical",
    dispute_type: str = "13",
    status: str = "registered",
    received: date = date(2026, 11, 2),
    parties: tuple[tuple[str, str], ...] = (("张三", "person"), ("衢江区人民医院", "organisation")),
    summary: str = "术后感染，双方就赔偿数额协商未果。",
    amount: Decimal | None = Decimal("50000.00"),
) -> str:
    with unit_of_work(engine) as session:
        committee_id = session.scalar(select(Committee.id).where(Committee.code == committee))
        seq, number = allocate_case_number(session, committee_id, received.year)
        case = Case(
            number=number, year=received.year, seq=seq, committee_id=committee_id,
            dispute_type=dispute_type, source="application", status=status, summary=summary,
            requests=["赔偿损失"], amount_claimed=amount, received_on=received,
            received_at=datetime.combine(received, datetime.min.time()),
        )
        session.add(case)
        session.flush()
        for position, (name, kind) in enumerate(parties):
            party = Party(kind=kind, name=name, org_kind="hospital" if kind == "organisation" else None)
            session.add(party)
            session.flush()
            role = "applicant" if position == 0 else "respondent"
            session.add(CaseParty(case_id=case.id, party_id=party.id, role=role, position=position))
        return number


@dataclass(frozen=True)
class AddedCase:
    number: str
    case_id: int
    party_ids: tuple[int, ...]


def add_case_with_parties(
    engine: Engine,
    parties: tuple[dict, ...],
    *,
    committee: str = "medical",
    dispute_type: str = "13",
    status: str = "registered",
    received: date = date(2026, 11, 2),
    summary: str = "术后感染，双方就赔偿数额协商未果。",
) -> AddedCase:
    """A case whose parties carry identifiers. Each party is a dict: ``name``, optional ``kind``
    ("person"), ``id_number`` (stored as a resident ID), ``uscc``, ``phone``, ``role``
    (applicant first, then respondents), ``initials`` (name_initials to store; default "" as
    parties made by the intake may have none), or ``party_id`` to reuse a party already on file."""
    with unit_of_work(engine) as session:
        committee_id = session.scalar(select(Committee.id).where(Committee.code == committee))
        seq, number = allocate_case_number(session, committee_id, received.year)
        case = Case(
            number=number, year=received.year, seq=seq, committee_id=committee_id,
            dispute_type=dispute_type, source="application", status=status, summary=summary,
            requests=["赔偿损失"], received_on=received,
            received_at=datetime.combine(received, datetime.min.time()),
        )
        session.add(case)
        session.flush()
        ids = []
        for position, spec in enumerate(parties):
            party_id = spec.get("party_id")
            if party_id is None:
                kind = spec.get("kind", "person")
                party = Party(
                    kind=kind, name=spec["name"], name_initials=spec.get("initials", ""),
                    id_type="resident_id" if spec.get("id_number") else None,
                    id_number=spec.get("id_number"), uscc=spec.get("uscc"), phone=spec.get("phone"),
                    org_kind="hospital" if kind == "organisation" else None,
                    anonymised=spec.get("anonymised", False),
                )
                session.add(party)
                session.flush()
                party_id = party.id
            role = spec.get("role", "applicant" if position == 0 else "respondent")
            session.add(CaseParty(case_id=case.id, party_id=party_id, role=role, position=position))
            ids.append(party_id)
        return AddedCase(number, case.id, tuple(ids))
