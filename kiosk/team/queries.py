"""What the Who-is-who screens read and write in the database, and the photo files."""

from flask import url_for
from flask_babel import gettext as _

from kiosk.extensions import db
from kiosk.photos import classes, storage
from kiosk.team import rules
from kiosk.team.models import TeamMember

FOLDER = "team"


def everyone():
    return db.session.scalars(
        db.select(TeamMember).order_by(TeamMember.position, TeamMember.first_name)
    ).all()


def team_on_screen(lang):
    """The team as the snapshot lists it, and the looks of their classes by key."""
    board = classes.board_classes()
    people, looks = [], {}
    for member in everyone():
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
                "languages": rules.named(member.languages),
                "photo_url": url_for("team_kiosk.photo_file", key=member.photo_key)
                if rules.photo_may_be_shown(member)
                else None,
                "position": member.position,
            }
        )
    return people, looks


def snapshot(lang, school_screen):
    """Staff photos and names only for the school's own screens (spec section 7)."""
    return team_on_screen(lang)[0] if school_screen else []


def with_shown_photo(key) -> TeamMember | None:
    """The person whose photo has this key, if it may be shown."""
    member = db.session.scalar(db.select(TeamMember).filter_by(photo_key=key))
    return member if member is not None and rules.photo_may_be_shown(member) else None


def class_names():
    """The class names to offer while typing: the board's, then those used before."""
    used = db.session.scalars(db.select(TeamMember.class_label).distinct()).all()
    return classes.names(used)


def dashboard():
    count = db.session.scalar(db.select(db.func.count(TeamMember.id)))
    return [(_("People in Who is who"), count, url_for("team_admin.admin"))]


def leftover_files(now, config):
    """Team photos do not expire; only files that no person refers to any more go."""
    known = set(db.session.scalars(db.select(TeamMember.photo_key)).all())
    return {"team photo files": storage.delete_orphans(FOLDER, known)}
