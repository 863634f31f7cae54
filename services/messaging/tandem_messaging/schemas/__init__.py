"""tandem_messaging.schemas"""
