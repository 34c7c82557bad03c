"""Command line: one entry point (``grotius``), one module per subcommand."""
