"""The stance map as a networkx graph, for GraphML (Gephi, yEd, Cytoscape)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

COUNTS = ("events", "quotes", "phrases", "cooperative", "conflictual")


def stance_graph(rows: Iterable[dict[str, Any]]) -> nx.DiGraph:
    """One node per actor (kind, name), one edge per directed pair (score, counts, weight, first and last date).

    Rows split by period are summed per pair, the periods listed in the edge's `periods`.
    """
    import networkx as nx   # here: only GraphML needs it, and it is a quarter second of start-up

    graph = nx.DiGraph()
    for row in rows:
        for side in ("source", "target"):
            code = row[side]
            if code not in graph:
                graph.add_node(code, name=row.get(f"{side}_name") or code,
                               kind=row.get(f"{side}_kind") or ("state" if len(code) == 3 else "org"))
        a, b = row["source"], row["target"]
        if graph.has_edge(a, b):
            edge = graph.edges[a, b]
            for key in (*COUNTS, "weight", "magnitude"):
                edge[key] += row.get(key) or 0
            edge["periods"] += f" {row['period']}"
            for key, better in (("first", min), ("last", max)):
                if row.get(key):
                    edge[key] = better(edge[key], row[key]) if edge.get(key) else row[key]
        else:
            graph.add_edge(a, b, **{k: row.get(k) or 0 for k in (*COUNTS, "weight", "magnitude")},
                           periods=str(row.get("period") or "all"),
                           **{k: row[k] for k in ("first", "last") if row.get(k)})
    for _, _, edge in graph.edges(data=True):
        edge["score"] = round(edge["weight"] / (edge["magnitude"] + 1), 3)
    return graph
