"""Parties, cases and the people in them, queue tickets and the status history."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.codes import (
    CASE_PARTY_ROLES,
    CASE_SOURCES,
    CASE_STATUSES,
    DISPUTE_TYPES,
    ORGANISATION_KINDS,
    PARTY_KINDS,
    QUEUE_STATUSES,
    SEXES,
    sql_in,
)
from db.models.base import Base, Timestamped
from db.types import Money


class Party(Timestamped, Base):
    """A natural person or an organisation that takes part in cases (repeat visitors are
    the same row). Agents are persons; whom they represent is on the case."""

    __tablename__ = "parties"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(PARTY_KINDS)})", name="kind"),
        CheckConstraint(f"sex IS NULL OR sex IN ({sql_in(SEXES)})", name="sex"),
        CheckConstraint(
            f"org_kind IS NULL OR org_kind IN ({sql_in(ORGANISATION_KINDS)})", name="org_kind"
        ),
        CheckConstraint("kind = 'organisation' OR uscc IS NULL", name="uscc_only_orgs"),
        UniqueConstraint("id_type", "id_number"),
        Index("ix_parties_phone", "phone"),
        Index("ix_parties_name_initials", "name_initials"),
        Index("ix_parties_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    name_initials: Mapped[str] = mapped_column(String(40), default="")
    # Natural persons
    sex: Mapped[str | None] = mapped_column(String(1))
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_type: Mapped[str | None] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(40))
    occupation: Mapped[str | None] = mapped_column(String(60))
    workplace: Mapped[str | None] = mapped_column(String(120))
    # Organisations
    org_kind: Mapped[str | None] = mapped_column(String(20))
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    legal_representative: Mapped[str | None] = mapped_column(String(40))
    # Both
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)


class PartyNameSuffix(Base):
    """Every suffix of every party's name, kept by triggers (db.search, migration 0005): a name
    contains a text exactly when one of its suffixes starts with it — an index range even for a
    one-character surname, which trigram indexes cannot serve. No foreign key: the delete
    trigger removes a party's rows by key."""

    __tablename__ = "party_name_suffixes"
    __table_args__ = {"sqlite_with_rowid": False}

    # Binary order on PostgreSQL so that ``suffix >= q AND suffix < q || U+10FFFF`` is a prefix.
    suffix: Mapped[str] = mapped_column(
        String(120).with_variant(String(120, collation="C"), "postgresql"), primary_key=True
    )
    party_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class CaseNumberCounter(Base):
    """Last sequence number used per committee and year. Incremented in the same
    transaction as the case insert, so numbers are gap-free and never duplicated."""

    __tablename__ = "case_number_counters"

    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Case(Timestamped, Base):
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(CASE_STATUSES)})", name="status"),
        CheckConstraint(f"dispute_type IN ({sql_in(DISPUTE_TYPES)})", name="dispute_type"),
        CheckConstraint(f"source IN ({sql_in(CASE_SOURCES)})", name="source"),
        CheckConstraint("amount_claimed IS NULL OR amount_claimed >= 0", name="amount"),
        CheckConstraint("group_size IS NULL OR group_size > 0", name="group_size"),
        CheckConstraint("seq > 0", name="seq"),
        UniqueConstraint("committee_id", "year", "seq"),
        Index("ix_cases_committee_received", "committee_id", "received_on"),
        Index("ix_cases_received", "received_on"),
        Index("ix_cases_concluded", "concluded_on"),
        Index("ix_cases_status", "status"),
        Index("ix_cases_accepted", "accepted_on"),
        # 超期未结 (core.stats): cases still open at the end of a period, by day of conclusion.
        Index("ix_cases_stats_open", "concluded_on", "received_on", "accepted_on", "committee_id",
              "dispute_type", "source", "mediator_id"),
        Index("ix_cases_intake_key", "intake_key", unique=True),
        # The list sorted by these columns, ties by id (core.cases): the first page is an index walk.
        Index("ix_cases_sort_committee", "committee_id", "id"),
        Index("ix_cases_sort_dispute_type", "dispute_type", "id"),
        Index("ix_cases_sort_amount", "amount_claimed", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    year: Mapped[int] = mapped_column(SmallInteger)
    seq: Mapped[int] = mapped_column(Integer)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"))
    dispute_type: Mapped[str] = mapped_column(String(2))
    source: Mapped[str] = mapped_column(String(20), default="application")
    status: Mapped[str] = mapped_column(String(20), default="registered")
    summary: Mapped[str] = mapped_column(Text, default="")
    # The parties' numbered requests, in order.
    requests: Mapped[list[str]] = mapped_column(JSON, default=list)
    amount_claimed: Mapped[Decimal | None] = mapped_column(Money)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    group_size: Mapped[int | None] = mapped_column(Integer)
    # Art.25: risk of escalation, who was told and when.
    escalation_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_notified_to: Mapped[str | None] = mapped_column(String(120))
    escalation_notified_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Medical regulation Art.31: both sides applied, or the other side consented.
    medical_consent: Mapped[str | None] = mapped_column(String(20))
    repeat_visit: Mapped[bool] = mapped_column(Boolean, default=False)
    received_on: Mapped[date] = mapped_column(Date)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    accepted_on: Mapped[date | None] = mapped_column(Date)
    concluded_on: Mapped[date | None] = mapped_column(Date)
    # Why a case failed, was terminated, withdrawn or refused (printed on the notices).
    conclusion_reason: Mapped[str] = mapped_column(Text, default="")
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("queue_tickets.id"))
    # The intake form's UUID: saving the same form twice finds this case (migration 0004).
    intake_key: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)

    committee = relationship("Committee")
    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseParty.position"
    )

    __mapper_args__ = {"version_id_col": version}


