"""veerkracht: prepare a conversation about emotional support at work, privately."""

__version__ = "0.1.0"
