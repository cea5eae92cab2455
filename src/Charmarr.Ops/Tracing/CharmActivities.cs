using System.Diagnostics;
using Charmarr.Ops.Context;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and the spans it starts: a dispatch, an event and its observers, a hook
/// tool, a Pebble call, a Kubernetes call. <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns
/// <see langword="null"/> while no listener samples this source, so every helper costs a null check in an untraced
/// dispatch.
/// </summary>
internal static class CharmActivities
{
    /// <summary>The source name, also the OTLP instrumentation scope.</summary>
    public const string SourceName = "Charmarr.Ops";

    private static ActivitySource? created;

    /// <summary>The spans of every dispatch; made on first use by a listener (charm tracing, the Testing package), so an
    /// untraced dispatch never initialises the diagnostics machinery.</summary>
    public static ActivitySource Source => created ?? Create();

    /// <summary>Whether a listener samples the SDK's spans now.</summary>
    public static bool IsListened => Existing?.HasListeners() == true;

    /// <summary>The source when one was made, else <see langword="null"/>: what the span helpers start from.</summary>
    private static ActivitySource? Existing => Volatile.Read(ref created);

    /// <summary>Starts a dispatch's root span, named after the event, with the unit, application, model, event and Juju version.</summary>
    public static Activity? StartDispatch(JujuContext context)
    {
        var activity = Existing?.StartActivity(context.EventName, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(SpanAttributes.Unit, context.UnitName);
            activity.SetTag(SpanAttributes.Application, context.AppName);
            activity.SetTag(SpanAttributes.Model, context.ModelName);
            activity.SetTag(SpanAttributes.Event, context.EventName);
            activity.SetTag(SpanAttributes.JujuVersion, context.Version.ToString());
        }

        return activity;
    }

    /// <summary>Ends a dispatch's root span with the exit code (a non-zero one marks it failed).</summary>
    public static void EndDispatch(Activity? activity, int exitCode)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(SpanAttributes.ExitCode, exitCode);
        if (exitCode != 0 && activity.Status == ActivityStatusCode.Unset)
        {
            activity.SetStatus(ActivityStatusCode.Error, $"exit code {exitCode}");
        }

        activity.Stop();
    }

    /// <summary>Starts the span of an emitted event (a re-emitted deferred one when <paramref name="reemitted"/>).</summary>
    public static Activity? StartEvent(string eventName, bool reemitted)
    {
        var activity = Existing?.StartActivity(reemitted ? "reemit " + eventName : "emit " + eventName);
        if (activity is not null)
        {
            activity.SetTag(SpanAttributes.Event, eventName);
            if (reemitted)
            {
                activity.SetTag(SpanAttributes.Deferred, true);
            }
        }

        return activity;
    }

    /// <summary>Starts the span of one observer handling an event.</summary>
    public static Activity? StartObserver(string observer)
    {
        var activity = Existing?.StartActivity(observer);
        activity?.SetTag(SpanAttributes.Observer, observer);
        return activity;
    }

    /// <summary>Starts the span of a hook tool run; its arguments are recorded without values (<see cref="HookToolArguments"/>).</summary>
    public static Activity? StartHookTool(string tool, IReadOnlyList<string> args)
    {
        var activity = Existing?.StartActivity(tool, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(SpanAttributes.HookTool, tool);
            activity.SetTag(SpanAttributes.HookToolArgs, HookToolArguments.Redact(args));
        }

        return activity;
    }

    /// <summary>Starts the span of a Pebble API call: method and path (never the query, which may name files).</summary>
    public static Activity? StartPebble(string method, string? target)
    {
        if (Existing?.HasListeners() != true)
        {
            return null;
        }

        var path = PathOf(target);
        var activity = Existing?.StartActivity("pebble " + method + " " + path, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(SpanAttributes.HttpMethod, method);
            activity.SetTag(SpanAttributes.PebblePath, path);
        }

        return activity;
    }

    /// <summary>Starts the span of a Kubernetes API call: verb and resource.</summary>
    public static Activity? StartKubernetes(string verb, string resource)
    {
        var activity = Existing?.StartActivity("kubernetes " + verb + " " + resource, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(SpanAttributes.KubernetesVerb, verb);
            activity.SetTag(SpanAttributes.KubernetesResource, resource);
        }

        return activity;
    }

    /// <summary>Marks the span failed with the exception's type and message as an <c>exception</c> event.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name + ": " + exception.Message);
        activity.AddException(exception);
    }

    private static ActivitySource Create()
    {
        var source = new ActivitySource(SourceName, typeof(CharmActivities).Assembly.GetName().Version?.ToString(3));
        var winner = Interlocked.CompareExchange(ref created, source, null);
        if (winner is null)
        {
            return source;
        }

        source.Dispose();
        return winner;
    }

    private static string PathOf(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return "/";
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        return Uri.TryCreate(path, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : path;
    }
}
