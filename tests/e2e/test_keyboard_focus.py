"""Keyboard use: every control reached with Tab shows a clear focus ring (at least 3 px), the login form first."""

from __future__ import annotations


def _ring(page) -> tuple[str, str, float]:
    return page.evaluate(
        "() => { const e = document.activeElement, s = getComputedStyle(e);"
        " return [e.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )


def test_tab_reaches_the_sign_in_fields_in_order_with_a_visible_ring(page, live_server):
    page.goto(f"{live_server}/login")
    page.focus("a.brand")  # the page header comes first; the form follows it
    seen = []
    for _ in range(3):
        page.keyboard.press("Tab")
        tag, style, width = _ring(page)
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
        assert style != "none" and width >= 3, (seen[-1], style, width)
    assert seen == ["username", "password", "Sign in"], seen
