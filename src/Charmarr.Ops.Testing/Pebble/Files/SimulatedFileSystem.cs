using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Files;

/// <summary>
/// The container's filesystem: directories and regular files with owner, group, mode and mtime, Pebble's file
/// operations with their per-path error kinds and messages, and paths a test marks unreadable or unwritable.
/// Callers hold the simulator's lock; file contents are immutable, so they are streamed outside it.
/// </summary>
internal sealed class SimulatedFileSystem
{
    private readonly TimeProvider time;
    private readonly Directory root;
    private readonly HashSet<string> unreadable = new(StringComparer.Ordinal);
    private readonly HashSet<string> unwritable = new(StringComparer.Ordinal);

    public SimulatedFileSystem(TimeProvider time)
    {
        this.time = time;
        root = new Directory { Mode = 0b111_101_101, MTime = time.GetUtcNow() };
    }

    public UserTable Users { get; } = new();

    public void DenyRead(string path) => unreadable.Add(Clean(path));

    public void DenyWrite(string path) => unwritable.Add(Clean(path));

    /// <summary>The content of a regular file (<c>GET /v1/files?action=read</c>).</summary>
    public FileContent Read(string path)
    {
        RequireAbsolute(path, "paths");
        var node = Find(path, "stat");
        if (node is not File file)
        {
            throw FileOperationException.Generic($"can only read a regular file: {GoText.Quote(path)}");
        }

        if (IsMarked(unreadable, path))
        {
            throw FileOperationException.Denied($"open {path}: permission denied");
        }

        return file.Content;
    }

    /// <summary>Writes a file atomically (push); the owner comes from <paramref name="options"/>, validated first.</summary>
    public void Write(string path, FileContent content, FileCreation options)
    {
        RequireAbsolute(path, "paths");
        var mode = options.Permissions ?? 0b110_100_100;
        var (uid, gid) = Owner(options);
        var (parentPath, name) = Split(path);
        var temp = $"{path}.{RandomSuffix()}~";
        if (options.MakeParents)
        {
            MakeDirectories(parentPath, 0b111_101_101, uid, gid);
        }

        var parent = FindParent(parentPath, $"open {temp}");
        if (IsMarked(unwritable, path))
        {
            throw FileOperationException.Denied($"open {temp}: permission denied");
        }

        if (parent.Children.TryGetValue(name, out var existing) && existing is Directory)
        {
            throw FileOperationException.Generic($"rename {temp} {path}: file exists");
        }

        parent.Children[name] = new File { Content = content, Mode = mode, Uid = uid ?? 0, Gid = gid ?? 0, MTime = time.GetUtcNow() };
        parent.MTime = time.GetUtcNow();
    }

    /// <summary>Creates a directory (<c>make-dirs</c>).</summary>
    public void MakeDirectory(string path, FileCreation options)
    {
        RequireAbsolute(path, "paths");
        var mode = options.Permissions ?? 0b111_101_101;
        var (uid, gid) = Owner(options);
        if (options.MakeParents)
        {
            MakeDirectories(Clean(path), mode, uid, gid);
            return;
        }

        var (parentPath, name) = Split(path);
        var parent = FindParent(parentPath, $"mkdir {path}.mkdir-new");
        if (parent.Children.ContainsKey(name))
        {
            throw FileOperationException.Generic($"mkdir {path}: file exists");
        }

        if (IsMarked(unwritable, path))
        {
            throw FileOperationException.Denied($"mkdir {path}: permission denied");
        }

        parent.Children[name] = new Directory { Mode = mode, Uid = uid ?? 0, Gid = gid ?? 0, MTime = time.GetUtcNow() };
    }

    /// <summary>Removes a path (<c>remove</c>); recursive removal of a missing path succeeds.</summary>
    public void Remove(string path, bool recursive)
    {
        RequireAbsolute(path, "paths");
        var (parentPath, name) = Split(path);
        var parent = TryFind(parentPath) as Directory;
        if (parent is null || !parent.Children.TryGetValue(name, out var node))
        {
            if (recursive)
            {
                return;
            }

            throw FileOperationException.NotFound($"remove {path}: no such file or directory");
        }

        if (IsMarked(unwritable, path))
        {
            throw FileOperationException.Denied($"remove {path}: permission denied");
        }

        if (!recursive && node is Directory { Children.Count: > 0 })
        {
            throw FileOperationException.Generic($"remove {path}: directory not empty");
        }

        parent.Children.Remove(name);
    }

    /// <summary>Gives a path (and, when <paramref name="recursive"/>, everything under it) to uid:gid, as chown does.</summary>
    public void ChangeOwner(string path, int uid, int gid, bool recursive)
    {
        RequireAbsolute(path, "paths");
        var node = Find(path, "chown");
        if (IsMarked(unwritable, path))
        {
            throw FileOperationException.Denied($"chown {path}: operation not permitted");
        }

        Own(node, uid, gid, recursive);
    }

