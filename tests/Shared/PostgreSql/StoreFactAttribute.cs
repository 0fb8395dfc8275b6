using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gateway.Testing.PostgreSql;

/// <summary>
/// Marks a test class whose tests run on PostgreSQL (typically a subclass of a SQLite test class, taking a
/// PostgreSQL fixture): its <see cref="StoreFactAttribute"/> and <see cref="StoreTheoryAttribute"/> tests are
/// skipped with <see cref="PostgreSqlServer.SkipReason"/> where PostgreSQL is not installed (failed under
/// <see cref="RequiredServices.Variable"/>).
/// </summary>
public interface IRunsOnPostgreSql;

/// <summary>A fact that runs on each store provider its class runs on; see <see cref="IRunsOnPostgreSql"/>.</summary>
[XunitTestCaseDiscoverer("Gateway.Testing.PostgreSql.StoreFactDiscoverer", TestAssembly.Name)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A theory that runs on each store provider its class runs on; see <see cref="IRunsOnPostgreSql"/>.</summary>
[XunitTestCaseDiscoverer("Gateway.Testing.PostgreSql.StoreTheoryDiscoverer", TestAssembly.Name)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        StoreSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class StoreSkip
{
    /// <summary>
    /// One skipped test case, reporting why, when the class needs PostgreSQL and it is not installed; a failing one
    /// instead under <see cref="RequiredServices.Variable"/>.
    /// </summary>
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        if (PostgreSqlServer.SkipReason is not { } reason || !typeof(IRunsOnPostgreSql).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()))
        {
            return null;
        }
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        return RequiredServices.Required
            ? [new ExecutionErrorTestCase(sink, display, displayOptions, testMethod, RequiredServices.Failure(reason))]
            : [new XunitSkippedDataRowTestCase(sink, display, displayOptions, testMethod, reason)];
    }
}
