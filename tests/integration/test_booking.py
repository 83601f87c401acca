"""Booking mediation sessions on both engines: the one conflict check (room, mediators,
experts, buffers, working hours, lunch, rest days and 调休 including the admin's override
table), rescheduling and cancelling with a reason, attendance and no-shows, the views — and
no double booking when several processes book overlapping slots at the same moment."""

from __future__ import annotations

import multiprocessing
import random
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from core.auth import PermissionDenied
from core.booking import (
    BookingConflict,
    BookingError,
    BookingRequest,
    BookingRules,
    assess,
    book,
    cancel,
    check_booking,
    day_view,
    free_slots,
    mark_attendance,
    parse_working_hours,
    reschedule,
    today_list,
    week_view,
)
from core.booking import _hours_clashes as hours_clashes
from core.calendar_overrides import list_overrides, load_calendar, remove_override, set_override
from core.uow import read_only, unit_of_work
from db.models import Appointment, AuditEntry, BookedResource, CaseParty, Expert, Setting
from tests.conftest import make_user
from tests.factories import add_case

NOW = datetime(2026, 11, 22, 8, 0)  # a Sunday; the sessions below are in the following weeks
MONDAY = date(2026, 11, 23)
ROOM1, ROOM2, ROOM3 = 3, 4, 5  # 第一/第二/第三调解室 (seeded)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hh, minute=mm)


def _case(engine, committee="medical", **kw) -> tuple[int, tuple[int, ...]]:
    number = add_case(engine, committee=committee, **kw)
    with read_only(engine) as s:
        from db.models import Case

        case_id = s.scalar(select(Case.id).where(Case.number == number))
        parties = tuple(s.scalars(select(CaseParty.id).where(CaseParty.case_id == case_id)
                                  .order_by(CaseParty.position)))
    return case_id, parties


def _expert(engine, name="姜金水") -> int:
    with unit_of_work(engine) as s:
        e = Expert(name=name, kind="expert", agency="衢江区卫生健康局")
        s.add(e)
        s.flush()
        return e.id


@pytest.fixture()
def setup(engine, users, _password_hash):
    med2 = make_user(engine, "mediator", committees=("medical",), full_name="方福林",
                     password_hash=_password_hash)
    case_id, parties = _case(engine)
    return {"engine": engine, "users": users, "case": case_id, "parties": parties,
            "med": users["mediator"].id, "med2": med2.id}


def _req(setup, start, minutes=90, room=ROOM1, mediators=None, experts=(), case=None, parties=None,
         purpose="第1次调解") -> BookingRequest:
    return BookingRequest(case or setup["case"], start, minutes, room,
                          tuple(mediators if mediators is not None else (setup["med"],)), tuple(experts),
                          tuple(parties if parties is not None else setup["parties"]), purpose)


def _book(setup, request, who="reception"):
    return book(setup["engine"], setup["users"][who], request, now=NOW)


# ------------------------------------------------------------------------ clashes


def test_a_booking_is_written_with_its_resources_invitations_and_audit(setup):
    engine = setup["engine"]
    row = _book(setup, _req(setup, at(MONDAY, 9)))
    assert (row.status, row.room_name, row.time_label) == ("booked", "第一调解室", "09:00–10:30")
    assert row.mediator_names == "李调解"
    assert row.party_names == "张三、衢江区人民医院"
    with read_only(engine) as s:
        resources = s.execute(select(BookedResource.resource_kind, BookedResource.resource_id,
                                     BookedResource.starts_at, BookedResource.ends_at, BookedResource.active)
                              .where(BookedResource.appointment_id == row.id)).all()
        audit = s.scalar(select(AuditEntry.action).where(AuditEntry.entity == "appointment",
                                                         AuditEntry.entity_id == row.id))
    # The resource rows carry the real start and the end padded by the 15-minute buffer.
    assert sorted(resources) == [("room", ROOM1, at(MONDAY, 9), at(MONDAY, 10, 45), True),
                                 ("user", setup["med"], at(MONDAY, 9), at(MONDAY, 10, 45), True)]
    assert audit == "appointment.book"


