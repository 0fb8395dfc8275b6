using System.Text.Json;

namespace Gateway.Http.WebSockets;

/// <summary>
/// A client message whose envelope has been validated against the protocol: the checks of the
/// reference implementation (graphql-ws <c>validateMessage</c>), so clients get the same 4400s.
/// </summary>
internal readonly record struct ClientMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>Validates the envelope of <paramref name="root"/>; the elements stay tied to its document.</summary>
    public static bool TryParse(JsonElement root, out ClientMessage message, out string error)
    {
        message = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "Message must be a JSON object";
            return false;
        }

        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "Message is missing the string property 'type'";
            return false;
        }

        var type = typeElement.GetString()!;
        JsonElement? payload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null
            ? payloadElement
            : null;
        string? id = null;

        switch (type)
        {
            case MessageTypes.ConnectionInit:
            case MessageTypes.Ping:
            case MessageTypes.Pong:
                if (payload is { ValueKind: not JsonValueKind.Object })
                {
                    error = $"'{type}' message expects the 'payload' property to be an object or missing";
                    return false;
                }

                break;
            case MessageTypes.Subscribe:
                if (!TryReadId(root, type, out id, out error))
                {
                    return false;
                }

                if (payload is not { ValueKind: JsonValueKind.Object })
                {
                    error = "'subscribe' message expects the 'payload' property to be an object";
                    return false;
                }

                break;
            case MessageTypes.Complete:
                if (!TryReadId(root, type, out id, out error))
                {
                    return false;
                }

                break;
            default:
                // connection_ack, next and error travel server to client only.
                error = $"Unexpected message of type '{type}' received";
                return false;
        }

        message = new ClientMessage(type, id, payload);
        error = string.Empty;
        return true;
    }

    private static bool TryReadId(JsonElement root, string type, out string? id, out string error)
    {
        id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        error = string.IsNullOrEmpty(id) ? $"'{type}' message requires a non-empty string 'id'" : string.Empty;
        return error.Length == 0;
    }
}
