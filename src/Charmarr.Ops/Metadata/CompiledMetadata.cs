using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Metadata;

/// <summary>
/// The charm's metadata as <c>charmarr pack</c> stores it beside the YAML Juju reads: a compact binary image that a
/// dispatch reads in microseconds instead of parsing three YAML files (about 2 ms of every hook). The image records a
/// hash of the YAML texts it was made from; when they no longer match (the files were edited after packing), or the
/// image is of another format version or damaged, it is ignored and the YAML is parsed as before.
/// </summary>
internal static class CompiledMetadata
{
    /// <summary>Where the image sits, relative to the charm directory.</summary>
    public const string RelativePath = ".charmarr/metadata.bin";

    private const uint Magic = 0x444D4843; // "CHMD", little-endian
    private const byte FormatVersion = 1;

    private enum NodeTag : byte
    {
        Null,
        String,
        False,
        True,
        Int64,
        Double,
        Object,
        Array,
        RawJson,
    }

    /// <summary>
    /// A 64-bit FNV-1a hash of the packed charm's YAML texts (as UTF-8 bytes), each with its presence and length, so
    /// the image can tell whether it still describes them.
    /// </summary>
    public static ulong HashSources(byte[] metadataYaml, byte[]? configYaml, byte[]? actionsYaml)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var source in (byte[]?[])[metadataYaml, configYaml, actionsYaml])
        {
            hash = Fnv(hash, source is null ? (byte)0 : (byte)1);
            foreach (var b in BitConverter.GetBytes(source?.LongLength ?? 0))
            {
                hash = Fnv(hash, b);
            }

            foreach (var b in source ?? [])
            {
                hash = Fnv(hash, b);
            }
        }

        return hash;

        static ulong Fnv(ulong h, byte b) => (h ^ b) * 0x100000001b3UL;
    }

    /// <summary>Encodes <paramref name="metadata"/>, parsed from YAML texts of hash <paramref name="sourceHash"/>.</summary>
    public static byte[] Encode(CharmMetadata metadata, ulong sourceHash)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(sourceHash);
            w.Write(metadata.Name);
            w.Write(metadata.Summary);
            w.Write(metadata.Description);
            WriteMap(w, metadata.Relations, (r, m) =>
            {
                r.Write((byte)m.Role);
                r.Write(m.Interface);
                WriteOptional(r, m.Limit, (x, v) => x.Write(v));
                r.Write(m.Optional);
                r.Write(m.Scope);
            });
            WriteMap(w, metadata.Containers, (r, m) =>
            {
                WriteOptional(r, m.Resource);
                WriteList(r, m.Mounts, (x, mount) =>
                {
                    x.Write(mount.Storage);
                    x.Write(mount.Location);
                });
            });
            WriteMap(w, metadata.Storage, (r, m) =>
            {
                r.Write(m.Type);
                WriteOptional(r, m.Location);
                r.Write(m.Description);
                WriteOptional(r, m.MinimumSize);
                WriteOptional(r, m.Multiple);
            });
            WriteMap(w, metadata.Resources, (r, m) =>
            {
                r.Write(m.Type);
                r.Write(m.Description);
                WriteOptional(r, m.Filename);
                WriteOptional(r, m.UpstreamSource);
            });
            WriteMap(w, metadata.Config, (r, m) =>
            {
                r.Write((byte)m.Type);
                WriteNode(r, m.Default);
                r.Write(m.Description);
            });
            WriteMap(w, metadata.Actions, (r, m) =>
            {
                r.Write(m.Description);
                WriteMap(r, m.Params, (x, p) =>
                {
                    x.Write((byte)p.Type);
                    x.Write(p.Description);
                    WriteNode(x, p.Default);
                    WriteList(x, p.Enum, WriteNode);
                });
                WriteList(r, m.Required, (x, s) => x.Write(s));
                WriteOptional(r, m.AdditionalProperties, (x, v) => x.Write(v));
            });
            WriteList(w, metadata.ExtraBindings, (x, s) => x.Write(s));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Decodes an image made from YAML texts of hash <paramref name="sourceHash"/>; <see langword="null"/> when it is of
    /// another format version, was made from other texts, or is damaged (the caller then parses the YAML).
    /// </summary>
    public static CharmMetadata? TryDecode(byte[] image, ulong sourceHash)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            using var r = new BinaryReader(new MemoryStream(image, writable: false), Encoding.UTF8);
            if (r.ReadUInt32() != Magic || r.ReadByte() != FormatVersion || r.ReadUInt64() != sourceHash)
            {
                return null;
            }

            var metadata = new CharmMetadata
            {
                Name = r.ReadString(),
                Summary = r.ReadString(),
                Description = r.ReadString(),
                Relations = ReadMap(r, (x, name) => new RelationMeta(
                    name, ReadEnum<RelationRole>(x), x.ReadString(), ReadOptional(x, y => y.ReadInt32()), x.ReadBoolean(), x.ReadString())),
                Containers = ReadMap(r, (x, name) => new ContainerMeta(
                    name, ReadOptional(x), ReadList(x, y => new ContainerMountMeta(y.ReadString(), y.ReadString())))),
                Storage = ReadMap(r, (x, name) => new StorageMeta(
                    name, x.ReadString(), ReadOptional(x), x.ReadString(), ReadOptional(x), ReadOptional(x))),
                Resources = ReadMap(r, (x, name) => new ResourceMeta(
                    name, x.ReadString(), x.ReadString(), ReadOptional(x), ReadOptional(x))),
                Config = ReadMap(r, (x, name) => new ConfigOptionMeta(
                    name, ReadEnum<ConfigOptionType>(x), ReadNode(x), x.ReadString())),
                Actions = ReadMap(r, (x, name) => new ActionMeta(
                    name,
                    x.ReadString(),
                    ReadMap(x, (y, param) => new ActionParamMeta(param, ReadEnum<ActionParamType>(y), y.ReadString(), ReadNode(y), ReadList(y, ReadNode))),
                    ReadList(x, y => y.ReadString()),
                    ReadOptional(x, y => y.ReadBoolean()))),
                ExtraBindings = ReadList(r, x => x.ReadString()),
            };
            return r.BaseStream.Position == r.BaseStream.Length ? metadata : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or JsonException or ArgumentException or InvalidDataException)
        {
            return null;
        }
    }

    private static void WriteMap<T>(BinaryWriter w, IReadOnlyDictionary<string, T> map, Action<BinaryWriter, T> write)
    {
        w.Write7BitEncodedInt(map.Count);
        foreach (var (name, value) in map)
        {
            w.Write(name);
            write(w, value);
        }
    }

    private static Dictionary<string, T> ReadMap<T>(BinaryReader r, Func<BinaryReader, string, T> read)
    {
        var count = ReadCount(r);
        var map = new Dictionary<string, T>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString();
            if (!map.TryAdd(name, read(r, name)))
            {
                throw new InvalidDataException($"'{name}' appears twice");
            }
        }

        return map;
    }

    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> list, Action<BinaryWriter, T> write)
    {
        w.Write7BitEncodedInt(list.Count);
        foreach (var item in list)
        {
            write(w, item);
        }
    }

    private static T[] ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var items = new T[ReadCount(r)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }

        return items;
    }

    private static int ReadCount(BinaryReader r)
    {
        var count = r.Read7BitEncodedInt();
        // Each item takes at least one byte, so a count beyond what is left is damage, not a reason to allocate.
        return count >= 0 && count <= r.BaseStream.Length - r.BaseStream.Position ? count : throw new InvalidDataException("bad count");
    }

    private static void WriteOptional(BinaryWriter w, string? value) => WriteOptional(w, value, (x, v) => x.Write(v));

    private static void WriteOptional<T>(BinaryWriter w, T? value, Action<BinaryWriter, T> write)
        where T : struct
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            write(w, v);
        }
    }

    private static void WriteOptional(BinaryWriter w, string? value, Action<BinaryWriter, string> write)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            write(w, value);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static T? ReadOptional<T>(BinaryReader r, Func<BinaryReader, T> read)
        where T : struct => r.ReadBoolean() ? read(r) : null;

    private static T ReadEnum<T>(BinaryReader r)
        where T : struct, Enum
    {
        var value = (T)(object)(int)r.ReadByte();
        return Enum.IsDefined(value) ? value : throw new InvalidDataException($"bad {typeof(T).Name}");
    }

    // The loader builds defaults from strings, booleans, 64-bit integers, doubles, objects and arrays; each keeps its
    // exact JsonValue type here, since code reading a default may ask for that type. Anything else round-trips as JSON.
    private static void WriteNode(BinaryWriter w, JsonNode? node)
    {
        switch (node)
        {
            case null:
                w.Write((byte)NodeTag.Null);
                break;
            case JsonObject obj:
                w.Write((byte)NodeTag.Object);
                w.Write7BitEncodedInt(obj.Count);
                foreach (var (key, value) in obj)
                {
                    w.Write(key);
                    WriteNode(w, value);
                }

                break;
            case JsonArray array:
                w.Write((byte)NodeTag.Array);
                w.Write7BitEncodedInt(array.Count);
                foreach (var item in array)
                {
                    WriteNode(w, item);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var s):
                w.Write((byte)NodeTag.String);
                w.Write(s);
                break;
            case JsonValue value when value.TryGetValue<bool>(out var b):
                w.Write((byte)(b ? NodeTag.True : NodeTag.False));
                break;
            case JsonValue value when value.TryGetValue<long>(out var l):
                w.Write((byte)NodeTag.Int64);
                w.Write(l);
                break;
            case JsonValue value when value.TryGetValue<double>(out var d):
                w.Write((byte)NodeTag.Double);
                w.Write(d);
                break;
            default:
                w.Write((byte)NodeTag.RawJson);
                w.Write(node.ToJsonString());
                break;
        }
    }

    private static JsonNode? ReadNode(BinaryReader r)
    {
        switch ((NodeTag)r.ReadByte())
        {
            case NodeTag.Null:
                return null;
            case NodeTag.String:
                return JsonValue.Create(r.ReadString());
            case NodeTag.False:
                return JsonValue.Create(false);
            case NodeTag.True:
                return JsonValue.Create(true);
            case NodeTag.Int64:
                return JsonValue.Create(r.ReadInt64());
            case NodeTag.Double:
                return JsonValue.Create(r.ReadDouble());
            case NodeTag.Object:
                var obj = new JsonObject();
                var count = ReadCount(r);
                for (var i = 0; i < count; i++)
                {
                    var key = r.ReadString();
                    obj[key] = ReadNode(r);
                }

                return obj;
            case NodeTag.Array:
                return new JsonArray(ReadList(r, ReadNode));
            case NodeTag.RawJson:
                return JsonNode.Parse(r.ReadString());
            default:
                throw new InvalidDataException("bad JSON node tag");
        }
    }
}
