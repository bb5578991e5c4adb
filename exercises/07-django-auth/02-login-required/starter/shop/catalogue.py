# The products on sale: code -> price in cents.
PRODUCTS = {
    "pen": 150,
    "notebook": 400,
    "mug": 850,
}
