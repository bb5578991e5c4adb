def hello(name):
    return None
