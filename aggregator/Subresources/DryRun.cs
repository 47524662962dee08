using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>The dryRun list of an options body: absent or empty = a real request, ["All"] = validate only, anything else = 400.</summary>
internal static class DryRun
{
    public static StatusFailure? TryParse(IList<string>? values, out bool dryRun)
    {
        dryRun = false;
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var unsupported = values.FirstOrDefault(value => value != DryRunValues.All);
        if (unsupported is not null)
        {
            return StatusFailure.BadRequest(AggregatorMessages.UnsupportedDryRun(unsupported));
        }

        dryRun = true;
        return null;
    }
}
