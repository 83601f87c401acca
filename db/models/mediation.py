"""Appointments, session records, agreements, fulfilment and follow-up visits."""

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
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.codes import AGREEMENT_KINDS, APPOINTMENT_STATUSES, sql_in
from db.models.base import Base, Timestamped
from db.types import Money


class Appointment(Timestamped, Base):
    """A booked mediation session: when, where, and (in ``resources``) who."""

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(APPOINTMENT_STATUSES)})", name="status"),
        CheckConstraint("starts_at < ends_at", name="order"),
        Index("ix_appointments_starts", "starts_at"),
        Index("ix_appointments_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    status: Mapped[str] = mapped_column(String(20), default="booked")
    purpose: Mapped[str] = mapped_column(String(200), default="")
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    booked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    rescheduled_from_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))

    resources: Mapped[list[BookedResource]] = relationship(
        back_populates="appointment", cascade="all, delete-orphan"
    )
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="appointment", cascade="all, delete-orphan"
    )


class BookedResource(Base):
    """One room or person held by an appointment for its time range. A room, a mediator
    and an expert each get a row; the no-double-booking rule is enforced over these rows
    in the database (see the booking migration)."""

    __tablename__ = "booked_resources"
    __table_args__ = (
        CheckConstraint("resource_kind IN ('room', 'user', 'expert')", name="resource_kind"),
        CheckConstraint("starts_at < ends_at", name="order"),
        Index("ix_booked_resources_lookup", "resource_kind", "resource_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"))
    resource_kind: Mapped[str] = mapped_column(String(10))
    resource_id: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    appointment: Mapped[Appointment] = relationship(back_populates="resources")


class Invitation(Base):
    """A party invited to an appointment, and whether they came."""

    __tablename__ = "invitations"
    __table_args__ = (
        CheckConstraint("attendance IN ('invited', 'present', 'no_show')", name="attendance"),
        UniqueConstraint("appointment_id", "case_party_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"))
    case_party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id", ondelete="CASCADE"))
    attendance: Mapped[str] = mapped_column(String(10), default="invited")

    appointment: Mapped[Appointment] = relationship(back_populates="invitations")


class MediationSession(Timestamped, Base):
    """The record of one mediation session (调解记录, Art.27)."""

    __tablename__ = "mediation_sessions"
    __table_args__ = (
        Index("ix_mediation_sessions_case", "case_id", "started_at"),
        Index("ix_mediation_sessions_started", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(80), default="")
    matter: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    # Case-party ids present.
    parties_present: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Art.23: public or not; medical Art.42: never public without both sides' consent.
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    # [{"case_party_id": …, "text": …}, …]
    statements: Mapped[list[dict]] = mapped_column(JSON, default=list)
    verified_facts: Mapped[str] = mapped_column(Text, default="")
    risk_notice: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Attachment(Base):
    """Evidence or a scan kept with the case; the bytes live in the database so every PC
    on the LAN sees them."""

    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint("size_bytes >= 0", name="size"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("mediation_sessions.id"))
    kind: Mapped[str] = mapped_column(String(30))  # evidence, id_proof, document, receipt …
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Agreement(Timestamped, Base):
    """A mediation agreement (Art.28–31), written or oral."""

    __tablename__ = "agreements"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(AGREEMENT_KINDS)})", name="kind"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount"),
        Index("ix_agreements_effective", "effective_on"),
        Index("ix_agreements_judicial", "judicial_confirmed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    kind: Mapped[str] = mapped_column(String(10), default="written")
    facts: Mapped[str] = mapped_column(Text, default="")
    matters: Mapped[str] = mapped_column(Text, default="")
    # [{"case_party_id": …, "text": …, "ratio": "70"}, …] (ratios for traffic and medical)
    responsibilities: Mapped[list[dict]] = mapped_column(JSON, default=list)
    performance: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal | None] = mapped_column(Money)
    formed_on: Mapped[date | None] = mapped_column(Date)
    # Art.29: effective once every party and the mediator signed and the seal is on.
    effective_on: Mapped[date | None] = mapped_column(Date)
    last_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    performed_on: Mapped[date | None] = mapped_column(Date)
    judicial_applied_on: Mapped[date | None] = mapped_column(Date)
    judicial_court: Mapped[str | None] = mapped_column(String(80))
    judicial_confirmed_on: Mapped[date | None] = mapped_column(Date)

    terms: Mapped[list[AgreementTerm]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementTerm.position"
    )
    instalments: Mapped[list[Instalment]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="Instalment.due_on"
    )
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan"
    )


class AgreementTerm(Base):
    __tablename__ = "agreement_terms"
    __table_args__ = (UniqueConstraint("agreement_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(SmallInteger)
    text: Mapped[str] = mapped_column(Text)

    agreement: Mapped[Agreement] = relationship(back_populates="terms")


class Signature(Base):
    """That a party (or the mediator/recorder, with ``case_party_id`` empty) signed,
    sealed or fingerprinted the paper original, and when."""

    __tablename__ = "signatures"
    __table_args__ = (
        CheckConstraint("case_party_id IS NOT NULL OR user_id IS NOT NULL", name="who"),
        Index("ix_signatures_agreement", "agreement_id"),  # who signed an agreement (0006)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    case_party_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_on: Mapped[date] = mapped_column(Date)

    agreement: Mapped[Agreement] = relationship(back_populates="signatures")


class Instalment(Base):
    __tablename__ = "instalments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        Index("ix_instalments_due", "due_on"),
        Index("ix_instalments_agreement", "agreement_id", "due_on"),  # an agreement's instalments in order (0006)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    payer_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"))
    payee_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"))
    paid_in_full_on: Mapped[date | None] = mapped_column(Date)

    agreement: Mapped[Agreement] = relationship(back_populates="instalments")
    payments: Mapped[list[Payment]] = relationship(
        back_populates="instalment", cascade="all, delete-orphan"
    )


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    instalment_id: Mapped[int] = mapped_column(ForeignKey("instalments.id", ondelete="CASCADE"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    paid_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20), default="transfer")
    receipt_no: Mapped[str] = mapped_column(String(60), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    instalment: Mapped[Instalment] = relationship(back_populates="payments")


class FollowUp(Timestamped, Base):
    """A follow-up visit (回访) after an agreement, with the 好差评 rating."""

    __tablename__ = "followups"
    __table_args__ = (
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
        Index("ix_followups_visited", "visited_on"),
        Index("ix_followups_case", "case_id"),
        Index("ix_followups_party", "party_id"),  # a person's visits (个人信息 export, 0006)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    scheduled_on: Mapped[date] = mapped_column(Date)
    visited_on: Mapped[date | None] = mapped_column(Date)
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"))
    performance: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    court_action: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    action_taken: Mapped[str] = mapped_column(Text, default="")


class RatingLedgerEntry(Base):
    """差评台账: a bad rating called back, put right and answered before a deadline."""

    __tablename__ = "rating_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    followup_id: Mapped[int] = mapped_column(ForeignKey("followups.id", ondelete="CASCADE"), unique=True)
    opened_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Append-only audit log: who, when, what, before and after. Triggers in the
    migration refuse UPDATE and DELETE on both engines."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_entity", "entity", "entity_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(Integer)  # no FK: entries outlive users
    username: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    detail: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(String(60), default="")
