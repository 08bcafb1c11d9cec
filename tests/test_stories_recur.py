"""Stories: two alike stories months apart (one river flooding one town twice) and an undated report that says its
flood is a repeat. Read as of either story's days it draws close to both, and most to the earlier one it recalls;
saying "for the second time in eleven months" puts it in the later one (`Settings.recur_ratio`). The project's own
short texts, analysed for real."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.model import Article
from newsgraph.run import WRITE_HOOKS
from newsgraph.store import Store
from newsgraph import stories
from newsgraph.stories import DEFAULT
from newsgraph.stories.features import says_repeat

FIRST = ("The river Tamsa burst its banks in the town of Corvena on Tuesday after three days of rain, flooding the "
         "old market and the district hospital. The mayor, Elena Varga, said two hundred families had been moved "
         "to schools, and army engineers piled sandbags along the Tamsa embankment through the night.")
FIRST_2 = ("Corvena began to count the damage on Wednesday as the Tamsa fell back below its banks. Mayor Elena Varga "
           "said the old market would stay shut for weeks and that patients moved out of the district hospital "
           "would not return before the walls dried. Army engineers left the sandbags in place.")
SECOND = ("Heavy rain sent the river Tamsa over its banks at Corvena on Thursday, and firefighters in rafts lifted "
          "residents off the roofs of the new housing estate on the east bank. The regional governor, Tomas Brell, "
          "said the estate's pumping station had failed within an hour.")
SECOND_2 = ("Residents of the east bank estate in Corvena returned on Friday to homes full of mud after the Tamsa "
            "flood. Governor Tomas Brell promised a review of the pumping station and said insurers would send "
            "assessors to the estate next week.")
REPEAT = ("Water reached the east bank estate of Corvena {cue} as its pumping station failed, and "
          "shopkeepers at the old market, who had only just reopened after the last flood, lost their stock. Mayor "
          "Elena Varga said the sandbag walls built by army engineers had held at the district hospital, and the "
          "schools were again taking in families.")


def article(aid: str, title: str, text: str, day: str | None) -> Article:
    return Article(id=aid, file=f"{aid}.txt", key=f"{aid}.txt", title=title, outlet=f"Outlet {aid}",
                   published=day, text_hash=aid, text=text)


def _stream(analyzer, cue: str) -> list:
    return list(analyzer.analyze_many([
        article("first", "Tamsa floods Corvena market", FIRST, "2023-03-14"),
        article("first2", "Corvena counts flood damage", FIRST_2, "2023-03-15"),
        article("second", "Rescuers in boats as Tamsa floods east bank", SECOND, "2024-02-22"),
        article("second2", "Mud and a failed pump in Corvena", SECOND_2, "2024-02-23"),
        article("repeat", "Corvena market under water", REPEAT.format(cue=cue), None)]))


@pytest.fixture(scope="module")
def repeat(analyzer):
    return _stream(analyzer, "for the second time in eleven months")


@pytest.fixture(scope="module")
def plain(analyzer):
    return _stream(analyzer, "on Thursday")


def clustered(tmp_path, analysed, settings) -> dict[str, str]:
    """The five written and rebuilt (oldest first, the undated report last); {name: story id}."""
    store = Store(tmp_path / f"r{len(list(tmp_path.glob('*.db')))}.db")
    with store:
        for a in analysed:
            assert store.write(a, WRITE_HOOKS) == "added"
        stories.rebuild(store, settings)
        return {a.article.file.split(".")[0]: stories.story_of(store, a.article.id) for a in analysed}


def test_stories_the_two_floods_are_two_stories(tmp_path, plain):
    of = clustered(tmp_path, plain, DEFAULT)
    assert of["first"] == of["first2"] != of["second"] == of["second2"]


def test_stories_an_undated_report_without_a_cue_joins_the_story_it_is_closest_to(tmp_path, plain):
    """No repeat cue: the rule does nothing, and the report goes where its words are (the first flood's market,
    mayor and sandbags)."""
    assert clustered(tmp_path, plain, DEFAULT)["repeat"] == clustered(tmp_path, plain, DEFAULT)["first"]


def test_stories_an_undated_report_of_a_repeat_joins_the_later_story(tmp_path, repeat):
    of = clustered(tmp_path, repeat, DEFAULT)
    assert of["repeat"] == of["second"] != of["first"]
    off = clustered(tmp_path, repeat, replace(DEFAULT, recur_ratio=0.0))   # the ablation: closest, the first
    assert off["repeat"] == off["first"] != off["second"]


def test_stories_a_later_story_far_below_the_chosen_one_is_not_taken(tmp_path, repeat):
    """The later story must score at least `recur_ratio` of the chosen one: at 0.99 it does not."""
    of = clustered(tmp_path, repeat, replace(DEFAULT, recur_ratio=0.99))
    assert of["repeat"] == of["first"]


def test_stories_a_dated_report_of_a_repeat_keeps_its_own_days(tmp_path, analyzer):
    """With a published date the time term places it (a year from the first flood): the cue is not read."""
    dated = _stream(analyzer, "for the second time in eleven months")
    dated[-1] = replace(dated[-1], article=replace(dated[-1].article, published="2023-03-16"))
    of = clustered(tmp_path, dated, DEFAULT)
    assert of["repeat"] == of["first"]


@pytest.mark.parametrize("text, cue", [
    ("The bridge was shut for the third time in two years.", True),
    ("a port still repairing its quays from the gale nearly a year ago", True),
    ("It came two months after the envoy was recalled.", True),
    ("A fresh round of expulsions followed.", True),
    ("The ministers agreed to meet again in March.", False),
    ("Trade was worth $500 million last year.", False),
    ("The second-largest city was spared.", False),
])
def test_stories_repeat_cues(text, cue):
    assert says_repeat(None, text) is cue
    assert says_repeat(text.upper(), "No cue in the body.") is cue   # the headline counts, in any case
