"""Plans built from an assessment: a graded return to activity (:mod:`.return_plan`)."""

from myoscope.planning.return_plan import Clearance, PlanInput, PlanWeek, ReturnPlan, medical_clearance, return_plan

__all__ = ["Clearance", "PlanInput", "PlanWeek", "ReturnPlan", "medical_clearance", "return_plan"]
