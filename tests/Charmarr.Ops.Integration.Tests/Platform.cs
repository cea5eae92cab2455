// The stand-in juju is a bash script, and Juju runs on Linux: these tests are Linux-only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
