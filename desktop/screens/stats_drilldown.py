"""统计明细: the cases behind one number of the statistics (a figure, a month, optionally one
committee, dispute type, source or mediator), loaded page by page like the case list.

Opened from the statistics screen by clicking a number (:meth:`StatsDrilldownScreen.show_spec`);
opened from the navigation it shows the current month's received cases, and its own pickers let
the director look at any other figure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import stats
from core.uow import read_only
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.models.case_table import PAGE_SIZE, CaseTableModel, Col
from desktop.vocab import CASE_SOURCES, COMMITTEE_SHORT, DISPUTE_TYPES, tr_code

#: The figures a drill-down can list, in the order of the picker.
DRILLABLE: tuple[str, ...] = (
    "received", "accepted", "concluded", "refused", "successful", "successful_written", "successful_oral",
    "agreements_due", "agreements_performed", "judicial_confirmed", "ratings", "ratings_satisfied",
    "ratings_good", "overdue", "escalations_prevented", "repeat_visitors", "sessions",
)

# What a rate or an amount opens (its denominator / the cases summed).
_OPENS = {
    "success_rate": "concluded", "avg_days": "concluded", "days_total": "concluded",
    "amount_claimed": "received", "amount_agreed": "successful", "fulfilment_rate": "agreements_due",
    "satisfaction_rate": "ratings", "good_rate": "ratings", "escalation_persons": "escalations_prevented",
}


def opens(figure: str) -> str | None:
    """The drill-down figure a number of ``figure`` opens, or None (queue figures)."""
    figure = _OPENS.get(figure, figure)
    return figure if figure in DRILLABLE else None


@dataclass(frozen=True)
class DrillSpec:
    """Which cases to list."""

    date_from: date
    date_to: date
    figure: str = "received"
    committee: str | None = None
    dispute_type: str | None = None
    source: str | None = None
    mediator_id: int | str | None = None
    mediator_name: str = ""

    @classmethod
    def month(cls, year: int, month: int, figure: str = "received", **kw) -> DrillSpec:
        a, b = stats.month_range(year, month)
        return cls(a, b, figure, **kw)

    @property
    def period_label(self) -> str:
        """"2026年10月" (a month: "October 2026" in English, the locale's month name) or a range."""
        translate = QCoreApplication.translate
        a, b = self.date_from, self.date_to
        if stats.month_range(a.year, a.month) == (a, b):
            return QLocale().toString(QDate(a.year, a.month, 1), translate("StatsDrilldownScreen", "yyyy年M月"))
        return translate("StatsDrilldownScreen", "%1 至 %2").replace("%1", a.isoformat()).replace("%2", b.isoformat())

    @property
    def title(self) -> str:
        translate = QCoreApplication.translate
        parts = [self.period_label, tr_code(stats.FIGURE_LABELS.get(self.figure, self.figure))]
        if self.committee:
            parts.append(COMMITTEE_SHORT.get(self.committee, self.committee))
        if self.dispute_type:
            parts.append(DISPUTE_TYPES.get(self.dispute_type, self.dispute_type))
        if self.source:
            parts.append(CASE_SOURCES.get(self.source, self.source))
        if self.mediator_id is not None:
            unknown = (translate("StatsDrilldownScreen", "未分配调解员") if self.mediator_id == stats.UNASSIGNED
                       else translate("StatsDrilldownScreen", "调解员 %1").replace("%1", str(self.mediator_id)))
            parts.append(self.mediator_name or unknown)
        return " · ".join(parts)

    def kwargs(self) -> dict:
        return {"committee": self.committee, "dispute_type": self.dispute_type, "source": self.source,
                "mediator_id": self.mediator_id}


def current_month_spec(today: date | None = None) -> DrillSpec:
    today = today or date.today()
    return DrillSpec.month(today.year, today.month)


class StatsDrilldownScreen(QWidget):
    title = "统计明细"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, spec: DrillSpec | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_drilldown")
        self.ctx = ctx
        self.spec = spec or current_month_spec()
        self._count_generation = 0
        self._updating = False

        self.month = QDateEdit()
        self.month.setDisplayFormat(self.tr("yyyy年MM月"))  # "Nov 2026" in English
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month.setMinimumDate(QDate(2000, 1, 1))
        self.month.setToolTip(self.tr("统计月份（上下键切换月份）"))
        self.figure = QComboBox()
        for name in DRILLABLE:
            self.figure.addItem(tr_code(stats.FIGURE_LABELS[name]), name)
        self.committee = _combo(self.tr("全部委员会"), COMMITTEE_SHORT)
        self.dispute_type = _combo(self.tr("全部类型"), {k: f"{k} {v}" for k, v in DISPUTE_TYPES.items()})
        self.source = _combo(self.tr("全部来源"), CASE_SOURCES)
        self.mediator = _combo(self.tr("全部调解员"), {})
        self.mediator.addItem(self.tr("未分配调解员"), stats.UNASSIGNED)
        for user_id, name in _mediators(ctx):
            self.mediator.addItem(name, user_id)
        for combo in (self.figure, self.committee, self.dispute_type, self.source, self.mediator):
            combo.setMinimumWidth(90)  # long English items shrink rather than widen the window
        self.heading = QLabel()
        self.heading.setObjectName("drillTitle")
        self.heading.setStyleSheet("font-size: 12pt; color: #1f3a5f;")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("月份")))
        bar.addWidget(self.month)
        bar.addWidget(QLabel(self.tr("指标")))
        bar.addWidget(self.figure, 1)
        for w in (self.committee, self.dispute_type, self.source, self.mediator):
            bar.addWidget(w, 1)

        self.model = CaseTableModel(self._load_page, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        for col, width in {Col.NUMBER: 250, Col.COMMITTEE: 80, Col.DISPUTE_TYPE: 100, Col.PARTIES: 260,
                           Col.RECEIVED: 100, Col.STATUS: 80, Col.MEDIATOR: 80, Col.AMOUNT: 120}.items():
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(Col.PARTIES, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.month.dateChanged.connect(self._controls_changed)
        for combo in (self.figure, self.committee, self.dispute_type, self.source, self.mediator):
            combo.currentIndexChanged.connect(self._controls_changed)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        self.setTabOrder(self.month, self.figure)
        self.setTabOrder(self.figure, self.committee)
        self.setTabOrder(self.committee, self.dispute_type)
        self.setTabOrder(self.dispute_type, self.source)
        self.setTabOrder(self.source, self.mediator)
        self.setTabOrder(self.mediator, self.table)
        self.show_spec(self.spec)

    # -- public ------------------------------------------------------------------------
    def show_spec(self, spec: DrillSpec) -> None:
        """List the cases of ``spec`` (called by the statistics screen)."""
        self.spec = spec
        self._updating = True
        try:
            self.month.setDate(QDate(spec.date_from.year, spec.date_from.month, 1))
            self.figure.setCurrentIndex(max(0, self.figure.findData(spec.figure)))
            for combo, value in ((self.committee, spec.committee), (self.dispute_type, spec.dispute_type),
                                 (self.source, spec.source), (self.mediator, spec.mediator_id)):
                index = combo.findData(value) if value is not None else 0
                if index < 0 and combo is self.mediator:  # someone who is no longer a mediator
                    combo.addItem(spec.mediator_name or str(value), value)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(0, index))
        finally:
            self._updating = False
        self.refresh()

    def case_numbers(self) -> list[str]:
        """The numbers of the rows loaded so far (tests, and copying the list)."""
        return [self.model.row_at(r).number for r in range(self.model.rowCount())]

    # -- data ------------------------------------------------------------------------------
    def _controls_changed(self) -> None:
        if self._updating:
            return
        d = self.month.date().toPython()
        a, b = stats.month_range(d.year, d.month)
        # A range picked elsewhere (not a month) is replaced by the month shown in the picker.
        self.spec = replace(self.spec, date_from=a, date_to=b, figure=self.figure.currentData(),
                            committee=self.committee.currentData(), dispute_type=self.dispute_type.currentData(),
                            source=self.source.currentData(), mediator_id=self.mediator.currentData(),
                            mediator_name=self.mediator.currentText() if self.mediator.currentIndex() > 0 else "")
        self.refresh()

    def _load_page(self, offset: int, limit: int, sort: str, descending: bool):
        spec = self.spec
        try:
            rows = stats.cases_behind(self.ctx.engine, (spec.date_from, spec.date_to), spec.figure,
                                      offset=offset, limit=limit, sort=sort, descending=descending,
                                      user=self.ctx.user, **spec.kwargs())
        except Exception as exc:  # noqa: BLE001 — shown beside the list, never swallowed silently
            self.error.setText(error_text(exc))
            self.error.show()
            return []
        self.error.hide()
        return rows

    def refresh(self) -> None:
        spec = self.spec
        self.heading.setText(spec.title)
        self.model.reset()
        self._count_generation += 1
        generation = self._count_generation
        shown = self.model.rowCount()
        if shown < PAGE_SIZE:
            self.count_label.setText(self.tr("共 %n 件", "", shown))
            return
        self.count_label.setText(self.tr("正在统计…"))

        def count() -> int:
            with read_only(self.ctx.engine) as session:
                return stats.count_behind(session, (spec.date_from, spec.date_to), spec.figure, **spec.kwargs())

        def show(total: int) -> None:
            if generation == self._count_generation:
                self.count_label.setText(self.tr("共 %n 件", "", total))

        self.ctx.tasks.run(count, on_done=show)


def _mediators(ctx: AppContext) -> list[tuple[int, str]]:
    from sqlalchemy import select

    from db.models import User

    with read_only(ctx.engine) as session:
        return [(r.id, r.full_name) for r in session.execute(
            select(User.id, User.full_name).where(User.role == "mediator").order_by(User.full_name, User.id))]


def _combo(all_label: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_label, None)
    for code, label in items.items():
        combo.addItem(label, code)
    return combo
