from hello import hello


def test_hello_greets_by_name():
    assert hello("Ann") == "Hello, Ann!"


def test_hello_greets_anyone():
    assert hello("Bo") == "Hello, Bo!"
