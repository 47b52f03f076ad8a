namespace EarlyExitBench.Testing;

/// <summary>A plugin broke a promise the host relies on; the message says which, where, and what was seen.</summary>
public sealed class ContractViolation : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContractViolation()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which promise, where, and what was seen.</param>
    public ContractViolation(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which promise, where, and what was seen.</param>
    /// <param name="innerException">What the plugin threw, if it threw.</param>
    public ContractViolation(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
