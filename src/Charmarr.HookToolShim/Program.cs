using System.Net.Sockets;
using Charmarr.Ops.Testing.Juju.HookTools;

// argv[0]'s base name is the tool (the shim is symlinked under every tool's name, like jujuc).
var tool = Path.GetFileName(Environment.GetCommandLineArgs()[0]);
var contextId = Environment.GetEnvironmentVariable("JUJU_CONTEXT_ID");
var address = Environment.GetEnvironmentVariable("JUJU_AGENT_SOCKET_ADDRESS");
if (string.IsNullOrEmpty(contextId) || string.IsNullOrEmpty(address))
{
    Console.Error.Write($"ERROR {(string.IsNullOrEmpty(contextId) ? "JUJU_CONTEXT_ID" : "JUJU_AGENT_SOCKET_ADDRESS")} not set\n");
    return 1;
}

try
{
    using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    socket.Connect(new UnixDomainSocketEndPoint(address));
    using var stream = new NetworkStream(socket, ownsSocket: false);
    using var writer = new BinaryWriter(stream, HookToolWire.Utf8, leaveOpen: true);
    using var reader = new BinaryReader(stream, HookToolWire.Utf8, leaveOpen: true);
    HookToolWire.WriteRequest(writer, new HookToolRequest(tool, args, contextId, Environment.CurrentDirectory));
    if (reader.ReadByte() == HookToolWire.NeedsStdin)
    {
        using var stdin = new StreamReader(Console.OpenStandardInput(), HookToolWire.Utf8);
        writer.Write(stdin.ReadToEnd());
        writer.Flush();
        reader.ReadByte();
    }

    var result = HookToolWire.ReadResult(reader);
    using (var stdout = Console.OpenStandardOutput())
    {
        stdout.Write(HookToolWire.Utf8.GetBytes(result.Stdout));
    }

    using (var stderr = Console.OpenStandardError())
    {
        stderr.Write(HookToolWire.Utf8.GetBytes(result.Stderr));
    }

    return result.ExitCode;
}
catch (Exception e) when (e is SocketException or IOException or EndOfStreamException)
{
    Console.Error.Write($"ERROR cannot reach the hook-tool runner at {address}: {e.Message}\n");
    return 1;
}
