// The benchmark it tests is Linux-only (unix sockets, Native AOT binaries, /proc, GNU time).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
