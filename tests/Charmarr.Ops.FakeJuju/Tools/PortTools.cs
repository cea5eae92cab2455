using System.Globalization;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tools;

/// open-port and close-port: the same arguments, opposite pending change.
internal sealed class PortChangeTool(bool open) : HookTool
{
    private string[] _endpoints = [""];
    private (string Protocol, int From, int To) _range;

    public override string Name => open ? "open-port" : "close-port";
    public override string Usage => $"{Name} [--endpoints a,b] <port>[/<proto>] | <from>-<to>[/<proto>] | icmp";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddDeprecatedFormat(flags, this);
        flags.String(v =>
        {
            var names = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            _endpoints = names.Length == 0 ? [""] : names;
        }, "endpoints");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count == 0)
        {
            throw HookToolException.Usage("no port or range specified");
        }
        _range = ParseRange(args[0].ToLowerInvariant());
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        foreach (var endpoint in _endpoints)
        {
            context.Pending.PortChanges.Add(new PortChange(open, new OpenedPort(endpoint, _range.Protocol, _range.From, _range.To)));
        }
        context.PendingChanged = true;
    }

    internal static (string Protocol, int From, int To) ParseRange(string text)
    {
        if (text == "icmp")
        {
            return ("icmp", -1, -1);
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var ports = slash < 0 ? text : text[..slash];
        var protocol = slash < 0 ? "tcp" : text[(slash + 1)..];
        if (protocol is not ("tcp" or "udp" or "icmp"))
        {
            throw HookToolException.Usage($"invalid protocol {HookToolException.GoQuote(protocol)}, expected \"tcp\", \"udp\", or \"icmp\"");
        }
        if (protocol == "icmp")
        {
            throw HookToolException.Usage($"protocol \"icmp\" doesn't support any ports; got {HookToolException.GoQuote(ports)}");
        }
        var parts = ports.Split('-');
        if (parts.Length > 2)
        {
            throw HookToolException.Usage($"invalid port range {HookToolException.GoQuote(ports)}");
        }
        var from = ParsePort(parts[0]);
        var to = parts.Length == 2 ? ParsePort(parts[1]) : from;
        if (from > to)
        {
            throw HookToolException.Usage($"invalid port range {from}-{to}/{protocol}");
        }
        if (from < 0 || to > 65535)
        {
            throw HookToolException.Usage($"port range bounds must be between 0 and 65535, got {from}-{to}");
        }
        return (protocol, from, to);
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw HookToolException.Usage($"invalid port {HookToolException.GoQuote(text)}: strconv.Atoi: parsing {HookToolException.GoQuote(text)}: invalid syntax");
}

internal sealed class OpenedPortsTool : HookTool
{
    private bool _endpoints;

    public override string Name => "opened-ports";
    public override string Usage => "opened-ports [--format] [--endpoints]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        flags.Bool(v => _endpoints = v, "endpoints");
    }

    protected override void Init(List<string> args, ToolContext context) => CheckMaxArgs(args, 0);

    protected override void Run(ToolContext context)
    {
        var groups = context.Pending.EffectivePorts(context.Model)
            .GroupBy(p => (p.Protocol, p.From, p.To))
            .OrderBy(g => g.Key.Protocol, StringComparer.Ordinal).ThenBy(g => g.Key.From).ThenBy(g => g.Key.To);
        Write(context, StringArray(groups.Select(g =>
        {
            var text = g.First().RangeText;
            if (!_endpoints)
            {
                return text;
            }
            var names = g.Any(p => p.Endpoint.Length == 0) ? "*" : string.Join(", ", g.Select(p => p.Endpoint).Distinct().Order(StringComparer.Ordinal));
            return $"{text} ({names})";
        })));
    }
}
