"""`make demo`: the platform on the embedded default with a demo programme flowing through it."""
