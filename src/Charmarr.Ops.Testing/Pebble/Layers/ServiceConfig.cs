namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>One service of a layer or of the combined plan, with Pebble's field set; empty strings mean "unset".</summary>
internal sealed class ServiceConfig
{
    public string Name { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public string Startup { get; set; } = "";
    public string Override { get; set; } = "";
    public string Command { get; set; } = "";
    public List<string> After { get; set; } = [];
    public List<string> Before { get; set; } = [];
    public List<string> Requires { get; set; } = [];
    public string Workload { get; set; } = "";
    public SortedDictionary<string, string> Environment { get; set; } = new(StringComparer.Ordinal);
    public int? UserId { get; set; }
    public string User { get; set; } = "";
    public int? GroupId { get; set; }
    public string Group { get; set; } = "";
    public string WorkingDir { get; set; } = "";
    public string OnSuccess { get; set; } = "";
    public string OnFailure { get; set; } = "";
    public SortedDictionary<string, string> OnCheckFailure { get; set; } = new(StringComparer.Ordinal);
    public TimeSpan? BackoffDelay { get; set; }
    public double? BackoffFactor { get; set; }
    public TimeSpan? BackoffLimit { get; set; }
    public TimeSpan? KillDelay { get; set; }

    /// <summary>True when <c>startup: enabled</c> (unset means disabled).</summary>
    public bool IsEnabled => Startup == "enabled";

    public ServiceConfig Copy()
    {
        var copy = (ServiceConfig)MemberwiseClone();
        copy.After = [.. After];
        copy.Before = [.. Before];
        copy.Requires = [.. Requires];
        copy.Environment = new(Environment, StringComparer.Ordinal);
        copy.OnCheckFailure = new(OnCheckFailure, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>Pebble's <c>override: merge</c>: set scalars replace, lists append, maps merge per key.</summary>
    public void Merge(ServiceConfig other)
    {
        Summary = Pick(other.Summary, Summary);
        Description = Pick(other.Description, Description);
        Startup = Pick(other.Startup, Startup);
        Command = Pick(other.Command, Command);
        Workload = Pick(other.Workload, Workload);
        KillDelay = other.KillDelay ?? KillDelay;
        UserId = other.UserId ?? UserId;
        User = Pick(other.User, User);
        GroupId = other.GroupId ?? GroupId;
        Group = Pick(other.Group, Group);
        WorkingDir = Pick(other.WorkingDir, WorkingDir);
        After.AddRange(other.After);
        Before.AddRange(other.Before);
        Requires.AddRange(other.Requires);
        MergeInto(Environment, other.Environment);
        OnSuccess = Pick(other.OnSuccess, OnSuccess);
        OnFailure = Pick(other.OnFailure, OnFailure);
        MergeInto(OnCheckFailure, other.OnCheckFailure);
        BackoffDelay = other.BackoffDelay ?? BackoffDelay;
        BackoffFactor = other.BackoffFactor ?? BackoffFactor;
        BackoffLimit = other.BackoffLimit ?? BackoffLimit;
    }

    internal static string Pick(string newer, string older) => newer.Length > 0 ? newer : older;

    internal static void MergeInto(SortedDictionary<string, string> target, SortedDictionary<string, string> source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }
}
