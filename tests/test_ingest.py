"""Tests of the ingest stage: readers, cleaning rules, ids, Problems and streaming, on real files."""
from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.ingest import iter_articles
from newsgraph.ingest.article import text_hash
from newsgraph.ingest.clean import clean_text, match_rule, split_glued
from newsgraph.ingest.meta import is_headline, parse_date
from newsgraph.model import Article, Problem

DATA = Path(__file__).parent / "data" / "ingest"

BODY = (
    "The two ministers met in the capital on Monday to discuss the shared river and the new dam upstream.\n\n"
    "Both sides agreed to meet again next month, according to a joint statement released after the talks."
)
FRENCH = (
    "Les deux ministres se sont rencontrés lundi dans la capitale pour discuter du fleuve commun et du "
    "nouveau barrage construit en amont. Les deux parties ont convenu de se revoir le mois prochain, selon "
    "un communiqué conjoint publié après les discussions."
)


def read(paths, **kwargs) -> list[Article | Problem]:
    return list(iter_articles([str(p) for p in paths], **kwargs))


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def problems(items) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


def write(path: Path, data: str | bytes, *, gz: bool = False) -> Path:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.write_bytes(gzip.compress(raw) if gz else raw)
    return path


# --- input types --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("story.txt", BODY),
        ("story.jsonl", json.dumps({"text": BODY}) + "\n"),
        ("story.json", json.dumps({"text": BODY}, indent=2)),
        ("story.json", json.dumps([{"text": BODY}])),
        ("story.html", "<html><body><article><p>" + BODY.replace("\n\n", "</p><p>") + "</p></article></body></html>"),
        ("story.unknown", BODY),
        ("page.unknown", "<html><body><article><p>" + BODY + "</p></article></body></html>"),
    ],
)
def test_ingest_reads_each_input_type(tmp_path, name, content, gz):
    file_name = name + ".gz" if gz else name
    items = read([write(tmp_path / file_name, content, gz=gz)])
    assert not problems(items)
    [article] = articles(items)
    assert article.file == file_name
    assert "shared river" in article.text and "joint statement" in article.text
    assert article.id == article.text_hash[:16] and len(article.text_hash) == 64


def test_ingest_reads_sample_page_metadata():
    [article] = read([DATA / "page.html"])
    assert article.title == "Harbour workers end strike after pay deal"
    assert article.outlet == "The Coastal Ledger"
    assert article.published == "2024-05-14"
    assert article.key == article.url == "https://ledger.example/news/harbour-strike-ends"
    assert "Dock workers" in article.text
    assert "Related stories" not in article.text and "All rights reserved" not in article.text


def test_ingest_jsonl_records_keep_line_key_and_fields():
    first, second = read([DATA / "two.jsonl"])
    assert (first.line, first.key, first.title, first.outlet, first.published) == (
        1, "wire-001", "Council approves new bridge", "Valley Post", "2024-03-02")
    assert first.boilerplate == ("Also read: Mayor opens flower market",)
    assert (second.line, second.key, second.title) == (2, "https://wire.example/2", "Rail line reopens")


def test_ingest_key_falls_back_to_path_and_line(tmp_path):
    path = write(tmp_path / "a.jsonl", "\n" + json.dumps({"text": BODY}) + "\n")
    [article] = read([path])
    assert article.key == f"{path}:2" and article.line == 2


def test_ingest_json_array_items_carry_their_line(tmp_path):
    data = "[\n" + ",\n".join(json.dumps({"text": BODY + f" Item {n}."}) for n in range(3)) + "\n]\n"
    items = read([write(tmp_path / "list.json", data)])
    assert [a.line for a in articles(items)] == [2, 3, 4]


def test_ingest_stdin_reads_json_lines():
    stdin = io.BytesIO((json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY + " More."}) + "\n").encode())
    items = list(iter_articles(["-"], stdin=stdin))
    assert [(a.file, a.line) for a in articles(items)] == [("<stdin>", 1), ("<stdin>", 2)]


def test_ingest_walks_directories_sorted_skipping_hidden(tmp_path):
    write(tmp_path / "b.txt", BODY + " Bee.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.txt", BODY + " Sub.")
    write(tmp_path / "a.txt", BODY + " Ay.")
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / "README.md", BODY)           # not an article type: left alone in a folder
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "c.txt", BODY)
    assert [a.file for a in read([tmp_path])] == ["a.txt", "b.txt", "a.txt"]


def test_ingest_cp1252_text_is_decoded(tmp_path):
    path = write(tmp_path / "old.txt", ("The minister’s office said talks would resume – soon. " * 3).encode("cp1252"))
    [article] = read([path])
    assert "minister’s office" in article.text


