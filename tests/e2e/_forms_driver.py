"""Enter a record file through the screens, as a clinician would: the new-patient form, then one visit per date.

The driver reads the file's own text values ("61.5 kg", "5 ft 10 in") and types them into the
forms; it never posts data behind the forms' back. Items of the dated sections (measurements,
instruments, diet days, ISNCSCI exams) go into a visit of their date; the undated ones
(conditions, symptoms, family history, episodes, activity) into the first visit, in file order, so
that the stored record holds every item in the file's order. A section the file gives as an empty
list ("asked: none") is ticked "None reported (asked)" at the first visit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Page, expect

PERSON_FIELDS = ("id", "sex", "birth_date", "age", "height", "population", "activity_level")
DATED = ("measurements", "instruments", "diet_days", "spinal_exams")
UNDATED = ("conditions", "symptoms", "family_history", "episodes", "activity")
SHOWN_ROWS = {"measurements": 4}
"""Rows a new visit form shows; more are added with the section's "Another ..." button."""
LAPTOP, TABLET = 1366, 768


def text(value: Any) -> str:
    """A value as typed into a box: dates as YYYY-MM-DD, yes/no as true/false, lists comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(text(v) for v in value)
    return str(value)


def visits_of(data: dict[str, Any]) -> list[tuple[str, dict[str, list[dict[str, Any]]]]]:
    """The visits that hold the file's items: (date, sections), earliest first."""
    by_date: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for section in DATED:
        for item in data.get(section) or ():
            day = text(item["date"])
            rest = {k: v for k, v in item.items() if k != "date"}
            by_date.setdefault(day, {}).setdefault(section, []).append(rest)
    first = min(by_date)
    for section in UNDATED:
        if data.get(section):
            by_date[first][section] = list(data[section])
    return sorted(by_date.items())


