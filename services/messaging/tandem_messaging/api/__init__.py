"""tandem_messaging.api"""
