using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Http;
using SpApi.Sandbox.Matching;

namespace SpApi.Sandbox.Documents;

/// <summary>
/// Reports, feeds and Data Kiosk queries as jobs whose status advances (IN_QUEUE, IN_PROGRESS, then the final
/// status) over status calls and the sandbox clock, with documents on the <see cref="DocumentHost"/>. Requests for
/// ids the sandbox did not issue fall back to the static cases, with any document URL pointed at the sandbox.
/// </summary>
internal sealed class DocumentJobSimulator(SandboxDocumentOptions options, DocumentHost host, TimeProvider time)
{
    private const string Reports = "reports_2021-06-30.json";
    private const string Feeds = "feeds_2021-06-30.json";
    private const string Kiosk = "dataKiosk_2023-11-15.json";

    private readonly ConcurrentDictionary<string, SandboxJob> _reports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxJob> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxJob> _queries = new(StringComparer.Ordinal);
    private long _sequence = 50_000_000;

    /// <summary>The simulated answer, or the static one (<paramref name="staticAnswer"/>) with document URLs rewritten.</summary>
    public SandboxResponse Answer(ModelOperation operation, IncomingRequest request, IssuedToken token, Uri baseAddress, Func<SandboxResponse> staticAnswer)
    {
        if (request.ForcedCaseIndex is not null) return staticAnswer();
        var simulated = (operation.ModelFile, operation.OperationId) switch
        {
            (Reports, "createReport") => CreateReport(request),
            (Reports, "getReport") => Get(_reports, request, "reportId", j => ReportBody(j)),
            (Reports, "cancelReport") => Cancel(_reports, request, "reportId", 200),
            (Reports, "getReportDocument") => GetDocument(request, "reportDocumentId", baseAddress, (d, url) => new JObject { ["reportDocumentId"] = d.Id, ["url"] = url, ["compressionAlgorithm"] = d.Compression }),
            (Feeds, "createFeedDocument") => CreateFeedDocument(request, baseAddress),
            (Feeds, "createFeed") => CreateFeed(request, token),
            (Feeds, "getFeeds") => ListFeeds(request),
            (Feeds, "getFeed") => Get(_feeds, request, "feedId", j => FeedBody(j)),
            (Feeds, "cancelFeed") => Cancel(_feeds, request, "feedId", 200),
            (Feeds, "getFeedDocument") => GetDocument(request, "feedDocumentId", baseAddress, (d, url) => new JObject { ["feedDocumentId"] = d.Id, ["url"] = url, ["compressionAlgorithm"] = d.Compression }),
            (Kiosk, "createQuery") => CreateQuery(request),
            (Kiosk, "getQuery") => Get(_queries, request, "queryId", j => QueryBody(j)),
            (Kiosk, "cancelQuery") => Cancel(_queries, request, "queryId", 204),
            (Kiosk, "getDocument") => GetDocument(request, "documentId", baseAddress, (d, url) => new JObject { ["documentId"] = d.Id, ["documentUrl"] = url }),
            _ => null,
        };
        return simulated ?? RewriteStatic(operation, staticAnswer(), baseAddress);
    }

