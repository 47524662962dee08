using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Pki;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>
/// TEMPORARY authentication until the security work lands: a client certificate signed by the cluster CA
/// authenticates as CN with the O values as groups (plus system:authenticated); anything else gets 401.
/// Replace this file (and its registration in <see cref="LocalClusterApp"/>) with the real authenticator.
/// </summary>
internal sealed class TemporaryClientCertificateAuthentication(RequestDelegate next, ClusterPki pki)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (certificate is null || !pki.ClusterCa.HasIssued(certificate, CertificateUsage.ClientAuth))
        {
            await StatusResponses.WriteAsync(context, ApiStatus.Unauthorized(), context.RequestAborted);
            return;
        }

        var name = certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false);
        var groups = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.10")
            .Select(rdn => rdn.GetSingleElementValue() ?? "")
            .Where(g => g.Length > 0)
            .Append(UserInfo.AuthenticatedGroup)
            .Distinct()
            .ToArray();
        context.SetUser(UserInfo.Create(name, groups));
        await next(context);
    }
}
