namespace FashionBench.Harness;

/// <summary>
/// A problem with the user's input or environment (a bad option, a corrupt file, a missing dataset).
/// The CLI prints its message as one line and exits non-zero, without a stack trace.
/// Messages name the option or file and say what was wrong.
/// </summary>
public sealed class UserError(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
