using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Model;
using Charmarr.Ops.FakeJuju.Persistence;

namespace Charmarr.Ops.FakeJuju.Driver;

/// Runs a charm's `dispatch` for one unit the way the Juju unit agent does, against a fake model
/// kept in a state directory, with the fake hook tools first on PATH.
public sealed class FakeJujuUnit : IDisposable
{
    private readonly StateDirectory _state;
    private readonly bool _ownsStateDirectory;
    private int _runCount;

    public FakeJujuUnit(string charmDirectory, FakeModel model, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        CharmDirectory = Path.GetFullPath(charmDirectory);
        _ownsStateDirectory = stateDirectory is null;
        _state = new StateDirectory(stateDirectory ?? Directory.CreateTempSubdirectory("fake-juju-").FullName);
        ShimsDirectory = ShimDirectory.Write(Path.Combine(_state.Path, "bin"), model.Juju);
        using (_state.Lock())
        {
            _state.SaveModel(model);
            _state.DiscardPending();
            _state.SetActiveContext(null);
        }
    }

    public string CharmDirectory { get; }
    public string StateDirectory => _state.Path;
    public string ShimsDirectory { get; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// A fresh copy of the committed model.
    public FakeModel Model
    {
        get
        {
            using (_state.Lock())
            {
                return _state.LoadModel();
            }
        }
    }

    /// Every tool call since the unit was created.
    public IReadOnlyList<ToolCall> AllCalls
    {
        get
        {
            using (_state.Lock())
            {
                return _state.ReadCalls();
            }
        }
    }

    /// Changes the committed model between hooks (leadership, config, relations, remote data, ...).
    public FakeModel Mutate(Action<FakeModel> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using (_state.Lock())
        {
            var model = _state.LoadModel();
            change(model);
            _state.SaveModel(model);
            return model;
        }
    }

    public void SetLeader(bool isLeader) => Mutate(m => m.IsLeader = isLeader);

    public void SetConfig(string key, JsonNode? value) => Mutate(m => m.SetConfig(key, value));

    /// Adds a relation (remote unit bags pre-filled with address keys) and returns its id.
    public int AddRelation(string endpoint, string remoteApp, params string[] remoteUnits)
    {
        var id = 0;
        Mutate(m => id = m.AddRelation(endpoint, remoteApp, remoteUnits).Id);
        return id;
    }

    public void SetRemoteUnitData(int relationId, string unit, string key, string value) =>
        Mutate(m => m.Relation(relationId).SetRemoteUnitData(unit, key, value));

    public void SetRemoteAppData(int relationId, string key, string value) =>
        Mutate(m => m.Relation(relationId).SetRemoteAppData(key, value));

    public HookRunResult RunHook(string hookName, int? relationId = null, string? remoteUnit = null) =>
        RunHook(hookName, new HookOptions { RelationId = relationId, RemoteUnit = remoteUnit });

    public HookRunResult RunHook(string hookName, HookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(hookName, (env, model) =>
        {
            HookEnvironment.AddHook(env, model, hookName, options);
            AddExtra(env, options.Environment);
        }, action: null);
    }

    /// Runs an action. When the charm directory has metadata declaring the action, parameters it does not declare are
    /// refused as `juju run` refuses them: by the action's additionalProperties, or when it says nothing, by the
    /// emulated Juju's default (3.x allows them, 4.x does not). Types are left to the charm, so tests can feed it bad ones.
    public HookRunResult RunAction(string actionName, JsonObject? parameters = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        CheckUndeclaredParameters(actionName, parameters);
        var action = new FakeAction
        {
            Name = actionName,
            Id = (Model.CompletedActions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Parameters = (JsonObject?)parameters?.DeepClone() ?? [],
        };
        return Run(actionName, (env, _) =>
        {
            HookEnvironment.AddAction(env, actionName, action.Id);
            AddExtra(env, environment);
        }, action);
    }

    private void CheckUndeclaredParameters(string actionName, JsonObject? parameters)
    {
        Charmarr.Ops.Metadata.CharmMetadata metadata;
        try
        {
            metadata = Charmarr.Ops.Metadata.CharmMetadata.Load(CharmDirectory);
        }
        catch (Exception e) when (e is Charmarr.Ops.Metadata.CharmMetadataException or IOException)
        {
            return; // a script charm without metadata: nothing to check against
        }

        if (parameters is null || !metadata.Actions.TryGetValue(actionName, out var declared))
        {
            return;
        }

        var juju = Model.Juju;
        var undeclared = parameters.Select(p => p.Key).Where(k => !declared.Params.ContainsKey(k)).ToList();
        if (undeclared.Count > 0 && !declared.AllowsAdditionalProperties(juju))
        {
            throw new ArgumentException(
                $"Juju {juju} refuses action \"{actionName}\": parameters not declared ({string.Join(", ", undeclared)}) and additionalProperties is "
                + (declared.AdditionalProperties is null ? $"not set, which defaults to false on Juju {juju.Major}.x" : "false"),
                nameof(parameters));
        }
    }

    private HookRunResult Run(string eventName, Action<Dictionary<string, string>, FakeModel> addEventEnvironment, FakeAction? action)
    {
        var contextId = $"{Model.UnitName}-{eventName}-{++_runCount}{Random.Shared.Next(1000, 9999)}";
        Dictionary<string, string> env;
        using (_state.Lock())
        {
            var model = _state.LoadModel();
            model.Action = action;
            _state.SaveModel(model);
            _state.DiscardPending();
            _state.SetActiveContext(contextId);
            env = HookEnvironment.Base(model, CharmDirectory, contextId, _state.Path, ShimsDirectory);
            addEventEnvironment(env, model);
        }

        var process = StartDispatch(env, action);

        using (_state.Lock())
        {
            _state.SetActiveContext(null);
            var model = _state.LoadModel();
            if (process.ExitCode == 0 && !process.TimedOut)
            {
                _state.LoadPending().ApplyTo(model);
            }
            _state.DiscardPending();
            var finished = model.Action;
            if (finished is not null)
            {
                ActionOutcome.Finish(finished, process);
                model.CompletedActions.Add(finished);
                model.Action = null;
            }
            _state.SaveModel(model);
            return new HookRunResult
            {
                EventName = eventName,
                ContextId = contextId,
                ExitCode = process.ExitCode,
                TimedOut = process.TimedOut,
                Stdout = Encoding.UTF8.GetString(process.Stdout),
                Stderr = Encoding.UTF8.GetString(process.Stderr),
                Environment = env,
                Calls = _state.ReadCalls().Where(c => c.ContextId == contextId).ToList(),
                Model = model,
                Action = finished,
            };
        }
    }

    private BoundedProcess.Result StartDispatch(Dictionary<string, string> env, FakeAction? action)
    {
        var dispatch = Path.Combine(CharmDirectory, "dispatch");
        if (!File.Exists(dispatch))
        {
            // Juju skips a hook with no handler, but fails an action.
            return action is null
                ? new BoundedProcess.Result(0, false, [], [])
                : new BoundedProcess.Result(1, false, [], Encoding.UTF8.GetBytes($"action not implemented on unit \"{env["JUJU_UNIT_NAME"]}\""));
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(dispatch) & UnixFileMode.UserExecute) == 0)
        {
            return new BoundedProcess.Result(126, false, [], Encoding.UTF8.GetBytes($"fork/exec {dispatch}: permission denied"));
        }
        return BoundedProcess.Run(dispatch, CharmDirectory, env, Timeout);
    }

    private static void AddExtra(Dictionary<string, string> env, IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }
    }

    public void Dispose()
    {
        if (_ownsStateDirectory)
        {
            try
            {
                Directory.Delete(_state.Path, recursive: true);
            }
            catch (IOException)
            {
                // A killed tool may still hold a file briefly; a leftover temp dir is harmless.
            }
        }
    }
}
