using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>An event about one storage instance: <c>&lt;storage&gt;-storage-*</c>.</summary>
public abstract class StorageEvent : JujuEvent
{
    private protected StorageEvent(JujuEventSnapshot snapshot, Storage storage)
        : base(snapshot)
    {
        Storage = storage;
    }

    /// <summary>The storage instance.</summary>
    public Storage Storage { get; }

    /// <summary>The storage name.</summary>
    public override string? Scope => Storage.Name;
}

/// <summary><c>&lt;storage&gt;-storage-attached</c>: the instance is attached and ready to use.</summary>
public sealed class StorageAttachedEvent : StorageEvent
{
    internal StorageAttachedEvent(JujuEventSnapshot snapshot, Storage storage)
        : base(snapshot, storage)
    {
    }

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>&lt;storage&gt;-storage-detaching</c>: the instance is about to be detached.</summary>
public sealed class StorageDetachingEvent : StorageEvent
{
    internal StorageDetachingEvent(JujuEventSnapshot snapshot, Storage storage)
        : base(snapshot, storage)
    {
    }
}
