namespace VmLifecycle.LocalCluster.Requests;

/// <summary>Resolves a request into <see cref="ApiRequestInfo"/> with kube-apiserver's RequestInfo rules.</summary>
internal static class ApiRequestInfoParser
{
    private static readonly HashSet<string> _namespaceSubresources = ["status", "finalize"];

    public static ApiRequestInfo Parse(string method, string path, IQueryCollection query)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nonResource = ApiRequestInfo.NonResource(path, method.ToLowerInvariant());
        if (parts.Length < 2 || (parts[0] != "api" && parts[0] != "apis"))
        {
            return nonResource;
        }

        string group;
        string version;
        int index;
        if (parts[0] == "api")
        {
            group = "";
            version = parts[1];
            index = 2;
        }
        else
        {
            if (parts.Length < 3)
            {
                return nonResource;
            }

            group = parts[1];
            version = parts[2];
            index = 3;
        }

        var rest = parts[index..];
        if (rest.Length == 0)
        {
            return nonResource;
        }

        var verb = method.ToUpperInvariant() switch
        {
            "POST" => "create",
            "GET" or "HEAD" => "get",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };

        var legacyWatch = false;
        if (rest[0] == "watch")
        {
            legacyWatch = true;
            rest = rest[1..];
            if (rest.Length == 0)
            {
                return nonResource;
            }
        }

        var @namespace = "";
        if (rest[0] == "namespaces")
        {
            if (rest.Length > 1)
            {
                @namespace = rest[1];
                if (rest.Length > 2 && !_namespaceSubresources.Contains(rest[2]))
                {
                    rest = rest[2..];
                }
            }
        }

        var resource = rest[0];
        var name = rest.Length >= 2 ? rest[1] : "";
        var subresource = rest.Length >= 3 ? rest[2] : "";

        if (legacyWatch)
        {
            verb = "watch";
        }
        else if (name.Length == 0 && verb == "get")
        {
            verb = IsTrue(query["watch"]) ? "watch" : "list";
        }
        else if (name.Length == 0 && verb == "delete")
        {
            verb = "deletecollection";
        }

        if ((verb == "list" || verb == "watch") && name.Length == 0)
        {
            name = NameFromFieldSelector(query["fieldSelector"].ToString());
        }

        return new ApiRequestInfo(true, path, verb, group, version, @namespace, resource, subresource, name);
    }

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";

    private static string NameFromFieldSelector(string selector)
    {
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = term.Trim();
            foreach (var prefix in (string[])["metadata.name==", "metadata.name="])
            {
                if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return trimmed[prefix.Length..];
                }
            }
        }

        return "";
    }
}
