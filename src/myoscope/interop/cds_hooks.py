"""CDS Hooks 2.0 service: discovery, ``patient-view`` cards and feedback (HL7 CDS Hooks 2.0).

One service, ``muscle-wasting-screen``, on the ``patient-view`` hook. Its data come from the
prefetch the client sends (Patient, Observations, Conditions); a prefetch key that is absent is
fetched from ``fhirServer`` with the client's bearer token; with neither, the answer is 412.
The data go through :func:`myoscope.interop.import_bundle` and :func:`myoscope.causes.assess`,
and the assessment becomes cards: one per red flag (``critical`` when urgent), one for the
leading cause with a suggestion to add the next steps as a draft care plan, and one when the
record cannot tell whether muscle is being lost. Every call except discovery must carry a
JWT the service verifies (:mod:`myoscope.interop._jwt`). CORS follows the spec's advice
(configured origins; the Authorization header allowed).
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from myoscope.interop._jwt import JwksKeys, KeyLookup, Refused, ReplayGuard, verify

SERVICE_ID = "muscle-wasting-screen"
PREFETCH = {
    "patient": "Patient/{{context.patientId}}",
    "observations": "Observation?patient={{context.patientId}}&_count=500",
    "conditions": "Condition?patient={{context.patientId}}",
}


@dataclass
class CdsConfig:
    base_url: str
    """The public URL of the server (``https://host``); ``aud`` must be ``{base_url}/cds-services/{id}``."""
    issuers: Mapping[str, str] = field(default_factory=dict)
    """Allowed CDS Clients: ``iss`` -> its JWKS URL. Empty: every call is refused."""
    keys: KeyLookup | None = None
    clock: Callable[[], float] = time.time
    origins: tuple[str, ...] = ()
    source_url: str = "https://myoscope.dev"
    fhir_timeout: float = 5.0

    @classmethod
    def from_env(cls) -> CdsConfig:
        """``MYOSCOPE_CDS_BASE_URL``, ``MYOSCOPE_CDS_ISSUERS`` (JSON: iss -> JWKS URL), ``MYOSCOPE_CDS_ORIGINS``."""
        issuers = json.loads(os.environ.get("MYOSCOPE_CDS_ISSUERS", "{}") or "{}")
        origins = tuple(o for o in os.environ.get("MYOSCOPE_CDS_ORIGINS", "").split(",") if o)
        return cls(
            base_url=os.environ.get("MYOSCOPE_CDS_BASE_URL", "http://127.0.0.1:8000"), issuers=issuers, origins=origins
        )

    def service_url(self, service: str) -> str:
        return f"{self.base_url.rstrip('/')}/cds-services/{service}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="allow", allow_inf_nan=False)


class FhirAuthorization(_Strict):
    access_token: str = Field(min_length=1, max_length=8000)
    token_type: Literal["Bearer"]
    expires_in: int
    scope: str
    subject: str


class PatientViewContext(_Strict):
    userId: str = Field(pattern=r"^(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\-.]{1,64}$")
    patientId: str = Field(pattern=r"^[A-Za-z0-9\-.]{1,64}$")
    encounterId: str | None = None


class HookRequest(_Strict):
    hook: str
    hookInstance: str = Field(min_length=1, max_length=100)
    context: PatientViewContext
    fhirServer: str | None = Field(None, pattern=r"^https?://")
    fhirAuthorization: FhirAuthorization | None = None
    prefetch: dict[str, Any] | None = None


class FeedbackItem(_Strict):
    card: str
    outcome: Literal["accepted", "overridden"]
    outcomeTimestamp: str
    acceptedSuggestions: list[dict[str, Any]] | None = None
    overrideReason: dict[str, Any] | None = None


class Feedback(_Strict):
    feedback: list[FeedbackItem] = Field(min_length=1)


Body = TypeVar("Body", bound=BaseModel)
"""A request body model (:class:`HookRequest` or :class:`Feedback`)."""


def outcome(status: int, message: str, code: str = "processing") -> JSONResponse:
    """A non-2xx answer with an OperationOutcome body."""
    body = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message[:300]}],
    }
    return JSONResponse(body, status, headers={"WWW-Authenticate": "Bearer"} if status == 401 else None)


def discovery() -> dict[str, Any]:
    return {
        "services": [
            {
                "hook": "patient-view",
                "id": SERVICE_ID,
                "title": "Muscle wasting screen (myoscope)",
                "description": "Red flags, the leading cause of muscle loss and what to measure next, from the "
                "patient's weights, exam findings, questionnaires and conditions.",
                "prefetch": PREFETCH,
                "usageRequirements": "Send a signed JWT (ES384 or RS384) from an issuer registered with this service.",
            }
        ]
    }


# --- data: prefetch or FHIR server ------------------------------------------------------------


class Unavailable(Exception):
    """Required data could not be had (answered 412)."""


def _resolve(template: str, context: PatientViewContext) -> str:
    return template.replace("{{context.patientId}}", urllib.parse.quote(context.patientId, safe="")).replace(
        "{{context.userId}}", urllib.parse.quote(context.userId, safe="/")
    )


