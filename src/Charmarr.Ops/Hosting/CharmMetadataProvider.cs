using System.Collections.Concurrent;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Hosting;

/// <summary>Supplies the charm's metadata: a fixed instance when one was given, else read once per charm directory.</summary>
internal sealed class CharmMetadataProvider(CharmMetadata? fixedMetadata)
{
    private readonly ConcurrentDictionary<string, CharmMetadata> loaded = new(StringComparer.Ordinal);

    public CharmMetadata Get(string charmDir) => fixedMetadata ?? loaded.GetOrAdd(charmDir, CharmMetadata.Load);
}
