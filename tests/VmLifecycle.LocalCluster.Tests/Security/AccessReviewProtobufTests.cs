using System.Text;
using VmLifecycle.LocalCluster.Security.Authorization.Protobuf;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class AccessReviewProtobufTests
{
    /// <summary>Protobuf wire encoding of length-delimited fields, enough to build the messages client-go sends.</summary>
    private static byte[] Field(int number, byte[] payload) => [.. Varint((ulong)(number << 3 | 2)), .. Varint((ulong)payload.Length), .. payload];

    private static byte[] Field(int number, string text) => Field(number, Encoding.UTF8.GetBytes(text));

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Envelope(string kind, byte[] raw) =>
        [.. "k8s\0"u8, .. Field(1, [.. Field(1, "authorization.k8s.io/v1"), .. Field(2, kind)]), .. Field(2, raw), .. Field(3, ""), .. Field(4, "")];

    [Fact]
    public void A_subject_access_review_decodes_user_groups_extra_uid_and_resource_attributes()
    {
        byte[] attributes = [.. Field(1, "team-a"), .. Field(2, "update"), .. Field(3, "subresources.kubevirt.io"), .. Field(4, "v1"), .. Field(5, "virtualmachines"), .. Field(6, "start"), .. Field(7, "vm")];
        byte[] extra = [.. Field(1, "scopes"), .. Field(2, [.. Field(1, "a"), .. Field(1, "b")])];
        byte[] spec = [.. Field(1, attributes), .. Field(3, "jane"), .. Field(4, "devs"), .. Field(4, "ops"), .. Field(5, extra), .. Field(6, "uid-1")];
        byte[] review = [.. Field(1, Field(1, "ignored-name")), .. Field(2, spec)];

        var decoded = AccessReviewProtobuf.SubjectAccessReview(Envelope("SubjectAccessReview", review));

        var s = decoded.Spec;
        Assert.Equal(("jane", "uid-1"), (s.User, s.Uid));
        Assert.Equal(["devs", "ops"], s.Groups);
        Assert.Equal(["a", "b"], s.Extra["scopes"]);
        Assert.Equal(
            ("team-a", "update", "subresources.kubevirt.io", "v1", "virtualmachines", "start", "vm"),
            (s.ResourceAttributes.NamespaceProperty, s.ResourceAttributes.Verb, s.ResourceAttributes.Group, s.ResourceAttributes.Version,
             s.ResourceAttributes.Resource, s.ResourceAttributes.Subresource, s.ResourceAttributes.Name));
        Assert.Null(s.NonResourceAttributes);
    }

    [Fact]
    public void A_self_subject_access_review_decodes_non_resource_attributes()
    {
        byte[] spec = Field(2, [.. Field(1, "/healthz"), .. Field(2, "get")]);

        var decoded = AccessReviewProtobuf.SelfSubjectAccessReview(Envelope("SelfSubjectAccessReview", Field(2, spec)));

        Assert.Equal(("/healthz", "get"), (decoded.Spec.NonResourceAttributes.Path, decoded.Spec.NonResourceAttributes.Verb));
    }

    [Fact]
    public void A_self_subject_rules_review_decodes_its_namespace()
    {
        var decoded = AccessReviewProtobuf.SelfSubjectRulesReview(Envelope("SelfSubjectRulesReview", Field(2, Field(1, "team-a"))));

        Assert.Equal("team-a", decoded.Spec.NamespaceProperty);
    }

    [Fact]
    public void A_body_without_the_kubernetes_envelope_is_rejected()
    {
        Assert.Throws<FormatException>(() => AccessReviewProtobuf.SelfSubjectAccessReview("{}"u8.ToArray()));
    }

    [Fact]
    public void Only_the_kubernetes_protobuf_media_type_is_read_as_protobuf()
    {
        Assert.True(AccessReviewProtobuf.IsProtobuf("application/vnd.kubernetes.protobuf"));
        Assert.False(AccessReviewProtobuf.IsProtobuf("application/json"));
        Assert.False(AccessReviewProtobuf.IsProtobuf(null));
    }
}
