"""Lay out a concept and its relations as a small SVG graph, drawn on the server.

Broader concepts go above, narrower below, related ones beside: the
reader sees the hierarchy at a glance without any script.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 640
PER_ROW = 4  # more nodes than this wrap onto another row, so labels stay readable
ROW_HEIGHT = 80
BOX_HEIGHT = 36
GAP = 12
CHAR_WIDTH = 8.2  # average width of a 13 px sans-serif character (Cyrillic)
BOLD_CHAR_WIDTH = 9.0  # the same, bold (this concept's own box)


@dataclass(frozen=True)
class Node:
    label: str
    full_label: str
    href: str | None
    kind: str  # "self", "broader", "narrower", "related"
    x: float
    y: float
    width: float
    height: float = BOX_HEIGHT

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def _fit(label: str, width: float, bold: bool = False) -> str:
    room = max(4, int((width - 12) / (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)))
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def _row(items: list[tuple[str, str | None, str]], y: float, gap: float = GAP) -> list[Node]:
    if not items:
        return []
    width = min(200.0, (WIDTH - gap * (len(items) + 1)) / len(items))
    total = len(items) * width + (len(items) - 1) * gap
    x = (WIDTH - total) / 2
    nodes = []
    for label, href, kind in items:
        nodes.append(Node(_fit(label, width, bold=kind == "self"), label, href, kind, x, y, width))
        x += width + gap
    return nodes


def _rows(items: list[tuple[str, str | None, str]], y: float) -> tuple[list[Node], float]:
    """Lay ``items`` out in rows of at most :data:`PER_ROW`; return the nodes and the next free y."""
    nodes: list[Node] = []
    for start in range(0, len(items), PER_ROW):
        nodes.extend(_row(items[start : start + PER_ROW], y))
        y += ROW_HEIGHT
    return nodes, y


def layout(center: str, related: list[tuple[str, str, str | None]]) -> Graph | None:
    """``related`` holds ``(relation type, label, href)``; None when there is nothing to draw."""
    if not related:
        return None
    broader = [(label, href, kind) for kind, label, href in related if kind == "broader"]
    narrower = [(label, href, kind) for kind, label, href in related if kind == "narrower"]
    others = [(label, href, kind) for kind, label, href in related if kind not in {"broader", "narrower"}]
    # Up to two related concepts sit beside this one; more get a row of their own at the bottom.
    beside, below = (others, []) if len(others) <= 2 else ([], others)
    middle = [*beside[:1], (center, None, "self"), *beside[1:]]
    y = float(GAP)
    top, y = _rows(broader, y)
    mid = _row(middle, y, gap=4 * GAP)
    y += ROW_HEIGHT
    bottom, y = _rows(narrower, y)
    last, y = _rows(below, y)
    me = next(node for node in mid if node.kind == "self")
    edges = []
    for node in top:
        edges.append(Edge(node.cx, node.y + node.height, me.cx, me.y, "broader"))
    for node in bottom:
        edges.append(Edge(me.cx, me.y + me.height, node.cx, node.y, "narrower"))
    for node in last:
        edges.append(Edge(me.cx, me.y + me.height, node.cx, node.y, "related"))
    for node in mid:
        if node is not me:
            left = node.x < me.x
            edges.append(
                Edge(
                    node.x + node.width if left else node.x,
                    node.cy,
                    me.x if left else me.x + me.width,
                    me.cy,
                    "related",
                )
            )
    height = int(y - ROW_HEIGHT + BOX_HEIGHT + GAP)
    return Graph(WIDTH, height, [*top, *mid, *bottom, *last], edges)
