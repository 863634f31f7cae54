"""All SQL of the matching service: the tables and one repository module per feature."""
