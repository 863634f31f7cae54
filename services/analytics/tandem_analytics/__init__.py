"""The Tandem analytics service."""

VERSION = "0.1.0"
