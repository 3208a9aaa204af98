"""Generated cases: facts drawn first, the label computed from matching-rules.md, then rendered as text."""
