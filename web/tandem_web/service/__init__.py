"""The web app's use cases."""
