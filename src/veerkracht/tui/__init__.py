"""The Textual app: which screen comes next, and what flows back."""
