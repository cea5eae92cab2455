using System.Globalization;
using AutoFixture;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Scenario;

namespace Charmarr.Ops.Testing.Tests.Fixtures;

/// <summary>
/// Makes AutoFixture produce state-transition records Juju could hold: unit names <c>app/N</c>, distinct relation ids,
/// databag keys and secret keys Juju accepts, peer data that leaves out this unit, and — given the charm's metadata —
/// endpoints, containers and storage the charm declares. A generated <see cref="CharmState"/> passes the consistency checker.
/// </summary>
/// <param name="metadata">The charm's metadata, or <see langword="null"/> for generic names.</param>
internal sealed class ModelRecordsCustomization(CharmMetadata? metadata = null) : ICustomization
{
    private int next;

    public void Customize(IFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.Register(() => Bag("key"));
        fixture.Register(() => new RelationState(Endpoint(RelationRole.Requires, RelationRole.Provides) ?? "db")
        {
            Id = Next(),
            RemoteAppName = Name("remote"),
            RemoteAppData = Bag("app"),
            RemoteUnitsData = new Dictionary<int, ValueMap<string, string>> { [0] = Bag("unit") },
        });
        fixture.Register(() => new PeerRelationState(Endpoint(RelationRole.Peer) ?? "peers")
        {
            Id = Next(),
            PeersData = new Dictionary<int, ValueMap<string, string>> { [1] = Bag("peer") },
        });
        fixture.Register(() => new ContainerState(First(metadata?.Containers.Keys) ?? "workload") { CanConnect = true });
        fixture.Register(() => new StorageState(First(metadata?.Storage.Keys) ?? "data"));
        fixture.Register(() => new SecretState(Bag("secret")));
        fixture.Register(() =>
        {
            var relations = new List<RelationBase>();
            if (metadata is null || Endpoint(RelationRole.Requires, RelationRole.Provides) is not null)
            {
                relations.Add(fixture.Create<RelationState>());
            }

            if (metadata is null || Endpoint(RelationRole.Peer) is not null)
            {
                relations.Add(fixture.Create<PeerRelationState>());
            }

            return new CharmState
            {
                Leader = true,
                Relations = new(relations),
                Containers = metadata is null || metadata.Containers.Count > 0 ? [fixture.Create<ContainerState>()] : [],
                Secrets = [fixture.Create<SecretState>()],
            };
        });
    }

    private static string? First(IEnumerable<string>? names) => names?.Order(StringComparer.Ordinal).FirstOrDefault();

    private string? Endpoint(params RelationRole[] roles) =>
        metadata is null ? null : First(metadata.Relations.Values.Where(r => roles.Contains(r.Role)).Select(r => r.Name));

    private int Next() => Interlocked.Increment(ref next) + 100;

    private string Name(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Next()}");

    /// <summary>A bag with two keys Juju accepts for both relation data and secret content (lower-case, dashes, 3+ characters).</summary>
    private ValueMap<string, string> Bag(string prefix) => new Dictionary<string, string>
    {
        [Name(prefix)] = Guid.NewGuid().ToString("N"),
        [Name(prefix)] = Guid.NewGuid().ToString("N"),
    };
}
