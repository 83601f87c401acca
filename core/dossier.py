"""Every document of a case by its English kind, and the dossier (卷宗) as one PDF.

:data:`DOCUMENT_KINDS` maps a kind (the CLI's and the screens' word: ``agreement``,
``termination_notice`` …) to its Chinese title and builder. :func:`build_document` builds one
document of one case; :func:`build_dossier` puts every available document in dossier order
(domain.md §4: 封面 · 卷内目录 · 申请书 · 受理登记表 · 当事人权利义务告知书 · 身份证明 · 调查记录 ·
证据材料 · 调解记录 · 调解协议书 · 履行凭证 · 回访记录 · 司法确认材料 · 封底) into one PDF whose
卷内目录 gives each document's pages, numbered "第 N 页 共 M 页" throughout.

ReportLab cannot merge PDFs, so the dossier is one story: a first pass lays it out with
placeholder page numbers and records where each document starts (:class:`PageMark`); the second
pass prints the contents with those numbers (the placeholders take the same room, and the result
is checked).

:func:`save_documents_with_case` keeps a generated PDF with the case (attachments, kind
``document``, with its SHA-256) so every PC sees what was printed.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, require, use_case
from core.messages import code_label, message_of, msg
from core.uow import read_only, unit_of_work
from db.models import Appointment, Attachment, Case, Invitation

__all__ = [
    "DOCUMENT_KINDS",
    "DOSSIER_ORDER",
    "DocumentKind",
    "DocumentUnavailable",
    "NEEDS",
    "Sources",
    "available_kinds",
    "build_document",
    "build_dossier",
    "dossier_plan",
    "find_case_id",
    "read_sources",
    "save_documents_with_case",
]

#: Attachments printed into the dossier, with their place's title.
ATTACHMENT_SECTIONS = {"id_proof": "身份证明", "evidence": "证据材料", "record": "调解记录（签字件）",
                       "receipt": "履行凭证"}


class DocumentUnavailable(ValueError):
    """The case has nothing to print for that kind (no agreement, no visit …); the message is
    Chinese and says why."""


@dataclass(frozen=True)
class Sources:
    """Everything the documents of one case are built from, read in one session."""

    info: object  # core.documents.case_data.CaseInfo
    intake: object  # core.intake.IntakeDocument
    agreement: object | None  # core.agreements.AgreementData
    sessions: object | None
    investigation: object | None
    termination: object | None
    certificate: object | None
    judicial: object | None
    followup: object | None
    cover: object
    attachments: tuple
    notices: tuple  # core.documents.notice.NoticeData of the latest appointment
    today: date


def find_case_id(session: Session, case: int | str) -> int:
    """A case id from an id or a case number (as printed: 衢江医人调字〔2026〕第012号)."""
    if isinstance(case, int):
        found = session.scalar(select(Case.id).where(Case.id == case))
    else:
        text = case.strip()
        found = session.scalar(select(Case.id).where(Case.number == text))
        if found is None:  # typed with ( ) or [ ] instead of 〔 〕
            for a, b in (("(", "〔"), (")", "〕"), ("[", "〔"), ("]", "〕"), ("（", "〔"), ("）", "〕")):
                text = text.replace(a, b)
            found = session.scalar(select(Case.id).where(Case.number == text))
    if found is None:
        raise DocumentUnavailable(msg("没有编号为“{number}”的案件", number=case))
    return found


#: What each kind is built from (the rest of :class:`Sources` is left empty for it).
NEEDS: dict[str, frozenset[str]] = {
    "application": frozenset(), "registration": frozenset({"intake"}), "rights_notice": frozenset({"intake"}),
    "investigation": frozenset({"investigation"}), "session_record": frozenset({"sessions"}),
    "agreement": frozenset({"agreement"}), "oral_agreement": frozenset({"agreement"}),
    "termination_notice": frozenset({"termination"}),
    "mediation_certificate": frozenset({"agreement", "certificate"}),
    "judicial_application": frozenset({"agreement", "judicial"}), "followup": frozenset({"agreement", "followup"}),
    "notice": frozenset({"notices"}), "cover": frozenset({"cover"}),
}
ALL_PARTS = frozenset({"intake", "agreement", "sessions", "investigation", "termination", "certificate", "judicial",
                       "followup", "cover", "attachments", "notices"})


def read_sources(session: Session, case_id: int, *, today: date | None = None, with_attachments: bool = True,
                 parts: frozenset[str] | None = None) -> Sources:
    """Read what the documents are built from; ``parts`` limits it to what one kind needs
    (:data:`NEEDS`; default: everything the dossier needs)."""
    from core.agreements import agreement_data
    from core.documents import case_data as cd

    today = today or date.today()
    parts = ALL_PARTS if parts is None else parts
    if not with_attachments:
        parts = parts - {"attachments"}
    info = cd.case_info(session, case_id)
    agreement = agreement_data(session, case_id) if "agreement" in parts else None

    def part(name: str, read, empty=None):
        return read() if name in parts else empty

    return Sources(
        info=info, intake=part("intake", lambda: cd.intake_data(session, info)), agreement=agreement,
        sessions=part("sessions", lambda: cd.session_record_data(session, info)),
        investigation=part("investigation", lambda: cd.investigation_data(session, info)),
        termination=part("termination", lambda: cd.termination_data(session, info)),
        certificate=part("certificate", lambda: cd.certificate_data(session, info, agreement, today=today)),
        judicial=part("judicial", lambda: cd.judicial_data(session, info, agreement, today=today)),
        followup=part("followup", lambda: cd.followup_data(session, info, agreement)),
        cover=part("cover", lambda: cd.cover_data(session, info)),
        attachments=part("attachments", lambda: cd.attachments_data(session, case_id, tuple(ATTACHMENT_SECTIONS)),
                         ()),
        notices=part("notices", lambda: tuple(_notices(session, case_id, today)), ()), today=today)


def _notices(session: Session, case_id: int, today: date) -> list:
    appointment = session.scalar(
        select(Appointment.id).where(Appointment.case_id == case_id, Appointment.status != "cancelled")
        .where(select(Invitation.id).where(Invitation.appointment_id == Appointment.id).exists())
        .order_by(Appointment.starts_at.desc()).limit(1))
    if appointment is None:
        return []
    from core.documents.notice import notice_data

    return notice_data(session, appointment, issued_on=today)


# ------------------------------------------------------------------------------ the kinds


def _need(value, message: str):
    if value is None or value == () or value == []:
        raise DocumentUnavailable(message)
    return value


def _s_application(src: Sources) -> list:
    from core.documents.case_docs import application_story

    info = src.info
    if info.source not in ("application", "hotline"):
        raise DocumentUnavailable(msg("案件{number}系{source}，没有当事人申请书（请打印受理登记表 registration）",
                                      number=info.number, source=code_label(info.source_name)))
    return application_story(info)


def _s_registration(src: Sources) -> list:
    from core.documents.case_docs import captured_story
    from core.documents.intake_docs import registration_form

    return captured_story(registration_form, src.intake)


def _s_rights(src: Sources) -> list:
    from core.documents.case_docs import captured_story
    from core.documents.intake_docs import rights_notice

    _need(src.intake.principals, msg("案件{number}没有当事人", number=src.info.number))
    return captured_story(rights_notice, src.intake)


def _s_investigation(src: Sources) -> list:
    from core.documents.case_docs import sessions_story

    data = _need(src.investigation, msg("案件{number}没有调查记录（调查记录的调解事项以“{word}”开头）",
                                        number=src.info.number, word="调查"))
    return sessions_story(data, investigation=True)


def _s_sessions(src: Sources) -> list:
    from core.documents.case_docs import sessions_story

    return sessions_story(_need(src.sessions, msg("案件{number}还没有调解记录", number=src.info.number)))


def _written(src: Sources):
    a = _need(src.agreement, msg("案件{number}没有调解协议", number=src.info.number))
    if a.kind != "written":
        raise DocumentUnavailable(msg("案件{number}的协议是口头协议，请打印口头协议登记表（oral_agreement）",
                                      number=src.info.number))
    return a


def _s_agreement(src: Sources) -> list:
    from core.documents.case_docs import agreement_copy_labels, agreement_story

    a = _written(src)
    return agreement_story(a, label=agreement_copy_labels(a)[-1])


def _pdf_agreement(src: Sources, out) -> bytes:
    from core.documents.case_docs import agreement_pdf

    return agreement_pdf(_written(src), out=out)


def _s_oral(src: Sources) -> list:
    from core.documents.case_docs import oral_agreement_story

    a = _need(src.agreement, msg("案件{number}没有调解协议", number=src.info.number))
    if a.kind != "oral":
        raise DocumentUnavailable(msg("案件{number}的协议是书面协议，请打印调解协议书（agreement）",
                                      number=src.info.number))
    return oral_agreement_story(a)


def _s_termination(src: Sources) -> list:
    from core.documents.case_docs import termination_story

    return termination_story(_need(src.termination, msg("案件{number}未终止调解（状态：{status}），没有终止调解告知书",
                                                        number=src.info.number, status=_status(src))))


def _status(src: Sources) -> str:
    from db.codes import CASE_STATUSES

    return code_label(CASE_STATUSES.get(src.info.status, src.info.status))


def _no_effective(src: Sources) -> str:
    a = src.agreement
    if a is None:
        return msg("案件{number}没有调解协议", number=src.info.number)
    if a.kind != "written":
        return msg("案件{number}为口头协议，不能申请司法确认（司法确认针对书面调解协议）", number=src.info.number)
    return msg("案件{number}的调解协议尚未生效（尚未签名：{names}）", number=src.info.number,
               names=list(a.missing_signatures) or "—")


def _s_certificate(src: Sources) -> list:
    from core.documents.case_docs import certificate_story

    return certificate_story(_need(src.certificate, _no_effective(src)))


def _s_judicial(src: Sources) -> list:
    from core.documents.case_docs import judicial_story

    return judicial_story(_need(src.judicial, _no_effective(src)))


def _s_followup(src: Sources) -> list:
    from core.documents.case_docs import followup_story

    return followup_story(_need(src.followup, msg("案件{number}还没有回访记录", number=src.info.number)))


def _s_cover(src: Sources) -> list:
    from core.documents.case_docs import cover_story

    return cover_story(src.cover)


def _s_notice(src: Sources) -> list:
    from core.documents.case_docs import captured_story
    from core.documents.notice import render_notices

    return captured_story(render_notices, list(_need(src.notices, msg("案件{number}没有预约调解，无调解通知书",
                                                                      number=src.info.number))))


class DocumentKind(NamedTuple):
    """``title`` and ``builder(engine, case, *, user=None, today=None, out=None) -> bytes``; the
    rest is how the builder and the dossier get at the document."""

    title: str
    builder: Callable[..., bytes]
    story: Callable[[Sources], list] | None  # flowables (None: built from the dossier)
    pdf: Callable[[Sources, object], bytes] | None = None  # its own PDF when not just the story


def _builder(kind: str) -> Callable[..., bytes]:
    def build(engine: Engine, case: int | str, *, user: CurrentUser | None = None, today: date | None = None,
              out=None) -> bytes:
        return build_document(engine, kind, case, user=user, today=today, out=out)

    build.__name__ = f"build_{kind}"
    build.__doc__ = f"Build the {kind} document of a case (id or number)."
    return build


_SPECS: dict[str, tuple[str, Callable | None, Callable | None]] = {
    "application": ("人民调解申请书", _s_application, None),
    "registration": ("人民调解受理登记表", _s_registration, None),
    "rights_notice": ("当事人权利义务告知书", _s_rights, None),
    "investigation": ("调查记录", _s_investigation, None),
    "session_record": ("调解记录", _s_sessions, None),
    "agreement": ("人民调解协议书", _s_agreement, _pdf_agreement),
    "oral_agreement": ("口头调解协议登记表", _s_oral, None),
    "termination_notice": ("终止调解告知书", _s_termination, None),
    "mediation_certificate": ("主持调解证明", _s_certificate, None),
    "judicial_application": ("司法确认申请书", _s_judicial, None),
    "followup": ("人民调解回访记录", _s_followup, None),
    "notice": ("调解通知书", _s_notice, None),
    "cover": ("卷宗封面", _s_cover, None),
    "contents": ("卷内目录", None, None),
    "back_cover": ("卷内备考表（封底）", None, None),
    "dossier": ("人民调解卷宗", None, None),
}

#: English kind → (Chinese title, builder, …).
DOCUMENT_KINDS: dict[str, DocumentKind] = {
    kind: DocumentKind(title, _builder(kind), story, pdf) for kind, (title, story, pdf) in _SPECS.items()
}

#: The dossier's parts in order (domain.md §4); "attachments:<kind>" are scans kept with the case.
DOSSIER_ORDER: tuple[str, ...] = (
    "cover", "contents", "application", "registration", "rights_notice", "attachments:id_proof",
    "investigation", "attachments:evidence", "session_record", "attachments:record", "agreement",
    "oral_agreement", "termination_notice", "attachments:receipt", "followup", "judicial_application",
    "back_cover",
)


# ------------------------------------------------------------------------------ building


def _open(engine: Engine, case: int | str, user: CurrentUser | None, today: date | None, *,
          attachments: bool, parts: frozenset[str] | None = None) -> Sources:
    with read_only(engine) as session:
        case_id = find_case_id(session, case)
        if user is not None:
            from core.lifecycle import load_case

            require(user, "documents.print")
            load_case(session, user, case_id, write=False)
        return read_sources(session, case_id, today=today, with_attachments=attachments, parts=parts)


@use_case
def build_document(engine: Engine, kind: str, case: int | str, *, user: CurrentUser | None = None,
                   today: date | None = None, out=None) -> bytes:
    """The PDF of one document of a case (``case``: id or number). ``user=None`` is the local
    command line (no permission check); a user needs ``documents.print`` and, for a mediator,
    a case of his or her committees. Raises :class:`DocumentUnavailable` (Chinese) when the case
    has nothing to print for ``kind``."""
    if kind not in DOCUMENT_KINDS:
        raise DocumentUnavailable(msg("未知的文书类型：{kind}（可选：{kinds}）", kind=kind, kinds=list(DOCUMENT_KINDS)))
    src = _open(engine, case, user, today, attachments=kind in ("dossier", "contents", "back_cover"),
                parts=NEEDS.get(kind))
    if user is not None and src.info.committee == "medical":
        from core.privacy import note_medical_view

        with unit_of_work(engine) as session:  # each document opened is logged (个人信息保护法第二十八条)
            note_medical_view(session, user, session.get(Case, src.info.case_id), kind)
    return build_from_sources(src, kind, out=out)


def build_from_sources(src: Sources, kind: str, *, out=None) -> bytes:
    from core.documents.engine import render

    spec = DOCUMENT_KINDS[kind]
    if kind in ("dossier", "contents", "back_cover"):
        plan = dossier_plan(src)
        pdf, pages = _assemble(src, plan)
        if kind == "dossier":
            if out is not None:
                _write(out, pdf)
            return pdf
        from core.documents.case_docs import back_cover_story, contents_story

        story = contents_story(src.info, _entries(plan, pages)) if kind == "contents" else \
            back_cover_story(src.cover, pages["__total__"])
        return render(story, title=f"{spec.title} {src.info.number}", footer=src.info.centre_name, out=out)
    if spec.pdf is not None:
        return spec.pdf(src, out)
    story = spec.story(src)
    return render(story, title=f"{spec.title} {src.info.number}", footer=src.info.centre_name,
                  page_numbers=kind != "notice", out=out)


def _write(out, data: bytes) -> None:
    if hasattr(out, "write"):
        out.write(data)
    else:
        from pathlib import Path

        Path(out).write_bytes(data)


@use_case
def available_kinds(engine: Engine, user: CurrentUser, case_id: int, *, today: date | None = None
                    ) -> list[tuple[str, str, str]]:
    """(kind, title, reason) for every kind; ``reason`` is "" when the case can print it, else why
    not (for the preview screen's list)."""
    src = _open(engine, case_id, user, today, attachments=False)
    out = []
    for kind, spec in DOCUMENT_KINDS.items():
        reason = ""
        if spec.story is not None:
            try:
                spec.story(src)
            except DocumentUnavailable as exc:
                reason = message_of(exc)
        out.append((kind, spec.title, reason))
    return out


# ------------------------------------------------------------------------------ the dossier


@dataclass(frozen=True)
class Part:
    key: str  # a kind, or "attachments:<kind>"
    title: str
    note: str = ""


def dossier_plan(src: Sources) -> list[Part]:
    """The parts this case's dossier has, in order (unavailable documents are left out)."""
    parts = []
    for key in DOSSIER_ORDER:
        if key.startswith("attachments:"):
            kind = key.split(":", 1)[1]
            files = [a for a in src.attachments if a.kind == kind]
            if files:
                parts.append(Part(key, ATTACHMENT_SECTIONS[kind], f"{len(files)}份"))
            continue
        spec = DOCUMENT_KINDS[key]
        if key == "judicial_application":
            a = src.agreement
            if src.judicial is None or (a.judicial_applied_on is None and a.judicial_confirmed_on is None):
                continue
            parts.append(Part(key, "司法确认材料", "含主持调解证明"))
            continue
        if spec.story is not None:
            try:
                spec.story(src)
            except DocumentUnavailable:
                continue
        note = ""
        if key == "agreement":
            note = "存档联"
        elif key == "session_record" and src.sessions and len(src.sessions.sessions) > 1:
            note = f"{len(src.sessions.sessions)}次"
        elif key == "followup" and src.followup and len(src.followup.visits) > 1:
            note = f"{len(src.followup.visits)}次"
        parts.append(Part(key, spec.title if key != "back_cover" else "卷内备考表", note))
    return parts


def _listed(p: Part) -> bool:
    """The contents list the documents, not the cover, itself or the back cover."""
    return p.key not in ("cover", "contents", "back_cover")


def _entries(plan: list[Part], pages: dict) -> list[tuple[str, str, str]]:
    rows = []
    keys = [p.key for p in plan]
    for i, p in enumerate(plan):
        if not _listed(p):
            continue
        start = pages.get(p.key)
        nxt = pages.get(keys[i + 1]) if i + 1 < len(keys) else pages["__total__"] + 1
        if start is None:
            rows.append((p.title, "888-888", p.note))
            continue
        end = (nxt or start + 1) - 1
        rows.append((p.title, f"{start}" if end <= start else f"{start}-{end}", p.note))
    return rows


def _part_story(src: Sources, part: Part, plan: list[Part], pages: dict) -> list:
    from core.documents.case_docs import back_cover_story, contents_story

    if part.key == "contents":
        return contents_story(src.info, _entries(plan, pages))
    if part.key == "back_cover":
        return back_cover_story(src.cover, pages.get("__total__") or 888)
    if part.key.startswith("attachments:"):
        kind = part.key.split(":", 1)[1]
        return _attachment_story(part.title, [a for a in src.attachments if a.kind == kind])
    if part.key == "judicial_application":
        return DOCUMENT_KINDS["judicial_application"].story(src)
    return DOCUMENT_KINDS[part.key].story(src)


def _assemble(src: Sources, plan: list[Part]) -> tuple[bytes, dict]:
    """Lay the dossier out until the contents' page numbers agree with where each part lands."""
    from core.documents.case_docs import PageMark
    from core.documents.engine import page_break, render

    pages: dict = {}
    for _ in range(3):
        found: dict = {}
        story: list = []
        for i, part in enumerate(plan):
            if i:
                story.append(page_break())
            story.append(PageMark(found, part.key))
            story += _part_story(src, part, plan, pages)
        pdf = render(story, title=f"人民调解卷宗 {src.info.number}", footer=src.info.centre_name)
        found["__total__"] = pdf.count(b"/Type /Page\n")
        if found == pages:
            return pdf, pages
        pages = found
    return pdf, pages


def _attachment_story(title: str, files: list) -> list:
    """A list of the files, then each photo or scan on a page of its own (PDF files cannot be
    merged by the engine: they are listed to be printed separately)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    from core.documents.case_docs import cn_date
    from core.documents.engine import mm, page_break, para, table

    images = []
    rows = [["序号", "文件名", "添加日期", "说明"]]
    for i, a in enumerate(files, 1):
        note = "见后页"
        if a.media_type.startswith("image/") and a.media_type != "image/heic":
            try:
                w, h = ImageReader(io.BytesIO(a.content)).getSize()
                images.append((i, a, w, h))
            except Exception:  # noqa: BLE001 — a damaged scan is listed, not fatal to the dossier
                note = "图像无法读取，请另行打印"
        else:
            note = "电子文件（PDF 等），请另行打印附后"
        rows.append([str(i), a.filename, cn_date(a.added_at), note])
    story: list = [para(title, "title"), table(rows, [14 * mm, 76 * mm, 32 * mm, 43 * mm])]
    max_w, max_h = 165 * mm, 205 * mm
    for i, a, w, h in images:
        scale = min(max_w / w, max_h / h, 1.0 if w > 600 else max_w / w)
        story += [page_break(), para(f"{title}（{i}）：{a.filename}", "center", fontSize=10.5),
                  Image(io.BytesIO(a.content), width=w * scale, height=h * scale)]
    return story


@use_case
def build_dossier(engine: Engine, case_number: int | str, *, user: CurrentUser | None = None,
                  today: date | None = None, out=None) -> bytes:
    """Every available document of the case in dossier order, as one PDF with its 卷内目录 and
    page numbers "第 N 页 共 M 页"."""
    return build_document(engine, "dossier", case_number, user=user, today=today, out=out)


# ------------------------------------------------------------------------------ keeping PDFs with the case


@use_case
def save_documents_with_case(engine: Engine, user: CurrentUser | None, case_id: int, kind: str, pdf: bytes, *,
                             now: datetime | None = None) -> int:
    """Keep a generated PDF with the case (attachments, kind ``document``) so every PC sees what
    was printed; the same bytes are kept once. Returns the attachment's id. A user needs
    ``documents.print`` (and, for a mediator, a case of his or her committees); ``None`` is the
    local command line."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(msg("未知的文书类型：{kind}", kind=kind))
    if not pdf.startswith(b"%PDF-"):
        raise ValueError(msg("不是 PDF 文件"))
    now = (now or datetime.now()).replace(microsecond=0)
    digest = hashlib.sha256(pdf).hexdigest()
    with unit_of_work(engine) as session:
        if user is not None:
            from core.lifecycle import load_case

            require(user, "documents.print")
            case = load_case(session, user, case_id, write=False)
        else:
            case = session.get(Case, case_id)
            if case is None:
                raise ValueError(msg("该案件已不存在"))
        same = session.scalar(select(Attachment.id).where(Attachment.case_id == case_id,
                                                          Attachment.sha256 == digest).limit(1))
        if same is not None:
            return same
        title = DOCUMENT_KINDS[kind].title
        row = Attachment(case_id=case_id, kind="document", filename=f"{title}（{case.number}）{now:%Y%m%d%H%M}.pdf",
                         media_type="application/pdf", sha256=digest, size_bytes=len(pdf), content=pdf,
                         added_at=now, added_by_id=(user.id or None) if user else None)
        session.add(row)
        session.flush()
        audit.record(session, user, "document.save", entity="attachment", entity_id=row.id,
                     after={"case": case.number, "kind": kind, "sha256": digest, "size": len(pdf)},
                     detail=case.number)
        return row.id
