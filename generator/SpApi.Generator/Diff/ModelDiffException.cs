namespace SpApi.Generator.Diff;

/// <summary>A model folder or file the diff cannot read; the message names the file and what is wrong.</summary>
public sealed class ModelDiffException(string message, Exception? inner = null) : Exception(message, inner);
