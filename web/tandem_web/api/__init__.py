"""Routes that render pages (thin: each asks a use case, then renders a template)."""
