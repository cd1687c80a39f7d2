namespace SpApi.Auth.Pipeline;

/// <summary>Holds the place of a stage nobody plugged, so the chain keeps the documented shape.</summary>
internal sealed class PassThroughHandler(PipelineStage stage) : DelegatingHandler
{
    public PipelineStage Stage { get; } = stage;
}