class Driver:
    """One signed-in browser page entering records; ``shoot(name)`` saves a screenshot when wanted."""

    def __init__(self, page: Page, base: str, shoot: Callable[[Page, str], None] | None = None):
        self.page, self.base, self.shoot = page, base, shoot

    def _snap(self, name: str) -> None:
        if self.shoot is not None:
            self.shoot(self.page, name)

    def enter(self, path: Path) -> int:
        """Create the patient of the record file ``path`` and enter its visits; returns the patient's key."""
        data = yaml.safe_load(path.read_text())
        key = self.new_patient(data["person"], path.stem)
        empty = [name for name, items in data.items() if items == [] and name != "person"]
        for number, (day, sections) in enumerate(visits_of(data)):
            self.visit(key, day, sections, f"{path.stem}-visit-{number + 1}", empty if number == 0 else ())
        return key

    def new_patient(self, person: dict[str, Any], stem: str) -> int:
        page = self.page
        page.goto(f"{self.base}/patients/new")
        for name in PERSON_FIELDS:
            if name not in person:
                continue
            box = page.locator(f"[id='person.{name}']")
            if box.evaluate("e => e.tagName") == "SELECT":
                box.select_option(text(person[name]))
            else:
                box.fill(text(person[name]))
        self._snap(f"{stem}-new-patient")
        page.click("button[type=submit]:has-text('Create')")
        expect(page).to_have_url(re.compile(r"/patients/\d+$"))
        return int(page.url.rsplit("/", 1)[1])

    def visit(
        self,
        key: int,
        day: str,
        sections: dict[str, list[dict[str, Any]]],
        shot: str,
        asked_none: Iterable[str] = (),
    ) -> None:
        page = self.page
        page.goto(f"{self.base}/patients/{key}/visits/new")
        page.fill("#date", day)
        for name, items in sections.items():
            self._rows(name, len(items))
        for name in asked_none:
            page.check(f"[id='asked_none.{name}']")
        for name, items in sections.items():
            for row, item in enumerate(items):
                getattr(self, f"_{name}", self._plain)(name, row, item)
        self._snap(shot)
        page.click("button[value=save]")
        if not re.search(r"/patients/\d+#assessment$", page.url):
            errors = page.locator("#visit-errors")
            problem = errors.inner_text() if errors.count() else page.content()[:2000]
            raise AssertionError(f"the visit of {day} was refused: {problem}")

    def _rows(self, section: str, wanted: int) -> None:
        """Add rows (a form post each, as without script) until the section has ``wanted``."""
        if section == "spinal_exams":
            if not self.page.locator("[id='spinal_exams[0].exam.vac']").count():
                self.page.click("button[value=add_spinal_exams]")
            return
        last = f"instrument-{wanted - 1}" if section == "instruments" else f"{section}-{wanted - 1}"
        while self.page.locator(f"[id='{last}']").count() == 0:
            self.page.click(f"button[value=add_{section}]")

    def _set(self, name: str, value: Any) -> None:
        box = self.page.locator(f"[id='{name}']")
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(text(value))
        else:
            box.fill(text(value))

    def _plain(self, section: str, row: int, item: dict[str, Any]) -> None:
        for field, value in item.items():
            self._set(f"{section}[{row}].{field}", value)

    def _diet_days(self, section: str, row: int, item: dict[str, Any]) -> None:
        extra = 0
        for nutrient, amount in item.items():
            if nutrient in ("energy", "protein"):
                self._set(f"diet_days[{row}].{nutrient}", amount)
            else:
                self._set(f"diet_days[{row}].nutrient[{extra}].name", nutrient)
                self._set(f"diet_days[{row}].nutrient[{extra}].amount", amount)
                extra += 1

    def _activity(self, section: str, row: int, item: dict[str, Any]) -> None:
        entry = "week" if "week_of" in item else "steps" if "steps" in item else "session"
        self._set(f"activity[{row}].type", entry)
        self._plain(section, row, item)

    def _instruments(self, section: str, row: int, item: dict[str, Any]) -> None:
        page = self.page
        page.select_option(f"[id='instruments[{row}].name']", item["name"])
        first = next(iter(item["answers"]))
        answer = page.locator(f"[name='instruments[{row}].answers.{first}']").first
        if not answer.count():  # without script the questions come with a form post
            page.click("button[value=show_fields]")
        expect(answer).to_be_attached()
        for field, value in item["answers"].items():
            name = f"instruments[{row}].answers.{field}"
            radio = page.locator(f"input[type=radio][name='{name}'][value='{text(value)}']")
            if radio.count():
                radio.check()
            else:
                self._set(name, value)
        expect(page.locator(f"#instrument-{row}-score")).to_have_text(re.compile(r"\S"))  # the live total came back

    def _spinal_exams(self, section: str, row: int, item: dict[str, Any]) -> None:
        exam, base = item["exam"], "spinal_exams[0].exam"
        for key in ("vac", "dap"):
            self._set(f"{base}.{key}", exam[key])
        for side in ("right", "left"):
            if exam[side].get("lowest_non_key_muscle"):
                self._set(f"{base}.{side}.lowest_non_key_muscle", exam[side]["lowest_non_key_muscle"])
            for modality in ("motor", "light_touch", "pin_prick"):
                for segment, score in exam[side][modality].items():
                    self._set(f"{base}.{side}.{modality}.{segment}", score)
        expect(self.page.locator("#isncsci-result")).to_contain_text("ASIA Impairment Scale")


def screenshot_both_widths(page: Page, path_stem: Path) -> None:
    """Full-page screenshots at laptop (1366 px) and tablet (768 px) width; the page keeps its width after."""
    size = page.viewport_size or {"width": LAPTOP, "height": 900}
    for width in (LAPTOP, TABLET):
        page.set_viewport_size({"width": width, "height": size["height"]})
        page.screenshot(path=f"{path_stem}-{width}.png", full_page=True)
    page.set_viewport_size(size)
