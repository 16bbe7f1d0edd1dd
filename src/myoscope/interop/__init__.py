"""FHIR R4 and CDS Hooks: import and export of records and assessments, validation, instrument exports."""
