namespace Gateway.Store.Seeding;

/// <summary>Words the seed generator combines into believable catalogue and customer data.</summary>
internal static class SeedVocabulary
{
    /// <summary>Root categories with their leaf categories (products are filed under leaves).</summary>
    public static readonly (string Root, string[] Leaves)[] Categories =
    [
        ("Books", ["Fiction", "Science", "History", "Cooking"]),
        ("Electronics", ["Headphones", "Cameras", "Chargers", "Speakers"]),
        ("Home & Kitchen", ["Cookware", "Tableware", "Storage", "Lighting"]),
        ("Garden", ["Tools", "Planters", "Seeds"]),
        ("Sports", ["Running", "Cycling", "Yoga", "Camping"]),
        ("Toys", ["Puzzles", "Board Games", "Building Sets"]),
        ("Fashion", ["Shoes", "Bags", "Scarves", "Hats"]),
        ("Office", ["Notebooks", "Pens", "Desk Organisers"]),
    ];

    public static readonly string[] Adjectives =
    [
        "Classic", "Compact", "Deluxe", "Everyday", "Handmade", "Lightweight", "Modern", "Nordic", "Organic",
        "Portable", "Premium", "Rustic", "Sturdy", "Vintage", "Weatherproof", "Essential", "Elegant", "Smart",
    ];

    public static readonly string[] Materials =
    [
        "Oak", "Cotton", "Steel", "Bamboo", "Ceramic", "Leather", "Linen", "Walnut", "Copper", "Wool", "Recycled", "Glass",
    ];

    public static readonly Dictionary<string, string[]> NounsByLeaf = new()
    {
        ["Fiction"] = ["Novel", "Short Stories", "Thriller", "Saga"],
        ["Science"] = ["Field Guide", "Primer", "Atlas", "Handbook"],
        ["History"] = ["Chronicle", "Biography", "Almanac"],
        ["Cooking"] = ["Cookbook", "Baking Book", "Recipe Journal"],
        ["Headphones"] = ["Headphones", "Earbuds", "Headset"],
        ["Cameras"] = ["Camera", "Action Cam", "Lens"],
        ["Chargers"] = ["Charger", "Power Bank", "Cable"],
        ["Speakers"] = ["Speaker", "Soundbar", "Radio"],
        ["Cookware"] = ["Skillet", "Saucepan", "Dutch Oven", "Wok"],
        ["Tableware"] = ["Plate Set", "Bowl", "Mug", "Carafe"],
        ["Storage"] = ["Jar", "Basket", "Box", "Shelf"],
        ["Lighting"] = ["Lamp", "Lantern", "Pendant Light"],
        ["Tools"] = ["Trowel", "Pruner", "Rake", "Spade"],
        ["Planters"] = ["Planter", "Pot", "Window Box"],
        ["Seeds"] = ["Herb Seeds", "Flower Seeds", "Tomato Seeds"],
        ["Running"] = ["Running Vest", "Water Bottle", "Armband"],
        ["Cycling"] = ["Bike Light", "Saddle Bag", "Helmet"],
        ["Yoga"] = ["Yoga Mat", "Yoga Block", "Strap"],
        ["Camping"] = ["Tent", "Sleeping Bag", "Camp Stove"],
        ["Puzzles"] = ["Jigsaw", "Brain Teaser", "Puzzle Box"],
        ["Board Games"] = ["Strategy Game", "Party Game", "Chess Set"],
        ["Building Sets"] = ["Block Set", "Marble Run", "Construction Kit"],
        ["Shoes"] = ["Sneakers", "Boots", "Sandals"],
        ["Bags"] = ["Backpack", "Tote", "Messenger Bag"],
        ["Scarves"] = ["Scarf", "Shawl", "Snood"],
        ["Hats"] = ["Beanie", "Cap", "Sun Hat"],
        ["Notebooks"] = ["Notebook", "Sketchbook", "Planner"],
        ["Pens"] = ["Fountain Pen", "Ballpoint Set", "Marker Set"],
        ["Desk Organisers"] = ["Desk Tray", "Pen Holder", "Monitor Stand"],
    };

    public static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Clara", "David", "Elena", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Karin", "Luca", "Maya", "Nils",
        "Olivia", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wim", "Xenia", "Yusuf", "Zoe", "Amir", "Bea",
    ];

    public static readonly string[] LastNames =
    [
        "Andersen", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Huber", "Ivanova", "Jansen", "Keller",
        "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Rossi", "Schmidt", "Tanaka", "Urban", "Vogel", "Weber", "Young",
    ];

    public static readonly (string Name, string City)[] Warehouses =
    [
        ("North Hub", "Hamburg"), ("South Hub", "Munich"), ("West Hub", "Cologne"), ("East Hub", "Leipzig"),
    ];

    /// <summary>Review titles by rating, 1 star first.</summary>
    public static readonly string[][] ReviewTitles =
    [
        ["Disappointing", "Broke after a week", "Not as described", "Would not buy again"],
        ["Meh", "Below expectations", "Could be better", "Not great"],
        ["Okay for the price", "Decent", "Does the job", "Average"],
        ["Very good", "Happy with it", "Solid choice", "Nice quality"],
        ["Excellent!", "Love it", "Perfect", "Best purchase this year", "Highly recommended"],
    ];

    public static readonly string[] ReviewSentences =
    [
        "Arrived quickly and well packed.", "The quality is better than I expected.", "Slightly smaller than in the photos.",
        "I use it every day.", "It was a gift and they loved it.", "The finish feels cheap.", "Great value for money.",
        "Instructions could be clearer.", "Exactly what I was looking for.", "Customer service was helpful.",
        "After a month it still looks new.", "The colour is a bit different from the picture.",
    ];
}
