"""Read and bound what the tools pages and the API receive: a text, a language, a bilingual file."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from glossary.languages import find_language
from glossary.tools.bilingual import Bilingual, BilingualError, parse_bilingual
from web.errors import InputError

#: Characters of text a page highlights (the rendered page grows with it).
PAGE_TEXT_LIMIT = 100_000
#: Characters of text the API recognizes in one request.
API_TEXT_LIMIT = 500_000
#: Matches one API answer lists (the first ones in the text; the answer says how many there were in all).
#: With each concept's terms listed once, this bounds the answer at a few megabytes whatever the text.
API_MATCH_LIMIT = 10_000
#: Segments checked in one request.
SEGMENT_LIMIT = 5_000
#: Bytes read from an uploaded file.
UPLOAD_LIMIT = 2 * 1024 * 1024


def check_choice(name: str, value: object, known: Sequence[str]) -> str:
    """``value`` when it is one of ``known`` (a language code, a status); else an error naming ``name``."""
    if not isinstance(value, str) or value not in known:
        shown = repr(value)[:30] if value is not None else _("nothing")
        raise InputError(
            _("'%(name)s' must be one of %(known)s, not %(value)s", name=name, known=", ".join(known), value=shown)
        )
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_language(name: str, value: object, known: Sequence[str]) -> str:
    """The term base's tag for a language range (``en`` → ``en-us`` when there is no ``en``); else as :func:`check_choice`."""
    found = find_language(value, known) if isinstance(value, str) else None
    return check_choice(name, found if found is not None else value, known)


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (JSON allows ``"\\ud800"``) as U+FFFD, one for one.

    A lone surrogate cannot be encoded as UTF-8, so echoing one back would fail
    the answer; replacing it keeps every offset into the text.  (Forms, query
    strings and files are decoded by the server or the parser and have none.)
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def check_size(text: str, limit: int, what: str) -> str:
    if len(text) > limit:
        raise InputError(
            _("%(what)s is %(size)s characters long; the limit is %(limit)s.", what=what, size=len(text), limit=limit),
            413,
        )
    return text


def read_upload(upload: FileStorage) -> tuple[bytes, str]:
    """The bytes of an uploaded file and its name, refusing files over :data:`UPLOAD_LIMIT`."""
    name = upload.filename or "upload"
    data = upload.read(UPLOAD_LIMIT + 1)
    if len(data) > UPLOAD_LIMIT:
        raise InputError(
            _("%(name)s: the file is larger than %(limit)s MB.", name=name, limit=UPLOAD_LIMIT // 2**20), 413
        )
    return data, name


def decode_text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(_("%(name)s, line %(line)s: the file is not UTF-8 text.", name=name, line=line)) from error


def parse_upload(data: bytes, name: str, source_lang: str | None, target_lang: str | None) -> Bilingual:
    try:
        bilingual = parse_bilingual(data, name, source_lang=source_lang, target_lang=target_lang)
    except BilingualError as error:
        raise InputError(str(error)) from error
    return limit_segments(bilingual)


def limit_segments(bilingual: Bilingual) -> Bilingual:
    if len(bilingual.segments) > SEGMENT_LIMIT:
        raise InputError(
            _("%(count)s segments; the limit is %(limit)s.", count=len(bilingual.segments), limit=SEGMENT_LIMIT), 413
        )
    return bilingual


def base_language(code: str | None, known: Sequence[str]) -> str | None:
    """A file's language tag (``kk-KZ``) as one of the term base's codes (``kk``), when it is one."""
    if not code:
        return None
    return find_language(code, known)
