"""Staff logins, decided: the lockout's numbers and what makes a password good enough.

The limit of spec section 9: 10 failures per user name and address in 15 minutes. A
browser that has logged in as that user before is counted on its own, so a flood of
wrong passwords from elsewhere (behind a tunnel, every request is 127.0.0.1) never keeps
the real user out.
"""

from datetime import timedelta

from flask_babel import lazy_gettext as _l

MAX_FAILURES = 10
WINDOW = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12


def is_locked_out(recent_failures: int) -> bool:
    return recent_failures >= MAX_FAILURES


def password_problem(password: str, username: str = "") -> str | None:
    """Why this password will not do, or None: too short, or common or guessable
    (zxcvbn's lists of common passwords, words, names, keyboard runs and repeats)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return str(_l("At least 12 characters, please."))
    # Here, not at the top: its word lists take a server's memory for a rare admin task.
    from zxcvbn import zxcvbn

    if zxcvbn(password[:100], user_inputs=[username, "schoolpoort", "school"])["score"] < 3:
        return str(_l("This password is too easy to guess. Try a few unrelated words."))
    return None
