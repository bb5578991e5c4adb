# The views are ready: your work is in the templates and the filter.
from django.http import Http404
from django.shortcuts import render

from recipes.data import RECIPES


def recipe_list(request):
    """Every recipe; ?tag=vegetarian shows only the recipes with that tag."""
    tag = request.GET.get("tag")
    recipes = [r for r in RECIPES if tag is None or tag in r["tags"]]
    return render(request, "recipes/recipe_list.html", {"recipes": recipes})


def recipe_detail(request, slug):
    for recipe in RECIPES:
        if recipe["slug"] == slug:
            return render(request, "recipes/recipe_detail.html", {"recipe": recipe})
    raise Http404("No such recipe")
