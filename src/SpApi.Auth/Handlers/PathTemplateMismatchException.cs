using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// A request's path does not fit its operation's path template (e.g. a path argument that collapsed into another
/// operation's path). It was not sent. Generated clients refuse such arguments first; this is the pipeline's guard.
/// </summary>
public sealed class PathTemplateMismatchException(OperationMetadata operation)
    : InvalidOperationException($"Refusing to send {operation.Key}: the request path does not fit its template {operation.PathTemplate} " +
                                "(a path argument would address another operation).")
{
    /// <summary>The operation the request was stamped with.</summary>
    public OperationMetadata Operation { get; } = operation;
}
