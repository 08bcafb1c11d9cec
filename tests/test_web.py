"""Web UI: the real server on a free port, every page type fetched over real HTTP from a real SQLite store of the
project's sample articles (analysed by the real model) plus one article full of markup."""
from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from newsgraph.store.search import search
from tests.webserver import build_store, free_port, serving


@pytest.fixture(scope="module")
def db(analyzer, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    return build_store(tmp / "web.db", analyzer, tmp)


@pytest.fixture(scope="module")
def base(db):
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def ids(db):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    found = {
        "article": one("SELECT id FROM articles WHERE outlet = 'The Nile Courier' ORDER BY published LIMIT 1"),
        "hostile": one("SELECT id FROM articles WHERE text LIKE '%Nguigmi%'"),
        "event": one("SELECT id FROM events WHERE source = 'EGY' AND target = 'ETH' ORDER BY id LIMIT 1"),
        "quote": one("SELECT id FROM quotes WHERE direct = 1 ORDER BY id LIMIT 1"),
        "person": one("SELECT person_id FROM affiliations WHERE actor = 'EGY' LIMIT 1"),
        "story": one("SELECT story_id FROM articles a JOIN stories s ON s.id = a.story_id"
                     " WHERE a.text LIKE '%Ethiopia%' ORDER BY s.outlets DESC, s.articles DESC LIMIT 1"),
    }
    conn.close()
    return found


def pages(ids):
    """Every page type, with what a reader must find on it."""
    return [
        ("/", "The corpus at a glance"),
        ("/articles?outlet=The+Nile+Courier", "The Nile Courier"),
        (f"/article/{ids['article']}", "Egypt"),
        ("/events?source=EGY", "EGY"),
        (f"/event/{ids['event']}", 'id="focus"'),
        ("/quotes?actor=ETH", "ETH"),
        (f"/quote/{ids['quote']}", 'id="focus"'),
        ("/actors", "Egypt"),
        ("/actors?kind=person", "/person/"),
        ("/actor/EGY", "Stance toward its main counterparts"),
        (f"/person/{ids['person']}", "Affiliations the texts gave"),
        ("/network", 'data-chart="network"'),
        ("/network?actor=PHL", "PHL"),
        ("/pair/EGY/ETH", "EGY"),
        ("/search?q=dam", "/article/"),
        ("/search?q=water+cannon&kind=events", "/event/"),
        ("/search?q=dam&kind=quotes", "/quote/"),
        ("/stories", "/story/"),
        (f"/story/{ids['story']}", "Facts × outlets"),
    ]


def test_every_page_type_answers_html_and_json(client, ids):
    for path, expected in pages(ids):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert r.headers["content-type"].startswith("text/html")
        assert expected in r.text, (path, expected)
        assert "Traceback" not in r.text
        assert "default-src 'self'" in r.headers["content-security-policy"]
        data = client.get(path + ("&" if "?" in path else "?") + "format=json")
        assert data.status_code == 200 and data.headers["content-type"] == "application/json", path
        api = client.get("/api" + (path if path != "/" else ""))
        assert api.status_code == 200 and api.json() == data.json(), path


def test_event_page_shows_the_sentence_the_rule_and_the_actors(client, ids):
    event = client.get(f"/api/event/{ids['event']}").json()["event"]
    html = client.get(f"/event/{ids['event']}").text
    focus = re.search(r'<mark class="[^"]*focus[^"]*" id="focus"[^>]*>(.*?)</mark>', html, re.S)
    assert focus, "the event's sentence is not highlighted"
    assert event["evidence"][0]["pattern"] and event["evidence"][0]["pattern"] in html
    assert 'href="/actor/EGY"' in html and 'href="/actor/ETH"' in html
    assert 'class="trigger' in html


def test_story_page_compares_outlets_with_evidence(client, ids):
    data = client.get(f"/api/story/{ids['story']}").json()
    assert len(data["outlets"]) >= 2
    html = client.get(f"/story/{ids['story']}").text
    assert "✓" in html and "<details>" in html
    fact = data["comparison"]["facts"][0]
    sentence = next(iter(fact["by_group"].values()))["evidence"][0]["sentence"]
    assert sentence.split()[1] in html
    assert 'data-chart="bars"' in html and 'data-chart="network"' in html


def test_network_edges_link_to_their_evidence(client):
    data = client.get("/api/network").json()
    assert data["edges"], "no edge on the sample corpus"
    edge = data["edges"][0]
    html = client.get("/network").text
    assert f'href="{edge["href"]}"' in html
    pair = client.get(edge["href"])
    assert pair.status_code == 200 and "Stance" in pair.text
    assert client.get("/api" + edge["href"]).json()["stance"]["facts"]


def test_lists_are_filtered_and_paginated_by_keyset(client):
    page = client.get("/api/events").json()
    assert page["next"], "the sample corpus holds more than one page of events"
    seen: list[int] = [e["id"] for e in page["events"]]
    while page["next"]:
        page = client.get("/api/events", params={"after": page["next"]}).json()
        seen += [e["id"] for e in page["events"]]
    assert len(seen) == len(set(seen)) == client.get("/api/").json()["counts"]["events"]
    assert 'rel="next"' in client.get("/events").text
    only = client.get("/api/events", params={"source": "EGY", "type": "threaten"}).json()["events"]
    assert only and all(e["source"] == "EGY" and e["type"] == "THREATEN" for e in only)
    outlet = client.get("/api/articles", params={"outlet": "Horn Daily Herald"}).json()["articles"]
    assert outlet and {a["outlet"] for a in outlet} == {"Horn Daily Herald"}


def test_bad_ids_are_404_pages_and_only_get_is_served(client):
    for path in ("/event/999999", "/event/abc", "/quote/-3", "/article/nope", "/actor/XXX", "/person/0",
                 "/story/nope", "/pair/EGY/XXX", "/no-such-page", "/static/../app.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "Traceback" not in r.text and "<h1>Not found</h1>" in r.text, path
    assert client.get("/api/event/999999").json() == {"error": "no event with id 999999"}
    for method in ("POST", "PUT", "DELETE"):
        assert client.request(method, "/").status_code == 405


def test_hostile_article_is_stored_and_shown_harmlessly(client, ids, db):
    with Store(db, readonly=True) as store:
        title = store.conn.execute("SELECT title FROM articles WHERE id = ?", (ids["hostile"],)).fetchone()[0]
    assert "<script>" in title  # stored as written ...
    for path in (f"/article/{ids['hostile']}", "/", "/articles", "/search?q=Nguigmi", "/search?q=neighbours&kind=quotes",
                 "/actor/TCD", "/events?actor=TCD"):
        html = client.get(path).text
        assert "<script" not in html and "<img" not in html, path
        assert re.search(r"<[a-z]+[^>]*\son(error|mouseover)=", html) is None, path  # no live handler
    page = client.get(f"/article/{ids['hostile']}").text
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page  # ... and shown as text
    assert client.get(f"/api/article/{ids['hostile']}").json()["article"]["title"] == title


def test_the_store_is_never_written(client, ids, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path, _ in pages(ids):
        client.get(path)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    with Store(db, readonly=True) as store, pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM articles")


def test_search_uses_fts_with_stems_and_falls_back_to_like(db, tmp_path):
    with Store(db, readonly=True) as store:
        stemmed = search(store, "threatening", kind="events")  # porter: 'threatened', 'threatens' ...
        assert stemmed and all(r["snippet"] for r in stemmed)
        page1 = search(store, "dam", kind="articles", limit=2)
        page2 = search(store, "dam", kind="articles", limit=2, before=page1[-1]["rowkey"])
        assert page1 and page2 and not {r["id"] for r in page1} & {r["id"] for r in page2}
        fts = {r["id"] for r in search(store, "water cannon", kind="events", limit=200)}
    copy = tmp_path / "old.db"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    for name in ("articles_fts", "quotes_fts", "events_fts"):
        conn.execute(f"DROP TABLE {name}")
    conn.commit()
    conn.close()
    with Store(copy, readonly=True) as store:
        like = {r["id"] for r in search(store, "water cannon", kind="events", limit=200)}
    assert fts and like == fts


def test_fts_follows_replaced_and_deleted_articles(analyzer, tmp_path):
    from tests.conftest import make_article

    with Store(tmp_path / "s.db") as store:
        store.write(analyzer.analyze(make_article("Kenya urged Uganda to reopen the Busia crossing.", file="k.txt")))
        assert search(store, "Busia", kind="events")
        store.write(analyzer.analyze(make_article("Kenya urged Uganda to reopen the Malaba crossing.", file="k.txt")))
        assert not search(store, "Busia", kind="events") and not search(store, "Busia")
        assert search(store, "Malaba", kind="events") and search(store, "Malaba")
        store.conn.execute("PRAGMA foreign_keys = ON")
        with store.atomic() as conn:
            conn.execute("DELETE FROM articles")
        assert not search(store, "Malaba", kind="events")
        conn.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)")


def test_report_is_one_self_contained_file(db, ids, tmp_path):
    out = tmp_path / "story.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--story", ids["story"], str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and '<link rel="stylesheet"' not in html and "<script" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html) and 'href="/' not in html
    assert "Facts × outlets" in html and 'data-chart="network"' in html
    corpus = tmp_path / "corpus.html"
    assert CliRunner().invoke(main, ["report", "--db", str(db), str(corpus)]).exit_code == 0
    text = corpus.read_text(encoding="utf-8")
    assert "<script" not in text and "&lt;script&gt;" in text  # the hostile title, escaped
    bad = CliRunner().invoke(main, ["report", "--db", str(db), "--story", "nope", str(tmp_path / "x.html")])
    assert bad.exit_code == 1 and bad.output.strip() == "Error: no story with id nope"


def test_serve_command_checks_the_store_and_warns_for_another_host(db, tmp_path):
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output and "Traceback" not in missing.output
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--host", "0.0.0.0",
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
        assert r.status_code == 200 and r.json()["counts"]["articles"] > 0
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=20)
    assert "warning" in stderr and "0.0.0.0" in stderr


def test_network_nodes_of_a_dense_cluster_do_not_overlap(client):
    """Hubs of one cluster used to sit on top of each other, their codes unreadable: every pair of circles on the
    page keeps its radii plus a label's height apart, inside the drawing, and the same data draws the same picture."""
    import itertools
    import math

    from newsgraph.web import svg

    hubs, rim = ["ETH", "EGY", "SDN"], [f"R{i:02d}" for i in range(25)]
    edges = [{"source": h, "target": o, "score": 0.5 if i % 2 else -0.5, "evidence": 1 + i % 7, "href": "#"}
             for i, (h, o) in enumerate(itertools.product(hubs, hubs[1:] + rim)) if h != o]
    drawn = svg.network(edges, {})
    assert drawn == svg.network(edges, {})
    nodes = drawn["nodes"]
    for a, b in itertools.combinations(nodes, 2):
        assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"], (a["code"], b["code"])
    assert all(0 <= n["x"] <= drawn["width"] and 0 <= n["y"] <= drawn["height"] for n in nodes)
    # the page itself still draws from the same geometry
    assert client.get("/api/network").json()["edges"]
