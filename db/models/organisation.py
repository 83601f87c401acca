"""The centre itself: committees, rooms, staff, the expert pool and its duty roster."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.codes import EXPERT_KINDS, ROLES, ROOM_KINDS, SEXES, sql_in
from db.models.base import Base, Timestamped

user_committees = Table(
    "user_committees",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("committee_id", ForeignKey("committees.id", ondelete="CASCADE"), primary_key=True),
)

expert_committees = Table(
    "expert_committees",
    Base.metadata,
    Column("expert_id", ForeignKey("experts.id", ondelete="CASCADE"), primary_key=True),
    Column("committee_id", ForeignKey("committees.id", ondelete="CASCADE"), primary_key=True),
)


class Committee(Base):
    """A routing target: one of the nine committees, the 涉法涉诉 studio or the general desk."""

    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    short_name: Mapped[str] = mapped_column(String(20))
    # One character: queue tickets ("医-003") and case numbers ("衢江医人调字〔2026〕第012号").
    prefix: Mapped[str] = mapped_column(String(4))
    sort_order: Mapped[int] = mapped_column(SmallInteger, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Room(Base):
    __tablename__ = "rooms"
    __table_args__ = (CheckConstraint(f"kind IN ({sql_in(ROOM_KINDS)})", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id"))
    capacity: Mapped[int] = mapped_column(SmallInteger, default=6)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Timestamped, Base):
    """A member of staff who logs in: reception, mediator, director or admin."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"role IN ({sql_in(ROLES)})", name="role"),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(SmallInteger, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)

    committees: Mapped[list[Committee]] = relationship(secondary=user_committees)


class Expert(Timestamped, Base):
    """Someone in the expert pool (专家人才库) or the legal pool (lawyers, legal workers)."""

    __tablename__ = "experts"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(EXPERT_KINDS)})", name="kind"),
        CheckConstraint(f"sex IS NULL OR sex IN ({sql_in(SEXES)})", name="sex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    # Full pinyin and initials, kept for search-as-you-type (jjs → 姜金水).
    name_pinyin: Mapped[str] = mapped_column(String(120), default="")
    name_initials: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(20), default="expert")
    sex: Mapped[str | None] = mapped_column(String(1))
    agency: Mapped[str] = mapped_column(String(80), default="")
    former_agency: Mapped[str] = mapped_column(String(80), default="")
    title: Mapped[str] = mapped_column(String(60), default="")
    # Comma-separated Chinese keywords; few per expert and searched as text.
    specialties: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    committees: Mapped[list[Committee]] = relationship(secondary=expert_committees)
    duties: Mapped[list[DutySlot]] = relationship(
        back_populates="expert", cascade="all, delete-orphan"
    )


class DutySlot(Base):
    """A weekly duty (律师值班): this lawyer sits in the duty room on this weekday."""

    __tablename__ = "duty_roster"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("starts < ends", name="order"),
        UniqueConstraint("expert_id", "weekday", "starts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(SmallInteger)  # 0 = Monday
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"))

    expert: Mapped[Expert] = relationship(back_populates="duties")


class Setting(Base):
    """Centre-wide settings an admin can edit (centre name, case-number format …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CalendarOverride(Base):
    """Admin-entered holiday or make-up working day; wins over chinese-calendar."""

    __tablename__ = "calendar_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(40), default="")
