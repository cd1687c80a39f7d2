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

    /// <summary>The module version id: the same in an IL assembly and the ReadyToRun image compiled from it.</summary>
    public static Guid Mvid(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