def test_the_room_clash_is_refused_with_alternatives(setup):
    _book(setup, _req(setup, at(MONDAY, 9)))
    other = _req(setup, at(MONDAY, 9, 30), mediators=(setup["med2"],))
    with pytest.raises(BookingConflict) as caught:
        _book(setup, other)
    clash, = caught.value.clashes
    assert clash.kind == "room" and clash.field == "room"
    assert "第一调解室" in clash.message and "09:00–10:30" in clash.message
    slots = caught.value.alternatives
    assert slots, "the next free slots are offered"
    # The same mediator is free at 09:30 in another room: that is the first alternative.
    assert (slots[0].starts_at, slots[0].same_room) == (at(MONDAY, 9, 30), False)
    for slot in slots:
        assert not check_booking(setup["engine"], other.at(slot.starts_at, slot.room_id), now=NOW)


def test_a_mediator_cannot_be_in_two_rooms_at_once(setup):
    _book(setup, _req(setup, at(MONDAY, 9)))
    with pytest.raises(BookingConflict) as caught:
        _book(setup, _req(setup, at(MONDAY, 10), room=ROOM2))
    clash, = caught.value.clashes
    assert (clash.kind, clash.resource_id, clash.name) == ("user", setup["med"], "李调解")
    assert caught.value.alternatives[0].starts_at >= at(MONDAY, 10, 45)


def test_an_expert_cannot_be_in_two_sessions_at_once(setup):
    expert = _expert(setup["engine"])
    case2, parties2 = _case(setup["engine"], parties=(("王五", "person"), ("李六", "person")))
    _book(setup, _req(setup, at(MONDAY, 14), experts=(expert,)))
    with pytest.raises(BookingConflict) as caught:
        _book(setup, _req(setup, at(MONDAY, 15), room=ROOM2, mediators=(setup["med2"],), experts=(expert,),
                          case=case2, parties=parties2))
    clash, = caught.value.clashes
    assert (clash.kind, clash.name, clash.field) == ("expert", "姜金水", "experts")
    assert "专家姜金水" in clash.message


def test_one_check_reports_the_room_and_every_person_together(setup):
    expert = _expert(setup["engine"])
    _book(setup, _req(setup, at(MONDAY, 9), experts=(expert,)))
    _book(setup, _req(setup, at(MONDAY, 9), room=ROOM2, mediators=(setup["med2"],)))
    clashes = check_booking(setup["engine"], _req(setup, at(MONDAY, 9, 30), room=ROOM1,
                                                  mediators=(setup["med"], setup["med2"]), experts=(expert,)),
                            now=NOW)
    assert sorted((c.kind, c.resource_id) for c in clashes) == sorted(
        [("room", ROOM1), ("user", setup["med"]), ("user", setup["med2"]), ("expert", expert)])


def test_the_buffer_between_sessions_applies_to_rooms_and_people(setup):
    _book(setup, _req(setup, at(MONDAY, 9)))  # ends 10:30
    too_soon = check_booking(setup["engine"], _req(setup, at(MONDAY, 10, 40), minutes=60), now=NOW)
    assert {c.kind for c in too_soon} == {"room", "user"}
    assert all("前后须间隔15分钟" in c.message for c in too_soon)
    # The same mediator in another room, and another mediator in the same room: still too soon.
    assert [c.kind for c in check_booking(setup["engine"], _req(setup, at(MONDAY, 10, 40), 60, room=ROOM2),
                                          now=NOW)] == ["user"]
    assert [c.kind for c in check_booking(setup["engine"], _req(setup, at(MONDAY, 10, 40), 60,
                                                                mediators=(setup["med2"],)), now=NOW)] == ["room"]
    # Before the session the buffer applies too: 08:30–08:50 leaves only 10 minutes.
    assert check_booking(setup["engine"], _req(setup, at(MONDAY, 8, 30), minutes=20), now=NOW)
    assert not check_booking(setup["engine"], _req(setup, at(MONDAY, 8, 30), minutes=15), now=NOW)
    _book(setup, _req(setup, at(MONDAY, 10, 45), minutes=60))


