"""Undo a wrong keyboard layout: Russian typed with the English layout on, and the reverse.

"cnfylfhn" is what "стандарт" becomes when the layout switch was missed.  Search can try the
other layout when a query finds nothing (a query cannot tell by itself: "cnfylfhn" is also
a possible Latin string).  (Kazakh typed on a Russian keyboard needs no
re-mapping: :func:`glossary.text.fold.fold` already makes it compare equal.)
"""

from __future__ import annotations

# The same physical keys on the US QWERTY and the Russian ЙЦУКЕН layouts.
_QWERTY = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?'
_JCUKEN = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"
_TO_RUSSIAN = str.maketrans(_QWERTY, _JCUKEN)
_TO_ENGLISH = str.maketrans(_JCUKEN, _QWERTY)


def english_layout_to_russian(text: str) -> str:
    """Read keys typed with the English layout as Russian letters.

    >>> english_layout_to_russian("cnfylfhn")
    'стандарт'
    """
    return text.translate(_TO_RUSSIAN)


def russian_layout_to_english(text: str) -> str:
    """Read keys typed with the Russian layout as English letters.

    >>> russian_layout_to_english("шыщ")
    'iso'
    """
    return text.translate(_TO_ENGLISH)
