using Charmarr.Interfaces.MediaStorage;
using Charmarr.PlexK8s.Storage;

namespace Charmarr.PlexK8s.Tests.Storage;

public sealed class MediaStorageCheckTests
{
    [Fact]
    public void Usual_data_is_usable()
    {
        Assert.Null(MediaStorageCheck.Problem(new MediaStorageProviderData("charmarr-shared-media")));
    }

    [Theory]
    [InlineData("pvc", "/", 1000, "would hide")]
    [InlineData("pvc", "/config/media", 1000, "would hide")]
    [InlineData("pvc", "/config/", 1000, "would hide")]
    public void Unusable_data_is_named(string pvc, string mountPath, int puid, string problem)
    {
        Assert.Contains(problem, MediaStorageCheck.Problem(new MediaStorageProviderData(pvc, mountPath, puid, 1000)), StringComparison.Ordinal);
    }
}
