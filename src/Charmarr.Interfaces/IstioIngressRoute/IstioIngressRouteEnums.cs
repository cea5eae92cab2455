namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>The application protocol of a listener (Python <c>ProtocolType</c>); istio-ingress adds TLS when it has certificates.</summary>
public enum IngressProtocol
{
    /// <summary><c>HTTP</c>.</summary>
    Http,

    /// <summary><c>GRPC</c>.</summary>
    Grpc,
}

/// <summary>An HTTP method to match (Python <c>HTTPMethod</c>).</summary>
public enum HttpRouteMethod
{
    /// <summary><c>GET</c>.</summary>
    Get,

    /// <summary><c>POST</c>.</summary>
    Post,

    /// <summary><c>PUT</c>.</summary>
    Put,

    /// <summary><c>DELETE</c>.</summary>
    Delete,

    /// <summary><c>PATCH</c>.</summary>
    Patch,

    /// <summary><c>HEAD</c>.</summary>
    Head,

    /// <summary><c>OPTIONS</c>.</summary>
    Options,

    /// <summary><c>CONNECT</c>.</summary>
    Connect,

    /// <summary><c>TRACE</c>.</summary>
    Trace,
}

/// <summary>How a path is matched (Python <c>HTTPPathMatchType</c>).</summary>
public enum HttpPathMatchType
{
    /// <summary><c>Exact</c>.</summary>
    Exact,

    /// <summary><c>PathPrefix</c>.</summary>
    PathPrefix,

    /// <summary><c>RegularExpression</c>.</summary>
    RegularExpression,
}

/// <summary>How a filter rewrites a path (Python <c>PathModifierType</c>).</summary>
public enum PathModifierType
{
    /// <summary><c>ReplaceFullPath</c>: the whole path becomes the value.</summary>
    ReplaceFullPath,

    /// <summary><c>ReplacePrefixMatch</c>: the matched prefix becomes the value.</summary>
    ReplacePrefixMatch,
}
