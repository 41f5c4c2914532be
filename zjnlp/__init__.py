"""zjnlp: Chinese government work reports as data."""

__version__ = "0.1.0"
