def hello(name):
    return f"Hello {name}!"  # WRONG: the comma is missing
