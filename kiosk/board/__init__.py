"""Where is my child going?: the day plan per class and each child's cards (spec section 2).

The kiosk shows the board and takes the cards tapped there (kiosk.py); the bridge
figure keeps classes, weeks, holidays and children and sees today's counts (admin.py).
"""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.board import admin, kiosk, queries

    app.register_blueprint(kiosk.bp)
    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.snapshot_sections["board"] = queries.snapshot
    parts.purgers.append(queries.purge_choices)
    parts.dashboard_panels.append(admin.dashboard_panel)
    parts.admin_sections.append(("board_admin.admin_index", _l("Board"), False))
    parts.admin_sections.append(("board_admin.today", _l("Noon and after school"), False))
