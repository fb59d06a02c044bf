"""Common Kazakh stems that end in letters the suffix rules would cut, kept whole when they are reached.

The suffix rules cannot tell the derivational adjective suffix -ды/-ді/-ты/-ті/-лы/-лі (маңыз →
маңызды "important") from the accusative (маңызды "the importance", object), nor a root's own
final ы/і, -ын, -да or -мен from possessive, case and instrumental endings (кісі "person" is not
кіс + px3, орын "place" not ор + px3 + accusative, сауда "trade" not сау + locative).  Like the
closed-class list, these are high-frequency words of the language from general Kazakh grammar and
dictionaries, not of any one text: a word or one of its nominal analyses found here is the lemma.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD_STEMS = _words(
    # adjectives derived with -ды/-ді/-ты/-ті from nouns ("having X"), dictionary headwords of their own
    "маңызды нақты қажетті тиімді белгілі тұрақты ұтымды дәлелді тиісті міндетті құрметті қымбатты "
    "табысты жергілікті басты атақты белсенді қарқынды мерзімді сенімді қуанышты өзекті лайықты заңды "
    "мәнді көрнекті тәуелді қабілетті қатты күшті мықты сәтті бақытты ақылды білімді жауапты қауіпті "
    "құнды бағалы әсерлі ықпалды беделді дарынды тәжірибелі нәтижелі жемісті сындарлы мазмұнды "
    "мағыналы тиянақты ұқыпты қуатты әділетті ресми "
    # adjectives derived with -лы/-лі that read as л + possessive
    "пайдалы сапалы қолайлы ыңғайлы "
    # nouns and adjectives ending in ы/і (not px3)
    "кісі ескі кіші сары келесі кәрі жалақы отбасы зейнетақы алматы парсы көрші жарты "
    # nouns in -ас/-ес/-ыс/-іс that read as a vowel stem + px3 -сы/-сі (үлес-і, not үле-сі)
    "үлес әріптес бизнес күрес жарыс тартыс шағыс ұрыс "
    # nouns in -ын/-ін/-ың (not px3 + accusative)
    "орын ақын мүсін шағын тегін келін кәсіпорын толқын ағын "
    # nouns in -да/-де/-та/-те, -ға/-ке, -дан, -мен, -п that are not case or converb forms
    "сауда теңге шілде тақта ханзада орда қысқа мектеп өнеркәсіп аудан егемен дала"
)
