"""What the photo screens read and write in the database, and the files that go with them."""

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import and_

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.i18n import pick
from kiosk.photos import classes, rules, storage
from kiosk.photos.models import Photo

FOLDER = "photos"
# The newest photos that the kiosk cycles through; older ones wait for their turn.
ON_SCREEN_AT_MOST = 100


def photo_days() -> int:
    return current_app.config["KIOSK_PHOTO_DAYS"]


def _may_be_shown_clause(now, days):
    """`rules.may_be_shown` as a WHERE clause: the same three conditions."""
    return and_(
        Photo.consent_at.is_not(None),
        Photo.visible.is_(True),
        Photo.uploaded_at > rules.expired_before(now, days),
    )


def shown_photos():
    """The photos that may be on screen now, newest first."""
    return db.session.scalars(
        db.select(Photo)
        .where(_may_be_shown_clause(utcnow(), photo_days()))
        .order_by(Photo.uploaded_at.desc(), Photo.id.desc())
        .limit(ON_SCREEN_AT_MOST)
    ).all()


def photos_on_screen(lang):
    """What the kiosk shows: (the photos as the snapshot lists them, their classes in order)."""
    board = classes.board_classes()
    items, looks = [], {}
    for photo in shown_photos():
        look = classes.look(photo.class_id, photo.class_label, board)
        looks.setdefault(look.key, look)
        caption, caption_lang = pick(photo.captions, lang)
        items.append(
            {
                "id": photo.id,
                "url": url_for("photos_kiosk.screen_file", key=photo.key),
                "thumbnail_url": url_for("photos_kiosk.thumbnail_file", key=photo.key),
                "width": photo.width,
                "height": photo.height,
                "caption": caption,
                "caption_lang": caption_lang,
                "class": look.name,
                "class_id": look.id,
                "class_key": look.key,
            }
        )
    return items, sorted(looks.values(), key=lambda look: look.order)


def snapshot(lang, school_screen):
    """Photos of children only for the school's own screens (spec section 7)."""
    if not school_screen:
        return []
    return photos_on_screen(lang)[0]


def shown_by_key(key) -> Photo | None:
    """The photo with this file key, if it may be on screen now."""
    photo = db.session.scalar(db.select(Photo).filter_by(key=key))
    if photo is None or not rules.may_be_shown(photo, utcnow(), photo_days()):
        return None
    return photo


def admin_groups():
    """Every photo, grouped by class in class order, newest first within a class."""
    board = classes.board_classes()
    now, days = utcnow(), photo_days()
    groups = {}
    everything = db.session.scalars(
        db.select(Photo).order_by(Photo.uploaded_at.desc(), Photo.id.desc())
    ).all()
    for photo in everything:
        look = classes.look(photo.class_id, photo.class_label, board)
        group = groups.setdefault(look.key, {"look": look, "photos": []})
        group["photos"].append(
            {
                "photo": photo,
                "caption": pick(photo.captions)[0],
                "expired": rules.is_expired(photo, now, days),
                "expires_at": rules.expires_at(photo.uploaded_at, days),
            }
        )
    return sorted(groups.values(), key=lambda group: group["look"].order)


def class_names():
    """The class names to offer while typing: the board's, then those used before."""
    used = db.session.scalars(db.select(Photo.class_label).distinct()).all()
    return classes.names(used)


def dashboard():
    shown = db.session.scalar(
        db.select(db.func.count(Photo.id)).where(_may_be_shown_clause(utcnow(), photo_days()))
    )
    return [(_("Photos on the kiosk"), shown, url_for("photos_admin.admin"))]


def purge_expired(now, config):
    """Expired photos go for good: their rows, then their files."""
    expired = db.session.scalars(
        db.select(Photo).where(
            Photo.uploaded_at <= rules.expired_before(now, config["KIOSK_PHOTO_DAYS"])
        )
    ).all()
    keys = [photo.key for photo in expired]
    for photo in expired:
        db.session.delete(photo)
    db.session.commit()
    for key in keys:
        storage.delete(FOLDER, key)
    known = set(db.session.scalars(db.select(Photo.key)).all())
    storage.delete_orphans(FOLDER, known)
    return {"photos": len(keys)}