    private string NextId() => Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);

    private static string NewDocumentId() => "amzn1.spdoc.1.4.na." + Guid.NewGuid().ToString("D");

    private SandboxResponse CreateReport(IncomingRequest request)
    {
        var reportType = request.Body?["reportType"]?.Value<string>();
        var marketplaces = Strings(request.Body?["marketplaceIds"]);
        if (string.IsNullOrWhiteSpace(reportType) || marketplaces.Count == 0)
            return Invalid("reportType and marketplaceIds are required.");
        var job = new SandboxJob(NextId(), reportType, marketplaces, time.GetUtcNow(), options.FinalStatusOf(reportType));
        _reports[job.Id] = job;
        return new SandboxResponse(StatusCodes.Status202Accepted, new JObject { ["reportId"] = job.Id });
    }

    private SandboxResponse CreateFeedDocument(IncomingRequest request, Uri baseAddress)
    {
        var contentType = request.Body?["contentType"]?.Value<string>();
        if (string.IsNullOrWhiteSpace(contentType)) return Invalid("contentType is required.");
        var upload = host.AddUpload(NewDocumentId(), contentType);
        return new SandboxResponse(StatusCodes.Status201Created, new JObject { ["feedDocumentId"] = upload.Id, ["url"] = host.UrlFor(baseAddress, upload.Id, "PUT") });
    }

    private SandboxResponse CreateFeed(IncomingRequest request, IssuedToken token)
    {
        var feedType = request.Body?["feedType"]?.Value<string>();
        var marketplaces = Strings(request.Body?["marketplaceIds"]);
        var documentId = request.Body?["inputFeedDocumentId"]?.Value<string>();
        if (string.IsNullOrWhiteSpace(feedType) || marketplaces.Count == 0 || string.IsNullOrWhiteSpace(documentId))
            return Invalid("feedType, marketplaceIds and inputFeedDocumentId are required.");
        if (host.FindUpload(documentId) is not { Body: not null } upload)
            return Invalid($"The feed document {documentId} was not created by createFeedDocument or nothing was uploaded to it.");
        var job = new SandboxJob(NextId(), feedType, marketplaces, time.GetUtcNow(), options.FinalStatusOf(feedType)) { Seller = token.SellerId ?? "", Upload = upload.Body };
        _feeds[job.Id] = job;
        return new SandboxResponse(StatusCodes.Status202Accepted, new JObject { ["feedId"] = job.Id });
    }

    private SandboxResponse CreateQuery(IncomingRequest request)
    {
        var query = request.Body?["query"]?.Value<string>();
        if (string.IsNullOrWhiteSpace(query)) return Invalid("query is required.");
        var job = new SandboxJob(NextId(), query, [], time.GetUtcNow(), options.FinalStatusOf(SandboxDocumentOptions.DataKioskKey));
        _queries[job.Id] = job;
        return new SandboxResponse(StatusCodes.Status202Accepted, new JObject { ["queryId"] = job.Id });
    }

    /// <summary>A status call: advances the job and makes its document when it finishes.</summary>
    private SandboxResponse? Get(ConcurrentDictionary<string, SandboxJob> jobs, IncomingRequest request, string idName, Func<SandboxJob, JObject> body)
    {
        if (!request.PathValues.TryGetValue(idName, out var id) || !jobs.TryGetValue(id, out var job)) return null;
        job.Advance(time.GetUtcNow(), options);
        return new SandboxResponse(StatusCodes.Status200OK, body(job));
    }

    /// <summary>getFeeds over the simulated feeds (feedTypes required, as at Amazon; marketplaceIds and createdSince filter).</summary>
    private SandboxResponse? ListFeeds(IncomingRequest request)
    {
        if (!request.Query.TryGetValue("feedTypes", out var typeValues)) return null;
        var types = typeValues.SelectMany(v => v.Split(',')).ToHashSet(StringComparer.Ordinal);
        var marketplaces = request.Query.TryGetValue("marketplaceIds", out var m) ? m.SelectMany(v => v.Split(',')).ToHashSet(StringComparer.Ordinal) : null;
        DateTimeOffset? since = request.Query.TryGetValue("createdSince", out var c) && DateTimeOffset.TryParse(c[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        var feeds = _feeds.Values
            .Where(j => types.Contains(j.Type) && (marketplaces is null || j.MarketplaceIds.Any(marketplaces.Contains)) && (since is null || j.Created >= since))
            .OrderByDescending(j => j.Created)
            .Select(FeedSummary);
        return new SandboxResponse(StatusCodes.Status200OK, new JObject { ["feeds"] = new JArray(feeds) });
    }

    private static JObject FeedSummary(SandboxJob job) =>
        Common(new JObject { ["feedId"] = job.Id, ["feedType"] = job.Type, ["marketplaceIds"] = new JArray(job.MarketplaceIds) }, job, "resultFeedDocumentId");

    private SandboxResponse? Cancel(ConcurrentDictionary<string, SandboxJob> jobs, IncomingRequest request, string idName, int status)
    {
        if (!request.PathValues.TryGetValue(idName, out var id) || !jobs.TryGetValue(id, out var job)) return null;
        if (!job.Cancel(time.GetUtcNow())) return Invalid($"{id} has already finished and cannot be cancelled.");
        return new SandboxResponse(status, status == 204 ? null : new JObject());
    }

    private SandboxResponse? GetDocument(IncomingRequest request, string idName, Uri baseAddress, Func<SandboxDocument, string, JObject> body)
    {
        if (!request.PathValues.TryGetValue(idName, out var id) || host.Find(id) is not { } document) return null;
        return new SandboxResponse(StatusCodes.Status200OK, body(document, host.UrlFor(baseAddress, id, "GET")));
    }

    private JObject ReportBody(SandboxJob job)
    {
        EnsureDocument(job, fatal => fatal
            ? SandboxDocumentBodies.ReportError(NewDocumentId(), job.Type)
            : SandboxDocumentBodies.Report(NewDocumentId(), job.Type, job.MarketplaceIds, options.ReportRows, options.CompressReports));
        return Common(new JObject { ["reportId"] = job.Id, ["reportType"] = job.Type, ["marketplaceIds"] = new JArray(job.MarketplaceIds) }, job, "reportDocumentId");
    }

    private JObject FeedBody(SandboxJob job)
    {
        EnsureDocument(job, fatal => SandboxDocumentBodies.ProcessingReport(NewDocumentId(), job.Id, job.Type, job.Seller, job.Upload, fatal));
        return FeedSummary(job);
    }

    private JObject QueryBody(SandboxJob job)
    {
        var status = EnsureDocument(job, fatal => fatal ? SandboxDocumentBodies.DataKioskError(NewDocumentId()) : SandboxDocumentBodies.DataKioskData(NewDocumentId(), options.ReportRows));
        return Common(new JObject { ["queryId"] = job.Id, ["query"] = job.Type }, job, status == "FATAL" ? "errorDocumentId" : "dataDocumentId");
    }

    /// <summary>Makes the finished job's document once (<paramref name="make"/> gets whether it failed); returns the status it saw.</summary>
    private string EnsureDocument(SandboxJob job, Func<bool, SandboxDocument> make)
    {
        var status = job.Status;
        if (status is "DONE" or "FATAL" && job.DocumentId is null)
        {
            var document = make(status == "FATAL");
            host.Add(document);
            job.DocumentId = document.Id;
        }
        return status;
    }

    private static JObject Common(JObject body, SandboxJob job, string documentProperty)
    {
        body["createdTime"] = Iso(job.Created);
        body["processingStatus"] = job.Status;
        if (job.Started is { } started) body["processingStartTime"] = Iso(started);
        if (job.Finished is { } finished) body["processingEndTime"] = Iso(finished);
        if (job.DocumentId is not null) body[documentProperty] = job.DocumentId;
        return body;
    }

    /// <summary>A static answer's storage URL (Amazon's, unreachable offline) replaced by one on this sandbox serving a deterministic body.</summary>
    private SandboxResponse RewriteStatic(ModelOperation operation, SandboxResponse response, Uri baseAddress)
    {
        if (response.Status != StatusCodes.Status200OK || response.Body is not JObject body) return response;
        var (idName, urlName) = operation.OperationId switch
        {
            "getReportDocument" => ("reportDocumentId", "url"),
            "getFeedDocument" => ("feedDocumentId", "url"),
            "getDocument" when operation.ModelFile == Kiosk => ("documentId", "documentUrl"),
            _ => (null, null),
        };
        if (idName is null || body[idName]?.Value<string>() is not { Length: > 0 } id || body[urlName!] is null) return response;
        var document = host.Find(id) ?? operation.OperationId switch
        {
            "getReportDocument" => SandboxDocumentBodies.Report(id, "GET_MERCHANT_LISTINGS_ALL_DATA", ["ATVPDKIKX0DER"], options.ReportRows, gzip: body["compressionAlgorithm"] is not null),
            "getFeedDocument" => SandboxDocumentBodies.ProcessingReport(id, "0", "POST_PRODUCT_DATA", "", null, fatal: false),
            _ => SandboxDocumentBodies.DataKioskData(id, options.ReportRows),
        };
        host.Add(document);
        var rewritten = (JObject)body.DeepClone();
        rewritten[urlName!] = host.UrlFor(baseAddress, id, "GET");
        return response with { Body = rewritten };
    }

    private static IReadOnlyList<string> Strings(JToken? token) =>
        token is JArray array ? array.Select(t => t.Type == JTokenType.String ? t.Value<string>()! : "").Where(s => s.Length > 0).ToArray() : [];

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static SandboxResponse Invalid(string details) =>
        SandboxResponse.Error(StatusCodes.Status400BadRequest, "InvalidInput", "Request has missing or invalid parameters and cannot be parsed.", details);
}
