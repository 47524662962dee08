namespace VmLifecycle.Aggregator.Authentication;

/// <summary>The current request-header settings; null until they were loaded once.</summary>
internal interface IRequestHeaderSettingsSource
{
    RequestHeaderSettings? Current { get; }
}
