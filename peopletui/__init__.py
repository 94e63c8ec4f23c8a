"""peopletui: a keyboard-driven terminal contact manager for Google Contacts."""

__version__ = "0.1.0"
