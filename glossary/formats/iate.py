"""IATE's reliability grades, and how an import tells that a TBX file speaks them.

IATE (the EU's Interactive Terminology for Europe) rates each term on four
grades: 1 reliability not verified, 2 minimum reliability, 3 reliable,
4 very reliable.  Its older TBX v2 downloads write these grades as they are
in ``descrip[@type='reliabilityCode']``, although that data category's scale
is 1–10; its current TBX v3 downloads already write 1–10 values (9 for a
reliable term), which need no conversion.

The grades are spread evenly over the 1–10 scale, both ends anchored
(1 → 1, 2 → 4, 3 → 7, 4 → 10): the order and the equal steps between
grades are all IATE's definitions say, and the lowest and highest grade
keep their meaning of "not verified" and "very reliable".  Each converted
value falls in the band of :data:`glossary.model.RELIABILITY_BANDS` named
after its grade.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

#: How an import reads ``reliabilityCode`` values: the CLI's ``--reliability-scale``.
ReliabilityScale = Literal["auto", "tbx", "iate"]
RELIABILITY_SCALES: tuple[ReliabilityScale, ...] = ("auto", "tbx", "iate")
#: IATE's grade → the TBX 1–10 value it is converted to.
IATE_TO_TBX: dict[int, int] = {1: 1, 2: 4, 3: 7, 4: 10}
IATE_NAME = re.compile(r"\bIATE\b|Interactive Terminology for Europe", re.IGNORECASE)
IATE_ENTRY_ID = re.compile(r"^IATE[-_]", re.IGNORECASE)


def names_iate(header_texts: Iterable[str], entry_ids: Iterable[str]) -> bool:
    """True when the file's title or source description names IATE, or its entry ids are IATE's (``IATE-84``)."""
    return any(IATE_NAME.search(text) for text in header_texts) or any(
        IATE_ENTRY_ID.match(entry_id) for entry_id in entry_ids
    )


def uses_iate_grades(scale: ReliabilityScale, from_iate: bool, highest: int) -> bool:
    """Whether a file's reliability codes are IATE grades to convert.

    ``iate``: always.  ``tbx``: never.  ``auto``: when the file says it comes
    from IATE and no value exceeds 4 (a value above 4 means an IATE download
    already on the 1–10 scale).
    """
    if scale == "auto":
        return from_iate and 0 < highest <= max(IATE_TO_TBX)
    return scale == "iate"
