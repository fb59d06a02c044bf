"""Fold text to a key that survives typing Kazakh without Kazakh letters.

On a Russian keyboard, people type ә as а, қ as к, і as и, and so on; folding
maps both spellings to one key so that they compare equal.
"""

from __future__ import annotations

_FOLD_TABLE = str.maketrans(
    {
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "ё": "е",
        # Loanword letters that Latin spellings cannot show: "sertifikatsiia", "ekonomika", "model".
        "э": "е",
        "ц": "тс",
        "щ": "шш",
        "ъ": "",
        "ь": "",
        # Latin spellings write й and и alike (i), я as "ia", ю as "iu".
        "й": "и",
        "я": "иа",
        "ю": "иу",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` and fold Kazakh-specific letters onto Russian ones.

    Also э→е, ц→тс, щ→шш, й→и, я→иа, ю→иу and drops ъ/ь, so that a Latin-script spelling
    read back into Cyrillic meets the Cyrillic original.  The result is a key, not text to show.

    >>> fold("Халықаралық Ұлттық Кеңес")
    'халыкаралык улттык кенес'
    """
    return text.lower().translate(_FOLD_TABLE)
