"""A department is a state's GOV body only as a government's ("the Department of Home Affairs", "the Health
Department") and only where the text ties it to a state (a capital after it or opening its sentence, the
dateline, a possessive or a nationality word), never the article's main state by default
(newsgraph/actors/institutions.py)."""
from __future__ import annotations

from tests.conftest import make_article


def _mentions(analyzer, text):
    return analyzer.analyze(make_article(text)).actors.mentions


def _department(analyzer, text):
    """The coded mention over a department, or None."""
    return next((m for m in _mentions(analyzer, text) if "department" in m.text.lower() and m.code), None)


def test_a_bare_department_after_a_fire_is_no_state(analyzer) -> None:
    text = ("Firefighters fought a warehouse blaze in Kumasi, Ghana, on Sunday. Ghana's fire service sent six "
            "engines. The department added that two workers had been taken to hospital.")
    assert _department(analyzer, text) is None


def test_a_university_department_is_no_state(analyzer) -> None:
    for word in ("department of economics", "Department of Economics", "Department of Public Health"):
        text = f"The {word} at the University of Dodoma said Tanzania's inflation had eased in March."
        assert _department(analyzer, text) is None, word


def test_a_department_that_summons_an_envoy_is_not_the_envoys_state(analyzer) -> None:
    text = "The Department of Foreign Affairs summoned the ambassador of Peru on Monday over the fishing dispute."
    assert _department(analyzer, text) is None
    assert not any(m.code == "PER" and "Department" in m.text for m in _mentions(analyzer, text))


def test_fire_police_and_company_departments_are_no_government(analyzer) -> None:
    for body in ("Fire Department", "Police Department", "Marketing Department"):
        text = (f"NAIROBI, May 2 (Wire) - Kenya closed its border with Somalia on Monday. The {body} said two "
                "men had been held overnight.")
        assert _department(analyzer, text) is None, body


def test_a_portfolio_department_under_a_dateline_is_that_states(analyzer) -> None:
    text = ("NAIROBI, May 2 (Wire) - Kenya closed its border with Somalia on Monday. The Health Department said "
            "the measure was temporary.")
    body = _department(analyzer, text)
    assert (body.text, body.code, body.how) == ("Health Department", "KEN", "institution+dateline")


def test_a_department_followed_by_a_capital_is_that_states(analyzer) -> None:
    text = "The Department of Immigration in Nairobi said Somalia's request was under review."
    body = _department(analyzer, text)
    assert (body.code, body.how) == ("KEN", "institution+venue")


def test_a_department_with_no_tie_takes_no_main_state(analyzer) -> None:
    text = ("Kenya closed its border with Somalia on Monday. Kenya said the closure would last a week. "
            "The Department of Immigration said travellers should delay their plans.")
    assert _department(analyzer, text) is None


def test_a_possessive_or_a_nationality_word_names_the_departments_state(analyzer) -> None:
    for text in ("Kenya's Department of Immigration said Somalia's request was under review.",
                 "The Kenyan Department of Immigration said Somalia's request was under review."):
        assert _department(analyzer, text).code == "KEN", text
