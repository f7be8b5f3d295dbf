from datetime import datetime, timedelta

from kiosk.translations import rules

NOW = datetime(2026, 11, 24, 9, 0)


def test_a_link_is_open_for_fourteen_days_unless_revoked():
    expires = rules.expires_at(NOW)
    assert rules.link_state(expires, None, NOW + timedelta(days=13)) == "open"
    assert rules.link_state(expires, None, NOW + timedelta(days=14)) == "expired"
    assert rules.link_state(expires, NOW, NOW + timedelta(days=1)) == "revoked"


def test_recordings_are_known_by_their_first_bytes():
    assert rules.audio_kind(b"OggS\x00\x02") == "ogg"
    assert rules.audio_kind(b"\x1a\x45\xdf\xa3\x01") == "webm"
    assert rules.audio_kind(b"\x00\x00\x00\x18ftypM4A ") == "m4a"
    assert rules.audio_kind(b"<html>not audio") is None
    assert rules.audio_kind(b"\x89PNG\r\n") is None


def test_a_recording_may_be_thirty_seconds_and_a_megabyte():
    assert rules.recording_problem(200_000, 29.9) is None
    assert rules.recording_problem(200_000, None) is None
    assert rules.recording_problem(200_000, 45) == "long"
    assert rules.recording_problem(rules.MAX_BYTES + 1, None) == "large"


def test_an_item_is_a_kind_and_a_number():
    assert rules.parse_item("notice-12") == ("notice", 12)
    assert rules.parse_item("question-3") == ("question", 3)
    assert rules.parse_item("user-1") is None
    assert rules.parse_item("notice-x") is None
    assert rules.parse_item(None) is None


def test_how_a_text_exists_in_a_language():
    texts = {"nl": "Zwemmen", "so": "Dabaal"}
    assert rules.how_written(texts, "so", phrased=False, by_parent=True) == "parent"
    assert rules.how_written(texts, "so", phrased=False, by_parent=False) == "staff"
    assert rules.how_written(texts, "ti", phrased=False, by_parent=False) is None
    assert rules.how_written(texts, "ti", phrased=True, by_parent=False) == "phrase"
