"""Parents translate: one-time links for a language, proposals the bridge figure approves,
and how much of the week exists in each language (spec section 10)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.translations import admin, phone, queries

    for module in (phone, admin):
        app.register_blueprint(module.bp)
    parts = registry(app)
    parts.admin_sections.append(("translations_admin.index", _l("Translations"), False))
    parts.dashboard_panels.append(queries.dashboard)
    parts.purgers.append(queries.purge)
