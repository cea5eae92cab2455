namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>One health check of a layer or of the combined plan; empty strings mean "unset".</summary>
internal sealed class CheckConfig
{
    public string Name { get; set; } = "";
    public string Override { get; set; } = "";
    public string Level { get; set; } = "";
    public string Startup { get; set; } = "";
    public TimeSpan? Period { get; set; }
    public TimeSpan? Timeout { get; set; }
    public int Threshold { get; set; }
    public HttpCheckConfig? Http { get; set; }
    public TcpCheckConfig? Tcp { get; set; }
    public ExecCheckConfig? Exec { get; set; }

    /// <summary>True unless <c>startup: disabled</c> (unset means enabled).</summary>
    public bool IsEnabled => Startup != "disabled";

    public CheckConfig Copy()
    {
        var copy = (CheckConfig)MemberwiseClone();
        copy.Http = Http?.Copy();
        copy.Tcp = Tcp is null ? null : Tcp with { };
        copy.Exec = Exec?.Copy();
        return copy;
    }

    public void Merge(CheckConfig other)
    {
        Level = ServiceConfig.Pick(other.Level, Level);
        Startup = ServiceConfig.Pick(other.Startup, Startup);
        Period = other.Period ?? Period;
        Timeout = other.Timeout ?? Timeout;
        Threshold = other.Threshold != 0 ? other.Threshold : Threshold;
        if (other.Http is not null)
        {
            Http ??= new HttpCheckConfig();
            Http.Url = ServiceConfig.Pick(other.Http.Url, Http.Url);
            ServiceConfig.MergeInto(Http.Headers, other.Http.Headers);
        }

        if (other.Tcp is not null)
        {
            Tcp ??= new TcpCheckConfig();
            Tcp.Port = other.Tcp.Port != 0 ? other.Tcp.Port : Tcp.Port;
            Tcp.Host = ServiceConfig.Pick(other.Tcp.Host, Tcp.Host);
        }

        if (other.Exec is not null)
        {
            Exec ??= new ExecCheckConfig();
            Exec.Merge(other.Exec);
        }
    }
}

/// <summary>The <c>http</c> part of a check.</summary>
internal sealed class HttpCheckConfig
{
    public string Url { get; set; } = "";
    public SortedDictionary<string, string> Headers { get; set; } = new(StringComparer.Ordinal);

    public HttpCheckConfig Copy() => new() { Url = Url, Headers = new(Headers, StringComparer.Ordinal) };
}

/// <summary>The <c>tcp</c> part of a check.</summary>
internal sealed record TcpCheckConfig
{
    public int Port { get; set; }
    public string Host { get; set; } = "";
}

/// <summary>The <c>exec</c> part of a check.</summary>
internal sealed class ExecCheckConfig
{
    public string Command { get; set; } = "";
    public string ServiceContext { get; set; } = "";
    public SortedDictionary<string, string> Environment { get; set; } = new(StringComparer.Ordinal);
    public int? UserId { get; set; }
    public string User { get; set; } = "";
    public int? GroupId { get; set; }
    public string Group { get; set; } = "";
    public string WorkingDir { get; set; } = "";

    public ExecCheckConfig Copy()
    {
        var copy = (ExecCheckConfig)MemberwiseClone();
        copy.Environment = new(Environment, StringComparer.Ordinal);
        return copy;
    }

    public void Merge(ExecCheckConfig other)
    {
        Command = ServiceConfig.Pick(other.Command, Command);
        ServiceContext = ServiceConfig.Pick(other.ServiceContext, ServiceContext);
        ServiceConfig.MergeInto(Environment, other.Environment);
        UserId = other.UserId ?? UserId;
        User = ServiceConfig.Pick(other.User, User);
        GroupId = other.GroupId ?? GroupId;
        Group = ServiceConfig.Pick(other.Group, Group);
        WorkingDir = ServiceConfig.Pick(other.WorkingDir, WorkingDir);
    }
}
