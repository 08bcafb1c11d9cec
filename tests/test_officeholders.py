"""The dated office-holders dictionary: data checked row by row, lookups across regions, dates, spellings."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsgraph.actors import officeholders as oh
from newsgraph.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rows():
    return oh._read(oh.DATA_FILE)


def offices(holdings):
    return [(h.actor, h.role, h.current) for h in holdings]


def test_every_row_names_a_known_actor_and_ordered_dates(rows):
    data = yaml.safe_load((ROOT / "newsgraph" / "data" / "actors.yaml").read_text(encoding="utf-8"))
    known = set(data["states"]) | set(data["orgs"])
    assert len(rows) > 1500
    for _, h, _ in rows:
        assert h.actor in known, h
        assert h.sector in {"GOV", "MIL", "REB"}, h
        assert h.role == h.role.lower().strip() and "  " not in h.role, h
        if h.end:
            assert oh._bound(h.start, upper=False) <= oh._bound(h.end, upper=True), h


def test_heads_cover_the_un_members(rows):
    heads = {"president", "prime minister", "king", "queen", "emir", "sultan", "chancellor", "supreme leader",
             "pope", "prince", "chief adviser", "sovereignty council chairman", "presidential council chairman",
             "junta leader", "leader", "head of state"}
    covered = {h.actor for _, h, _ in rows if h.role in heads}
    assert len(covered) >= 180
    for code in ("USA", "CHN", "NGA", "BRA", "IDN", "FJI", "KAZ", "PER", "VAT", "TON", "AFG", "SDN"):
        assert code in covered


def test_no_two_full_terms_of_one_office_overlap(rows):
    # acting and contested terms aside, one office has one holder at a time; an overlap of months is a typo
    terms = {}
    for _, h, _ in rows:
        if h.role in {"president", "prime minister", "foreign minister", "defence minister", "chancellor", "king"}:
            terms.setdefault((h.actor, h.role), []).append(h)
    bad = []
    for holdings in terms.values():
        holdings.sort(key=lambda h: oh._bound(h.start, upper=False))
        for a, b in zip(holdings, holdings[1:]):
            if a.end and len(a.end) == 10 and len(b.start) == 10 and a.end > b.start and a.name != b.name:
                from datetime import date
                if (date.fromisoformat(a.end) - date.fromisoformat(b.start)).days > 95:
                    bad.append((a, b))
    assert not bad


def test_one_person_across_offices_and_dates():
    in_2010 = oh.lookup("Vladimir Putin", "2010-05-01")
    assert in_2010[0].role == "prime minister" and in_2010[0].current
    assert sum(h.current for h in in_2010) == 1
    in_2020 = oh.lookup("President Vladimir Putin", "2020-06-30")
    assert offices(in_2020[:1]) == [("RUS", "president", True)]


def test_a_former_holder_stays_former():
    blair = oh.lookup("Tony Blair", "2015-03-01")
    assert blair and not any(h.current for h in blair)
    assert offices(blair) == [("GBR", "prime minister", False)]
    assert oh.lookup("Hosni Mubarak", "2012-01-01")[0].current is False
    assert oh.lookup("Hosni Mubarak", "2005")[0].current is True


@pytest.mark.parametrize("name, date, actor, role", [
    ("Volodymyr Zelensky", "2023-02-24", "UKR", "president"),
    ("Zelenskiy Volodymyr", "2023", "UKR", "president"),
    ("President Abdel-Fattah al-Sisi", "2019-01-01", "EGY", "president"),
    ("Abdel Fattah Sisi", "2013-01-01", "EGY", "defence minister"),
    ("Crown Prince Muhammad bin Salman", "2024-05-01", "SAU", "prime minister"),
    ("Prime Minister Narendra Modi", "2024-06-10", "IND", "prime minister"),
    ("Lula", "2024-03-01", "BRA", "president"),
    ("Luiz Inacio Lula da Silva", "2007-01-01", "BRA", "president"),
    ("Kishida Fumio", "2022-01-01", "JPN", "prime minister"),
    ("Kassym Jomart Tokayev", "2022-01-05", "KAZ", "president"),
    ("Muhammadu Buhari", "2016-01-01", "NGA", "president"),
    ("SERGEI LAVROV", "2015-01-01", "RUS", "foreign minister"),
    ("Dr Tedros Adhanom Ghebreyesus", "2020-03-11", "WHO", "director general"),
    ("Secretary-General Antonio Guterres", "2022-01-01", "UN", "secretary-general"),
    ("Gustavo Petro", "2023-01-01", "COL", "president"),
    ("Mohamed Bazoum", "2022-01-01", "NER", "president"),
    ("Anthony Albanese", "2023-01-01", "AUS", "prime minister"),
])
def test_lookup_across_regions_and_spellings(name, date, actor, role):
    found = oh.lookup(name, date)
    assert found and found[0].current and (found[0].actor, found[0].role) == (actor, role), found


def test_given_name_dropped_and_middle_names_optional():
    assert oh.lookup("Ali Bongo", "2015")[0].actor == "GAB"
    assert oh.lookup("Ferdinand Marcos Jr.", "2023")[0].actor == "PHL"
    assert oh.lookup("Joseph Biden", "2022")[0].role == "president"


@pytest.mark.parametrize("name", ["Putin", "Mohammed", "Ali", "Smith", "John Smith", "Sharif", "al-Assad",
                                  "Kim", "Maria Gonzalez", "President", "Prime Minister Jones", ""])
def test_no_match_for_a_bare_surname_or_an_unrelated_name(name):
    assert oh.lookup(name, "2020-01-01") == []


def test_holders_of_an_office_on_a_date():
    assert [h.name for h in oh.holders("KEN", "president", "2015-06-01")] == ["Uhuru Kenyatta"]
    assert [h.name for h in oh.holders("USA", "Secretary of State", "2014-07-01")] == ["John Kerry"]
    assert [h.name for h in oh.holders("DEU", "chancellor", "2010")] == ["Angela Merkel"]
    assert oh.holders("NATO", "secretary-general", "2016-01-01")[0].name == "Jens Stoltenberg"


def test_a_monarch_named_without_the_ordinal_is_told_apart_by_date(tmp_path):
    """News writes "King Osric" for Osric II; when an earlier king Osric (a different person) was known by the same
    title and name, the article's date tells which one is meant, and the two never become one person."""
    own = tmp_path / "own.csv"
    own.write_text("name,actor,role,sector,start,end,aliases\n"
                   "Osric bin Aldo,FRA,king,GOV,1990-01-01,2010-01-01,King Osric\n"
                   "Osric II,DEU,king,GOV,2000-01-01,,\n"
                   "Tomas III,ITA,president,GOV,2000-01-01,,\n", encoding="utf-8")
    assert offices(oh.lookup("King Osric", "2020-05-01", path=own))[0] == ("DEU", "king", True)
    assert offices(oh.lookup("King Osric", "1995-05-01", path=own))[0] == ("FRA", "king", True)
    assert {h.name for h in oh.lookup("King Osric", "2005-05-01", path=own) if h.current} == {"Osric bin Aldo",
                                                                                               "Osric II"}
    assert offices(oh.lookup("Osric II", "2020-05-01", path=own)) == [("DEU", "king", True)]   # still one person
    assert oh.lookup("President Tomas", "2020-05-01", path=own) == []   # only a monarch's ordinal is dropped