def test_the_buffer_follows_the_setting(setup):
    with unit_of_work(setup["engine"]) as s:
        s.get(Setting, "booking_buffer_minutes").value = "0"
    _book(setup, _req(setup, at(MONDAY, 9)))
    _book(setup, _req(setup, at(MONDAY, 10, 30), minutes=60))  # back to back


def test_working_hours_and_the_lunch_break(setup):
    engine = setup["engine"]

    def kinds(start, minutes):
        return [(c.kind, c.message) for c in check_booking(engine, _req(setup, start, minutes), now=NOW)]

    lunch = kinds(at(MONDAY, 11, 30), 60)
    assert lunch and lunch[0][0] == "hours" and "午休时间（12:00–14:00）" in lunch[0][1]
    assert "午休" in kinds(at(MONDAY, 12, 30), 30)[0][1]
    assert "超出工作时间" in kinds(at(MONDAY, 17), 60)[0][1]
    assert "超出工作时间" in kinds(at(MONDAY, 8), 60)[0][1]
    assert kinds(at(MONDAY, 8, 30), 210) == []  # the whole morning
    assert kinds(at(MONDAY, 16), 90) == []  # ends 17:30 sharp
    with pytest.raises(BookingConflict) as caught:
        _book(setup, _req(setup, at(MONDAY, 11, 30), 60))
    # Alternatives respect the hours: nothing spans the lunch break.
    for slot in caught.value.alternatives:
        assert not (slot.starts_at.hour < 12 < slot.ends_at.hour + (slot.ends_at.minute > 0))
        assert slot.ends_at.time() <= datetime.strptime("17:30", "%H:%M").time()


def test_working_hours_follow_the_setting(setup):
    with unit_of_work(setup["engine"]) as s:
        s.get(Setting, "working_hours").value = "09:00-12:00,13:30-17:00"
    messages = [c.message for c in check_booking(setup["engine"], _req(setup, at(MONDAY, 8, 30), 60), now=NOW)]
    assert messages and "09:00–12:00、13:30–17:00" in messages[0]
    assert not check_booking(setup["engine"], _req(setup, at(MONDAY, 13, 30), 60), now=NOW)


def test_holidays_weekends_and_make_up_days_from_chinese_calendar(setup):
    engine = setup["engine"]
    early = datetime(2026, 9, 1, 8)
    national_day = check_booking(engine, _req(setup, at(date(2026, 10, 1), 9)), now=early)
    assert [c.kind for c in national_day] == ["calendar"]
    assert "国庆节假期" in national_day[0].message
    saturday = check_booking(engine, _req(setup, at(date(2026, 11, 28), 9)), now=NOW)
    assert "休息日" in saturday[0].message
    # 2026-09-20 is a Sunday worked in lieu of the National Day holiday (国务院 schedule).
    assert check_booking(engine, _req(setup, at(date(2026, 9, 20), 9)), now=early) == []
    # Alternatives skip the holiday week (1–7 October 2026) entirely.
    slots = free_slots(engine, _req(setup, at(date(2026, 10, 1), 9)), now=early)
    assert slots[0].starts_at == at(date(2026, 10, 8), 8, 30)


