from concurrent.futures import ThreadPoolExecutor


def parallel_map(func, items, max_workers=4):
    """[func(item) for item in items], computed in a pool of threads."""
    return None


def fetch_all(urls, fetch, max_workers=4):
    """(results, errors): url -> value, url -> exception. See README.md."""
    return {}, {}
