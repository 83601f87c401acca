"""core.messages: the core's messages are the Chinese text they always were (the CLI prints
them, tests compare them) and carry their template and params for the screens' translation.

Every ``msg(…)`` in core/ and db/ must have a literal template whose placeholders are exactly its
keyword params: ``python -m desktop.i18n update`` reads the templates from the source."""

from __future__ import annotations

import ast
import copy
import pickle
import string
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from core.messages import CodeLabel, Message, Series, code_label, joined, message_of, msg, series

REPO = Path(__file__).resolve().parents[2]


def _msg_calls():
    for path in sorted([*(REPO / "core").rglob("*.py"), *(REPO / "db").rglob("*.py")]):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "msg":
                yield path.relative_to(REPO), node


def _fields(template: str) -> set[str]:
    names = set()
    for _text, field, _spec, _conversion in string.Formatter().parse(template):
        if field is not None:
            names.add(field.split(".")[0].split("[")[0])
    return names


def test_every_msg_call_has_a_literal_template_matching_its_params():
    calls = list(_msg_calls())
    assert len(calls) > 500  # the core's refusals and validation messages
    problems = []
    for path, call in calls:
        where = f"{path}:{call.lineno}"
        if len(call.args) != 1 or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
            problems.append(f"{where}: the template must be one literal string (no f-string, no variable)")
            continue
        if any(k.arg is None for k in call.keywords):
            problems.append(f"{where}: no **params: name each one")
            continue
        template = call.args[0].value
        try:
            fields = _fields(template)
        except ValueError as exc:
            problems.append(f"{where}: {template!r}: {exc}")
            continue
        params = {k.arg for k in call.keywords}
        if fields != params:
            problems.append(f"{where}: {template!r} has {sorted(fields)}, params {sorted(params)}")
    assert not problems, "\n".join(problems)


def test_a_message_is_its_chinese_text_and_remembers_how_it_was_made():
    m = msg("案件{status}，{names}明确拒绝调解（{law}）", status=code_label("已登记"), names=["张三", "李四"],
            law=msg("《人民调解法》第十七条"))
    assert m == "案件已登记，张三、李四明确拒绝调解（《人民调解法》第十七条）"
    assert isinstance(m, str) and isinstance(m, Message)
    assert m.template == "案件{status}，{names}明确拒绝调解（{law}）"
    assert isinstance(m.params["status"], CodeLabel) and m.params["status"].context == "Codes"
    assert isinstance(m.params["names"], Series) and m.params["names"].separator == "、"
    assert isinstance(m.params["law"], Message)
    assert msg("本期尚欠{amount:,.2f}元", amount=Decimal("12345.6")) == "本期尚欠12,345.60元"
    assert msg("{at:%Y-%m-%d %H:%M} 已过", at=datetime(2026, 11, 2, 9, 30)) == "2026-11-02 09:30 已过"
    assert msg("案号格式须包含 {{seq}}") == "案号格式须包含 {seq}"


def test_a_message_survives_pickling_and_copying():
    m = msg("{who}：{items}", who=code_label("受理", "Operations"), items=series(["甲", "乙"], "；"))
    for again in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m), copy.copy(m)):
        assert again == m == "受理：甲；乙"
        assert again.template == m.template and again.params == m.params
        assert again.params["who"].context == "Operations" and again.params["items"].separator == "；"
    exc = pickle.loads(pickle.dumps(ValueError(m)))
    assert message_of(exc).template == m.template


def test_message_of_keeps_the_message_str_would_copy():
    m = msg("金额不能为负数")
    exc = ValueError(m)
    assert type(str(exc)) is str and message_of(exc) is m
    assert message_of(KeyError("x")) == "'x'"
    assert joined([msg("请选择案件"), "plain"]) == "请选择案件；plain"


# --- the old Chinese texts, unchanged ---------------------------------------------------------


def test_refusals_read_as_before():
    from core.lifecycle import TransitionError, check_transition

    with pytest.raises(TransitionError) as caught:
        check_transition("archive_case", "agreed")
    assert str(caught.value) == ("案件当前状态为“达成协议”，不能执行“立卷归档”（只能从调解不成、终止调解、撤回申请、"
                                 "拒绝调解、履行完毕状态执行）：调解协议尚未履行完毕，履行完毕后才能归档")
    assert caught.value.args[0].params["message"].params["operation"].context == "Operations"

    from core.auth import validate_new_password

    assert validate_new_password("abc") == "新密码至少8位"
    assert validate_new_password("abc", kind="temporary") == "临时密码至少8位"

    from core.intake import IntakeError, parse_amount, parse_date

    with pytest.raises(ValueError, match="^出生日期 1990-02-30 不存在$"):
        parse_date("1990-02-30", kind="birth_date")
    with pytest.raises(ValueError, match="^日期格式应为 1990-01-02$"):
        parse_date("yesterday")
    with pytest.raises(ValueError, match="^金额不能为负数$"):
        parse_amount("-5")
    error = IntakeError({"summary": msg("请填写纠纷简要情况"), "source": msg("请选择纠纷来源")})
    assert str(error) == "请填写纠纷简要情况；请选择纠纷来源"


def test_validation_messages_read_as_before():
    from core.booking import day_label, rest_phrase
    from core.case_numbers import validate_format
    from core.identifiers import check_id, id_check_char

    number = "33080319850312123" + id_check_char("33080319850312123")
    wrong = number[:-1] + ("1" if number[-1] == "0" else "0")
    assert check_id(wrong).error == f"校验位应为 {number[-1]}，请核对号码"
    assert day_label(date(2026, 11, 16)) == "11月16日（星期一）"
    assert rest_phrase("星期六") == "休息日" and rest_phrase("国庆节") == "国庆节假期"
    assert validate_format("{county}{prefix}") == "案号格式须包含 {prefix}、{year} 和 {seq}，否则案号会重复"

    from core.settings_form import validate_settings

    assert validate_settings({"session_minutes_default": "x"}) == {
        "session_minutes_default": "请填写 15–480 之间的整数分钟"}
