"""Alphabet order, highlighting, keyword-in-context and the relation graph layout."""

from __future__ import annotations

from glossary.text.alphabets import OTHER, first_letter, sort_key
from web.pages.sources import diff_segments
from web.present.graph import layout
from web.present.highlight import highlight, kwic


def test_kazakh_order_puts_each_letter_after_its_plain_neighbour() -> None:
    words = [
        "іс",
        "ұйым",
        "үкімет",
        "ай",
        "әдіс",
        "ыдыс",
        "ғылым",
        "уақыт",
        "қала",
        "кітап",
        "ңы",
        "ноқат",
        "өлшем",
        "ой",
        "һ",
    ]
    ordered = sorted(words, key=lambda w: sort_key(w, "kk"))
    assert ordered[:2] == ["ай", "әдіс"]
    assert ordered.index("ыдыс") < ordered.index("іс")
    assert ordered.index("қала") == ordered.index("кітап") + 1
    assert ordered.index("ұйым") < ordered.index("үкімет") < ordered.index("һ")


def test_russian_order_keeps_yo_after_ye_and_unknown_letters_go_last() -> None:
    assert sorted(["ёж", "жук", "ель"], key=lambda w: sort_key(w, "ru")) == ["ель", "ёж", "жук"]
    assert first_letter("ISO", "kk") == OTHER
    assert first_letter("9001", "en") == OTHER
    assert first_letter("Әмбебап", "kk") == "ә"


def test_highlight_marks_inflected_folded_and_latin_forms() -> None:
    marked = [s.text for s in highlight("Халықаралық стандарттау ұйымы", "халыкаралык стандарттар") if s.marked]
    assert marked == ["Халықаралық стандарттау"]
    marked = [s.text for s in highlight("Халықаралық стандарттау ұйымы", "halyqaralyq") if s.marked]
    assert marked == ["Халықаралық"]
    assert not any(s.marked for s in highlight("ISO Council", "стандарт"))
    assert "".join(s.text for s in highlight("ISO Council", "iso")) == "ISO Council"


def test_kwic_finds_exact_and_inflected_terms() -> None:
    line = kwic("Халықаралық стандарттау ұйымы (ИСО) 1946 жылы құрылды.", "Халықаралық стандарттау ұйымы")
    assert line and line.left == "" and line.right == " (ИСО) 1946 жылы құрылды."
    inflected = kwic("ИСО-ның жұмысын ИСО кеңесі басқарады.", "ИСО")
    assert inflected and inflected.keyword == "ИСО" and inflected.right.startswith("-ның")
    plural = kwic("Әмбебап стандарттар барлық салаға ортақ.", "стандарт")
    assert plural and plural.keyword == "стандарттар" and plural.left == "Әмбебап "
    assert kwic("Мүлде басқа сөйлем.", "стандарт") is None


def test_graph_puts_broader_above_narrower_below_related_beside() -> None:
    graph = layout(
        "ISO", [("broader", "Organization", "/a"), ("narrower", "ISO Council", "/b"), ("related", "IEC", "/c")]
    )
    assert graph is not None
    nodes = {n.kind: n for n in graph.nodes}
    assert nodes["broader"].y < nodes["self"].y < nodes["narrower"].y
    assert nodes["related"].y == nodes["self"].y and nodes["related"].x != nodes["self"].x
    assert all(n.x >= 0 and n.x + n.width <= graph.width for n in graph.nodes)
    assert {e.kind for e in graph.edges} == {"broader", "narrower", "related"}
    assert layout("ISO", []) is None


def test_graph_shortens_long_labels_to_fit_their_box() -> None:
    graph = layout("Халықаралық стандарттау ұйымының бас ассамблеясы", [("related", "x", None)])
    assert graph is not None
    me = next(n for n in graph.nodes if n.kind == "self")
    assert me.label.endswith("…") and me.full_label.startswith("Халықаралық")
    assert len(me.label) * 9.0 <= me.width


def test_repair_diff_marks_only_what_changed() -> None:
    before, after = diff_segments("Хал60аралы0 ұйым", "Халықаралық ұйым")
    assert [s.text for s in before if s.marked] == ["60", "0"]
    assert [s.text for s in after if s.marked] == ["ық", "қ"]
    assert "".join(s.text for s in after) == "Халықаралық ұйым"


def test_many_related_concepts_get_their_own_row() -> None:
    related = [("related", f"R{i}", None) for i in range(4)]
    graph = layout("X", [("broader", "B", None), *related])
    assert graph is not None
    me = next(n for n in graph.nodes if n.kind == "self")
    rows = {n.y for n in graph.nodes if n.kind == "related"}
    assert len(rows) == 1 and rows.pop() > me.y


def test_kwic_shortens_long_sides_at_word_boundaries() -> None:
    left = "бір " * 30
    line = kwic(left + "стандарт " + "екі " * 30, "стандарт")
    assert line is not None
    assert line.short_left.startswith("…") and line.short_left.endswith("бір ") and len(line.short_left) <= 62
    assert line.short_right.endswith("…") and len(line.short_right) <= 62


def test_many_narrower_concepts_wrap_into_rows_of_four() -> None:
    graph = layout("X", [("narrower", f"N{i}", None) for i in range(7)])
    assert graph is not None
    rows = sorted({n.y for n in graph.nodes if n.kind == "narrower"})
    assert len(rows) == 2
    assert sum(1 for n in graph.nodes if n.kind == "narrower" and n.y == rows[0]) == 4
    assert max(n.y + n.height for n in graph.nodes) <= graph.height
