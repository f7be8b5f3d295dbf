"""Reaching parents afterwards: reminders and answers by e-mail, SMS or a call (spec section 12).

Other capabilities write to the outbox (queries.py) in the transaction of the cause;
`flask send-due` and the server's minute loop (sending.py) send what is due.
"""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.reminders import admin, queries, sending

    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.purgers.append(queries.purge)
    parts.dashboard_panels.append(admin.dashboard)
    parts.admin_sections.append(("reminders_admin.index", _l("Messages to parents"), False))
    app.cli.add_command(sending.send_due_command)
