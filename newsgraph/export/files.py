"""Write the store out: JSON Lines records, GDELT-style event CSV, Parquet tables."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import ConfigError
from newsgraph.store import Store
from newsgraph.store.queries import iter_records, list_events, list_quotes
from newsgraph.stories import story_events

# One row per event, in the manner of GDELT's event table (date, actors, type, quad class, CAMEO root, source).
EVENT_CSV_COLUMNS = ("event_id", "date", "source", "source_sector", "target", "target_sector", "type", "mode",
                     "quad_class", "cameo_root", "intensity", "negated", "modality", "outlet", "url", "article_id",
                     "trigger", "sentence")

FORMATS = ("jsonl", "csv", "parquet", "story-events")

# One row per story event: a distinct (source, type, target) within a story, with its reports (copies apart), so
# that researchers count events rather than the articles that mention them. Lists are joined with "; ".
STORY_EVENT_COLUMNS = ("story", "source", "type", "target", "reports", "first_reported", "asserted", "outlets",
                       "articles", "copies", "event_ids")


def story_event_rows(store: Store) -> list[dict[str, Any]]:
    return [{c: "; ".join(str(x) for x in r[c]) if isinstance(r[c], list) else r[c] for c in STORY_EVENT_COLUMNS}
            for r in story_events(store)]


def write_story_events_csv(store: Store, out: IO[str]) -> int:
    rows = story_event_rows(store)
    writer = csv.DictWriter(out, fieldnames=STORY_EVENT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def event_rows(store: Store) -> list[dict[str, Any]]:
    return [{
        "event_id": e["id"], "date": e["date"], "source": e["source"], "source_sector": e["source_sector"],
        "target": e["target"], "target_sector": e["target_sector"], "type": e["type"], "mode": e["mode"],
        "quad_class": e["quad_class"], "cameo_root": e["cameo"], "intensity": e["intensity"],
        "negated": bool(e["negated"]), "modality": e["modality"], "outlet": e["outlet"], "url": e["url"],
        "article_id": e["article_id"], "trigger": e["trigger"], "sentence": e["sentence"],
    } for e in list_events(store)]


def write_jsonl(store: Store, out: IO[str]) -> int:
    n = 0
    for record in iter_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_events_csv(store: Store, out: IO[str]) -> int:
    rows = event_rows(store)
    writer = csv.DictWriter(out, fieldnames=EVENT_CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_parquet(store: Store, path: Path) -> int:
    """Events to PATH (a .parquet file), quotes and story events beside it (`.quotes.parquet`,
    `.story_events.parquet`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = event_rows(store)
    columns = {c: [r[c] for r in rows] for c in EVENT_CSV_COLUMNS}
    pq.write_table(pa.table(columns), path)
    quotes = list_quotes(store)
    qcols = ("id", "published", "outlet", "speaker", "actor", "direct", "cue", "via", "text", "article_id")
    pq.write_table(pa.table({c: [q[c] for q in quotes] for c in qcols}), path.with_suffix(".quotes.parquet"))
    story_rows = story_event_rows(store)
    pq.write_table(pa.table({c: [r[c] for r in story_rows] for c in STORY_EVENT_COLUMNS}),
                   path.with_suffix(".story_events.parquet"))
    return len(rows)


def export(store: Store, fmt: str, out: str) -> int:
    """Export the store in one format to a file (or "-" for stdout where the format is text). Returns rows written.

    Raises:
        ConfigError: an unknown format, or parquet to stdout.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out == "-":
            raise ConfigError("parquet cannot be written to stdout; give a file name")
        return write_parquet(store, Path(out))
    writer = {"jsonl": write_jsonl, "csv": write_events_csv, "story-events": write_story_events_csv}[fmt]
    if out == "-":
        import sys

        return writer(store, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return writer(store, fh)
