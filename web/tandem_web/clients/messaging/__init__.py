
""" A client library for accessing Tandem messaging """
from tandem_web.clients.messaging.client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
