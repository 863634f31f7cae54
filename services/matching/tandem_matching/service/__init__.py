"""Use cases of the matching service: one transaction each, problems as tandem_kit.errors."""
