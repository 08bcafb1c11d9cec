"""The SQLite store: migrations, one transaction per article, versions, corpus knowledge of persons."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from newsgraph.errors import NotFoundError, SchemaError, StoreError
from newsgraph.model import ActorCount, Actors, Analysis, Event, Evidence, Mention, Person, Quote
from newsgraph.store import Store
from newsgraph.store import queries
from newsgraph.store.schema import SCHEMA_VERSION
from tests.conftest import make_article

TEXT = "Egypt urged Ethiopia to delay the filling. “We will not wait,” Foreign Minister Omar Haddad said."


def make_analysis(text: str = TEXT, *, key: str = "a.txt", published: str | None = "2026-03-02",
                  person_actor: str = "EGY") -> Analysis:
    article = replace(make_article(text, file=key, published=published), key=key)
    sent = (0, text.index("“") - 1)
    person = Person(name="Omar Haddad", actor=person_actor, role="foreign minister", how="title",
                    start=text.index("Omar"), end=text.index("Omar") + 11)
    evidence = Evidence(sentence=text[: sent[1]], start=0, end=sent[1], trigger="urged", trigger_start=6,
                        trigger_end=11, source_start=0, source_end=5, target_start=12, target_end=20,
                        pattern="verb+dobj")
    return Analysis(
        article=article,
        actors=Actors(
            mentions=(Mention(0, 5, "Egypt", 0, 0, 1, "EGY", "state", "GOV", how="alias"),
                      Mention(12, 20, "Ethiopia", 0, 2, 3, "ETH", "state", "GOV", how="alias"),
                      Mention(person.start, person.end, "Omar Haddad", 1, 14, 16, person_actor, "person", "GOV",
                              person="Omar Haddad", how="title")),
            persons=(person,),
            actors=(ActorCount("EGY", "Egypt", "state", 1, ("Egypt",)), ActorCount("ETH", "Ethiopia", "state", 1)),
            unresolved=("Nile Basin Forum",)),
        events=(Event(source="EGY", target="ETH", type="REQUEST", trigger="urged", sentence=evidence.sentence,
                      mode="appeal", quad_class=1, cameo="02", intensity=-1.0, evidence=(evidence,)),),
        quotes=(Quote(text="We will not wait", speaker="Omar Haddad", actor=person_actor, direct=True, cue="said",
                      sentence=text[sent[1] + 1:], start=text.index("We"), end=text.index("wait") + 4),),
        sentences=(sent, (sent[1] + 1, len(text))),
        model="en_test-0", version="0.1.0",
    )


@pytest.fixture()
def store(store_url):  # every test using it runs on SQLite and on PostgreSQL (tests/conftest.py)
    with Store(store_url) as store:
        yield store


def count(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_store_migrates_a_new_file_to_the_current_version(store):
    assert store.schema_version() == SCHEMA_VERSION


def test_store_write_is_idempotent(store):
    assert store.write(make_analysis()) == "added"
    before = {t: count(store, t) for t in ("articles", "events", "quotes", "mentions", "spans", "affiliations")}
    assert store.write(make_analysis()) == "unchanged"
    assert {t: count(store, t) for t in before} == before
    assert before["events"] == 1 and before["spans"] == 2


def test_store_changed_text_replaces_the_old_version(store):
    store.write(make_analysis())
    assert store.write(make_analysis(TEXT + " Cairo said talks were over.")) == "replaced"
    assert count(store, "articles") == 1 and count(store, "events") == 1 and count(store, "event_evidence") == 1
    assert "Cairo said" in store.conn.execute("SELECT text FROM articles").fetchone()[0]


def test_store_rolls_back_a_failed_article(store):
    store.write(make_analysis())
    broken = make_analysis(TEXT + " Another version.", key="b.txt")
    broken = replace(broken, quotes=(replace(broken.quotes[0], text=None),))  # violates NOT NULL
    with pytest.raises(StoreError):
        store.write(broken)
    assert count(store, "articles") == 1 and count(store, "events") == 1


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not.db"):
        Store(path)
    assert path.read_bytes().startswith(b"this is not")


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaError):
        Store(path)


def test_store_known_persons_take_the_most_frequent_affiliation(store):
    store.write(make_analysis(key="1.txt", published="2026-01-01"))
    store.write(make_analysis(TEXT + " One.", key="2.txt", published="2026-01-02"))
    store.write(make_analysis(TEXT + " Two.", key="3.txt", published="2026-02-01", person_actor="SDN"))
    (person,) = store.known_persons()
    assert (person.name, person.actor, person.how) == ("Omar Haddad", "EGY", "corpus")
    (row,) = queries.list_actors(store, kind="person")
    assert row["code"] == "EGY" and "SDN" in row["affiliations"] and "EGY" in row["affiliations"]


def test_store_queries_filter_events_and_explain_them(store):
    store.write(make_analysis())
    assert len(queries.list_events(store, source="EGY", target="ETH", type="request")) == 1
    assert queries.list_events(store, actor="SDN") == []
    assert queries.list_events(store, since="2026-04-01") == []
    assert len(queries.list_quotes(store, since="2026-03-01", until="2026-03-31", speaker="Haddad")) == 1
    assert queries.list_quotes(store, since="2026-04-01") == []
    (event,) = queries.list_events(store)
    explained = queries.explain_event(store, event["id"])
    assert explained["evidence"][0]["pattern"] == "verb+dobj"
    assert explained["evidence"][0]["source_text"] == "Egypt"
    with pytest.raises(NotFoundError):
        queries.explain_event(store, 999)


def test_store_record_round_trip_matches_the_contract(store):
    store.write(make_analysis())
    (record,) = queries.iter_records(store)
    assert record["persons"][0]["actor"] == "EGY"
    assert record["events"][0]["source"] == "EGY" and record["events"][0]["negated"] is False
    assert record["quotes"][0]["direct"] is True and record["quotes"][0]["speaker"] == "Omar Haddad"
    assert record["unresolved"] == ["Nile Basin Forum"]
    share = queries.unresolved_share(store)
    assert share["unresolved"] == 1 and share["resolved"] == 2


@pytest.mark.parametrize("how", ["title+dominant", "title+dateline", "corpus", "title+venue"])
def test_store_inferred_affiliations_are_not_known(store, how):
    analysis = make_analysis()
    person = replace(analysis.actors.persons[0], how=how)
    store.write(replace(analysis, actors=replace(analysis.actors, persons=(person,))))
    assert store.known_persons() == ()


# --- grouped commits ---------------------------------------------------------------------------------------------

class _FailOn:
    """A write hook that fails on one article, as a constraint or a full disk would in the middle of a write."""

    def __init__(self, key: str) -> None:
        self.key = key

    def removed(self, conn, article_id: str) -> None:
        pass

    def added(self, conn, analysis: Analysis) -> None:
        if analysis.article.key == self.key:
            raise sqlite3.IntegrityError("made to fail")


def _stored(path) -> int:
    with sqlite3.connect(path) as other:   # another process's view: only what is committed
        return other.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_store_grouped_commits_by_count_and_keeps_each_article_whole(tmp_path):
    path = tmp_path / "g.db"
    with Store(path) as store:
        with store.grouped(articles=3, seconds=3600) as group:
            for i in range(2):
                store.write(make_analysis(TEXT + f" {i}.", key=f"k{i}"))
            assert _stored(path) == 0 and group.pending == 2      # not committed yet
            store.write(make_analysis(TEXT + " 2.", key="k2"))
            assert _stored(path) == 3 and group.committed == 3    # the third one closes the group
            store.write(make_analysis(TEXT + " 3.", key="k3"))
            with pytest.raises(StoreError, match="cannot store k4"):
                store.write(make_analysis(TEXT + " 4.", key="k4"), (_FailOn("k4"),))
            store.write(make_analysis(TEXT + " 5.", key="k5"))
        # leaving the block commits the rest; the failed article left nothing behind
        assert _stored(path) == 5
        assert not store.conn.execute("SELECT 1 FROM articles WHERE key = 'k4'").fetchone()
        assert store.conn.execute("SELECT COUNT(*) FROM spans WHERE article_id NOT IN "
                                  "(SELECT id FROM articles)").fetchone()[0] == 0
        assert not store.grouping


def test_store_grouped_commits_by_time_and_on_error_keeps_what_was_written(tmp_path):
    path = tmp_path / "t.db"
    with Store(path) as store:
        with store.grouped(articles=1000, seconds=0.0):   # every write is past the time limit: committed at once
            store.write(make_analysis(key="t0"))
            assert _stored(path) == 1
        with pytest.raises(RuntimeError), store.grouped(articles=1000, seconds=3600):
            store.write(make_analysis(TEXT + " again", key="t1"))
            raise RuntimeError("the run stops")
        assert _stored(path) == 2   # the article written before the error is kept, as without groups
