"""Demo class photos: drawn scenes of class life, through the same processing as an upload."""

import io
from datetime import timedelta

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.photos import classes, drawings, storage
from kiosk.photos.models import Photo
from kiosk.photos.processing import process_photo

# Used only while the board has no classes of its own.
FALLBACK_CLASSES = ("K3", "1A", "2A", "4B")

SCENES = (
    (
        drawings.forest_trip,
        {
            "nl": "Onze uitstap naar het bos",
            "en": "Our trip to the forest",
            "fr": "Notre sortie en forêt",
            "ar": "رحلتنا إلى الغابة",
            "tr": "Orman gezimiz",
        },
    ),
    (
        drawings.painting_class,
        {
            "nl": "We schilderen met waterverf",
            "en": "Painting with watercolours",
            "fr": "Nous peignons à l'aquarelle",
            "ar": "نرسم بالألوان المائية",
            "tr": "Sulu boya ile resim yapıyoruz",
        },
    ),
    (
        drawings.block_tower,
        {
            "nl": "De hoogste toren van de klas",
            "en": "The tallest tower in the class",
            "fr": "La plus haute tour de la classe",
            "ar": "أعلى برج في الصف",
            "tr": "Sınıfın en yüksek kulesi",
        },
    ),
    (
        drawings.school_garden,
        {
            "nl": "De zonnebloemen in de schooltuin",
            "en": "The sunflowers in the school garden",
            "fr": "Les tournesols du jardin de l'école",
            "ar": "عباد الشمس في حديقة المدرسة",
            "tr": "Okul bahçesindeki ayçiçekleri",
        },
    ),
    (
        drawings.kites,
        {
            "nl": "Vliegers op de speelplaats",
            "en": "Kites on the playground",
            "fr": "Des cerfs-volants dans la cour",
            "ar": "طائرات ورقية في الملعب",
            "tr": "Oyun bahçesinde uçurtmalar",
        },
    ),
    (
        drawings.drawings_in_the_hall,
        {
            "nl": "Onze tekeningen hangen in de gang",
            "en": "Our drawings in the hallway",
            "fr": "Nos dessins dans le couloir",
            "ar": "رسوماتنا في الممر",
            "tr": "Koridordaki resimlerimiz",
        },
    ),
    (
        drawings.autumn_leaves,
        {
            "nl": "Een collage van herfstbladeren",
            "en": "A collage of autumn leaves",
            "fr": "Un collage de feuilles d'automne",
            "ar": "لوحة من أوراق الخريف",
            "tr": "Sonbahar yapraklarından bir kolaj",
        },
    ),
    (
        drawings.seaside,
        {
            "nl": "Zandkastelen bouwen aan zee",
            "en": "Building sandcastles at the seaside",
            "fr": "Des châteaux de sable à la mer",
            "ar": "بناء قلاع الرمل على شاطئ البحر",
            "tr": "Deniz kenarında kumdan kaleler",
        },
    ),
)


def demo_classes():
    """(class id, name) pairs: the board's demo classes when it made them, else our own names."""
    board = sorted(classes.board_classes().values(), key=lambda look: look.order)
    if board:
        return [(look.id, look.name) for look in board]
    return [(None, name) for name in FALLBACK_CLASSES]


def as_upload(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def add(today):
    now = utcnow()
    school_classes = demo_classes()
    for index, (scene, captions) in enumerate(SCENES):
        processed = process_photo(as_upload(drawings.draw_scene(scene, seed=index)))
        class_id, class_label = school_classes[index % len(school_classes)]
        db.session.add(
            Photo(
                key=storage.save("photos", processed),
                class_id=class_id,
                class_label=class_label,
                captions=captions,
                width=processed.width,
                height=processed.height,
                consent_by="demo",
                consent_at=now,
                uploaded_at=now - timedelta(days=index),
            )
        )
