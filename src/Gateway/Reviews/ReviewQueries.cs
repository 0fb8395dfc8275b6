using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Reviews;

public sealed class ReviewQueries : EntityQueries<StoreDbContext>
{
    public ReviewQueries()
    {
        Connection("reviews", db => db.Reviews);
    }
}
