using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp.Models;
using NJsonSchema.CodeGeneration.CSharp;

namespace SpApi.Generator.Generation;

/// <summary>
/// NSwag's C# client generator, keeping the operation models it builds (method names, parameter names and
/// types, result types exactly as emitted) and its type resolver, so the paging companion calls the
/// generated methods with the generated names instead of guessing them.
/// </summary>
public sealed class CapturingClientGenerator : CSharpClientGenerator
{
    private readonly List<(OpenApiOperation Operation, CSharpOperationModel Model)> _captured = [];

    private CapturingClientGenerator(OpenApiDocument document, CSharpClientGeneratorSettings settings, CSharpTypeResolver resolver)
        : base(document, settings, resolver)
    {
        TypeResolver = resolver;
    }

    public static CapturingClientGenerator Create(OpenApiDocument document, CSharpClientGeneratorSettings settings) =>
        new(document, settings, CreateResolverWithExceptionSchema(settings.CSharpGeneratorSettings, document));

    public CSharpTypeResolver TypeResolver { get; }

    /// <summary>The operation model NSwag used for an operation (after <c>GenerateFile</c>).</summary>
    public CSharpOperationModel? ModelOf(OpenApiOperation operation)
    {
        lock (_captured) return _captured.LastOrDefault(c => ReferenceEquals(c.Operation, operation)).Model;
    }

    protected override CSharpOperationModel CreateOperationModel(OpenApiOperation operation, ClientGeneratorBaseSettings settings)
    {
        var model = base.CreateOperationModel(operation, settings);
        lock (_captured) _captured.Add((operation, model));
        return model;
    }
}
