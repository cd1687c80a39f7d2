// The consumer test's checks of the precompiled code in the packages (build/consumer-test.sh, docs/packages.md,
// "Precompiled code"): on a RID the packages carry images for, the app runs SpApi's ReadyToRun images, the very files
// of the packages' runtimes/<rid>/lib/<tfm>/ (a portable app: from its runtimes/<rid>/ folder, as the host picks them
// from deps.json; a RID-specific ReadyToRun publish: from the app folder, not compiled a second time), while lib/<tfm>/
// keeps the IL assembly with the same identity (MVID). The script passes the RIDs, the version and the package folder.
using System.Runtime.InteropServices;
using SpApi.Auth;
using SpApi.Runtime;

internal static class ReadyToRunChecks
{
    public static void Loaded(Action<bool, string> check)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var rids = (Environment.GetEnvironmentVariable("SPAPI_READYTORUN_RIDS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var version = Environment.GetEnvironmentVariable("SPAPI_VERSION");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (rids.Length == 0 || version is null || packages is null)
        {
            check(false, "readytorun: SPAPI_READYTORUN_RIDS, SPAPI_VERSION and NUGET_PACKAGES are set (build/consumer-test.sh)");
            return;
        }
        if (!rids.Contains(rid))
        {
            Console.WriteLine($"skip readytorun: the packages carry no images for {rid} (only {string.Join(", ", rids)}); SpApi runs as IL (JIT)");
            return;
        }
        var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        // The cold path of every client (docs/cold-start.md).
        foreach (var assembly in new[] { typeof(SpApiException).Assembly, typeof(SpApi.Clients.SpApiOperationCatalog).Assembly, typeof(SellingPartnerClient).Assembly })
        {
            var name = assembly.GetName().Name!;
            var file = name + ".dll";
            var package = Path.Combine(packages, name.ToLowerInvariant(), version);
            var image = Path.Combine(package, "runtimes", rid, "lib", tfm, file);
            var il = Path.Combine(package, "lib", tfm, file);

            // A portable app has the RID's copy under runtimes/<rid>/; a RID-specific publish has one copy beside the app.
            var portableCopy = Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "lib", tfm, file);
            var expected = File.Exists(portableCopy) ? portableCopy : Path.Combine(AppContext.BaseDirectory, file);
            check(PathsEqual(assembly.Location, expected), $"readytorun: {name} loaded from {Path.GetRelativePath(AppContext.BaseDirectory, expected)} (was {assembly.Location})");
            check(File.Exists(image) && PeImage.IsReadyToRun(assembly.Location) && File.ReadAllBytes(assembly.Location).AsSpan().SequenceEqual(File.ReadAllBytes(image)),
                $"readytorun: {name} is a ReadyToRun image, the package's runtimes/{rid}/lib/{tfm}/{file} as shipped");
            check(File.Exists(il) && !PeImage.IsReadyToRun(il) && PeImage.Mvid(il) == PeImage.Mvid(image),
                $"readytorun: the package's lib/{tfm}/{file} is the IL assembly the image was compiled from (same MVID)");
        }
    }

    private static bool PathsEqual(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
