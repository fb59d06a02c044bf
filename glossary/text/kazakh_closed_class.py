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
    "осы сол енді әлі бүгін бүгінде ертең кеше бұрын қазір қазіргі бүгінгі кейінгі дейінгі "
    "төмен төменгі жоғары жоғарғы ілгері алға алда кейде неге қайда қайдан қашан әбден ақырын "
    "басқа өзге жалпы бәрі барлық көптеген талай ірі ішкі сыртқы соңғы алдыңғы бастапқы биылғы былтырғы "
    # numerals (cardinal and ordinal)
    "бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу алпыс жетпіс сексен "
    "тоқсан жүз мың миллион миллиард бірінші екінші үшінші төртінші бесінші алтыншы жетінші "
    "сегізінші тоғызыншы оныншы "
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
# The plural of polite "you" is a pronoun of its own (сіздер), not сіз + plural.
_PRONOUN_FORMS["сіздер"] = "сіздердің сіздерге сіздерді сіздерден сіздерде сіздермен"
# Plural demonstratives, reached after the plural is stripped from бұлардың, солардан …
_PRONOUN_FORMS["бұл"] += " бұлар"
_PRONOUN_FORMS["сол"] += " солар"
# The copula е- and the verb of speech де- are auxiliaries too short for the verb rules (деп, еді, екен).
_AUXILIARY_FORMS = {
    "е": "еді едім едің едіңіз едік едіңдер екен екені екенін екенін екенде екендігі емес емеспін емеспіз",
    "де": "деп деді дейді деген делінген делген дейтін десе демек деймін дейміз",
    "жат": "жатыр жатырмын жатырмыз жатырсыз жатырсың",
}
IRREGULAR = {form: lemma for lemma, forms in (_PRONOUN_FORMS | _AUXILIARY_FORMS).items() for form in forms.split()}
