"""tandem_messaging"""
