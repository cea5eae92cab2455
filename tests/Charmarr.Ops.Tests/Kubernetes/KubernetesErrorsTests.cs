using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

public sealed class KubernetesErrorsTests
{
    [Fact]
    public void A_body_that_is_not_a_Status_is_shown_as_it_is()
    {
        var e = KubernetesErrors.FromStatus(502, "<html>bad gateway</html>", "get", "media", "plex");

        Assert.Equal("Kubernetes could not get StatefulSet media/plex (502 error: <html>bad gateway</html>).", e.Message);
        Assert.Null(e.Reason);
    }

    [Fact]
    public void An_empty_body_still_names_the_status()
    {
        var e = KubernetesErrors.FromStatus(504, null, "patch", "media", "plex");

        Assert.Equal("Kubernetes could not patch StatefulSet media/plex (504 error).", e.Message);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void A_long_foreign_body_is_cut()
    {
        var (message, _) = KubernetesErrors.ParseStatus(new string('x', 1000));

        Assert.Equal(301, message!.Length);
    }

    [Theory]
    [InlineData(403, typeof(KubernetesForbiddenException))]
    [InlineData(404, typeof(KubernetesNotFoundException))]
    [InlineData(409, typeof(KubernetesException))]
    public void Each_status_has_its_exception_type(int code, Type type)
    {
        Assert.IsType(type, KubernetesErrors.FromStatus(code, """{"kind":"Status","message":"m","reason":"R"}""", "get", "media", "plex"));
    }
}
