// Two sample modules for ModuleBoundaryTests' check of the type scan: Catalog exposes Reviews' types (not allowed),
// Reviews exposes Catalog's (allowed).
namespace Gateway.Tests.Modules.Samples.Catalog
{
    public class Product
    {
        public Samples.Reviews.Review? Best { get; set; }

        public static int Rate(IReadOnlyList<Samples.Reviews.Review> review) => review.Count;
    }

    public sealed class ProductList : List<Samples.Reviews.Review>;
}

namespace Gateway.Tests.Modules.Samples.Reviews
{
    public sealed class Review
    {
        public Samples.Catalog.Product? Product { get; set; }
    }
}
