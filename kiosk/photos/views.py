"""Class photos: the kiosk slideshow, its files, and the bridge figure's /admin/photos."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from kiosk import audit
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.i18n import current, pick
from kiosk.photos import classes, rules, storage
from kiosk.photos.forms import (
    PhotoEditForm,
    UploadForm,
    caption_fields,
    captions_from,
    chosen_files,
    fill_captions,
)
from kiosk.photos.models import Photo
from kiosk.photos.processing import MAX_UPLOAD_BYTES, PhotoRejected, process_photo
from kiosk.screens import is_school_screen

bp = Blueprint("photos", __name__)

FOLDER = "photos"
# The newest photos that the kiosk cycles through; older ones wait for their turn.
ON_SCREEN_AT_MOST = 100


def _photo_days():
    return current_app.config["KIOSK_PHOTO_DAYS"]


def _shown_photos():
    """The photos that may be on screen now, newest first."""
    return db.session.scalars(
        db.select(Photo)
        .where(rules.may_be_shown_clause(Photo, utcnow(), _photo_days()))
        .order_by(Photo.uploaded_at.desc(), Photo.id.desc())
        .limit(ON_SCREEN_AT_MOST)
    ).all()


def photos_on_screen(lang):
    """What the kiosk shows: (the photos as the snapshot lists them, their classes in order)."""
    board = classes.board_classes()
    items, looks = [], {}
    for photo in _shown_photos():
        look = classes.look(photo.class_id, photo.class_label, board)
        looks.setdefault(look.key, look)
        caption, caption_lang = pick(photo.captions, lang)
        items.append(
            {
                "id": photo.id,
                "url": url_for("photos.screen_file", key=photo.key),
                "thumbnail_url": url_for("photos.thumbnail_file", key=photo.key),
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


def _snapshot(lang, school_screen):
    """Photos of children only for the school's own screens (spec section 7)."""
    if not school_screen:
        return []
    return photos_on_screen(lang)[0]


# --- the kiosk ---------------------------------------------------------------------


@bp.get("/kiosk/photos")
def kiosk():
    if not is_school_screen(request):
        return render_template("photos/kiosk.html", school_screen=False)
    items, looks = photos_on_screen(current().code)
    chosen = request.args.get("class")
    if chosen not in {look.key for look in looks}:
        chosen = None
    shown = [item for item in items if chosen is None or item["class_key"] == chosen]
    at = min(max(request.args.get("at", 0, type=int), 0), max(len(shown) - 1, 0))
    return render_template(
        "photos/kiosk.html",
        school_screen=True,
        photos=shown,
        class_looks=looks,
        chosen=chosen,
        at=at,
    )


def _kiosk_file(key, kind):
    """A photo's file, only for a school screen and only while it may be shown; else 404."""
    if not is_school_screen(request):
        abort(404)
    photo = db.session.scalar(db.select(Photo).filter_by(key=key))
    if photo is None or not rules.may_be_shown(photo, utcnow(), _photo_days()):
        abort(404)
    return storage.send(FOLDER, key, kind)


@bp.get("/kiosk/photos/screen/<key>.jpg")
def screen_file(key):
    return _kiosk_file(key, "screen")


@bp.get("/kiosk/photos/thumb/<key>.jpg")
def thumbnail_file(key):
    return _kiosk_file(key, "thumbnail")


# --- the bridge figure ---------------------------------------------------------------


def _file_name(upload):
    """The name the bridge figure knows the file by, short enough for a message."""
    name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return name if len(name) <= 80 else name[:77] + "..."


