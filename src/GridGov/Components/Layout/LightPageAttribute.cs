namespace GridGov.Components.Layout;

// A page for a phone on a weak network (the grid worker terminal): rendered on the server as plain
// HTML with its own small stylesheet and script (App.razor); none of the office UI's framework, no
// long-lived connection. Pages that carry it also carry [ExcludeFromInteractiveRouting].
[AttributeUsage(AttributeTargets.Class)]
public sealed class LightPageAttribute : Attribute;
