namespace Orchestrator.Udesk.Messages;

/// <summary>The message and event types of the spec's "Message Content Format" table.</summary>
public static class MessageType
{
    public const string Text = "message";
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string File = "file";
    public const string Rich = "rich";
    public const string Struct = "struct";
    public const string StartSession = "start_session";
    public const string Transfer = "transfer";
    public const string InfoTransfer = "info_transfer";
    public const string Close = "close";
    public const string Survey = "survey";
    public const string ActiveGuest = "active_guest";
    public const string InfoAppoint = "info_appoint";
    public const string Form = "form";
    public const string FormReceived = "form_received";
    public const string Info = "info";
    public const string RobotTransfer = "robot_transfer";

    /// <summary>Types a customer may send through <c>POST /im/messages</c>.</summary>
    public static readonly IReadOnlySet<string> Sendable = new HashSet<string>(StringComparer.Ordinal)
    {
        Text, Image, Audio, Video, File, Rich,
    };

    /// <summary>Types Udesk pushes that are for the customer to see; the rest are kept but not shown.</summary>
    public static readonly IReadOnlySet<string> CustomerVisible = new HashSet<string>(StringComparer.Ordinal)
    {
        Text, Image, Audio, Video, File, Rich, StartSession, Transfer, Close,
    };
}
