using Charmarr.Ops.Context;

namespace Charmarr.Ops.Events;

/// <summary>
/// The part of Juju's context that identifies one event. A fresh event is built from the dispatch's context; a deferred
/// one from the snapshot stored when it was deferred. Both go through <see cref="EventFactory"/>, so they cannot differ.
/// </summary>
internal sealed record JujuEventSnapshot
{
    public required DispatchKind Kind { get; init; }

    public required string EventName { get; init; }

    public string? RelationName { get; init; }

    public int? RelationId { get; init; }

    public string? RemoteApp { get; init; }

    public string? RemoteUnit { get; init; }

    public string? DepartingUnit { get; init; }

    public string? StorageId { get; init; }

    public string? StorageLocation { get; init; }

    public string? StorageKind { get; init; }

    public string? WorkloadName { get; init; }

    public string? NoticeId { get; init; }

    public string? NoticeType { get; init; }

    public string? NoticeKey { get; init; }

    public string? CheckName { get; init; }

    public string? SecretId { get; init; }

    public string? SecretLabel { get; init; }

    public int? SecretRevision { get; init; }

    public string? ActionUuid { get; init; }

    public string? TargetBase { get; init; }

    public static JujuEventSnapshot From(JujuContext context) => new()
    {
        Kind = context.Kind,
        EventName = context.EventName,
        RelationName = context.RelationName,
        RelationId = context.RelationId,
        RemoteApp = context.RemoteApp,
        RemoteUnit = context.RemoteUnit,
        DepartingUnit = context.DepartingUnit,
        StorageId = context.StorageId,
        StorageLocation = context.StorageLocation,
        StorageKind = context.StorageKind,
        WorkloadName = context.WorkloadName,
        NoticeId = context.NoticeId,
        NoticeType = context.NoticeType,
        NoticeKey = context.NoticeKey,
        CheckName = context.CheckName,
        SecretId = context.SecretId,
        SecretLabel = context.SecretLabel,
        SecretRevision = context.SecretRevision,
        ActionUuid = context.ActionUuid,
        TargetBase = context.TargetBase,
    };
}