def test_the_override_table_adds_a_make_up_saturday_and_a_holiday(setup):
    engine, admin = setup["engine"], setup["users"]["admin"]
    saturday, thursday = date(2026, 12, 5), date(2026, 12, 31)
    assert check_booking(engine, _req(setup, at(saturday, 9)), now=NOW)
    set_override(engine, admin, saturday, True, "调休上班")
    set_override(engine, admin, thursday, False, "元旦调休")
    assert check_booking(engine, _req(setup, at(saturday, 9)), now=NOW) == []
    row = _book(setup, _req(setup, at(saturday, 9)))
    assert row.starts_at.date() == saturday
    closed = check_booking(engine, _req(setup, at(thursday, 9)), now=NOW)
    assert [c.kind for c in closed] == ["calendar"] and "元旦调休" in closed[0].message
    assert [(o.day, o.workday) for o in list_overrides(engine)] == [(saturday, True), (thursday, False)]
    with read_only(engine) as s:
        assert load_calendar(s).is_workday(saturday)
    remove_override(engine, admin, thursday)
    assert check_booking(engine, _req(setup, at(thursday, 9)), now=NOW) == []
    with pytest.raises(PermissionDenied):
        set_override(engine, setup["users"]["reception"], thursday, False, "x")


def test_a_year_the_calendar_does_not_know_is_flagged_provisional(setup):
    result = assess(setup["engine"], setup["users"]["reception"], _req(setup, at(date(2027, 3, 1), 9)), now=NOW)
    assert result.bookable
    assert any("2027年的放假调休安排尚未录入" in w for w in result.warnings)


def test_past_times_are_refused(setup):
    clashes = check_booking(setup["engine"], _req(setup, at(MONDAY, 9)), now=at(MONDAY, 9, 5))
    assert [c.kind for c in clashes] == ["past"]


# The working-hours setting and the hours rule, as properties (no database needed).
_quarters = st.integers(min_value=6 * 4, max_value=21 * 4)


