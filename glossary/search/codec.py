"""The Whoosh codec the index is written with: Whoosh 3's, with short posting lists stored in the term dictionary.

Most keys of a term base name one concept (a term's exact, lemma and folded
forms, its concept's id).  Whoosh 2.7 means to "inline" such short posting
lists into the term's entry in the ``.trm`` file, but its test is off by one
(``len < inlinelimit``, so the default limit of 1 inlines nothing) and the
branch calls a method that does not exist (``set_inline``), so every key
gets a posting block of its own in the ``.pst`` file: about 60 bytes and a
second read from another file for a single document number.  This codec
inlines lists of up to :data:`INLINE_LIMIT` documents the way Whoosh's reader
already understands (``W3TermInfo.set_inlined`` → ``ListMatcher``).

Writing a segment's postings, Whoosh also asks the per-document reader for
the field length of every posting, one read from the length column file
each (a tenth of a build's time); :class:`LoadedLengths` reads each column
once.

The class is pickled into the index with each segment, so it must stay
importable under this name.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3FieldWriter, W3PostingsWriter, W3TermInfo
from whoosh.util.numeric import byte_to_length

#: Posting lists up to this long live in the term dictionary; longer ones in posting blocks.
INLINE_LIMIT = 4


class InliningPostingsWriter(W3PostingsWriter):  # type: ignore[misc]  # Whoosh is untyped
    """Writes posting lists of up to ``inlinelimit`` documents into their term info."""

    def finish_postings(self) -> W3TermInfo:
        terminfo: W3TermInfo = self._terminfo
        if not self.written() and 0 < len(self) <= self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None  # between terms, as the parent class leaves it
            return terminfo
        finished: W3TermInfo = super().finish_postings()
        return finished


class LoadedLengths:
    """A new segment's field lengths, each field's column read whole on first use."""

    def __init__(self, lengths: Any) -> None:
        self._lengths = lengths
        self._columns: dict[str, Any] = {}

    def _column(self, fieldname: str) -> Any:
        column = self._columns.get(fieldname)
        if column is None:
            name = f"_{fieldname}_len"  # Whoosh 3's name for a field's length column
            has = self._lengths.has_column(name)
            column = self._lengths.column_reader(name, LENGTHS_COLUMN).load() if has else b""
            self._columns[fieldname] = column
        return column

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        column = self._column(fieldname)
        encoded = column[docnum] if docnum < len(column) else 0
        return byte_to_length(encoded) if encoded else default


class LengthLoadingFieldWriter(W3FieldWriter):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh 3's term writer, given field lengths from memory."""

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        super().add_postings(schema, LoadedLengths(lengths) if lengths else lengths, items)


class GlossaryCodec(W3Codec):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh 3's codec with working inlining of short posting lists and field lengths read once."""

    def __init__(self, compression: int = 0, inlinelimit: int = INLINE_LIMIT, **options: Any) -> None:
        super().__init__(compression=compression, inlinelimit=inlinelimit, **options)

    def field_writer(self, storage: Any, segment: Any) -> LengthLoadingFieldWriter:
        return LengthLoadingFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> InliningPostingsWriter:
        return InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
