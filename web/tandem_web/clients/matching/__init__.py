
""" A client library for accessing Tandem matching """
from tandem_web.clients.matching.client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
