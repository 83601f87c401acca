"""调解记录 (session records) and the evidence kept with a case.

A session record (人民调解法第二十七条; domain.md §4) holds the time and place, the matter, the
participants (invited helpers), the parties present, whether the session was public (第二十三条:
the parties' choice; 医疗纠纷预防和处理条例第四十二条: a medical dispute is never mediated in public
without both sides' consent), each party's statement, the verified facts, the risk notice, the
outcome, the next steps, the mediator and the recorder. Recording the first session of an
accepted case starts mediation (accepted → mediating).

Attachments (scans, photos, PDFs) are stored in the database with their SHA-256 and size, so
every PC on the LAN sees them; the size limit is the ``attachment_max_mb`` setting (20 MB by
default), the content must be what its name says (checked by its first bytes), and the same file
is not stored twice in one case.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, PermissionDenied, can, require, use_case
from core.lifecycle import (
    apply_transition,
    committee_code,
    consenting_parties,
    load_case,
    principals,
)
from core.messages import code_label, joined, msg
from core.uow import read_only, unit_of_work
from db.models import Attachment, CaseParty, MediationSession, Party, Setting, User

MEDICAL_ART42 = msg("《医疗纠纷预防和处理条例》第四十二条")
ART23 = msg("《人民调解法》第二十三条")
PLACE_MAX = 80
TEXT_MAX = 20000
EDITABLE = ("accepted", "mediating", "agreed", "failed", "terminated", "withdrawn")

ATTACHMENT_MAX_MB_DEFAULT = 20
ATTACHMENT_KINDS: dict[str, str] = {
    "evidence": "证据材料",
    "id_proof": "身份证明",
    "record": "调解记录（签字件）",
    "document": "文书",
    "receipt": "履行凭证",
    "other": "其他",
}
MEDIA_TYPES: dict[str, str] = {  # messages: a refusal names them
    "application/pdf": msg("PDF"),
    "image/jpeg": msg("照片（JPEG）"),
    "image/png": msg("图片（PNG）"),
    "image/tiff": msg("扫描件（TIFF）"),
    "image/bmp": msg("图片（BMP）"),
    "image/gif": msg("图片（GIF）"),
    "image/webp": msg("图片（WebP）"),
    "image/heic": msg("照片（HEIC）"),
}
_EXTENSIONS: dict[str, str] = {
    ".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
    ".tif": "image/tiff", ".tiff": "image/tiff", ".bmp": "image/bmp", ".gif": "image/gif",
    ".webp": "image/webp", ".heic": "image/heic", ".heif": "image/heic",
}


# ------------------------------------------------------------------------------ session records


@dataclass(frozen=True)
class SessionForm:
    """What the 调解记录 form holds. ``statements`` are (case_party_id, text) pairs."""

    started_at: datetime | None
    ended_at: datetime | None = None
    place: str = ""
    matter: str = ""
    participants: str = ""
    parties_present: tuple[int, ...] = ()
    public: bool = False
    statements: tuple[tuple[int, str], ...] = ()
    verified_facts: str = ""
    risk_notice: str = ""
    outcome: str = ""
    next_steps: str = ""
    mediator_id: int | None = None
    recorder_id: int | None = None
    appointment_id: int | None = None


@dataclass(frozen=True)
class SessionRow:
    id: int
    case_id: int
    started_at: datetime
    ended_at: datetime | None
    place: str
    matter: str
    participants: str
    parties_present: tuple[int, ...]
    present_names: str
    public: bool
    statements: tuple[tuple[int, str], ...]
    verified_facts: str
    risk_notice: str
    outcome: str
    next_steps: str
    mediator_id: int | None
    mediator: str
    recorder_id: int | None
    recorder: str
    appointment_id: int | None

    def form(self) -> SessionForm:
        return SessionForm(
            started_at=self.started_at, ended_at=self.ended_at, place=self.place, matter=self.matter,
            participants=self.participants, parties_present=self.parties_present, public=self.public,
            statements=self.statements, verified_facts=self.verified_facts, risk_notice=self.risk_notice,
            outcome=self.outcome, next_steps=self.next_steps, mediator_id=self.mediator_id,
            recorder_id=self.recorder_id, appointment_id=self.appointment_id)


class SessionRecordError(ValueError):
    """A 调解记录 that cannot be saved: ``errors`` maps each field to its Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = errors


def _length(errors: dict[str, str], key: str, text: str, label: str, limit: int = TEXT_MAX) -> None:
    if len(text) > limit:
        errors[key] = msg("{what}不超过{limit}个字", what=label, limit=limit)


