"""Split Kazakh text into sentences, the units that term-base citations point at.

The source texts are typed, not typeset: a line break always ends a sentence,
full stops are often not followed by a space ("қамтылады.Сондықтан"), list items
and headings are separated only by tabs or dashes, and abbreviations ("ж.",
"жж.", "т.б.", initials) and numbers ("1.0-92", "2.5") contain full stops that
end nothing.

>>> split_sentences("ИСО 1947 ж. құрылды.Қазір 2.5 мың т.б. бар. ГОСТ-1.0-92 белгіленген")
['ИСО 1947 ж. құрылды.', 'Қазір 2.5 мың т.б. бар.', 'ГОСТ-1.0-92 белгіленген']
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # everything str.splitlines() splits on
GAP = r"[^\S\n]*(?:[-–—][^\S\n]+)?"  # spaces, then maybe a list bullet "- "
CANDIDATE = re.compile(
    rf"(?P<newline>[{LINE_BREAKS}]+)"
    rf"|(?P<stop>[.!?…]+[»\"')\]]*)(?P<stop_gap>{GAP})"
    rf"|(?P<list>[;:])(?P<list_gap>{GAP})"
    r"|(?<=[\w»)])(?P<wide>[^\S\n]*\t[^\S\n]*| {3,})"
)
# Abbreviations after which a capital letter does not start a new sentence ("(1992-1997 жж.) Кеңестің").
NEVER_ENDS = frozenset(
    {
        "ж",
        "жж",
        "ғ",
        "ғғ",
        "г",
        "гг",
        "млн",
        "млрд",
        "см",
        "им",
        "проф",
        "акад",
        "доц",
        "стр",
        "ст",
        "рис",
        "табл",
        "бб",
    }
    | {"dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "fig"}
)


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` in order, stripped, without list bullets; never an empty one."""
    sentences: list[str] = []
    start = 0
    for match in CANDIDATE.finditer(text):
        end = _sentence_end(text, match, start)
        if end is None:
            continue
        _append(sentences, text[start:end])
        start = match.end()
    _append(sentences, text[start:])
    return sentences


def _append(sentences: list[str], piece: str) -> None:
    piece = re.sub(r"^[-–—][^\S\n]+", "", piece.strip()).strip()
    if piece:
        sentences.append(piece)


def _sentence_end(text: str, match: re.Match[str], start: int) -> int | None:
    """Where the sentence ends when ``match`` is a real boundary, else None."""
    following = text[match.end() : match.end() + 1]
    if not following:
        return match.end("stop") if match.group("stop") else match.end("list") if match.group("list") else match.start()
    if match.group("newline"):
        return match.start()
    if match.group("stop"):
        if text[start : match.start()].strip().isdigit():
            return None  # a list number: "2. Екінші"
        return match.end("stop") if _stop_ends_sentence(text, match, following) else None
    if match.group("list"):
        gap = match.group("list_gap")
        separated = "\t" in gap or "-" in gap or "–" in gap or (match.group("list") == ";" and gap != "")
        return match.end("list") if separated and following.isupper() else None
    year = re.match(r"\d{4}\b", text[match.end() : match.end() + 5])
    return match.start() if following.isupper() or year else None


def _stop_ends_sentence(text: str, match: re.Match[str], following: str) -> bool:
    gap = match.group("stop_gap")
    if "-" in gap or "–" in gap or "—" in gap:
        return True  # ".- next item" ends the sentence whatever follows
    word = _word_before(text, match.start())
    dotted = len(word) == 1 and text[max(0, match.start() - 3) : match.start() - 1].endswith(".")
    if word.lower() in NEVER_ENDS and not dotted:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Е.О", "А. Байтұрсынұлы"
    if dotted:
        return following.isupper() and following.isalpha()  # "т.б. ИСО-ның …" ends; "т.б. бар" does not
    if gap:
        return following.isupper() or following.isdigit() or following in '«"('
    before = text[match.start() - 1 : match.start()]
    lower_word = len(word) >= 2 and word[-1].islower()
    starts_next = (following.isupper() and following.isalpha()) or following.isdigit()  # "керек.2000 жылдың"
    return starts_next and (lower_word or before in ")»%")


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return text[start:index]
