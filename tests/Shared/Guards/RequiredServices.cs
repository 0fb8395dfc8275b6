namespace Gateway.Testing;

/// <summary>
/// <c>GATEWAY_TESTS_REQUIRE_SERVICES=1</c> (set by .ci/run): the tests that need PostgreSQL or Redis fail, rather
/// than skip, where its binaries cannot be found, so a CI run cannot report a skip as if those tests had run.
/// </summary>
public static class RequiredServices
{
    public const string Variable = "GATEWAY_TESTS_REQUIRE_SERVICES";

    public static bool Required => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>The reason a test cannot run, as a failure message under <see cref="Variable"/>.</summary>
    public static string Failure(string reason) => $"{Variable}=1, so this test fails instead of skipping: {reason}";
}
