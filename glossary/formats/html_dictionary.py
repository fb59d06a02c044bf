"""The ``html`` export: one self-contained page, a multilingual dictionary to read on screen or print.

The page is sorted in the *sort language*'s alphabet
(:mod:`glossary.text.alphabets`: Kazakh а ә б в г ғ …), under a heading per
letter with a letter index at the top.  The sort language is the export's
``source_lang`` when given, else the first of its ``languages``, else the
term base's first declared language, else the first language a concept
uses.  The page's own words (:mod:`glossary.formats.html_labels`) are in
the sort language when it is Kazakh, Russian or English, else in English.

Each concept is one entry: its preferred term in the sort language as the
headword (a concept without a term in it goes under its first preferred
term in another language), the sort language's other terms, the
equivalents in every other exported language, and the definitions, each
with its source (the source's title in the page's language and the
locator).  Every other term of the sort language also gets a "see" line in
its own place in the alphabet, so an abbreviation leads to its full form.
Discouraged terms are marked.  Not carried: contexts, notes, relations,
subject fields, part of speech.

The file needs nothing else: the CSS is inline, there is no script and no
external asset; every piece of text is escaped.  The generation date is
today's (UTC), or the day of ``SOURCE_DATE_EPOCH`` when it is set, for
reproducible files.

Unlike the other writers, this one cannot write a concept as soon as it
reads it: a dictionary is sorted, so it first collects the (restricted)
concepts with their sort keys, then writes the page entry by entry.  Memory
grows with the selection, as any sort must.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from glossary.formats.base import ExportOptions, Format, TermbaseInfo
from glossary.formats.filters import has_terms, restrict
from glossary.formats.html_labels import LABELS, PageLabels, language_name, long_date, page_language
from glossary.formats.html_style import STYLE
from glossary.model import DISCOURAGED_STATUSES, Concept, Definition, Term, is_web_url, term_rank
from glossary.text.alphabets import OTHER, alphabet, first_letter, sort_key

#: Characters HTML may not carry as text (C0 controls but tab and line ends, DEL, C1, noncharacters' neighbours).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an HTML element or a quoted attribute: markup escaped, unprintable controls replaced by U+FFFD."""
    return html.escape(UNSAFE.sub("\ufffd", text), quote=True)


def sort_language(options: ExportOptions, concepts: Iterable[Concept]) -> str:
    """The language the dictionary is sorted in (see the module docstring)."""
    if options.source_lang:
        return options.source_lang
    if options.languages:
        return options.languages[0]
    if options.info and options.info.languages:
        return options.info.languages[0]
    return next((code for concept in concepts for code in concept.languages), "en")


