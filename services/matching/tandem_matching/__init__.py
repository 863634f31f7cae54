"""tandem_matching"""