class CaseParty(Base):
    """A party's part in one case: applicant, respondent, third party or agent."""

    __tablename__ = "case_parties"
    __table_args__ = (
        CheckConstraint(f"role IN ({sql_in(CASE_PARTY_ROLES)})", name="role"),
        CheckConstraint("role = 'agent' OR represents_id IS NULL", name="agent_only"),
        UniqueConstraint("case_id", "party_id", "role"),
        Index("ix_case_parties_party", "party_id"),
        Index("ix_case_parties_represents", "represents_id"),  # a party's agents: their phones (0006)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    represents_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"))
    power_of_attorney: Mapped[bool] = mapped_column(Boolean, default=False)
    refuses_mediation: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[Case] = relationship(back_populates="parties")
    party: Mapped[Party] = relationship()


class CaseMediator(Base):
    """Mediators assigned to a case (Art.19: appointed, or chosen by the parties)."""

    __tablename__ = "case_mediators"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    chosen_by_parties: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_at: Mapped[datetime] = mapped_column(DateTime)


class StatusChange(Base):
    """Every lifecycle transition, with who and why; the statistics read concluded dates
    from the case row, this keeps the history."""

    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_case", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")


class DeadlinePause(Base):
    """A period that does not count towards the deadline (medical Art.38: 医疗损害鉴定)."""

    __tablename__ = "deadline_pauses"
    __table_args__ = (CheckConstraint("ends IS NULL OR starts <= ends", name="order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class DeadlineExtension(Base):
    """An extension agreed by both parties, with when they consented."""

    __tablename__ = "deadline_extensions"
    __table_args__ = (CheckConstraint("days > 0", name="days"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    days: Mapped[int] = mapped_column(SmallInteger)
    consented_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")


class QueueTicket(Base):
    """A walk-in's queue number for one service (a committee or the general desk)."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(QUEUE_STATUSES)})", name="status"),
        CheckConstraint("call_count >= 0", name="call_count"),
        UniqueConstraint("committee_id", "day", "seq"),
        Index("ix_queue_tickets_day_status", "day", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"))
    day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))  # "医-003"
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    called_at: Mapped[datetime | None] = mapped_column(DateTime)
    call_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    window: Mapped[str | None] = mapped_column(String(40))
    served_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    transferred_from_id: Mapped[int | None] = mapped_column(ForeignKey("queue_tickets.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
