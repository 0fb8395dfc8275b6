using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;

namespace Gateway.Tests.Infrastructure;

public static class JsonSnapshots
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Matches a response's JSON against the test's snapshot, indented so that a diff reads line by line.</summary>
    public static void MatchJsonSnapshot(this JsonNode node, SnapshotNameExtension? name = null)
    {
        var json = node.ToJsonString(s_indented);
        if (name is null)
        {
            json.MatchSnapshot();
        }
        else
        {
            json.MatchSnapshot(name);
        }
    }
}
