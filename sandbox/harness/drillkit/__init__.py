"""Helpers for drill's hidden tests, importable inside every sandbox image.

    from drillkit import sql
"""
