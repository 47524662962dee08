using System.Net;
using System.Net.Sockets;

namespace VmLifecycle.TestSupport.Networking;

/// <summary>Loopback ports nobody listens on right now, so that the test stack never meets a developer's stack.</summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct ports: all are bound at once, then released.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
