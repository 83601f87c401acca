"""Fairness and consent (回避, Art.19, Art.20, Art.23) and referrals out of scope."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ExpertRelation(Base):
    """A relation an expert (or mediator) declared: to a person or an organisation
    (employer, former employer, relative …), checked against every case's parties."""

    __tablename__ = "expert_relations"
    __table_args__ = (
        CheckConstraint("expert_id IS NOT NULL OR user_id IS NOT NULL", name="who"),
        Index("ix_expert_relations_expert", "expert_id"),
        Index("ix_expert_relations_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))  # the person's or organisation's name
    id_number: Mapped[str | None] = mapped_column(String(40))  # ID number or USCC, if known
    relation: Mapped[str] = mapped_column(String(60))  # 配偶, 近亲属, 原工作单位 …


class Consent(Base):
    """A party's recorded consent or choice: bringing in an expert (Art.20), choosing the
    mediator (Art.19), public or not (Art.23, medical Art.42), extending a deadline."""

    __tablename__ = "consents"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('expert', 'mediator_choice', 'public', 'extension', 'medical_application')",
            name="kind",
        ),
        CheckConstraint("form IN ('oral', 'written')", name="form"),
        Index("ix_consents_case", "case_id"),
        Index("ix_consents_case_party", "case_party_id"),  # a party's answers (0006)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    case_party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    given: Mapped[bool] = mapped_column(default=True)  # False: the party refused
    form: Mapped[str] = mapped_column(String(10), default="written")
    given_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class RecusalRequest(Base):
    """A party asks for a mediator or expert to step aside (oral or written)."""

    __tablename__ = "recusal_requests"
    __table_args__ = (
        CheckConstraint("form IN ('oral', 'written')", name="form"),
        CheckConstraint("outcome IN ('pending', 'granted', 'refused')", name="outcome"),
        CheckConstraint("expert_id IS NOT NULL OR user_id IS NOT NULL", name="target"),
        Index("ix_recusal_requests_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    case_party_id: Mapped[int | None] = mapped_column(ForeignKey("case_parties.id"))
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    form: Mapped[str] = mapped_column(String(10), default="oral")
    reason: Mapped[str] = mapped_column(Text, default="")
    requested_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(10), default="pending")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ConflictOverride(Base):
    """A conflict of interest that was found and overridden, with the reason."""

    __tablename__ = "conflict_overrides"
    __table_args__ = (
        CheckConstraint("expert_id IS NOT NULL OR user_id IS NOT NULL", name="target"),
        Index("ix_conflict_overrides_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    conflicts: Mapped[str] = mapped_column(Text)  # what the check found
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Referral(Base):
    """转办单: a walk-in whose matter is out of scope, referred to the right authority."""

    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    visitor_name: Mapped[str] = mapped_column(String(120))
    visitor_phone: Mapped[str | None] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)  # why out of scope, with the legal basis
    refer_to: Mapped[str] = mapped_column(String(200))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("queue_tickets.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
