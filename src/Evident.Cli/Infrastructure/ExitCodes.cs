namespace Evident.Cli.Infrastructure;

/// <summary>Process exit codes of the <c>evident</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;
    /// <summary>The input was valid but the analysis could not be computed (e.g. a singular information matrix).</summary>
    public const int AnalysisFailed = 1;
    /// <summary>Bad input: usage, file, formula or data errors.</summary>
    public const int Usage = 2;
}
