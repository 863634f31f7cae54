"""Tandem's web app: the face of the four services for mentees, mentors and managers.

Server-rendered (FastAPI, Jinja2, htmx); it talks to the services only through their
public HTTP APIs and imports none of their code (tools/check_architecture.py).
"""
