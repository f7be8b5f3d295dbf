"""When a class photo may be on screen, and when it is gone for good."""

from datetime import datetime, timedelta


def expires_at(uploaded_at: datetime, photo_days: int) -> datetime:
    """The moment a photo leaves the kiosk (and purge deletes it): KIOSK_PHOTO_DAYS after upload."""
    return uploaded_at + timedelta(days=photo_days)


def may_be_shown(photo, now: datetime, photo_days: int) -> bool:
    """Consent confirmed, not hidden by the bridge figure, not expired."""
    return (
        photo.consent_at is not None
        and photo.visible
        and now < expires_at(photo.uploaded_at, photo_days)
    )


def is_expired(photo, now: datetime, photo_days: int) -> bool:
    return now >= expires_at(photo.uploaded_at, photo_days)


def expired_before(now: datetime, photo_days: int) -> datetime:
    """Photos uploaded before this moment are expired: purge deletes them."""
    return now - timedelta(days=photo_days)
