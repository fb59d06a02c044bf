"""A glossary for one document: only the concepts whose terms the text contains.

Translators load it into their CAT tool beside the document, so the
tool's term pane shows the term base's equivalents without the thousands
of concepts the document never uses.
"""

from __future__ import annotations

from typing import IO

from glossary.formats import ExportOptions, Format, TermbaseInfo, export_termbase
from glossary.tools.recognize import Recognizer


def document_concept_ids(recognizer: Recognizer, text: str) -> list[str]:
    """The ids of the concepts found in ``text``, nested terms included, in order of first occurrence.

    «фонд нормативных документов» brings «нормативный документ» along: the
    translator needs the equivalents of both.
    """
    return list(dict.fromkeys(o.concept_id for o in recognizer.find_with_nested(text).every()))


def export_document_glossary(
    recognizer: Recognizer,
    text: str,
    fmt: Format,
    out: IO[bytes],
    *,
    languages: tuple[str, ...] = (),
    target_lang: str | None = None,
    info: TermbaseInfo | None = None,
) -> list[str]:
    """Write the concepts found in ``text`` to ``out`` in ``fmt``; return their ids.

    Bilingual layouts get the text's language as source and ``target_lang``
    (default: the first other language among ``languages`` or the concepts') as target.
    """
    ids = document_concept_ids(recognizer, text)
    concepts = [recognizer.concepts[concept_id] for concept_id in ids]
    if fmt.bilingual and target_lang is None:
        pool = languages or tuple(dict.fromkeys(lang for c in concepts for lang in c.languages))
        target_lang = next((lang for lang in pool if lang != recognizer.lang), None)
    options = ExportOptions(
        languages=languages,
        # The document's language: the source of a bilingual pair, and the sort language of the html dictionary.
        source_lang=recognizer.lang,
        target_lang=target_lang if fmt.bilingual else None,
        ids=tuple(ids),
        info=info,
    )
    if ids:
        export_termbase(fmt, lambda: concepts, out, options)
    else:
        fmt.export([], out, options)
    return ids