def validate_session(session: Session, case_id: int, form: SessionForm, *, now: datetime,
                     committee: str, accepted_on: date | None) -> dict[str, str]:
    """Per-field messages (``{"place": "请填写调解地点", "statements.12": …}``); empty when valid."""
    errors: dict[str, str] = {}
    if form.started_at is None:
        errors["started_at"] = msg("请填写调解时间")
    else:
        if form.started_at > now:
            errors["started_at"] = msg("调解时间不能晚于现在")
        elif accepted_on is not None and form.started_at.date() < accepted_on:
            errors["started_at"] = msg("调解时间不能早于受理日（{day}）", day=accepted_on.isoformat())
        if form.ended_at is not None and form.ended_at <= form.started_at:
            errors["ended_at"] = msg("结束时间应晚于开始时间")
        elif form.ended_at is not None and form.ended_at.date() > now.date():
            errors["ended_at"] = msg("结束时间不能晚于今天")
    if not form.place.strip():
        errors["place"] = msg("请填写调解地点")
    _length(errors, "place", form.place.strip(), msg("调解地点"), PLACE_MAX)
    if not form.matter.strip():
        errors["matter"] = msg("请填写调解事项")
    for key, text, label in (("matter", form.matter, msg("调解事项")),
                             ("participants", form.participants, msg("参加人")),
                             ("verified_facts", form.verified_facts, msg("查明的事实")),
                             ("risk_notice", form.risk_notice, msg("风险告知")),
                             ("outcome", form.outcome, msg("调解结果")),
                             ("next_steps", form.next_steps, msg("下一步安排"))):
        _length(errors, key, text.strip(), label)
    if not form.outcome.strip():
        errors["outcome"] = msg("请填写调解结果（达成的协议或未达成的原因）")

    party_rows = {cp.id: cp for cp in session.scalars(select(CaseParty).where(CaseParty.case_id == case_id))}
    present = set(form.parties_present)
    if not present:
        errors["parties_present"] = msg("请勾选到场的当事人")
    elif not present <= set(party_rows):
        errors["parties_present"] = msg("到场人员中有不属于本案的当事人")
    for cp_id, text in form.statements:
        if cp_id not in party_rows:
            errors[f"statements.{cp_id}"] = msg("陈述人不属于本案")
        elif len(text.strip()) > TEXT_MAX:
            errors[f"statements.{cp_id}"] = msg("陈述不超过{limit}个字", limit=TEXT_MAX)

    if form.public and committee == "medical":
        agreed = consenting_parties(session, case_id, "public")
        missing = [name for cp_id, _role, name in principals(session, case_id) if cp_id not in agreed]
        if missing:
            errors["public"] = msg("医疗纠纷未经双方当事人同意不得公开调解（{law}）；尚未记录同意：{names}",
                                   law=MEDICAL_ART42, names=missing)
    for key, user_id, label in (("mediator_id", form.mediator_id, msg("调解员")),
                                ("recorder_id", form.recorder_id, msg("记录人"))):
        if user_id is None:
            if key == "recorder_id":
                errors[key] = msg("请选择记录人")
            continue
        user = session.get(User, user_id)
        if user is None or not user.active:
            errors[key] = msg("所选{what}不是在岗工作人员", what=label)
        elif key == "mediator_id" and user.role != "mediator":
            errors[key] = msg("{name}不是调解员", name=user.full_name)
    return errors


def _clean(form: SessionForm, user: CurrentUser) -> SessionForm:
    present = tuple(dict.fromkeys(form.parties_present))
    statements = tuple((cp, text.strip()) for cp, text in form.statements if text.strip())
    return SessionForm(
        started_at=form.started_at.replace(second=0, microsecond=0) if form.started_at else None,
        ended_at=form.ended_at.replace(second=0, microsecond=0) if form.ended_at else None,
        place=form.place.strip(), matter=form.matter.strip(), participants=form.participants.strip(),
        parties_present=present, public=bool(form.public), statements=statements,
        verified_facts=form.verified_facts.strip(), risk_notice=form.risk_notice.strip(),
        outcome=form.outcome.strip(), next_steps=form.next_steps.strip(),
        mediator_id=form.mediator_id or (user.id if user.role == "mediator" and user.id else None),
        recorder_id=form.recorder_id, appointment_id=form.appointment_id)


def _write(row: MediationSession, form: SessionForm) -> None:
    row.started_at = form.started_at
    row.ended_at = form.ended_at
    row.place = form.place
    row.matter = form.matter
    row.participants = form.participants
    row.parties_present = list(form.parties_present)
    row.public = form.public
    row.statements = [{"case_party_id": cp, "text": text} for cp, text in form.statements]
    row.verified_facts = form.verified_facts
    row.risk_notice = form.risk_notice
    row.outcome = form.outcome
    row.next_steps = form.next_steps
    row.mediator_id = form.mediator_id
    row.recorder_id = form.recorder_id
    row.appointment_id = form.appointment_id


