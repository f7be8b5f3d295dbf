"""Where is my child going?: the day plan per class and each child's cards (spec section 2)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.board import admin, views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.dashboard_panels.append(admin._dashboard)
    parts.admin_sections.append(("board.admin_index", _l("Board"), False))
    parts.admin_sections.append(("board.today", _l("Noon and after school"), False))
    parts.snapshot_sections["board"] = views.board_snapshot
    parts.purgers.append(views.purge_choices)
