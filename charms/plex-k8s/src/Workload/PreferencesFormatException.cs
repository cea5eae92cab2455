namespace Charmarr.PlexK8s.Workload;

/// <summary>Preferences.xml cannot be read as Plex's settings; the charm will not write over it.</summary>
internal sealed class PreferencesFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PreferencesFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public PreferencesFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public PreferencesFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
