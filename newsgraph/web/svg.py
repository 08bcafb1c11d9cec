"""Chart and graph geometry, computed on the server: numbers only, so the SVG works offline and in a mailed report.

Templates draw the shapes; every label stays plain text for autoescape. Colours: blue cooperative, orange-red
conflictual, grey neutral (a pair readable by colour-blind readers too).
"""
from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np

PALETTE = ("#2563eb", "#ea580c", "#059669", "#9333ea", "#ca8a04", "#0891b2", "#db2777", "#4b5563")


def stance_colour(score: float) -> str:
    """Blue for cooperative, orange-red for conflictual, grey near zero; deeper with the score."""
    s = max(-1.0, min(1.0, score))
    if abs(s) < 0.1:
        return "#9ca3af"
    base = (37, 99, 235) if s > 0 else (220, 68, 12)
    t = 0.45 + 0.55 * abs(s)
    r, g, b = (round(255 - (255 - c) * t) for c in base)
    return f"#{r:02x}{g:02x}{b:02x}"


def line_chart(series: list[dict[str, Any]], *, width: int = 760, height: int = 240,
               signed: bool = False) -> dict[str, Any]:
    """Lines over shared categorical periods. `series`: [{"label", "points": {period: value}}].

    `signed` fixes the y range to [-1, 1] with a zero line (stance scores); else it starts at 0 (counts).
    """
    periods = sorted({p for s in series for p in s["points"]})
    left, right, top, bottom = 44, 12, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s["points"].values()]
    lo, hi = (-1.0, 1.0) if signed else (0.0, max(values, default=1) or 1)
    if not signed:
        hi = _nice(hi)

    def x(i: int) -> float:
        return left + (plot_w * (i + 0.5) / len(periods) if periods else 0)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - lo) / (hi - lo))

    lines = []
    for n, s in enumerate(series):
        colour = s.get("colour") or PALETTE[n % len(PALETTE)]
        dots = [{"x": round(x(i), 1), "y": round(y(s["points"][p]), 1), "period": p, "value": s["points"][p]}
                for i, p in enumerate(periods) if p in s["points"]]
        lines.append({"label": s["label"], "colour": colour, "dots": dots,
                      "path": " ".join(f"{d['x']},{d['y']}" for d in dots)})
    step = max(1, math.ceil(len(periods) / 12))
    ticks = [lo + (hi - lo) * k / 4 for k in range(5)]
    return {"width": width, "height": height, "lines": lines, "left": left, "right": width - right,
            "top": top, "bottom": height - bottom,
            "xlabels": [{"x": round(x(i), 1), "text": p} for i, p in enumerate(periods) if i % step == 0],
            "ylabels": [{"y": round(y(t), 1), "text": f"{t:+.1f}" if signed else f"{t:g}"} for t in ticks],
            "zero": round(y(0), 1) if signed else None, "empty": not periods}


def bar_chart(bars: list[dict[str, Any]], *, width: int = 760, height: int = 200) -> dict[str, Any]:
    """Stacked bars per period: bars = [{"period", "parts": [(label, value)]}] (the same labels in each)."""
    left, right, top, bottom = 44, 12, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max((sum(v for _, v in b["parts"]) for b in bars), default=1) or 1
    hi = _nice(top_value)
    if top_value <= 4:  # counts: whole-number ticks only
        hi = float(top_value)
    slot = plot_w / max(1, len(bars))
    bar_w = min(slot * 0.7, 56.0)  # a few periods must not become slabs
    labels: list[str] = []
    rects = []
    for i, bar in enumerate(bars):
        base = 0.0
        for label, value in bar["parts"]:
            if label not in labels:
                labels.append(label)
            if value:
                h = plot_h * value / hi
                rects.append({"x": round(left + i * slot + (slot - bar_w) / 2, 1), "w": round(max(1.0, bar_w), 1),
                              "y": round(top + plot_h - base - h, 1), "h": round(h, 1),
                              "colour": PALETTE[labels.index(label) % len(PALETTE)],
                              "title": f"{bar['period']}: {value} {label}"})
                base += h
    step = max(1, math.ceil(len(bars) / 12))
    return {"width": width, "height": height, "rects": rects, "left": left, "right": width - right,
            "top": top, "bottom": height - bottom,
            "legend": [{"label": lab, "colour": PALETTE[i % len(PALETTE)]} for i, lab in enumerate(labels)],
            "xlabels": [{"x": round(left + i * slot + slot / 2, 1), "text": b["period"]}
                        for i, b in enumerate(bars) if i % step == 0],
            "ylabels": [{"y": round(top + plot_h * (1 - k / steps), 1), "text": f"{hi * k / steps:g}"}
                        for k in range(steps + 1)] if (steps := int(hi) if hi <= 4 else 4) else [],
            "empty": not bars}


