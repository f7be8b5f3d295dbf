"""Who is who for the bridge figure: /admin/team, each person with role, class, languages, photo."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from kiosk import audit
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.photos import classes, storage
from kiosk.photos.processing import MAX_UPLOAD_BYTES, PhotoRejected, process_photo
from kiosk.team import queries, rules
from kiosk.team.forms import TeamMemberForm
from kiosk.team.models import TeamMember

bp = Blueprint("team_admin", __name__)

FOLDER = queries.FOLDER


def _save(form, member):
    """Copy the form onto a member: (saved, the key of a photo it replaces, a new photo?).

    Not saved (the reason on the photo field) when the photo cannot be used; a
    replaced or removed photo's files go only after the commit.
    """
    upload = form.chosen_photo()
    processed = None
    if upload:
        try:
            processed = process_photo(upload.read(MAX_UPLOAD_BYTES + 1))
        except PhotoRejected as rejection:
            form.photo.errors.append(rejection.message)
            return False, None, False
    member.first_name = " ".join(form.first_name.data.split())
    member.role = form.role.data
    member.class_id, member.class_label = classes.resolve(form.class_name.data or "")
    member.languages = rules.spoken(form.languages.data)
    member.position = form.position.data or 0
    old_key = None
    if processed or form.remove_photo.data:
        old_key = member.photo_key
        member.photo_key = member.photo_consent_by = member.photo_consent_at = None
    if processed:
        member.photo_key = storage.save(FOLDER, processed)
        member.photo_consent_by = current_user.username
        member.photo_consent_at = utcnow()
    return True, old_key, processed is not None


def _commit(member, action, old_key, new_photo):
    detail = f"role={member.role}"
    if new_photo:
        detail += f"; photo consent confirmed by {member.photo_consent_by}"
    audit.record(action, member.first_name, detail)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        storage.delete(FOLDER, member.photo_key)
        raise
    storage.delete(FOLDER, old_key)


def _form_page(template, form, **context):
    return render_template(template, form=form, class_names=queries.class_names(), **context)


@bp.route("/admin/team", methods=["GET", "POST"])
@login_required
def admin():
    form = TeamMemberForm()
    if request.method == "GET":
        form.position.data = (len(queries.everyone()) + 1) * 10
    if form.validate_on_submit():
        member = TeamMember()
        saved, old_key, new_photo = _save(form, member)
        if saved:
            db.session.add(member)
            _commit(member, "team.create", old_key, new_photo)
            flash(_("%(name)s is added to Who is who.", name=member.first_name), "success")
            return redirect(url_for("team_admin.admin"))
    return _form_page(
        "team/admin.html", form, people=queries.everyone(), roles=rules.ROLES, named=rules.named
    )


@bp.route("/admin/team/<int:member_id>", methods=["GET", "POST"])
@login_required
def edit(member_id):
    member = db.get_or_404(TeamMember, member_id)
    form = TeamMemberForm(obj=member if request.method == "GET" else None)
    if request.method == "GET":
        form.class_name.data = member.class_label
        form.languages.data = rules.spoken(member.languages)
    if form.validate_on_submit():
        saved, old_key, new_photo = _save(form, member)
        if saved:
            _commit(member, "team.update", old_key, new_photo)
            flash(_("%(name)s is saved.", name=member.first_name), "success")
            return redirect(url_for("team_admin.admin"))
    return _form_page("team/edit.html", form, member=member)


@bp.post("/admin/team/<int:member_id>/delete")
@login_required
def delete(member_id):
    member = db.get_or_404(TeamMember, member_id)
    key, name = member.photo_key, member.first_name
    db.session.delete(member)
    audit.record("team.delete", name)
    db.session.commit()
    storage.delete(FOLDER, key)
    flash(_("%(name)s is removed from Who is who.", name=name), "success")
    return redirect(url_for("team_admin.admin"))
