"""Class photos for the bridge figure: /admin/photos, upload with consent, edit, hide, delete."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from kiosk import audit
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.forms import fill_texts, text_fields, texts_from
from kiosk.photos import classes, queries, storage
from kiosk.photos.forms import CAPTION, PhotoEditForm, UploadForm, chosen_files
from kiosk.photos.models import Photo
from kiosk.photos.processing import MAX_UPLOAD_BYTES, PhotoRejected, process_photo

bp = Blueprint("photos_admin", __name__)

FOLDER = queries.FOLDER


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
    captions = texts_from(form, CAPTION)
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
            return redirect(url_for("photos_admin.admin"))
    return render_template(
        "photos/admin.html",
        form=form,
        captions=text_fields(form, CAPTION),
        refused=refused,
        groups=queries.admin_groups(),
        class_names=queries.class_names(),
        photo_days=queries.photo_days(),
    )


@bp.route("/admin/photos/<int:photo_id>", methods=["GET", "POST"])
@login_required
def edit(photo_id):
    photo = db.get_or_404(Photo, photo_id)
    form = PhotoEditForm()
    if form.validate_on_submit():
        photo.class_id, photo.class_label = classes.resolve(form.class_name.data)
        photo.captions = texts_from(form, CAPTION)
        audit.record("photos.edit", f"photo {photo.id}", photo.class_label)
        db.session.commit()
        flash(_("Photo saved."), "success")
        return redirect(url_for("photos_admin.admin"))
    if request.method == "GET":
        form.class_name.data = photo.class_label
        fill_texts(form, CAPTION, photo.captions)
    return render_template(
        "photos/edit.html",
        form=form,
        photo=photo,
        captions=text_fields(form, CAPTION),
        class_names=queries.class_names(),
    )


@bp.post("/admin/photos/<int:photo_id>/visible")
@login_required
def set_visible(photo_id):
    photo = db.get_or_404(Photo, photo_id)
    photo.visible = request.form.get("visible") == "1"
    audit.record("photos.show" if photo.visible else "photos.hide", f"photo {photo.id}")
    db.session.commit()
    flash(_("The photo is shown again.") if photo.visible else _("The photo is hidden."), "success")
    return redirect(url_for("photos_admin.admin") + f"#photo-{photo.id}")


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
    return redirect(url_for("photos_admin.admin"))


@bp.get("/admin/photos/<int:photo_id>/thumb.jpg")
@login_required
def admin_thumbnail(photo_id):
    """Staff see hidden and expired photos too, to manage them."""
    photo = db.get_or_404(Photo, photo_id)
    return storage.send(FOLDER, photo.key, "thumbnail")
