"""Analysis on a Dask cluster: `newsgraph analyze PATHS --cluster tcp://host:8786` or `--cluster local:N`.

The client reads the inputs (ingest) and cuts them into partitions of `partition_size` articles, submitted as they
are read with at most `in_flight` partitions per worker outstanding, so memory stays flat however long the input.
Each worker loads the pipeline once (a WorkerPlugin) and returns plain Analysis records; the client yields them in
input order, and `newsgraph.run` writes them to the store exactly as in one process (same transaction per
article, same hooks, same idempotence).

Corpus knowledge: persons whose affiliation a text stated are learnt by the worker that read them (as with
`--processes`), and the client also sends them to every worker as each partition comes back, so partitions
submitted later are analysed knowing what earlier partitions stated (a worker drains what it was sent before its
next partition). What the store already knew reaches every worker in `Settings.known`.

A worker that dies loses no input: Dask runs its partition again elsewhere (a local cluster's nanny also
restarts the worker). A partition that kills workers again and again is reported as skipped articles.
"""
from __future__ import annotations

import logging
import resource
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import count, islice
from typing import Any

from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from newsgraph.errors import ConfigError, NewsgraphError
from newsgraph.model import Analysis, Article, Person, Problem, is_stated
from newsgraph.pipeline import Analyzer, Settings

PLUGIN = "newsgraph-analyzer"
PARTITION_SIZE = 32
IN_FLIGHT = 2     # partitions per worker: one running, one waiting
log = logging.getLogger(__name__)


@dataclass(slots=True)
class ClusterStats:
    """What the cluster did, for the run summary and the scaling figures."""

    workers: int = 0
    partitions: int = 0
    peak_mib: dict[str, float] = field(default_factory=dict)   # worker address -> peak resident memory


def parse_address(address: str) -> tuple[str, int | str]:
    """("local", N) for `local:N`, else ("remote", the scheduler address)."""
    if address.startswith("local"):
        _, _, n = address.partition(":")
        if not n.isdigit() or int(n) < 1:
            raise ConfigError(f"--cluster {address}: write local:N with N workers, e.g. local:2")
        return "local", int(n)
    if "://" not in address and ":" not in address:
        raise ConfigError(f"--cluster {address}: give a scheduler address such as tcp://host:8786, or local:N")
    return "remote", address


class AnalyzerPlugin(WorkerPlugin):
    """Loads the pipeline once per worker (and again on a restarted worker); keeps what the client teaches it."""

    name = PLUGIN

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.analyzer: Analyzer | NewsgraphError | None = None
        self.inbox: list[Person] = []
        self.lock = threading.Lock()

    def setup(self, worker: Any) -> None:
        # An exception here would fail every worker start; keep it for the first partition to raise.
        try:
            self.analyzer = Analyzer(self.settings)
        except NewsgraphError as exc:
            self.analyzer = exc

    def teardown(self, worker: Any) -> None:
        self.analyzer = None

    def teach(self, persons: list[Person]) -> None:
        with self.lock:
            self.inbox.extend(persons)

    def ready(self) -> Analyzer:
        analyzer = self.analyzer
        if isinstance(analyzer, NewsgraphError):
            raise analyzer
        if analyzer is None:
            raise RuntimeError("newsgraph worker plugin not set up")
        with self.lock:
            taught, self.inbox = self.inbox, []
        if taught:
            analyzer.actors.learn(taught)
        return analyzer

    def __getstate__(self) -> dict:
        return {"settings": self.settings}   # sent to workers before setup: no model, no lock

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["settings"])


def _plugin() -> AnalyzerPlugin:
    return get_worker().plugins[PLUGIN]


def _analyze_partition(articles: list[Article]) -> list[Analysis | Problem]:
    """The task: one partition through the worker's own pipeline."""
    return list(_plugin().ready().analyze_many(articles))


async def _teach(persons: list[Person], dask_worker: Any = None) -> None:
    # A coroutine: Dask runs it in the worker's event loop without the client waiting for it.
    plugin = dask_worker.plugins.get(PLUGIN) if dask_worker is not None else None
    if plugin is not None:
        plugin.teach(persons)


def _peak_mib(dask_worker: Any = None) -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # Linux reports KiB


def cluster_stream(articles: Iterable[Article], settings: Settings, address: str, *,
                   partition_size: int = PARTITION_SIZE, stats: ClusterStats | None = None) -> Iterator[Analysis | Problem]:
    """Analyse a stream of articles on a Dask cluster, yielding results in input order.

    Raises:
        ConfigError: the address is malformed or no scheduler answers there.
        NewsgraphError: a worker cannot load the pipeline (ModelError) and the like, as in one process.
    """
    kind, where = parse_address(address)
    stats = stats if stats is not None else ClusterStats()
    with ExitStack() as stack:
        client = stack.enter_context(_connect(kind, where, address))
        client.register_plugin(AnalyzerPlugin(settings), name=PLUGIN)
        stats.workers = len(client.scheduler_info()["workers"])
        limit = max(1, IN_FLIGHT * stats.workers)
        pending: deque[tuple[Any, list[Article]]] = deque()
        keys = count()
        source = iter(articles)
        try:
            while True:
                while len(pending) < limit and (part := list(islice(source, partition_size))):
                    future = client.submit(_analyze_partition, part, key=f"newsgraph-part-{next(keys)}", pure=False)
                    pending.append((future, part))
                    stats.partitions += 1
                if not pending:
                    break
                future, part = pending.popleft()
                results = _result(future, part)
                taught = [p for r in results if isinstance(r, Analysis) for p in r.actors.persons if is_stated(p)]
                if taught and settings.learn:
                    client.run(_teach, taught, wait=False)
                yield from results
        finally:
            for future, _ in pending:
                future.cancel()
            try:
                stats.peak_mib = client.run(_peak_mib)
            except Exception:  # noqa: BLE001 - figures only; a cluster shutting down may not answer
                log.debug("worker memory not available")


def _result(future: Any, part: list[Article]) -> list[Analysis | Problem]:
    """A partition's results; a partition that kept killing its workers becomes one Problem per article."""
    try:
        return future.result()
    except KilledWorker as exc:
        return [Problem(a.file, f"worker died on every try ({exc.__class__.__name__}); skipped", a.line) for a in part]


def _connect(kind: str, where: int | str, address: str) -> Any:
    """A Client on a new local cluster (closed with it) or on a running scheduler."""
    if kind == "local":
        cluster = LocalCluster(n_workers=int(where), threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
        return _Closing(client, cluster)
    try:
        return _Closing(Client(str(where), timeout="10s"), None)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"--cluster {address}: no Dask scheduler answers there ({exc})") from exc


class _Closing:
    """Closes the client, then the local cluster it runs on."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
