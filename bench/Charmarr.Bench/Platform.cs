// The benchmark runs Linux-only pieces (unix sockets, Native AOT binaries, /proc, GNU time).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
