using System.Text;

namespace Charmarr.Ops.Testing.Juju.HookTools;

/// <summary>
/// The few messages a hook-tool shim and the simulation's hook-tool server exchange over a unix socket, modelled on
/// jujuc's: the shim sends the tool name, argv, JUJU_CONTEXT_ID and its working directory, without stdin; the server
/// answers with the result, or first asks for stdin when the command reads it (<c>--file -</c>), which the shim then
/// reads to EOF and sends. Strings are length-prefixed UTF-8 (<see cref="BinaryWriter.Write(string)"/>).
/// This file is compiled into the native shim too, so both ends share one definition.
/// </summary>
internal static class HookToolWire
{
    /// <summary>The protocol version a request starts with.</summary>
    public const int Version = 1;

    /// <summary>The server's answer: the command's result follows.</summary>
    public const byte Result = 0;

    /// <summary>The server's answer: send stdin, then read the result.</summary>
    public const byte NeedsStdin = 1;

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteRequest(BinaryWriter writer, HookToolRequest request)
    {
        writer.Write(Version);
        writer.Write(request.Tool);
        writer.Write(request.Args.Count);
        foreach (var arg in request.Args)
        {
            writer.Write(arg);
        }

        writer.Write(request.ContextId);
        writer.Write(request.WorkingDirectory);
        writer.Flush();
    }

    public static HookToolRequest ReadRequest(BinaryReader reader)
    {
        var version = reader.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"hook-tool request of protocol version {version}; this runner speaks {Version}");
        }

        var tool = reader.ReadString();
        var count = reader.ReadInt32();
        var args = new string[count];
        for (var i = 0; i < count; i++)
        {
            args[i] = reader.ReadString();
        }

        return new HookToolRequest(tool, args, reader.ReadString(), reader.ReadString());
    }

    public static void WriteResult(BinaryWriter writer, HookToolResponse response)
    {
        writer.Write(Result);
        writer.Write(response.ExitCode);
        writer.Write(response.Stdout);
        writer.Write(response.Stderr);
        writer.Flush();
    }

    public static HookToolResponse ReadResult(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadString(), reader.ReadString());
}

/// <summary>One hook-tool invocation as the shim saw it.</summary>
/// <param name="Tool">The tool's name (the shim's <c>argv[0]</c> base name).</param>
/// <param name="Args">The arguments.</param>
/// <param name="ContextId">The caller's <c>JUJU_CONTEXT_ID</c>.</param>
/// <param name="WorkingDirectory">The caller's working directory, against which relative paths resolve.</param>
internal sealed record HookToolRequest(string Tool, IReadOnlyList<string> Args, string ContextId, string WorkingDirectory);

/// <summary>What the tool printed and how it exited.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
internal sealed record HookToolResponse(int ExitCode, string Stdout, string Stderr);
