using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Store.Migrations
{
    /// <inheritdoc />
    public partial class ProductRatingAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RatingSum",
                table: "Products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReviewCount",
                table: "Products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The aggregates of the reviews the store already holds; from here on each review write keeps them.
            migrationBuilder.Sql("""
                UPDATE "Products" SET
                    "ReviewCount" = (SELECT COUNT(*) FROM "Reviews" AS r WHERE r."ProductId" = "Products"."Id"),
                    "RatingSum" = (SELECT COALESCE(SUM(r."Rating"), 0) FROM "Reviews" AS r WHERE r."ProductId" = "Products"."Id");
                """);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Product_Rating",
                table: "Products",
                sql: "\"ReviewCount\" >= 0 AND \"RatingSum\" BETWEEN \"ReviewCount\" AND 5 * \"ReviewCount\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Product_Rating",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "RatingSum",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ReviewCount",
                table: "Products");
        }
    }
}