# --- plain text: header block and headline ----------------------------------------------------------------


def test_ingest_header_block_gives_metadata(tmp_path):
    text = ("Title: Dam talks resume\nOutlet: The River Times\nDate: 12 March 2024\n"
            "URL: https://river.example/1\n\n" + BODY)
    [article] = read([write(tmp_path / "h.txt", text)])
    assert (article.title, article.outlet, article.published, article.url, article.key) == (
        "Dam talks resume", "The River Times", "2024-03-12", "https://river.example/1", "https://river.example/1")
    assert article.text == BODY


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ministers agree to resume dam talks next month", True),
        ("Is the river deal dead?", True),
        ("2024 budget: what changes for farmers", True),
        ("The two ministers met in the capital on Monday.", False),
        ("the talks resumed without a deal", False),
        ("Talks stalled. Both sides blamed each other", False),
        ("Officials said the dam would be finished next year, though engineers warned that the rainy season, "
         "the cost of steel and the dispute over water rights could all delay work for many months yet", False),
        ("Ministers said on Monday that", False),
    ],
)
def test_ingest_headline_detection(line, expected):
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Ministers agree to resume dam talks", "Ministers agree to resume dam talks"),
        ("Ministers agreed on Monday to resume the dam talks.", None),
    ],
)
def test_ingest_first_line_becomes_title_only_when_headline(tmp_path, first, title):
    [article] = read([write(tmp_path / "t.txt", first + "\n\n" + BODY)])
    assert article.title == title
    assert article.text.startswith(BODY[:20]) is (title is not None)


# --- cleaning rules -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Also read: Floods cut road to the northern province", "link"),
        ("ALSO READ | Central bank holds rates", "link"),
        ("Read more: Farmers protest over water quotas", "link"),
        ("Related: Five things to know about the dam", "link"),
        ("Watch: Minister walks out of summit", "link"),
        ("Also read", "link"),
        ("Tags: river, dam, diplomacy", "link"),
        ("The minister at the summit (file photo) | Photo Credit: Agency", "caption"),
        ("Photo: Reuters", "caption"),
        ("Image: Supplied", "caption"),
        ("Delegates arrive for the talks. (AP Photo/Jane Roe)", "caption"),
        ("Police officers board a plane at the capital's airport on Monday. (Reuters Photo)", "caption"),
        ("Support independent journalism: give what you can today", "social"),
        ("Donate now to keep our reporting open to all", "social"),
        ("Source: News agencies", "copyright"),
        ("(With inputs from agencies)", "byline"),
        ("(Reporting by Amara Osei in Accra; Additional reporting by Tom Vale in Lome; Editing by Jo Lind and Sam Roe)",
         "credit"),
        ("Published in The Daily Example, June 3rd, 2024", "credit"),
        ("Pix by Nimal Perera", "credit"),
        ("Photo courtesy of the National Police", "caption"),
        ("Fishing boats at the harbour in 2021. (Photo: Staff/Archives)", "caption"),
        ("Share this story: Facebook | X | Email", "social"),
        ("The agency's website carries only part of the stories offered to subscribers in its wire service.",
         "credit"),
        ("With agency inputs", "byline"),
        ("— Reuters", "byline"),
        ("Amara Osei contributed to this report.", "byline"),
        ("amara.osei@example.com", "byline"),
        ("Email the author at amara.osei@example.com", "byline"),
        ("The writer can be reached at desk@example.org", "byline"),
        ("Share this article", "social"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("Follow us on Twitter and Instagram for the latest updates", "social"),
        ("Subscribe to our newsletter", "social"),
        ("Leave a comment", "social"),
        ("12 Comments", "social"),
        ("Advertisement", "advert"),
        ("Story continues below advertisement", "advert"),
        ("© 2024 The Daily Example", "copyright"),
        ("Copyright 2023 Example Media Group", "copyright"),
        ("All rights reserved.", "copyright"),
        ("Gold 2,031.40 ▲ 0.8%", "ticker"),
        ("By Amara Osei, Staff Reporter", "byline"),
        ("By AMARA OSEI", "byline"),
        ("By Amara Osei in Nairobi", "byline"),
        ("(Reporting by Amara Osei; Editing by Tom Vale)", "byline"),
        ("Updated: March 3, 2024 10:45 IST", "byline"),
        ("Key highlights", "highlights"),
        ("Key Highlights Ministers to meet again next month", "highlights"),
        ("Highlights: talks resume", "highlights"),
    ],
)
def test_ingest_boilerplate_rule_matches(line, rule):
    assert match_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The minister said she would read the report before the vote.",
        "Read more carefully, the treaty leaves room for both sides.",
        "The photo showed the two leaders shaking hands at the border post.",
        "Share prices fell three percent on Monday after the announcement.",
        "The government will follow us on this, the spokesman said.",
        "By Tuesday, the talks had collapsed.",
        "By Amara Osei's own account, the meeting went well.",
        "By Friday in Geneva the delegates had agreed on a text.",
        "Updated figures published on Monday showed 3 more deaths.",
        "Key points of the agreement include a joint water commission and regular data sharing.",
        "The advertisement campaign cost the ministry two million dollars last year.",
        "Watch the river levels closely, officials told farmers living downstream of the dam.",
        "Comments by the minister drew sharp criticism from the opposition.",
        "The photo (taken by a local resident) showed the flooded road.",
        "Support for the ruling party fell among young voters, the poll found.",
        "Source: a senior official told the newspaper the talks had stalled.",
        "With inputs from farmers, the ministry drafted a new water plan that will be debated next week.",
        "— and that, the minister said, was the end of the matter.",
        "Contact between the two delegations resumed on Monday.",
        "Published in 1998, the report was ignored by the government for two decades.",
        "Photos by the coast guard showed the damaged hull, officials said on Monday after the inquiry opened.",
    ],
)
def test_ingest_body_line_is_not_boilerplate(line):
    assert match_rule(line) is None
    body, removed = clean_text(line)
    assert body == line and removed == ()


