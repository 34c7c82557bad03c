"""Event and quote coding: language-independent engines driven by the data in ``grotius.lang``."""
