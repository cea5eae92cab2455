// Juju, Kubernetes and the packed charm are Linux-only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
