"""Each check of `flask check` as a plain function: facts in, findings out."""

from datetime import datetime, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from kiosk.readiness import rules

NOW = datetime(2026, 12, 7, 9, 0)


def checks(findings):
    return [(f.check, f.severity) for f in findings]


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://localhost:8080",
        "http://127.0.0.1:8080",
        "http://10.1.2.3:8080",
        "https://192.168.1.10",
        "http://schoolserver:8080",
        "https://kiosk.local",
        "school.example.org",
    ],
)
def test_a_public_url_that_phones_on_mobile_data_cannot_open_is_an_error(url):
    (finding,) = rules.public_url(url)
    assert finding.severity == rules.ERROR
    assert "KIOSK_PUBLIC_URL" in str(finding.message) and "KIOSK_PUBLIC_URL" in str(finding.fix)


def test_a_public_https_url_is_fine_and_plain_http_is_a_warning():
    assert rules.public_url("https://school.example.org") == []
    assert checks(rules.public_url("http://school.example.org")) == [("public_url", "warning")]
    assert checks(rules.public_url("http://93.184.216.34")) == [("public_url", "warning")]


def test_a_secret_key_made_here_must_be_in_a_backup_made_after_it():
    made = NOW - timedelta(days=3)
    assert "unpairs every kiosk" in str(rules.secret_key(True, made, None)[0].message)
    assert checks(rules.secret_key(True, made, made - timedelta(days=1))) == [
        ("secret_key", "warning")
    ]
    assert rules.secret_key(True, made, made + timedelta(days=1)) == []
    assert rules.secret_key(False, None, None) == []  # SECRET_KEY from the environment


def test_proxy_hops_must_match_the_forwarded_addresses_that_arrive():
    assert rules.proxy_hops(0, []) == []  # no kiosk polled yet: nothing to compare
    assert rules.proxy_hops(0, [0, 0]) == []
    assert rules.proxy_hops(1, [1, 1]) == []
    assert rules.proxy_hops(1, [2]) == []  # the client's own proxy added one
    assert checks(rules.proxy_hops(0, [1])) == [("proxy_hops", "error")]
    assert checks(rules.proxy_hops(1, [0])) == [("proxy_hops", "error")]
    assert checks(rules.proxy_hops(2, [1, 2])) == [("proxy_hops", "error")]


def test_catalogues_not_compiled_are_an_error_and_older_than_their_po_a_warning():
    assert rules.catalogues({"fr": (100.0, 200.0)}) == []
    missing, stale = rules.catalogues({"fr": (100.0, None), "ar": (300.0, 200.0)})
    assert (missing.severity, stale.severity) == ("error", "warning")
    assert "fr" in str(missing.message) and "ar" in str(stale.message)
    assert "pybabel compile" in str(missing.fix)


def test_languages_without_a_voice_are_a_warning():
    (finding,) = rules.voices(["nl", "so", "ti"], {"nl"}, espeak_found=True)
    assert finding.severity == "warning" and "so, ti" in str(finding.message)
    assert rules.voices(["nl"], {"nl"}, espeak_found=True) == []
    (finding,) = rules.voices(["nl"], {"nl"}, espeak_found=False)
    assert "espeak-ng" in str(finding.message)


def test_fonts_missing_for_an_enabled_language_are_a_warning_per_script():
    (finding,) = rules.fonts(["nl", "ar", "ti", "uk"], [])
    assert finding.severity == "warning"
    assert "Arabic, Ethiopic, Cyrillic" in str(finding.message)
    fonts = [
        "NotoSansArabic-Regular.woff2",
        "NotoSansEthiopic-Regular.woff2",
        "NotoSans-Regular.woff2",
    ]
    assert rules.fonts(["nl", "ar", "ti", "uk"], fonts) == []
    assert rules.fonts(["nl", "fr"], []) == []  # Latin only: any font will do


def test_mail_set_but_unreachable_is_an_error_and_none_with_contacts_a_warning():
    assert rules.messaging({"KIOSK_SMTP_URL": True}, contacts_left=5) == []
    (finding,) = rules.messaging({"KIOSK_SMTP_URL": False}, contacts_left=0)
    assert finding.severity == "error" and "KIOSK_SMTP_URL" in str(finding.message)
    (finding,) = rules.messaging({}, contacts_left=3)
    assert finding.severity == "warning" and "call list" in str(finding.fix)
    assert rules.messaging({}, contacts_left=0) == []


def test_no_backup_in_the_last_seven_days_is_an_error():
    assert checks(rules.backup(None, NOW)) == [("backup", "error")]
    assert checks(rules.backup(NOW - timedelta(days=8), NOW)) == [("backup", "error")]
    assert rules.backup(NOW - timedelta(days=1), NOW) == []


def test_less_than_a_gigabyte_free_is_an_error():
    assert checks(rules.disk(500 * 1024**2)) == [("disk", "error")]
    assert rules.disk(5 * 1024**3) == []


def test_a_database_behind_the_code_is_an_error():
    assert checks(rules.migrations(set(), {"abc"})) == [("migrations", "error")]
    assert checks(rules.migrations({"old"}, {"abc"})) == [("migrations", "error")]
    assert rules.migrations({"abc"}, {"abc"}) == []


def test_a_kiosks_poll_report_becomes_its_columns():
    now_ms = int((NOW - datetime(1970, 1, 1)).total_seconds() * 1000)
    args = MultiDict(
        {
            "offline": "insecure",
            "screen": "1080x1920",
            "clock": str(now_ms + 180_000),
            "loaded": str(now_ms + 180_000 - 3_600_000),
        }
    )
    assert rules.kiosk_report(args, "198.51.100.7", NOW) == {
        "forwarded_hops": 1,
        "offline_copy": "insecure",
        "screen": "1080x1920",
        "clock_off_seconds": 180,
        "loaded_at": NOW - timedelta(hours=1),
    }
    nonsense = MultiDict({"offline": "maybe", "screen": "big", "clock": "soon", "loaded": "x"})
    assert rules.kiosk_report(nonsense, None, NOW) == {"forwarded_hops": 0}


def test_a_kiosk_that_cannot_work_offline_is_flagged_with_the_reason_and_the_fix():
    (finding,) = rules.kiosk_problems("insecure", 0, NOW, NOW)
    assert "secure origin" in str(finding.message)
    assert "--unsafely-treat-insecure-origin-as-secure" in str(finding.fix)
    assert "--user-data-dir" in str(finding.fix)
    assert checks(rules.kiosk_problems("unsupported", None, None, NOW)) == [("offline", "warning")]
    assert rules.kiosk_problems("active", None, None, NOW) == []


def test_a_kiosk_clock_off_by_over_two_minutes_or_no_reload_in_30_days_is_flagged():
    assert rules.kiosk_problems("active", 110, NOW - timedelta(days=29), NOW) == []
    clock, reload = rules.kiosk_problems("active", -600, NOW - timedelta(days=31), NOW)
    assert (clock.check, reload.check) == ("clock", "reload")
    assert "10 minutes" in str(clock.message) and "31 days" in str(reload.message)
