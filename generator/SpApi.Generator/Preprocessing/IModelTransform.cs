using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// One named fix for a quirk of Amazon's models, applied to the in-memory Swagger document before NSwag
/// sees it (the files on disk are never edited).
/// </summary>
public interface IModelTransform
{
    /// <summary>Short name, shown in the generator's log.</summary>
    string Name { get; }

    /// <summary>Applies the fix; returns how many places changed (0 when the model has no such quirk).</summary>
    int Apply(JObject model, string modelFile);
}
