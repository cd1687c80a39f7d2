using SpApi.Auth.Restricted;
using SpApi.Runtime;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Cases an application without restricted roles cannot run: the call needs an RDT (an operation that exists only for
/// personal data) and the Tokens API refused it, or the case is a successful createRestrictedDataToken, which Amazon
/// refuses to such an application. They are skipped with the reason, not failed.
/// </summary>
internal static class RestrictedDataSkip
{
    private const string TokensOperation = "tokens_2021-03-01.json#createRestrictedDataToken";

    public static string? Reason(SandboxCase c, SpApiException e) => e switch
    {
        RestrictedDataAccessDeniedException denied => $"skipped: needs personal data: {denied.Message}",
        _ when c.ExpectedStatus < 300 && $"{c.ModelFile}#{c.OperationId}" == TokensOperation && RestrictedRoleRefusal.IsRoleRefusal(e) =>
            $"skipped: the application holds no restricted roles, so the Tokens API refuses the RDT: {e.Message}",
        _ => null,
    };
}
