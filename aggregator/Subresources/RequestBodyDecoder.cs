using System.Text;
using System.Text.Json;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;
using YamlDotNet.Core;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// Decodes a subresource body as virt-api does (a YAML-or-JSON decoder): empty means default options, text starting
/// with '{' is JSON, anything else YAML. Unknown fields are ignored; a body that does not decode, or decodes with wrong
/// types, is 400 <c>Can not unmarshal Request body to struct, error: ...</c>.
/// </summary>
internal static class RequestBodyDecoder
{
    public static StatusFailure? TryDecode<T>(ReadOnlyMemory<byte> body, out T options)
        where T : class, new()
    {
        options = new T();
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.Span).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            return Failure(e.Message);
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        try
        {
            string json;
            if (trimmed[0] == '{' || trimmed[0] == '[')
            {
                json = text;
            }
            else
            {
                var node = YamlToJson.Convert(text, out var empty);
                if (empty)
                {
                    return null;
                }

                json = node?.ToJsonString() ?? "null";
            }

            options = ApiJson.Deserialize<T>(json) ?? new T();
            return null;
        }
        catch (JsonException e)
        {
            return Failure(e.Message);
        }
        catch (YamlException e)
        {
            return Failure(e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Failure(e.Message);
        }
    }

    private static StatusFailure Failure(string error) => StatusFailure.BadRequest(KubeVirtMessages.CannotUnmarshalBody(error));
}
