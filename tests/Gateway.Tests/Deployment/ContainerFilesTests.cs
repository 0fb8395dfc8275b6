using Gateway.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deployment;

/// <summary>No Docker engine runs on the build machines, so the container files are checked by reading them.</summary>
public sealed class ContainerFilesTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    [Fact]
    public void Compose_runs_postgres_17_with_a_volume_and_redis_7_with_health_checks()
    {
        var postgres = Service("postgres");
        Assert.Equal("postgres:17", postgres["image"].ToString());
        Assert.Contains(Sequence(postgres, "volumes"), v => v.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        Assert.Contains("pg_isready", Sequence((YamlMappingNode)postgres["healthcheck"], "test").Last(), StringComparison.Ordinal);

        var redis = Service("redis");
        Assert.Equal("redis:7", redis["image"].ToString());
        Assert.True(((YamlMappingNode)redis).Children.ContainsKey("healthcheck"));
    }

    [Theory]
    [InlineData("gateway-1")]
    [InlineData("gateway-2")]
    public void Each_gateway_replica_is_built_from_the_dockerfile_on_postgres_and_redis(string name)
    {
        var gateway = Service(name);
        var build = (YamlMappingNode)gateway["build"];
        Assert.Equal("Dockerfile", build["dockerfile"].ToString());
        Assert.True(File.Exists(Path.Combine(ContractPaths.RepositoryRoot, build["context"].ToString(), "Dockerfile")));

        var environment = (YamlMappingNode)gateway["environment"];
        Assert.Equal("PostgreSQL", environment["Store__Provider"].ToString());
        Assert.Contains("Host=postgres;", environment["ConnectionStrings__Store"].ToString(), StringComparison.Ordinal);
        Assert.StartsWith("redis:", environment["ConnectionStrings__Redis"].ToString(), StringComparison.Ordinal);
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"].ToString());
        Assert.Equal("http://shipping:8080/graphql", environment["Shipping__Url"].ToString());

        var health = string.Join(' ', Sequence((YamlMappingNode)gateway["healthcheck"], "test"));
        Assert.Contains("/health/ready", health, StringComparison.Ordinal);
        var dependencies = (YamlMappingNode)gateway["depends_on"];
        Assert.All(new[] { "postgres", "redis" }, d => Assert.Equal("service_healthy", ((YamlMappingNode)dependencies[d])["condition"].ToString()));
    }

    [Fact]
    public void Compose_runs_the_shipping_service_from_its_stage_of_the_dockerfile()
    {
        var shipping = Service("shipping");
        var build = (YamlMappingNode)shipping["build"];
        var dockerfile = File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, build["context"].ToString(), build["dockerfile"].ToString()));
        Assert.Equal("shipping", build["target"].ToString());
        Assert.Contains("AS shipping", dockerfile, StringComparison.Ordinal);

        Assert.Contains("dotnet publish src/Shipping/Shipping.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Shipping.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("/graphql?sdl", string.Join(' ', Sequence((YamlMappingNode)shipping["healthcheck"], "test")), StringComparison.Ordinal);
        var dependencies = (YamlMappingNode)Service("gateway-1")["depends_on"];
        Assert.Equal("service_started", ((YamlMappingNode)dependencies["shipping"])["condition"].ToString());
    }

    [Fact]
    public void Nginx_balances_both_replicas_on_port_5000_passing_websockets_and_event_streams()
    {
        var nginx = Service("nginx");
        Assert.StartsWith("nginx:", nginx["image"].ToString(), StringComparison.Ordinal);
        Assert.Contains("5000:80", Sequence(nginx, "ports"));
        var mount = Assert.Single(Sequence(nginx, "volumes"), v => v.Contains("nginx.conf", StringComparison.Ordinal));
        var config = File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, mount.Split(':')[0]));

        Assert.Contains("server gateway-1:8080", config, StringComparison.Ordinal);
        Assert.Contains("server gateway-2:8080", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", config, StringComparison.Ordinal);
        Assert.Contains("proxy_buffering off;", config, StringComparison.Ordinal);
        var dependencies = (YamlMappingNode)nginx["depends_on"];
        Assert.Equal("service_healthy", ((YamlMappingNode)dependencies["gateway-1"])["condition"].ToString());
    }

    [Fact]
    public void Dockerfile_publishes_the_gateway_and_serves_on_the_composed_port()
    {
        var dockerfile = File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "Dockerfile"));

        Assert.Contains("dotnet publish src/Gateway/Gateway.csproj", dockerfile);
        Assert.Contains("EXPOSE 8080", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Gateway.dll\"]", dockerfile);
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node[key]).Select(v => v.ToString())];

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "docker-compose.yml"))));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }
}
