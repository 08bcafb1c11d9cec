"""Export stage: Analysis records and stored rows -> JSON Lines, CSV, Parquet."""
from __future__ import annotations

from newsgraph.export.files import FORMATS, export
from newsgraph.export.record import to_record, unanalysed_record

__all__ = ["FORMATS", "export", "to_record", "unanalysed_record"]
