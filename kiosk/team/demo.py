# ruff: noqa: E501  (one readable line per person)
"""The demo team of a small school, with drawn portraits (no real faces)."""

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.photos import storage
from kiosk.photos.demo import as_upload, demo_classes
from kiosk.photos.processing import process_photo
from kiosk.team.models import TeamMember
from kiosk.team.portraits import Look, draw_portrait

SKIN = [(241, 194, 160), (198, 134, 90), (141, 85, 52), (224, 172, 125), (250, 214, 186)]

# (first name, role, class index or None, languages, look)
PEOPLE = (
    ("Sara", "teacher", 0, ["nl", "fr"], Look(SKIN[0], (120, 70, 30), "long", (230, 111, 81), (255, 232, 214))),
    ("Tom", "teacher", 1, ["nl", "en"], Look(SKIN[4], (70, 50, 40), "short", (42, 157, 143), (214, 240, 236), glasses=True)),
    ("Fatima", "teacher", 2, ["nl", "ar", "fr"], Look(SKIN[3], (70, 90, 160), "scarf", (250, 190, 80), (232, 236, 252))),
    ("Jonas", "teacher", 3, ["nl", "de"], Look(SKIN[1], (30, 25, 20), "curly", (69, 123, 157), (222, 236, 246))),
    ("Marc", "principal", None, ["nl", "fr", "en"], Look(SKIN[0], (150, 150, 150), "short", (38, 70, 83), (236, 236, 230), beard=True)),
    ("Elif", "bridge", None, ["nl", "tr", "en"], Look(SKIN[3], (40, 30, 25), "bun", (131, 56, 236), (240, 228, 252))),
    ("Ana", "care", None, ["nl", "ro", "es"], Look(SKIN[4], (200, 150, 60), "long", (230, 57, 70), (252, 230, 232), glasses=True)),
    ("Olena", "after_school", None, ["uk", "ru", "nl"], Look(SKIN[4], (230, 200, 120), "bun", (244, 162, 97), (255, 240, 220))),
    ("Yusuf", "kitchen", None, ["nl", "ar", "so"], Look(SKIN[2], (25, 20, 20), "short", (255, 255, 255), (225, 240, 225), beard=True)),
)  # fmt: skip


def add(today):
    now = utcnow()
    school_classes = demo_classes()
    for position, (name, role, class_index, languages, look) in enumerate(PEOPLE, start=1):
        class_id, class_label = (
            school_classes[class_index % len(school_classes)]
            if class_index is not None
            else (None, "")
        )
        processed = process_photo(as_upload(draw_portrait(look)))
        db.session.add(
            TeamMember(
                first_name=name,
                role=role,
                class_id=class_id,
                class_label=class_label,
                languages=languages,
                position=position * 10,
                photo_key=storage.save("team", processed),
                photo_consent_by="demo",
                photo_consent_at=now,
            )
        )