def test_ingest_clean_removes_lines_and_keeps_paragraphs():
    text = "First paragraph here.\n\nAlso read: Some other story\n\n\nSecond paragraph here.\nAdvertisement"
    assert clean_text(text) == (
        "First paragraph here.\n\nSecond paragraph here.", ("Also read: Some other story", "Advertisement"))


def test_ingest_glued_link_is_split_from_body():
    line = ("Also read: Dam talks stall in the capitalThe minister said on Monday that the next round "
            "would take place in the spring.")
    body, removed = clean_text(line)
    assert removed == ("Also read: Dam talks stall in the capital",)
    assert body.startswith("The minister said on Monday")


@pytest.mark.parametrize(
    "line",
    [
        "Also read: YouTube bans channels over election claims",          # camel case inside a title
        "The minister met McDonald and LinkedIn staff in the capital, officials said on Monday evening.",
    ],
)
def test_ingest_glue_rule_leaves_unglued_lines(line):
    assert split_glued(line) is None or match_rule(split_glued(line)[0]) != "link"
    assert clean_text(line)[1] in ((), (line,))


def test_ingest_highlights_box_takes_its_bullets():
    text = "Key highlights\n\n- Talks resume\n- Dam filling paused\n\nThe ministers met on Monday."
    assert clean_text(text) == (
        "The ministers met on Monday.", ("Key highlights", "- Talks resume", "- Dam filling paused"))


def test_ingest_highlights_box_in_running_text_keeps_body():
    text = "TL;DR\nThe ministers met on Monday.\nThey agreed to meet again."
    body, removed = clean_text(text)
    assert removed == ("TL;DR",) and body == "The ministers met on Monday.\nThey agreed to meet again."


# --- ids and dates ------------------------------------------------------------------------------------------


def test_ingest_ids_stable_across_whitespace(tmp_path):
    one = read([write(tmp_path / "one.txt", BODY)])[0]
    two = read([write(tmp_path / "two.txt", "  " + BODY.replace(" ", "  ").replace("\n\n", "\n \n\n") + "\n\n")])[0]
    assert one.id == two.id and one.text_hash == two.text_hash == text_hash(BODY)


def test_ingest_ids_differ_for_changed_text(tmp_path):
    one = read([write(tmp_path / "one.txt", BODY)])[0]
    two = read([write(tmp_path / "two.txt", BODY.replace("Monday", "Tuesday"))])[0]
    assert one.id != two.id


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2024-03-12", "2024-03-12"), ("2024-03-12T08:00:00Z", "2024-03-12"), ("12 March 2024", "2024-03-12"),
     ("March 12, 2024", "2024-03-12"), ("Tue, 12 Mar 2024 08:00:00 +0000", "2024-03-12"),
     ("2024-13-45", None), ("last Tuesday", None), ("", None)],
)
def test_ingest_parse_date(value, iso):
    assert parse_date(value) == iso


