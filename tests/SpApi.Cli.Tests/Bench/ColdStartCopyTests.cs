using System.Reflection;
using System.Runtime.InteropServices;

namespace SpApi.Cli.Tests.Bench;

/// <summary>
/// The cold-start app that <c>spapi bench coldstart</c> runs by default (<c>coldstart/</c> beside spapi) runs SpApi as
/// a package consumer's JIT build does: on a RID the packages ship images for, the host RID's ReadyToRun images of
/// SpApi.Runtime, SpApi.Clients and SpApi.Auth (build/SpApi.ReadyToRun, the images the packages ship), compiled from the
/// same IL as the app's own build. (On other RIDs the copy keeps the IL, as a package consumer's app there runs it.)
/// </summary>
public class ColdStartCopyTests
{
    [TestCase("SpApi.Runtime")]
    [TestCase("SpApi.Clients")]
    [TestCase("SpApi.Auth")]
    public void ColdStartCopy_HasTheReadyToRunImageOfTheAppsOwnIl(string assembly)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var shipped = typeof(ColdStartCopyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SpApiReadyToRunRids").Value!.Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (!shipped.Contains(rid)) Assert.Ignore($"the packages ship no images for {rid} (only {string.Join(", ", shipped)}); the copy runs SpApi as IL");
        var copy = Path.Combine(SpApiOutput(), "coldstart", assembly + ".dll");
        var il = Path.Combine(ColdStartBenchmarkTests.AppDirectory(), assembly + ".dll");
        Assert.That(File.Exists(copy), Is.True, copy);
        Assert.That(PeImage.IsReadyToRun(copy), Is.True, $"{copy} is not a ReadyToRun image");
        Assert.That(PeImage.Machine(copy), Is.EqualTo(PeImage.ReadyToRunMachine(rid)), $"{copy} is compiled for {rid}");
        Assert.That(PeImage.IsReadyToRun(il), Is.False, $"{il}: the app's own build is plain IL");
        Assert.That(PeImage.Mvid(copy), Is.EqualTo(PeImage.Mvid(il)), "the image is compiled from the assembly the app was built with");
    }

    [Test]
    public void ColdStartCopy_KeepsTheAppsOtherAssembliesAsBuilt()
    {
        var copy = Path.Combine(SpApiOutput(), "coldstart", "SpApi.ColdStart.dll");
        var il = Path.Combine(ColdStartBenchmarkTests.AppDirectory(), "SpApi.ColdStart.dll");
        Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(il)));
    }

    // spapi is built beside this test project (ProjectReference) in the same configuration.
    private static string SpApiOutput() => ColdStartBenchmarkTests.ProjectOutput("src", "SpApi.Cli");
}
