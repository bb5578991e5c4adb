from concurrent.futures import ThreadPoolExecutor


def parallel_map(func, items, max_workers=4):
    """[func(item) for item in items], computed in a pool of threads."""
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        # map gives the results in the order of items, and re-raises a call's
        # exception when its result is reached.
        return list(pool.map(func, items))


def fetch_all(urls, fetch, max_workers=4):
    """(results, errors): url -> value, url -> exception. See README.md."""
    with ThreadPoolExecutor() as pool:
        futures = {url: pool.submit(fetch, url) for url in urls}
    # Leaving the with block waited for every call to finish.
    results, errors = {}, {}
    for url, future in futures.items():
        error = future.exception()
        if error is None:
            results[url] = future.result()
        else:
            errors[url] = error
    return results, errors
