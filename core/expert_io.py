"""The expert pool in Excel (.xlsx, openpyxl): import with a row-by-row report, export for
printing.

Import is all or nothing: every row is checked first and each bad row is reported as
"第N行：…" (N as Excel numbers the rows); nothing is written unless every row is good. Then
one transaction updates the expert with the same name and phone, or adds a new one.

The export has the same columns, so an exported file can be edited and imported again.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zipfile import BadZipFile

from sqlalchemy import Engine

from core import audit
from core.auth import CurrentUser, require, use_case
from core.experts import (
    ExpertForm,
    ExpertRow,
    apply_form,
    find_same_person,
    list_experts,
    normalized_phone,
    split_list,
    validate_expert_form,
)
from core.messages import msg, series
from core.uow import unit_of_work
from db.codes import COMMITTEE_SHORT, COMMITTEES, EXPERT_KINDS, SEXES
from db.models import Expert

COLUMNS: tuple[str, ...] = ("姓名", "性别", "类别", "工作单位", "原工作单位", "职称", "专长", "服务委员会",
                            "电话", "备注", "在职/退休", "启用")
# Printed widths (characters) of the columns above.
WIDTHS: tuple[int, ...] = (9, 5, 9, 24, 22, 13, 22, 16, 13, 18, 9, 5)
FIELD_LABELS = {"name": "姓名", "sex": "性别", "kind": "类别", "agency": "工作单位",
                "former_agency": "原工作单位", "title": "职称", "specialties": "专长",
                "committees": "服务委员会", "phone": "电话", "notes": "备注"}
MAX_ROWS = 5000

_YES = {"是", "启用", "y", "yes", "true", "1", "√", "✓"}
_NO = {"否", "停用", "n", "no", "false", "0", "×", "✗"}


class ImportRejected(ValueError):
    """The file was not imported; ``errors`` holds one "第N行：…" line per problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__(msg("导入失败，共{count}处问题，未导入任何数据：\n{problems}", count=len(errors),
                             problems=series(errors, "\n")))


@dataclass(frozen=True)
class ParsedRow:
    line: int  # the Excel row number
    form: ExpertForm


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    @property
    def message(self) -> str:
        return msg("导入完成：新增{created}人，更新{updated}人", created=self.created, updated=self.updated)


# --- Reading ---------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date().isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def _header_key(value) -> str:
    return "".join(_text(value).split())


def _committee_code(text: str) -> str | None:
    key = "".join(unicodedata.normalize("NFKC", text).split())
    for code, short in COMMITTEE_SHORT.items():
        if key in (code, short, COMMITTEES[code][0], f"{short}委员会"):
            return code
    aliases = {"医疗": "medical", "交通": "traffic", "劳动": "labour", "环保": "environment",
               "食品": "food", "涉法": "legal", "综合窗口": "general"}
    return aliases.get(key)


def _row_form(values: dict[str, str]) -> tuple[ExpertForm | None, list[str]]:
    """A form for one row, or the problems that keep it from being one."""
    problems: list[str] = []
    sex_text = values.get("性别", "")
    sex = next((code for code, label in SEXES.items() if sex_text in (label, code)), None)
    if sex_text and sex is None:
        problems.append(msg("{column}“{text}”应为{first}或{second}", column="性别", text=sex_text, first="男",
                            second="女"))
    kind_text = values.get("类别", "") or "专家"
    kind = next((code for code, label in EXPERT_KINDS.items() if kind_text in (label, code)), None)
    if kind is None:
        problems.append(msg("类别“{text}”应为{kinds}", text=kind_text, kinds=list(EXPERT_KINDS.values())))
    committees: list[str] = []
    for part in split_list(values.get("服务委员会", "")):
        code = _committee_code(part)
        if code is None:
            problems.append(msg("未知的委员会“{text}”（可填：{names}）", text=part, names=list(COMMITTEE_SHORT.values())))
        elif code not in committees:
            committees.append(code)
    status = values.get("在职/退休", "")
    if status not in ("", "在职", "退休"):
        problems.append(msg("{column}“{text}”应为{first}或{second}", column="在职/退休", text=status, first="在职",
                            second="退休"))
    enabled = values.get("启用", "").lower()
    if enabled and enabled not in _YES | _NO:
        problems.append(msg("{column}“{text}”应为{first}或{second}", column="启用", text=values.get("启用"),
                            first="是", second="否"))
    form = ExpertForm(
        name=values.get("姓名", ""), kind=kind or "expert", sex=sex, agency=values.get("工作单位", ""),
        former_agency=values.get("原工作单位", ""), title=values.get("职称", ""),
        specialties=split_list(values.get("专长", "")), committees=tuple(committees),
        phone=values.get("电话", ""), notes=values.get("备注", ""), retired=status == "退休",
        active=enabled not in _NO,
    )
    for key, message in validate_expert_form(form).items():
        if key == "kind" and kind is None:
            continue
        label = FIELD_LABELS.get(key, "")
        problems.append(message if not label or label in message else msg("{column}：{problem}", column=label,
                                                                               problem=message))
    return (None if problems else form), problems


