"""The shop package: pricing and stock helpers."""
