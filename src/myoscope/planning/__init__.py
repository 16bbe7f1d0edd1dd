"""Plans built from an assessment: a graded return to activity.

The rules of the plan (current level and the person's attributes -> weeks) are the guideline logic
of :mod:`myoscope.criteria.return_plan`; this package sits above the causes and builds one
person's plan from a record and its assessment (:func:`person_plan`).
"""

from myoscope.criteria.return_plan import Clearance, PlanInput, PlanWeek, ReturnPlan, medical_clearance, return_plan
from myoscope.planning.person import PersonPlan, person_plan

__all__ = [
    "Clearance",
    "PersonPlan",
    "PlanInput",
    "PlanWeek",
    "ReturnPlan",
    "medical_clearance",
    "person_plan",
    "return_plan",
]
