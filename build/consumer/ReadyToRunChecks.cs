// The consumer test's checks of the precompiled code in the packages (build/consumer-test.sh, docs/packages.md,
// "Precompiled code"). The script passes the RIDs and libraries the packages carry images for, the version, the package
// folder and the RID whose images this machine must load (empty when the packages ship none for it).
//  - Packages: every library's package has, for every RID, a ReadyToRun image for that RID's OS and architecture,
//    compiled from the very IL assembly in its lib/<tfm>/ (same MVID).
//  - Loaded: the app runs SpApi's images, the very files of the packages' runtimes/<rid>/lib/<tfm>/ (a portable app: from
//    its runtimes/<rid>/ folder, as the host picks them from deps.json; a RID-specific ReadyToRun publish: from the app
//    folder, not compiled a second time).
using System.Runtime.InteropServices;
using SpApi.Auth;
using SpApi.Runtime;

internal static class ReadyToRunChecks
{
    private static readonly string Tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    public static void Packages(Action<bool, string> check)
    {
        if (Settings(check) is not { } settings) return;
        var projects = List("SPAPI_READYTORUN_PROJECTS");
        check(projects.Length > 0, "readytorun: SPAPI_READYTORUN_PROJECTS lists the libraries (build/consumer-test.sh)");
        foreach (var name in projects)
        {
            var package = settings.Package(name);
            var il = Path.Combine(package, "lib", Tfm, name + ".dll");
            if (!File.Exists(il) || PeImage.IsReadyToRun(il))
            {
                check(false, $"readytorun: {name}: lib/{Tfm}/{name}.dll is an IL assembly");
                continue;
            }
            var mvid = PeImage.Mvid(il);
            foreach (var rid in settings.Rids)
            {
                var image = Path.Combine(package, "runtimes", rid, "lib", Tfm, name + ".dll");
                var what = $"readytorun: {name}: runtimes/{rid}/lib/{Tfm}/{name}.dll";
                if (!File.Exists(image))
                {
                    check(false, $"{what} exists");
                    continue;
                }
                var machine = PeImage.Machine(image);
                var expected = PeImage.ReadyToRunMachine(rid);
                check(PeImage.IsReadyToRun(image) && machine == expected && PeImage.Mvid(image) == mvid,
                    $"{what} is a ReadyToRun image for {rid} (Machine 0x{machine:X4}, expected 0x{expected:X4}) of lib/'s IL (MVID {mvid})");
            }
        }
    }

    public static void Loaded(Action<bool, string> check)
    {
        if (Settings(check) is not { } settings) return;
        var rid = RuntimeInformation.RuntimeIdentifier;
        if (settings.ExpectedRid is not { Length: > 0 } expectedRid)
        {
            Console.WriteLine($"skip readytorun: the packages carry no images for {rid} (only {string.Join(", ", settings.Rids)}); SpApi runs as IL (JIT)");
            return;
        }
        check(rid == expectedRid, $"readytorun: the app runs on {expectedRid}, the RID whose images it must load (runtime says {rid})");
        // The cold path of every client (docs/cold-start.md).
        foreach (var assembly in new[] { typeof(SpApiException).Assembly, typeof(SpApi.Clients.SpApiOperationCatalog).Assembly, typeof(SellingPartnerClient).Assembly })
        {
            var name = assembly.GetName().Name!;
            var file = name + ".dll";
            var image = Path.Combine(settings.Package(name), "runtimes", expectedRid, "lib", Tfm, file);

            // A portable app has the RID's copy under runtimes/<rid>/; a RID-specific publish has one copy beside the app.
            var portableCopy = Path.Combine(AppContext.BaseDirectory, "runtimes", expectedRid, "lib", Tfm, file);
            var expected = File.Exists(portableCopy) ? portableCopy : Path.Combine(AppContext.BaseDirectory, file);
            check(PathsEqual(assembly.Location, expected), $"readytorun: {name} loaded from {Path.GetRelativePath(AppContext.BaseDirectory, expected)} (was {assembly.Location})");
            check(File.Exists(image) && PeImage.IsReadyToRun(assembly.Location) && File.ReadAllBytes(assembly.Location).AsSpan().SequenceEqual(File.ReadAllBytes(image)),
                $"readytorun: {name} is a ReadyToRun image, the package's runtimes/{expectedRid}/lib/{Tfm}/{file} as shipped");
        }
    }

    private sealed record Setting(string[] Rids, string Version, string Packages, string? ExpectedRid)
    {
        // NuGet's package folders are lower case: <id>/<version>/.
        public string Package(string id) => Path.Combine(Packages, id.ToLowerInvariant(), Version.ToLowerInvariant());
    }

    private static Setting? Settings(Action<bool, string> check)
    {
        var rids = List("SPAPI_READYTORUN_RIDS");
        var version = Environment.GetEnvironmentVariable("SPAPI_VERSION");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        var expectedRid = Environment.GetEnvironmentVariable("SPAPI_READYTORUN_HOST_RID");
        if (rids.Length == 0 || string.IsNullOrEmpty(version) || string.IsNullOrEmpty(packages) || expectedRid is null)
        {
            check(false, "readytorun: SPAPI_READYTORUN_RIDS, SPAPI_READYTORUN_HOST_RID, SPAPI_VERSION and NUGET_PACKAGES are set (build/consumer-test.sh)");
            return null;
        }
        return new Setting(rids, version, packages, expectedRid);
    }

    private static string[] List(string variable) =>
        (Environment.GetEnvironmentVariable(variable) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool PathsEqual(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
