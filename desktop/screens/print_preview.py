"""打印预览: look at a PDF before printing it, print it, save it.

* :class:`PdfPane` — QtPdf's ``QPdfView`` on the bytes of a PDF with page navigation (PgUp/PgDn,
  Home/End), zoom (Ctrl++ / Ctrl+- / fit width), 打印 (Ctrl+P: each page rendered with
  ``QPdfDocument.render`` at the printer's resolution and painted onto a ``QPrinter``) and
  另存为… (Ctrl+S).
* :class:`PrintPreviewDialog` ``(pdf_bytes, title)`` — the pane in a dialog, for any screen that
  built a document; :func:`show_pdf` opens it for a path or bytes.
* :class:`PrintPreviewScreen` (``print_preview``) — pick a case and a document kind
  (:data:`core.dossier.DOCUMENT_KINDS`), build it off the GUI thread and preview it; what is
  printed or saved from here is also kept with the case (attachments, kind ``document``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.context import AppContext
from desktop.messages import error_text, tr_message
from desktop.vocab import tr_code

__all__ = ["PdfPane", "PrintPreviewDialog", "PrintPreviewScreen", "document_title", "print_pdf_bytes", "show_pdf"]

#: The titles of core.dossier.DOCUMENT_KINDS, for Qt Linguist (a test keeps the two in step).
#: The documents themselves are Chinese; the screens name them in the UI's language.
DOCUMENT_TITLES = (
    QT_TRANSLATE_NOOP("DocumentKinds", "人民调解申请书"), QT_TRANSLATE_NOOP("DocumentKinds", "人民调解受理登记表"),
    QT_TRANSLATE_NOOP("DocumentKinds", "当事人权利义务告知书"), QT_TRANSLATE_NOOP("DocumentKinds", "调查记录"),
    QT_TRANSLATE_NOOP("DocumentKinds", "调解记录"), QT_TRANSLATE_NOOP("DocumentKinds", "人民调解协议书"),
    QT_TRANSLATE_NOOP("DocumentKinds", "口头调解协议登记表"), QT_TRANSLATE_NOOP("DocumentKinds", "终止调解告知书"),
    QT_TRANSLATE_NOOP("DocumentKinds", "主持调解证明"), QT_TRANSLATE_NOOP("DocumentKinds", "司法确认申请书"),
    QT_TRANSLATE_NOOP("DocumentKinds", "人民调解回访记录"), QT_TRANSLATE_NOOP("DocumentKinds", "调解通知书"),
    QT_TRANSLATE_NOOP("DocumentKinds", "卷宗封面"), QT_TRANSLATE_NOOP("DocumentKinds", "卷内目录"),
    QT_TRANSLATE_NOOP("DocumentKinds", "卷内备考表（封底）"), QT_TRANSLATE_NOOP("DocumentKinds", "人民调解卷宗"),
)


def document_title(title: str) -> str:
    """A document's title (core.dossier.DOCUMENT_KINDS) as the screens name it."""
    return QCoreApplication.translate("DocumentKinds", title)


def print_pdf_bytes(document: QPdfDocument, printer, *, first: int = 0, last: int | None = None) -> int:
    """Paint pages ``first``…``last`` of ``document`` onto ``printer`` (a QPrinter or any
    QPagedPaintDevice), each rendered at the device's resolution and fitted to its page.
    Returns the number of pages printed."""
    count = document.pageCount()
    if count == 0:
        return 0
    last = count - 1 if last is None else min(last, count - 1)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(QCoreApplication.translate("PdfPane", "无法开始打印（打印机不可用）"))
    try:
        dpi = printer.resolution()
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            points = document.pagePointSize(index)
            target = painter.viewport()
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            size = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(index, size)
            x = target.x() + (target.width() - size.width()) // 2
            painter.drawImage(QRect(x, target.y(), size.width(), size.height()), image)
        return last - first + 1
    finally:
        painter.end()


