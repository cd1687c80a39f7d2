namespace SpApi.Runtime.Paging;

/// <summary>
/// A paginated operation answered with a next token it had already given: following it would loop forever,
/// so the stream ends with this error instead. Names the operation and the page number; never the token
/// (tokens can encode query details).
/// </summary>
public sealed class SpApiPaginationException : Exception
{
    /// <summary>The next token of <paramref name="operation"/> repeated at <paramref name="page"/> (the token itself is never shown).</summary>
    public SpApiPaginationException(OperationMetadata operation, int page)
        : base($"{operation.OperationId} ({operation.ModelFile}) returned on page {page} a next token it had already returned; stopped instead of looping.")
    {
        Operation = operation;
        Page = page;
    }

    /// <summary>The paginated operation.</summary>
    public OperationMetadata Operation { get; }

    /// <summary>The 1-based number of the page whose next token repeated.</summary>
    public int Page { get; }
}
