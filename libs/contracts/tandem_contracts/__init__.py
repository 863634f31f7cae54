"""tandem_contracts"""
