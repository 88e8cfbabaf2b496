"""What the user reads: cards, history, agreements as text, Markdown and JSON."""