class PdfPane(QWidget):
    """A PDF on screen with its tool row. ``printed`` / ``saved`` callbacks tell the owner."""

    def __init__(self, pdf: bytes = b"", title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPane")
        self.title = title
        self.pdf = b""
        self.on_printed: Callable[[], None] | None = None
        self.on_saved: Callable[[Path], None] | None = None
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.prev_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.zoom_out_button = QPushButton(self.tr("－"))
        self.zoom_in_button = QPushButton(self.tr("＋"))
        self.fit_button = QPushButton(self.tr("适合宽度"))
        self.zoom_label = QLabel()
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("另存为…"))
        for button, tip in ((self.prev_button, "PgUp"), (self.next_button, "PgDn"), (self.zoom_in_button, "Ctrl++"),
                            (self.zoom_out_button, "Ctrl+-"), (self.print_button, "Ctrl+P"),
                            (self.save_button, "Ctrl+S")):
            button.setToolTip(tip)
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(0.8))
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.view.pageNavigator().currentPageChanged.connect(self._update_label)
        self.document.pageCountChanged.connect(self._update_label)

        tools = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            tools.addWidget(w)
        tools.addSpacing(16)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(self.save_button)
        tools.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

        for keys, slot in ((QKeySequence.StandardKey.Print, self.print_dialog),
                           (QKeySequence.StandardKey.Save, self.save_dialog),
                           (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(1.25)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(0.8)),
                           (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current_page() + 1)),
                           (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current_page() - 1)),
                           (QKeySequence(Qt.Key.Key_Home), lambda: self.go_to(0)),
                           (QKeySequence(Qt.Key.Key_End), lambda: self.go_to(self.page_count() - 1))):
            QShortcut(keys, self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if pdf:
            self.set_pdf(pdf, title)
        else:
            self._update_label()

    # -- content ---------------------------------------------------------------------
    def set_pdf(self, pdf: bytes, title: str = "") -> None:
        """Show ``pdf`` (the bytes are kept: printing and saving use exactly these)."""
        self.pdf = bytes(pdf)
        self.title = title or self.title
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.go_to(0)
        self._update_label()

    def clear(self) -> None:
        self.pdf = b""
        self.document.close()
        self._update_label()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor()
                                       if self.view.zoomMode() == QPdfView.ZoomMode.Custom else 0)
        self._update_label()

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))
        self._update_label()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_label()

    def _update_label(self, *_args) -> None:
        if not (isValid(self) and isValid(self.document) and isValid(self.view)):
            return  # signals emitted while the pane is being destroyed
        count = self.page_count()
        current = self.current_page() + 1 if count else 0
        self.page_label.setText(self.tr("第 %1 页 / 共 %2 页").replace("%1", str(current)).replace("%2", str(count)))
        custom = self.view.zoomMode() == QPdfView.ZoomMode.Custom
        self.zoom_label.setText(f"{self.view.zoomFactor() * 100:.0f}%" if custom else "")
        for w in (self.print_button, self.save_button, self.fit_button, self.zoom_in_button, self.zoom_out_button):
            w.setEnabled(count > 0)
        self.prev_button.setEnabled(count > 0 and current > 1)
        self.next_button.setEnabled(count > 0 and current < count)

    # -- printing and saving ----------------------------------------------------------
    def print_to(self, printer) -> int:
        printed = print_pdf_bytes(self.document, printer)
        if printed and self.on_printed:
            self.on_printed()
        return printed

    def print_dialog(self) -> bool:
        if not self.page_count():
            return False
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title or "document")
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印 %1").replace("%1", self.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        first, last = printer.fromPage(), printer.toPage()
        if first and last:
            printed = print_pdf_bytes(self.document, printer, first=first - 1, last=last - 1)
            if printed and self.on_printed:
                self.on_printed()
            return bool(printed)
        return bool(self.print_to(printer))

    def save_to(self, path: str | Path) -> Path:
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(self.pdf)
        tmp.replace(path)
        if self.on_saved:
            self.on_saved(path)
        return path

    def save_dialog(self) -> Path | None:
        if not self.pdf:
            return None
        name = (self.title or self.tr("文书")).replace("/", "_").replace("\\", "_") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), str(Path.home() / name),
                                              self.tr("PDF 文件 (*.pdf)"))
        return self.save_to(path) if path else None


