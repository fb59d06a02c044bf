from glossary.text.fold import fold


def test_kazakh_letters_fold_onto_russian_keyboard_letters():
    assert fold("ӘҒҚҢӨҰҮҺІЁ") == "агкноуухие"


def test_kazakh_word_typed_on_a_russian_keyboard_matches():
    assert fold("Халықаралық") == fold("халыкаралык") == "халыкаралык"


def test_loanword_letters_fold_so_latin_spellings_can_meet_them():
    assert fold("сертификация") == fold("сертификатсия")
    assert fold("экономика") == "економика"
    assert fold("модель") == "модел"
    assert fold("сый") == fold("сыи")  # й and и are both "i" in Latin
    assert fold("Англия") == "англииа" == fold("англииа")  # я is "ia"


def test_other_text_is_only_lower_cased():
    assert fold("ISO 9001:2015") == "iso 9001:2015"
    assert fold("") == ""
