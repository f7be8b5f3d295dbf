"""`waitress-serve wsgi:app` serves Schoolpoort; `flask --app wsgi ...` runs its commands."""

from kiosk import create_app

app = create_app()
