namespace Charmarr.Ops.Tracing;

/// <summary>
/// The dispatch's handle on charm tracing (<see cref="Framework.CharmFramework.Tracing"/>): whether the charm enabled it
/// (<see cref="Hosting.CharmAppBuilder.UseCharmTracing"/>), and where its spans go. The destination is kept in a file,
/// <c>.charmarr-tracing/destination.json</c> in the unit's agent directory (beside the charm directory), so a dispatch
/// learns it without a hook tool or a relation read. Relation-agnostic on purpose: a relation interface (the Interfaces
/// package's <c>CharmTracing</c> component for the <c>tracing</c> interface) calls <see cref="SetDestination"/> when its relation
/// offers an OTLP/HTTP receiver and <see cref="ClearDestination"/> when the relation goes.
/// </summary>
public sealed class TracingDestinationStore
{
    /// <summary>The directory's name, beside the charm directory.</summary>
    public const string DirectoryName = ".charmarr-tracing";

    private readonly string? directory;

    internal TracingDestinationStore(string? directory)
    {
        this.directory = directory;
    }

    /// <summary>Whether the charm enabled charm tracing.</summary>
    public bool IsEnabled => directory is not null;

    /// <summary>The directory of the destination file and the span buffer; <see langword="null"/> when tracing is off.</summary>
    public string? Directory => directory;

    /// <summary>The destination saved last, or <see langword="null"/> when there is none (or tracing is off).</summary>
    public TracingDestination? Destination => directory is null ? null : DestinationFile.Read(directory);

    internal static TracingDestinationStore Disabled { get; } = new(null);

    /// <summary>Saves where the spans of later dispatches go (a dispatch is traced when it begins with a destination saved;
    /// one already traced exports to the destination saved at its end).</summary>
    /// <param name="destination">The receiver.</param>
    /// <exception cref="InvalidOperationException">Charm tracing is not enabled.</exception>
    /// <exception cref="ArgumentException">The URL is not absolute http(s).</exception>
    public void SetDestination(TracingDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Validate();
        if (destination == Destination)
        {
            return;
        }

        DestinationFile.Write(RequireDirectory(), destination);
    }

    /// <summary>Forgets the destination and drops the spans still buffered for it; later dispatches record nothing.</summary>
    /// <exception cref="InvalidOperationException">Charm tracing is not enabled.</exception>
    public void ClearDestination()
    {
        var dir = RequireDirectory();
        if (!System.IO.Directory.Exists(dir))
        {
            return;
        }

        DestinationFile.Delete(dir);
        File.Delete(Path.Combine(dir, SpanBuffer.FileName));
        File.Delete(Path.Combine(dir, ExportPause.FileName));
    }

    private string RequireDirectory() => directory
        ?? throw new InvalidOperationException("charm tracing is not enabled: call CharmAppBuilder.UseCharmTracing() in the charm's program");
}
