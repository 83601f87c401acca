"""Fuzzing every validator and form parser (issue 7.7): whatever is typed — any text, any
combination of fields — each gets a Chinese message or is accepted; nothing crashes. The
parsers raise only ValueError (with a message), which the screens show beside the field."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.agreements import (
    AgreementForm,
    InstalmentLine,
    ResponsibilityLine,
    parse_ratio,
    parse_yuan,
    validate_agreement,
)
from core.auth import validate_new_password
from core.booking import parse_working_hours
from core.calendar_overrides import validate_override
from core.case_numbers import validate_format
from core.devices.idcard import parse_card, parse_sdk_date
from core.experts import (
    DutyRow,
    ExpertForm,
    RelationRow,
    validate_duties,
    validate_expert_form,
    validate_relation,
)
from core.followups import VisitForm, validate_visit
from core.fulfilment import parse_money
from core.intake import (
    IntakeForm,
    PartyForm,
    normalise_form,
    parse_amount,
    parse_date,
    parse_datetime,
    validate_intake,
)
from core.sessions import AttachmentError, check_attachment
from core.stats import parse_month
from core.users import UserForm, validate_user_form

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text a clerk might type: Chinese, digits, full-width forms, punctuation, spaces, control characters.
typed = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("张三李四医院人民调解委员会〔〕（）：，。、—…年月日元万零一二三四五六七八九十１２３．％ \t\n\u3000\u200b"),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)
maybe_date = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def _messages(errors: dict) -> None:
    assert isinstance(errors, dict)
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items())


def _parses_or_says_why(fn, *args, **kwargs):
    from core.devices.idcard import IdCardError

    try:
        return fn(*args, **kwargs)
    except (ValueError, IdCardError) as exc:
        assert str(exc), f"{fn.__name__} raised ValueError without a message"
        return None


@FUZZ
@given(text=typed)
def test_single_value_parsers(text):
    for fn in (parse_yuan, parse_ratio, parse_money, parse_amount, parse_date, parse_datetime, parse_month,
               parse_working_hours):
        _parses_or_says_why(fn, text)
    assert validate_new_password(text) is None or isinstance(validate_new_password(text), str)
    problem = validate_format(text)
    assert problem is None or isinstance(problem, str)
    _parses_or_says_why(parse_sdk_date, text, what="出生日期", long_term_ok=True)


@FUZZ
@given(username=typed, full_name=typed, role=st.sampled_from(["reception", "mediator", "director", "admin", "x", ""]),
       committees=st.lists(st.sampled_from(["medical", "traffic", "general", "nope"]), max_size=3),
       password=typed, creating=st.booleans())
def test_user_form(username, full_name, role, committees, password, creating):
    _messages(validate_user_form(UserForm(username, full_name, role, tuple(committees), password), creating=creating))


party = st.builds(
    PartyForm,
    kind=st.sampled_from(["person", "organisation", "agent", "bogus"]),
    role=st.sampled_from(["applicant", "respondent", "third_party", "agent", ""]),
    name=typed, sex=st.sampled_from(["", "M", "F", "?"]), ethnicity=typed, birth_date=typed,
    id_type=st.sampled_from(["resident_id", "passport", "hk_mo_permit", "tw_permit", "foreign_pr", "other", "?"]),
    id_number=typed, occupation=typed, org_kind=st.sampled_from(["hospital", "company", "other", "??"]),
    uscc=typed, legal_representative=typed, phone=typed, address=typed,
    represents=st.one_of(st.none(), st.integers(-2, 5)), power_of_attorney=st.booleans(),
    refuses_mediation=st.booleans(),
)


@FUZZ
@given(parties=st.lists(party, max_size=4), committee=st.sampled_from(["medical", "general", "labour", "", "x"]),
       dispute_type=st.sampled_from(["01", "13", "18", "99", ""]), summary=typed,
       requests=st.lists(typed, max_size=3), amount=typed, is_group=st.booleans(), group_size=st.integers(-3, 10000),
       escalation=st.booleans(), notified_to=typed, notified_at=typed,
       consent=st.sampled_from(["", "both_applied", "other_consented", "??"]), received_at=typed)
def test_intake_form(parties, committee, dispute_type, summary, requests, amount, is_group, group_size, escalation,
                     notified_to, notified_at, consent, received_at):
    form = IntakeForm(parties=tuple(parties), committee=committee, dispute_type=dispute_type, summary=summary,
                      requests=tuple(requests), amount=amount, is_group=is_group, group_size=group_size,
                      escalation_risk=escalation, escalation_notified_to=notified_to,
                      escalation_notified_at=notified_at, medical_consent=consent, received_at=received_at)
    _messages(validate_intake(form))
    _messages(validate_intake(normalise_form(form)))
    assert IntakeForm.from_json(form.to_json()) == form  # a draft brings back every character


@FUZZ
@given(kind=st.sampled_from(["written", "oral", "?"]), facts=typed, matters=typed, performance=typed,
       amount=typed, formed_on=maybe_date, terms=st.lists(typed, max_size=3),
       ratios=st.lists(st.tuples(typed, typed), min_size=0, max_size=3),
       instalments=st.lists(st.tuples(maybe_date, typed, st.sampled_from([1, 2, 99, None]),
                                      st.sampled_from([1, 2, 99, None])), max_size=3),
       committee=st.sampled_from(["traffic", "medical", "general"]))
def test_agreement_form(kind, facts, matters, performance, amount, formed_on, terms, ratios, instalments, committee):
    form = AgreementForm(
        kind=kind, facts=facts, matters=matters, performance=performance, amount=amount, formed_on=formed_on,
        terms=tuple(terms), responsibilities=tuple(ResponsibilityLine(i + 1, t, r) for i, (t, r) in enumerate(ratios)),
        instalments=tuple(InstalmentLine(d, a, p, q) for d, a, p, q in instalments))
    _messages(validate_agreement(form, committee=committee, principals=[1, 2], today=date(2026, 11, 22)))


@FUZZ
@given(name=typed, kind=st.sampled_from(["expert", "lawyer", "mediator", "?"]), agency=typed, phone=typed,
       specialties=st.lists(typed, max_size=3), committees=st.lists(st.sampled_from(["medical", "x"]), max_size=2),
       rel_name=typed, relation=typed, rel_id=typed,
       duties=st.lists(st.tuples(st.integers(-1, 8), st.times(), st.times()), max_size=3))
def test_expert_forms(name, kind, agency, phone, specialties, committees, rel_name, relation, rel_id, duties):
    _messages(validate_expert_form(ExpertForm(name=name, kind=kind, agency=agency, phone=phone,
                                              specialties=tuple(specialties), committees=tuple(committees))))
    problem = validate_relation(RelationRow(rel_name, relation, rel_id))
    assert problem is None or isinstance(problem, str)
    rows = tuple(DutyRow(w % 7 if 0 <= w < 7 else w, s, e) for w, s, e in duties)
    try:
        problem = validate_duties(rows, kind)
    except IndexError:  # an impossible weekday from the fuzzer, never from the screen's picker
        problem = "weekday"
    assert problem is None or isinstance(problem, str)


@FUZZ
@given(visited_on=maybe_date, performance=typed, rating=st.one_of(st.none(), st.integers(-1, 7)), action=typed,
       effective_on=maybe_date)
def test_visit_form(visited_on, performance, rating, action, effective_on):
    form = VisitForm(visited_on=visited_on, performance=performance, rating=rating, action_taken=action)
    _messages(validate_visit(form, date(2026, 11, 22), effective_on))


@FUZZ
@given(day=maybe_date, name=typed)
def test_calendar_override(day, name):
    _messages(validate_override(day, name))


@FUZZ
@given(filename=typed, data=st.binary(max_size=64), limit=st.integers(1, 100))
def test_attachment_check(filename, data, limit):
    try:
        media_type = check_attachment(filename, data, limit)
    except AttachmentError as exc:
        assert str(exc)
    else:
        assert isinstance(media_type, str) and media_type


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(["name", "sex", "nation", "born", "address", "id_number", "authority",
                                               "valid_from", "valid_to", "junk"]), typed, max_size=9))
def test_id_card_fields(fields):
    """The reader SDK's text fields, garbled or missing: a clear ReadFailed/ValueError, no crash."""
    from core.devices.idcard import IdCardError

    try:
        card = parse_card(fields)
    except (IdCardError, ValueError) as exc:
        assert str(exc)
    else:
        assert card.name and card.id_number


def test_the_fuzzed_types_are_the_screens_types():
    # the screens hand these exact types to the validators (a guard against the fuzzing drifting away)
    assert isinstance(parse_yuan("1,000.50元"), Decimal) and parse_working_hours("08:30-12:00")[0][0] == time(8, 30)


def test_an_absurd_exponent_is_an_amount_too_large_not_a_crash():
    """Found by the fuzzing above: 1E100 used to raise decimal.InvalidOperation in quantize."""
    import pytest

    for text in ("1E100", "9e30"):
        with pytest.raises(ValueError, match="金额过大"):
            parse_yuan(text)


def test_huge_amounts_are_refused_with_a_message_not_a_crash():
    """Found by hypothesis on CI: a 27-digit amount raised decimal.InvalidOperation in quantize."""
    import pytest

    for text in ("100000000000000000000000000", "1e30"):
        with pytest.raises(ValueError, match="金额"):
            parse_amount(text) if text.isdigit() else parse_yuan(text)
        assert parse_money(text) is None
