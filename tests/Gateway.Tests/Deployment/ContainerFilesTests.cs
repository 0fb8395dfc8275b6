using Gateway.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deployment;

/// <summary>No Docker engine runs on the build machines, so the container files are checked by reading them.</summary>
public sealed class ContainerFilesTests
{
    [Fact]
    public void Compose_file_runs_the_gateway_with_a_volume_for_the_store()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "docker-compose.yml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        var gateway = (YamlMappingNode)((YamlMappingNode)root["services"])["gateway"];
        var build = (YamlMappingNode)gateway["build"];
        Assert.Equal("Dockerfile", build["dockerfile"].ToString());
        Assert.True(File.Exists(Path.Combine(ContractPaths.RepositoryRoot, build["context"].ToString(), "Dockerfile")));

        var volumes = ((YamlSequenceNode)gateway["volumes"]).Select(v => v.ToString()).ToList();
        var storeVolume = Assert.Single(volumes, v => v.EndsWith(":/data", StringComparison.Ordinal));
        Assert.True(((YamlMappingNode)root["volumes"]).Children.ContainsKey(storeVolume.Split(':')[0]));

        var environment = (YamlMappingNode)gateway["environment"];
        Assert.Contains("/data/", environment["ConnectionStrings__Store"].ToString());
        Assert.Contains(((YamlSequenceNode)gateway["ports"]).Select(p => p.ToString()), p => p.EndsWith(":8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_publishes_the_gateway_and_serves_on_the_composed_port()
    {
        var dockerfile = File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "Dockerfile"));

        Assert.Contains("dotnet publish src/Gateway/Gateway.csproj", dockerfile);
        Assert.Contains("EXPOSE 8080", dockerfile);
        Assert.Contains("VOLUME /data", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Gateway.dll\"]", dockerfile);
    }
}
