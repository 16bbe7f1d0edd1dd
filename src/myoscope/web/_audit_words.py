"""The audit log's actions in words an administrator reads; the identifiers stay in the data, the CSV and the API.

One mapping, used by the audit page (its table and its filter); an action without words here (one added
later) is shown with its identifier's underscores as spaces, never hidden.
"""

from __future__ import annotations

ACTION_WORDS: dict[str, str] = {
    "sign_in": "signed in",
    "sign_in_failed": "sign-in refused (wrong name or password)",
    "sign_in_throttled": "sign-in refused (too many tries)",
    "list": "listed patients",
    "read": "opened a patient",
    "refused": "refused access to a patient",
    "create": "created a patient",
    "details": "viewed a patient's name and identifiers",
    "export": "exported a patient's record",
    "add_visit": "recorded a visit",
    "edit": "corrected an entry",
    "withdraw": "withdrew an entry",
    "admin_create_user": "created an account",
    "admin_role": "changed an account's role",
    "admin_enable": "enabled an account",
    "admin_disable": "disabled an account",
    "admin_create_team": "created a care team",
    "admin_teams": "changed an account's care teams",
    "admin_revoke_token": "revoked an API token",
    "audit_view": "viewed the audit log",
    "audit_export": "exported the audit log",
}
"""Each audit action identifier and what it means, as a sentence fragment ("ann: opened a patient")."""


def action_words(action: str) -> str:
    """``action_words("sign_in_failed") == "sign-in refused (wrong name or password)"``."""
    return ACTION_WORDS.get(action, action.replace("_", " "))
