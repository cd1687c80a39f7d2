// What a managed assembly file is, read from its PE headers and metadata without loading it. Used by the consumer
// test's ReadyToRunChecks.cs and, linked, by tests/SpApi.Cli.Tests (the cold-start copy's images).
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

internal static class PeImage
{
    /// <summary>A ReadyToRun image has a managed native header (the precompiled code's directory) in its CLI header.</summary>
    public static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>The PE header's Machine field.</summary>
    public static ushort Machine(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return (ushort)pe.PEHeaders.CoffHeader.Machine;
    }

    /// <summary>
    /// The Machine field of a ReadyToRun image for <paramref name="rid"/>: the architecture's value XOR the target OS's
    /// constant (crossgen2 marks the OS that way; Windows' is 0), or null for a RID this does not know.
    /// </summary>
    public static ushort? ReadyToRunMachine(string rid)
    {
        var dash = rid.LastIndexOf('-');
        if (dash <= 0) return null;
        ushort? arch = rid[(dash + 1)..] switch
        {
            "x64" => 0x8664,
            "arm64" => 0xAA64,
            "x86" => 0x014C,
            "arm" => 0x01C4,
            _ => null,
        };
        var os = rid[..dash];
        ushort? osMask = os == "win" ? 0
            : os == "linux" || os.StartsWith("linux-", StringComparison.Ordinal) ? 0x7B79
            : os is "osx" or "maccatalyst" or "ios" or "tvos" ? 0x4644
            : os == "freebsd" ? 0xADC4
            : null;
        return arch is null || osMask is null ? null : (ushort)(arch.Value ^ osMask.Value);
    }

    /// <summary>The module version id: the same in an IL assembly and the ReadyToRun image compiled from it.</summary>
    public static Guid Mvid(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
