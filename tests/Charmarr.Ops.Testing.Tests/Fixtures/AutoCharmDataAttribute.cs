using System.Reflection;
using AutoFixture;
using AutoFixture.Xunit3;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing.Tests.Fixtures;

/// <summary>
/// <c>[AutoData]</c> with <see cref="ModelRecordsCustomization"/>: test parameters of the state-transition records are
/// valid for the charm whose type holds a <c>Metadata</c> constant with its charmcraft.yaml (generic names without one).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AutoCharmDataAttribute : AutoDataAttribute
{
    public AutoCharmDataAttribute()
        : base(() => new Fixture().Customize(new ModelRecordsCustomization()))
    {
    }

    public AutoCharmDataAttribute(Type charm)
        : base(() => new Fixture().Customize(new ModelRecordsCustomization(MetadataOf(charm))))
    {
    }

    private static CharmMetadata MetadataOf(Type charm) =>
        charm.GetField("Metadata", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is string yaml
            ? CharmMetadata.ParseCharmcraft(yaml)
            : throw new ArgumentException($"{charm.Name} has no static Metadata string holding its charmcraft.yaml", nameof(charm));
}
