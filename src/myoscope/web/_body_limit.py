"""A ceiling on every request body, before any route, sign-in check or form parser reads it.

Each route keeps its own, smaller limit (a record, an upload, a FHIR Bundle); this middleware only makes sure
that no request, signed in or not, can make the server hold more than :data:`MAX_REQUEST_BYTES` in memory. A
``Content-Length`` above the ceiling is answered at once without reading; a body sent without one (chunked) is
read up to the ceiling and refused as soon as it passes it. The answer is ``413`` problem details naming the
body, its size and the ceiling.
"""

from __future__ import annotations

from typing import Any

from myoscope.errors import Problem
from myoscope.record import MAX_FILE_BYTES
from myoscope.web._fhir import MAX_BYTES as FHIR_BUNDLE_BYTES
from myoscope.web._patient_list import MAX_UPLOAD_BYTES

FRAMING_BYTES = 1_000_000
"""Room for the form or multipart framing around the largest body a route accepts."""
MAX_REQUEST_BYTES = max(FHIR_BUNDLE_BYTES, MAX_UPLOAD_BYTES, MAX_FILE_BYTES) + FRAMING_BYTES
"""The largest body any route accepts (today a FHIR Bundle), with room for its framing."""


def _too_large(size: str) -> Any:
    from myoscope.web._problems import problem

    return problem(
        413,
        f"body: is too large ({size})",
        errors=[Problem("body", size, "is too large", f"at most {MAX_REQUEST_BYTES} bytes")],
        headers={"Connection": "close"},
    )


class BodyLimit:
    """ASGI middleware: refuse (413) a request body above :data:`MAX_REQUEST_BYTES`."""

    def __init__(self, app: Any, limit: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length > self.limit or length < 0:
                size = f"{length} bytes" if length >= 0 else declared.decode("latin-1")[:40]
                await _too_large(size)(scope, receive, send)
                return
            await self.app(scope, receive, send)  # the server delivers no more than it declared
            return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.limit:
                await _too_large(f"more than {self.limit} bytes")(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
