"""Legal deadlines (core.deadlines) and the ``deadline`` CLI command.

Each test names the rule it checks: 民法典第二百零一条至第二百零三条 (counting), 人民调解工作若干规定第三十三条
(one month), 医疗纠纷预防和处理条例第三十八条 (30 working days), 劳动争议调解仲裁法第十四条 (15 days),
人民调解法第三十三条 (司法确认, 30 days), 道路交通事故处理程序规定第八十五条 (3 days).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.deadlines import (
    KINDS,
    Deadline,
    DeadlineStatus,
    add_months,
    compute,
    days_left,
    deadline_status,
    general_deadline,
    judicial_deadline,
    labour_deadline,
    medical_deadline,
    police_deadline,
)
from core.workdays import WorkCalendar
from desktop.commands import deadline as deadline_cmd

D = date
CAL = WorkCalendar()
REPO = Path(__file__).resolve().parents[2]


# -- 民法典第二百零一条至第二百零三条: counting -----------------------------------------------------


def test_minfadian_202_add_months_corresponding_day():
    """民法典第二百零二条: the corresponding day of the last month, else that month's last day."""
    assert add_months(D(2026, 3, 10), 1) == D(2026, 4, 10)
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 3, 31), 1) == D(2026, 4, 30)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)


def test_minfadian_201_general_start_day_not_counted():
    """民法典第二百零一条 + 人民调解工作若干规定第三十三条: accepted Mar 10 → due Apr 10, not Apr 9."""
    dl = general_deadline(D(2026, 3, 10), cal=CAL)
    assert dl == Deadline(D(2026, 4, 10), False, False, dl.basis)
    assert "人民调解工作若干规定》第三十三条" in dl.basis
    assert "民法典" in dl.basis


def test_minfadian_202_general_jan31_to_feb_end():
    """民法典第二百零二条: Jan 31 + 1 month → Feb 28 (Feb 29 in a leap year)."""
    assert general_deadline(D(2025, 1, 31), cal=CAL).due == D(2025, 2, 28)  # Friday
    assert general_deadline(D(2024, 1, 31), cal=CAL).due == D(2024, 2, 29)  # Thursday


def test_minfadian_203_tiaoxiu_saturday_is_a_working_day():
    """民法典第二百零三条: Feb 28 2026 is a Saturday but a 调休 make-up working day: no roll."""
    assert D(2026, 2, 28).weekday() == 5 and CAL.is_workday(D(2026, 2, 28))
    assert general_deadline(D(2026, 1, 31), cal=CAL).due == D(2026, 2, 28)


def test_minfadian_203_weekend_rolls_to_monday():
    """民法典第二百零三条: last day Saturday 2026-07-11 → Monday 2026-07-13."""
    assert general_deadline(D(2026, 6, 11), cal=CAL).due == D(2026, 7, 13)


def test_minfadian_203_guoqing_2026_rolls_past_holiday():
    """民法典第二百零三条: last day in 国庆 2026 (Oct 1–7) → first working day after, Oct 8."""
    dl = general_deadline(D(2026, 9, 2), cal=CAL)
    assert dl.due == D(2026, 10, 8)
    assert not dl.provisional


# -- 人民调解工作若干规定第三十三条: extension ------------------------------------------------------


def test_guiding_33_extension_counts_from_displayed_due():
    """人民调解工作若干规定第三十三条 (extension by consent, local practice): N calendar days from the
    original due date after the rest-day rule (Oct 8), then the rest-day rule again."""
    dl = general_deadline(D(2026, 9, 2), extend_days=10, cal=CAL)
    assert dl.due == D(2026, 10, 19)  # Oct 18 is a Sunday
    assert "延长10日" in dl.basis and "2026-10-08" in dl.basis
    assert general_deadline(D(2026, 9, 2), extend_days=1, cal=CAL).due == D(2026, 10, 9)
    with pytest.raises(ValueError):
        general_deadline(D(2026, 9, 2), extend_days=-1, cal=CAL)


# -- 医疗纠纷预防和处理条例第三十八条 --------------------------------------------------------------


