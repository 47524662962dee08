using System.Text.RegularExpressions;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Orders API versions as Kubernetes does: GA over beta over alpha, then by number (v2 &gt; v1 &gt; v1beta2 &gt; v1beta1 &gt; v1alpha1).</summary>
internal sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y) => Rank(x ?? "").CompareTo(Rank(y ?? ""));

    private static (int Stability, int Major, int Minor, string Other) Rank(string version)
    {
        var match = KubeVersion().Match(version);
        if (!match.Success)
        {
            return (0, 0, 0, version);
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stability = match.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = match.Groups[3].Success && match.Groups[3].Value.Length > 0 ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stability, major, minor, "");
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex KubeVersion();
}
