using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>Reads the protobuf wire format: tags, varints and length-delimited fields.</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly bool End => _position >= _buffer.Length;

    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Malformed();
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > _buffer.Length)
        {
            throw Malformed();
        }

        var slice = _buffer.Slice(_position, length);
        _position += length;
        return slice;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                ReadLengthDelimited();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw Malformed();
        }
    }

    private void Advance(int count)
    {
        if (_position + count > _buffer.Length)
        {
            throw Malformed();
        }

        _position += count;
    }

    private byte Next() => _position < _buffer.Length ? _buffer[_position++] : throw Malformed();

    private static StatusException Malformed() => ApiStatus.BadRequest("the protobuf body of the request is malformed");
}
