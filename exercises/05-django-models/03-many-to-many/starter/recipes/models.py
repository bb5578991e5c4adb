from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    def __str__(self):
        return self.name


class Ingredient(models.Model):
    name = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.name


class Recipe(models.Model):
    title = models.CharField(max_length=200)
    # Add `tags` and `ingredients` as described in README.md.

    def tag_names(self):
        """The names of this recipe's tags, sorted A to Z."""
        return None

    def shopping_list(self):
        """(ingredient name, quantity) pairs, sorted by ingredient name."""
        return None

    def similar(self):
        """The other recipes sharing at least one tag with this one, by title."""
        return None

    def __str__(self):
        return self.title


class RecipeIngredient(models.Model):
    """One line of a recipe's ingredient list: which ingredient, and how much."""

    # Add `recipe`, `ingredient` and `quantity` as described in README.md.

    def __str__(self):
        return f"{self.quantity} {self.ingredient}"
