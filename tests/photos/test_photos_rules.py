"""When a class photo may be on screen: plain rules, no app, no database."""

from datetime import datetime, timedelta

from kiosk.photos import rules

NOW = datetime(2025, 3, 10, 8, 30)


def test_may_be_shown_needs_consent_visibility_and_time():
    now = NOW

    class P:
        consent_at = now
        visible = True
        uploaded_at = now - timedelta(days=59)

    assert rules.may_be_shown(P, now, 60)
    P.visible = False
    assert not rules.may_be_shown(P, now, 60)
    P.visible, P.consent_at = True, None
    assert not rules.may_be_shown(P, now, 60)
    P.consent_at, P.uploaded_at = now, now - timedelta(days=60)
    assert not rules.may_be_shown(P, now, 60)
    assert rules.is_expired(P, now, 60)


def test_a_photo_is_purged_from_the_moment_it_leaves_the_screen():
    uploaded = NOW - timedelta(days=60)
    assert rules.expires_at(uploaded, 60) == NOW
    assert rules.expired_before(NOW, 60) == uploaded
