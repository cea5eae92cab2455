using System.Globalization;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Files;

/// <summary>The simulated container's passwd and group entries (root only, until a test adds more).</summary>
internal sealed class UserTable
{
    private readonly List<(string Name, int Uid, int Gid, string Home)> users = [("root", 0, 0, "/root")];
    private readonly List<(string Name, int Gid)> groups = [("root", 0)];

    public void AddUser(string name, int uid, int gid, string home)
    {
        users.RemoveAll(u => u.Name == name);
        users.Add((name, uid, gid, home));
    }

    public void AddGroup(string name, int gid)
    {
        groups.RemoveAll(g => g.Name == name);
        groups.Add((name, gid));
    }

    public string UserName(int uid) => users.FirstOrDefault(u => u.Uid == uid).Name ?? "";

    public string GroupName(int gid) => groups.FirstOrDefault(g => g.Gid == gid).Name ?? "";

    public string? Home(int uid) => users.FirstOrDefault(u => u.Uid == uid).Home;

    /// <summary>
    /// Pebble's NormalizeUidGid: names and ids must agree, a group needs a user, a user alone gets its primary group.
    /// Throws <see cref="FormatException"/> with Go's message (unwrapped).
    /// </summary>
    public (int? Uid, int? Gid) Normalize(int? uid, int? gid, string? user, string? group)
    {
        if (uid is null && gid is null && string.IsNullOrEmpty(user) && string.IsNullOrEmpty(group))
        {
            return (null, null);
        }

        if (!string.IsNullOrEmpty(user))
        {
            uid = Agree("user", "UID", "user-id", user, uid, users.Find(u => u.Name == user) is { Name: not null } found ? found.Uid : null);
        }

        if (!string.IsNullOrEmpty(group))
        {
            gid = Agree("group", "GID", "group-id", group, gid, groups.Find(g => g.Name == group) is { Name: not null } found ? found.Gid : null);
        }

        if (uid is null)
        {
            throw new FormatException("must specify user, not just group");
        }

        if (gid is null)
        {
            var owner = users.Find(u => u.Uid == uid);
            if (owner.Name is null)
            {
                throw new FormatException($"user: unknown userid {uid.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            gid = owner.Gid;
        }

        return (uid, gid);
    }

    // A name must exist and, when an id is given too, name it.
    private static int Agree(string what, string idName, string idField, string name, int? given, int? found)
    {
        if (found is null)
        {
            throw new FormatException($"{what}: unknown {what} {name}");
        }

        if (given is { } id && id != found)
        {
            throw new FormatException($"{what} {GoText.Quote(name)} {idName} ({found}) does not match {idField} ({id})");
        }

        return found.Value;
    }
}
