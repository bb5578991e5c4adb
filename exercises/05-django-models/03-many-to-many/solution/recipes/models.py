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
    tags = models.ManyToManyField(Tag, related_name="recipes", blank=True)
    ingredients = models.ManyToManyField(
        Ingredient,
        through="RecipeIngredient",
        related_name="recipes",
    )

    def tag_names(self):
        """The names of this recipe's tags, sorted A to Z."""
        return list(self.tags.order_by("name").values_list("name", flat=True))

    def shopping_list(self):
        """(ingredient name, quantity) pairs, sorted by ingredient name."""
        lines = RecipeIngredient.objects.filter(recipe=self).order_by("ingredient__name")
        return list(lines.values_list("ingredient__name", "quantity"))

    def similar(self):
        """The other recipes sharing at least one tag with this one, by title."""
        return (
            Recipe.objects.filter(tags__in=self.tags.all())
            .exclude(pk=self.pk)
            .distinct()
            .order_by("title")
        )

    def __str__(self):
        return self.title


class RecipeIngredient(models.Model):
    """One line of a recipe's ingredient list: which ingredient, and how much."""

    recipe = models.ForeignKey(Recipe, on_delete=models.CASCADE)
    ingredient = models.ForeignKey(Ingredient, on_delete=models.PROTECT)
    quantity = models.CharField(max_length=50)

    def __str__(self):
        return f"{self.quantity} {self.ingredient}"
