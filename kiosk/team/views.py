"""Who is who: the team on the kiosk, their photos, and the bridge figure's /admin/team."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from kiosk import audit
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.i18n import current
from kiosk.photos import classes, storage
from kiosk.photos.processing import MAX_UPLOAD_BYTES, PhotoRejected, process_photo
from kiosk.screens import is_school_screen
from kiosk.team import rules
from kiosk.team.forms import TeamMemberForm
from kiosk.team.languages import SPOKEN, named
from kiosk.team.models import TeamMember

bp = Blueprint("team", __name__)

FOLDER = "team"


def _everyone():
    return db.session.scalars(
        db.select(TeamMember).order_by(TeamMember.position, TeamMember.first_name)
    ).all()


def team_on_screen(lang):
    """The team as the snapshot lists it, and the looks of their classes by key."""
    board = classes.board_classes()
    people, looks = [], {}
    for member in _everyone():
        look = None
        if member.class_id is not None or member.class_label:
            look = classes.look(member.class_id, member.class_label, board)
            looks.setdefault(look.key, look)
        role = rules.ROLES.get(member.role, rules.ROLES["teacher"])
        people.append(
            {
                "id": member.id,
                "first_name": member.first_name,
                "role": role.key,
                "role_label": str(role.label),
                "class": look.name if look else None,
                "class_id": look.id if look else None,
                "class_key": look.key if look else None,
                "languages": named(member.languages or []),
                "photo_url": url_for("team.photo_file", key=member.photo_key)
                if rules.photo_may_be_shown(member)
                else None,
                "position": member.position,
            }
        )
    return people, looks


def _snapshot(lang, school_screen):
    """Staff photos and names only for the school's own screens (spec section 7)."""
    return team_on_screen(lang)[0] if school_screen else []


@bp.get("/kiosk/team")
def kiosk():
    if not is_school_screen(request):
        return render_template("team/kiosk.html", school_screen=False)
    people, looks = team_on_screen(current().code)
    return render_template(
        "team/kiosk.html",
        school_screen=True,
        groups=rules.kiosk_groups(people, looks),
        roles=rules.ROLES,
    )


@bp.get("/kiosk/team/photos/<key>.jpg")
def photo_file(key):
    """A team photo: only for a school screen and only with consent; else 404."""
    if not is_school_screen(request):
        abort(404)
    member = db.session.scalar(db.select(TeamMember).filter_by(photo_key=key))
    if member is None or not rules.photo_may_be_shown(member):
        abort(404)
    return storage.send(FOLDER, key, "thumbnail")


# --- the bridge figure -----------------------------------------------------------------


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
    member.languages = [code for code, _name in SPOKEN if code in (form.languages.data or [])]
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
    used = db.session.scalars(db.select(TeamMember.class_label).distinct()).all()
    return render_template(template, form=form, class_names=classes.names(used), **context)


@bp.route("/admin/team", methods=["GET", "POST"])
@login_required
def admin():
    form = TeamMemberForm()
    if request.method == "GET":
        form.position.data = (len(_everyone()) + 1) * 10
    if form.validate_on_submit():
        member = TeamMember()
        saved, old_key, new_photo = _save(form, member)
        if saved:
            db.session.add(member)
            _commit(member, "team.create", old_key, new_photo)
            flash(_("%(name)s is added to Who is who.", name=member.first_name), "success")
            return redirect(url_for("team.admin"))
    return _form_page(
        "team/admin.html", form, people=_everyone(), roles=rules.ROLES, names=dict(SPOKEN)
    )


@bp.route("/admin/team/<int:member_id>", methods=["GET", "POST"])
@login_required
def edit(member_id):
    member = db.get_or_404(TeamMember, member_id)
    form = TeamMemberForm(obj=member if request.method == "GET" else None)
    if request.method == "GET":
        form.class_name.data = member.class_label
    if form.validate_on_submit():
        saved, old_key, new_photo = _save(form, member)
        if saved:
            _commit(member, "team.update", old_key, new_photo)
            flash(_("%(name)s is saved.", name=member.first_name), "success")
            return redirect(url_for("team.admin"))
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
    return redirect(url_for("team.admin"))


def _dashboard():
    count = db.session.scalar(db.select(db.func.count(TeamMember.id)))
    return [(_("People in Who is who"), count, url_for("team.admin"))]


def _leftover_files(now, config):
    """Team photos do not expire; only files that no person refers to any more go."""
    known = set(db.session.scalars(db.select(TeamMember.photo_key)).all())
    return {"team photo files": storage.delete_orphans(FOLDER, known)}
