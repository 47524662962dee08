namespace VmLifecycle.Handler.Domains;

/// <summary>The files of a NoCloud seed: user-data, meta-data and, when given, network-config.</summary>
internal sealed record CloudInitSeedContent(string UserData, string MetaData, string? NetworkConfig);
