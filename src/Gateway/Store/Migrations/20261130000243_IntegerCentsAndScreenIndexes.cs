using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Store.Migrations
{
    /// <inheritdoc />
    public partial class IntegerCentsAndScreenIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId",
                table: "Products");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Product_Price",
                table: "Products");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OrderLine_UnitPrice",
                table: "OrderLines");

            migrationBuilder.RenameColumn(
                name: "Price",
                table: "Products",
                newName: "PriceCents");

            migrationBuilder.RenameColumn(
                name: "UnitPrice",
                table: "OrderLines",
                newName: "UnitPriceCents");

            // Convert the values while the columns still hold decimal text; the rebuild below then stores them as integers.
            migrationBuilder.Sql(DecimalTextToCents.Update("Products", "PriceCents"));
            migrationBuilder.Sql(DecimalTextToCents.Update("OrderLines", "UnitPriceCents"));

            migrationBuilder.AlterColumn<long>(
                name: "PriceCents",
                table: "Products",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.AlterColumn<long>(
                name: "UnitPriceCents",
                table: "OrderLines",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ProductId_CreatedAt",
                table: "Reviews",
                columns: new[] { "ProductId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ProductId_Rating",
                table: "Reviews",
                columns: new[] { "ProductId", "Rating" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_PriceCents",
                table: "Products",
                columns: new[] { "CategoryId", "PriceCents" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_PriceCents",
                table: "Products",
                column: "PriceCents");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Product_Price",
                table: "Products",
                sql: "\"PriceCents\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OrderLine_UnitPrice",
                table: "OrderLines",
                sql: "\"UnitPriceCents\" >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_ProductId_CreatedAt",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ProductId_Rating",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_PriceCents",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_PriceCents",
                table: "Products");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Product_Price",
                table: "Products");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OrderLine_UnitPrice",
                table: "OrderLines");

            migrationBuilder.RenameColumn(
                name: "PriceCents",
                table: "Products",
                newName: "Price");

            migrationBuilder.RenameColumn(
                name: "UnitPriceCents",
                table: "OrderLines",
                newName: "UnitPrice");

            migrationBuilder.Sql(DecimalTextToCents.Revert("Products", "Price"));
            migrationBuilder.Sql(DecimalTextToCents.Revert("OrderLines", "UnitPrice"));

            migrationBuilder.AlterColumn<decimal>(
                name: "Price",
                table: "Products",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.AlterColumn<decimal>(
                name: "UnitPrice",
                table: "OrderLines",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId",
                table: "Products",
                column: "CategoryId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Product_Price",
                table: "Products",
                sql: "\"Price\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OrderLine_UnitPrice",
                table: "OrderLines",
                sql: "\"UnitPrice\" >= 0");
        }
    }
}
