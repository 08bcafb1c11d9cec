"""Helpers for the web tests: a store of the project's sample articles plus one hostile article, analysed for real,
and the real uvicorn server on a free local port in a thread."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# An invented article whose title, outlet and text carry markup that would run if a page printed it raw.
HOSTILE = """Title: Chad <script>document.title='owned'</script> urges Niger <img src=x onerror="document.title='owned'">
Outlet: Sahel <b onmouseover="alert(1)">Monitor</b>
Date: 2025-05-02

N'DJAMENA: Chad's foreign minister on Friday urged Niger to reopen the border crossing at Nguigmi <script>document.title='owned'</script>, saying traders had waited for weeks.

"We ask our neighbours to open the road <img src=x onerror=alert(2)> before the rains," the minister told reporters.

Niger rejected the request and accused Chad of smuggling weapons across the frontier.
"""


def build_store(db: Path, analyzer, tmp: Path) -> Path:
    """Analyse examples/ and the hostile article into `db` with the real analyzer and the real write hooks."""
    from newsgraph.ingest import iter_articles
    from newsgraph.model import Article
    from newsgraph.run import WRITE_HOOKS
    from newsgraph.store import Store

    hostile = tmp / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with Store(db) as store:
        for article in iter_articles([str(EXAMPLES), str(hostile)]):
            if isinstance(article, Article):
                store.write(analyzer.analyze(article), WRITE_HOOKS)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The web app on the store at `db`, served by uvicorn on 127.0.0.1; yields its base URL."""
    import uvicorn

    from newsgraph.web import make_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
