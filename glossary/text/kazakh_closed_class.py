"""Closed-class Kazakh words the suffix rules must not touch, and irregular pronoun forms.

Postpositions, conjunctions, adverbs, numerals and pronouns often end in letters that look
like a suffix (осы, кейін, арқылы, екі) but are not inflected; personal and demonstrative
pronouns inflect irregularly (оның → ол, маған → мен).  Like any rule-based stemmer's
exception list, these are words of the language's grammar, not of any one text.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


UNINFLECTED = _words(
    # postpositions, conjunctions, particles
    "арқылы туралы бойы бойынша үшін сайын бірге бері дейін кейін қарсы қарай қарамастан "
    "сияқты секілді тәрізді қатысты байланысты сәйкес гөрі қарағанда ретінде және немесе бірақ алайда әрі себебі "
    "өйткені сондықтан сондай-ақ әлде тіпті ғана тек тағы әлбетте мысалы яғни "
    # adverbs and adjectives of place and time, question words
    "осы сол енді әлі бүгін бүгінде ертең кеше бұрын қазір "
    # adjectives in -ғы/-гі lexicalized from adverbs, dictionary headwords of their own ("current",
    # "last", "later", "pre-", "former"), unlike the productive бүгінгі, биылғы (in IRREGULAR)
    "қазіргі соңғы кейінгі дейінгі бұрынғы "
    "төмен төменгі жоғары ілгері алға алда кейде неге қайда қайдан қашан әбден ақырын "
    "ешқандай әлдеқандай басқа өзге жалпы жаппай бәрі барлық көптеген талай ірі ішкі сыртқы алдыңғы бастапқы "
    # cardinal numerals (their ordinals are in IRREGULAR)
    "бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу алпыс жетпіс сексен "
    "тоқсан жүз мың миллион миллиард "
    # pronouns that are their own lemma although they end like a suffix
    "сіздер"
)

_PRONOUN_FORMS = {
    "ол": "оның оны оған одан онда онымен",
    "бұл": "бұ мұның мұны мұған бұған бұдан мұнан мұнда бұнда мұнымен бұнымен бұның бұны",
    "сол": "соның соны соған содан сонда сонымен",
    "мен": "менің мені маған менен менде менімен пен бен",
    "сен": "сенің сені саған сенен сенде сенімен",
    "осы": "осының осыны осыған осыдан осында осымен",
}
# Demonstratives make adverbs of manner (-лай: осылай) and degree (-нша: сонша), given under their
# pronoun as the case forms above are.  The adjectives of likeness (мұндай, сондай "such") are
# dictionary headwords of their own and stay whole.
_PRONOUN_FORMS["ол"] += " олай онша онан онысы"
_PRONOUN_FORMS["бұл"] += " былай мұнша бұнша"
_PRONOUN_FORMS["сол"] += " солай сонша сонан"
_PRONOUN_FORMS["осы"] += " осылай осынша"
# The interrogative не "what" in its cases (неге "why" is its dative).
_PRONOUN_FORMS["не"] = "ненің нені неге неде неден немен несі"
# The plural of polite "you" is a pronoun of its own (сіздер), not сіз + plural.
_PRONOUN_FORMS["сіздер"] = "сіздердің сіздерге сіздерді сіздерден сіздерде сіздермен"
# Plural demonstratives, reached after the plural is stripped from бұлардың, солардан …
_PRONOUN_FORMS["бұл"] += " бұлар"
_PRONOUN_FORMS["сол"] += " солар"
# The copula е- and the verb of speech де- are auxiliaries too short for the verb rules (деп, еді, екен).
_AUXILIARY_FORMS = {
    "е": "еді едім едің едіңіз едік едіңдер екен екені екенін екенін екенде екендігі емес емеспін емеспіз",
    "де": "деп деді дейді дей дейсің дейсіз десең деген дегендей делінген делген дейтін десе демек деймін дейміз",
    # spoken contractions of the converbs болып, қылып, used in writing too
    "бол": "боп",
    "қыл": "қып",
    "жат": "жатыр жатырмын жатырмыз жатырсыз жатырсың",
}
_BACK = frozenset("аоұыя")
_VOWELS = frozenset("аәеиоөұүыіэюя")


def _back(word: str) -> bool:
    """Whether the last vowel that tells is back (harmony picks the suffix variant)."""
    return next((char in _BACK for char in reversed(word) if char in _VOWELS and char not in "иу"), True)


def _ordinal(cardinal: str) -> str:
    """The ordinal of a cardinal: -ыншы/-інші after a consonant (or у), -ншы/-нші after a vowel."""
    ending = "ншы" if _back(cardinal) else "нші"
    if cardinal.endswith("ық"):
        cardinal = cardinal[:-2] + "қ"  # қырық → қырқыншы: a high vowel drops before a vowel-initial suffix
    if cardinal[-1] in _VOWELS and cardinal[-1] != "у":
        return cardinal + ending
    return cardinal + ("ы" if _back(cardinal) else "і") + ending


def _attributive(adverb: str) -> str:
    """The adjective an adverb of time or place makes with -ғы/-гі (-қы/-кі after a voiceless consonant)."""
    if adverb[-1] in "кқпстфхшщ":
        return adverb + ("қы" if _back(adverb) else "кі")
    return adverb + ("ғы" if _back(adverb) else "гі")


# Ordinal numerals are read as their cardinal with the ordinal suffix (бірінші → бір), as Kazakh
# grammars and morphological analysers do.
_CARDINALS = "бір екі үш төрт бес алты жеті сегіз тоғыз он отыз қырық елу алпыс жетпіс сексен тоқсан жүз мың"
# The productive attributive -ғы/-гі of adverbs of time (бүгінгі → бүгін, биылғы → биыл): the same
# adverb, used before a noun.  (жоғары drops its last vowel: жоғарғы.)
_ATTRIBUTIVE_BASES = "бүгін биыл былтыр кеше ертең күндіз әуел"
_DERIVED = {_ordinal(cardinal): cardinal for cardinal in _CARDINALS.split()}
_DERIVED |= {_attributive(adverb): adverb for adverb in _ATTRIBUTIVE_BASES.split()}
_DERIVED["жоғарғы"] = "жоғары"

IRREGULAR = {form: lemma for lemma, forms in (_PRONOUN_FORMS | _AUXILIARY_FORMS).items() for form in forms.split()}
IRREGULAR |= _DERIVED
