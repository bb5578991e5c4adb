"""The shop package: pricing and stock helpers.

Make apply_tax, format_price and packs_needed available straight from the
package (`from shop import packs_needed`), and only those three from
`from shop import *`. See README.md.
"""
