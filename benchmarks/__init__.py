"""Reproducible performance measurements (see README)."""
