using System.Text;

namespace VmLifecycle.LocalCluster.Security.Authorization.Protobuf;

/// <summary>One field of a protobuf message on the wire: its number and either a varint or a length-delimited payload.</summary>
internal readonly record struct ProtobufField(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes)
{
    public string AsString() => Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>The fields of a message in wire order; fixed-width fields are skipped, as nothing read here uses them.</summary>
    public static IEnumerable<ProtobufField> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message.Span, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return new ProtobufField(number, ReadVarint(message.Span, ref position), ReadOnlyMemory<byte>.Empty);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = checked((int)ReadVarint(message.Span, ref position));
                    if (length < 0 || position + length > message.Length)
                    {
                        throw new FormatException("A protobuf field runs past the end of its message.");
                    }

                    yield return new ProtobufField(number, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {key & 7}.");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new FormatException("A protobuf varint runs past the end of its message.");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("A protobuf varint is longer than 10 bytes.");
    }
}