def generation_date() -> dt.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` (reproducible builds' convention) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdecimal():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def localized(info: TermbaseInfo | None, field: str, lang: str) -> str:
    """The term base's ``name`` or ``description`` in ``lang`` when the metadata has it per language."""
    if info is None:
        return ""
    method = getattr(info, f"{field}_in", None)
    return str(method(lang)) if callable(method) else str(getattr(info, field))


@dataclass(frozen=True)
class Item:
    """A line of the dictionary: a concept's entry, or a "see" line (``target`` set) for another of its terms."""

    text: str
    lang: str
    concept: Concept
    target: str | None = None


class Page:
    """The dictionary page: the header, then a section per letter, then the cited sources."""

    def __init__(self, concepts: list[Concept], options: ExportOptions) -> None:
        self.info = options.info
        self.sort_lang = sort_language(options, concepts)
        self.alphabet_lang = self.sort_lang.split("-", maxsplit=1)[0].lower()
        self.lang = page_language(self.sort_lang)
        self.labels: PageLabels = LABELS[self.lang]
        used = dict.fromkeys(code for concept in concepts for code in concept.languages)
        # the sort language first, then the export's (or the term base's) order, then any other
        order = (self.sort_lang, *(options.languages or (self.info.languages if self.info else ())), *used)
        self.languages = [code for code in dict.fromkeys(order) if code in used]
        self.concept_count = len(concepts)
        self.groups = self.grouped(concepts)
        self.cited: dict[str, None] = {}

    # -- sorting ---------------------------------------------------------------------------------

    def items(self, concept: Concept) -> Iterator[Item]:
        section = concept.languages.get(self.sort_lang)
        if section is None or section.preferred is None:
            # no term in the sort language: file it under its preferred term in another language
            lang = next((code for code, s in concept.languages.items() if s.preferred), self.sort_lang)
            yield Item(concept.label(lang), lang, concept)
            return
        head = section.preferred.text
        yield Item(head, self.sort_lang, concept)
        for term in sorted(section.terms, key=term_rank):
            if term.text != head:
                yield Item(term.text, self.sort_lang, concept, target=head)

    def key(self, item: Item) -> tuple[object, ...]:
        text = unicodedata.normalize("NFC", item.text)
        return sort_key(text, self.alphabet_lang), text, item.target is not None, item.concept.id

    def letter(self, item: Item) -> str:
        return first_letter(unicodedata.normalize("NFC", item.text), self.alphabet_lang)

    def grouped(self, concepts: list[Concept]) -> dict[str, list[Item]]:
        """Items by letter, in the alphabet's order (the letters outside it last), each group sorted."""
        every = sorted((item for concept in concepts for item in self.items(concept)), key=self.key)
        groups: dict[str, list[Item]] = {letter: [] for letter in (*alphabet(self.alphabet_lang), OTHER)}
        for item in every:
            groups[self.letter(item)].append(item)
        return groups

    # -- writing ---------------------------------------------------------------------------------

    def chunks(self) -> Iterator[str]:
        yield from self.head()
        for number, (letter, items) in enumerate(self.groups.items()):
            if not items:
                continue
            heading = self.labels.other if letter == OTHER else letter.upper()
            yield (
                f'<section class="letter" aria-labelledby="letter-{number}">\n'
                f'<h2 id="letter-{number}">{escape(heading)}</h2>\n<div class="entries">\n'
            )
            for item in items:
                yield self.reference(item) if item.target is not None else self.entry(item)
            yield "</div>\n</section>\n"
        yield from self.sources()
        yield "</main>\n</body>\n</html>\n"

    def head(self) -> Iterator[str]:
        labels = self.labels
        title = localized(self.info, "name", self.lang) or labels.title
        description = localized(self.info, "description", self.lang)
        names = ", ".join(language_name(code, self.lang) for code in self.languages)
        yield (
            f'<!doctype html>\n<html lang="{escape(self.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="kazterm glossary export --format html">\n'
            f"<title>{escape(title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
            f'<header>\n<h1>{escape(title)}</h1>\n<p class="subtitle">{escape(labels.title)}</p>\n'
        )
        if description:
            yield f'<p class="description">{escape(description)}</p>\n'
        meta = (
            f"{escape(labels.languages)}: {escape(names)}",
            escape(labels.concepts.format(count=self.concept_count)),
            escape(labels.generated.format(date=long_date(generation_date(), self.lang))),
        )
        yield f'<p class="meta">{" · ".join(meta)}</p>\n'
        yield f'<nav class="letters" aria-label="{escape(labels.letters)}">\n<ul>\n'
        for number, (letter, items) in enumerate(self.groups.items()):
            shown = escape(labels.other if letter == OTHER else letter.upper())
            if items:
                yield f'<li><a href="#letter-{number}">{shown}</a></li>\n'
            elif letter != OTHER:
                yield f'<li><span class="unused">{shown}</span></li>\n'
        yield "</ul>\n</nav>\n</header>\n<main>\n"

    def terms(self, terms: Iterable[Term], lang: str) -> str:
        shown = []
        for term in sorted(terms, key=term_rank):
            mark = self.labels.status(term.status) if term.status in DISCOURAGED_STATUSES else ""
            text = f'<span class="term">{escape(term.text)}</span>'
            shown.append(f'{text} <span class="status">({escape(mark)})</span>' if mark else text)
        return f'<span lang="{escape(lang)}">{"; ".join(shown)}</span>'

    def entry(self, item: Item) -> str:
        concept = item.concept
        parts = [
            f'<article class="entry" id="c-{escape(concept.id)}">\n'
            f'<h3 class="headword" lang="{escape(item.lang)}">{escape(item.text)}</h3>\n'
        ]
        own = concept.languages.get(item.lang)
        others = [term for term in own.terms if term.text != item.text] if own else []
        if others:
            parts.append(f'<p class="variants">{self.terms(others, item.lang)}</p>\n')
        rows = [
            f"<div><dt>{escape(language_name(code, self.lang))}</dt><dd>{self.terms(section.terms, code)}</dd></div>"
            for code in self.languages
            if code != item.lang and (section := concept.languages.get(code)) and section.terms
        ]
        if rows:
            parts.append('<dl class="equivalents">\n' + "\n".join(rows) + "\n</dl>\n")
        for code in self.languages:
            definition = concept.definition(code)
            if definition is not None:
                parts.append(self.definition(definition, code))
        parts.append("</article>\n")
        return "".join(parts)

    def definition(self, definition: Definition, lang: str) -> str:
        labels = self.labels
        text = (
            f'<div class="definition">\n<p><span class="label">{escape(labels.definition)}</span> '
            f'<span class="in">({escape(language_name(lang, self.lang))})</span>: '
            f'<span class="text" lang="{escape(lang)}">{escape(definition.text)}</span></p>\n'
        )
        source = definition.source
        if source is not None:
            known = self.info.sources.get(source.text) if self.info else None
            title = known.title_in(self.lang) if known else source.text
            where = f", {escape(labels.sentence.format(n=source.sentence))}" if source.sentence is not None else ""
            if known:
                self.cited[source.text] = None
                title_html = f'<a href="#src-{escape(source.text)}"><cite>{escape(title)}</cite></a>'
            else:
                title_html = f"<cite>{escape(title)}</cite>"
            text += (
                f'<p class="source">{escape(labels.source)}: {title_html}{where} '
                f'<span class="locator">[{escape(str(source))}]</span></p>\n'
            )
        return text + "</div>\n"

    def reference(self, item: Item) -> str:
        target = escape(item.target or "")
        return (
            f'<p class="entry reference"><span class="term" lang="{escape(item.lang)}">{escape(item.text)}</span> '
            f'<span class="see">{escape(self.labels.see)}</span> '
            f'<a href="#c-{escape(item.concept.id)}" lang="{escape(item.lang)}">{target}</a></p>\n'
        )

    def sources(self) -> Iterator[str]:
        """The sources the printed definitions cite, each with its author, year and address."""
        if not self.cited or self.info is None:
            return
        heading = escape(self.labels.sources)
        yield f'<section class="sources" aria-labelledby="sources">\n<h2 id="sources">{heading}</h2>\n<ul>\n'
        info = self.info
        for source_id in sorted(
            self.cited, key=lambda key: sort_key(info.sources[key].title_in(self.lang), self.alphabet_lang)
        ):
            source = info.sources[source_id]
            details = [escape(part) for part in (source.author, source.year) if part]
            if source.url and is_web_url(source.url):
                details.append(f'<a href="{escape(source.url)}">{escape(source.url)}</a>')
            elif source.url:
                details.append(escape(source.url))
            rest = f". {', '.join(details)}" if details else ""
            yield f'<li id="src-{escape(source_id)}"><cite>{escape(source.title_in(self.lang))}</cite>{rest}</li>\n'
        yield "</ul>\n</section>\n"


class HtmlDictionaryFormat(Format):
    name = "html"
    label = "HTML dictionary to read or print: one page, sorted by letter"
    extensions = (".html", ".htm")
    mimetype = "text/html"
    importable = False

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        kept = [c for c in (restrict(concept, options.languages) for concept in concepts) if has_terms(c)]
        for chunk in Page(kept, options).chunks():
            out.write(chunk.encode("utf-8", errors="replace"))
