"""tandem_messaging.adapters"""