def read_workbook(source: str | Path | bytes) -> list[ParsedRow]:
    """Parse and check a workbook. Raises :class:`ImportRejected` listing every bad row (and
    header problems) — the rows are only returned when all of them are good."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        data = io.BytesIO(source) if isinstance(source, bytes) else source
        book = load_workbook(data, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportRejected([msg("无法读取Excel文件（请用 .xlsx 格式）：{error}", error=str(exc))]) from exc
    try:
        sheet = book["专家库"] if "专家库" in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_line, columns = 0, {}
        for line, values in enumerate(rows, start=1):
            keys = [_header_key(v) for v in values]
            if "姓名" in keys:
                header_line = line
                columns = {k: i for i, k in enumerate(keys) if k}
                break
            if line >= 10:
                break
        if not header_line:
            raise ImportRejected([msg("前10行中找不到表头（须有“{column}”列）", column="姓名")])
        missing = [c for c in COLUMNS if c not in columns]
        if missing:
            raise ImportRejected([msg("第{line}行（表头）：缺少列 {columns}", line=header_line, columns=missing)])
        errors: list[str] = []
        parsed: list[ParsedRow] = []
        seen: dict[tuple[str, str | None], int] = {}
        for line, values in enumerate(rows, start=header_line + 1):
            cells = {c: _text(values[i]) if i < len(values) else "" for c, i in columns.items()}
            if not any(cells.get(c) for c in COLUMNS):
                continue  # blank line
            if len(parsed) + len(errors) >= MAX_ROWS:
                errors.append(msg("第{line}行：一次最多导入{limit}行，请分批导入", line=line, limit=MAX_ROWS))
                break
            form, problems = _row_form(cells)
            if form is not None:
                key = (form.name.strip(), normalized_phone(form.phone))
                if key in seen:
                    problems.append(msg("与第{line}行重复（姓名和电话相同）", line=seen[key]))
                else:
                    seen[key] = line
            if problems:
                errors.append(msg("第{line}行：{problems}", line=line, problems=series(problems, "；")))
            elif form is not None:
                parsed.append(ParsedRow(line, form))
    finally:
        book.close()
    if errors:
        raise ImportRejected(errors)
    if not parsed:
        raise ImportRejected([msg("文件中没有专家数据")])
    return parsed


@use_case
def import_experts(engine: Engine, user: CurrentUser, source: str | Path | bytes) -> ImportResult:
    """Check the whole file, then add or update every row in one transaction (keyed on name
    and phone). Raises :class:`ImportRejected` and writes nothing when any row is bad."""
    require(user, "experts.edit")
    rows = read_workbook(source)
    created = updated = 0
    with unit_of_work(engine) as session:
        for row in rows:
            phone = normalized_phone(row.form.phone)
            expert_id = find_same_person(session, row.form.name, phone)
            if expert_id is None:
                expert = Expert(name=row.form.name.strip())
                session.add(expert)
                action = "expert.create"
                created += 1
            else:
                expert = session.get(Expert, expert_id)
                action = "expert.update"
                updated += 1
            apply_form(session, expert, row.form)
            session.flush()
            audit.record(session, user, action, entity="expert", entity_id=expert.id,
                         after={"name": expert.name, "phone": expert.phone, "source": "excel",
                                "line": row.line})
        audit.record(session, user, "experts.import", entity="expert",
                     after={"rows": len(rows), "created": created, "updated": updated})
    return ImportResult(created, updated)


# --- Writing ---------------------------------------------------------------------------------


def _cells(row: ExpertRow) -> list[str]:
    return [
        row.name, row.sex_name, row.kind_name, row.agency, row.former_agency, row.title,
        "、".join(row.specialties), "、".join(COMMITTEE_SHORT.get(c, c) for c in row.committees),
        row.phone, row.notes, "退休" if row.retired else "在职", "是" if row.active else "否",
    ]


def workbook_bytes(rows: list[ExpertRow], *, title: str = "专家人才库名册") -> bytes:
    """An .xlsx of these experts, set up for printing: bold header repeated on every page,
    frozen header row, column widths, A4 landscape, fit to one page wide, page numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sheet = book.active
    sheet.title = "专家库"
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="宋体", size=10)
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(name="宋体", size=10, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for row in rows:
        sheet.append(_cells(row))
    wrap = Alignment(vertical="top", wrap_text=True)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.font = body_font
            cell.alignment = wrap
            cell.border = border
            cell.number_format = "@"  # phone numbers stay text
    for i, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.row_dimensions[1].height = 20
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, sheet.max_row)}"
    sheet.print_title_rows = "1:1"
    sheet.print_options.horizontalCentered = True
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddHeader.center.text = f"&\"宋体,Bold\"&12{title}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.right.text = f"导出于 {datetime.now():%Y-%m-%d}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@use_case
def export_experts(engine: Engine, user: CurrentUser, path: str | Path | None = None, *,
                   ids: list[int] | None = None) -> bytes:
    """The pool (or the experts ``ids``, in that order) as a printable workbook; written to
    ``path`` when given. Recorded in the audit log (it holds phone numbers)."""
    require(user, "experts.read")
    rows = list_experts(engine, user)
    if ids is not None:
        by_id = {r.id: r for r in rows}
        rows = [by_id[i] for i in ids if i in by_id]
    data = workbook_bytes(rows)
    if path is not None:
        Path(path).write_bytes(data)
    with unit_of_work(engine) as session:
        audit.record(session, user, "experts.export", entity="expert", after={"rows": len(rows)},
                     detail=str(path or ""))
    return data