def _store_uploads(form):
    """Process every chosen file; keep the good ones, say why each bad one was refused.

    Returns (photos added, [(file name, reason)]). Nothing of a refused file is
    written; the good ones' files are removed again if the commit fails.
    """
    class_id, class_label = classes.resolve(form.class_name.data)
    captions = captions_from(form)
    now = utcnow()
    added, refused, keys = [], [], []
    for upload in chosen_files(form.photos):
        try:
            # One byte over the limit is enough for process_photo to refuse it.
            processed = process_photo(upload.read(MAX_UPLOAD_BYTES + 1))
        except PhotoRejected as rejection:
            refused.append((_file_name(upload), rejection.message))
            continue
        keys.append(storage.save(FOLDER, processed))
        photo = Photo(
            key=keys[-1],
            class_id=class_id,
            class_label=class_label,
            captions=captions,
            width=processed.width,
            height=processed.height,
            consent_by=current_user.username,
            consent_at=now,
            uploaded_at=now,
        )
        db.session.add(photo)
        added.append(photo)
    if added:
        audit.record(
            "photos.upload",
            class_label,
            f"{len(added)} added, {len(refused)} refused; consent confirmed by "
            f"{current_user.username}",
        )
        try:
            db.session.commit()
        except Exception:
            db.session.rollback()
            for key in keys:
                storage.delete(FOLDER, key)
            raise
    return added, refused


def _admin_groups():
    """Every photo, grouped by class in class order, newest first within a class."""
    board = classes.board_classes()
    now, days = utcnow(), _photo_days()
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


def _class_names():
    used = db.session.scalars(db.select(Photo.class_label).distinct()).all()
    return classes.names(used)


@bp.route("/admin/photos", methods=["GET", "POST"])
@login_required
def admin():
    form = UploadForm()
    refused = []
    if form.validate_on_submit():
        added, refused = _store_uploads(form)
        if added:
            flash(ngettext("%(num)d photo added.", "%(num)d photos added.", len(added)), "success")
            for name, reason in refused:
                flash(_("%(file)s: %(reason)s", file=name, reason=reason), "error")
            return redirect(url_for("photos.admin"))
    return render_template(
        "photos/admin.html",
        form=form,
        captions=caption_fields(form),
        refused=refused,
        groups=_admin_groups(),
        class_names=_class_names(),
        photo_days=_photo_days(),
    )


@bp.route("/admin/photos/<int:photo_id>", methods=["GET", "POST"])
@login_required
def edit(photo_id):
    photo = db.get_or_404(Photo, photo_id)
    form = PhotoEditForm()
    if form.validate_on_submit():
        photo.class_id, photo.class_label = classes.resolve(form.class_name.data)
        photo.captions = captions_from(form)
        audit.record("photos.edit", f"photo {photo.id}", photo.class_label)
        db.session.commit()
        flash(_("Photo saved."), "success")
        return redirect(url_for("photos.admin"))
    if request.method == "GET":
        form.class_name.data = photo.class_label
        fill_captions(form, photo.captions)
    return render_template(
        "photos/edit.html",
        form=form,
        photo=photo,
        captions=caption_fields(form),
        class_names=_class_names(),
    )


@bp.post("/admin/photos/<int:photo_id>/visible")
@login_required
def set_visible(photo_id):
    photo = db.get_or_404(Photo, photo_id)
    photo.visible = request.form.get("visible") == "1"
    audit.record("photos.show" if photo.visible else "photos.hide", f"photo {photo.id}")
    db.session.commit()
    flash(_("The photo is shown again.") if photo.visible else _("The photo is hidden."), "success")
    return redirect(url_for("photos.admin") + f"#photo-{photo.id}")


@bp.post("/admin/photos/<int:photo_id>/delete")
@login_required
def delete(photo_id):
    photo = db.get_or_404(Photo, photo_id)
    key = photo.key
    db.session.delete(photo)
    audit.record("photos.delete", f"photo {photo_id}", photo.class_label)
    db.session.commit()
    storage.delete(FOLDER, key)
    flash(_("The photo is deleted."), "success")
    return redirect(url_for("photos.admin"))


@bp.get("/admin/photos/<int:photo_id>/thumb.jpg")
@login_required
def admin_thumbnail(photo_id):
    """Staff see hidden and expired photos too, to manage them."""
    photo = db.get_or_404(Photo, photo_id)
    return storage.send(FOLDER, photo.key, "thumbnail")


def _dashboard():
    shown = db.session.scalar(
        db.select(db.func.count(Photo.id)).where(
            rules.may_be_shown_clause(Photo, utcnow(), _photo_days())
        )
    )
    return [(_("Photos on the kiosk"), shown, url_for("photos.admin"))]


# --- retention -------------------------------------------------------------------------


def _purge_expired(now, config):
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
