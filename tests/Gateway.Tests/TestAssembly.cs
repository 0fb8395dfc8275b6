namespace Gateway.Testing;

/// <summary>This assembly's name, for xunit's discoverer attributes in files shared between test projects.</summary>
internal static class TestAssembly
{
    public const string Name = "Gateway.Tests";
}
