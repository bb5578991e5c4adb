from concurrent.futures import ThreadPoolExecutor, as_completed


def parallel_map(func, items, max_workers=4):
    """[func(item) for item in items], computed in a pool of threads."""
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures = [pool.submit(func, item) for item in items]
        return [future.result() for future in as_completed(futures)]


def fetch_all(urls, fetch, max_workers=4):
    """(results, errors): url -> value, url -> exception. See README.md."""
    results, errors = {}, {}
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures = {pool.submit(fetch, url): url for url in urls}
        for future in as_completed(futures):
            url = futures[future]
            try:
                results[url] = future.result()
            except Exception as error:
                errors[url] = error
    return results, errors
