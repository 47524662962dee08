using VmLifecycle.Aggregator.Authentication;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

internal sealed class StaticRequestHeaderSettingsSource(RequestHeaderSettings? settings) : IRequestHeaderSettingsSource
{
    public RequestHeaderSettings? Current { get; set; } = settings;
}
