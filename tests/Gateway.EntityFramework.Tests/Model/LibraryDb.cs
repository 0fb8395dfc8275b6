using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Tests.Model;

public sealed class LibraryDb(DbContextOptions<LibraryDb> options) : DbContext(options)
{
    public DbSet<Publisher> Publishers => Set<Publisher>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Book> Books => Set<Book>();
    public DbSet<Chapter> Chapters => Set<Chapter>();
    public DbSet<Review> Reviews => Set<Review>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // SQLite cannot order or compare decimals stored as TEXT; a REAL column keeps sorting and keyset paging in SQL.
        modelBuilder.Entity<Book>().Property(b => b.Price).HasConversion<double>();
        modelBuilder.Entity<Review>().HasOne(r => r.Reviewer).WithMany().HasForeignKey(r => r.ReviewerId);
    }
}
