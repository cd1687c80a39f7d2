namespace SpApi.Generator.Update;

/// <summary>
/// The steps of an update that run after the new models are pinned and synced. Each throws
/// <see cref="UpdateStepException"/> (or <see cref="GeneratorException"/>) saying what failed; the update then
/// restores the working tree.
/// </summary>
public interface IUpdateSteps
{
    /// <summary>Generates clients for the synced models; returns a one-line result such as "66 clients, 370 operations".</summary>
    Task<string> GenerateAsync(string repositoryRoot, IReadOnlyList<string> modelFiles, CancellationToken cancellationToken);

    /// <summary>Builds the generated clients; returns a one-line result.</summary>
    Task<string> BuildAsync(string repositoryRoot, CancellationToken cancellationToken);

    /// <summary>Runs the local smoke run; null when the repository has none yet.</summary>
    Task<string?> SmokeAsync(string repositoryRoot, CancellationToken cancellationToken);
}

/// <summary>A step of the update failed; the message names the step's command and its errors.</summary>
public sealed class UpdateStepException(string message) : Exception(message);
