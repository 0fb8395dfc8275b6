using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Store.Migrations
{
    /// <summary>
    /// An index for a product page's <c>related</c> list: the products of a category best rated first
    /// (<c>ProductType.RelatedBySize</c>). Without it SQLite reads every product of the category and sorts them by their
    /// average in a temporary B-tree to keep four (about 700 at scale 20, the largest statement of the page); with it, it
    /// reads the first rows of the index. An index on expressions, which EF Core's model cannot declare: the expressions
    /// are the ones EF Core writes for that ordering (SQLite uses the index only when they match), and a test checks the
    /// page's statement still uses it. A later migration that rebuilds the Products table must create it again.
    /// </summary>
    public partial class RelatedByRatingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Products_CategoryId_Rating" ON "Products" (
                    "CategoryId",
                    "ReviewCount" = 0,
                    CASE WHEN "ReviewCount" = 0 THEN NULL ELSE CAST("RatingSum" AS REAL) / CAST("ReviewCount" AS REAL) END DESC,
                    "Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Products_CategoryId_Rating";""");
        }
    }
}
