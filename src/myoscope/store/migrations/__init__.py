"""Alembic migrations of the myoscope database (run by :func:`myoscope.store.upgrade`)."""
