using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProductWeight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WeightGrams",
                table: "Products",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A store seeded before the column existed gets the weights a new seed would give it.
            migrationBuilder.Sql(Gateway.Catalog.ProductWeights.BackfillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WeightGrams",
                table: "Products");
        }
    }
}
