"""Annotate: the language pipeline (tokens, sentences, POS, morphology, lemmas, parse, entities)."""