@use_case
def record_session(engine: Engine, user: CurrentUser, case_id: int, form: SessionForm, *,
                   now: datetime | None = None) -> SessionRow:
    """Save a new 调解记录. The first one of an accepted case starts mediation. Raises
    :class:`SessionRecordError` with per-field messages."""
    require(user, "sessions")
    now = (now or datetime.now()).replace(microsecond=0)
    form = _clean(form, user)
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        if case.status not in ("accepted", "mediating"):
            from db.codes import CASE_STATUSES

            raise SessionRecordError({"case": msg("案件{status}，只能为已受理或调解中的案件新建调解记录",
                                                  status=code_label(CASE_STATUSES.get(case.status, case.status)))})
        errors = validate_session(session, case_id, form, now=now, committee=committee_code(session, case),
                                  accepted_on=case.accepted_on)
        if errors:
            raise SessionRecordError(errors)
        row = MediationSession(case_id=case_id)
        _write(row, form)
        session.add(row)
        session.flush()
        audit.record(session, user, "session.record", entity="mediation_session", entity_id=row.id,
                     after={"case": case.number, "started_at": form.started_at.isoformat(timespec="minutes"),
                            "public": form.public, "present": len(form.parties_present)},
                     detail=case.number)
        if case.status == "accepted":
            apply_transition(session, user, case, "start_mediation", at=now, reason="开始调解（首次调解记录）")
        return _session_rows(session, [MediationSession.id == row.id])[0]


@use_case
def update_session(engine: Engine, user: CurrentUser, session_id: int, form: SessionForm, *,
                   now: datetime | None = None) -> SessionRow:
    """Correct a saved 调解记录 (not once the case is archived)."""
    require(user, "sessions")
    now = (now or datetime.now()).replace(microsecond=0)
    form = _clean(form, user)
    with unit_of_work(engine) as session:
        row = session.get(MediationSession, session_id)
        if row is None:
            raise ValueError(msg("该调解记录已不存在"))
        case = load_case(session, user, row.case_id, write=True, lock=True)
        if case.status not in EDITABLE:
            raise SessionRecordError({"case": msg("案件已归档，调解记录不能再修改")})
        errors = validate_session(session, case.id, form, now=now, committee=committee_code(session, case),
                                  accepted_on=case.accepted_on)
        if errors:
            raise SessionRecordError(errors)
        before = {"started_at": row.started_at.isoformat(timespec="minutes"), "public": row.public,
                  "outcome": row.outcome[:200]}
        _write(row, form)
        session.flush()
        audit.record(session, user, "session.update", entity="mediation_session", entity_id=row.id,
                     before=before, after={"started_at": form.started_at.isoformat(timespec="minutes"),
                                           "public": form.public, "outcome": form.outcome[:200]},
                     detail=case.number)
        return _session_rows(session, [MediationSession.id == row.id])[0]


def _session_rows(session: Session, conditions: list) -> list[SessionRow]:
    found = session.scalars(select(MediationSession).where(*conditions)
                            .order_by(MediationSession.started_at, MediationSession.id)).all()
    if not found:
        return []
    case_ids = {s.case_id for s in found}
    names = dict(session.execute(select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
                                 .where(CaseParty.case_id.in_(case_ids))).all())
    user_ids = {u for s in found for u in (s.mediator_id, s.recorder_id) if u}
    users = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(user_ids))).all()) \
        if user_ids else {}
    rows = []
    for s in found:
        present = tuple(int(i) for i in (s.parties_present or []))
        rows.append(SessionRow(
            id=s.id, case_id=s.case_id, started_at=s.started_at, ended_at=s.ended_at, place=s.place or "",
            matter=s.matter or "", participants=s.participants or "", parties_present=present,
            present_names="、".join(names.get(i, "") for i in present if i in names), public=bool(s.public),
            statements=tuple((int(st.get("case_party_id") or 0), str(st.get("text") or ""))
                             for st in (s.statements or [])),
            verified_facts=s.verified_facts or "", risk_notice=s.risk_notice or "", outcome=s.outcome or "",
            next_steps=s.next_steps or "", mediator_id=s.mediator_id, mediator=users.get(s.mediator_id, ""),
            recorder_id=s.recorder_id, recorder=users.get(s.recorder_id, ""), appointment_id=s.appointment_id))
    return rows


