def facts():
    return None
