namespace SpApi.Documents.Download;

/// <summary>What a finished download delivered.</summary>
public sealed record DocumentDownloadResult(string DocumentId, long Bytes, long RawBytes, string? ContentType, string EncodingName, int Retries);