def _get(url: str, token: str | None, timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(
        url, headers={"Accept": "application/fhir+json", **({"Authorization": f"Bearer {token}"} if token else {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) checked)
            document: dict[str, Any] = json.loads(response.read(20_000_000))
            return document
    except (OSError, ValueError) as exc:
        raise Unavailable(f"the FHIR server did not answer {url[:120]} ({exc.__class__.__name__})") from None


def _fetch(request: HookRequest, key: str, timeout: float) -> Any:
    if not request.fhirServer:
        raise Unavailable(f"prefetch {key!r} is missing and no fhirServer was given")
    base = request.fhirServer.rstrip("/")
    host = urllib.parse.urlsplit(base).hostname or ""
    if not base.startswith("https://") and host not in ("127.0.0.1", "localhost", "::1"):
        raise Unavailable("fhirServer must use https (plain http only on this machine's loopback)")
    token = request.fhirAuthorization.access_token if request.fhirAuthorization else None
    data = _get(f"{base}/{_resolve(PREFETCH[key], request.context)}", token, timeout)
    pages = 0
    while data.get("resourceType") == "Bundle" and pages < 5:
        nxt = next((link.get("url") for link in data.get("link", ()) if link.get("relation") == "next"), None)
        if not nxt or not nxt.startswith(base + "/"):
            break
        more = _get(nxt, token, timeout)
        data = {**more, "entry": list(data.get("entry", ())) + list(more.get("entry", ()))}
        pages += 1
    return data


def gather(request: HookRequest, timeout: float) -> dict[str, Any]:
    """A collection Bundle of the patient's resources from prefetch, else the FHIR server."""
    resources: list[dict[str, Any]] = []
    for key in PREFETCH:
        given = request.prefetch or {}
        value = given[key] if key in given else _fetch(request, key, timeout)
        if value is None:  # the client says: no data
            continue
        if not isinstance(value, dict):
            raise Unavailable(f"prefetch {key!r} is not a FHIR resource")
        if value.get("resourceType") == "Bundle":
            listed = value.get("entry") or []
            if not isinstance(listed, list):
                raise Unavailable(f"prefetch {key!r}: the Bundle's entry is not a list")
            resources += [e["resource"] for e in listed if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
        else:
            resources.append(value)
    patients = [r for r in resources if r.get("resourceType") == "Patient"]
    if not patients:
        raise Unavailable("no Patient resource for the patient in context")
    if any(p.get("id") not in (None, request.context.patientId) for p in patients):
        raise Unavailable("the Patient given is not the patient in context")
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}


# --- the application ---------------------------------------------------------------------------


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Refused("an Authorization: Bearer JWT is required")
    return token.strip()


def create_app(config: CdsConfig | None = None) -> FastAPI:
    """The CDS Hooks application, to mount at ``/cds-services``."""
    config = config or CdsConfig.from_env()
    keys = config.keys or JwksKeys(config.issuers)
    replay = ReplayGuard()
    # no redirect to an address with a trailing slash: it would be built from the Host header
    app = FastAPI(title="myoscope CDS Hooks", docs_url=None, redoc_url=None, openapi_url=None, redirect_slashes=False)
    app.state.feedback = []
    if config.origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )

    def authorised(request: Request, *audiences: str) -> JSONResponse | None:
        try:
            verify(
                _bearer(request),
                audiences=audiences,
                issuers=config.issuers,
                keys=keys,
                replay=replay,
                now=config.clock,
            )
        except Refused as exc:
            return outcome(401, str(exc), "security")
        return None

    @app.get("")
    @app.get("/")
    def services() -> dict[str, Any]:
        return discovery()

    def admitted(service: str, request: Request, *suffixes: str) -> JSONResponse | None:
        if service != SERVICE_ID:
            return outcome(404, "no such CDS service", "not-found")
        url = config.service_url(service)
        return authorised(request, *(url + s for s in suffixes))

    async def parsed(service: str, request: Request, model: type[Body], *suffixes: str) -> Body | JSONResponse:
        """The body as ``model`` once the caller is admitted, else the error answer."""
        refused = admitted(service, request, *suffixes)
        if refused:
            return refused
        try:
            return model.model_validate(await request.json())
        except (ValidationError, ValueError) as exc:
            return outcome(400, f"not a valid {model.__name__} body ({exc.__class__.__name__})", "invalid")

    @app.post("/{service}")
    async def call(service: str, request: Request) -> JSONResponse:
        hook = await parsed(service, request, HookRequest, "")
        if isinstance(hook, JSONResponse):
            return hook
        if hook.hook != "patient-view":
            return outcome(400, f"hook {hook.hook[:40]!r} is not served here (patient-view)", "not-supported")
        return _answer(hook, config)

    @app.post("/{service}/feedback")
    async def feedback(service: str, request: Request) -> JSONResponse:
        body = await parsed(service, request, Feedback, "", "/feedback")
        if isinstance(body, JSONResponse):
            return body
        app.state.feedback.extend(item.model_dump(exclude_none=True) for item in body.feedback)
        return JSONResponse({})

    return app


def _answer(hook: HookRequest, config: CdsConfig) -> JSONResponse:
    from myoscope.causes import assess
    from myoscope.errors import InputError
    from myoscope.interop._cards import cards
    from myoscope.interop.importer import import_bundle

    try:
        bundle = gather(hook, config.fhir_timeout)
        result = import_bundle(bundle)  # answers checked as the record is read
    except Unavailable as exc:
        return outcome(412, str(exc), "not-found")
    except InputError as exc:
        return outcome(412, "the patient's data could not be read: " + "; ".join(str(p) for p in exc.problems)[:250])
    assessment = assess(result.record)
    return JSONResponse({"cards": cards(assessment, hook.context.patientId, hook.hookInstance, config.source_url)})
