using SpApi.Cli.Smoke;
using SpApi.Runtime;

namespace SpApi.Cli.Tests.Smoke;

public class SmokeWireHandlerTests
{
    private static readonly OperationMetadata Operation = new("x.json", "X", "V1", "getThing", "GET", "/things/v1/{kind}/{id}", null, false, null);

    [Test]
    public async Task Overrides_replace_query_values_and_path_segments_and_the_case_is_asked_for()
    {
        var call = new SmokeCallContext { Operation = Operation, ForcedCase = 3 };
        call.QueryOverrides["sort"] = new WireValue(["BAD VALUE"], null);
        call.QueryOverrides["statuses"] = new WireValue(["A", "B"], ',');
        call.PathOverrides["kind"] = "not-an-enum";
        var seen = await SendAsync(call, "http://127.0.0.1/things/v1/FIRST/42?sort=ASC&keep=1", sendCaseHeader: true);

        Assert.That(seen.RequestUri!.AbsolutePath, Is.EqualTo("/things/v1/not-an-enum/42"));
        Assert.That(seen.RequestUri.Query, Is.EqualTo("?keep=1&sort=BAD%20VALUE&statuses=A,B"));
        Assert.That(seen.Headers.GetValues(SmokeWireHandler.CaseHeader).Single(), Is.EqualTo("3"));
        Assert.That(call.ObservedStatus, Is.EqualTo(204));
    }

    [Test]
    public async Task Requests_of_other_operations_made_during_the_call_are_left_alone()
    {
        var other = Operation with { OperationId = "createRestrictedDataToken" };
        var call = new SmokeCallContext { Operation = other, ForcedCase = 3, RawBody = "{}" };
        var seen = await SendAsync(call, "http://127.0.0.1/things/v1/a/b", sendCaseHeader: true);
        Assert.That(seen.Headers.Contains(SmokeWireHandler.CaseHeader), Is.False);
        Assert.That(seen.Content, Is.Null);
        Assert.That(call.ObservedStatus, Is.Null);
    }

    [Test]
    public async Task Live_targets_get_no_sandbox_header_and_untouched_requests()
    {
        var seen = await SendAsync(new SmokeCallContext { ForcedCase = 3 }, "https://sandbox.example/things/v1/a/b?x=1", sendCaseHeader: false);
        Assert.That(seen.Headers.Contains(SmokeWireHandler.CaseHeader), Is.False);
        Assert.That(seen.RequestUri!.ToString(), Is.EqualTo("https://sandbox.example/things/v1/a/b?x=1"));
    }

    private static async Task<HttpRequestMessage> SendAsync(SmokeCallContext call, string url, bool sendCaseHeader)
    {
        var terminal = new Terminal();
        using var invoker = new HttpMessageInvoker(new SmokeWireHandler(sendCaseHeader) { InnerHandler = terminal });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(SpApiRequestOptions.Operation, Operation);
        using (SmokeCallContext.Begin(call))
            (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        return terminal.Seen!;
    }

    private sealed class Terminal : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        }
    }
}