@st.composite
def _periods(draw):
    edges = sorted(draw(st.sets(_quarters, min_size=2, max_size=6)))
    if len(edges) % 2:
        edges = edges[:-1]
    return [(datetime.min.replace(hour=a // 4, minute=a % 4 * 15).time(),
             datetime.min.replace(hour=b // 4, minute=b % 4 * 15).time()) for a, b in zip(edges[::2], edges[1::2], strict=True)]


@given(_periods(), st.integers(min_value=0, max_value=24 * 4 - 1), st.integers(min_value=1, max_value=24))
def test_a_session_is_within_hours_exactly_when_one_period_holds_it(periods, start_q, length_q):
    text_setting = "，".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in periods)
    assert parse_working_hours(text_setting) == tuple(periods)
    rules = BookingRules(tuple(periods), timedelta(minutes=15), 90)
    start = datetime(2026, 11, 23) + timedelta(minutes=15 * start_q)
    end = start + timedelta(minutes=15 * length_q)
    inside = any(datetime.combine(start.date(), a) <= start and end <= datetime.combine(start.date(), b)
                 for a, b in periods)
    clashes = hours_clashes(rules, start, end)
    assert (clashes == []) == inside
    assert all(c.kind == "hours" and c.message for c in clashes)


@pytest.mark.parametrize("bad", ["", "8:30", "12:00-08:30", "08:30-12:00,11:00-14:00", "早上-中午"])
def test_malformed_working_hours_are_refused(bad):
    with pytest.raises(ValueError):
        parse_working_hours(bad)


# -------------------------------------------------------------------- validation


def test_the_form_is_validated_field_by_field(setup):
    engine = setup["engine"]
    other_case, other_parties = _case(engine, parties=(("王五", "person"), ("李六", "person")))
    bad = BookingRequest(setup["case"], at(MONDAY, 9), 5, None, (), (), other_parties[:1])
    with pytest.raises(BookingError) as caught:
        _book(setup, bad)
    assert set(caught.value.errors) == {"minutes", "room", "mediators", "invited"}
    assert caught.value.errors["invited"] == "所邀请的当事人不属于本案"
    assert "第十九条" in caught.value.errors["mediators"]
    with pytest.raises(BookingError, match="不是调解员"):
        _book(setup, _req(setup, at(MONDAY, 9), mediators=(setup["users"]["reception"].id,)))
    with read_only(engine) as s:
        assert s.scalar(select(Appointment.id)) is None


def test_a_concluded_case_cannot_be_booked(setup):
    case_id, parties = _case(setup["engine"], status="agreed")
    with pytest.raises(BookingError, match="已达成协议"):
        _book(setup, _req(setup, at(MONDAY, 9), case=case_id, parties=parties))


def test_who_may_book(setup):
    engine = setup["engine"]
    with pytest.raises(PermissionDenied):
        _book(setup, _req(setup, at(MONDAY, 9)), who="director")
    labour_case, labour_parties = _case(engine, committee="labour", dispute_type="10")
    labour_mediator = make_user(engine, "mediator", committees=("labour",))
    # The mediator of the medical and traffic committees may not book a labour case …
    with pytest.raises(PermissionDenied):
        _book(setup, _req(setup, at(MONDAY, 9), case=labour_case, parties=labour_parties,
                          mediators=(labour_mediator.id,)), who="mediator")
    # … but books the medical one, and reception books anything.
    assert _book(setup, _req(setup, at(MONDAY, 9)), who="mediator").status == "booked"
    _book(setup, _req(setup, at(MONDAY, 9), room=ROOM2, case=labour_case, parties=labour_parties,
                      mediators=(labour_mediator.id,)))


# ------------------------------------------------------------ reschedule, cancel


def test_reschedule_cancels_the_old_and_books_the_new_atomically(setup):
    engine = setup["engine"]
    expert = _expert(engine)
    old = _book(setup, _req(setup, at(MONDAY, 9), experts=(expert,)))
    with pytest.raises(BookingError, match="请填写改期原因"):
        reschedule(engine, setup["users"]["reception"], old.id, at(MONDAY, 14), 90, "  ", now=NOW)
    # Moving it by 30 minutes overlaps only itself: allowed.
    new = reschedule(engine, setup["users"]["reception"], old.id, at(MONDAY, 9, 30), 90, "申请人路上堵车",
                     now=NOW)
    assert new.rescheduled_from_id == old.id and new.status == "booked"
    assert (new.mediators, new.experts, new.room_id) == (old.mediators, old.experts, old.room_id)
    assert [p.case_party_id for p in new.parties] == [p.case_party_id for p in old.parties]
    rows = {r.id: r for r in day_view(engine, MONDAY)}
    assert rows[old.id].status == "cancelled" and rows[old.id].cancel_reason == "改期：申请人路上堵车"
    with read_only(engine) as s:
        active = s.scalars(select(BookedResource.active).where(BookedResource.appointment_id == old.id)).all()
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "appointment")).all()
    assert active == [False, False, False]
    assert "appointment.reschedule" in actions
    # Rescheduling into a clash changes nothing.
    blocker = _book(setup, _req(setup, at(date(2026, 11, 24), 9), room=ROOM2, mediators=(setup["med2"],),
                                experts=(expert,)))
    with pytest.raises(BookingConflict) as caught:
        reschedule(engine, setup["users"]["reception"], new.id, at(date(2026, 11, 24), 9), 90, "调解员出差",
                   now=NOW)
    assert [c.kind for c in caught.value.clashes] == ["expert"]
    assert caught.value.alternatives
    still = {r.id: r.status for r in week_view(engine, MONDAY)}
    assert still[new.id] == "booked" and still[blocker.id] == "booked"
    with pytest.raises(ValueError, match="已取消，不能改期"):
        reschedule(engine, setup["users"]["reception"], old.id, at(MONDAY, 14), 90, "再改", now=NOW)


def test_cancel_needs_a_reason_and_frees_the_room_and_people(setup):
    engine = setup["engine"]
    row = _book(setup, _req(setup, at(MONDAY, 9)))
    with pytest.raises(BookingError, match="请填写取消原因"):
        cancel(engine, setup["users"]["reception"], row.id, "")
    done = cancel(engine, setup["users"]["mediator"], row.id, "双方已自行和解")
    assert (done.status, done.cancel_reason) == ("cancelled", "双方已自行和解")
    assert _book(setup, _req(setup, at(MONDAY, 9))).status == "booked"
    with pytest.raises(ValueError, match="不能取消"):
        cancel(engine, setup["users"]["reception"], row.id, "再取消一次")


# ------------------------------------------------------------ attendance, views


def test_attendance_and_no_shows_per_party(setup):
    engine = setup["engine"]
    row = _book(setup, _req(setup, at(MONDAY, 9)))
    applicant, respondent = row.parties
    reception = setup["users"]["reception"]
    with pytest.raises(ValueError, match="当天才能登记"):
        mark_attendance(engine, reception, applicant.invitation_id, "present", now=NOW)
    on_the_day = at(MONDAY, 9, 10)
    assert mark_attendance(engine, reception, applicant.invitation_id, "present", now=on_the_day).attendance == "present"
    mark_attendance(engine, reception, respondent.invitation_id, "no_show", now=on_the_day)
    listed, = today_list(engine, MONDAY)
    assert [p.attendance for p in listed.parties] == ["present", "no_show"]
    assert listed.parties_label == "张三✓、衢江区人民医院✗"
    mark_attendance(engine, reception, respondent.invitation_id, "invited", now=on_the_day)  # undo a mistake
    assert [p.attendance for p in today_list(engine, MONDAY)[0].parties] == ["present", "invited"]
    with pytest.raises(ValueError):
        mark_attendance(engine, reception, applicant.invitation_id, "late", now=on_the_day)
    with pytest.raises(PermissionDenied):
        mark_attendance(engine, setup["users"]["director"], applicant.invitation_id, "present", now=on_the_day)
    cancel(engine, reception, row.id, "改日")
    with pytest.raises(ValueError, match="已取消"):
        mark_attendance(engine, reception, applicant.invitation_id, "no_show", now=on_the_day)


def test_day_and_week_views_per_room_and_per_person(setup):
    engine = setup["engine"]
    expert = _expert(engine)
    a = _book(setup, _req(setup, at(MONDAY, 9)))
    b = _book(setup, _req(setup, at(MONDAY, 14), room=ROOM2, mediators=(setup["med2"],), experts=(expert,)))
    c = _book(setup, _req(setup, at(date(2026, 11, 27), 9), room=ROOM3))
    _book(setup, _req(setup, at(date(2026, 11, 30), 9)))  # next week
    assert [r.id for r in day_view(engine, MONDAY)] == [a.id, b.id]
    assert [r.id for r in day_view(engine, MONDAY, room_id=ROOM2)] == [b.id]
    assert [r.id for r in day_view(engine, MONDAY, person=("user", setup["med"]))] == [a.id]
    assert [r.id for r in day_view(engine, MONDAY, person=("expert", expert))] == [b.id]
    assert [r.id for r in week_view(engine, date(2026, 11, 26))] == [a.id, b.id, c.id]
    assert [r.id for r in week_view(engine, MONDAY, person=("user", setup["med"]))] == [a.id, c.id]
    assert b.expert_names == "姜金水" and b.holds("expert", expert) and not a.holds("room", ROOM2)
    cancel(engine, setup["users"]["reception"], a.id, "当事人生病")
    assert [r.status for r in today_list(engine, MONDAY)] == ["cancelled", "booked"]
    assert [r.id for r in day_view(engine, MONDAY, include_cancelled=False)] == [b.id]


def test_assess_gives_the_dialog_everything_at_once(setup):
    engine = setup["engine"]
    expert = _expert(engine)
    _book(setup, _req(setup, at(MONDAY, 9)))
    result = assess(engine, setup["users"]["reception"], _req(setup, at(MONDAY, 9, 30), experts=(expert,)), now=NOW)
    assert not result.bookable and result.alternatives
    assert any("第二十条" in w for w in result.warnings)  # expert without the parties' consent
    incomplete = assess(engine, setup["users"]["reception"], _req(setup, at(MONDAY, 9), mediators=()), now=NOW)
    assert "mediators" in incomplete.errors


# ---------------------------------------------------------- the database guard


@pytest.mark.postgres
def test_postgres_constraint_refuses_what_a_racing_check_let_through(pg_engine, monkeypatch):
    """Two PCs both pass the check (READ COMMITTED): the exclusion constraint refuses the
    second insert, and the user gets a conflict with alternatives, not a crash."""
    import core.booking as booking

    reception = make_user(pg_engine, "reception")
    med = make_user(pg_engine, "mediator", committees=("medical",))
    case_id, parties = _case(pg_engine)
    request = BookingRequest(case_id, at(MONDAY, 9), 90, ROOM1, (med.id,), (), parties)
    book(pg_engine, reception, request, now=NOW)
    monkeypatch.setattr(booking, "_resource_clashes", lambda *a, **k: [])
    # Only 10 minutes after the first session: the padded rows make the database enforce the buffer.
    with pytest.raises(BookingConflict) as caught:
        book(pg_engine, reception, request.at(at(MONDAY, 10, 40)), now=NOW)
    assert caught.value.alternatives
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM appointments")).scalar() == 1


def _overlaps(engine) -> int:
    """Pairs of live sessions holding the same room or person less than the buffer apart."""
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM booked_resources r1 "
            "JOIN appointments a1 ON a1.id = r1.appointment_id "
            "JOIN booked_resources r2 ON r2.resource_kind = r1.resource_kind "
            " AND r2.resource_id = r1.resource_id AND r2.appointment_id > r1.appointment_id "
            "JOIN appointments a2 ON a2.id = r2.appointment_id "
            "WHERE r1.active AND r2.active AND a1.status <> 'cancelled' AND a2.status <> 'cancelled' "
            "AND a1.starts_at < a2.ends_at AND a2.starts_at < a1.ends_at")).scalar()


