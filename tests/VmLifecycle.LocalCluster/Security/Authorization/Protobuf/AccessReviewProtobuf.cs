using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization.Protobuf;

/// <summary>
/// Decodes the authorization.k8s.io/v1 reviews from kube's protobuf encoding. kubectl (client-go typed clients) sends
/// built-in objects as application/vnd.kubernetes.protobuf: `kubectl auth can-i` posts its SelfSubjectAccessReview
/// that way, so without this the review endpoints cannot answer it. Field numbers are those of
/// k8s.io/api/authorization/v1/generated.proto; the envelope is "k8s\0" + runtime.Unknown{typeMeta=1, raw=2}.
/// </summary>
internal static class AccessReviewProtobuf
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] _magic = "k8s\0"u8.ToArray();

    public static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase);

    public static V1SubjectAccessReview SubjectAccessReview(ReadOnlyMemory<byte> body)
    {
        var review = new V1SubjectAccessReview { Spec = new V1SubjectAccessReviewSpec() };
        foreach (var field in ProtobufField.Read(Unwrap(body)))
        {
            if (field.Number == 1)
            {
                review.Metadata = ObjectMeta(field.Bytes);
            }
            else if (field.Number == 2)
            {
                review.Spec = SubjectAccessReviewSpec(field.Bytes);
            }
        }

        return review;
    }

    public static V1LocalSubjectAccessReview LocalSubjectAccessReview(ReadOnlyMemory<byte> body)
    {
        var review = SubjectAccessReview(body);
        return new V1LocalSubjectAccessReview { Metadata = review.Metadata, Spec = review.Spec };
    }

    public static V1SelfSubjectAccessReview SelfSubjectAccessReview(ReadOnlyMemory<byte> body)
    {
        var review = new V1SelfSubjectAccessReview { Spec = new V1SelfSubjectAccessReviewSpec() };
        foreach (var field in ProtobufField.Read(Unwrap(body)))
        {
            if (field.Number == 1)
            {
                review.Metadata = ObjectMeta(field.Bytes);
            }
            else if (field.Number == 2)
            {
                foreach (var specField in ProtobufField.Read(field.Bytes))
                {
                    if (specField.Number == 1)
                    {
                        review.Spec.ResourceAttributes = ResourceAttributes(specField.Bytes);
                    }
                    else if (specField.Number == 2)
                    {
                        review.Spec.NonResourceAttributes = NonResourceAttributes(specField.Bytes);
                    }
                }
            }
        }

        return review;
    }

    public static V1SelfSubjectRulesReview SelfSubjectRulesReview(ReadOnlyMemory<byte> body)
    {
        var review = new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec() };
        foreach (var field in ProtobufField.Read(Unwrap(body)))
        {
            if (field.Number == 1)
            {
                review.Metadata = ObjectMeta(field.Bytes);
            }
            else if (field.Number == 2)
            {
                review.Spec.NamespaceProperty = ProtobufField.Read(field.Bytes).Where(f => f.Number == 1).Select(f => f.AsString()).LastOrDefault();
            }
        }

        return review;
    }

    /// <summary>The raw object inside kube's protobuf envelope.</summary>
    private static ReadOnlyMemory<byte> Unwrap(ReadOnlyMemory<byte> body)
    {
        if (body.Length < _magic.Length || !body.Span[.._magic.Length].SequenceEqual(_magic))
        {
            throw new FormatException("The body does not start with the Kubernetes protobuf envelope.");
        }

        return ProtobufField.Read(body[_magic.Length..]).Where(f => f.Number == 2).Select(f => f.Bytes).LastOrDefault();
    }

    private static V1ObjectMeta ObjectMeta(ReadOnlyMemory<byte> message)
    {
        var metadata = new V1ObjectMeta();
        foreach (var field in ProtobufField.Read(message))
        {
            switch (field.Number)
            {
                case 1: metadata.Name = field.AsString(); break;
                case 2: metadata.GenerateName = field.AsString(); break;
                case 3: metadata.NamespaceProperty = field.AsString(); break;
            }
        }

        return metadata;
    }

    private static V1SubjectAccessReviewSpec SubjectAccessReviewSpec(ReadOnlyMemory<byte> message)
    {
        var spec = new V1SubjectAccessReviewSpec { Groups = [], Extra = new Dictionary<string, IList<string>>() };
        foreach (var field in ProtobufField.Read(message))
        {
            switch (field.Number)
            {
                case 1: spec.ResourceAttributes = ResourceAttributes(field.Bytes); break;
                case 2: spec.NonResourceAttributes = NonResourceAttributes(field.Bytes); break;
                case 3: spec.User = field.AsString(); break;
                case 4: spec.Groups.Add(field.AsString()); break;
                case 5: AddExtra(spec.Extra, field.Bytes); break;
                case 6: spec.Uid = field.AsString(); break;
            }
        }

        return spec;
    }

    /// <summary>A map entry {key=1, value=2 ExtraValue{items=1 repeated}}.</summary>
    private static void AddExtra(IDictionary<string, IList<string>> extra, ReadOnlyMemory<byte> entry)
    {
        var key = "";
        var values = new List<string>();
        foreach (var field in ProtobufField.Read(entry))
        {
            if (field.Number == 1)
            {
                key = field.AsString();
            }
            else if (field.Number == 2)
            {
                values.AddRange(ProtobufField.Read(field.Bytes).Where(f => f.Number == 1).Select(f => f.AsString()));
            }
        }

        extra[key] = values;
    }

    private static V1ResourceAttributes ResourceAttributes(ReadOnlyMemory<byte> message)
    {
        var attributes = new V1ResourceAttributes();
        foreach (var field in ProtobufField.Read(message))
        {
            switch (field.Number)
            {
                case 1: attributes.NamespaceProperty = field.AsString(); break;
                case 2: attributes.Verb = field.AsString(); break;
                case 3: attributes.Group = field.AsString(); break;
                case 4: attributes.Version = field.AsString(); break;
                case 5: attributes.Resource = field.AsString(); break;
                case 6: attributes.Subresource = field.AsString(); break;
                case 7: attributes.Name = field.AsString(); break;
            }
        }

        return attributes;
    }

    private static V1NonResourceAttributes NonResourceAttributes(ReadOnlyMemory<byte> message)
    {
        var attributes = new V1NonResourceAttributes();
        foreach (var field in ProtobufField.Read(message))
        {
            switch (field.Number)
            {
                case 1: attributes.Path = field.AsString(); break;
                case 2: attributes.Verb = field.AsString(); break;
            }
        }

        return attributes;
    }
}
