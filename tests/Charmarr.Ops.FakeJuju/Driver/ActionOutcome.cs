using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Driver;

/// Juju's finalizeAction: final status/message and the results it adds after the process exits.
internal static class ActionOutcome
{
    public static void Finish(FakeAction action, BoundedProcess.Result process)
    {
        if (process.TimedOut)
        {
            action.Status = "failed";
            action.Message = "signal: killed";
        }
        else if (process.ExitCode != 0)
        {
            action.Status = "failed";
            action.Message = $"exit status {process.ExitCode}";
        }
        else if (action.FailMessage is not null)
        {
            action.Status = "failed";
            action.Message = action.FailMessage;
        }
        else
        {
            action.Status = "completed";
            action.Message = "";
        }
        action.Results["return-code"] = process.ExitCode;
        AddOutput(action.Results, "stdout", process.Stdout);
        AddOutput(action.Results, "stderr", process.Stderr);
    }

    private static void AddOutput(JsonObject results, string key, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }
        try
        {
            results[key] = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            results[key] = Convert.ToBase64String(bytes);
            results[key + "-encoding"] = "base64";
        }
    }
}
