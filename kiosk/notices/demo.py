# ruff: noqa: E501  (one line per translation reads best)
"""A realistic school week of notices for `flask demo`, in nl, en, fr, ar and tr."""

import uuid
from datetime import timedelta

from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice, UnderstandingTap

# (day of the week: 0 Monday ... or None for all week, pictograms, short texts, longer texts)
THIS_WEEK = (
    (
        None,
        ["reading_home"],
        {
            "nl": "Lees elke dag 10 minuten samen met je kind.",
            "en": "Read together with your child for 10 minutes every day.",
            "fr": "Lisez 10 minutes par jour avec votre enfant.",
            "ar": "اقرؤوا مع طفلكم 10 دقائق كل يوم.",
            "tr": "Her gün çocuğunuzla 10 dakika birlikte okuyun.",
        },
        {
            "nl": "Een boek uit de klasbibliotheek, in het Nederlands of in je eigen taal: "
            "allebei goed.",
            "en": "A book from the class library, in Dutch or in your own language: both are good.",
            "fr": "Un livre de la bibliothèque de la classe, en néerlandais ou dans votre langue : "
            "les deux sont bien.",
            "ar": "كتاب من مكتبة الصف، بالهولندية أو بلغتكم: الاثنان جيدان.",
            "tr": "Sınıf kütüphanesinden bir kitap, Felemenkçe ya da kendi dilinizde: ikisi de olur.",
        },
    ),
    (
        0,
        ["swimming", "swim_gear"],
        {
            "nl": "Zwemmen voor het 3de en 4de leerjaar. Zwemgerief meebrengen.",
            "en": "Swimming for years 3 and 4. Bring swimming things.",
            "fr": "Piscine pour la 3e et la 4e année. Apportez maillot et serviette.",
            "ar": "سباحة للسنة الثالثة والرابعة. أحضروا ملابس السباحة والمنشفة.",
            "tr": "3. ve 4. sınıflar için yüzme. Mayo ve havlu getirin.",
        },
        {},
    ),
    (
        1,
        ["lice_check"],
        {
            "nl": "Luizencontrole in alle klassen. Liever geen gel in het haar.",
            "en": "Lice check in every class. Please no gel in the hair.",
            "fr": "Contrôle des poux dans toutes les classes. Pas de gel dans les cheveux.",
            "ar": "فحص القمل في كل الصفوف. من فضلكم بدون جل في الشعر.",
            "tr": "Bütün sınıflarda bit kontrolü. Lütfen saça jöle sürmeyin.",
        },
        {},
    ),
    (
        2,
        ["half_day", "care"],
        {
            "nl": "De school eindigt om 12.05 uur. Opvang tot 18 uur.",
            "en": "School ends at 12:05. After-school care until 6 pm.",
            "fr": "L'école se termine à 12h05. Garderie jusqu'à 18h.",
            "ar": "تنتهي المدرسة الساعة 12:05. الرعاية بعد المدرسة حتى الساعة 6 مساءً.",
            "tr": "Okul saat 12.05'te biter. Okul sonrası bakım saat 18.00'e kadar.",
        },
        {},
    ),
    (
        3,
        ["forest_trip", "rain_clothes", "lunch_box"],
        {
            "nl": "Bosuitstap voor de kleuters. Regenkleren, laarzen en een brooddoos meebrengen.",
            "en": "Forest trip for the nursery classes. Bring rain clothes, boots and a lunch box.",
            "fr": "Sortie en forêt pour les maternelles. Vêtements de pluie, bottes et boîte à "
            "tartines.",
            "ar": "رحلة إلى الغابة لأطفال الروضة. أحضروا ملابس المطر والحذاء الطويل وعلبة الطعام.",
            "tr": "Anaokulu sınıfları için orman gezisi. Yağmurluk, çizme ve beslenme kutusu getirin.",
        },
        {
            "nl": "We vertrekken om 9 uur en zijn terug om 15 uur. Naam op de brooddoos, aub.",
            "en": "We leave at 9 and are back at 3 pm. Please write the name on the lunch box.",
            "fr": "Départ à 9h, retour à 15h. Mettez le nom sur la boîte à tartines, svp.",
            "ar": "ننطلق الساعة 9 ونعود الساعة 3 مساءً. اكتبوا الاسم على علبة الطعام من فضلكم.",
            "tr": "Saat 9'da çıkıp 15'te dönüyoruz. Lütfen beslenme kutusuna adını yazın.",
        },
    ),
    (
        4,
        ["parent_cafe"],
        {
            "nl": "Oudercafé om 8.45 uur in de refter. Iedereen welkom, ook met kleine kinderen.",
            "en": "Parent café at 8:45 in the dining hall. Everyone welcome, small children too.",
            "fr": "Café des parents à 8h45 au réfectoire. Bienvenue à tous, petits enfants aussi.",
            "ar": "مقهى الأولياء الساعة 8:45 في قاعة الطعام. الجميع مرحب بهم، والأطفال الصغار أيضًا.",
            "tr": "Veli kafesi saat 8.45'te yemekhanede. Herkes davetli, küçük çocuklar da.",
        },
        {},
    ),
    (
        4,
        ["money", "permission_slip"],
        {
            "nl": "Geef 5 euro en het getekende briefje mee voor de uitstap naar de zoo.",
            "en": "Give 5 euros and the signed form for the trip to the zoo.",
            "fr": "Donnez 5 euros et le papier signé pour la sortie au zoo.",
            "ar": "أعطوا 5 يوروهات والورقة الموقعة لرحلة حديقة الحيوانات.",
            "tr": "Hayvanat bahçesi gezisi için 5 euro ve imzalı kâğıdı gönderin.",
        },
        {},
    ),
)

