using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>The ordered list of quirk fixes applied to every model before generation.</summary>
public static class ModelPreprocessor
{
    public static IReadOnlyList<IModelTransform> Transforms { get; } =
    [
        new DistinctOperationIds(),
        new DropNoContentSchemas(),
        new MergeSuccessResponses(),
        new NameInlineTypes(),
        new KeepSlashesInPathParameters(),
        new NullableEnumsAndDates(),
    ];

    /// <summary>Applies every transform; returns the ones that changed something, with their counts.</summary>
    public static IReadOnlyDictionary<string, int> Apply(JObject model, string modelFile)
    {
        var applied = new Dictionary<string, int>();
        foreach (var t in Transforms)
        {
            var n = t.Apply(model, modelFile);
            if (n > 0) applied[t.Name] = n;
        }
        return applied;
    }
}
