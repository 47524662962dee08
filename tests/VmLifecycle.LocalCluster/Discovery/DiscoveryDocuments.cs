using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Discovery;

/// <summary>The legacy discovery documents (APIVersions, APIGroupList, APIGroup, APIResourceList) of the served resources.</summary>
internal sealed class DiscoveryDocuments(ResourceRegistry registry, ApiServiceGroups apiServices)
{
    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in AllGroups())
        {
            groups.Add(Group(group, versions));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public JsonObject? GroupDocument(string group)
    {
        var match = AllGroups().FirstOrDefault(g => g.Group == group);
        if (match.Group is null)
        {
            return null;
        }

        var document = Group(match.Group, match.Versions);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = document["name"]!.DeepClone(),
            ["versions"] = document["versions"]!.DeepClone(),
            ["preferredVersion"] = document["preferredVersion"]!.DeepClone(),
        };
    }

    public JsonObject? ResourceList(string group, string version)
    {
        var definitions = registry.In(group, version);
        if (definitions.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var definition in definitions)
        {
            var entry = new JsonObject
            {
                ["name"] = definition.Resource,
                ["singularName"] = definition.SingularName,
                ["namespaced"] = definition.Namespaced,
                ["kind"] = definition.Kind,
                ["verbs"] = Strings(definition.Verbs),
            };
            if (definition.ShortNames.Count > 0)
            {
                entry["shortNames"] = Strings(definition.ShortNames);
            }

            if (definition.Categories.Count > 0)
            {
                entry["categories"] = Strings(definition.Categories);
            }

            resources.Add(entry);
            if (definition.HasStatusSubresource)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = definition.Resource + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = definition.Namespaced,
                    ["kind"] = definition.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>The locally served groups, then the groups of service-backed APIServices not served locally.</summary>
    private IEnumerable<(string Group, IReadOnlyList<string> Versions)> AllGroups()
    {
        var local = registry.Groups();
        return local.Concat(apiServices.Groups().Where(a => local.All(l => l.Group != a.Group)));
    }

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(v))]),
            ["preferredVersion"] = Version(versions[0]),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
