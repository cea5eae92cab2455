using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>
/// Pebble's start/stop ordering: <c>requires</c> pulls services in (start) or dependents in (stop),
/// <c>before</c>/<c>after</c> order the services of one operation, services linked by <c>requires</c> share a lane.
/// </summary>
internal static class ServiceOrder
{
    /// <summary>The lanes (each in start or stop order) for the named services; throws <see cref="LayerException"/>.</summary>
    public static List<List<string>> Resolve(IReadOnlyDictionary<string, ServiceConfig> services, IReadOnlyList<string> names, bool stop)
    {
        var selected = Collect(services, names, stop);
        var order = Sort(services, selected, stop);
        return Lanes(services, order);
    }

    private static List<string> Collect(IReadOnlyDictionary<string, ServiceConfig> services, IReadOnlyList<string> names, bool stop)
    {
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (stop)
        {
            foreach (var (name, service) in services)
            {
                foreach (var required in service.Requires)
                {
                    (dependents.TryGetValue(required, out var list) ? list : dependents[required] = []).Add(name);
                }
            }
        }

        var seen = new List<string>();
        var pending = new Queue<string>(names);
        while (pending.TryDequeue(out var name))
        {
            if (seen.Contains(name))
            {
                continue;
            }

            if (!services.TryGetValue(name, out var service))
            {
                throw new LayerException($"service {GoText.Quote(name)} does not exist");
            }

            seen.Add(name);
            foreach (var next in stop ? dependents.GetValueOrDefault(name, []) : service.Requires)
            {
                pending.Enqueue(next);
            }
        }

        return seen;
    }

    // Topological order over before/after edges among the selected services; ties alphabetical; cycles rejected.
    private static List<string> Sort(IReadOnlyDictionary<string, ServiceConfig> services, List<string> selected, bool stop)
    {
        var mustFollow = selected.ToDictionary(n => n, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var name in selected)
        {
            var service = services[name];
            var (after, before) = stop ? (service.Before, service.After) : (service.After, service.Before);
            foreach (var earlier in after.Where(mustFollow.ContainsKey))
            {
                mustFollow[name].Add(earlier);
            }

            foreach (var later in before.Where(mustFollow.ContainsKey))
            {
                mustFollow[later].Add(name);
            }
        }

        var order = new List<string>();
        var remaining = new SortedSet<string>(selected, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(n => mustFollow[n].All(order.Contains));
            if (next is null)
            {
                var loop = remaining.Where(n => ReachesItself(n, mustFollow)).ToList();
                throw new LayerException($"services in before/after loop: {string.Join(", ", loop)}");
            }

            order.Add(next);
            remaining.Remove(next);
        }

        return order;
    }

    private static bool ReachesItself(string start, Dictionary<string, SortedSet<string>> edges)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(edges[start]);
        while (stack.TryPop(out var node))
        {
            if (node == start)
            {
                return true;
            }

            if (visited.Add(node))
            {
                foreach (var next in edges[node])
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    private static List<List<string>> Lanes(IReadOnlyDictionary<string, ServiceConfig> services, List<string> order)
    {
        var laneOf = order.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        string Root(string n) => laneOf[n] == n ? n : laneOf[n] = Root(laneOf[n]);
        foreach (var name in order)
        {
            foreach (var required in services[name].Requires.Where(laneOf.ContainsKey))
            {
                laneOf[Root(required)] = Root(name);
            }
        }

        return order.GroupBy(Root).Select(g => g.ToList()).ToList();
    }
}
