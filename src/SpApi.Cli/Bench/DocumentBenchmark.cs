using System.Diagnostics;
using System.IO.Compression;
using SpApi.Documents.Download;

namespace SpApi.Cli.Bench;

/// <summary>
/// <c>spapi bench documents</c>: the same synthetic GZIP report downloaded through SpApi.Documents
/// (<see cref="DocumentDownloader.DownloadToAsync"/>) and through the floor, raw HttpClient + GZipStream, both into a
/// counting stream. Runs alternate (floor, library, floor, library, …) so machine noise hits both; the best run of
/// each is reported. Memory peaks are sampled over the whole run.
/// </summary>
internal static class DocumentBenchmark
{
    public static async Task<DocumentBenchmarkResult> RunAsync(int sizeMb, int rounds, TextWriter log, CancellationToken cancellationToken)
    {
        await using var server = await SyntheticReportServer.StartAsync(sizeMb, cancellationToken);
        var expected = (long)sizeMb * SyntheticReportServer.BlockBytes;
        using var storage = DocumentHttp.CreateStorageClient();
        var downloader = new DocumentDownloader(storage);
        using var floorClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { Timeout = Timeout.InfiniteTimeSpan };
        var location = new DocumentLocation("bench", server.Url, "GZIP");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var sampler = new MemoryPeakSampler();
        double bestLibrary = 0, bestFloor = 0;

        async Task Floor(CountingStream sink)
        {
            using var response = await floorClient.GetAsync(server.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var gzip = new GZipStream(body, CompressionMode.Decompress);
            await gzip.CopyToAsync(sink, cancellationToken);
        }

        Task Library(CountingStream sink) => downloader.DownloadToAsync(location, sink, cancellationToken);
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
            double floor, library;
            if (round % 2 == 1)
            {
                floor = await TimeAsync(expected, Floor);
                library = await TimeAsync(expected, Library);
            }
            else
            {
                library = await TimeAsync(expected, Library);
                floor = await TimeAsync(expected, Floor);
            }
            log.WriteLine($"  round {round}: floor {sizeMb / floor:0.0} MB/s, library {sizeMb / library:0.0} MB/s");
            bestFloor = Math.Max(bestFloor, sizeMb / floor);
            bestLibrary = Math.Max(bestLibrary, sizeMb / library);
        }
        sampler.Dispose();
        return new DocumentBenchmarkResult(sizeMb, Math.Round(bestLibrary, 1), Math.Round(bestFloor, 1), Math.Round(bestLibrary / bestFloor, 3),
            Math.Round(sampler.PeakManagedMb, 1), Math.Round(sampler.PeakWorkingSetMb, 1));
    }

    private static async Task<double> TimeAsync(long expected, Func<CountingStream, Task> download)
    {
        var sink = new CountingStream();
        var started = Stopwatch.GetTimestamp();
        await download(sink);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (sink.Count != expected) throw new InvalidOperationException($"Downloaded {sink.Count} bytes, expected {expected}.");
        return seconds;
    }
}

/// <summary>The report of <c>spapi bench documents</c>; <see cref="ToJson"/> writes exactly the documented fields.</summary>
internal sealed record DocumentBenchmarkResult(int SizeMb, double LibraryMBps, double FloorMBps, double Ratio, double PeakManagedMb, double PeakWorkingSetMb)
{
    public const double RatioGoal = 0.9;
    public const double PeakManagedGoalMb = 64;

    public bool GoalsMet => Ratio >= RatioGoal && PeakManagedMb <= PeakManagedGoalMb;

    public string ToJson() => new Newtonsoft.Json.Linq.JObject
    {
        ["sizeMb"] = SizeMb, ["libraryMBps"] = LibraryMBps, ["floorMBps"] = FloorMBps, ["ratio"] = Ratio,
        ["peakManagedMb"] = PeakManagedMb, ["peakWorkingSetMb"] = PeakWorkingSetMb,
    }.ToString(Newtonsoft.Json.Formatting.Indented);
}