class PrintPreviewDialog(QDialog):
    """A PDF in a dialog with page navigation, zoom, 打印 and 另存为…."""

    def __init__(self, pdf_bytes: bytes, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", title) if title else self.tr("打印预览"))
        self.pane = PdfPane(pdf_bytes, title, self)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addLayout(bottom)
        self.resize(900, 1000)


def show_pdf(pdf: bytes | str | Path, parent: QWidget | None = None, title: str | None = None) -> PrintPreviewDialog:
    """Open a (non-modal) preview of a PDF given as bytes or a path; returns the dialog."""
    if not isinstance(pdf, bytes | bytearray):
        path = Path(pdf)
        title = title or path.stem
        pdf = path.read_bytes()
    dialog = PrintPreviewDialog(bytes(pdf), title or "", parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class PrintPreviewScreen(QWidget):
    """Choose a case and a document kind; preview, print, save — and keep it with the case."""

    title = "打印预览"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.ctx = ctx
        self.case_id: int | None = None
        self.case_number = ""
        self._generation = 0

        self.case_edit = QLineEdit(placeholderText=self.tr("案件编号或当事人姓名（回车查找）"))
        # a whole case number fits: 衢江交人调字〔2026〕第057号
        self.case_edit.setMinimumWidth(self.case_edit.fontMetrics().horizontalAdvance("衢江交人调字〔2026〕第0577号") + 16)
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.case_label.setObjectName("caseLabel")
        self.kind = QComboBox()
        self.kind.setMinimumContentsLength(14)
        self.preview_button = QPushButton(self.tr("预览"))
        self.keep_button = QPushButton(self.tr("存入案件"))
        self.keep_button.setToolTip(self.tr("把当前文书的 PDF 保存到本案的附件中"))
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.pane = PdfPane(parent=self)
        self.pane.on_printed = lambda: self.keep(quiet=True)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("案件")))
        row.addWidget(self.case_edit, 2)
        row.addWidget(self.case_label, 3)
        row.addWidget(QLabel(self.tr("文书")))
        row.addWidget(self.kind, 2)
        row.addWidget(self.preview_button)
        row.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.pane, 1)

        self.case_edit.returnPressed.connect(self._find_case)
        self.preview_button.clicked.connect(self.preview)
        self.keep_button.clicked.connect(lambda: self.keep(quiet=False))
        self.kind.activated.connect(lambda _i: self.preview())
        QShortcut(QKeySequence("F5"), self, activated=self.preview)
        self.setTabOrder(self.case_edit, self.kind)
        self.setTabOrder(self.kind, self.preview_button)
        self.keep_button.setEnabled(False)
        self.refresh()

    # -- case --------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.case_id is None:
            from core.lifecycle import most_recent_case

            case_id = most_recent_case(self.ctx.engine, self.ctx.user)
            if case_id is not None:
                self.load_case(case_id)
                return
            self.case_label.setText(self.tr("没有可打印的案件"))
        else:
            self.load_case(self.case_id)

    def _find_case(self) -> None:
        from core.lifecycle import find_case

        case_id = find_case(self.ctx.engine, self.ctx.user, self.case_edit.text())
        if case_id is None:
            self._say(self.tr("没有找到案件：%1").replace("%1", self.case_edit.text().strip()), error=True)
            return
        self.load_case(case_id)

    def load_case(self, case_id: int, kind: str | None = None, *, preview: bool = True) -> None:
        """Show ``case_id``'s documents and preview ``kind`` (default: the agreement, oral
        agreement or termination notice when there is one, else the first available)."""
        from core.dossier import available_kinds
        from core.lifecycle import case_overview

        try:
            overview = case_overview(self.ctx.engine, self.ctx.user, case_id)
            kinds = available_kinds(self.ctx.engine, self.ctx.user, case_id)
        except Exception as exc:  # noqa: BLE001 — shown to the user, nothing written
            self._say(error_text(exc), error=True)
            return
        h = overview.header
        self.case_id = case_id
        self.case_number = h.number
        self.case_edit.setText(h.number)
        names = self.tr("、").join(p.name for p in overview.parties if p.role != "agent")
        self.case_label.setText(self.tr("%1（%2·%3）").replace("%1", names).replace("%2", tr_code(h.committee_name))
                                .replace("%3", tr_code(h.status_name)))
        wanted = kind or self.kind.currentData()
        self.kind.clear()
        model = self.kind.model()
        for i, (k, title, reason) in enumerate(kinds):
            name = document_title(title)
            self.kind.addItem(self.tr("%1（无）").replace("%1", name) if reason else name, k)
            if reason:
                item = model.item(i)
                item.setEnabled(False)
                item.setToolTip(tr_message(reason))
        index = self.kind.findData(wanted) if wanted else -1
        if index < 0 or not model.item(index).isEnabled():
            index = next((i for i, (k, _t, r) in enumerate(kinds) if not r and k in ("agreement", "oral_agreement",
                                                                                    "termination_notice")), -1)
        if index < 0:
            index = next((i for i, (_k, _t, r) in enumerate(kinds) if not r), 0)
        self.kind.setCurrentIndex(index)
        self.pane.clear()
        self.keep_button.setEnabled(False)
        self._say("")
        if preview:
            self.preview()

    # -- building ------------------------------------------------------------------------
    def preview(self) -> None:
        if self.case_id is None or self.kind.currentIndex() < 0:
            return
        kind = self.kind.currentData()
        item = self.kind.model().item(self.kind.currentIndex())
        if not item.isEnabled():
            self._say(item.toolTip(), error=True)
            return
        from core.dossier import DOCUMENT_KINDS, build_document

        self._generation += 1
        generation = self._generation
        title = f"{DOCUMENT_KINDS[kind].title} {self.case_number}"  # the PDF's name: Chinese, as the document
        shown = f"{document_title(DOCUMENT_KINDS[kind].title)} {self.case_number}"
        self.status.setText(self.tr("正在生成%1…").replace("%1", document_title(DOCUMENT_KINDS[kind].title)))
        self.message.hide()
        self.preview_button.setEnabled(False)

        def done(pdf: bytes) -> None:
            if generation != self._generation:
                return
            self.preview_button.setEnabled(True)
            self.pane.set_pdf(pdf, title)
            self.keep_button.setEnabled(True)
            self.status.setText(self.tr("%1：共 %n 页", "", self.pane.page_count()).replace("%1", shown))

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.preview_button.setEnabled(True)
            self.status.setText("")
            self._say(_message(exc), error=True)

        self.ctx.tasks.run(build_document, self.ctx.engine, kind, self.case_id, user=self.ctx.user,
                           on_done=done, on_error=failed)

    def keep(self, *, quiet: bool) -> None:
        """Keep the PDF on screen with the case (attachments, kind ``document``)."""
        if self.case_id is None or not self.pane.pdf:
            return
        from core.dossier import save_documents_with_case

        kind = self.kind.currentData()

        def done(_attachment_id: int) -> None:
            self.status.setText(self.tr("已保存到案件附件。"))

        def failed(exc: BaseException) -> None:
            self._say(self.tr("未能保存到案件：%1").replace("%1", _message(exc)), error=True)

        self.ctx.tasks.run(save_documents_with_case, self.ctx.engine, self.ctx.user, self.case_id, kind,
                           self.pane.pdf, on_done=None if quiet else done, on_error=failed)

    def _say(self, text: str, *, error: bool = False) -> None:
        if error:
            self.message.setText(text)
            self.message.setVisible(bool(text))
        else:
            self.message.hide()
            self.status.setText(text)


def _message(exc: BaseException) -> str:
    from core.documents.fonts import MissingGlyphError

    if isinstance(exc, MissingGlyphError):
        chars = QCoreApplication.translate("PrintPreviewScreen", "、").join(exc.chars)
        return QCoreApplication.translate("PrintPreviewScreen", "字库中没有这些字，无法打印：%1（请核对或手写补充）").replace(
            "%1", chars)
    return error_text(exc) or type(exc).__name__
