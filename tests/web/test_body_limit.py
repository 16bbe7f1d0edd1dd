"""No request body, signed in or not, can make the server hold more than the ceiling in memory: a declared
Content-Length above it is refused (413) before a byte is read; a chunked body is refused once it passes it."""

from __future__ import annotations

import asyncio
import json

from myoscope.web._body_limit import MAX_REQUEST_BYTES, BodyLimit


def _call(app, headers, chunks):
    """Drive an ASGI app with a POST; returns (status, body, chunks read)."""
    read = []
    sent = []
    pending = list(chunks)

    async def receive():
        if not pending:
            raise AssertionError("read past the end of the body")
        chunk = pending.pop(0)
        read.append(chunk)
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/patients/1/visits",
        "raw_path": b"/api/v1/patients/1/visits",
        "query_string": b"",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "scheme": "https",
        "server": ("testserver", 443),
        "client": ("127.0.0.1", 1234),
        "http_version": "1.1",
        "root_path": "",
    }
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, read


async def _echo(scope, receive, send):
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(len(body)).encode()})


def test_a_declared_length_above_the_ceiling_is_refused_before_reading(world):
    """Without a token, to an API route: 413 at once, no byte read (the whole app, as served)."""
    status, body, read = _call(
        world.app, {"content-length": str(1_572_864_000), "content-type": "application/json"}, []
    )
    assert status == 413
    assert read == []
    doc = json.loads(body)
    assert doc["errors"][0]["field"] == "body"
    assert doc["errors"][0]["accepted"] == f"at most {MAX_REQUEST_BYTES} bytes"


def test_a_chunked_body_is_refused_once_it_passes_the_ceiling():
    app = BodyLimit(_echo, limit=10)
    status, body, read = _call(app, {}, [b"12345", b"67890", b"1", b"never read"])
    assert status == 413
    assert len(read) == 3, "reading stops at the chunk that passes the ceiling"


def test_a_body_within_the_ceiling_reaches_the_route_whole():
    assert _call(BodyLimit(_echo, limit=10), {}, [b"12345", b"67890"])[:2] == (200, b"10")
    assert _call(BodyLimit(_echo, limit=10), {"content-length": "10"}, [b"1234567890"])[:2] == (200, b"10")


def test_a_malformed_length_is_refused():
    assert _call(BodyLimit(_echo, limit=10), {"content-length": "ten"}, [b"x"])[0] == 413
