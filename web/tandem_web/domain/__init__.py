"""The web app's pure records and rules."""
