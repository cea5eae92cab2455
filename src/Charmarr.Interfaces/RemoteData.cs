namespace Charmarr.Interfaces;

/// <summary>What a relation's remote application data came to.</summary>
public enum RemoteDataState
{
    /// <summary>There is no relation, or the remote side has not published yet: wait for it.</summary>
    Absent,

    /// <summary>The remote side published data this side cannot use; <see cref="RemoteData{T}.Problem"/> says why.</summary>
    Invalid,

    /// <summary>The remote side published valid data.</summary>
    Ready,
}

/// <summary>
/// The remote side's data on a relation, or why there is none: <see cref="RemoteDataState.Absent"/> (nothing yet),
/// <see cref="RemoteDataState.Invalid"/> (what it published is malformed, or holds a value that cannot be used for what
/// it is for, such as a PVC name Kubernetes would reject), or <see cref="RemoteDataState.Ready"/>.
/// </summary>
/// <typeparam name="T">The data the remote side publishes.</typeparam>
public sealed record RemoteData<T>
    where T : class
{
    private RemoteData(RemoteDataState state, T? data, string? problem)
    {
        State = state;
        Data = data;
        Problem = problem;
    }

    /// <summary>Whether the data is there, and valid.</summary>
    public RemoteDataState State { get; }

    /// <summary>The data when <see cref="State"/> is <see cref="RemoteDataState.Ready"/>; otherwise <see langword="null"/>.</summary>
    public T? Data { get; }

    /// <summary>
    /// Why there is no data: for <see cref="RemoteDataState.Invalid"/>, the wire field, its value and what is wrong with
    /// it (e.g. <c>pvc_name 'UPPER_case' is not a valid Kubernetes name</c>), fit for a status message; for
    /// <see cref="RemoteDataState.Absent"/>, what is missing. <see langword="null"/> when ready.
    /// </summary>
    public string? Problem { get; }

    /// <summary>Whether the data is there and valid.</summary>
    public bool IsReady => State == RemoteDataState.Ready;

    /// <summary>Whether the remote side published data that cannot be used.</summary>
    public bool IsInvalid => State == RemoteDataState.Invalid;

    internal static RemoteData<T> Ready(T data) => new(RemoteDataState.Ready, data, null);

    internal static RemoteData<T> Absent(string reason) => new(RemoteDataState.Absent, null, reason);

    internal static RemoteData<T> Invalid(string problem) => new(RemoteDataState.Invalid, null, problem);
}
