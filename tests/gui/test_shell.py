"""GUI smoke tests: login, forced password change, navigation by role, the case list."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from core.auth import INITIAL_ADMIN_PASSWORD, login
from desktop.login import ChangePasswordDialog, LoginDialog
from desktop.main_window import MainWindow
from tests.conftest import TEST_PASSWORD
from tests.factories import add_case


def _login_dialog(qtbot, engine):
    dialog = LoginDialog(engine, centre_name="衢州市衢江区专业调解中心", where="SQLite")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_with_the_keyboard(app, qtbot, engine, users):
    dialog = _login_dialog(qtbot, engine)
    qtbot.keyClicks(dialog.username, "qiantai")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.role == "reception"


def test_wrong_password_is_explained_beside_the_fields_and_kept_username(app, qtbot, engine, users):
    dialog = _login_dialog(qtbot, engine)
    qtbot.keyClicks(dialog.username, "qiantai")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.try_login()
    assert dialog.error.isVisible()
    assert "再错4次" in dialog.error.text()
    assert dialog.username.text() == "qiantai"
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_empty_username_is_refused_without_a_query(app, qtbot, engine):
    dialog = _login_dialog(qtbot, engine)
    dialog.try_login()
    assert dialog.error.text() == "请输入用户名"


def test_change_password_dialog_shows_each_error_under_its_field(app, qtbot, engine):
    admin = login(engine, "admin", INITIAL_ADMIN_PASSWORD)
    dialog = ChangePasswordDialog(engine, admin, forced=True, old_password=INITIAL_ADMIN_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new, "short")
    dialog.try_change()
    assert "至少8位" in dialog.new_error.text() and dialog.new_error.isVisible()
    dialog.new.setText("Quzhou2026")
    dialog.confirm.setText("Quzhou2025")
    dialog.try_change()
    assert dialog.confirm_error.text() == "两次输入的新密码不一致"
    dialog.confirm.setText("Quzhou2026")
    dialog.try_change()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.user.must_change_password
    assert login(engine, "admin", "Quzhou2026").role == "admin"


def test_first_admin_login_requires_a_new_password(app, qtbot, engine, monkeypatch):
    def fill_and_accept(self):
        self.new.setText("Quzhou2026")
        self.confirm.setText("Quzhou2026")
        self.try_change()
        return self.result()

    monkeypatch.setattr(ChangePasswordDialog, "exec", fill_and_accept)
    dialog = _login_dialog(qtbot, engine)
    dialog.username.setText("admin")
    dialog.password.setText(INITIAL_ADMIN_PASSWORD)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.user.must_change_password


# Screens each role must (and must not) reach; later screens may add to the lists.
ROLE_SCREENS = {
    "reception": ({"cases", "queue", "call_display", "intake"}, {"users", "stats"}),
    "mediator": ({"cases"}, {"users", "queue", "stats"}),
    "director": ({"cases"}, {"users", "queue", "intake"}),
    "admin": ({"users"}, {"cases", "intake", "queue"}),
}


@pytest.mark.parametrize("role", list(ROLE_SCREENS))
def test_navigation_by_role(app, qtbot, make_ctx, users, role):
    from PySide6.QtCore import Qt as _Qt

    window = MainWindow(make_ctx(users[role]), centre_name="测试中心")
    qtbot.addWidget(window)
    window.show()
    keys = {window.nav.item(i).data(_Qt.ItemDataRole.UserRole) for i in range(window.nav.count())}
    must, must_not = ROLE_SCREENS[role]
    assert must <= keys
    assert not (must_not & keys)
    assert window.current_screen() is not None
    assert users[role].full_name in window.user_label.text()
    assert "SQLite" in window.db_label.text() or "PostgreSQL" in window.db_label.text()


def test_case_list_shows_filters_and_scopes_by_role(app, qtbot, engine, make_ctx, users):
    add_case(engine, committee="medical", parties=(("𠮷祥", "person"), ("衢江区人民医院", "organisation")))
    add_case(engine, committee="traffic", dispute_type="14", parties=(("王五", "person"), ("赵六", "person")))
    add_case(engine, committee="labour", dispute_type="10", received=date(2026, 10, 1),
             parties=(("孙七", "person"), ("某建筑公司", "organisation")))

    window = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(window)
    window.show()
    screen = window.show_screen("cases")  # reception starts on the queue
    assert screen.model.rowCount() == 3
    screen.search.setText("𠮷")  # as an input method commits it (QTest cannot type surrogate pairs)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert "𠮷祥" in screen.model.row_at(0).party_names
    screen.search.clear()
    screen.committee.setCurrentIndex(screen.committee.findData("labour"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.row_at(0).committee == "labour"

    # A mediator of the medical and traffic committees sees only those cases.
    mediator_window = MainWindow(make_ctx(users["mediator"]))
    qtbot.addWidget(mediator_window)
    cases = mediator_window.show_screen("cases")
    assert sorted(cases.model.row_at(i).committee for i in range(cases.model.rowCount())) == ["medical", "traffic"]


def test_case_list_sorts_by_header(app, qtbot, engine, make_ctx, users):
    for day in (3, 1, 2):
        add_case(engine, received=date(2026, 11, day))
    window = MainWindow(make_ctx(users["director"]))
    qtbot.addWidget(window)
    screen = window.show_screen("cases")  # the director starts on the statistics
    screen.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert [screen.model.row_at(i).received.day for i in range(3)] == [1, 2, 3]


def test_case_list_reads_its_first_page_once_when_built(app, qtbot, engine, make_ctx, users, monkeypatch):
    """The view's sort set-up (setSortingEnabled, setSortIndicator) must not each query the table:
    on a million cases every first page is a query the user waits for at start."""
    from core import cases as core_cases
    from desktop.screens import cases as cases_screen

    add_case(engine)
    calls = []
    real = core_cases.fetch_cases

    def counting(session, case_filter, **kw):
        calls.append(kw)
        return real(session, case_filter, **kw)

    monkeypatch.setattr(cases_screen, "fetch_cases", counting)
    screen = cases_screen.CasesScreen(make_ctx(users["director"]))
    qtbot.addWidget(screen)
    assert len(calls) == 1 and calls[0]["sort"] == "received" and calls[0]["descending"] is True
    assert screen.model.rowCount() == 1
    screen.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # what is shown already: no query
    assert len(calls) == 1
    screen.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert len(calls) == 2 and calls[1]["descending"] is False


def test_case_list_fetches_more_pages_as_it_scrolls(app, qtbot, engine, make_ctx, users):
    from desktop.models.case_table import PAGE_SIZE

    for _ in range(PAGE_SIZE + 5):
        add_case(engine, parties=(("甲", "person"),))
    window = MainWindow(make_ctx(users["director"]))
    qtbot.addWidget(window)
    screen = window.show_screen("cases")  # the director starts on the statistics
    assert screen.model.rowCount() == PAGE_SIZE
    assert screen.model.canFetchMore()
    screen.model.fetchMore()
    assert screen.model.rowCount() == PAGE_SIZE + 5
    qtbot.waitUntil(lambda: screen.count_label.text() == f"共 {PAGE_SIZE + 5} 件", timeout=5000)


def test_about_dialog_lists_versions_and_licences(app, qtbot):
    from PySide6.QtWidgets import QTabWidget, QTextBrowser

    from desktop.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    assert tabs.count() == 2
    fonts = tabs.widget(0)
    assert isinstance(fonts, QTextBrowser)
    assert "Droid Sans Fallback" in fonts.toPlainText() and "Hanazono" in fonts.toPlainText()
    assert "ReportLab" in tabs.widget(1).toPlainText()


def test_about_says_which_fonts_this_installation_has(monkeypatch):
    """A Linux bundle leaves out TJRareHanB (installers/tiaojie.spec): the notice says so."""
    import core.resources as resources
    from desktop.about import fonts_notice

    assert "未附带" not in fonts_notice()  # the source tree has every font
    real = resources.font_files()
    monkeypatch.setattr(resources, "font_files", lambda: resources.FontFiles(
        main=real.main, latin=real.latin, rare=tuple(p for p in real.rare if p.name != "TJRareHanB.ttf")))
    text = fonts_notice()
    assert "本安装包附带的字体" in text and "`TJRareHanA.ttf`" in text.split("未附带")[0]
    assert "**未附带：** `TJRareHanB.ttf`" in text


@pytest.mark.parametrize(("role", "home"), [("reception", "queue"), ("mediator", "my_cases"),
                                            ("director", "stats"), ("admin", "users")])
def test_each_role_starts_on_its_own_work(app, qtbot, make_ctx, users, role, home):
    from PySide6.QtCore import Qt as _Qt

    window = MainWindow(make_ctx(users[role]), centre_name="测试中心")
    qtbot.addWidget(window)
    window.show()
    assert window.nav.item(0).data(_Qt.ItemDataRole.UserRole) == home
    assert window.current_screen().objectName() == home
    window.ctx.tasks.wait()
