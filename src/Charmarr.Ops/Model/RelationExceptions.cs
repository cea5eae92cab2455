using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Model;

/// <summary>The charm broke one of Juju's databag access rules (writing a remote bag, a non-leader touching its app bag, ...).</summary>
public sealed class RelationDataAccessException : JujuModelException
{
    /// <summary>Creates the exception.</summary>
    public RelationDataAccessException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which rule was broken.</param>
    public RelationDataAccessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which rule was broken.</param>
    /// <param name="innerException">The cause.</param>
    public RelationDataAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An endpoint expected to hold one relation holds several.</summary>
public sealed class TooManyRelatedAppsException : JujuModelException
{
    /// <summary>Creates the exception.</summary>
    public TooManyRelatedAppsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public TooManyRelatedAppsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public TooManyRelatedAppsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
