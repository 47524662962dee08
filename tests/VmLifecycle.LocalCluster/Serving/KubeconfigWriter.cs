using System.Text;
using VmLifecycle.LocalCluster.Pki;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>Writes the admin kubeconfig (embedded CA, admin client certificate and key) that kubectl and KubernetesClient use.</summary>
internal static class KubeconfigWriter
{
    public const string ClusterName = "local-cluster";
    public const string ContextName = "kubernetes-admin@local-cluster";

    public static void Write(string path, Uri server, ClusterPki pki)
    {
        var content = $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{ClusterName}}
              cluster:
                server: {{server.ToString().TrimEnd('/')}}
                certificate-authority-data: {{Base64(pki.ClusterCa.CertificatePem)}}
            users:
            - name: {{ClusterPki.AdminUser}}
              user:
                client-certificate-data: {{Base64(pki.Admin.ReadCertificatePem())}}
                client-key-data: {{Base64(pki.Admin.ReadKeyPem())}}
            contexts:
            - name: {{ContextName}}
              context:
                cluster: {{ClusterName}}
                user: {{ClusterPki.AdminUser}}
                namespace: default
            current-context: {{ContextName}}
            preferences: {}

            """;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem.Trim() + "\n"));
}
