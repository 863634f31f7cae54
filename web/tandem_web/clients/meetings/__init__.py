
""" A client library for accessing Tandem meetings """
from tandem_web.clients.meetings.client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