def test_medical_38_thirty_working_days_across_chunjie_2026():
    """医疗纠纷预防和处理条例第三十八条: 30 working days from 2026-02-02, across 春节 (Feb 15–23) and
    the 调休 Saturdays Feb 14 and Feb 28 → 2026-03-20."""
    dl = medical_deadline(D(2026, 2, 2), cal=CAL)
    assert dl.due == D(2026, 3, 20)
    assert dl.working_days and not dl.provisional
    assert (
        dl.basis
        == "《医疗纠纷预防和处理条例》第三十八条：自受理之日起30个工作日内（鉴定期间不计入）"
    )


def test_medical_38_assessment_pause_not_counted():
    """医疗纠纷预防和处理条例第三十八条: 医疗损害鉴定 time (inclusive FROM:TO) does not count."""
    dl = medical_deadline(D(2026, 2, 2), pauses=[(D(2026, 2, 10), D(2026, 2, 24))], cal=CAL)
    assert dl.due == D(2026, 3, 30)
    assert "2026-02-10至2026-02-24" in dl.basis
    two = medical_deadline(
        D(2026, 2, 2),
        pauses=[(D(2026, 3, 2), D(2026, 3, 6)), (D(2026, 2, 10), D(2026, 2, 24))],
        cal=CAL,
    )
    assert two.due == D(2026, 4, 7)  # five more working days; Apr 4–6 are 清明 holidays


def test_medical_38_bad_pauses_rejected():
    """医疗纠纷预防和处理条例第三十八条: a pause must not end before it starts or precede acceptance."""
    with pytest.raises(ValueError, match="结束日早于开始日"):
        medical_deadline(D(2026, 2, 2), pauses=[(D(2026, 2, 20), D(2026, 2, 10))], cal=CAL)
    with pytest.raises(ValueError, match="早于受理日"):
        medical_deadline(D(2026, 2, 2), pauses=[(D(2026, 1, 20), D(2026, 2, 10))], cal=CAL)


def test_medical_38_extension_adds_working_days():
    """医疗纠纷预防和处理条例第三十八条: the parties may agree to extend: N more working days."""
    dl = medical_deadline(D(2026, 2, 2), extend_days=5, cal=CAL)
    assert dl.due == D(2026, 3, 27)
    assert "延长5个工作日" in dl.basis


def test_medical_38_override_table_beats_chinese_calendar():
    """医疗纠纷预防和处理条例第三十八条 with an admin override: a local day off on 2026-03-10 (a
    Tuesday) moves the 30th working day from Mar 20 to Mar 23."""
    cal = WorkCalendar({D(2026, 3, 10): False})
    assert medical_deadline(D(2026, 2, 2), cal=cal).due == D(2026, 3, 23)


def test_minfadian_203_override_table_beats_chinese_calendar():
    """民法典第二百零三条 with the override table: making Oct 8 2026 a rest day rolls to Oct 9."""
    cal = WorkCalendar({D(2026, 10, 8): False})
    assert general_deadline(D(2026, 9, 2), cal=cal).due == D(2026, 10, 9)


# -- 劳动争议调解仲裁法第十四条 ----------------------------------------------------------------------


def test_labour_14_fifteen_calendar_days():
    """劳动争议调解仲裁法第十四条: 15 days from receipt, start day not counted."""
    dl = labour_deadline(D(2026, 7, 1), CAL)
    assert dl.due == D(2026, 7, 16)  # Thursday
    assert not dl.working_days
    assert "劳动争议调解仲裁法》第十四条" in dl.basis


def test_labour_14_rest_day_rule():
    """劳动争议调解仲裁法第十四条 + 民法典第二百零三条: Sep 16 + 15 = Oct 1 (国庆) → Oct 8."""
    assert labour_deadline(D(2026, 9, 16), CAL).due == D(2026, 10, 8)


# -- 人民调解法第三十三条 ----------------------------------------------------------------------------


def test_renmin_tiaojiefa_33_judicial_confirmation_thirty_days():
    """人民调解法第三十三条: 30 days from the agreement taking effect."""
    dl = judicial_deadline(D(2026, 6, 1), CAL)
    assert dl.due == D(2026, 7, 1)
    assert "人民调解法》第三十三条" in dl.basis


def test_renmin_tiaojiefa_33_2027_is_provisional_with_fallback_holidays():
    """人民调解法第三十三条 in 2027 (unknown to chinese-calendar): Sep 1 + 30 = Oct 1 (Friday);
    the fallback keeps 国庆 Oct 1–3 as rest days → Monday Oct 4, marked provisional."""
    dl = judicial_deadline(D(2027, 9, 1), CAL)
    assert dl.due == D(2027, 10, 4)
    assert dl.provisional


