"""Ingest: reading articles from files, records and feeds into Documents."""
