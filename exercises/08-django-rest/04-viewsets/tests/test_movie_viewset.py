import pytest
from django.urls import NoReverseMatch, reverse
from rest_framework.test import APIClient

from movies.models import Movie

pytestmark = pytest.mark.django_db


def api():
    return APIClient()


def some_movies():
    return [
        Movie.objects.create(title="Alien", year=1979, watched=True),
        Movie.objects.create(title="Arrival", year=2016),
        Movie.objects.create(title="Blade Runner", year=1982),
    ]


def url_named(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def test_the_router_names_every_url():
    assert {
        "movie-list": url_named("movie-list"),
        "movie-detail": url_named("movie-detail", 7),
        "movie-watch": url_named("movie-watch", 7),
        "movie-unwatched": url_named("movie-unwatched"),
    } == {
        "movie-list": "/api/movies/",
        "movie-detail": "/api/movies/7/",
        "movie-watch": "/api/movies/7/watch/",
        "movie-unwatched": "/api/movies/unwatched/",
    }


@pytest.mark.hidden
def test_the_api_root_links_to_the_movies():
    """GET /api/ lists the API's endpoints: one router kind adds this root view for you."""
    response = api().get("/api/")
    assert response.status_code == 200
    assert response.json() == {"movies": "http://testserver/api/movies/"}


def test_the_list_shows_every_movie_by_id():
    alien, arrival, blade_runner = some_movies()
    response = api().get("/api/movies/")
    assert response.status_code == 200
    assert response.json() == [
        {"id": alien.pk, "title": "Alien", "year": 1979, "watched": True},
        {"id": arrival.pk, "title": "Arrival", "year": 2016, "watched": False},
        {"id": blade_runner.pk, "title": "Blade Runner", "year": 1982, "watched": False},
    ]


def test_a_movie_can_be_created():
    response = api().post("/api/movies/", {"title": "Dune", "year": 2021}, format="json")
    assert response.status_code == 201
    movie = Movie.objects.get()
    assert response.json() == {"id": movie.pk, "title": "Dune", "year": 2021, "watched": False}


def test_invalid_data_is_400():
    response = api().post("/api/movies/", {"title": "Dune"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["year"]
    assert Movie.objects.count() == 0


def test_one_movie_can_be_fetched_changed_and_deleted():
    arrival = some_movies()[1]
    client = api()
    url = f"/api/movies/{arrival.pk}/"
    assert client.get(url).json() == {"id": arrival.pk, "title": "Arrival", "year": 2016, "watched": False}
    response = client.put(url, {"title": "Arrival (2016)", "year": 2016, "watched": False}, format="json")
    assert (response.status_code, response.json()["title"]) == (200, "Arrival (2016)")
    response = client.patch(url, {"year": 2017}, format="json")
    assert (response.status_code, response.json()["year"]) == (200, 2017)
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    assert Movie.objects.count() == 2


def test_watching_a_movie_marks_it_watched():
    arrival = some_movies()[1]
    response = api().post(f"/api/movies/{arrival.pk}/watch/")
    assert response.status_code == 200
    assert response.json() == {"id": arrival.pk, "title": "Arrival", "year": 2016, "watched": True}
    arrival.refresh_from_db()
    assert arrival.watched is True


def test_watching_needs_a_post():
    arrival = some_movies()[1]
    assert api().get(f"/api/movies/{arrival.pk}/watch/").status_code == 405
    arrival.refresh_from_db()
    assert arrival.watched is False


def test_watching_a_missing_movie_is_404():
    arrival = some_movies()[1]
    assert api().post(f"/api/movies/{arrival.pk}/watch/").status_code == 200
    assert api().post("/api/movies/999/watch/").status_code == 404


def test_unwatched_lists_only_the_movies_not_yet_seen():
    alien, arrival, blade_runner = some_movies()
    client = api()
    response = client.get("/api/movies/unwatched/")
    assert response.status_code == 200
    assert [m["title"] for m in response.json()] == ["Arrival", "Blade Runner"]
    client.post(f"/api/movies/{blade_runner.pk}/watch/")
    assert [m["title"] for m in client.get("/api/movies/unwatched/").json()] == ["Arrival"]


def test_unwatched_is_read_only():
    some_movies()
    assert api().post("/api/movies/unwatched/", {}, format="json").status_code == 405
