"""The Tandem meetings service."""

VERSION = "0.1.0"
