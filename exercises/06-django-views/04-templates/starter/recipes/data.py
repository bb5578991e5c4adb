# The recipes the views show (no database in this exercise).
RECIPES = [
    {
        "slug": "pancakes",
        "title": "Pancakes",
        "minutes": 25,
        "tags": ["breakfast", "quick", "vegetarian"],
        "description": "Thick, fluffy and ready before the coffee.",
        "steps": ["Whisk flour, milk and eggs.", "Rest the batter for 10 minutes.", "Fry in a hot pan."],
    },
    {
        "slug": "mac-and-cheese",
        "title": "Mac & cheese",
        "minutes": 45,
        "tags": ["vegetarian"],
        "description": "",
        "steps": ["Boil the macaroni.", "Make a cheese sauce.", "Bake until golden."],
    },
    {
        "slug": "slow-roast-lamb",
        "title": "Slow roast lamb",
        "minutes": 270,
        "tags": [],
        "description": "A Sunday lunch that cooks itself.",
        "steps": ["Season the lamb.", "Roast at 150 °C for four and a half hours."],
    },
    {
        "slug": "bread",
        "title": "Bread",
        "minutes": 60,
        "tags": ["baking", "vegetarian"],
        "description": "Crusty white loaf <no knead>.",
        "steps": ["Mix everything.", "Leave overnight.", "Bake in a hot pot."],
    },
]
