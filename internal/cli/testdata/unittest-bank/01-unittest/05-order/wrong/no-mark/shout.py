# WRONG: no exclamation mark at the end.
def shout(text):
    return text.upper()
