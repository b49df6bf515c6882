"""The four stages, each a thin Faust agent over pure logic: clean → extract → classify → alert.

Importing this package registers every agent on :data:`streams.app.app`.
"""

from agents import alert, classify, clean, extract

__all__ = ["alert", "classify", "clean", "extract"]
