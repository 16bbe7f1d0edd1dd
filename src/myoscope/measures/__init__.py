"""Measures computed from a record: body size, weight change, girth, energy need, diet.

Pure functions of the record and a reference date; no cut-offs from instruments here
(those live with their instruments and definitions).
"""
