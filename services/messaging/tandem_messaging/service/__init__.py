"""tandem_messaging.service"""
