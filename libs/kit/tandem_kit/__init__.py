"""tandem_kit"""
