using System.Text;
using Charmarr.Ops.Testing.Pebble.Files;

namespace Charmarr.Ops.Testing.Pebble;

/// <summary>The simulated container filesystem, its users and groups, and paths made unreadable or unwritable.</summary>
public sealed partial class PebbleSimulator
{
    /// <summary>Writes a file as a push does (owner from <paramref name="options"/>, mode 0644 by default).</summary>
    public void WriteFile(string path, ReadOnlySpan<byte> content, FileCreation? options = null)
    {
        var stored = FileContent.FromBytes(content);
        FileOperation(() => Parts.Files.Write(path, stored, options ?? new FileCreation()));
    }

    /// <summary>Writes a UTF-8 text file.</summary>
    public void WriteFile(string path, string text, FileCreation? options = null) =>
        WriteFile(path, Encoding.UTF8.GetBytes(text), options);

    /// <summary>Reads a regular file's bytes.</summary>
    public byte[] ReadFile(string path) => FileOperation(() => Parts.Files.Read(path)).ToArray();

    /// <summary>Reads a regular file as UTF-8 text.</summary>
    public string ReadTextFile(string path) => Encoding.UTF8.GetString(ReadFile(path));

    /// <summary>Creates a directory as <c>make-dirs</c> does (mode 0755 by default).</summary>
    public void MakeDirectory(string path, FileCreation? options = null) =>
        FileOperation(() => Parts.Files.MakeDirectory(path, options ?? new FileCreation()));

    /// <summary>Removes a path as <c>remove</c> does.</summary>
    public void RemovePath(string path, bool recursive = false) => FileOperation(() => Parts.Files.Remove(path, recursive));

    /// <summary>Test hook: gives a path (and, when <paramref name="recursive"/>, everything under it) to uid:gid, as a
    /// <c>chown</c> in the container would; an exec handler for <c>chown</c> can call it.</summary>
    public void ChangeOwner(string path, int userId, int groupId, bool recursive = false) =>
        FileOperation(() => Parts.Files.ChangeOwner(path, userId, groupId, recursive));

    /// <summary>Lists a directory (or the path itself), as <c>action=list</c> does.</summary>
    public IReadOnlyList<SimulatedFileInfo> ListFiles(string path, string? pattern = null, bool itself = false) =>
        FileOperation(() => Parts.Files.List(path, pattern, itself));

    /// <summary>One file's or directory's details (type, owner, permissions), as <c>ListFiles(path, itself: true)</c> gives them.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>.</exception>
    public SimulatedFileInfo GetFileInfo(string path) =>
        PathExists(path) ? ListFiles(path, itself: true)[0] : throw new FileNotFoundException($"nothing at \"{path}\" in the simulated container", path);

    /// <summary>Whether something exists at <paramref name="path"/>.</summary>
    public bool PathExists(string path)
    {
        lock (Parts.Gate)
        {
            return Parts.Files.Exists(path);
        }
    }

    /// <summary>Adds (or replaces) a passwd entry used for user lookups by push, make-dirs and exec.</summary>
    public void AddUser(string name, int uid, int gid, string? home = null)
    {
        lock (Parts.Gate)
        {
            Parts.Files.Users.AddUser(name, uid, gid, home ?? $"/home/{name}");
        }
    }

    /// <summary>Adds (or replaces) a group entry.</summary>
    public void AddGroup(string name, int gid)
    {
        lock (Parts.Gate)
        {
            Parts.Files.Users.AddGroup(name, gid);
        }
    }

    /// <summary>Makes reading the path (and everything under it) fail with <c>permission-denied</c>.</summary>
    public void DenyRead(string path)
    {
        lock (Parts.Gate)
        {
            Parts.Files.DenyRead(path);
        }
    }

    /// <summary>Makes writing, creating or removing the path (and anything under it) fail with <c>permission-denied</c>.</summary>
    public void DenyWrite(string path)
    {
        lock (Parts.Gate)
        {
            Parts.Files.DenyWrite(path);
        }
    }

    internal T FileOperation<T>(Func<T> operation)
    {
        lock (Parts.Gate)
        {
            try
            {
                return operation();
            }
            catch (FileOperationException e)
            {
                throw FileError(e);
            }
        }
    }

    internal void FileOperation(Action operation) => FileOperation(() =>
    {
        operation();
        return true;
    });

    /// <summary>A file error as list reports it: 404 not-found, 403 permission-denied, 400 otherwise.</summary>
    internal static SimulatedPebbleException FileError(FileOperationException error) => new(
        error.Kind switch
        {
            "not-found" => 404,
            "permission-denied" => 403,
            _ => 400,
        },
        error.Message,
        error.Kind);
}
