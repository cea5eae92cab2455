namespace Charmarr.Ops.Model;

/// <summary>This charm's application: its status (leader only) and planned units.</summary>
public sealed class LocalApplication
{
    private readonly CharmModel model;
    private Status? status;
    private int? plannedUnits;

    internal LocalApplication(CharmModel model, string name)
    {
        this.model = model;
        Name = name;
        Identity = new Application(name);
    }

    /// <summary>The application name.</summary>
    public string Name { get; }

    /// <summary>This application as a plain <see cref="Application"/>.</summary>
    public Application Identity { get; }

    /// <summary>The application status; only the leader may read or set it.</summary>
    /// <exception cref="InvalidOperationException">This unit is not the leader.</exception>
    /// <exception cref="ArgumentException">Setting a status a charm may not set.</exception>
    public Status Status
    {
        get
        {
            RequireLeader("read the application status");
            return status ??= model.Backend.GetStatus(application: true).Status;
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.ThrowIfNotSettable(nameof(value));

            RequireLeader("set the application status");
            model.Backend.SetStatus(value, application: true);
            status = value;
        }
    }

    /// <summary>How many units Juju intends this application to have (units not dying), from <c>goal-state</c>; asked once per dispatch.</summary>
    /// <returns>The planned unit count.</returns>
    public int PlannedUnits() =>
        plannedUnits ??= model.Backend.GetGoalState().Units.Values.Count(u => u.Status != "dying");

    /// <summary>Creates a secret owned by the application (leader only).</summary>
    /// <param name="content">The content: keys of at least three lower-case characters, non-empty values.</param>
    /// <param name="options">Label, description, expiry and rotation.</param>
    /// <returns>The new secret.</returns>
    public Secret AddSecret(IReadOnlyDictionary<string, string> content, SecretOptions? options = null)
    {
        RequireLeader("create an application secret");
        return model.Secrets.Add(content, SecretOwner.Application, options ?? new SecretOptions());
    }

    private void RequireLeader(string what)
    {
        if (!model.Unit.IsLeader)
        {
            throw new InvalidOperationException($"{model.Unit.Name} is not the leader, so it cannot {what}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