@use_case
def list_sessions(engine: Engine, user: CurrentUser, case_id: int) -> list[SessionRow]:
    """The case's 调解记录, oldest first."""
    require(user, "cases.read")
    with read_only(engine) as session:
        load_case(session, user, case_id, write=False)
        return _session_rows(session, [MediationSession.case_id == case_id])


@use_case
def get_session(engine: Engine, user: CurrentUser, session_id: int) -> SessionRow:
    """One 调解记录, as the record screen opens it; opening one of a medical case is logged
    ("privacy.view_medical", 个人信息保护法第二十八条)."""
    from core.privacy import note_medical_view

    require(user, "cases.read")
    with unit_of_work(engine) as session:
        rows = _session_rows(session, [MediationSession.id == session_id])
        if not rows:
            raise ValueError(msg("该调解记录已不存在"))
        case = load_case(session, user, rows[0].case_id, write=False)
        note_medical_view(session, user, case, "session_record")
        return rows[0]


@dataclass(frozen=True)
class StaffOption:
    id: int
    name: str
    role: str


def staff_choices(engine: Engine, committee: str | None = None) -> list[StaffOption]:
    """Mediators (of ``committee`` first) and reception staff, for the mediator/recorder fields."""
    with read_only(engine) as session:
        found = session.scalars(select(User).where(User.active.is_(True), User.role.in_(("mediator", "reception")))
                                .order_by(User.id)).all()
        ranked = []
        for u in found:
            codes = {c.code for c in u.committees}
            rank = 0 if (committee and committee in codes) else (1 if u.role == "mediator" else 2)
            ranked.append((rank, u.id, StaffOption(u.id, u.full_name, u.role)))
        return [opt for _r, _i, opt in sorted(ranked, key=lambda t: (t[0], t[1]))]


# ------------------------------------------------------------------------------ attachments


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    case_id: int
    session_id: int | None
    kind: str
    filename: str
    media_type: str
    sha256: str
    size_bytes: int
    added_at: datetime
    added_by: str

    @property
    def kind_name(self) -> str:
        return ATTACHMENT_KINDS.get(self.kind, self.kind)

    @property
    def size_text(self) -> str:
        return size_text(self.size_bytes)


@dataclass(frozen=True)
class AttachmentFile:
    row: AttachmentRow
    content: bytes = field(repr=False)


class AttachmentError(ValueError):
    """An attachment refused, with a message for the user."""


class DuplicateAttachment(AttachmentError):
    def __init__(self, message: str, existing: AttachmentRow) -> None:
        super().__init__(message)
        self.existing = existing


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return msg("{size} 字节", size=size)


def attachment_limit_bytes(session: Session) -> int:
    row = session.get(Setting, "attachment_max_mb")
    try:
        mb = float(row.value) if row is not None else ATTACHMENT_MAX_MB_DEFAULT
    except ValueError:
        mb = ATTACHMENT_MAX_MB_DEFAULT
    return int(max(mb, 0.1) * 1024 * 1024)


