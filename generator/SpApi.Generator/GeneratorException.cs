namespace SpApi.Generator;

/// <summary>A problem the user can act on; printed as one message without a stack trace.</summary>
public sealed class GeneratorException(string message) : Exception(message);
