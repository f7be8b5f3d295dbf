"""Fresh databases for tests: SQLite files, or PostgreSQL when TEST_POSTGRESQL_URL is set.

scripts/test runs the whole suite twice: once on SQLite, once on a throw-away
PostgreSQL cluster (scripts/postgres), so that every test holds on both.
"""

import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRESQL = os.environ.get("TEST_POSTGRESQL_URL")


def fresh_database_url(folder) -> str:
    """An empty database of the kind under test."""
    if not POSTGRESQL:
        return f"sqlite:///{folder / f'test-{uuid.uuid4().hex[:8]}.sqlite'}"
    name = f"test_{uuid.uuid4().hex}"
    engine = create_engine(POSTGRESQL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(POSTGRESQL).set(database=name).render_as_string(hide_password=False)


def is_sqlite(url) -> bool:
    return make_url(url).get_backend_name() == "sqlite"
