"""The intake form: normalisation, parsing and validation (no database, no window)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.identifiers import id_check_char, uscc_check_char
from core.intake import (
    GROUP_MIN_SIZE,
    IntakeForm,
    PartyForm,
    normalise_form,
    parse_amount,
    parse_date,
    parse_datetime,
    party_kinds_for_routing,
    routing_text,
    validate_intake,
)

NOW = datetime(2026, 11, 2, 10, 0)


def resident_id(first17: str) -> str:
    return first17 + id_check_char(first17)


def uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def flip_last(code: str) -> str:
    """The same number with a wrong check character."""
    return code[:-1] + ("1" if code[-1] == "0" else "0")


ZHANG_ID = resident_id("33080319850312123")  # male, born 1985-03-12
HOSPITAL_USCC = uscc("12330803470123456")


def person(**kw) -> PartyForm:
    base = dict(name="张三", id_number=ZHANG_ID, phone="13812345678", address="衢江区樟潭街道")
    base.update(kw)
    return PartyForm(kind="person", **base)


def hospital(**kw) -> PartyForm:
    base = dict(role="respondent", name="衢江区人民医院", org_kind="hospital", uscc=HOSPITAL_USCC)
    base.update(kw)
    return PartyForm(kind="organisation", **base)


def good_form(**kw) -> IntakeForm:
    base = dict(
        parties=(person(), hospital()),
        committee="medical",
        dispute_type="13",
        summary="阑尾炎手术后切口感染，家属认为医院有过错。",
        requests=("赔偿医疗费", "书面道歉"),
        amount="50000",
        medical_consent="both_applied",
    )
    base.update(kw)
    return IntakeForm(**base)


# -- parsing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("  ", None),
        ("50000", Decimal("50000.00")),
        ("50,000.5", Decimal("50000.50")),
        ("５００００", Decimal("50000.00")),  # full-width digits (NFKC)
        ("5万", Decimal("50000.00")),
        ("1.25万元", Decimal("12500.00")),
        ("￥1,234.56", Decimal("1234.56")),
        ("12345.60 元", Decimal("12345.60")),
        ("0", Decimal("0.00")),
    ],
)
def test_amounts_are_parsed_as_decimal_yuan(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("五万", "金额格式不对"),
        ("abc", "金额格式不对"),
        ("1.2.3", "金额格式不对"),
        ("-100", "不能为负数"),
        ("12.345", "两位小数"),
        ("99999999999", "金额过大"),
    ],
)
def test_bad_amounts_get_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        parse_amount(text)


@given(st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False))
def test_amount_round_trips_through_its_printed_forms(value):
    assert parse_amount(str(value)) == value
    assert parse_amount(f"{value:,.2f}") == value
    assert parse_amount(f"{value:.2f}元") == value


@given(st.text(max_size=30))
def test_amount_parser_never_fails_unexpectedly(text):
    try:
        result = parse_amount(text)
    except ValueError as exc:
        assert str(exc)  # always a message for the clerk
    else:
        assert result is None or result >= 0


@pytest.mark.parametrize("text", ["1990-01-02", "1990/1/2", "1990.1.2", "1990年1月2日", "19900102", "１９９０-０１-０２"])
def test_dates_in_the_usual_forms(text):
    assert parse_date(text) == date(1990, 1, 2)


def test_impossible_and_garbled_dates():
    with pytest.raises(ValueError, match="不存在"):
        parse_date("2023-02-30")
    with pytest.raises(ValueError, match="格式"):
        parse_date("去年")
    assert parse_datetime("2026-11-02T09:30") == datetime(2026, 11, 2, 9, 30)
    assert parse_datetime("") is None


# -- normalisation --------------------------------------------------------------------------------


def test_identifiers_are_normalised_and_fill_sex_and_birth_date():
    spaced = " ".join(ZHANG_ID[i:i + 6] for i in range(0, 18, 6))
    full_width = spaced.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    form = normalise_form(good_form(parties=(person(id_number=full_width, name=" 张 三 ", sex="", birth_date=""),
                                             hospital(uscc=HOSPITAL_USCC.lower()))))
    p, h = form.parties
    assert p.id_number == ZHANG_ID
    assert p.name == "张三"
    assert (p.sex, p.birth_date) == ("M", "1985-03-12")
    assert h.uscc == HOSPITAL_USCC.upper()


def test_lower_case_x_check_character_is_upper_cased():
    number = "11010519491231002X"  # the domain example
    form = normalise_form(good_form(parties=(person(id_number=number.lower()), hospital())))
    assert form.parties[0].id_number == number
    assert validate_intake(good_form(parties=(person(id_number=number.lower()), hospital())), now=NOW) == {}


def test_empty_requests_and_unused_flags_are_dropped():
    form = normalise_form(good_form(requests=("赔偿", "  ", ""), group_size=9, escalation_notified_to="派出所"))
    assert form.requests == ("赔偿",)
    assert form.group_size == 0
    assert form.escalation_notified_to == ""


# -- validation -----------------------------------------------------------------------------------


def test_a_complete_form_is_valid():
    assert validate_intake(good_form(), now=NOW) == {}


def test_wrong_check_character_is_reported_beside_the_id_number():
    errors = validate_intake(good_form(parties=(person(id_number=flip_last(ZHANG_ID)), hospital())), now=NOW)
    assert set(errors) == {"parties.0.id_number"}
    assert "校验位" in errors["parties.0.id_number"]


def test_typed_sex_and_birth_date_are_cross_checked_with_the_number():
    errors = validate_intake(good_form(parties=(person(sex="F", birth_date="1985-03-13"), hospital())), now=NOW)
    assert "性别与证件号码不符" in errors["parties.0.sex"]
    assert "出生日期与证件号码不符" in errors["parties.0.birth_date"]


def test_organisation_codes_and_phones_are_checked():
    errors = validate_intake(good_form(parties=(person(phone="1381234567"), hospital(uscc=flip_last(HOSPITAL_USCC)))),
                             now=NOW)
    assert "手机号码应为11位" in errors["parties.0.phone"]
    assert "校验位" in errors["parties.1.uscc"]


def test_applicants_need_an_id_number_and_a_phone_respondents_do_not():
    errors = validate_intake(good_form(parties=(person(id_number="", phone=""),
                                                person(role="respondent", name="李四", id_number="", phone=""))),
                             now=NOW)
    assert set(errors) == {"parties.0.id_number", "parties.0.phone"}


def test_a_party_on_file_needs_no_number_typed_again():
    form = good_form(parties=(person(id_number="", party_id=12), hospital()))
    assert validate_intake(form, now=NOW) == {}


def test_both_sides_are_required():
    assert validate_intake(good_form(parties=(person(),)), now=NOW)["parties"] == "请登记被申请人（纠纷的另一方当事人）"
    only_respondent = good_form(parties=(hospital(),))
    assert validate_intake(only_respondent, now=NOW)["parties"] == "请至少登记一名申请人"


def test_the_same_person_twice_is_refused():
    errors = validate_intake(good_form(parties=(person(), hospital(), person(role="third_party"))), now=NOW)
    assert "与当事人1的证件号码相同" in errors["parties.2.id_number"]


def test_agents_must_represent_a_party_and_have_an_id():
    agent = PartyForm(kind="agent", name="李律师", id_number=resident_id("33080219800101222"), phone="0570-3012345")
    errors = validate_intake(good_form(parties=(person(), hospital(), agent)), now=NOW)
    assert errors == {"parties.2.represents": "请选择被代理的当事人"}
    ok = replace(agent, represents=0, power_of_attorney=True)
    assert validate_intake(good_form(parties=(person(), hospital(), ok)), now=NOW) == {}
    of_agent = replace(agent, name="王律师", id_number=resident_id("33080219800101333"), represents=2)
    errors = validate_intake(good_form(parties=(person(), hospital(), ok, of_agent)), now=NOW)
    assert "本身是代理人" in errors["parties.3.represents"]


def test_blank_party_editors_are_ignored_and_keys_keep_positions():
    form = good_form(parties=(PartyForm(), person(id_number="123"), hospital()))
    errors = validate_intake(form, now=NOW)
    assert list(errors) == ["parties.1.id_number"]


def test_medical_disputes_need_both_sides_application_or_consent():
    """医疗纠纷预防和处理条例第三十一条: both apply, or one applies and the other consents."""
    errors = validate_intake(good_form(medical_consent=""), now=NOW)
    assert "第三十一条" in errors["medical_consent"]
    # Typed as 13 医疗 but routed elsewhere: the regulation still applies.
    assert "medical_consent" in validate_intake(good_form(committee="general", medical_consent=""), now=NOW)
    assert validate_intake(good_form(medical_consent="consented"), now=NOW) == {}


def test_a_refusal_ends_the_case_without_medical_consent():
    """人民调解法第十七条: a party who clearly refuses is not mediated — no consent to ask for."""
    form = good_form(parties=(person(), hospital(refuses_mediation=True)), medical_consent="")
    assert validate_intake(form, now=NOW) == {}


def test_escalation_needs_who_was_notified_and_when():
    """人民调解法第二十五条: report to the police or another department — record whom and when."""
    errors = validate_intake(good_form(escalation_risk=True), now=NOW)
    assert "第二十五条" in errors["escalation_notified_to"]
    assert "第二十五条" in errors["escalation_notified_at"]
    later = validate_intake(good_form(escalation_risk=True, escalation_notified_to="樟潭派出所 王警官",
                                      escalation_notified_at="2026-11-03 09:00"), now=NOW)
    assert later == {"escalation_notified_at": "报告时间晚于现在"}
    ok = good_form(escalation_risk=True, escalation_notified_to="樟潭派出所", escalation_notified_at="2026-11-02 09:40")
    assert validate_intake(ok, now=NOW) == {}


def test_group_disputes_involve_at_least_five_people():
    assert GROUP_MIN_SIZE == 5
    assert "不少于5人" in validate_intake(good_form(is_group=True, group_size=4), now=NOW)["group_size"]
    assert validate_intake(good_form(is_group=True, group_size=5), now=NOW) == {}


def test_committee_type_source_and_summary_are_required():
    errors = validate_intake(good_form(committee="", dispute_type="", source="", summary=""), now=NOW)
    assert set(errors) >= {"committee", "dispute_type", "source", "summary"}


def test_reception_time_in_the_future_is_refused():
    errors = validate_intake(good_form(received_at="2026-11-02 12:00"), now=NOW)
    assert errors == {"received_at": "受理时间晚于现在"}
    assert validate_intake(good_form(received_at="2026-11-02 09:00"), now=NOW) == {}


def test_amount_errors_are_keyed_to_the_amount():
    assert validate_intake(good_form(amount="五万"), now=NOW)["amount"].startswith("金额格式不对")


def test_long_text_is_refused_before_the_database_would():
    errors = validate_intake(good_form(parties=(person(address="村" * 201), hospital())), now=NOW)
    assert "最多200个字" in errors["parties.0.address"]


_texts = st.text(max_size=25)
_party = st.builds(
    PartyForm,
    kind=st.sampled_from(["person", "organisation", "agent", "robot"]),
    role=st.sampled_from(["applicant", "respondent", "third_party", "x"]),
    name=_texts, sex=st.sampled_from(["", "M", "F", "?"]), birth_date=_texts,
    id_type=st.sampled_from(["resident_id", "passport", "hk_mo_permit", "nonsense"]),
    id_number=_texts, uscc=_texts, phone=_texts, address=_texts,
    represents=st.one_of(st.none(), st.integers(-2, 5)),
    refuses_mediation=st.booleans(),
)
_forms = st.builds(
    IntakeForm,
    parties=st.lists(_party, max_size=4).map(tuple),
    committee=st.sampled_from(["", "medical", "traffic", "nope"]),
    dispute_type=st.sampled_from(["", "13", "14", "00"]),
    source=st.sampled_from(["application", "court", ""]),
    summary=_texts, requests=st.lists(_texts, max_size=3).map(tuple), amount=_texts,
    is_group=st.booleans(), group_size=st.integers(0, 20), escalation_risk=st.booleans(),
    escalation_notified_to=_texts, escalation_notified_at=_texts,
    medical_consent=st.sampled_from(["", "both_applied", "consented", "x"]), received_at=_texts,
)


@settings(max_examples=200, deadline=None)
@given(_forms)
def test_validation_never_crashes_and_always_explains(form):
    errors = validate_intake(form, now=NOW)
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items())


@settings(max_examples=200, deadline=None)
@given(_forms)
def test_drafts_keep_every_character_typed(form):
    """Nothing typed is ever lost: a draft restores the form exactly."""
    import json

    assert IntakeForm.from_json(json.loads(json.dumps(form.to_json(), ensure_ascii=False))) == form


def test_drafts_from_other_versions_are_read_tolerantly():
    data = good_form().to_json()
    data["unknown_new_field"] = 1
    data["parties"][0]["another_field"] = "x"
    del data["amount"]
    form = IntakeForm.from_json(data)
    assert form.amount == "" and form.parties[0].name == "张三"


# -- routing inputs -------------------------------------------------------------------------------


def test_routing_sees_organisation_kinds_and_names():
    form = good_form()
    assert party_kinds_for_routing(form) == ["hospital"]
    assert "衢江区人民医院" in routing_text(form)
    persons = good_form(parties=(person(), person(role="respondent", name="李四", id_number="")))
    assert party_kinds_for_routing(persons) == ["person"]
    assert party_kinds_for_routing(IntakeForm(parties=(PartyForm(),))) == []
