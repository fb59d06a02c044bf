"""Identifiers across formats: concept ids as XML IDs and back, and ids minted from foreign text.

Our concept ids may start with a digit or '_'; an XML ID may not start with
a digit.  Such ids are written with one extra leading '_' and read back
without it, which is exact for every id we write.
"""

from __future__ import annotations

import re

from glossary.model import ID_MAX_LENGTH, ID_PATTERN

NOT_ID_CHARACTER = re.compile(r"[^\w.\-]+")


def concept_id_to_xml(concept_id: str) -> str:
    return concept_id if concept_id[:1].isalpha() else f"_{concept_id}"


def concept_id_from_xml(xml_id: str) -> str:
    if xml_id.startswith("_") and len(xml_id) > 1 and not xml_id[1].isalpha():
        return xml_id[1:]
    return xml_id


def slug(text: str, *, limit: int = 60) -> str:
    """A readable id from free text: runs of other characters become '-'; never ends in ':<digits>'."""
    value = NOT_ID_CHARACTER.sub("-", text.strip()).strip("-.")[:limit].strip("-.")
    return value if value and ID_PATTERN.match(value) else "x"


class IdMinter:
    """Hands out unique ids, keeping a wanted id when it is valid and free; every id fits :data:`ID_MAX_LENGTH`."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())
        #: The last suffix tried per base, so 10,000 repeats of one id cost 10,000 steps, not 50 million.
        self.last_suffix: dict[str, int] = {}

    def mint(self, wanted: str) -> str:
        base = wanted if wanted and ID_PATTERN.match(wanted) else slug(wanted)
        candidate, n = base, self.last_suffix.get(base, 1)
        if n > 1:
            candidate = f"{base[: ID_MAX_LENGTH - len(str(n)) - 1]}-{n}"
        while candidate in self.taken:
            n += 1
            candidate = f"{base[: ID_MAX_LENGTH - len(str(n)) - 1]}-{n}"
        self.last_suffix[base] = n
        self.taken.add(candidate)
        return candidate
