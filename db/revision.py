"""The schema revision this client's code is written for.

Kept apart from :mod:`db.migrate` so that a start, or a read without the ORM
(:mod:`db.plain_sql`), needs neither Alembic nor SQLAlchemy to know it. A test checks it
equals the head of the migration scripts: update it with every migration.
"""

from __future__ import annotations

HEAD = "0006"
