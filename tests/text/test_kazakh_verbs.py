"""Kazakh verb forms: the stemmer finds their roots, search and recognition meet verbal-noun terms in them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary.model import Concept, LanguageSection, Term
from glossary.search.index import build_index, meta_kk_lexicon, read_meta, termbase_kk_lexicon
from glossary.search.searcher import Searcher
from glossary.termbase.load import load_termbase
from glossary.text import stem_kk, stem_kk_folded
from glossary.text.fold import fold
from glossary.text.tokens import folded_key, kazakh_lexicon
from glossary.tools.recognize import Recognizer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "nlp"
#: tests/fixtures/nlp/kk_verb_forms.tsv, written before the verb rules were tuned: 152/177 (85.9%).
VERB_FORMS_FLOOR = 0.85


def _verb_forms() -> list[tuple[str, str, str]]:
    with (FIXTURES / "kk_verb_forms.tsv").open(encoding="utf-8") as handle:
        return [(row[0], row[1], row[2]) for row in csv.reader(handle, delimiter="\t") if row and row[0][0] != "#"]


def test_the_verb_forms_list_covers_every_category_and_reaches_its_floor() -> None:
    forms = _verb_forms()
    categories = {category.split(".")[0].split("+")[0] for _, _, category in forms}
    assert {"past", "ptcp", "pres", "fut", "neg", "cvb", "cond", "opt", "caus", "vn", "noun"} <= categories
    assert len(forms) >= 150
    right = sum(stem_kk(form) == expected for form, expected, _ in forms)
    assert right / len(forms) >= VERB_FORMS_FLOOR


@pytest.mark.parametrize(
    ("form", "root"),
    [
        ("стандартталған", "стандартта"),  # participle, passive
        ("сертификатталды", "сертификатта"),  # past, passive
        ("аккредиттелген", "аккредитте"),
        ("үйлестірілетін", "үйлестір"),  # habitual participle, passive; the causative stays
        ("бекітілмеген", "бекіт"),  # negation
        ("жасалғанын", "жаса"),  # participle with possessive and accusative
        ("қабылдайды", "қабылда"),  # present
        ("енгізіп", "енгіз"),  # converb
        ("болғалы", "бол"),
        ("болмады", "бол"),
        ("бардық", "бар"),  # past 1st plural after р (the noun suffix would be бар-лық)
        ("қабылдадық", "қабылда"),
        ("тұрмын", "тұр"),  # present 1st person after р й у л
        ("отырмыз", "отыр"),
        ("келмей", "кел"),  # negative converb
        ("кетіпті", "кет"),  # evidential past
        ("жатсам", "жат"),  # conditional with person
        ("берсек", "бер"),
        ("білейік", "біл"),  # imperative 1st plural
        ("дамыды", "дамы"),
        ("ойлайды", "ойла"),  # present of a -ла verb
        ("тұрғандай", "тұр"),  # participle with the equative "as if"
        ("алмайтындай", "ал"),
        ("оқитын", "оқы"),  # ы + й written и
        ("қамтиды", "қамты"),  # past after a vowel: not an accusative (that is -ны)
        ("дамытатын", "дамыт"),  # habitual participle of a causative or reciprocal stem
        ("жалғастыратын", "жалғастыр"),
        ("қатынасатын", "қатынас"),
        ("білінбей", "біл"),  # passive and negation
        ("деп", "де"),  # auxiliaries of the closed class
        ("боп", "бол"),  # the spoken contraction of болып
        ("еді", "е"),
    ],
)
def test_a_verb_form_stems_to_its_root(form: str, root: str) -> None:
    assert stem_kk(form) == root


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("мысалды", "мысал"),  # -ды is the accusative, мысал no passive
        ("материалды", "материал"),
        ("талап", "талап"),  # not a converb in -п
        ("тәртіп", "тәртіп"),  # nor in -іп
        ("тауар", "тауар"),  # not a future in -ар
        ("тармақ", "тармақ"),  # nor in -мақ
        ("нәрсе", "нәрсе"),  # not a conditional
        ("мемлекетін", "мемлекет"),  # мемлекет-і-н, not a habitual participle in -етін
        ("ресурсын", "ресурс"),  # not an optative in -сын
        ("ынтымақтастық", "ынтымақтастық"),  # -тық after a voiceless consonant is the noun suffix
        ("құлдық", "құлдық"),  # and -дық after л
        ("барлық", "барлық"),
        ("ешқандай", "ешқандай"),  # a pronoun of the closed class, not еш-қан-дай
        ("тәртіпті", "тәртіп"),  # not тәрт-іпті
        ("методы", "метод"),  # a loan's px3, not мето-ды
        ("жігітін", "жігіт"),  # not жігі-т-етін
        ("суретін", "сурет"),
        ("жағдай", "жағдай"),  # no negation: not a converb in -й
        ("деңгейді", "деңгей"),
        ("жаппай", "жаппай"),  # an adverb of the closed class
    ],
)
def test_nouns_that_end_like_verbs_stay_nouns(word: str, stem: str) -> None:
    assert stem_kk(word) == stem


def test_verbal_nouns_keep_their_own_lemma() -> None:
    assert [stem_kk(w) for w in ("стандарттау", "стандарттауды", "үйлестіруге")] == [
        "стандарттау",
        "стандарттау",
        "үйлестіру",
    ]


@pytest.mark.parametrize(
    ("term", "forms"),
    [
        ("стандарттау", ["стандартталған", "стандартталды", "стандарттайды", "стандартталмаған", "стандарттаудың"]),
        ("сертификаттау", ["сертификатталды", "сертификатталатын", "sertifikattaldy"]),
        ("аккредиттеу", ["аккредиттелген", "аккредиттелді"]),
        ("үйлестіру", ["үйлестірілетін", "үйлестіреді", "уйлестирилетин"]),
        ("жасалған", ["жасалғанын", "жасалғаны"]),  # a participle term in its forms
    ],
)
def test_a_verbal_noun_term_shares_its_search_key_with_its_verb_forms(term: str, forms: list[str]) -> None:
    assert {form: folded_key(form, "kk") for form in forms} == dict.fromkeys(forms, folded_key(term, "kk"))


def test_the_lexicon_picks_the_stem_the_term_base_knows() -> None:
    lexicon = kazakh_lexicon(["Ұлттық кеңес", "орган"])
    assert (stem_kk("кеңесі"), stem_kk("кеңесі", lexicon)) == ("кеңе", "кеңес")
    assert (stem_kk("органы"), stem_kk("органы", lexicon)) == ("орга", "орган")
    assert stem_kk_folded(fold("кеңесі"), lexicon) == "кенес"
    assert folded_key("органы", "kk", lexicon) == folded_key("орган", "kk", lexicon) == "орган"
    assert folded_key("кеңесі", "kk", lexicon) == folded_key("кеңес", "kk", lexicon)


def _concept(concept_id: str, *terms: str) -> Concept:
    return Concept(concept_id, languages={"kk": LanguageSection("kk", tuple(Term(t) for t in terms))})


def test_the_recognizer_finds_verbal_noun_terms_in_their_verb_forms() -> None:
    recognizer = Recognizer.from_concepts(
        [
            _concept("standardization", "стандарттау"),
            _concept("certification", "сертификаттау"),
            _concept("accreditation", "аккредиттеу"),
            _concept("coordination", "үйлестіру"),
            _concept("council", "кеңес"),
        ],
        "kk",
    )
    text = (
        "Өнім стандартталған, кейін сертификатталды. Зертхана аккредиттелген, "
        "жұмысы үйлестірілетін болады. Кеңесі шешім қабылдады."
    )
    found = [(o.surface, o.concept_id) for o in recognizer.find(text)]
    assert found == [
        ("стандартталған", "standardization"),
        ("сертификатталды", "certification"),
        ("аккредиттелген", "accreditation"),
        ("үйлестірілетін", "coordination"),
        ("Кеңесі", "council"),
    ]


@pytest.fixture(scope="module")
def generation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(load_termbase(FIXTURES / "verbs-termbase"), tmp_path_factory.mktemp("verbs-index"))


@pytest.fixture(scope="module")
def searcher(generation: Path) -> Searcher:
    return Searcher(generation.parent)


@pytest.mark.parametrize(
    ("query", "concept_id"),
    [
        ("стандартталған", "standardization"),
        ("стандартталды", "standardization"),
        ("сертификатталды", "certification"),
        ("аккредиттелген", "accreditation"),
        ("үйлестірілетін", "coordination"),
        ("standarttalghan", "standardization"),
    ],
)
def test_search_finds_a_verbal_noun_term_by_its_verb_form(searcher: Searcher, query: str, concept_id: str) -> None:
    hits = searcher.search(query).hits
    assert [hit.concept.id for hit in hits][:1] == [concept_id]


def test_the_index_stores_the_lexicon_its_keys_were_made_with(generation: Path) -> None:
    stored = read_meta(generation)["kk_lexicon"]
    assert stored == sorted(stored)  # deterministic
    assert {"кеңес", "кенес", "орган", "стандарттау"} <= set(stored)
    # read back, it is the very object the build used: the per-word caches compare it by identity
    assert meta_kk_lexicon(read_meta(generation)) is termbase_kk_lexicon(load_termbase(FIXTURES / "verbs-termbase"))


@pytest.mark.parametrize(("query", "concept_id"), [("кеңесі", "council"), ("органы", "body"), ("Кеңесін", "council")])
def test_search_cuts_an_ambiguous_form_at_the_stem_the_term_base_knows(
    searcher: Searcher, query: str, concept_id: str
) -> None:
    """Without the lexicon кеңесі is cut to кеңе and found only by fuzzy matching."""
    hits = searcher.search(query).hits
    assert [(hit.concept.id, hit.matched.how) for hit in hits][:1] in (
        [(concept_id, "lemma")],
        [(concept_id, "folded")],
    )
