using VmLifecycle.ChartRender.Values;

namespace VmLifecycle.ChartRender.Charts;

/// <summary>What <c>helm template NAME CHART</c> takes besides the chart: name, namespace, values and --show-only.</summary>
internal sealed class ReleaseOptions
{
    public string Name { get; init; } = "release-name";

    public string Namespace { get; init; } = "default";

    /// <summary>Value files (<c>-f</c>), in order, merged over values.yaml.</summary>
    public IList<string> ValueFiles { get; } = [];

    /// <summary><c>--set</c>, <c>--set-string</c> and <c>--set-file</c>, applied in order after the value files.</summary>
    public IList<ValueOverride> Overrides { get; } = [];

    /// <summary>Template paths relative to the chart (<c>templates/x.yaml</c>); empty: all.</summary>
    public IList<string> ShowOnly { get; } = [];

    public void ApplyTo(Dictionary<string, object?> values)
    {
        foreach (var file in ValueFiles)
        {
            ValuesDocument.Merge(values, ValuesDocument.Parse(File.ReadAllText(file)));
        }

        foreach (var change in Overrides)
        {
            change.ApplyTo(values);
        }
    }
}

internal enum ValueOverrideKind
{
    Set,
    SetString,
    SetFile,
}

/// <summary>One <c>--set key=value</c>, <c>--set-string key=value</c> or <c>--set-file key=path</c>.</summary>
internal sealed record ValueOverride(ValueOverrideKind Kind, string Assignment)
{
    public void ApplyTo(Dictionary<string, object?> values)
    {
        if (Kind == ValueOverrideKind.Set)
        {
            ValuesDocument.Set(values, Assignment);
            return;
        }

        var equals = Assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"{Kind}: \"{Assignment}\" is not key=value");
        }

        var value = Assignment[(equals + 1)..];
        ValuesDocument.SetString(values, Assignment[..equals], Kind == ValueOverrideKind.SetFile ? File.ReadAllText(value) : value);
    }
}
