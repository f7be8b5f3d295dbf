"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from kiosk.extensions import db
from tests.databases import fresh_database_url


def test_migrations_match_the_models(tmp_path, monkeypatch):
    from kiosk import create_app

    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path)})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            differences = compare_metadata(context, db.metadata)
    assert differences == [], "models changed without a migration: flask db migrate"


def test_init_db_is_safe_to_run_twice(tmp_path, monkeypatch):
    from kiosk import create_app

    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path)})
    for _ in range(2):
        result = app.test_cli_runner().invoke(args=["init-db"])
        assert result.exit_code == 0, result.output


def test_sqlite_commits_reach_the_disk_before_the_answer(tmp_path, monkeypatch):
    """WAL, so the kiosk reads while a sign-up writes; synchronous FULL (2), so that a
    power cut after a confirmation page loses nothing."""
    from kiosk import create_app

    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'school.sqlite'}"})
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
