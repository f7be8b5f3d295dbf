"""Who is who, decided: the kiosk's groups and the languages a person speaks."""

from kiosk import spoken_languages
from kiosk.photos.classes import ClassLook
from kiosk.team import rules


def test_teachers_come_under_their_class_in_class_order_then_the_roles():
    looks = {
        "10B": ClassLook("10B", "10B", order=(0, ((0, 10, ""), (1, 0, "b")))),
        "2A": ClassLook("2A", "2A", order=(0, ((0, 2, ""), (1, 0, "a")))),
    }

    def person(name, role, class_key=None, position=0):
        return {"first_name": name, "role": role, "class_key": class_key, "position": position}

    groups = rules.kiosk_groups(
        [
            person("Yusuf", "kitchen"),
            person("Tom", "teacher", "10B"),
            person("Marc", "principal"),
            person("Sara", "teacher", "2A", position=2),
            person("Lies", "teacher", "2A", position=1),
            person("Ilse", "teacher"),
        ],
        looks,
    )
    assert [group.key for group in groups] == [
        "class:2A",
        "class:10B",
        "role:teacher",
        "role:principal",
        "role:kitchen",
    ]
    assert [p["first_name"] for p in groups[0].people] == ["Lies", "Sara"]


def test_a_team_member_chooses_from_the_one_list_of_spoken_languages_dutch_first():
    codes = [code for code, _name in rules.language_choices()]
    assert codes[0] == "nl"
    assert sorted(codes) == sorted(code for code, _name in spoken_languages.LANGUAGES)


def test_the_languages_are_kept_in_list_order_and_unknown_ones_dropped():
    assert rules.spoken(["ar", "xx", "nl", "ur"]) == ["nl", "ar", "ur"]
    assert rules.spoken(None) == []


def test_kurdish_from_the_old_team_list_reads_as_kurmanji():
    assert rules.spoken(["ku"]) == ["kmr"]
    assert rules.named(["ku", "ur"]) == [
        {"code": "kmr", "name": "Kurdî (Kurmancî)", "rtl": False},
        {"code": "ur", "name": "اردو", "rtl": True},
    ]
