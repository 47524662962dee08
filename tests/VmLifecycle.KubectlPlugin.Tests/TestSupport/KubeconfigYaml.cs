namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>Writes kubeconfig files for the tests.</summary>
internal static class KubeconfigYaml
{
    public static string Single(
        string server, string? caFile, string? token = null, string? ns = null, string context = "test", string cluster = "test-cluster",
        string user = "test-user", string? clientCertificate = null, string? clientKey = null, string? extraUser = null) => $"""
        apiVersion: v1
        kind: Config
        current-context: {context}
        clusters:
        - name: {cluster}
          cluster:
            server: {server}
        {(caFile is null ? "" : $"    certificate-authority: {caFile}")}
        users:
        - name: {user}
          user:
        {(token is null ? "" : $"    token: {token}")}
        {(clientCertificate is null ? "" : $"    client-certificate: {clientCertificate}")}
        {(clientKey is null ? "" : $"    client-key: {clientKey}")}
        {extraUser ?? ""}
        contexts:
        - name: {context}
          context:
            cluster: {cluster}
            user: {user}
        {(ns is null ? "" : $"    namespace: {ns}")}
        """;
}
