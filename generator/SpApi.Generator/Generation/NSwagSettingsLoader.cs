using System.Reflection;
using Newtonsoft.Json.Linq;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace SpApi.Generator.Generation;

/// <summary>
/// Reads the <c>codeGenerators.openApiToCSharpClient</c> section of <c>nswag.json</c> (NSwag's own document
/// format, so the same file works with the nswag CLI for one model) onto <see cref="CSharpClientGeneratorSettings"/>.
/// Each key maps to the settings property of that name (client, C# or base generator settings); an
/// unknown key is an error, so a typo cannot silently change the generated code.
/// </summary>
public static class NSwagSettingsLoader
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "output", "namespace", "className" };

    public static CSharpClientGeneratorSettings Load(string nswagJsonPath) => ReadSection(nswagJsonPath).Create();

    /// <summary>Reads the section once; <see cref="Section.Create"/> then makes a fresh settings object per model.</summary>
    public static Section ReadSection(string nswagJsonPath)
    {
        if (!File.Exists(nswagJsonPath)) throw new GeneratorException($"NSwag settings not found: {nswagJsonPath}");
        var root = JObject.Parse(File.ReadAllText(nswagJsonPath));
        var section = root.SelectToken("codeGenerators.openApiToCSharpClient") as JObject
            ?? throw new GeneratorException($"{nswagJsonPath} has no codeGenerators.openApiToCSharpClient section.");
        var parsed = new Section(section, nswagJsonPath);
        parsed.Create(); // unknown keys fail here, once, before any model is generated
        return parsed;
    }

    /// <summary>The parsed <c>openApiToCSharpClient</c> section of one nswag.json.</summary>
    public sealed class Section(JObject section, string nswagJsonPath)
    {
        public CSharpClientGeneratorSettings Create() => Apply(section, nswagJsonPath);
    }

    private static CSharpClientGeneratorSettings Apply(JObject section, string nswagJsonPath)
    {
        var settings = new CSharpClientGeneratorSettings();
        foreach (var (key, value) in section)
        {
            if (value is null || Ignored.Contains(key)) continue;
            if (key == "operationGenerationMode")
            {
                settings.OperationNameGenerator = value.Value<string>() switch
                {
                    "SingleClientFromOperationId" => new SingleClientFromOperationIdOperationNameGenerator(),
                    "MultipleClientsFromOperationId" => new MultipleClientsFromOperationIdOperationNameGenerator(),
                    var other => throw new GeneratorException($"nswag.json: operationGenerationMode '{other}' is not supported."),
                };
                continue;
            }
            if (key == "templateDirectory")
            {
                var dir = value.Value<string>();
                settings.CodeGeneratorSettings.TemplateDirectory = string.IsNullOrEmpty(dir) ? null
                    : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(nswagJsonPath))!, dir));
                continue;
            }
            if (!TrySet(settings, key, value) && !TrySet(settings.CSharpGeneratorSettings, key, value) && !TrySet(settings.CodeGeneratorSettings, key, value))
                throw new GeneratorException($"nswag.json: unknown openApiToCSharpClient setting '{key}'.");
        }
        return settings;
    }

    private static bool TrySet(object target, string key, JToken value)
    {
        var prop = target.GetType().GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (prop is null || !prop.CanWrite) return false;
        var type = prop.PropertyType;
        if (value.Type == JTokenType.Null) { prop.SetValue(target, null); return true; }
        object? converted = type.IsEnum ? Enum.Parse(type, value.Value<string>()!, ignoreCase: true) : value.ToObject(type);
        prop.SetValue(target, converted);
        return true;
    }
}
