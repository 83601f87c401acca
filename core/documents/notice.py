"""调解通知书: the notice an invited party receives for a booked mediation session (A4, one page
per party).

It tells the party when and where (room and the centre's address, Setting ``centre_address``),
who mediates (mediators and experts, so the party can object in time), what to bring, the
party's rights under 人民调解法第二十三条, that they may ask for a mediator or expert to step
aside (回避), and that mediation is free of charge (第四条). The committee's seal area, the date
and a delivery receipt (送达回执) close the page. ID numbers are masked (first 6 and last 4,
居民身份证法第十三条, 个人信息保护法): a notice does not need the full number.

Built from plain data (:class:`NoticeData`); :func:`notice_data` reads it from the database
and :func:`build_notices` is the use case the screens call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Table, TableStyle
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, aliased

from core.auth import CurrentUser, PermissionDenied, case_scope_refusal, require, use_case
from core.calendar_overrides import WEEKDAYS
from core.documents.engine import mm, page_break, para, render, signature_block, spacer, table
from core.identifiers import ID_TYPES, mask_id
from core.settings import get_settings
from core.uow import read_only
from db.codes import CASE_PARTY_ROLES, DISPUTE_TYPES
from db.models import (
    Appointment,
    BookedResource,
    Case,
    CaseParty,
    Committee,
    Expert,
    Invitation,
    Party,
    Room,
    User,
)

__all__ = ["RIGHTS", "TITLE", "NoticeData", "NoticeParty", "build_notices", "notice_data", "render_notices",
           "what_to_bring"]

TITLE = "调解通知书"

#: 人民调解法第二十三条.
RIGHTS: tuple[str, ...] = (
    "选择或者接受人民调解员；",
    "接受调解、拒绝调解或者要求终止调解；",
    "要求调解公开进行或者不公开进行；",
    "自主表达意愿、自愿达成调解协议。",
)
RECUSAL = ("调解员、专家是本纠纷的当事人或者当事人的近亲属，与本纠纷有利害关系，或者与本纠纷当事人有其他"
           "关系、可能影响公正调解的，你（单位）可以在调解前或者调解中口头或者书面申请其回避，"
           "要求更换调解员。")
_NUMERALS = "一二三四五六七八九十"
_FRAME_W = 165 * mm  # A4 minus the engine's margins (25 + 20 mm)
_LABEL_W = 30 * mm

# Evidence commonly asked for, by committee (local practice; shown after the general items).
_EVIDENCE: dict[str, str] = {
    "medical": "病历资料、医疗费用票据等复印件（已进行医疗损害鉴定的，携带鉴定意见书）；",
    "traffic": "道路交通事故认定书、医疗费用票据、误工及护理证明、车辆行驶证和驾驶证复印件等；",
    "labour": "劳动合同、工资发放记录、考勤记录、工伤认定书等；",
    "land": "土地承包合同、权属证明、四至界址材料等；",
    "education": "学生证或在校证明、事故经过说明、医疗费用票据等；",
    "safety": "事故调查报告、医疗费用票据、劳动关系证明等；",
}


@dataclass(frozen=True)
class NoticeParty:
    """The addressee."""

    name: str
    role: str  # applicant / respondent / third_party / agent
    kind: str  # person / organisation
    id_type: str | None = None
    id_number: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    represents: str = ""  # for an agent: whom they represent

    @property
    def role_name(self) -> str:
        return "委托代理人" if self.role == "agent" else CASE_PARTY_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class NoticeData:
    centre_name: str
    committee_name: str
    case_number: str
    dispute_type: str  # code, e.g. "13"
    committee: str  # code, e.g. "medical"
    applicants: tuple[str, ...]
    respondents: tuple[str, ...]
    starts_at: datetime
    ends_at: datetime
    room: str
    mediators: tuple[str, ...]
    experts: tuple[str, ...]
    party: NoticeParty
    issued_on: date
    centre_address: str = ""
    centre_phone: str = ""

    @property
    def dispute_type_name(self) -> str:
        return DISPUTE_TYPES.get(self.dispute_type, "")


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _when(start: datetime, end: datetime) -> str:
    noon = "上午" if start.hour < 12 else "下午"
    return (f"{_cn_date(start)}（{WEEKDAYS[start.weekday()]}）{noon}{start:%H:%M}至{end:%H:%M}")


def what_to_bring(data: NoticeData) -> list[str]:
    """The list printed under 请携带以下材料, depending on who the addressee is."""
    party = data.party
    if party.role == "agent":
        items = ["授权委托书原件（载明代理事项和权限，由委托人签名或盖章）；",
                 "代理人本人的身份证件原件及复印件（律师另带执业证及律师事务所函）；"]
    elif party.kind == "organisation":
        items = ["营业执照或统一社会信用代码证书复印件（加盖公章）；",
                 "法定代表人（负责人）身份证明书，或授权委托书及受托人身份证件；"]
    else:
        items = ["本人居民身份证（或其他有效身份证件）原件及复印件；",
                 "委托他人代为参加的，请代理人携带授权委托书及代理人身份证件；"]
    items.append("与纠纷有关的证据材料原件及复印件（如合同、协议、票据、照片、聊天记录等）；")
    if data.committee in _EVIDENCE:
        items.append(_EVIDENCE[data.committee])
    items.append("本通知书。")
    return items


def _identity(party: NoticeParty) -> str:
    if party.kind == "organisation":
        if party.uscc:
            return f"统一社会信用代码：{party.uscc}"
        return f"法定代表人（负责人）：{party.legal_representative}" if party.legal_representative else ""
    if party.id_number:
        return f"{ID_TYPES.get(party.id_type or '', '身份证件')}号码：{mask_id(party.id_number)}"
    return ""


def _opening(data: NoticeData) -> str:
    between = "、".join(data.applicants)
    if data.respondents:
        between += "与" + "、".join(data.respondents)
    matter = f"{data.dispute_type_name}纠纷" if data.dispute_type_name and data.dispute_type != "99" else "纠纷"
    you = "你" if data.party.kind == "person" else "你单位"
    role = f"作为{data.party.represents}的委托代理人" if data.party.role == "agent" and data.party.represents else ""
    return (f"{between}之间的{matter}一案，{data.committee_name}已依法受理。"
            f"现定于下列时间、地点进行调解，请{you}{role}准时参加：")


def _details(data: NoticeData) -> Table:
    place = data.room + (f"（{data.centre_address}）" if data.centre_address else "")
    rows = [["调解时间", _when(data.starts_at, data.ends_at)],
            ["调解地点", place],
            ["调 解 员", "、".join(data.mediators) or "另行告知"]]
    if data.experts:
        rows.append(["参加调解的专家", "、".join(data.experts)])
    if data.centre_phone:
        rows.append(["联系电话", data.centre_phone])
    return table(rows, [_LABEL_W, _FRAME_W - _LABEL_W], header=False, style="cell",
                 extra_style=[("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EFEFEF"))])


def _numbered(items: Sequence[str]) -> list:
    return [para(f"（{_NUMERALS[i]}）{text}", "body", fontSize=11, leading=16.5, leftIndent=22, spaceAfter=1)
            for i, text in enumerate(items)]


def _heading(text: str):
    return para(text, "body", tj_bold=0.03, spaceBefore=5, spaceAfter=2)


def _seal(data: NoticeData) -> Table:
    """The committee's seal area on the right: its name and the date, which the seal covers (the
    committee is the body that mediates, 人民调解法第七条)."""
    cell = [para(f"{data.committee_name}（盖章）", "body", align="center"), spacer(3 * mm),
            para(_cn_date(data.issued_on), "body", align="center")]
    grid = Table([["", cell]], colWidths=[_FRAME_W - 85 * mm, 85 * mm])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return grid


def _receipt(data: NoticeData) -> list:
    line = Table([[""]], colWidths=[_FRAME_W], rowHeights=[2 * mm])
    line.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black, None, (3, 2))]))
    return [spacer(3 * mm), line,
            para(f"送达回执\u3000\u3000{data.case_number}\u3000{TITLE}已收到。", "body", tj_bold=0.03,
                 spaceAfter=0),
            signature_block("受送达人", seal=data.party.kind == "organisation")]


def _page(data: NoticeData) -> list:
    party = data.party
    identity = _identity(party)
    story = [
        para(data.centre_name, "subtitle", spaceAfter=2),
        para(TITLE, "title", spaceAfter=2),
        para(data.case_number, "right"),
        para(f"{party.name}（{party.role_name}{'，' + identity if identity else ''}）：", "body"),
    ]
    story += [
        para(_opening(data), "body_indent"),
        _details(data),
        _heading("请携带以下材料："),
        *_numbered(what_to_bring(data)),
        _heading("当事人在人民调解活动中享有下列权利（人民调解法第二十三条）："),
        para("".join(f"（{_NUMERALS[i]}）{text}" for i, text in enumerate(RIGHTS)), "body_indent", fontSize=11,
             leading=16.5, spaceAfter=1),
        para("申请回避：" + RECUSAL, "body_indent", fontSize=11, leading=16.5, spaceBefore=4),
        para("人民调解不收取任何费用（人民调解法第四条）。如不能按时参加，请提前告知本中心另行安排。",
             "body_indent", fontSize=11, leading=16.5),
        KeepTogether([_seal(data), *_receipt(data)]),
    ]
    return story


def render_notices(items: Sequence[NoticeData], *, out=None) -> bytes:
    """One A4 page (or more, for long lists) per addressee, in order."""
    if not items:
        raise ValueError("没有需要打印调解通知书的当事人")
    story: list = []
    for i, data in enumerate(items):
        if i:
            story.append(page_break())
        story += _page(data)
    first = items[0]
    return render(story, title=f"{TITLE} {first.case_number}", footer=first.centre_name, page_numbers=False,
                  out=out)


def notice_data(session: Session, appointment_id: int, *, invitation_ids: Sequence[int] | None = None,
                issued_on: date | None = None) -> list[NoticeData]:
    """The notices of one appointment: every invited party (or only ``invitation_ids``)."""
    row = session.execute(
        select(Appointment.starts_at, Appointment.ends_at, Appointment.status, Case.id, Case.number,
               Case.dispute_type, Committee.code, Committee.name, Room.name)
        .join(Case, Case.id == Appointment.case_id).join(Committee, Committee.id == Case.committee_id)
        .join(Room, Room.id == Appointment.room_id).where(Appointment.id == appointment_id)
    ).first()
    if row is None:
        raise ValueError("该预约已不存在")
    starts_at, ends_at, status, case_id, number, dispute_type, code, committee_name, room = row
    if status == "cancelled":
        raise ValueError("该预约已取消，不能打印调解通知书")
    settings = get_settings(session)
    people = session.execute(
        select(BookedResource.resource_kind, BookedResource.resource_id)
        .where(BookedResource.appointment_id == appointment_id, BookedResource.resource_kind != "room")
        .order_by(BookedResource.id)).all()
    users = dict(session.execute(select(User.id, User.full_name).where(
        User.id.in_([i for k, i in people if k == "user"]))).all())
    experts = {i: (name, title) for i, name, title in session.execute(
        select(Expert.id, Expert.name, Expert.title).where(Expert.id.in_([i for k, i in people if k == "expert"])))}
    principals = session.execute(
        select(CaseParty.id, CaseParty.role, Party.name).join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id == case_id, CaseParty.role != "agent")
        .order_by(CaseParty.position, CaseParty.id)).all()
    represented = aliased(CaseParty)
    represented_party = aliased(Party)
    query = (
        select(Invitation.id, CaseParty.role, Party.name, Party.kind, Party.id_type, Party.id_number, Party.uscc,
               Party.legal_representative, represented_party.name)
        .join(CaseParty, CaseParty.id == Invitation.case_party_id)
        .join(Party, Party.id == CaseParty.party_id)
        .outerjoin(represented, represented.id == CaseParty.represents_id)
        .outerjoin(represented_party, represented_party.id == represented.party_id)
        .where(Invitation.appointment_id == appointment_id)
        .order_by(CaseParty.position, CaseParty.id)
    )
    if invitation_ids is not None:
        query = query.where(Invitation.id.in_(list(invitation_ids)))
    common = dict(
        centre_name=settings.get("centre_name", ""), committee_name=committee_name, case_number=number,
        dispute_type=dispute_type, committee=code,
        applicants=tuple(n for _, r, n in principals if r == "applicant"),
        respondents=tuple(n for _, r, n in principals if r != "applicant"),
        starts_at=starts_at, ends_at=ends_at, room=room,
        mediators=tuple(users[i] for k, i in people if k == "user" and i in users),
        experts=tuple(f"{experts[i][0]}（{experts[i][1]}）" if experts[i][1] else experts[i][0]
                      for k, i in people if k == "expert" and i in experts),
        issued_on=issued_on or date.today(),
        centre_address=(settings.get("centre_address") or "").strip(),
        centre_phone=(settings.get("centre_phone") or "").strip(),
    )
    return [
        NoticeData(party=NoticeParty(name, role, kind, id_type, id_number, uscc, legal_rep, rep or ""), **common)
        for _iid, role, name, kind, id_type, id_number, uscc, legal_rep, rep in session.execute(query)
    ]


@use_case
def build_notices(engine: Engine, user: CurrentUser, appointment_id: int, *,
                  invitation_ids: Sequence[int] | None = None, issued_on: date | None = None, out=None) -> bytes:
    """The use case behind "打印调解通知书": one PDF with a notice per invited party."""
    require(user, "documents.print")
    with read_only(engine) as session:
        case_id, code = session.execute(
            select(Case.id, Committee.code).join(Appointment, Appointment.case_id == Case.id)
            .join(Committee, Committee.id == Case.committee_id).where(Appointment.id == appointment_id)
        ).first() or (None, "")
        refusal = case_scope_refusal(user, code, details=False)  # mediators: their committees' cases
        if refusal:
            raise PermissionDenied(refusal, permission="cases.scope", case_id=case_id)
        items = notice_data(session, appointment_id, invitation_ids=invitation_ids, issued_on=issued_on)
    return render_notices(items, out=out)
