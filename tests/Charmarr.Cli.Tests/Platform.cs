// Charms run on Linux, and packing sets Unix file modes: the tool is Linux-only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
