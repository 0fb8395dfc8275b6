using System.Linq.Expressions;
using Gateway.EntityFramework.Compilation;
using Gateway.EntityFramework.Tests.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace Gateway.EntityFramework.Tests.Compilation;

/// <summary>
/// Closed nested lambdas become constants compiled once; every other lambda stays where it is, and the tree computes
/// what it computed before. Then EF Core's own pipeline with the hoisting step in it (the whole library suite runs
/// with it too: <see cref="LibraryFixture"/>).
/// </summary>
public class ClosedLambdaHoistingTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static readonly ParameterExpression Outer = Expression.Parameter(typeof(int), "outer");

    [Fact]
    public void A_closed_nested_lambda_becomes_a_constant_delegate()
    {
        Expression<Func<int, int>> square = x => x * x;
        var tree = Expression.Lambda<Func<int, int>>(Expression.Invoke(Expression.Constant(new Apply(), typeof(Apply)).Method(square), Outer), Outer);

        var hoisted = (Expression<Func<int, int>>)ClosedLambdaHoisting.Apply(tree);

        Assert.DoesNotContain(Nodes(hoisted.Body), node => node is LambdaExpression);
        Assert.Contains(Nodes(hoisted.Body), node => node is ConstantExpression { Value: Func<int, int> });
        Assert.Equal(49, hoisted.Compile()(7));
    }

    [Fact]
    public void A_lambda_that_uses_a_parameter_of_the_code_around_it_stays()
    {
        var x = Expression.Parameter(typeof(int), "x");
        var plusOuter = Expression.Lambda<Func<int, int>>(Expression.Add(x, Outer), x);
        var tree = Expression.Lambda<Func<int, int>>(Expression.Invoke(Expression.Constant(new Apply(), typeof(Apply)).Method(plusOuter), Outer), Outer);

        var hoisted = (Expression<Func<int, int>>)ClosedLambdaHoisting.Apply(tree);

        Assert.Contains(Nodes(hoisted.Body), node => node == plusOuter || node is LambdaExpression { Parameters: [var p] } && p == x);
        Assert.Equal(14, hoisted.Compile()(7));
    }

    [Fact]
    public void A_lambda_that_uses_a_block_variable_around_it_stays_and_one_with_its_own_block_variables_goes()
    {
        var local = Expression.Variable(typeof(int), "local");
        var x = Expression.Parameter(typeof(int), "x");
        var usesLocal = Expression.Lambda<Func<int, int>>(Expression.Multiply(x, local), x);
        var ownLocal = Expression.Variable(typeof(int), "own");
        var ownBlock = Expression.Lambda<Func<int, int>>(
            Expression.Block([ownLocal], Expression.Assign(ownLocal, Expression.Add(x, Expression.Constant(1))), ownLocal), x);
        var apply = Expression.Constant(new Apply(), typeof(Apply));
        var tree = Expression.Lambda<Func<int, int>>(
            Expression.Block([local],
                Expression.Assign(local, Expression.Constant(3)),
                Expression.Add(Expression.Invoke(apply.Method(usesLocal), Outer), Expression.Invoke(apply.Method(ownBlock), Outer))),
            Outer);

        var hoisted = (Expression<Func<int, int>>)ClosedLambdaHoisting.Apply(tree);

        var lambdas = Nodes(hoisted.Body).OfType<LambdaExpression>().ToList();
        Assert.Single(lambdas);
        Assert.Same(x, lambdas[0].Parameters[0]);
        Assert.Equal(ExpressionType.Multiply, lambdas[0].Body.NodeType);
        Assert.Equal((7 * 3) + 8, hoisted.Compile()(7));
    }

    [Fact]
    public void A_quoted_lambda_stays_data()
    {
        Expression<Func<int, bool>> positive = x => x > 0;
        var where = typeof(Queryable).GetMethods().First(m => m.Name == nameof(Queryable.Where) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2)
            .MakeGenericMethod(typeof(int));
        var source = Expression.Parameter(typeof(IQueryable<int>), "source");
        var tree = Expression.Lambda<Func<IQueryable<int>, IQueryable<int>>>(Expression.Call(where, source, Expression.Quote(positive)), source);

        var hoisted = (Expression<Func<IQueryable<int>, IQueryable<int>>>)ClosedLambdaHoisting.Apply(tree);

        Assert.Same(tree.Body, hoisted.Body);
        Assert.Equal([1, 2], hoisted.Compile()(new[] { -1, 1, 2 }.AsQueryable()));
    }

    [Fact]
    public void A_lambda_invoked_where_it_stands_stays_inline_with_its_body_hoisted()
    {
        var x = Expression.Parameter(typeof(int), "x");
        Expression<Func<int, int>> triple = y => y * 3;
        var apply = Expression.Constant(new Apply(), typeof(Apply));
        var invokedInline = Expression.Lambda<Func<int, int>>(Expression.Invoke(apply.Method(triple), x), x);
        var tree = Expression.Lambda<Func<int, int>>(Expression.Invoke(invokedInline, Outer), Outer);

        var hoisted = (Expression<Func<int, int>>)ClosedLambdaHoisting.Apply(tree);

        var invocation = Assert.IsAssignableFrom<InvocationExpression>(hoisted.Body);
        var inline = Assert.IsAssignableFrom<LambdaExpression>(invocation.Expression);
        Assert.DoesNotContain(Nodes(inline.Body), node => node is LambdaExpression);
        Assert.Equal(21, hoisted.Compile()(7));
    }

    [Fact]
    public void The_option_puts_the_hoisting_step_into_EF_Cores_services()
    {
        using var db = library.CreateDb();

#pragma warning disable EF9100 // the service EF Core marks experimental, which the option replaces
        var processor = db.GetService<ILiftableConstantProcessor>();
#pragma warning restore EF9100
        Assert.Equal("ShaperCompilingConstantProcessor", processor.GetType().Name);
    }

    [Fact]
    public async Task A_projected_collection_reads_the_same_rows_with_its_inner_shaper_compiled_once()
    {
        // The inner shaper of a projected collection is the lambda EF Core 10 would otherwise re-create on every row.
        await using var hoisting = library.CreateDb();
        await using var plain = new LibraryDb(new DbContextOptionsBuilder<LibraryDb>().UseSqlite(hoisting.Database.GetDbConnection()).Options);

        var expected = await Query(plain);
        var actual = await Query(hoisting);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);

        static Task<List<string>> Query(LibraryDb db) => db.Authors.OrderBy(a => a.Id)
            .Select(a => new { a.Name, Books = a.Books.OrderBy(b => b.Id).Select(b => new { b.Title, Reviews = b.Reviews.Count }).ToList() })
            .Select(a => a.Name + ":" + string.Join(",", a.Books.Select(b => b.Title + "/" + b.Reviews)))
            .ToListAsync();
    }

    private static List<Expression> Nodes(Expression root)
    {
        var collector = new NodeCollector();
        collector.Visit(root);
        return collector.Nodes;
    }

    /// <summary>Hands a lambda to a method, as EF Core hands a shaper to <c>SingleQueryingEnumerable.Create</c>.</summary>
    private sealed class Apply
    {
        public Func<int, int> Take(Func<int, int> function) => function;
    }

    private sealed class NodeCollector : ExpressionVisitor
    {
        public List<Expression> Nodes { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                Nodes.Add(node);
            }

            return base.Visit(node);
        }
    }
}

internal static class ApplyExpressions
{
    /// <summary><c>apply.Take(lambda)</c>: a lambda as an argument, the way EF Core's plans pass their shapers.</summary>
    public static MethodCallExpression Method(this Expression apply, LambdaExpression lambda) =>
        Expression.Call(apply, apply.Type.GetMethod("Take")!, lambda);
}
