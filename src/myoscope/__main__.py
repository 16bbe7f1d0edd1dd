"""``python -m myoscope``: the same command line as ``myoscope``."""

from myoscope.cli import main

if __name__ == "__main__":
    main()
