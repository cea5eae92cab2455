using Microsoft.AspNetCore.Http;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>One request being served: the HTTP context, the simulator, the path's variables and the exec connections.</summary>
internal sealed record PebbleRequest(
    HttpContext Context,
    PebbleSimulator Simulator,
    IReadOnlyDictionary<string, string> Vars,
    ExecConnections Exec)
{
    public CancellationToken Aborted => Context.RequestAborted;

    public string Var(string name) => Vars[name];

    /// <summary>Reads the JSON body; a decode failure is 400 <c>&lt;prefix&gt;: &lt;Go error&gt;</c>.</summary>
    public async Task<RequestBody> BodyAsync(string errorPrefix, GoPayload payload)
    {
        try
        {
            return await RequestBody.ReadAsync(Context.Request.Body, payload, Aborted).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw SimulatedPebbleException.BadRequest($"{errorPrefix}: {e.Message}");
        }
    }

    /// <summary>Reads a body field, turning a type mismatch into 400 with the decode prefix.</summary>
    public static T Field<T>(Func<T> read, string errorPrefix)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw SimulatedPebbleException.BadRequest($"{errorPrefix}: {e.Message}");
        }
    }
}

/// <summary>Handles one endpoint; returns the envelope to send, or null when it wrote the response itself.</summary>
internal delegate Task<Envelope?> EndpointHandler(PebbleRequest request);
