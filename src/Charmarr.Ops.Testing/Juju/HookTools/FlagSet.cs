namespace Charmarr.Ops.Testing.Juju.HookTools;

// A gnuflag-style parser: `--name value`, `--name=value`, bundled short flags (`-ab`, so `-format` is
// read as -f -o -r ...), bool flags with optional `=value`, `--` ends flags, flags may follow positionals.
internal sealed class FlagSet
{
    private readonly Dictionary<string, Flag> _flags = new(StringComparer.Ordinal);

    public void Bool(Action<bool> set, params string[] names) => Add(new Flag(true, v => set(ParseBool(v))), names);

    public void String(Action<string> set, params string[] names) => Add(new Flag(false, set), names);

    public bool IsDefined(string name) => _flags.ContainsKey(name);

    public List<string> Parse(IReadOnlyList<string> args)
    {
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                positionals.Add(arg);
                continue;
            }
            i = arg.StartsWith("--", StringComparison.Ordinal) ? ParseLong(args, i) : ParseShort(args, i);
        }
        return positionals;
    }

    private int ParseLong(IReadOnlyList<string> args, int index)
    {
        var body = args[index][2..];
        if (body.Length == 0 || body[0] == '-' || body[0] == '=')
        {
            throw HookToolException.Usage($"bad flag syntax: {args[index]}");
        }
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? body : body[..eq];
        var inlineValue = eq < 0 ? null : body[(eq + 1)..];
        return Apply(args, index, name, "--" + name, inlineValue);
    }

    private int ParseShort(IReadOnlyList<string> args, int index)
    {
        var letters = args[index][1..];
        for (var j = 0; j < letters.Length; j++)
        {
            var name = letters[j].ToString();
            var flag = Lookup(name, "-" + name);
            if (flag.IsBool)
            {
                Set(flag, "-" + name, "true");
                continue;
            }
            if (j + 1 < letters.Length)
            {
                Set(flag, "-" + name, letters[(j + 1)..]);
                return index;
            }
            return Apply(args, index, name, "-" + name, null);
        }
        return index;
    }

    private int Apply(IReadOnlyList<string> args, int index, string name, string shown, string? inlineValue)
    {
        var flag = Lookup(name, shown);
        if (flag.IsBool)
        {
            try
            {
                flag.Set(inlineValue ?? "true");
            }
            catch (FormatException e)
            {
                throw HookToolException.Usage($"invalid boolean flag {name}: {e.Message}");
            }
            return index;
        }
        if (inlineValue is not null)
        {
            Set(flag, shown, inlineValue);
            return index;
        }
        if (index + 1 >= args.Count)
        {
            throw HookToolException.Usage($"flag needs an argument: {shown}");
        }
        Set(flag, shown, args[index + 1]);
        return index + 1;
    }

    private Flag Lookup(string name, string shown)
    {
        if (_flags.TryGetValue(name, out var flag))
        {
            return flag;
        }
        if (name is "h" or "help")
        {
            throw new HelpRequestedException();
        }
        throw HookToolException.Usage($"flag provided but not defined: {shown}");
    }

    private static void Set(Flag flag, string shown, string value)
    {
        try
        {
            flag.Set(value);
        }
        catch (FlagValueException e)
        {
            throw HookToolException.Usage($"invalid value {HookToolException.GoQuote(value)} for flag {shown}: {e.Message}");
        }
    }

    private void Add(Flag flag, string[] names)
    {
        foreach (var name in names)
        {
            _flags[name] = flag;
        }
    }

    // strconv.ParseBool.
    private static bool ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => throw new FormatException($"strconv.ParseBool: parsing {HookToolException.GoQuote(value)}: invalid syntax"),
    };

    private sealed record Flag(bool IsBool, Action<string> Set);
}
