"""Who is who: the roles, when a team photo may be shown, and how the kiosk groups people."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from kiosk import spoken_languages


@dataclass(frozen=True)
class Role:
    key: str
    label: object  # a lazy string
    pictogram: str


# In the order the kiosk shows them: a parent looks for the teacher first.
ROLES = {
    role.key: role
    for role in (
        Role("teacher", _l("Teacher"), "talk_teacher"),
        Role("principal", _l("Principal"), "principal"),
        Role("bridge", _l("Bridge figure"), "meeting"),
        Role("care", _l("Care coordinator"), "heart"),
        Role("after_school", _l("After-school care"), "care"),
        Role("kitchen", _l("Kitchen"), "kitchen_staff"),
    )
}
TEACHERS_WITHOUT_CLASS = _l("Teachers")


def needs_class(role: str) -> bool:
    """A teacher is "the teacher of a class": that is how a parent looks for them."""
    return role == "teacher"


def photo_may_be_shown(member) -> bool:
    """A photo, and the confirmation that this person agreed to be shown."""
    return bool(member.photo_key and member.photo_consent_at)


# Kurdish was "ku" in the team's first language list; the shared list says Kurmanji.
OLD_CODES = {"ku": "kmr"}


def language_choices() -> list[tuple[str, str]]:
    """(code, own name) a team member may speak: Dutch first, then the spoken languages."""
    dutch = ("nl", spoken_languages.name_of("nl"))
    return [dutch] + [pair for pair in spoken_languages.LANGUAGES if pair != dutch]


def spoken(codes) -> list[str]:
    """The known languages among `codes`, in the order of `language_choices`."""
    wanted = {OLD_CODES.get(code, code) for code in codes or ()}
    return [code for code, _name in language_choices() if code in wanted]


def named(codes) -> list[dict]:
    """[{"code", "name", "rtl"}] for the known codes, in the order given."""
    return [
        {
            "code": code,
            "name": spoken_languages.name_of(code),
            "rtl": spoken_languages.is_rtl(code),
        }
        for code in (OLD_CODES.get(code, code) for code in codes or ())
        if spoken_languages.is_known(code)
    ]


@dataclass
class Group:
    key: str  # "class:<class key>" or "role:<role>"
    kind: str  # "class" or "role"
    role: Role | None = None
    class_look: object = None  # a photos.classes.ClassLook
    people: list = field(default_factory=list)


def _order(person):
    return (person["position"], person["first_name"].casefold())


def kiosk_groups(people: list[dict], looks: dict) -> list[Group]:
    """Teachers under their class, classes in the school's order; then everyone else by role.

    `people` are the snapshot's dicts (role, class_key, position, first_name);
    `looks` maps a class key to its ClassLook.
    """
    by_class, by_role = {}, {}
    for person in people:
        if person["role"] == "teacher" and person["class_key"] in looks:
            look = looks[person["class_key"]]
            group = by_class.setdefault(
                look.key, Group(f"class:{look.key}", "class", ROLES["teacher"], look)
            )
        else:
            role = ROLES.get(person["role"], ROLES["teacher"])
            group = by_role.setdefault(role.key, Group(f"role:{role.key}", "role", role))
        group.people.append(person)
    groups = sorted(by_class.values(), key=lambda group: group.class_look.order)
    groups += [by_role[key] for key in ROLES if key in by_role]
    for group in groups:
        group.people.sort(key=_order)
    return groups