# --- problems -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason", "line"),
    [
        ("bin.txt", b"\x00\x01\x02binary\x00data", "binary", None),
        ("empty.txt", b"", "empty", None),
        ("blank.txt", b"  \n\n ", "empty", None),
        ("noise.txt", bytes(range(128, 256)) * 4, "undecodable", None),
        ("big.txt", ("word " * 400).encode(), "too large", None),
        ("french.txt", FRENCH.encode(), "not English", None),
        ("broken.jsonl", b'{"text": "fine"\n', "malformed JSON", 1),
        ("second.jsonl", json.dumps({"text": BODY}).encode() + b"\n{oops}\n", "malformed JSON", 2),
        ("notext.jsonl", b'{"title": "Only a title"}\n', "no text or html", 1),
        ("string.jsonl", b'"just a string"\n', "not an object", 1),
        ("nothing.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text", None),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00broken", "cannot read", None),
        ("only-boilerplate.txt", b"Advertisement\n\nShare this article\n", "no article text left", None),
    ],
)
def test_ingest_problem_is_one_line_naming_file(tmp_path, name, content, reason, line):
    path = write(tmp_path / name, content)
    items = read([path], max_bytes=1000)
    if name == "second.jsonl":
        assert len(articles(items)) == 1
    [problem] = problems(items)
    text = str(problem)
    assert "\n" not in text and name in text and reason in text
    assert problem.line == line
    if line:
        assert f"{name}:{line}:" in text


def test_ingest_missing_path_is_a_problem(tmp_path):
    [problem] = read([tmp_path / "nope.txt"])
    assert isinstance(problem, Problem) and "nope.txt" in str(problem)


def test_ingest_languages_none_accepts_any_language(tmp_path):
    [article] = read([write(tmp_path / "fr.txt", FRENCH)], languages=None)
    assert isinstance(article, Article)


def test_ingest_short_foreign_text_is_not_judged(tmp_path):
    [article] = read([write(tmp_path / "fr.txt", "Les ministres se sont rencontrés lundi.")])
    assert isinstance(article, Article)


def test_ingest_folder_with_bad_files_yields_one_article_three_problems(tmp_path):
    write(tmp_path / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "broken.jsonl", b'{"text": "unfinished\n')
    write(tmp_path / "good.txt", BODY)
    items = read([tmp_path])
    assert len(articles(items)) == 1 and len(problems(items)) == 3
    assert {p.file.rsplit("/", 1)[-1] for p in problems(items)} == {"scan.txt", "empty.txt", "broken.jsonl"}


def test_ingest_bad_max_bytes_is_refused():
    with pytest.raises(ValueError, match="max_bytes"):
        next(iter_articles(["x"], max_bytes=0))


# --- streaming ----------------------------------------------------------------------------------------------


class _EndlessLines(io.RawIOBase):
    """A real byte stream that makes JSON lines only when read, and counts them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.made = 0
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self._pending:
            if self.made >= self.limit:
                return 0
            self._pending = (json.dumps({"text": f"{BODY} Number {self.made}."}) + "\n").encode()
            self.made += 1
        size = min(len(buffer), len(self._pending))
        buffer[:size], self._pending = self._pending[:size], self._pending[size:]
        return size


def test_ingest_streams_first_article_before_input_end():
    source = _EndlessLines(limit=1_000_000)
    first = next(iter_articles(["-"], stdin=io.BufferedReader(source)))
    assert isinstance(first, Article) and first.line == 1
    assert source.made < 100          # a million lines exist; only a buffer's worth was read


def test_ingest_memory_does_not_grow_with_jsonl_size(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(20_000):
            out.write(json.dumps({"text": f"Short item {n} about the river talks, said officials."}) + "\n")
    tracemalloc.start()
    count = sum(1 for item in iter_articles([str(path)]) if isinstance(item, Article))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 20_000
    assert peak < path.stat().st_size / 4


# --- shared corpus ------------------------------------------------------------------------------------------


def test_ingest_seeds_boilerplate_all_removed(shared, tmp_path):
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    found = {a.file: a for a in read([shared / "corpus" / "seeds"])}
    for entry in gold["articles"]:
        removed = [" ".join(line.split()) for line in found[entry["file"]].boilerplate]
        for fragment in entry["boilerplate"]:
            assert any(" ".join(fragment.split()) in line for line in removed), fragment
        for line in removed:
            assert line not in found[entry["file"]].text


def test_ingest_seeds_body_untouched_where_no_boilerplate(shared):
    path = shared / "corpus" / "seeds"
    for article in read([path]):
        assert len(article.text.split()) > 200


def test_ingest_examples_all_read(tmp_path):
    examples = Path(__file__).resolve().parent.parent / "examples"
    if not any(examples.glob("*.txt")):
        pytest.skip("no sample articles yet")
    items = read([examples])
    assert not problems(items)
    for article in articles(items):
        assert article.title and article.outlet and article.published, article.file


def test_ingest_gzip_detected_without_extension(tmp_path):
    path = write(tmp_path / "story.txt", BODY, gz=True)
    [article] = read([path])
    assert "shared river" in article.text and article.file == "story.txt"