def network(edges: list[dict[str, Any]], names: dict[str, str], *, width: int = 900,
            height: int = 600) -> dict[str, Any]:
    """Node positions (spring layout, fixed seed: the same data draws the same picture) and edge shapes.

    `edges`: [{"source", "target", "score", "evidence", "href"}]; node size grows with its evidence.
    """
    graph = nx.Graph()
    for e in edges:
        w = graph.get_edge_data(e["source"], e["target"], {}).get("weight", 0)
        graph.add_edge(e["source"], e["target"], weight=w + e["evidence"])
    if not graph:
        return {"width": width, "height": height, "nodes": [], "edges": [], "empty": True}
    pos = _layout(graph)
    pad = 60
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1

    def place(code: str) -> tuple[float, float]:
        px, py = pos[code]
        return (round(pad + (width - 2 * pad) * (px - min(xs)) / span_x, 1),
                round(pad / 2 + (height - 1.5 * pad) * (py - min(ys)) / span_y, 1))

    top = max(e["evidence"] for e in edges) or 1
    strength = {n: sum(d["weight"] for *_, d in graph.edges(n, data=True)) for n in graph}
    biggest = max(strength.values()) or 1
    codes = list(graph)
    radius = [round(7 + 13 * math.sqrt(strength[c] / biggest), 1) for c in codes]
    spread = _separate([place(c) for c in codes], radius, (pad / 2, pad / 4, width - pad / 2, height - pad / 2))
    at = dict(zip(codes, spread))
    nodes = [{"code": c, "name": names.get(c, c), "x": at[c][0], "y": at[c][1], "r": r, "evidence": strength[c]}
             for c, r in zip(codes, radius)]
    shapes = []
    for e in sorted(edges, key=lambda e: e["evidence"]):
        (x1, y1), (x2, y2) = at[e["source"]], at[e["target"]]
        # a gentle curve to the right of the direction, so A->B and B->A stay two visible edges
        cx, cy = round((x1 + x2) / 2 + (y2 - y1) * 0.12, 1), round((y1 + y2) / 2 - (x2 - x1) * 0.12, 1)
        shapes.append({**e, "d": f"M{x1},{y1} Q{cx},{cy} {x2},{y2}", "colour": stance_colour(e["score"]),
                       "w": round(1.2 + 7 * math.sqrt(e["evidence"] / top), 1)})
    return {"width": width, "height": height, "nodes": nodes, "edges": shapes, "empty": False}


def _separate(points: list[tuple[float, float]], radius: list[float], box: tuple[float, float, float, float],
              *, label: float = 16.0, rounds: int = 60) -> list[tuple[float, float]]:
    """Push apart circles that overlap on the page (with room for the label above each), inside `box`: a layout
    places the hubs of a dense cluster on top of each other, and their codes become unreadable. Vectorised, so a
    few hundred nodes take milliseconds."""
    xy = np.array(points, dtype=float)
    if len(xy) < 2:
        return [(round(x, 1), round(y, 1)) for x, y in xy]
    r = np.asarray(radius, dtype=float)
    need = r[:, None] + r[None, :] + label          # the distance two centres keep
    np.fill_diagonal(need, 0.0)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        short = np.clip(need - dist, 0.0, None)
        np.fill_diagonal(short, 0.0)
        if short.max() < 0.5:
            break
        # coincident centres: part them along a fixed direction per pair, so the result does not depend on chance
        order = np.sign(np.subtract.outer(np.arange(len(xy)), np.arange(len(xy))))[..., None]
        unit = np.where(dist[..., None] > 1e-6, delta / np.maximum(dist, 1e-6)[..., None], np.array([1.0, 0.0]) * order)
        xy += 0.5 * (unit * short[..., None]).sum(1) / max(1.0, float((short > 0).sum(1).max()) ** 0.5)
        xy[:, 0] = np.clip(xy[:, 0], box[0] + r, box[2] - r)
        xy[:, 1] = np.clip(xy[:, 1], box[1] + r + label, box[3] - r)
    return [(round(float(x), 1), round(float(y), 1)) for x, y in xy]


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Kamada-Kawai (even spacing, few crossings) for each small component, spring layout for large ones; the
    components side by side, largest first."""
    parts = sorted((graph.subgraph(c) for c in nx.connected_components(graph)), key=lambda g: (-len(g), min(g)))
    pos: dict[str, tuple[float, float]] = {}
    x0 = 0.0
    for part in parts:
        width = max(1.0, math.sqrt(len(part)))
        if len(part) <= 2:
            local = {n: (i * 0.8, 0.0) for i, n in enumerate(sorted(part))}   # not the order the edges came in
        elif len(part) <= 20:
            local = nx.kamada_kawai_layout(part)
        else:  # Kamada-Kawai's cost grows fast with the nodes
            local = nx.spring_layout(part, seed=7, k=2.0 / math.sqrt(len(part)), iterations=50)
        xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
        sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        for node, (x, y) in local.items():
            pos[node] = (x0 + width * (x - min(xs)) / sx, width * (y - min(ys)) / sy if len(part) > 2 else 0.5)
        x0 += width + 0.6
    return pos


def _nice(value: float) -> float:
    """A round upper bound for an axis (1, 2, 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)
