using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Model;

/// <summary>
/// One databag of a relation: string keys to string values. Read lazily with one <c>relation-get</c>;
/// each write sends only the keys that change, in one <c>relation-set</c>. Juju's access rules are enforced
/// before anything is sent: only this unit's bag and (for the leader) this application's bag are writable,
/// and a non-leader may not read its own application's bag on a non-peer relation.
/// </summary>
public sealed class RelationDataBag : IReadOnlyDictionary<string, string>
{
    private readonly CharmModel model;
    private readonly Relation relation;
    private Dictionary<string, string>? data;

    internal RelationDataBag(CharmModel model, Relation relation, string owner, bool isApp)
    {
        this.model = model;
        this.relation = relation;
        Owner = owner;
        IsApp = isApp;
    }

    /// <summary>The unit or application that owns the bag.</summary>
    public string Owner { get; }

    /// <summary>Whether this is an application bag.</summary>
    public bool IsApp { get; }

    private bool IsLocalUnit => !IsApp && Owner == model.Unit.Name;

    private bool IsLocalApp => IsApp && Owner == model.App.Name;

    /// <inheritdoc />
    public string this[string key] => Data[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => Data.Keys;

    /// <inheritdoc />
    public IEnumerable<string> Values => Data.Values;

    /// <inheritdoc />
    public int Count => Data.Count;

    private Dictionary<string, string> Data => data ??= Load();

    /// <inheritdoc />
    public bool ContainsKey(string key) => Data.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Data.TryGetValue(key, out value);

    /// <summary>The value of a key, or <see langword="null"/> when it is not set.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? Get(string key) => Data.TryGetValue(key, out var value) ? value : null;

    /// <summary>Sets a key; an empty value deletes it, as in Juju.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, string value) => Update(new Dictionary<string, string?>(StringComparer.Ordinal) { [key] = value });

    /// <summary>Deletes a key (a no-op when it is not set).</summary>
    /// <param name="key">The key.</param>
    public void Remove(string key) => Update(new Dictionary<string, string?>(StringComparer.Ordinal) { [key] = null });

    /// <summary>Sets several keys in one <c>relation-set</c>; a <see langword="null"/> or empty value deletes the key.
    /// Keys whose value would not change are not sent; nothing is sent when nothing changes.</summary>
    /// <param name="changes">The keys and values.</param>
    /// <exception cref="RelationDataAccessException">The bag is not writable by this unit.</exception>
    public void Update(IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        CheckWritable();
        var delta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(changes));
            var newValue = value ?? "";
            var current = Get(key);
            if (newValue.Length == 0 ? current is not null : current != newValue)
            {
                delta[key] = newValue;
            }
        }

        if (delta.Count == 0)
        {
            return;
        }

        model.Backend.SetRelationData(relation.Name, relation.Id, delta, IsApp);
        foreach (var (key, value) in delta)
        {
            if (value.Length == 0)
            {
                Data.Remove(key);
            }
            else
            {
                Data[key] = value;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Data.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, string> Load()
    {
        if (IsLocalApp && !relation.IsPeer && !model.Unit.IsLeader)
        {
            throw new RelationDataAccessException(
                $"{model.Unit.Name} is not the leader and cannot read its own application databag on relation {relation}");
        }

        try
        {
            return new Dictionary<string, string>(model.Backend.GetRelationData(relation.Name, relation.Id, Owner, IsApp), StringComparer.Ordinal);
        }
        catch (RelationNotFoundException) when (!relation.IsActive)
        {
            // A departed or broken relation may already be gone from Juju's side: its bags read as empty.
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    private void CheckWritable()
    {
        if (IsLocalUnit)
        {
            return;
        }

        if (IsLocalApp)
        {
            if (!model.Unit.IsLeader)
            {
                throw new RelationDataAccessException($"{model.Unit.Name} is not the leader and cannot write application data on relation {relation}");
            }

            return;
        }

        throw IsApp
            ? new RelationDataAccessException($"{model.App.Name} cannot write the databag of remote application {Owner} on relation {relation}")
            : new RelationDataAccessException($"{model.Unit.Name} cannot write the databag of {Owner} on relation {relation}: only its own");
    }

    /// <inheritdoc />
    public override string ToString() => $"{relation} {(IsApp ? "app" : "unit")} {Owner}";
}
