using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// The handler's connection to libvirt (qemu:///system by default). It stays open for the life of the process and
/// comes back by itself: libvirt's close callback and failed calls mark it lost, and a background loop reopens it with
/// exponential backoff and re-registers the lifecycle event callback. <see cref="Reconnected"/> tells consumers to
/// resynchronise, since events raised while disconnected are lost.
/// </summary>
internal sealed partial class LibvirtConnection : IDisposable
{
    private readonly LibvirtConnectionOptions _options;
    private readonly ILogger<LibvirtConnection> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<DomainLifecycleEvent> _events = Channel.CreateUnbounded<DomainLifecycleEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private Session? _session;
    private Task? _reconnecting;

    public LibvirtConnection(IOptions<LibvirtConnectionOptions> options, ILogger<LibvirtConnection> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        LibvirtEventLoop.EnsureRunning();
    }

    /// <summary>Raised (on a thread-pool thread) after the connection was reopened.</summary>
    public event EventHandler? Reconnected;

    /// <summary>Lifecycle events of every domain of the connection.</summary>
    public ChannelReader<DomainLifecycleEvent> Events => _events.Reader;

    public string Uri => _options.Uri;

    public bool IsConnected
    {
        get
        {
            var session = _session;
            return session is not null && !session.Lost && LibvirtNative.virConnectIsAlive(session.Handle) == 1;
        }
    }

    /// <summary>Opens the connection, retrying with backoff until it succeeds or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (IsConnected)
        {
            return;
        }

        Task reconnecting;
        lock (_gate)
        {
            if (_reconnecting is null || _reconnecting.IsCompleted)
            {
                _reconnecting = ReconnectLoopAsync(initial: _session is null);
            }

            reconnecting = _reconnecting;
        }

        await reconnecting.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="call"/> with the current connection. A call that fails because the connection broke starts a
    /// reconnect and rethrows, so the caller retries later (the reconcilers requeue).
    /// </summary>
    public T Use<T>(Func<ConnectionHandle, T> call)
    {
        var session = _session;
        if (session is null || session.Lost)
        {
            StartReconnect();
            throw new LibvirtException("connect", LibvirtErrorCode.NoConnect, 0, $"not connected to {_options.Uri}");
        }

        try
        {
            return call(session.Handle);
        }
        catch (LibvirtException e) when (e.IsConnectionLost)
        {
            MarkLost(session);
            throw;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
        }

        _events.Writer.TryComplete();
    }

    internal void MarkLost(object session)
    {
        if (session is Session s && !s.Lost)
        {
            s.Lost = true;
            LogConnectionLost(_logger, _options.Uri);
            StartReconnect();
        }
    }

    private void StartReconnect()
    {
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested || _reconnecting is { IsCompleted: false })
            {
                return;
            }

            _reconnecting = ReconnectLoopAsync(initial: false);
        }
    }

    private async Task ReconnectLoopAsync(bool initial)
    {
        await Task.Yield();
        var delay = _options.InitialReconnectDelay;
        for (var attempt = 1; ; attempt++)
        {
            _disposed.Token.ThrowIfCancellationRequested();
            try
            {
                var session = Session.Open(this, _options.Uri, _events.Writer);
                Session? previous;
                lock (_gate)
                {
                    previous = _session;
                    _session = session;
                }

                previous?.Dispose();
                LogConnected(_logger, _options.Uri, attempt);
                if (!initial)
                {
                    Reconnected?.Invoke(this, EventArgs.Empty);
                }

                return;
            }
            catch (LibvirtException e)
            {
                LogConnectFailed(_logger, e, _options.Uri, attempt, delay);
            }

            await Task.Delay(delay, _time, _disposed.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to libvirt {Uri} (attempt {Attempt})")]
    private static partial void LogConnected(ILogger logger, string uri, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to libvirt {Uri} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string uri, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the libvirt connection {Uri}; reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string uri);

    /// <summary>One opened virConnectPtr with its close callback and lifecycle event registration.</summary>
    private sealed class Session : IDisposable
    {
        private int _eventCallbackId = -1;

        private Session(ConnectionHandle handle) => Handle = handle;

        public ConnectionHandle Handle { get; }

        public volatile bool Lost;

        public static unsafe Session Open(LibvirtConnection owner, string uri, ChannelWriter<DomainLifecycleEvent> events)
        {
            var handle = LibvirtNative.virConnectOpen(uri);
            if (handle.IsInvalid)
            {
                var error = LibvirtException.FromLastError("virConnectOpen");
                handle.Dispose();
                throw error;
            }

            var session = new Session(handle);
            try
            {
                // Keepalive probes make a dead libvirtd show up as a close event within ~15 s even when idle.
                _ = LibvirtNative.virConnectSetKeepAlive(handle, 5, 3);
                var closeTarget = GCHandle.Alloc(new CloseTarget(owner, session));
                if (LibvirtNative.virConnectRegisterCloseCallback(handle, &OnClose, GCHandle.ToIntPtr(closeTarget), DomainEventCallbacks.FreeOpaque) < 0)
                {
                    closeTarget.Free();
                    throw LibvirtException.FromLastError("virConnectRegisterCloseCallback");
                }

                var writer = GCHandle.Alloc(events);
                session._eventCallbackId = LibvirtNative.virConnectDomainEventRegisterAny(
                    handle, 0, DomainEventCallbacks.LifecycleEventId, DomainEventCallbacks.Lifecycle, GCHandle.ToIntPtr(writer), DomainEventCallbacks.FreeOpaque);
                if (session._eventCallbackId < 0)
                {
                    writer.Free();
                    throw LibvirtException.FromLastError("virConnectDomainEventRegisterAny");
                }

                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        public unsafe void Dispose()
        {
            Lost = true;
            if (_eventCallbackId >= 0)
            {
                _ = LibvirtNative.virConnectDomainEventDeregisterAny(Handle, _eventCallbackId);
                _eventCallbackId = -1;
            }

            _ = LibvirtNative.virConnectUnregisterCloseCallback(Handle, &OnClose);
            LibvirtNative.virResetLastError();
            Handle.Dispose();
        }

        [UnmanagedCallersOnly]
        private static void OnClose(nint connection, int reason, nint opaque)
        {
            try
            {
                if (GCHandle.FromIntPtr(opaque).Target is CloseTarget target)
                {
                    // Never close the connection inside libvirt's callback: hand over to a thread-pool thread.
                    ThreadPool.UnsafeQueueUserWorkItem(t => t.Owner.MarkLost(t.Session), target, preferLocal: false);
                }
            }
            catch (Exception)
            {
                // Must not unwind into libvirt; a failed call will notice the broken connection instead.
            }
        }
    }

    private sealed record CloseTarget(LibvirtConnection Owner, Session Session);
}
