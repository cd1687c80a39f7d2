// The consumer test's application (build/consumer-test.sh, docs/packages.md): an ordinary console app that uses
// SpApi from its NuGet packages only, against the packaged sandbox started in-process; the add-on packages
// (Documents, Notifications, Auth.Redis) are checked in AddOnChecks.cs, the precompiled code in ReadyToRunChecks.cs.
// Exit code 0 = all checks passed.
using SpApi.Auth;
using SpApi.Runtime;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;

#pragma warning disable CS0612 // Orders v0 is deprecated upstream, still served (and what the sandbox cases cover)

var failures = new List<string>();
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok) failures.Add(what);
}

int Result()
{
    Console.WriteLine(failures.Count == 0 ? "consumer: all checks passed" : $"consumer: {failures.Count} check(s) failed");
    return failures.Count == 0 ? 0 : 1;
}

// 'readytorun-packages': only the images in the restored packages, every RID (build/consumer-test.sh's own check).
if (args is ["readytorun-packages"])
{
    ReadyToRunChecks.Packages(Check);
    return Result();
}

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = timeout.Token;

// The sandbox serves the models embedded in the SpApi.Sandbox package: no clone, no SPAPI_MODELS_DIR.
await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
{
    Catalog = SpApi.Clients.SpApiOperationCatalog.Instance,
}, ct);
Console.WriteLine($"sandbox on {sandbox.BaseAddress} serving {PinnedModels.Description}");

var credential = SandboxCredential.Default;
SellingPartnerOptions ClientOptions() => new()
{
    ClientId = credential.ClientId,
    ClientSecret = credential.ClientSecret,
    RefreshToken = credential.RefreshToken,
    BaseAddress = sandbox.BaseAddress.ToString(),
    LwaEndpoint = sandbox.TokenEndpoint.ToString(),
    AllowLoopbackBaseAddress = true,
};
using var sp = SellingPartnerClient.Create(ClientOptions());

// 1. An ordinary call: the seller's LWA access token.
var participations = await sp.Get<SpApi.Sellers.V1.ISellersClient>().GetMarketplaceParticipationsAsync(ct);
Check(participations.Payload is { Count: > 0 }, "ordinary call (sellers getMarketplaceParticipations) returns participations");

// 2. A restricted call: the pipeline gets a Restricted Data Token from the Tokens API first.
var buyer = await sp.Get<SpApi.Orders.V0.IOrdersClient>().GetOrderBuyerInfoAsync("TEST_CASE_200", ct);
Check(buyer.Payload?.AmazonOrderId is { Length: > 0 }, "restricted call (orders getOrderBuyerInfo) returns buyer info");
Check(sandbox.Stats.Snapshot().RdtIssued == 1, "restricted call was made with one restricted data token");

// The same restricted operation with explicit per-call options bound to the client (docs/per-call-options.md).
var ordersWithBuyerInfo = sp.For("default").With(new SpApiCallOptions { DataElements = ["buyerInfo"] }).Get<SpApi.Orders.V0.IOrdersClient>();
var order = await ordersWithBuyerInfo.GetOrderAsync("TEST_CASE_200", ct);
Check(order.Payload?.AmazonOrderId is { Length: > 0 }, "restricted call with explicit per-call options (orders getOrder, buyerInfo) returns the order");
Check(sandbox.Stats.Snapshot().RdtIssued == 2, "that call got its own restricted data token");

// 3. A grantless call: a client_credentials token, no seller.
var destinations = await sp.Get<SpApi.Notifications.V1.INotificationsClient>().GetDestinationsAsync(ct);
Check(destinations.Payload is not null, "grantless call (notifications getDestinations) returns destinations");
var stats = sandbox.Stats.Snapshot();
Check(stats.RequestsBySeller.GetValueOrDefault(SpApi.Sandbox.Stats.SandboxStats.GrantlessSeller) == 1, "grantless call used a grantless token");
Check(stats.Unauthorized == 0 && stats.Unmatched == 0, "no call was refused or unmatched by the sandbox");

// A refused call surfaces as a typed SpApiException.
try
{
    await sp.Get<SpApi.Orders.V0.IOrdersClient>().GetOrderAsync("TEST_CASE_400", ct);
    Check(false, "an error answer throws SpApiException");
}
catch (SpApiException e)
{
    Check(e.StatusCode == 400, "an error answer throws SpApiException (400)");
}

// 4. The add-on packages.
await AddOnChecks.DocumentsAsync(sp, Check, ct);
AddOnChecks.Notifications(Check);
await AddOnChecks.RedisAsync(ClientOptions, Check, ct);

// 5. The precompiled (ReadyToRun) code the packages carry for this machine's RID.
ReadyToRunChecks.Loaded(Check);

return Result();
