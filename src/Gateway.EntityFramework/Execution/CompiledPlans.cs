using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Gateway.EntityFramework.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Gateway.EntityFramework.Execution;

/// <summary>
/// Runs a projected query as an EF Core compiled query, one per query shape. Every execution of a LINQ query makes EF
/// Core walk its whole tree to pull out parameter values and then hash and compare the tree to find its compiled form
/// (about a quarter of a product page's time); a screen asks the same shapes again and again with other values. The
/// engine already puts every client value into a tree as a <see cref="ValueParameter"/>: this class describes a tree's
/// shape as text with those values left out (one walk, no rebuilding), compiles the shape once with the values as the
/// compiled query's parameters, and afterwards runs it with the values of each request. A tree with anything it does
/// not describe exactly (a captured object, an unknown node) is run the usual way.
/// </summary>
internal static class CompiledPlans
{
    /// <summary>Shapes kept per model; past it, new shapes run the usual way (the set of a deployment's screens is small).</summary>
    private const int MaxShapesPerModel = 4_096;

    /// <summary>EF Core's compiled queries take at most 15 parameters besides the context.</summary>
    private const int MaxValues = 15;

    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<string, Func<DbContext, object?[], IAsyncEnumerable<object?[]>>?>> Plans = [];
    private static readonly ConcurrentDictionary<object, int> Ids = new();
    private static readonly ConcurrentDictionary<Type, bool> Closures = new();
    private static int _lastId;
    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
    private static readonly MethodInfo ParameterMethod = typeof(EF).GetMethod(nameof(EF.Parameter))!;

    /// <summary>
    /// The rows of <paramref name="projected"/> through its shape's compiled query; null when it has no plan.
    /// <paramref name="finish"/> makes the tree EF Core runs out of the one described (the same for equal shapes, and
    /// keeping the value nodes as they are): it runs only when a shape is compiled.
    /// </summary>
    public static IAsyncEnumerable<object?[]>? TryRun(DbContext db, Expression projected, Func<Expression, Expression> finish) =>
        TryRun(db, projected, finish, out _);

    /// <summary>
    /// <see cref="TryRun(DbContext, Expression, Func{Expression, Expression})"/>, and the compiled query with the values
    /// it ran with, for a caller that runs the same tree again with other slot values (<see cref="PreparedRead"/>).
    /// </summary>
    public static IAsyncEnumerable<object?[]>? TryRun(DbContext db, Expression projected, Func<Expression, Expression> finish, out CompiledRun? run)
    {
        run = null;
        // The context's type leads the text: a compiled query takes that type of context only.
        var shape = new ShapeWriter(db.GetType());
        if (!shape.TryWrite(projected) || shape.Values.Count > MaxValues)
        {
            return null;
        }

        var plans = Plans.GetValue(db.Model, static _ => new ConcurrentDictionary<string, Func<DbContext, object?[], IAsyncEnumerable<object?[]>>?>());
        var key = shape.Text;
        object?[] values = [.. shape.Values];
        if (plans.TryGetValue(key, out var plan))
        {
            run = plan is null ? null : new CompiledRun(plan, values, shape.SlotPositions());
            return plan?.Invoke(db, values);
        }

        if (plans.Count >= MaxShapesPerModel || Compile(db.GetType(), finish(projected), shape) is not { } compiled)
        {
            plans.TryAdd(key, null);
            return null;
        }

        try
        {
            // EF Core translates a compiled query at its first execution: a shape it cannot compile runs the usual way.
            var rows = compiled(db, values);
            plans.TryAdd(key, compiled);
            run = new CompiledRun(compiled, values, shape.SlotPositions());
            return rows;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            plans.TryAdd(key, null);
            return null;
        }
    }