def test_renmin_tiaojiefa_33_2027_known_through_override_table():
    """人民调解法第三十三条: once the admin enters 2027's schedule, the result is no longer provisional."""
    cal = WorkCalendar(
        {D(2027, day // 100, day % 100): False for day in (1001, 1004, 1005, 1006, 1007)}
    )
    dl = judicial_deadline(D(2027, 9, 1), cal)
    assert dl.due == D(2027, 10, 8)
    assert not dl.provisional


# -- 道路交通事故处理程序规定第八十五条 --------------------------------------------------------------


def test_traffic_85_three_days():
    """道路交通事故处理程序规定第八十五条: 3 days from the termination date."""
    dl = police_deadline(D(2026, 7, 6), CAL)
    assert dl.due == D(2026, 7, 9)
    assert "道路交通事故处理程序规定》第八十五条" in dl.basis


def test_traffic_85_rest_day_rule_and_year_end():
    """道路交通事故处理程序规定第八十五条 + 民法典第二百零三条: Dec 30 2026 + 3 = Sat Jan 2 2027 →
    Mon Jan 4 (provisional: 2027 is unknown)."""
    dl = police_deadline(D(2026, 12, 30), CAL)
    assert dl.due == D(2027, 1, 4)
    assert dl.provisional
    assert police_deadline(D(2026, 9, 30), CAL).due == D(2026, 10, 8)


def test_minfadian_203_general_into_2027_is_provisional():
    """民法典第二百零二条/第二百零三条 with the fallback: Dec 31 2026 + 1 month = Sun Jan 31 2027 →
    Mon Feb 1 2027, provisional."""
    dl = general_deadline(D(2026, 12, 31), cal=CAL)
    assert dl.due == D(2027, 2, 1)
    assert dl.provisional


# -- dispatcher ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "start", "due"),
    [
        ("general", D(2026, 9, 2), D(2026, 10, 8)),
        ("medical", D(2026, 2, 2), D(2026, 3, 20)),
        ("labour", D(2026, 7, 1), D(2026, 7, 16)),
        ("judicial", D(2026, 6, 1), D(2026, 7, 1)),
        ("police", D(2026, 7, 6), D(2026, 7, 9)),
    ],
)
def test_compute_dispatches_each_kind(kind, start, due):
    """compute() covers all five rules (人民调解工作若干规定第三十三条, 医疗纠纷预防和处理条例第三十八条,
    劳动争议调解仲裁法第十四条, 人民调解法第三十三条, 道路交通事故处理程序规定第八十五条)."""
    assert kind in KINDS
    assert compute(kind, start).due == due
    assert compute(kind, start, cal=CAL).due == due


def test_compute_rejects_what_the_law_does_not_allow():
    """Only medical cases have assessment pauses (第三十八条); statutory periods of 第十四条, 第三十三条
    and 第八十五条 cannot be extended."""
    with pytest.raises(ValueError, match="未知的期限类型"):
        compute("divorce", D(2026, 1, 5))
    with pytest.raises(ValueError, match="鉴定期间"):
        compute("general", D(2026, 1, 5), pauses=[(D(2026, 1, 6), D(2026, 1, 7))])
    for kind in ("labour", "judicial", "police"):
        with pytest.raises(ValueError, match="不能延长"):
            compute(kind, D(2026, 1, 5), extend_days=3)
        assert compute(kind, D(2026, 1, 5), extend_days=0).due > D(2026, 1, 5)
    assert compute("general", D(2026, 9, 2), extend_days=10).due == D(2026, 10, 19)


# -- days_left / status ----------------------------------------------------------------------------


def test_days_left_calendar_deadline():
    dl = judicial_deadline(D(2026, 6, 1), CAL)  # due 2026-07-01
    assert days_left(dl, D(2026, 6, 28), CAL) == 3
    assert days_left(dl, D(2026, 7, 1), CAL) == 0
    assert days_left(dl, D(2026, 7, 3), CAL) == -2


def test_days_left_working_day_deadline():
    """医疗纠纷预防和处理条例第三十八条 deadlines count down in working days."""
    dl = medical_deadline(D(2026, 2, 2), cal=CAL)  # due Fri 2026-03-20
    assert days_left(dl, D(2026, 3, 13), CAL) == 5
    assert days_left(dl, D(2026, 3, 20), CAL) == 0
    assert days_left(dl, D(2026, 3, 21), CAL) == -1  # Saturday: still overdue, not "due today"
    assert days_left(dl, D(2026, 3, 24), CAL) == -2


def test_deadline_status():
    dl = judicial_deadline(D(2026, 6, 1), CAL)  # due 2026-07-01
    assert deadline_status(dl, D(2026, 6, 20), CAL) == DeadlineStatus.OK == "ok"
    assert deadline_status(dl, D(2026, 6, 28), CAL) == "due_soon"
    assert deadline_status(dl, D(2026, 7, 1), CAL) == "due_soon"
    assert deadline_status(dl, D(2026, 7, 2), CAL) == "overdue"
    assert deadline_status(dl, D(2026, 6, 20), CAL, warn_days=11) == "due_soon"
    assert deadline_status(dl, D(2026, 6, 28), CAL, warn_days=0) == "ok"
    with pytest.raises(ValueError):
        deadline_status(dl, D(2026, 6, 28), CAL, warn_days=-1)


# -- CLI ---------------------------------------------------------------------------------------------


def _run_cli(argv, capsys):
    parser = argparse.ArgumentParser(prog="tiaojie deadline")
    deadline_cmd.configure(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        code = exc.code
    else:
        code = deadline_cmd.run(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_json_medical_with_pause(capsys):
    """医疗纠纷预防和处理条例第三十八条 through the CLI, JSON output."""
    code, out, err = _run_cli(
        ["medical", "2026-02-02", "--pause", "2026-02-10:2026-02-24", "--json"], capsys
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == ["due", "working_days", "provisional", "basis"]
    assert data["due"] == "2026-03-30"
    assert data["working_days"] is True and data["provisional"] is False
    assert "第三十八条" in data["basis"]
    assert "\\u" not in out  # ensure_ascii=False


def test_cli_json_provisional_2027(capsys):
    """人民调解法第三十三条 in 2027 through the CLI: provisional true."""
    code, out, _ = _run_cli(["judicial", "2027-09-01", "--json"], capsys)
    assert code == 0
    assert json.loads(out) == {
        "due": "2027-10-04",
        "working_days": False,
        "provisional": True,
        "basis": json.loads(out)["basis"],
    }


def test_cli_readable_line(capsys):
    """人民调解工作若干规定第三十三条 through the CLI, readable Chinese line with the extension."""
    code, out, _ = _run_cli(["general", "2026-09-02", "--extend-days", "10"], capsys)
    assert code == 0
    assert "2026-10-19" in out and "一般纠纷调解期限" in out and "暂定" not in out
    code, out, _ = _run_cli(["police", "2026-12-30"], capsys)
    assert code == 0 and "2027-01-04" in out and "暂定" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["divorce", "2026-01-05"], "期限类型"),
        (["general", "2026/01/05"], "YYYY-MM-DD"),
        (["general", "2026-02-30"], "日期不存在"),
        (["medical", "2026-02-02", "--pause", "2026-02-10"], "开始日:结束日"),
        (["medical", "2026-02-02", "--pause", "2026-02-20:2026-02-10"], "结束日早于开始日"),
        (["general", "2026-02-02", "--extend-days", "-3"], "非负整数"),
        (["general", "2026-02-02", "--extend-days", "x"], "非负整数"),
        (["labour", "2026-02-02", "--extend-days", "3"], "不能延长"),
        (["general", "2026-02-02", "--pause", "2026-02-10:2026-02-12"], "鉴定期间"),
        (["medical", "2026-02-02", "--pause", "2026-01-10:2026-02-12"], "早于受理日"),
    ],
)
def test_cli_bad_input_exit_2_with_chinese_error(argv, message, capsys):
    code, out, err = _run_cli(argv, capsys)
    assert code == 2
    assert out == ""
    assert message in err


def test_cli_metadata():
    assert deadline_cmd.NAME == "deadline"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in deadline_cmd.HELP)


def test_core_and_cli_import_neither_qt_nor_sqlalchemy():
    code = (
        "import sys, core.workdays, core.deadlines, desktop.commands.deadline\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
