"""The shop's catalogue (you don't need to change it).

The shop changes it while it runs (and so do the tests): look products up
here in each request, never copy them at import time.
"""

# id -> product. A category is a path: "tea/green" is inside "tea".
PRODUCTS = {
    1: {"name": "Sencha", "price": "4.20", "category": "tea/green"},
    2: {"name": "Earl Grey", "price": "3.80", "category": "tea/black"},
    3: {"name": "Assam", "price": "3.50", "category": "tea/black"},
    4: {"name": "Espresso beans", "price": "7.90", "category": "coffee/beans"},
    5: {"name": "Moka pot", "price": "24.00", "category": "coffee/gear"},
    6: {"name": "Matcha whisk", "price": "12.50", "category": "tea/gear"},
    7: {"name": "Teapot", "price": "19.00", "category": "tea"},
    8: {"name": "Decaf beans", "price": "8.40", "category": "coffee/beans/decaf"},
}

# What visitors sent with the contact form: {"email": ..., "message": ...} each.
MESSAGES = []