    /// <summary>Lists a directory's entries, or the path itself (<c>action=list</c>).</summary>
    public List<SimulatedFileInfo> List(string path, string? pattern, bool itself)
    {
        var node = Find(path, "stat");
        var clean = Clean(path);
        if (IsMarked(unreadable, path))
        {
            throw FileOperationException.Denied($"open {path}: permission denied");
        }

        IEnumerable<(string Path, string Name, Node Node)> entries = node is Directory directory && !itself
            ? directory.Children.Select(kv => (Join(clean, kv.Key), kv.Key, kv.Value))
            : [(clean, clean == "/" ? "/" : Split(clean).Name, node)];
        return entries
            .Where(e => string.IsNullOrEmpty(pattern) || GlobPattern.IsMatch(pattern, e.Name))
            .Select(e => Info(e.Path, e.Name, e.Node))
            .ToList();
    }

    /// <summary>Whether the path exists (test convenience).</summary>
    public bool Exists(string path) => TryFind(path) is not null;

    private SimulatedFileInfo Info(string path, string name, Node node) => new(
        path, name, node is Directory ? "directory" : "file", (node as File)?.Content.Length, node.Mode, node.MTime,
        node.Uid, Users.UserName(node.Uid), node.Gid, Users.GroupName(node.Gid));

    private (int? Uid, int? Gid) Owner(FileCreation options)
    {
        try
        {
            return Users.Normalize(options.UserId, options.GroupId, options.User, options.Group);
        }
        catch (FormatException e)
        {
            throw FileOperationException.Generic($"cannot look up user and group: {e.Message}");
        }
    }

    private void MakeDirectories(string path, int mode, int? uid, int? gid)
    {
        var current = root;
        var walked = "";
        foreach (var part in Parts(path))
        {
            walked += "/" + part;
            if (current.Children.TryGetValue(part, out var next))
            {
                current = next as Directory ?? throw FileOperationException.Generic($"mkdir {walked}: not a directory");
                continue;
            }

            if (IsMarked(unwritable, walked))
            {
                throw FileOperationException.Denied($"mkdir {walked}: permission denied");
            }

            var created = new Directory { Mode = mode, Uid = uid ?? 0, Gid = gid ?? 0, MTime = time.GetUtcNow() };
            current.Children[part] = created;
            current = created;
        }
    }

    // The directory a new entry goes in; the errors are the kernel's for the call Pebble makes there (ENOENT when a
    // component is missing, ENOTDIR when one is a file).
    private Directory FindParent(string parentPath, string call)
    {
        Node current = root;
        foreach (var part in Parts(parentPath))
        {
            if (current is not Directory directory)
            {
                throw FileOperationException.Generic($"{call}: not a directory");
            }

            if (!directory.Children.TryGetValue(part, out var next))
            {
                throw FileOperationException.NotFound($"{call}: no such file or directory");
            }

            current = next;
        }

        return current as Directory ?? throw FileOperationException.Generic($"{call}: not a directory");
    }

    private Node Find(string path, string operation)
    {
        Node current = root;
        var walked = "";
        foreach (var part in Parts(path))
        {
            if (current is not Directory directory)
            {
                throw FileOperationException.Generic($"{operation} {path}: not a directory");
            }

            walked += "/" + part;
            if (!directory.Children.TryGetValue(part, out var next))
            {
                throw FileOperationException.NotFound($"{operation} {path}: no such file or directory");
            }

            current = next;
        }

        return current;
    }

    private Node? TryFind(string path)
    {
        Node? current = root;
        foreach (var part in Parts(path))
        {
            current = current is Directory d ? d.Children.GetValueOrDefault(part) : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static bool IsMarked(HashSet<string> marks, string path)
    {
        var clean = Clean(path);
        return marks.Any(m => clean == m || clean.StartsWith(m == "/" ? "/" : m + "/", StringComparison.Ordinal));
    }

    private static void RequireAbsolute(string path, string what)
    {
        if (!path.StartsWith('/'))
        {
            throw FileOperationException.Generic($"{what} must be absolute, got {GoText.Quote(path)}");
        }
    }

    /// <summary>Go's <c>path.Clean</c> for absolute paths.</summary>
    public static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    private static void Own(Node node, int uid, int gid, bool recursive)
    {
        node.Uid = uid;
        node.Gid = gid;
        if (recursive && node is Directory directory)
        {
            foreach (var child in directory.Children.Values)
            {
                Own(child, uid, gid, recursive);
            }
        }
    }

    private static string[] Parts(string path) => Clean(path).Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static (string Parent, string Name) Split(string path)
    {
        var clean = Clean(path);
        var slash = clean.LastIndexOf('/');
        return (slash == 0 ? "/" : clean[..slash], clean[(slash + 1)..]);
    }

    private static string Join(string directory, string name) => directory == "/" ? "/" + name : directory + "/" + name;

    // Go's os.CreateTemp: a random uint32 in decimal replaces the pattern's '*' (Pebble writes "<path>.*~").
    private static string RandomSuffix() =>
        ((uint)System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private abstract class Node
    {
        public int Mode { get; set; }
        public int Uid { get; set; }
        public int Gid { get; set; }
        public DateTimeOffset MTime { get; set; }
    }

    private sealed class Directory : Node
    {
        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }

    private sealed class File : Node
    {
        public FileContent Content { get; set; } = FileContent.Empty;
    }
}
