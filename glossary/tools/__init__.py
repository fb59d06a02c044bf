"""Tools over a term base: find its terms in a text, check a translation, export a document's glossary.

>>> from glossary.model import Concept, LanguageSection, Term
>>> iso = Concept("iso", languages={"kk": LanguageSection("kk", (Term("ИСО"),))})
>>> [(o.surface, o.concept_id) for o in Recognizer.from_concepts([iso], "kk").find("ИСО-ның стандарты")]
[('ИСО-ның', 'iso')]

A :class:`Recognizer` is built once per term base and language and may then be
shared between threads; so may a :class:`TranslationChecker`.
"""

from glossary.tools.bilingual import (
    Bilingual,
    BilingualError,
    Segment,
    parse_bilingual,
    read_bilingual,
    segments_from_columns,
)
from glossary.tools.document_glossary import document_concept_ids, export_document_glossary
from glossary.tools.recognize import Occurrence, Recognition, Recognizer, freeze_long_lived, occurrence_to_dict
from glossary.tools.translation_check import (
    DeprecatedUse,
    SegmentReport,
    TermCheck,
    TranslationChecker,
    TranslationReport,
    format_report,
)

__all__ = [
    "Bilingual",
    "BilingualError",
    "DeprecatedUse",
    "Occurrence",
    "Recognition",
    "Recognizer",
    "Segment",
    "SegmentReport",
    "TermCheck",
    "TranslationChecker",
    "TranslationReport",
    "document_concept_ids",
    "export_document_glossary",
    "format_report",
    "freeze_long_lived",
    "occurrence_to_dict",
    "parse_bilingual",
    "read_bilingual",
    "segments_from_columns",
]