def sniff_media_type(data: bytes) -> str | None:
    """The media type the content's first bytes show, among the kinds kept (scans, photos, PDF)."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head.startswith(b"BM"):
        return "image/bmp"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "image/heic"
    return None


def check_attachment(filename: str, data: bytes, limit: int) -> str:
    """The media type to store, or :class:`AttachmentError` with a clear message."""
    name = PurePath(filename).name or "附件"
    if not data:
        raise AttachmentError(msg("文件“{name}”是空的，未添加", name=name))
    if len(data) > limit:
        raise AttachmentError(msg(
            "文件“{name}”大小为{size}，超过单个附件上限{limit}；"
            "请压缩或拆分后再添加（上限可由管理员在设置中调整）",
            name=name, size=size_text(len(data)), limit=size_text(limit)))
    sniffed = sniff_media_type(data)
    if sniffed is None:
        raise AttachmentError(msg("文件“{name}”不是可保存的扫描件、照片或 PDF 文件"
                                  "（支持 PDF、JPEG、PNG、TIFF、BMP、GIF、WebP、HEIC）", name=name))
    expected = _EXTENSIONS.get(PurePath(name).suffix.lower())
    if expected is not None and expected != sniffed:
        raise AttachmentError(msg("文件“{name}”的内容是{kind}，与扩展名不符，请核对后再添加",
                                  name=name, kind=MEDIA_TYPES[sniffed]))
    return sniffed


def _attachment_row(a: Attachment, added_by: str) -> AttachmentRow:
    return AttachmentRow(a.id, a.case_id, a.session_id, a.kind, a.filename, a.media_type, a.sha256, a.size_bytes,
                         a.added_at, added_by)


def _may_add(user: CurrentUser) -> None:
    if not (can(user, "sessions") or can(user, "intake")):
        raise PermissionDenied(msg("{role}无权添加附件", role=code_label(user.role_name)), permission="sessions")


@use_case
def add_attachment(engine: Engine, user: CurrentUser, case_id: int, filename: str, data: bytes,
                   media_type: str | None = None, kind: str = "evidence", *, session_id: int | None = None,
                   now: datetime | None = None) -> AttachmentRow:
    """Keep a file with the case. Refused with a clear Chinese message when it is too large,
    empty, not a scan/photo/PDF, or already kept in this case (:class:`DuplicateAttachment`).
    ``media_type`` from the caller is only a hint: the content decides."""
    _may_add(user)
    if kind not in ATTACHMENT_KINDS:
        raise AttachmentError(msg("未知的附件类别：{kind}", kind=kind))
    name = PurePath(filename.replace("\\", "/")).name.strip() or "附件"
    if len(name) > 200:
        suffix = PurePath(name).suffix[:20]
        name = name[: 200 - len(suffix)] + suffix
    now = (now or datetime.now()).replace(microsecond=0)
    digest = hashlib.sha256(data).hexdigest()
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True)
        stored_type = check_attachment(name, data, attachment_limit_bytes(session))
        same = session.scalar(select(Attachment).where(Attachment.case_id == case_id, Attachment.sha256 == digest)
                              .limit(1))
        if same is not None:
            by = session.scalar(select(User.full_name).where(User.id == same.added_by_id)) or ""
            raise DuplicateAttachment(
                msg("该文件已于{at:%Y-%m-%d %H:%M}作为“{filename}”添加过，未重复保存", at=same.added_at,
                    filename=same.filename), _attachment_row(same, by))
        if session_id is not None:
            owner = session.scalar(select(MediationSession.case_id).where(MediationSession.id == session_id))
            if owner != case_id:
                raise AttachmentError(msg("该调解记录不属于本案"))
        row = Attachment(case_id=case_id, session_id=session_id, kind=kind, filename=name, media_type=stored_type,
                         sha256=digest, size_bytes=len(data), content=data, added_at=now,
                         added_by_id=user.id or None)
        session.add(row)
        session.flush()
        audit.record(session, user, "attachment.add", entity="attachment", entity_id=row.id,
                     after={"case": case.number, "filename": name, "sha256": digest, "size": len(data),
                            "kind": kind}, detail=case.number)
        return _attachment_row(row, user.full_name)


@use_case
def list_attachments(engine: Engine, user: CurrentUser, case_id: int) -> list[AttachmentRow]:
    """The case's attachments without their content, newest first."""
    require(user, "cases.read")
    with read_only(engine) as session:
        load_case(session, user, case_id, write=False)
        found = session.execute(
            select(Attachment.id, Attachment.case_id, Attachment.session_id, Attachment.kind, Attachment.filename,
                   Attachment.media_type, Attachment.sha256, Attachment.size_bytes, Attachment.added_at,
                   User.full_name)
            .outerjoin(User, User.id == Attachment.added_by_id)
            .where(Attachment.case_id == case_id).order_by(Attachment.added_at.desc(), Attachment.id.desc())).all()
        return [AttachmentRow(*r[:9], r[9] or "") for r in found]


@use_case
def get_attachment(engine: Engine, user: CurrentUser, attachment_id: int) -> AttachmentFile:
    """One attachment with its bytes, checked against its stored hash; opening it is audited
    (evidence may hold medical and other sensitive data: 个人信息保护法第五十一条)."""
    require(user, "cases.read")
    with unit_of_work(engine) as session:
        a = session.get(Attachment, attachment_id)
        if a is None:
            raise AttachmentError(msg("该附件已不存在"))
        case = load_case(session, user, a.case_id, write=False)
        if hashlib.sha256(a.content).hexdigest() != a.sha256:
            raise AttachmentError(msg("附件“{filename}”的内容与登记的校验值不符，可能已损坏，请联系管理员",
                                      filename=a.filename))
        by = session.scalar(select(User.full_name).where(User.id == a.added_by_id)) or ""
        audit.record(session, user, "attachment.open", entity="attachment", entity_id=a.id, detail=case.number)
        return AttachmentFile(_attachment_row(a, by), bytes(a.content))


def attachment_limit(engine: Engine) -> int:
    """The largest attachment accepted, in bytes (setting ``attachment_max_mb``)."""
    with read_only(engine) as session:
        return attachment_limit_bytes(session)
