"""Ready for a real school: `flask check` and the admin's overview say what would fail at
the gate (public URL, secret key, proxy, translations, voices, fonts, mail, backups, disk,
migrations); the kiosks' own reports are flagged in /admin/kiosks."""


def init_app(app):
    from kiosk.readiness import admin, check

    app.cli.add_command(check.check)
    app.add_template_global(admin.dashboard_findings, "readiness_findings")
