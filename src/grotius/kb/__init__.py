"""Knowledge base data: countries, organisations, people with dated roles, sectors (YAML).

Regenerate the generated files with ``python -m grotius.kb.build``."""
