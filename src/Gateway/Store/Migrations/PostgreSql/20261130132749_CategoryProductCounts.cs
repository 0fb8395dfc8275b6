using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Store.Migrations.PostgreSql
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
                type: "integer",
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
            // that category's parent; a category that moves takes its count from one parent to the other.
            migrationBuilder.Sql("""
                CREATE FUNCTION store_count_products() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        UPDATE "Categories" SET "ProductCount" = "ProductCount" - 1
                        WHERE "Id" = OLD."CategoryId" OR "Id" = (SELECT "ParentId" FROM "Categories" WHERE "Id" = OLD."CategoryId");
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        UPDATE "Categories" SET "ProductCount" = "ProductCount" + 1
                        WHERE "Id" = NEW."CategoryId" OR "Id" = (SELECT "ParentId" FROM "Categories" WHERE "Id" = NEW."CategoryId");
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Products_Count" AFTER INSERT OR DELETE OR UPDATE OF "CategoryId" ON "Products"
                FOR EACH ROW EXECUTE FUNCTION store_count_products();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION store_move_category_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" - NEW."ProductCount" WHERE "Id" = OLD."ParentId";
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" + NEW."ProductCount" WHERE "Id" = NEW."ParentId";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Categories_CountMove" AFTER UPDATE OF "ParentId" ON "Categories"
                FOR EACH ROW WHEN (OLD."ParentId" IS DISTINCT FROM NEW."ParentId") EXECUTE FUNCTION store_move_category_count();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_Categories_CountMove" ON "Categories";""");
            migrationBuilder.Sql("DROP FUNCTION store_move_category_count();");
            migrationBuilder.Sql("""DROP TRIGGER "TR_Products_Count" ON "Products";""");
            migrationBuilder.Sql("DROP FUNCTION store_count_products();");

            migrationBuilder.DropColumn(
                name: "ProductCount",
                table: "Categories");
        }
    }
}
