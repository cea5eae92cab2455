using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>The ordered layers and the plan combined from them (§3.6), including <c>combine</c> in place and sub-directory labels.</summary>
internal sealed class LayerStack
{
    private List<PlanLayer> layers = [];

    /// <summary>The combined, validated plan.</summary>
    public PlanLayer Plan { get; private set; } = new();

    public IReadOnlyList<PlanLayer> Layers => layers;

    /// <summary>Adds a layer as <c>POST /v1/layers</c> does; throws <see cref="LayerException"/> with Pebble's message and status.</summary>
    public void Add(string label, string yaml, bool combine, bool inner)
    {
        CheckLabel(label);
        PlanLayer layer;
        try
        {
            layer = LayerParser.Parse(label, yaml);
        }
        catch (LayerException e)
        {
            throw new LayerException("cannot parse layer YAML: " + e.Message);
        }

        AddParsed(layer, combine, inner);
    }

    /// <summary>Adds a layer built in memory (the in-process client's typed layers), validated like a parsed one.</summary>
    public void Add(PlanLayer layer, bool combine, bool inner)
    {
        CheckLabel(layer.Label);
        try
        {
            LayerValidator.ValidateLayer(layer);
        }
        catch (LayerException e)
        {
            throw new LayerException("cannot parse layer YAML: " + e.Message);
        }

        AddParsed(layer, combine, inner);
    }

    private static void CheckLabel(string label)
    {
        if (label.StartsWith("pebble-", StringComparison.Ordinal))
        {
            throw new LayerException("cannot parse layer YAML: cannot use reserved label prefix \"pebble-\"");
        }
    }

    private void AddParsed(PlanLayer layer, bool combine, bool inner)
    {
        var label = layer.Label;
        var candidate = new List<PlanLayer>(layers);
        var existing = candidate.FindIndex(l => l.Label == label);
        if (existing >= 0)
        {
            if (!combine)
            {
                throw new LayerException($"layer {GoText.Quote(label)} already exists");
            }

            var combined = Combine([candidate[existing], layer]);
            combined.Label = label;
            candidate[existing] = combined;
        }
        else
        {
            candidate.Insert(InsertPosition(candidate, label, inner), layer);
        }

        var plan = Combine(candidate);
        LayerValidator.ValidatePlan(plan);
        layers = candidate;
        Plan = plan;
    }

    // A "dir/name" label joins its directory's layers; inserting it before a later layer needs "inner" (§7.1).
    private static int InsertPosition(List<PlanLayer> current, string label, bool inner)
    {
        var slash = label.IndexOf('/', StringComparison.Ordinal);
        var directory = slash < 0 ? label : label[..slash];
        var lastInDirectory = current.FindLastIndex(l => l.Label.StartsWith(directory + "/", StringComparison.Ordinal));
        if (lastInDirectory < 0)
        {
            return current.Count;
        }

        if (slash < 0 || (lastInDirectory < current.Count - 1 && !inner))
        {
            throw new LayerException("cannot insert sub-directory layer without 'inner' attribute set", 500);
        }

        return lastInDirectory + 1;
    }

    /// <summary>Pebble's CombineLayers: items merged or replaced by their <c>override</c>, later layers winning.</summary>
    public static PlanLayer Combine(IReadOnlyList<PlanLayer> stack)
    {
        var combined = new PlanLayer();
        if (stack.Count > 0)
        {
            combined.Summary = stack[^1].Summary;
            combined.Description = stack[^1].Description;
        }

        foreach (var layer in stack)
        {
            CombineItems(layer, combined.Services, layer.Services, "service", s => s.Override, s => s.Copy(), (a, b) => a.Merge(b));
            CombineItems(layer, combined.Checks, layer.Checks, "check", c => c.Override, c => c.Copy(), (a, b) => a.Merge(b));
            CombineItems(layer, combined.LogTargets, layer.LogTargets, "log target", t => t.Override, t => t.Copy(), (a, b) => a.Merge(b));
        }

        return combined;
    }

    private static void CombineItems<T>(
        PlanLayer layer,
        SortedDictionary<string, T> into,
        SortedDictionary<string, T> items,
        string what,
        Func<T, string> overrideOf,
        Func<T, T> copy,
        Action<T, T> merge)
    {
        foreach (var (name, item) in items)
        {
            switch (overrideOf(item))
            {
                case "merge" when into.TryGetValue(name, out var old):
                    var merged = copy(old);
                    merge(merged, item);
                    into[name] = merged;
                    break;
                case "merge" or "replace":
                    into[name] = copy(item);
                    break;
                case "":
                    throw new LayerException($"layer {GoText.Quote(layer.Label)} must define \"override\" for {what} {GoText.Quote(name)}");
                default:
                    throw new LayerException($"layer {GoText.Quote(layer.Label)} has invalid \"override\" value for {what} {GoText.Quote(name)}");
            }
        }
    }
}
