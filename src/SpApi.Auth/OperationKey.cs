using SpApi.Runtime;

namespace SpApi.Auth;

/// <summary>The <c>modelFile#operationId</c> key the hand-kept operation tables use (model file name without folders).</summary>
internal static class OperationKey
{
    public static string Of(string modelFile, string operationId) => $"{Path.GetFileName(modelFile)}#{operationId}";

    public static string Of(OperationMetadata operation) => Of(operation.ModelFile, operation.OperationId);
}
