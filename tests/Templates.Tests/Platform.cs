// Charms, their archives and the charmarr tool are Linux-only; these tests read Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
