STORE = {}


def remember(key, value):
    STORE[key] = value
