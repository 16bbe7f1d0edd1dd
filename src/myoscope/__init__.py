"""myoscope: is this person losing muscle, why, how fast, and what will reverse it?

The public API is small; everything else lives in private modules.
"""

__version__ = "0.1.0"
