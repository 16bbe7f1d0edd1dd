"""FHIR routes of the JSON API: a Bundle in -> the record (and issues), or -> the assessment as a Bundle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from typing_extensions import TypeAliasType

from myoscope.errors import InputError, Problem
from myoscope.record import Record, loads_json
from myoscope.web._boundary import invalid
from myoscope.web._deps import api_user

if TYPE_CHECKING:
    from myoscope.interop import ImportResult

router = APIRouter(
    prefix="/api/v1/fhir",
    tags=["fhir"],
    dependencies=[Depends(api_user)],
    responses={401: {"description": "No valid API token"}, 422: {"description": "Not a usable Bundle"}},
)
MAX_BYTES = 20_000_000
BUNDLE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/fhir+json": {
                "schema": {
                    "type": "object",
                    "required": ["resourceType"],
                    "properties": {
                        "resourceType": {"type": "string", "enum": ["Bundle"]},
                        "type": {"type": "string", "enum": ["collection", "transaction", "searchset"]},
                        "entry": {"type": "array", "items": {"type": "object"}},
                    },
                }
            }
        },
    }
}
"""The request body the FHIR routes read (parsed by hand, within the input limits), for the OpenAPI document."""


JsonValue = TypeAliasType("JsonValue", "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None")
"""A value as JSON holds it."""


class ImportIssue(BaseModel):
    """Something in the Bundle that did not become part of the record, and why."""

    resource: str = Field(description="``ResourceType/id`` (or the entry's fullUrl)")
    path: str = Field(description="Where in the resource")
    value: JsonValue = Field(description="The value not imported (null when it was missing)")
    message: str
    accepted: str | None = Field(description="What would have been imported")


class ImportOut(BaseModel):
    """The record read from the Bundle (fields at their default left out), and what was not imported."""

    record: Record
    issues: list[ImportIssue]

    def content(self) -> dict[str, Any]:
        """As JSON: the record as compact as a record file may be, every issue with all its fields."""
        return {
            "record": self.record.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
            "issues": [issue.model_dump(mode="json") for issue in self.issues],
        }


class FhirJSONResponse(JSONResponse):
    media_type = "application/fhir+json"


async def _bundle(request: Request) -> Any:
    """The body as JSON, parsed within the input limits (no NaN, no huge numbers, no deep nesting)."""
    body = await request.body()
    if len(body) > MAX_BYTES:
        raise InputError([Problem("body", f"{len(body)} bytes", "is too large", f"at most {MAX_BYTES} bytes")])
    return loads_json(body)


async def _import(request: Request) -> ImportResult | JSONResponse:
    """The Bundle read into a record, or the 422 answer saying why it could not be."""
    from myoscope.interop import import_bundle

    try:
        return import_bundle(await _bundle(request))  # answers checked as the record is read
    except InputError as exc:
        return invalid(exc)


@router.post("/import", response_model=ImportOut, openapi_extra=BUNDLE_BODY)
async def import_fhir(request: Request) -> JSONResponse:
    """A FHIR R4 Bundle -> the myoscope record, with every resource or value not imported."""
    result = await _import(request)
    if isinstance(result, JSONResponse):
        return result
    out = ImportOut(record=result.record, issues=[ImportIssue.model_validate(i.to_json()) for i in result.issues])
    return JSONResponse(out.content())


@router.post(
    "/assess",
    openapi_extra=BUNDLE_BODY,
    response_class=FhirJSONResponse,
    responses={
        200: {
            "content": {"application/fhir+json": {"schema": {"type": "object"}}},
            "description": "The assessment as a FHIR Bundle",
        }
    },
)
async def assess_fhir(request: Request) -> JSONResponse:
    """A FHIR R4 Bundle -> its assessment as a FHIR Bundle (RiskAssessments, CarePlan proposal, Provenance)."""
    from myoscope.causes import assess
    from myoscope.interop import assessment_bundle

    result = await _import(request)
    if isinstance(result, JSONResponse):
        return result
    return FhirJSONResponse(assessment_bundle(result.record, assess(result.record)))
