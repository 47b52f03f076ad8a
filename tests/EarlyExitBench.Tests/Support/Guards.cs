namespace EarlyExitBench.Tests.Support;

/// <summary>
/// Assertions for argument checks: the exact exception type (a subtype does not pass), the parameter it names and,
/// for <see cref="Rejects"/>, the start of its message.
/// </summary>
internal static class Guards
{
    public static void NamesNull(string parameter, Action action) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentNullException>(action).ParamName);

    public static void NamesOutOfRange(string parameter, Action action) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(action).ParamName);

    public static void Rejects(string message, string parameter, Action action)
    {
        var error = Assert.Throws<ArgumentException>(action);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, error.ParamName);
    }
}
