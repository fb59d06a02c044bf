"""Kazakh verb morphology for the stemmer: a finite verb, participle or converb back to its root.

A verb form is read from the end: tense, aspect or mood with person (-ды, -ған, -атын, -ады,
-ып, -ғалы, -мақшы, -мас, -сын …), then negation (-ма/-ба/-па), then the passive voice
(-ыл/-іл, -л, -ын/-ін, -н).  Causative and reciprocal stems (көрсет, үйлестір, қалыптас) are
dictionary verbs of their own and stay whole.  So стандартталған, стандартталды and
стандарттайды give стандартта, the root of the verbal noun стандарттау.

Many endings are also the ends of nouns (-ды is the accusative, -п ends талап, -ар ends
тауар), so each ending is accepted only where it cannot be a noun's, or where the base
shows another verbal mark (negation, passive voice, a -ла/-да/-та verb of five letters or
more).  Bare endings that no rule can tell from a noun's (-а/-е/-й converbs, -ар future,
-мақ, -са conditional) are left to the term base's lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from glossary.text.fold import fold

_VOWELS = frozenset("аәеэиоөұүыіюяё")
_VOICELESS = frozenset("кқпстфхһцчшщ")
# Negation -ма/-ме after vowels and р й у л; -ба/-бе after м н ң з ж; -па/-пе after voiceless.
_AFTER_MA = _VOWELS | frozenset("рйул")
_AFTER_BA = frozenset("мнңзж")
_LOANWORD_LETTERS = frozenset("вфхһцчщъьэё")
_VOICING = {"ғ": "қ", "г": "к", "б": "п"}


class Mark(Enum):
    """How sure an ending is that the word is a verb."""

    SURE = "sure"  # no noun ends like this: -ған, -атын, -ады, -ып, -ғалы …
    NEEDS_MARK = "needs mark"  # a noun may end like this (-ды, -п, -са): needs negation or passive
    MARKED = "marked"  # only with negation or voice: -й, the converb (келмей, білінбей; жағдай is a noun)
    SHORT_BASE = "short base"  # sure after a short root (болатын); else мемлекет-і-н, қызмет-і-н, әулет-і-н


class Base(Enum):
    """What the base before an ending must end in."""

    CONSONANT = "consonant"
    VOWEL = "vowel"
    VOICED = "voiced"  # a vowel or a voiced consonant (-ған, -ды)
    VOICELESS = "voiceless"  # (-қан, -ты)
    VOWEL_RJU = "vowel or р й у"  # (-дық: бардық, қабылдадық)
    RJUL = "р й у л"  # (-мын: тұрмын)
    LA = "a -ла/-ле verb of four letters or more"  # (-йды: ойлайды)
    NATIVE_VOWEL = "a vowel, in a word without loanword marks"  # (-ды: жасады, not мето-ды)
    ANY = "any"


@dataclass(frozen=True)
class Ending:
    form: str
    base: Base
    mark: Mark
    negatable: bool = True
    inflects: bool = False  # a participle takes case and possessive (жасалғаны, болатынын)
    root_vowel: str = ""  # the root's last letter, merged into the ending: оқы + йды → оқ-иды


def _endings(
    forms: str, base: Base, mark: Mark = Mark.SURE, negatable: bool = True, inflects: bool = False
) -> list[Ending]:
    return [Ending(form, base, mark, negatable, inflects) for form in forms.split()]


# fmt: off
ENDINGS: tuple[Ending, ...] = tuple(
    # past participle (and past tense of reported speech)
    _endings("ған ген", Base.VOICED, inflects=True) + _endings("қан кен", Base.VOICELESS, inflects=True)
    # habitual participle / future of intention
    + _endings("атын етін", Base.CONSONANT, Mark.SHORT_BASE, inflects=True)
    + _endings("йтын йтін", Base.VOWEL, inflects=True)
    # the participles with the equative -дай/-дей "as if" (тұрғандай, алмайтындай)
    + _endings("ғандай гендей", Base.VOICED) + _endings("қандай кендей", Base.VOICELESS)
    + _endings("атындай етіндей", Base.CONSONANT, Mark.SHORT_BASE) + _endings("йтындай йтіндей", Base.VOWEL)
    # a root in -ы/-і before й is written и: оқы-йтын → оқитын, қамты-йды → қамтиды
    + [Ending("итын", Base.CONSONANT, Mark.SURE, inflects=True, root_vowel="ы"),
       Ending("итін", Base.CONSONANT, Mark.SURE, inflects=True, root_vowel="і"),
       Ending("иды", Base.CONSONANT, Mark.SURE, root_vowel="ы"), Ending("иді", Base.CONSONANT, Mark.SURE, root_vowel="і")]
    # present-future with person: 3rd, then 1st (нәрсе-міз is a noun's); not 2nd: -асыз is the privative's,
    # and folded -асың is -асын (сала-сы-н)
    + _endings("ады еді", Base.CONSONANT)
    + _endings("амын емін амыз еміз", Base.CONSONANT, Mark.SHORT_BASE)
    + _endings("йды йді", Base.VOWEL, Mark.NEEDS_MARK)  # жасайды, but деңгей-ді, жағдай-ды
    + _endings("йды йді", Base.LA)  # ойлайды, тілейді: nouns rarely end in -лай/-лей
    + _endings("ймын ймін ймыз йміз", Base.VOWEL)
    # definite past with 1st/2nd person; bare 3rd person -ды is also the accusative
    + _endings("дым дім дыңыз діңіз", Base.VOICED) + _endings("тым тім тыңыз тіңіз", Base.VOICELESS)
    + _endings("ды ді", Base.VOICED, Mark.NEEDS_MARK) + _endings("ты ті", Base.VOICELESS, Mark.NEEDS_MARK)
    # after a vowel the accusative is -ны, the adjective -лы: -ды is the past (жасады), unless a loan (метод-ы)
    + _endings("ды ді", Base.NATIVE_VOWEL)
    # definite past 1st plural: after a vowel or р й у, where the noun suffix would be -лық (бар-дық, but
    # бар-лық); after л, nasals, з ж and voiceless consonants it is the noun suffix's (құлдық, ұлттық)
    + _endings("дық дік", Base.VOWEL_RJU)
    # present-future 1st person after р й у л (тұрмын, отырмыз), where the noun's px3 + accusative would
    # need a stem in рм/йм/лм; after a vowel it reads as сенім-і-н (see the noun suffixes)
    + _endings("мын мін мыз міз", Base.RJUL, negatable=False)
    # converbs: -ып/-іп after a consonant, -п after a vowel (талап is a noun); -ғалы "since"
    + _endings("ып іп", Base.CONSONANT, negatable=False) + _endings("п", Base.VOWEL, Mark.NEEDS_MARK)
    # evidential past -ыпты/-іпті (кетіпті), guarded like the converb it is built on (тәртіп-ті)
    + _endings("ыпты іпті", Base.CONSONANT)
    + _endings("ғалы гелі", Base.VOICED) + _endings("қалы келі", Base.VOICELESS)
    # intention -мақшы, negative future -мас
    + _endings("мақшы мекші", Base.VOICED, negatable=False) + _endings("пақшы пекші", Base.VOICELESS, negatable=False)
    + _endings("бақшы бекші", Base.VOICED, negatable=False)
    # (-бас/-бес would read жамбас, елбасы as verbs)
    + _endings("мас мес", Base.VOICED, negatable=False) + _endings("пас пес", Base.VOICELESS, negatable=False)
    # optative 3rd person after a consonant (after a vowel it is px3 + accusative: саласын)
    + _endings("сын сін", Base.CONSONANT, Mark.SHORT_BASE)  # болсын, but ресурс-і-н
    # negative converb -май/-мей (келмей, ашпай); a bare -а/-е/-й converb cannot be told from a noun
    + _endings("й", Base.VOWEL, Mark.MARKED)
    # conditional: нәрсе, кеңсе are nouns
    + _endings("са се", Base.ANY, Mark.NEEDS_MARK)
    # conditional with 1st and 2nd person (жатсам, алсақ, берсек, болсаң): no noun stem ends like these
    + _endings("сам сем сақ сек саң сең", Base.CONSONANT)
    # imperative 1st plural (білейік, тұрайық)
    + _endings("айық ейік", Base.CONSONANT)
)
# fmt: on
NEGATIONS = ("ма", "ме", "ба", "бе", "па", "пе")


@dataclass(frozen=True)
class VerbSpelling:  # not slotted: cached_property stores in __dict__
    """The endings and letter classes for exact or folded spelling."""

    endings: tuple[Ending, ...]
    negations: tuple[str, ...]
    vowels: frozenset[str]
    voiceless: frozenset[str]
    after_ma: frozenset[str]
    after_ba: frozenset[str]
    high: str  # the high vowels of -ыл/-іл (folded: ы, и)
    min_base: int
    voicing: dict[str, str]  # ғ г б back to қ к п

    @classmethod
    def build(cls, folded: bool) -> VerbSpelling:
        if not folded:
            return cls(ENDINGS, NEGATIONS, _VOWELS, _VOICELESS, _AFTER_MA, _AFTER_BA, "ыі", 2, _VOICING)
        endings = tuple(
            dict.fromkeys(
                Ending(fold(e.form), e.base, e.mark, e.negatable, e.inflects, fold(e.root_vowel)) for e in ENDINGS
            )
        )
        vowels = frozenset(fold("".join(_VOWELS))) - {"и"}  # folded й is и: жасаи-ды
        return cls(
            endings,
            tuple(dict.fromkeys(fold(n) for n in NEGATIONS)),
            vowels | {"и"},
            frozenset(fold("".join(_VOICELESS))),
            frozenset(fold("".join(_AFTER_MA))),
            frozenset(fold("".join(_AFTER_BA))),
            "ыи",
            3,  # folded орган ends like -ған
            {fold(voiced): fold(voiceless) for voiced, voiceless in _VOICING.items()},
        )

    def base_fits(self, base: str, kind: Base) -> bool:
        last = base[-1]
        vowel = last in self.vowels
        if kind is Base.CONSONANT:
            return not vowel
        if kind is Base.VOWEL:
            return vowel
        if kind is Base.VOICED:
            return last not in self.voiceless
        if kind is Base.VOICELESS:
            return last in self.voiceless
        if kind is Base.VOWEL_RJU:
            return vowel or last in "рйу"
        if kind is Base.NATIVE_VOWEL:
            return vowel and last not in "иу" and len(base) >= 3 and not self.looks_borrowed(base)  # folded й, у
        if kind is Base.LA:
            return len(base) >= 4 and base[-2:] in ("ла", "ле")
        if kind is Base.RJUL:
            return last in "рйул"
        return True

    @cached_property
    def converb_p(self) -> frozenset[str]:
        return frozenset(fold(form) if self.min_base > 2 else form for form in ("ып", "іп", "п", "ыпты", "іпті"))

    @cached_property
    def by_last_letter(self) -> dict[str, tuple[Ending, ...]]:
        """The endings by their last letter, in table order: a word is tried only against endings it can have."""
        table: dict[str, list[Ending]] = {}
        for ending in self.endings:
            table.setdefault(ending.form[-1], []).append(ending)
        return {letter: tuple(endings) for letter, endings in table.items()}

    def restored(self, base: str) -> str:
        """шығ-ып → шық, таб-ылады → тап: a final voiced consonant before a vowel-initial ending."""
        if len(base) > 2 and base[-2] in self.vowels and base[-1] in self.voicing:
            return base[:-1] + self.voicing[base[-1]]
        return base

    def converb_base(self, base: str, form: str) -> bool:
        """тәртіп, қауіп, мектеп are nouns: -ып/-іп not after a cluster or у, -п only after a long verb."""
        if form == "п":
            return self.denominal(base)
        return base[-1] != "у" and (base[-2] in self.vowels or base[-2] in "йу")

    def looks_borrowed(self, base: str) -> bool:
        """Loanword letters, or о/ө after the first syllable (метод, период, протокол)."""
        if not _LOANWORD_LETTERS.isdisjoint(base) or "ио" in base:
            return True
        vowels = [char for char in base if char in self.vowels]
        return any(char in "оө" for char in vowels[1:])

    def derived_verb(self, base: str) -> bool:
        """A stem ending in a verb-forming suffix: causative -ыт/-ыр/-тыр (дамыт, асыр, жалғастыр) or
        reciprocal -ас/-ыс (қатынас, айналыс), which noun stems before -ат/-ет (мемлекет) do not have."""
        if "і" not in self.high or len(base) < 4 or base[-3] in self.vowels or not _LOANWORD_LETTERS.isdisjoint(base):
            return False  # exact spelling only: folded, loans lose their marks (процесс → протсесс, комитет's и)
        return (base[-2] in "ыі" and base[-1] in "рт") or (len(base) >= 6 and base[-2:] in ("ас", "ес", "ыс", "іс"))

    def denominal(self, base: str) -> bool:
        """A -ла/-да/-та verb (стандартта, қабылда, аккредитте): long enough not to be a noun in -а."""
        if len(base) < 5 or base[-1] not in "аеә":
            return False
        return base[-2] == "л" or (base[-2] in "дт" and base[-3] not in self.vowels)

    def unnegated(self, base: str) -> str | None:
        for negation in self.negations:
            if base.endswith(negation) and len(base) > len(negation):
                stem = base[: -len(negation)]
                allowed = (
                    self.after_ma if negation[0] == "м" else self.after_ba if negation[0] == "б" else self.voiceless
                )
                if stem[-1] in allowed:
                    return stem
        return None

    def active(self, base: str, sure: bool) -> str | None:
        """The active stem of a passive one: енгізіл → енгіз, жасал → жаса, алын → ал, белгілен → белгіле."""
        passive_yl = len(base) >= 4 and base[-1] == "л" and base[-2] in self.high and base[-3] not in self.vowels
        if passive_yl and (sure or base[-3] not in "ңу"):
            return base[:-2]  # -ыл/-іл after a consonant; ауыл, тіл are too short, көңіл-ді a noun
        if base[-1] == "л" and base[-2] in self.vowels and (self.denominal(base[:-1]) or (sure and len(base) >= 5)):
            return base[:-1]  # -л after a vowel: жасал, стандарттал (мысал, материал are nouns)
        if len(base) >= 4 and base[-1] == "н" and base[-2] in self.high and base[-3] == "л":
            return base[:-2]  # -ын/-ін after л: алын, бөлін
        if base[-1] == "н" and self.denominal(base[:-1]) and base[-3] == "л":
            return base[:-1]  # -н after -ла/-ле, -лда/-лде: қабылдан, белгілен
        return None


EXACT_VERBS = VerbSpelling.build(folded=False)
FOLDED_VERBS = VerbSpelling.build(folded=True)


def verb_roots(
    word: str,
    spelling: VerbSpelling,
    acceptable: Callable[[str], bool],
    participles_only: bool = False,
    marked_only: bool = False,
) -> list[str]:
    """The roots ``word`` reads as a verb form to, most likely first; empty when it is no verb form.

    ``participles_only`` for a stem left by stripping case or possessive: only a participle inflects.
    ``marked_only`` keeps only roots with negation, voice or a -ла/-да/-та verb, for when the word
    also reads as a noun (теңгені: теңге-ні rather than тең-ген-і).
    """
    roots: dict[str, int] = {}  # root → rank: negation or voice, then a -ла/-да/-та verb, then the rest
    for ending in spelling.by_last_letter.get(word[-1:], ()):
        if not word.endswith(ending.form) or len(word) - len(ending.form) < spelling.min_base:
            continue
        if participles_only and not ending.inflects:
            continue
        base = word[: -len(ending.form)]
        if len(base) == 2 and base[-1] == "у":
            continue  # ауған is a noun
        if not spelling.base_fits(base, ending.base):
            continue
        sure = ending.mark is Mark.SURE or (
            ending.mark is Mark.SHORT_BASE and ((len(base) <= 3 and "у" not in base) or spelling.derived_verb(base))
        )
        if ending.form in spelling.converb_p and not spelling.converb_base(base, ending.form):
            continue
        rank = 2
        if ending.negatable:
            unnegated = spelling.unnegated(base)
            if unnegated is not None and len(unnegated) >= spelling.min_base and acceptable(unnegated):
                base, rank = unnegated, 0
        active = spelling.active(base, sure or rank == 0 or ending.mark is Mark.SHORT_BASE)
        if active is not None and acceptable(active):
            base, rank = active, 0
        if rank == 2 and spelling.denominal(base):
            rank = 1
        if ending.form[0] in spelling.vowels and not ending.root_vowel:
            base = spelling.restored(base)
        base += ending.root_vowel
        if ending.mark is Mark.MARKED and rank != 0:
            continue
        if (sure or rank < 2) and not (marked_only and rank == 2) and acceptable(base):
            roots[base] = min(rank, roots.get(base, rank))
    # болмады is бол-ма-ды, not болм-а-ды; жасалады жаса-л-а-ды, not жасала-ды; стандарттады стандартта-ды
    return sorted(roots, key=roots.__getitem__)


def verbal_noun(root: str, spelling: VerbSpelling) -> str:
    """The -у noun of a root, the form the term base lists verbs in: стандартта → стандарттау, оқы → оқу."""
    if root[-1] in spelling.high and len(root) > 2 and root[-2] not in spelling.vowels:
        return root[:-1] + "у"
    return root + "у"
