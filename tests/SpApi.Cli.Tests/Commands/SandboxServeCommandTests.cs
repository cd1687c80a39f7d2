using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SpApi.Cli.Commands;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Commands;

public class SandboxServeCommandTests
{
    [Test, CancelAfter(60_000)]
    public async Task Serves_until_cancelled_and_prints_where(CancellationToken testTimeout)
    {
        using var output = new SignallingWriter("Press Ctrl+C");
        using var cancel = new CancellationTokenSource();
        var args = CliArgs.Parse(["--port", "0", "--fault", "getMarketplaceParticipations:503:1", "--no-usage-plans"]);
        var running = new SandboxServeCommand().RunAsync(new CliContext(args, output, TextWriter.Null), cancel.Token);

        await Task.WhenAny(output.Seen, running).WaitAsync(testTimeout);
        Assert.That(running.IsCompleted, Is.False, output.ToString());
        var address = new Uri(Regex.Match(output.ToString(), @"listening on (\S+)").Groups[1].Value);
        Assert.That(address.IsLoopback, Is.True);

        using var http = new HttpClient { BaseAddress = address };
        var faults = JObject.Parse(await http.GetStringAsync("/_sandbox/faults"));
        Assert.That((int)faults["pending"]!, Is.EqualTo(1), "the --fault rule is loaded");
        Assert.That((await http.GetAsync("/_sandbox/stats")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        cancel.Cancel();
        Assert.That(await running.WaitAsync(testTimeout), Is.EqualTo(ExitCodes.Ok));
        Assert.That(output.ToString(), Does.Contain("Sandbox stopped."));
        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/_sandbox/stats"));
    }

    [Test, CancelAfter(60_000)]
    public async Task Without_restricted_roles_the_tokens_api_refuses_rdts(CancellationToken testTimeout)
    {
        using var output = new SignallingWriter("Press Ctrl+C");
        using var cancel = new CancellationTokenSource();
        var args = CliArgs.Parse(["--port", "0", "--without-restricted-roles", "--no-usage-plans"]);
        var running = new SandboxServeCommand().RunAsync(new CliContext(args, output, TextWriter.Null), cancel.Token);
        await Task.WhenAny(output.Seen, running).WaitAsync(testTimeout);
        Assert.That(output.ToString(), Does.Contain("acting as an application without restricted roles"));
        var address = new Uri(Regex.Match(output.ToString(), @"listening on (\S+)").Groups[1].Value);

        using var http = new HttpClient { BaseAddress = address };
        var credential = SpApi.Sandbox.SandboxCredential.Default;
        var token = JObject.Parse(await (await http.PostAsync("/auth/o2/token", new StringContent(new JObject
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = credential.RefreshToken,
            ["client_id"] = credential.ClientId, ["client_secret"] = credential.ClientSecret,
        }.ToString(), System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())["access_token"]!.ToString();
        using var rdt = new HttpRequestMessage(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken")
        {
            Content = new StringContent("""{"restrictedResources":[{"method":"GET","path":"/orders/v0/orders","dataElements":["buyerInfo"]}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        rdt.Headers.Add("x-amz-access-token", token);
        using var refused = await http.SendAsync(rdt);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Application does not have access to one or more requested data elements: [buyerInfo]"));

        cancel.Cancel();
        Assert.That(await running.WaitAsync(testTimeout), Is.EqualTo(ExitCodes.Ok));
    }

    [TestCase("--fault", "getOrders:teapot", "unknown kind 'teapot'")]
    [TestCase("--client-id", "abc", "custom credentials also need --client-secret, --refresh-token, --seller-id")]
    [TestCase("--port", "70000", "--port must be a whole number from 0 to 65535")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["sandbox", "serve", option, value], TextWriter.Null, stderr);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(stderr.ToString(), Does.Contain(message));
    }
}
