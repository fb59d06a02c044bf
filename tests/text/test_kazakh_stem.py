import csv

import pytest

from glossary.text.fold import fold
from glossary.text.kazakh_stem import stem_kk, stem_kk_folded
from tests.conftest import shared_path


def _kk_forms():
    with shared_path("nlp", "kk_forms.tsv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return [(row[0], row[1]) for row in rows]


@pytest.mark.slow
def test_every_form_in_the_shared_list_gets_its_stem():
    wrong = [(form, expected, stem_kk(form)) for form, expected in _kk_forms() if stem_kk(form) != expected]
    assert wrong == []


@pytest.mark.slow
def test_every_form_typed_without_kazakh_letters_gets_the_folded_stem():
    wrong = [(form, fold(expected)) for form, expected in _kk_forms() if stem_kk_folded(fold(form)) != fold(expected)]
    assert wrong == []


@pytest.mark.parametrize(
    ("form", "stem"),
    [
        ("ұйымдар", "ұйым"),  # -дар after a nasal
        ("жерлер", "жер"),  # -лер after р
        ("таулар", "тау"),  # -лар after у
        ("кітаптар", "кітап"),  # -тар after a voiceless consonant
        ("адамның", "адам"),  # -ның after м
        ("жердің", "жер"),  # -дің after р
        ("кеңестің", "кеңес"),
        ("адамнан", "адам"),  # ablative -нан after a nasal
        ("жерден", "жер"),
        ("қазақстандағы", "қазақстан"),  # locative + -ғы
        ("саласынан", "сала"),  # px3 + ablative
        ("еліміздің", "ел"),  # px1pl + genitive
        ("кітабы", "кітап"),  # б → п restored
        ("жүрегі", "жүрек"),  # г → к restored
    ],
)
def test_suffix_classes(form, stem):
    assert stem_kk(form) == stem


@pytest.mark.parametrize(
    "word",
    [
        "жерлар",  # back suffix on a front stem: harmony breaks
        "ұйымлар",  # -лар is not licensed after м
        "кітапдар",  # -дар is not licensed after п
        "адамдың",  # -дың is not licensed after м
    ],
)
def test_unlicensed_or_disharmonic_endings_are_kept(word):
    assert stem_kk(word) == word


@pytest.mark.parametrize(
    "word",
    ["стандарттау", "халықаралық", "өндіруші", "қауіпсіз", "ұлттық", "Қазақстан", "ұйым", "ел"],
)
def test_derivational_suffixes_and_short_stems_are_kept(word):
    assert stem_kk(word) == word.lower()


@pytest.mark.parametrize(
    ("form", "stem"),
    [
        ("ИСО-ның", "исо"),
        ("МЭК-тің", "мэк"),
        ("ТК-ға", "тк"),
        ("ГОСТ-тарының", "гост"),
        ("ISO-ның", "iso"),
        ("ИСО’ның", "исо"),  # an apostrophe instead of the hyphen
        ("ИСО‑ның", "исо"),  # a non-breaking hyphen
        ("2020-ның", "2020"),
    ],
)
def test_abbreviation_with_hyphenated_ending(form, stem):
    assert stem_kk(form) == stem


def test_hyphenated_compound_keeps_its_head_and_stems_its_tail():
    assert stem_kk("ғылыми-техникалық") == "ғылыми-техникалық"
    assert stem_kk("ғылыми-зерттеулердің") == "ғылыми-зерттеу"


def test_lexicon_breaks_ties():
    assert stem_kk("кеңесі") != "кеңес"  # without a lexicon, a vowel-final stem is preferred
    assert stem_kk("кеңесі", lexicon={"кеңес"}) == "кеңес"


def test_upper_case_abbreviation_without_hyphen_is_not_stripped():
    assert stem_kk("ТМД") == "тмд"
    assert stem_kk("СТАНДАРТТАРДЫҢ") == "стандарт"


def test_non_kazakh_words_are_lower_cased():
    assert stem_kk("ISO") == "iso"
    assert stem_kk("9001") == "9001"
    assert stem_kk("") == ""


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("бірінші", "бір"),  # an ordinal is its cardinal with the ordinal suffix
        ("үшінші", "үш"),
        ("алтыншы", "алты"),
        ("қырқыншы", "қырық"),
        ("бүгінгі", "бүгін"),  # the attributive -ғы/-гі of an adverb of time
        ("биылғы", "биыл"),
        ("жоғарғы", "жоғары"),
    ],
)
def test_ordinals_and_attributive_adverbs_give_their_base(word, lemma):
    assert stem_kk(word) == lemma


@pytest.mark.parametrize("word", ["еркін", "жарқын", "айқын", "серпін", "Әбішұлы", "әбішұлының"])
def test_adjectives_after_an_unelided_cluster_and_patronymics_stay_whole(word):
    assert stem_kk(word) == {"әбішұлының": "әбішұлы"}.get(word, word.lower())


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("осылай", "осы"), ("былай", "бұл"), ("сонша", "сол"), ("неге", "не"), ("мұндай", "мұндай")],
)
def test_adverbs_of_demonstratives_give_their_pronoun(word, lemma):
    assert stem_kk(word) == lemma


def test_deverbal_nouns_in_yndy_keep_their_final_vowel():
    assert stem_kk("қорытындысында") == "қорытынды"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("маңызды", "маңызды"),  # adjective in -ды, not маңыз + accusative
        ("қажетті", "қажетті"),
        ("кісінің", "кісі"),  # a root's own final і, not px3
        ("орындар", "орын"),  # not ор + px3 + accusative
        ("саудада", "сауда"),  # not сау + locative
        ("маңызы", "маңыз"),  # the noun's own px3 is still cut
        ("орындалды", "орында"),  # a verb built on the stem is still a verb
    ],
)
def test_common_stems_that_end_like_a_suffix_stay_whole(word, lemma):
    assert stem_kk(word) == lemma


def test_common_stems_are_lemma_only_and_leave_search_keys_alone():
    # маңызды keys as маңыз on every side, so the adjective and its noun still meet in search
    assert stem_kk_folded(fold("маңызды")) == stem_kk_folded(fold("маңызы")) == "маныз"


@pytest.mark.parametrize(("word", "lemma"), [("қуаныштымын", "қуанышты"), ("сенімдімін", "сенімді")])
def test_first_person_predicate_after_a_known_adjective(word, lemma):
    assert stem_kk(word) == lemma


@pytest.mark.parametrize(("word", "lemma"), [("36%-ы", "36"), ("58,3%", "58,3"), ("90%-ына", "90"), ("%", "%")])
def test_a_percentage_gives_its_number(word, lemma):
    assert stem_kk(word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"), [("моделін", "модель"), ("королі", "король"), ("материалы", "материал"), ("тілі", "тіл")]
)
def test_a_borrowed_stem_in_l_before_a_front_suffix_gets_its_soft_sign(word, lemma):
    assert stem_kk(word) == lemma


@pytest.mark.parametrize(("word", "lemma"), [("үлесі", "үлес"), ("әріптесі", "әріптес"), ("саласы", "сала")])
def test_nouns_in_es_are_not_read_as_a_vowel_stem_and_sy(word, lemma):
    assert stem_kk(word) == lemma


@pytest.mark.parametrize(("word", "lemma"), [("журналистермен", "журналист"), ("экономистің", "экономист")])
def test_the_t_of_ist_merged_into_a_t_suffix_comes_back(word, lemma):
    assert stem_kk(word) == lemma


def test_a_native_adjective_in_li_is_not_given_a_soft_sign():
    assert not stem_kk("қадірлі").endswith("ь")
