"""Every request and response body the OpenAPI document publishes is a named, typed model: no schema in it is
an object that takes any field (free ``additionalProperties``), an object with no fields said, or a value of
any kind. The walk follows ``$ref``, properties, items, unions and ``additionalProperties`` to the leaves."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

FHIR = "application/fhir+json"
EXCEPTIONS = {FHIR: "FHIR R4 resources: the FHIR specification and its profiles define them, not this API"}
"""Media types whose bodies are not walked, each with the reason."""
WORDS = {"title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly"}
"""Keywords that say nothing about what a value may be."""


def _free(schema: dict[str, Any], components: dict[str, Any]) -> str | None:
    """Why ``schema`` lets anything through (None when it does not)."""
    if not set(schema) - WORDS:
        return "a value of any kind"
    if schema.get("type") != "object":
        return None
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and "$ref" in extra:
        extra = components[extra["$ref"].rsplit("/", 1)[1]]
    if extra is True or (isinstance(extra, dict) and not set(extra) - WORDS):
        return "an object with free additionalProperties"
    if not schema.get("properties") and not isinstance(extra, dict):
        return "an object with no properties"
    return None


def free_objects(spec: dict[str, Any]) -> list[str]:
    """Each schema reachable from a request or response body that lets anything through, with where it is."""
    components = spec.get("components", {}).get("schemas", {})
    found: list[str] = []

    def walk(schema: Any, where: str, seen: frozenset[str]) -> None:
        if not isinstance(schema, dict):
            return
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            if name not in seen:
                walk(components[name], name, seen | {name})
            return
        why = _free(schema, components)
        if why:
            found.append(f"{where}: {why}")
        for name, inner in schema.get("properties", {}).items():
            walk(inner, f"{where}.{name}", seen)
        for key in ("items", "additionalProperties", "not"):
            walk(schema.get(key), f"{where}[]", seen)
        for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
            for i, inner in enumerate(schema.get(key, [])):
                walk(inner, f"{where}|{i}", seen)

    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            bodies = [("body", operation.get("requestBody", {}))]
            bodies += [(status, response) for status, response in operation.get("responses", {}).items()]
            for label, body in bodies:
                for media, content in body.get("content", {}).items():
                    if media not in EXCEPTIONS:
                        walk(content.get("schema"), f"{method.upper()} {path} {label} ({media})", frozenset())
    return sorted(set(found))


def test_openapi_has_no_free_objects(world):
    assert free_objects(world.app.openapi()) == []


def test_the_walk_reaches_record_entries_and_the_fhir_import(world):
    """The bodies this test is about are in the document, and typed by the record's own models."""
    spec = world.app.openapi()
    entries = spec["paths"]["/api/v1/patients/{patient_id}/entries/{section}/{entry_id}"]
    body = entries["put"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body.endswith("/EntryReplace")
    answer = entries["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    names = {ref["$ref"].rsplit("/", 1)[1] for ref in answer["oneOf"]}
    assert {"MeasurementEntry", "PersonEntry", "SpinalExamEntry"} <= names
    assert answer["discriminator"]["propertyName"] == "section"
    imported = spec["paths"]["/api/v1/fhir/import"]["post"]["responses"]["200"]["content"]["application/json"]
    assert imported["schema"]["$ref"].endswith("/ImportOut")


class _Loose(BaseModel):
    name: str
    data: dict[str, Any]


class _Tight(BaseModel):
    name: str
    sizes: dict[str, float]


def _spec_of(response_model: Any) -> dict[str, Any]:
    app = FastAPI()
    app.get("/x", response_model=response_model)(lambda: None)
    return app.openapi()


def test_the_walk_finds_a_free_dict_a_bare_object_and_an_untyped_value():
    assert free_objects(_spec_of(dict[str, Any])) == [
        "GET /x 200 (application/json): an object with free additionalProperties"
    ]
    assert free_objects(_spec_of(Any)) == ["GET /x 200 (application/json): a value of any kind"]
    assert free_objects(_spec_of(_Loose)) == ["_Loose.data: an object with free additionalProperties"]
    assert free_objects(_spec_of(list[_Loose])) == ["_Loose.data: an object with free additionalProperties"]
    assert free_objects(_spec_of(_Tight)) == []
    content = {"application/json": {"schema": {"type": "object"}}}
    bare = {"paths": {"/y": {"post": {"requestBody": {"content": content}}}}}
    assert free_objects(bare) == ["POST /y body (application/json): an object with no properties"]
