"""The shared list of spoken languages: own names, the common ones first, a lookup."""

from kiosk import spoken_languages

FLANDERS_FIRST = [
    "ar", "tr", "ber", "pl", "ro", "bg", "uk", "ru", "so", "ti",
    "prs", "ps", "fa", "kmr", "sq", "es", "pt", "fr", "en",
]  # fmt: skip


def test_at_least_40_languages_each_once_with_a_label_for_staff():
    codes = [code for code, _name in spoken_languages.LANGUAGES]
    assert len(codes) >= 40
    assert len(set(codes)) == len(codes)
    assert set(codes) == set(spoken_languages.LABELS)
    assert all(name.strip() for _code, name in spoken_languages.LANGUAGES)


def test_the_languages_of_newcomer_families_in_flanders_come_first():
    first = [code for code, _name in spoken_languages.most_asked()]
    assert set(FLANDERS_FIRST) <= set(first)
    positions = [first.index(code) for code in FLANDERS_FIRST]
    assert positions == sorted(positions)


def test_names_are_in_their_own_script():
    assert spoken_languages.name_of("ar") == "العربية"
    assert spoken_languages.name_of("ti") == "ትግርኛ"
    assert spoken_languages.name_of("uk") == "Українська"
    assert "ⵜⴰⵎⴰⵣⵉⵖⵜ" in spoken_languages.name_of("ber")
    assert spoken_languages.is_rtl("fa") and spoken_languages.is_rtl("prs")
    assert not spoken_languages.is_rtl("tr")


def test_lookup_of_an_unknown_code_gives_the_code_back():
    assert not spoken_languages.is_known("xx")
    assert spoken_languages.name_of("xx") == "xx"
    assert spoken_languages.name_of(None) == ""


def test_labels_for_staff_follow_the_interface_language(app):
    with app.test_request_context("/admin/?lang=en"):
        assert spoken_languages.label_of("ti") == "Tigrinya"


def test_exclude_leaves_a_language_out_of_both_parts():
    everything = spoken_languages.most_asked() + spoken_languages.others()
    assert everything == list(spoken_languages.LANGUAGES)
    without_dutch = spoken_languages.most_asked(("nl",)) + spoken_languages.others(("nl",))
    assert ("nl", "Nederlands") not in without_dutch
    assert len(without_dutch) == len(everything) - 1
