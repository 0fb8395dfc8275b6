using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Gateway.EntityFramework.Compilation;

public static class QueryCompilationOptionsExtensions
{
    /// <summary>
    /// Makes the delegates of each compiled query's shapers once, when EF Core compiles the query, instead of on every
    /// execution and, for a projected collection, on every row (<see cref="ClosedLambdaHoisting"/>).
    /// </summary>
    public static DbContextOptionsBuilder CompileShapersOnce(this DbContextOptionsBuilder options) =>
#pragma warning disable EF9100 // the service EF Core marks experimental (see ShaperCompilingConstantProcessor)
        options.ReplaceService<ILiftableConstantProcessor, ShaperCompilingConstantProcessor>();
#pragma warning restore EF9100
}
