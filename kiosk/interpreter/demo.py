"""Demo interpreter requests: one received, one in progress, one arranged."""

from datetime import time, timedelta

from kiosk import status
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.interpreter.models import InterpreterRequest


def add(today):
    def next_weekday(days_ahead):
        day = today + timedelta(days=days_ahead)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    received = InterpreterRequest(
        token=status.new_token(),
        language="ti",
        purpose="care_meeting",
        preferred_times="Dinsdag of donderdag na school",
        reach_by="phone",
        phone="0470000101",
        class_name="2A",
        page_lang="en",
    )
    in_progress = InterpreterRequest(
        token=status.new_token(),
        language="tr",
        purpose="parent_evening",
        preferred_times="Akşam, 18:00'den sonra",
        reach_by="gate",
        page_lang="tr",
        status="in_progress",
        staff_notes="Tolk gevraagd bij het tolkenbureau, wacht op antwoord.",
    )
    arranged = InterpreterRequest(
        token=status.new_token(),
        language="ar",
        purpose="teacher",
        preferred_times="صباح الاثنين",
        reach_by="phone",
        phone="+32470000102",
        class_name="K3",
        page_lang="ar",
        status="arranged",
        meeting_date=next_weekday(7),
        meeting_time=time(15, 45),
        meeting_mode="on_site",
        place={"nl": "Klas K3, bij juf Sara", "ar": "قسم K3، مع المعلمة سارة"},
        closed_at=utcnow(),
    )
    db.session.add_all([received, in_progress, arranged])
