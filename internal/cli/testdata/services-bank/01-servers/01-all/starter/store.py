def remember(key, value):
    pass