    private static Func<DbContext, object?[], IAsyncEnumerable<object?[]>>? Compile(Type contextType, Expression projected, ShapeWriter shape)
    {
        try
        {
            var context = Expression.Parameter(contextType, "context");
            var parameters = shape.ValueTypes.Select((type, i) => Expression.Parameter(type, "value" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
            var body = new Rebinder(shape.ValueNodes, parameters, context).Visit(projected)!;
            var lambda = Expression.Lambda(
                Expression.GetFuncType([contextType, .. shape.ValueTypes, typeof(IQueryable<object?[]>)]), body, [context, .. parameters]);
            var compile = typeof(EF).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(method =>
                    method.Name == nameof(EF.CompileAsyncQuery) && method.GetGenericArguments().Length == parameters.Length + 2
                    && method.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1] is { IsGenericType: true } result
                    && result.GetGenericTypeDefinition() == typeof(IQueryable<>))
                .MakeGenericMethod([contextType, .. shape.ValueTypes, typeof(object?[])]);
            var compiled = (Delegate)compile.Invoke(null, [lambda])!;

            // (DbContext db, object?[] values) => compiled((TContext)db, (T0)values[0], ...), compiled once per shape.
            var db = Expression.Parameter(typeof(DbContext), "db");
            var values = Expression.Parameter(typeof(object?[]), "values");
            var call = Expression.Invoke(Expression.Constant(compiled), [Expression.Convert(db, contextType),
                .. shape.ValueTypes.Select((type, i) => Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), type))]);
            return Expression.Lambda<Func<DbContext, object?[], IAsyncEnumerable<object?[]>>>(call, db, values).Compile();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException or TargetInvocationException)
        {
            return null; // a shape EF Core does not compile: it runs the usual way
        }
    }

    /// <summary>
    /// Writes a tree's shape: node kinds, types, members and methods (by an id per reflection object), constants of
    /// simple types with their value, lambda parameters by their order of declaration, and each client value as a slot
    /// with its type. Fails on anything else, so two trees with the same text differ at most in their values. It
    /// changes no node, so <see cref="ExpressionVisitor"/>'s own visits of the children rebuild nothing.
    /// </summary>
    private sealed class ShapeWriter : ExpressionVisitor
    {
        private readonly StringBuilder _text = new(1024);
        private readonly Dictionary<ParameterExpression, int> _parameters = [];
        private bool _failed;

        public ShapeWriter(Type contextType) => Write(contextType);

        public List<object?> Values { get; } = [];

        public List<Type> ValueTypes { get; } = [];

        /// <summary>Each value's node in the tree written, by its slot: the compiled query's parameters replace them.</summary>
        public Dictionary<Expression, int> ValueNodes { get; } = new(ReferenceEqualityComparer.Instance);

        public string Text => _text.ToString();

        /// <summary>The positions of the values made by <see cref="ValueParameter.Slot"/>.</summary>
        public int[] SlotPositions() => [.. ValueNodes.Where(pair => ValueParameter.IsSlot(pair.Key)).Select(pair => pair.Value).Distinct()];

        public bool TryWrite(Expression expression)
        {
            Visit(expression);
            return !_failed;
        }

        public override Expression? Visit(Expression? node)
        {
            if (_failed || node is null)
            {
                return node;
            }

            if (ValueParameter.IsValue(node, out var value, out var type) || IsCapturedValue(node, out value, out type))
            {
                if (!ValueNodes.TryGetValue(node, out var slot))
                {
                    slot = Values.Count;
                    ValueNodes[node] = slot;
                    Values.Add(value);
                    ValueTypes.Add(type);
                }

                Write('v').Write(slot).Write(type);
                return node;
            }

            switch (node.NodeType)
            {
                case ExpressionType.Call or ExpressionType.MemberAccess or ExpressionType.Lambda or ExpressionType.Parameter
                    or ExpressionType.Constant or ExpressionType.New or ExpressionType.NewArrayInit or ExpressionType.NewArrayBounds
                    or ExpressionType.Conditional or ExpressionType.TypeIs or ExpressionType.TypeEqual or ExpressionType.Default
                    or ExpressionType.Extension:
                case var _ when node is BinaryExpression or UnaryExpression:
                    // A member's, a method's and a parameter's type follow from them (a parameter's is written where declared).
                    Write('(').Write((int)node.NodeType);
                    if (node.NodeType is not (ExpressionType.MemberAccess or ExpressionType.Call or ExpressionType.Parameter or ExpressionType.Extension))
                    {
                        Write(node.Type);
                    }

                    base.Visit(node);
                    _text.Append(')');
                    return node;
                default:
                    _failed = true;
                    return node;
            }
        }

        /// <summary>
        /// A variable a lambda captured (a field of a compiler-generated closure, as C# compiles <c>x => x.Take(take)</c>):
        /// a value like any other, as EF Core treats it. Captured queries and contexts are not values: they fail the shape.
        /// </summary>
        private static bool IsCapturedValue(Expression node, out object? value, out Type type)
        {
            if (node is MemberExpression { Expression: ConstantExpression { Value: { } closure }, Member: FieldInfo field }
                && Closures.GetOrAdd(closure.GetType(), static t => t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
                && !typeof(IQueryable).IsAssignableFrom(field.FieldType) && !typeof(DbContext).IsAssignableFrom(field.FieldType)
                && !typeof(Expression).IsAssignableFrom(field.FieldType))
            {
                value = field.GetValue(closure);
                type = field.FieldType;
                return true;
            }

            value = null;
            type = null!;
            return false;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Conversion is not null)
            {
                _failed = true;
                return node;
            }

            Write(node.Method).Write(node.IsLiftedToNull ? 1 : 0);
            return base.VisitBinary(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            Write(node.Method);
            return base.VisitUnary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Write(node.Method);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Write(node.Member);
            return base.VisitMember(node);
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            foreach (var parameter in node.Parameters)
            {
                _parameters.TryAdd(parameter, _parameters.Count);
                Write(_parameters[parameter]).Write(parameter.Type);
            }

            Visit(node.Body);
            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_parameters.TryGetValue(node, out var id))
            {
                _failed = true; // a free parameter: not a query of its own
               
                return node;
            }

            Write('p').Write(id);
            return node;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            var type = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
            if (node.Value is null)
            {
                Write('n');
            }
            else if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
                     || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(TimeSpan))
            {
                var text = Convert.ToString(node.Value, CultureInfo.InvariantCulture) ?? "";
                Write('k').Write(text.Length);
                _text.Append(':').Append(text);
            }
            else
            {
                _failed = true; // a captured object: its state is not in the text
               
            }

            return node;
        }

        protected override Expression VisitNew(NewExpression node)
        {
            Write(node.Constructor);
            foreach (var member in node.Members ?? [])
            {
                Write(member);
            }

            return base.VisitNew(node);
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
        {
            Write(node.TypeOperand);
            return base.VisitTypeBinary(node);
        }

        protected override Expression VisitExtension(Expression node)
        {
            // The only extension node the engine's trees carry: a set's query root (EF Core's own form of db.Set<T>()).
            if (node.GetType() == typeof(EntityQueryRootExpression) && node is EntityQueryRootExpression root)
            {
                Write(root.EntityType.ClrType);
                _text.Append(root.EntityType.Name);
            }
            else
            {
                _failed = true;
            }

            return node;
        }

        private ShapeWriter Write(char c)
        {
            _text.Append(c);
            return this;
        }

        private ShapeWriter Write(int value)
        {
            _text.Append(value).Append(',');
            return this;
        }

        private ShapeWriter Write(object? reflected) => Write(reflected is null ? -1 : Ids.GetOrAdd(reflected, static _ => Interlocked.Increment(ref _lastId)));
    }

    /// <summary>Puts the compiled query's parameters in place of the values, and the context's sets in place of the query roots.</summary>
    private sealed class Rebinder(Dictionary<Expression, int> values, ParameterExpression[] parameters, ParameterExpression context) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) =>
            node is not null && values.TryGetValue(node, out var slot) ? parameters[slot] : base.Visit(node);

        // A compiled query's parameter is a parameter already; EF.Parameter(...) around it is refused there.
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == ParameterMethod && values.TryGetValue(node.Arguments[0], out var slot)
                ? parameters[slot]
                : base.VisitMethodCall(node);

        protected override Expression VisitExtension(Expression node) =>
            node is EntityQueryRootExpression root
                ? Expression.Call(context, SetMethod.MakeGenericMethod(root.EntityType.ClrType))
                : base.VisitExtension(node);
    }
}

/// <summary>A compiled query, the values it ran with, and which of them are the read's slot (see <see cref="ValueParameter.Slot"/>).</summary>
internal sealed record CompiledRun(Func<DbContext, object?[], IAsyncEnumerable<object?[]>> Plan, object?[] Values, int[] SlotPositions);
