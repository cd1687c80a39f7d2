using SpApi.Runtime;

namespace SpApi.Auth.Restricted;

/// <summary>
/// The Tokens API refused the RDT a call needs (it asked for personal data, or the operation exists only for it)
/// because the application or the seller's authorization lacks a restricted role. Names the operation, the data
/// elements and the roles; keeps Amazon's status, errors and <c>x-amzn-RequestId</c> of the refusal.
/// </summary>
public sealed class RestrictedDataAccessDeniedException : SpApiException
{
    /// <summary>Amazon refused <paramref name="operation"/> the restricted data it asked for (<paramref name="refusal"/> is Amazon's answer).</summary>
    public RestrictedDataAccessDeniedException(string operation, IReadOnlyList<string> dataElements, IReadOnlyList<string> missingRoles, SpApiException refusal)
        : base(refusal?.Message ?? throw new ArgumentNullException(nameof(refusal)), refusal.StatusCode, refusal.Response, refusal.Headers, refusal)
    {
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        DataElements = dataElements ?? [];
        MissingRoles = missingRoles ?? [];
    }

    /// <summary>The operation whose RDT was refused, <c>modelFile#operationId</c>.</summary>
    public string Operation { get; }

    /// <summary>The data elements the call asked for.</summary>
    public IReadOnlyList<string> DataElements { get; }

    /// <summary>The restricted roles (any one of them) the RDT needs; empty when the table does not name them.</summary>
    public IReadOnlyList<string> MissingRoles { get; }

    /// <summary>Names the operation, the data elements and the missing roles; never a token.</summary>
    public override string Message =>
        $"The Tokens API refused a restricted data token for {Operation}"
        + (DataElements.Count == 0 ? "" : $" (data elements {string.Join(", ", DataElements)})")
        + ": the application or the seller's authorization lacks "
        + (MissingRoles.Count == 0 ? "the restricted role it requires" : $"the restricted role {string.Join(" or ", MissingRoles)}")
        + $". {((SpApiException)InnerException!).Message}";
}
