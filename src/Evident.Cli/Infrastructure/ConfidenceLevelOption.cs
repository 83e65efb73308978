using System.CommandLine;
using System.Globalization;

namespace Evident.Cli.Infrastructure;

/// <summary>The <c>--conf-level</c> option every interval-producing command shares, validated at parse time.</summary>
public static class ConfidenceLevelOption
{
    /// <summary>Creates <c>--conf-level</c> (default 0.95); values outside (0, 1) are a usage error.</summary>
    public static Option<double> Create(string description)
    {
        var option = new Option<double>("--conf-level") { Description = description, DefaultValueFactory = _ => 0.95 };
        option.Validators.Add(result =>
        {
            double level = result.GetValueOrDefault<double>();
            if (!(level > 0 && level < 1))
                result.AddError($"--conf-level {level.ToString(CultureInfo.InvariantCulture)}: expected a number strictly between 0 and 1.");
        });
        return option;
    }
}
