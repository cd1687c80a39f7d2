using SpApi.Generator.Generation;

namespace SpApi.Generator.Tests.Generation;

public class NSwagSettingsLoaderTests
{
    [Test]
    public void The_repository_settings_load_onto_the_generator()
    {
        var settings = NSwagSettingsLoader.Load(Path.Combine(RepoPaths.Root, "nswag.json"));
        Assert.That(settings.ClientBaseClass, Is.EqualTo("SpApi.Runtime.SpApiClientBase"));
        Assert.That(settings.InjectHttpClient, Is.True);
        Assert.That(settings.UseBaseUrl, Is.False);
        Assert.That(settings.ParameterDateTimeFormat, Does.Contain("zzz"), "date-time query values keep their offset");
        Assert.That(settings.CSharpGeneratorSettings.RequiredPropertiesMustBeDefined, Is.False);
        Assert.That(settings.CodeGeneratorSettings.TemplateDirectory, Does.EndWith("Templates"));
    }

    [Test]
    public void An_unknown_setting_is_an_error_not_silently_ignored()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"codeGenerators":{"openApiToCSharpClient":{"injectHttpClinet":true}}}""");
        try
        {
            Assert.That(() => NSwagSettingsLoader.Load(path), Throws.TypeOf<GeneratorException>().With.Message.Contains("injectHttpClinet"));
        }
        finally { File.Delete(path); }
    }
}
