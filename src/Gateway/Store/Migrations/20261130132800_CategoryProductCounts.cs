using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Store.Migrations
{
    /// <summary>Keeps each category's product count in the store (Category.ProductCount), by triggers in the transaction of every write.</summary>
    public partial class CategoryProductCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProductCount",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The counts of the products a store already holds: the category's own and its children's (the tree has two levels).
            migrationBuilder.Sql("""
                UPDATE "Categories" SET "ProductCount" =
                    (SELECT COUNT(*) FROM "Products" AS p WHERE p."CategoryId" = "Categories"."Id")
                    + (SELECT COUNT(*) FROM "Products" AS p JOIN "Categories" AS child ON p."CategoryId" = child."Id"
                       WHERE child."ParentId" = "Categories"."Id");
                """);

            // From here on every write keeps them, in the writing transaction: a product counts for its category and
            // that category's parent; a category that moves takes its count from one parent to the other. (A later
            // migration that rebuilds Products or Categories, as EF Core does on SQLite for some changes, must create
            // these triggers again.)
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Products_CountInsert" AFTER INSERT ON "Products"
                BEGIN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" + 1
                    WHERE "Id" = NEW."CategoryId" OR "Id" = (SELECT "ParentId" FROM "Categories" WHERE "Id" = NEW."CategoryId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Products_CountDelete" AFTER DELETE ON "Products"
                BEGIN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" - 1
                    WHERE "Id" = OLD."CategoryId" OR "Id" = (SELECT "ParentId" FROM "Categories" WHERE "Id" = OLD."CategoryId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Products_CountMove" AFTER UPDATE OF "CategoryId" ON "Products"
                WHEN OLD."CategoryId" <> NEW."CategoryId"
                BEGIN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" - 1
                    WHERE "Id" = OLD."CategoryId" OR "Id" = (SELECT "ParentId" FROM "Categories" WHERE "Id" = OLD."CategoryId");
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" + 1
                    WHERE "Id" = NEW."CategoryId" OR "Id" = (SELECT "ParentId" FROM "Categories" WHERE "Id" = NEW."CategoryId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Categories_CountMove" AFTER UPDATE OF "ParentId" ON "Categories"
                WHEN OLD."ParentId" IS NOT NEW."ParentId"
                BEGIN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" - NEW."ProductCount" WHERE "Id" = OLD."ParentId";
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" + NEW."ProductCount" WHERE "Id" = NEW."ParentId";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_Categories_CountMove";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_Products_CountMove";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_Products_CountDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_Products_CountInsert";""");

            migrationBuilder.DropColumn(
                name: "ProductCount",
                table: "Categories");
        }
    }
}
