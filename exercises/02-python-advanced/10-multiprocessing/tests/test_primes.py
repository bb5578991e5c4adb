import pytest

from drillkit import learnerside
from primes import check_chunk, chunked, find_primes

# find_primes runs in the learner's process, and its pool's workers are that
# process's children. The tests ask that process for its own pid, for the
# workers still running, and for the CPU time it and its children used, so
# the answers are the kernel's, not find_primes's.


def is_prime(n):
    """The tests' own answer, by Miller-Rabin (exact below 3.3 * 10**24)."""
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
    for p in small:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for a in small:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def primes_near(start, count):
    """The first `count` primes from start on: each costs is_prime some milliseconds."""
    found, n = [], start
    while len(found) < count:
        if is_prime(n):
            found.append(n)
        n += 1
    return found


def mixed_numbers(seed, count):
    """count numbers of all sizes, primes and not, in a fixed shuffled order."""
    numbers, x = [], seed
    for _ in range(count):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        numbers.append(x % 10 ** (1 + x % 9))
    return numbers


def my_pid():
    return learnerside.module("os").getpid()


def running_workers():
    """The pids of the child processes of the learner's process that are still running."""
    return sorted(child.pid for child in learnerside.module("multiprocessing").active_children())


def cpu_seconds():
    """(the learner's process, its finished children): CPU seconds so far."""
    resource = learnerside.module("resource")
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def test_chunked_cuts_a_list_in_order():
    assert chunked(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert chunked(list(range(8)), 4) == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert chunked([5, 9], 10) == [[5, 9]]
    assert chunked([4, 4, 1], 1) == [[4], [4], [1]]


def test_chunked_of_nothing_is_no_chunks():
    assert chunked([], 3) == []


@pytest.mark.parametrize("size", [0, -2])
def test_chunked_refuses_a_size_below_one(size):
    with pytest.raises(ValueError):
        chunked([1, 2, 3], size)


def test_check_chunk_gives_its_pid_and_an_answer_per_number():
    numbers = [2, 4, 7, 9, 0, 1, 97, 10**9 + 7]
    assert check_chunk(numbers) == (my_pid(), [is_prime(n) for n in numbers])


def test_find_primes_answers_every_number_in_order():
    numbers = mixed_numbers(7, 60)
    flags, pids = find_primes(numbers, workers=3, chunk_size=7)
    assert flags == [is_prime(n) for n in numbers]


@pytest.mark.hidden
def test_answers_stay_in_order_when_later_chunks_finish_first():
    """The first chunks are the slowest: the answers must still come in the order of the numbers, not in the order the chunks finish."""
    numbers = primes_near(10**11, 4) + [n * n for n in primes_near(10**5, 4)] + list(range(20))
    flags, pids = find_primes(numbers, workers=3, chunk_size=2)
    assert flags == [is_prime(n) for n in numbers]


def test_find_primes_of_nothing():
    assert find_primes([], workers=2, chunk_size=5) == ([], [])


def test_one_pid_per_chunk():
    numbers = mixed_numbers(11, 25)
    sizes = {}
    for chunk_size in (1, 4, 10, 25, 100):
        flags, pids = find_primes(numbers, workers=2, chunk_size=chunk_size)
        sizes[chunk_size] = len(pids)
    assert sizes == {1: 25, 4: 7, 10: 3, 25: 1, 100: 1}


def test_the_chunks_are_checked_in_other_processes():
    flags, pids = find_primes(primes_near(10**10, 24), workers=3, chunk_size=2)
    assert my_pid() not in pids, "a chunk was checked in the calling process itself, not in a worker"
    assert len(set(pids)) >= 2, "all the chunks were checked by the same process: are they really given to a pool of several?"


def test_one_worker_means_one_process():
    flags, pids = find_primes(primes_near(10**10, 12), workers=1, chunk_size=1)
    assert len(set(pids)) == 1
    assert my_pid() not in pids


@pytest.mark.hidden
def test_never_more_processes_than_workers():
    """Two workers means at most two processes, however many chunks there are."""
    flags, pids = find_primes(primes_near(10**10, 30), workers=2, chunk_size=1)
    assert len(set(pids)) <= 2


def test_the_workers_do_the_computing():
    numbers = primes_near(10**10, 40)
    me_before, children_before = cpu_seconds()
    find_primes(numbers, workers=2, chunk_size=5)
    me_after, children_after = cpu_seconds()
    mine, theirs = me_after - me_before, children_after - children_before
    assert theirs > 0.05 and theirs > 2 * mine, (
        f"the numbers must be checked in the workers: the calling process used {mine:.3f} s of CPU, "
        f"its finished workers {theirs:.3f} s"
    )


@pytest.mark.parametrize("workers", [0, -1, 17, 500])
def test_a_number_of_workers_out_of_bounds_is_refused(workers):
    with pytest.raises(ValueError):
        find_primes([2, 3], workers=workers, chunk_size=1)


def test_a_workers_exception_reaches_the_caller():
    with pytest.raises(ValueError):
        find_primes([5, 8, -3, 7, 11], workers=2, chunk_size=1)
    with pytest.raises(TypeError):
        find_primes([5, 8, 7, "11"], workers=2, chunk_size=2)


def test_no_worker_is_left_running():
    find_primes(mixed_numbers(3, 20), workers=3, chunk_size=4)
    assert running_workers() == []
    with pytest.raises(ValueError):
        find_primes([4, -1, 6, 7], workers=2, chunk_size=1)
    assert running_workers() == []
