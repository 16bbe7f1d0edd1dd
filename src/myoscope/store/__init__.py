"""Persistence: patients' records, visits, accounts and the audit log in SQLite or PostgreSQL.

``make_engine()`` connects (``MYOSCOPE_DATABASE_URL`` or the default SQLite file),
``upgrade(engine)`` runs the migrations, and :class:`Patients` is the only way to patients'
data: scoped to a user's care teams and audited.
"""

from myoscope.errors import safe_cell
from myoscope.store import _versions  # noqa: F401 - registers the version listener
from myoscope.store._accounts import (
    LoginRefused,
    Throttle,
    add_user,
    authenticate,
    aware,
    end_session,
    find_session,
    issue_token,
    revoke_token,
    same,
    set_password,
    start_session,
    team,
    token_user,
    tokens_of,
)
from myoscope.store._admin import (
    AUDIT_PAGE,
    Admin,
    AuditFilter,
    audit_actions,
    audit_csv,
    audit_entries,
    token_state,
)
from myoscope.store._asked import NoneConflict
from myoscope.store._audit import AuditQueue
from myoscope.store._codec import export_text, record_data
from myoscope.store._details import Details, details_from_form, details_of, parse_details, save_details
from myoscope.store._engine import ENV_URL, database_url, make_engine, session_factory
from myoscope.store._history import MAX_REASON, PERSON, SECTIONS, Conflict, Corrections, Entry, EntryChange
from myoscope.store._migrate import current_revision, downgrade, head_revision, upgrade
from myoscope.store._overview import Flags, Page, Row, Sort, overview, records_to_flag, save_flags
from myoscope.store._people_tables import PatientFlags, PersonDetails, PersonIdentifier
from myoscope.store._repository import NotFound, Patient, Patients, VisitView
from myoscope.store._tables import (
    MAX_NOTE_CHARS,
    ROLES,
    ApiToken,
    AuditEntry,
    Base,
    Person,
    Team,
    User,
    Visit,
    WebSession,
)

__all__ = [
    "AUDIT_PAGE",
    "Admin",
    "AuditFilter",
    "audit_actions",
    "audit_csv",
    "audit_entries",
    "safe_cell",
    "token_state",
    "Details",
    "Flags",
    "Page",
    "PatientFlags",
    "PersonDetails",
    "PersonIdentifier",
    "Row",
    "Sort",
    "details_from_form",
    "details_of",
    "overview",
    "parse_details",
    "records_to_flag",
    "save_details",
    "save_flags",
    "ApiToken",
    "AuditQueue",
    "revoke_token",
    "same",
    "tokens_of",
    "AuditEntry",
    "Conflict",
    "Corrections",
    "Entry",
    "EntryChange",
    "MAX_NOTE_CHARS",
    "MAX_REASON",
    "PERSON",
    "SECTIONS",
    "Base",
    "ENV_URL",
    "LoginRefused",
    "NoneConflict",
    "NotFound",
    "Patient",
    "Patients",
    "Person",
    "ROLES",
    "Team",
    "Throttle",
    "User",
    "Visit",
    "VisitView",
    "WebSession",
    "add_user",
    "authenticate",
    "aware",
    "current_revision",
    "database_url",
    "downgrade",
    "end_session",
    "export_text",
    "find_session",
    "head_revision",
    "issue_token",
    "make_engine",
    "record_data",
    "session_factory",
    "set_password",
    "start_session",
    "team",
    "token_user",
    "upgrade",
]
