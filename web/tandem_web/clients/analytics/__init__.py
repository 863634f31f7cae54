
""" A client library for accessing Tandem analytics """
from tandem_web.clients.analytics.client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
