"""Reference catalogues, one module per clinical area (merged by :mod:`myoscope.references`)."""

from myoscope._catalogue import activity, core, energy, muscle, muscle_projection, neuro, nutrition, sci

CATALOGUES = (core, muscle, nutrition, energy, activity, sci, neuro, muscle_projection)