NEXT_WEEK = (
    (
        1,
        ["excursion_bus", "zoo"],
        {
            "nl": "Uitstap naar de zoo met de bus. Vertrek 8.30 uur, terug 15.30 uur.",
            "en": "Trip to the zoo by bus. Leaving at 8:30, back at 15:30.",
            "fr": "Sortie au zoo en bus. Départ 8h30, retour 15h30.",
            "ar": "رحلة إلى حديقة الحيوانات بالحافلة. الانطلاق 8:30، والعودة 15:30.",
            "tr": "Otobüsle hayvanat bahçesi gezisi. Kalkış 8.30, dönüş 15.30.",
        },
        {},
    ),
    # No school that Friday: the study day is in the school calendar (kiosk/board/demo.py),
    # which makes its "no school" notice in every language. This one adds what it does not say.
    (
        4,
        ["care"],
        {
            "nl": "Opvang op aanvraag tijdens de studiedag. Vraag het aan de juf.",
            "en": "Childcare on request during the teacher training day. Ask the teacher.",
            "fr": "Garderie sur demande pendant la journée pédagogique. Demandez à l'institutrice.",
            "ar": "رعاية الأطفال عند الطلب خلال يوم تكوين المعلمين. اسألوا المعلمة.",
            "tr": "Öğretmen eğitim gününde istek üzerine çocuk bakımı. Öğretmene sorun.",
        },
        {},
    ),
)

# Some anonymous taps, so the admin's "worst understood" list has something to show:
# (index in THIS_WEEK, language, understood, not clear).
TAPS = ((2, "ar", 1, 3), (2, "nl", 5, 0), (4, "tr", 2, 0), (4, "fr", 1, 1), (1, "en", 3, 0))


def _add_week(week, items):
    added = []
    for position, (weekday, keys, texts, details) in enumerate(items, start=1):
        day = None if weekday is None else week + timedelta(days=weekday)
        notice = Notice(
            week=week, day=day, position=position, pictograms=keys, texts=texts, details=details
        )
        db.session.add(notice)
        added.append(notice)
    return added


def add(today):
    week = rules.this_week(today)  # the week the kiosk shows as "this week"
    this_week = _add_week(week, THIS_WEEK)
    _add_week(week + timedelta(weeks=1), NEXT_WEEK)
    db.session.flush()
    for index, lang, understood, unclear in TAPS:
        for answer, count in (("understood", understood), ("unclear", unclear)):
            for _ in range(count):
                db.session.add(
                    UnderstandingTap(
                        tap_id=str(uuid.uuid4()),
                        notice_id=this_week[index].id,
                        answer=answer,
                        lang=lang,
                        kiosk="gate",
                    )
                )