def _racer(url, user, case_id, parties, mediators, seed, attempts, barrier, results):
    from db.engine import make_engine

    engine = make_engine(url)
    rng = random.Random(seed)
    ok = refused = 0
    barrier.wait()
    for _ in range(attempts):
        start = at(MONDAY, 8, 30) + timedelta(minutes=15 * rng.randint(0, 10))
        room = rng.choice((ROOM1, ROOM2))
        request = BookingRequest(case_id, start, 60, room, (rng.choice(mediators),), (), parties)
        try:
            book(engine, user, request, now=NOW)
            ok += 1
        except BookingConflict:
            refused += 1
    engine.dispose()
    results.put((ok, refused))


def _race(engine, url, processes, attempts):
    reception = make_user(engine, "reception")
    mediators = tuple(make_user(engine, "mediator", committees=("medical",)).id for _ in range(2))
    case_id, parties = _case(engine)
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    workers = [ctx.Process(target=_racer, args=(url, reception, case_id, parties, mediators, seed, attempts,
                                                barrier, results)) for seed in range(processes)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    ok = sum(o for o, _ in outcomes)
    refused = sum(r for _, r in outcomes)
    assert ok + refused == processes * attempts  # every attempt either booked or was refused
    assert ok >= 2 and refused > 0
    assert _overlaps(engine) == 0
    # The buffer holds too: no two live sessions of one room or person less than 15 minutes apart.
    rows = [r for r in week_view(engine, MONDAY) if r.status == "booked"]
    assert len(rows) == ok
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            shared = ({("room", a.room_id)} | {("user", p.id) for p in a.mediators}) & (
                {("room", b.room_id)} | {("user", p.id) for p in b.mediators})
            if shared:
                assert a.ends_at + timedelta(minutes=15) <= b.starts_at or b.ends_at + timedelta(minutes=15) <= a.starts_at


@pytest.mark.postgres
def test_eight_processes_booking_overlapping_slots_never_double_book_on_postgres(pg_engine, pg_url):
    _race(pg_engine, pg_url, processes=8, attempts=25)


def test_four_processes_booking_overlapping_slots_never_double_book_on_sqlite(sqlite_engine, sqlite_url):
    _race(sqlite_engine, sqlite_url, processes=4, attempts=20)
