using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.Restricted;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Restricted;

public class RestrictedRoleRefusalsTests
{
    [Test]
    public void A_refusal_is_remembered_per_application_and_seller_for_the_period()
    {
        var time = new FakeTimeProvider();
        var refusals = new RestrictedRoleRefusals(TimeSpan.FromMinutes(30), time);
        Assert.That(refusals.Remember("app", "a"), Is.True, "first refusal");
        Assert.That(refusals.Remember("app", "a"), Is.False, "already remembered: not logged again");
        Assert.That(refusals.IsRefused("app", "a"), Is.True);
        Assert.That(refusals.IsRefused("app", "b"), Is.False);
        Assert.That(refusals.IsRefused("other-app", "a"), Is.False);

        time.Advance(TimeSpan.FromMinutes(30));
        Assert.That(refusals.IsRefused("app", "a"), Is.False);
        Assert.That(refusals.Remember("app", "a"), Is.True, "a new period logs again");
    }

    [Test]
    public void The_period_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestrictedRoleRefusals(TimeSpan.Zero, TimeProvider.System));

    [TestCase(400, "Application does not have access to one or more requested data elements: [buyerInfo]", true)]
    [TestCase(400, "Application do not have access to some or all requested resource", true)]
    [TestCase(400, "Request is missing or has invalid parameters", false)]
    [TestCase(403, "Access to requested resource is denied.", true)]
    [TestCase(429, "You exceeded your quota for the requested resource.", false)]
    public void Recognises_the_tokens_apis_refusal_for_lack_of_roles(int status, string message, bool refusal)
    {
        var e = new SpApiException("x", status, $$"""{"errors":[{"code":"X","message":"{{message}}","details":""}]}""", null, null);
        Assert.That(RestrictedRoleRefusal.IsRoleRefusal(e), Is.EqualTo(refusal));
    }

    [Test]
    public void An_expired_token_403_is_not_a_role_refusal()
    {
        var e = new SpApiException("x", 403, """{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided has expired."}]}""", null, null);
        Assert.That(RestrictedRoleRefusal.IsRoleRefusal(e), Is.False);
    }
}
