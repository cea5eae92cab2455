using Charmarr.PlexK8s.Claim;

namespace Charmarr.PlexK8s.Tests.Claim;

public sealed class ClaimTokenTests
{
    [Theory]
    [InlineData("claim-xxxxxxxxxxxxxxxxxxxx")]
    [InlineData("claim-AbC_12-3")]
    [InlineData("  claim-abc\n")]
    public void Claim_tokens_are_accepted(string token) => Assert.True(ClaimToken.IsValid(token));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("claim-")]
    [InlineData("xxxxxxxxxxxxxxxxxxxx")]
    [InlineData("Claim-abc")]
    [InlineData("claim-abc def")]
    [InlineData("claim-abc&admin=1")]
    public void Anything_else_is_refused(string? token) => Assert.False(ClaimToken.IsValid(token));
}
