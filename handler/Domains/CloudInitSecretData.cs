namespace VmLifecycle.Handler.Domains;

/// <summary>The user data and network data a cloudInitNoCloud volume's secretRef and networkDataSecretRef point to (null when it has none).</summary>
internal sealed record CloudInitSecretData(string? UserData, string? NetworkData);
