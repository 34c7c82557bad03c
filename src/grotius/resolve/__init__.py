"""Resolution stage: actors (knowledge base, aliases, dated roles) and time expressions."""
