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

The class is pickled into the index with each segment, so it must stay
importable under this name.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter, W3TermInfo

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


class GlossaryCodec(W3Codec):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh 3's codec with working inlining of short posting lists."""

    def __init__(self, compression: int = 0, inlinelimit: int = INLINE_LIMIT, **options: Any) -> None:
        super().__init__(compression=compression, inlinelimit=inlinelimit, **options)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> InliningPostingsWriter:
        return InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
