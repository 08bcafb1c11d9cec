"""`newsgraph report`: one self-contained HTML file (inline CSS, SVG charts, no script, no link out) with the
views of the web UI for one story or for the whole corpus, to mail to an editor."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from markupsafe import Markup

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.web import actors, pages, storypages
from newsgraph.web.app import STATIC, environment

DETAILED = 5  # stories shown in full in a corpus report; the rest are listed


def render_report(store: Store, *, story: str | None = None, source: str = "") -> str:
    """The report as one HTML string.

    Raises:
        NotFoundError: no story has this id.
    """
    env = environment()
    common = {"static": True, "css": Markup(STATIC.joinpath("style.css").read_text(encoding="utf-8")),
              "qs": lambda **_: "", "path": "", "stories_on": False, "source": source,
              "made": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    if story is not None:
        data = storypages.story_page(store, story)
        return env.get_template("report.html").render(**common, **data, heading=data["story"]["title"] or story)
    largest = storypages.home_stories(store)["largest"]
    listed = storypages.stories_page(store, limit=30)["stories"]
    ranked = sorted(listed + [s for s in largest if s["id"] not in {x["id"] for x in listed}],
                    key=lambda s: (-s["outlets"], -s["articles"], s["id"]))
    details = [storypages.story_page(store, s["id"]) for s in ranked[:DETAILED]]
    return env.get_template("report.html").render(
        **common, story=None, heading="The corpus", overview=pages.overview(store),
        network=actors.network_page(store, limit=60), stories=ranked[:30],
        detailed={d["story"]["id"] for d in details}, details=details)


def write_report(db: str | Path, out: str | Path, *, story: str | None = None) -> int:
    """Write the report for the store at `db` to `out`; returns its size in bytes.

    Raises:
        StoreError: the store cannot be read or the file cannot be written.
        NotFoundError: no story has this id.
    """
    with Store(db, readonly=True) as store:
        html = render_report(store, story=story, source=Path(db).name)
    try:
        Path(out).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    return len(html.encode("utf-8"))
