"""Hall's dynamic adult body-weight model."""
