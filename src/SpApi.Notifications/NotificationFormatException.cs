namespace SpApi.Notifications;

/// <summary>
/// The text is not an SP-API notification at all (not JSON, not an object, no notification type). A
/// notification of an unknown type is not an error: it reads as a raw <see cref="SpApiNotification"/>.
/// The message names the problem, never the message content.
/// </summary>
public sealed class NotificationFormatException(string message, Exception? inner = null) : Exception(message, inner);
