"""The audit viewer's query (issue 7.5): filters, newest first, paging, and who may read."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.audit_view import AuditFilter, audit_usernames, count_audit, search_audit
from core.auth import PermissionDenied
from core.uow import unit_of_work
from db.models import AuditEntry


def add_entries(engine) -> None:
    entries = [
        (datetime(2026, 10, 1, 9, 0), "qiantai", "queue.take", "queue_ticket", 1, None, {"number": "A001"}, ""),
        (datetime(2026, 10, 1, 9, 5), "qiantai", "case.create", "case", 7, None,
         {"applicant": "张𠮷", "summary": "邻里漏水纠纷"}, ""),
        (datetime(2026, 10, 2, 14, 0), "tiaojieyuan", "case.update", "case", 7,
         {"status": "registered"}, {"status": "mediating"}, "开始调解"),
        (datetime(2026, 10, 3, 8, 30), "tiaojieyuan", "agreement.save", "agreement", 3, None, {"amount": "5000.00"},
         ""),
        (datetime(2026, 10, 3, 23, 59), "guanli", "user.create", "user", 9, None, {"username": "new_100%_user"}, ""),
        (datetime(2026, 10, 4, 0, 0), "guanli", "login", "user", 9, None, None, ""),
        (datetime(2026, 10, 4, 0, 1), "guanli", "casex.other", "", None, None, None, "不属于 case 组"),
    ]
    with unit_of_work(engine) as session:
        for at, username, action, entity, entity_id, before, after, detail in entries:
            session.add(AuditEntry(at=at, username=username, action=action, entity=entity, entity_id=entity_id,
                                   before=before, after=after, detail=detail, workstation="PC-1"))


def actions(rows) -> list[str]:
    return [r.action for r in rows]


def test_filters_combine_and_rows_come_newest_first(engine, users):
    add_entries(engine)
    admin = users["admin"]
    window = {"date_from": date(2026, 10, 1), "date_to": date(2026, 10, 4)}
    rows = search_audit(engine, admin, **window)
    assert actions(rows) == ["casex.other", "login", "user.create", "agreement.save", "case.update", "case.create",
                             "queue.take"]
    # date_to is inclusive of the whole day; date_from starts at midnight
    assert actions(search_audit(engine, admin, date_from=date(2026, 10, 3), date_to=date(2026, 10, 3))) == [
        "user.create", "agreement.save"]
    assert actions(search_audit(engine, admin, username="qiantai", **window)) == ["case.create", "queue.take"]
    # "case" is a group: case and case.*, not casex.*
    assert actions(search_audit(engine, admin, action_prefix="case", **window)) == ["case.update", "case.create"]
    assert actions(search_audit(engine, admin, entity="case", entity_id=7)) == ["case.update", "case.create"]
    assert actions(search_audit(engine, admin, entity="user", username="guanli", action_prefix="login")) == ["login"]


def test_free_text_searches_detail_and_the_before_after_values(engine, users):
    add_entries(engine)
    admin = users["admin"]
    assert actions(search_audit(engine, admin, text="开始调解")) == ["case.update"]
    # Chinese (and a rare character) inside the JSON values, stored escaped
    assert actions(search_audit(engine, admin, text="漏水")) == ["case.create"]
    assert actions(search_audit(engine, admin, text="张𠮷")) == ["case.create"]
    assert actions(search_audit(engine, admin, text="MEDIATING")) == ["case.update"]
    # LIKE wildcards are taken literally
    assert actions(search_audit(engine, admin, text="100%_")) == ["user.create"]
    assert search_audit(engine, admin, text="100%x") == []
    # several words: all must match
    assert actions(search_audit(engine, admin, text="case 漏水")) == ["case.create"]


def test_paging_and_count(engine, users):
    add_entries(engine)
    director = users["director"]
    flt = AuditFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 4))
    first = search_audit(engine, director, date_from=flt.date_from, date_to=flt.date_to, offset=0, limit=3)
    second = search_audit(engine, director, date_from=flt.date_from, date_to=flt.date_to, offset=3, limit=3)
    third = search_audit(engine, director, date_from=flt.date_from, date_to=flt.date_to, offset=6, limit=3)
    assert [len(first), len(second), len(third)] == [3, 3, 1]
    assert len({r.id for r in first + second + third}) == 7
    assert count_audit(engine, director, flt) == 7
    row = second[0]
    assert row.entity_name == "调解协议" and row.target == "调解协议 #3" and row.action_name == "调解协议"
    assert {"qiantai", "tiaojieyuan", "guanli"} <= set(audit_usernames(engine, director))


@pytest.mark.parametrize("role", ["reception", "mediator"])
def test_only_admin_and_director_may_read_the_audit_log(engine, users, role):
    add_entries(engine)
    with pytest.raises(PermissionDenied):
        search_audit(engine, users[role])
    with pytest.raises(PermissionDenied):
        count_audit(engine, users[role], AuditFilter())
    with pytest.raises(PermissionDenied):
        audit_usernames(engine, users[role])