def test_a_bad_data_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "holders.csv"
    bad.write_text("name,actor,role,sector,start,end,aliases\nJane Roe,FRA,president,GOV,sometime,,\n",
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="holders.csv: line 2 .*Jane Roe"):
        oh.lookup("Jane Roe", path=bad)
    with pytest.raises(ConfigError, match="cannot read"):
        oh.lookup("Jane Roe", path=tmp_path / "missing.csv")


def test_own_file_and_no_cost_at_import(tmp_path):
    own = tmp_path / "own.csv"
    own.write_text("# invented\nname,actor,role,sector,start,end,aliases\n"
                   "Amara Velasquez-Okafor,CHL,foreign minister,GOV,2031-02,,Amara Velasquez\n", encoding="utf-8")
    assert offices(oh.lookup("Minister Amara Velasquez", "2031-06-01", path=own)) == [("CHL", "foreign minister", True)]
    assert oh.lookup("Amara Velasquez", "2030-06-01", path=own)[0].current is False
    code = ("import sys, newsgraph; assert 'newsgraph.actors.officeholders' not in sys.modules;"
            "from newsgraph.actors import officeholders as o; assert o._index.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_no_term_written_twice(rows):
    terms = [(h.name, h.actor, h.role, h.start) for _, h, _ in rows]
    assert len(terms) == len(set(terms))
