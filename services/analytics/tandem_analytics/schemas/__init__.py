"""Request and response bodies, one module per feature (named as its router)."""
