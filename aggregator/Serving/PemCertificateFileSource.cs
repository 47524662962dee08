using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Aggregator.Serving;

/// <summary>
/// A certificate read from PEM files and kept current: the files are reloaded when a file-system watcher sees their
/// directory change (Kubernetes updates mounted Secrets by swapping a symlink, so the directory is watched, not the
/// file) and, as a fallback, when their size or time stamp differs at the next use after
/// <see cref="_recheckInterval"/>. A file that does not parse keeps the previous certificate, so a half-written rotation
/// never breaks serving.
/// </summary>
internal sealed partial class PemCertificateFileSource : IDisposable
{
    private readonly string _certificateFile;
    private readonly string? _privateKeyFile;
    private readonly TimeProvider _time;
    private readonly TimeSpan _recheckInterval;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _gate = new();
    private Loaded? _loaded;
    private DateTimeOffset _nextRecheck;
    private volatile bool _changed = true;

    /// <param name="certificateFile">PEM file with one or more certificates; the first is the leaf.</param>
    /// <param name="privateKeyFile">PEM file with the leaf's key, or null for a CA bundle without key.</param>
    public PemCertificateFileSource(string certificateFile, string? privateKeyFile, TimeProvider time, TimeSpan recheckInterval, ILogger logger)
    {
        _certificateFile = Path.GetFullPath(certificateFile);
        _privateKeyFile = privateKeyFile is null ? null : Path.GetFullPath(privateKeyFile);
        _time = time;
        _recheckInterval = recheckInterval;
        _logger = logger;
        foreach (var directory in new[] { _certificateFile, _privateKeyFile }.OfType<string>().Select(Path.GetDirectoryName).Distinct())
        {
            if (directory is null || !Directory.Exists(directory))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, EnableRaisingEvents = false };
            watcher.Changed += (_, _) => _changed = true;
            watcher.Created += (_, _) => _changed = true;
            watcher.Renamed += (_, _) => _changed = true;
            watcher.Deleted += (_, _) => _changed = true;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>The leaf certificate (with its key when a key file is configured), or null while none could be loaded.</summary>
    public X509Certificate2? Current => Refresh()?.Leaf;

    /// <summary>Every certificate of the certificate file (a CA bundle, or the leaf and its intermediates).</summary>
    public X509Certificate2Collection Bundle => Refresh()?.Bundle ?? [];

    /// <summary>Loads the files now; throws when they cannot be read or parsed.</summary>
    public void LoadOrThrow()
    {
        lock (_gate)
        {
            _loaded = Load();
            _changed = false;
            _nextRecheck = _time.GetUtcNow() + _recheckInterval;
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private Loaded? Refresh()
    {
        var now = _time.GetUtcNow();
        if (!_changed && now < _nextRecheck && _loaded is not null)
        {
            return _loaded;
        }

        lock (_gate)
        {
            if (!_changed && now < _nextRecheck && _loaded is not null)
            {
                return _loaded;
            }

            var changed = _changed || _loaded is null || _loaded.Stamp != Stamp();
            _changed = false;
            _nextRecheck = now + _recheckInterval;
            if (changed)
            {
                try
                {
                    var previous = _loaded;
                    _loaded = Load();
                    if (previous is not null && previous.Leaf.Thumbprint != _loaded.Leaf.Thumbprint)
                    {
                        LogReloaded(_logger, _certificateFile, _loaded.Leaf.Subject, _loaded.Leaf.NotAfter);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
                {
                    LogReloadFailed(_logger, e, _certificateFile);
                }
            }

            return _loaded;
        }
    }

    private Loaded Load()
    {
        var stamp = Stamp();
        var certificatePem = File.ReadAllText(_certificateFile);
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(certificatePem);
        if (bundle.Count == 0)
        {
            throw new System.Security.Cryptography.CryptographicException($"{_certificateFile} holds no PEM certificate");
        }

        var leaf = _privateKeyFile is null
            ? bundle[0]
            : X509Certificate2.CreateFromPem(certificatePem, File.ReadAllText(_privateKeyFile));
        return new Loaded(leaf, bundle, stamp);
    }

    private string Stamp() =>
        string.Join('|', new[] { _certificateFile, _privateKeyFile }.OfType<string>()
            .Select(path => new FileInfo(path))
            .Select(file => file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "missing"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloaded certificate {File}: {Subject}, valid until {NotAfter}")]
    private static partial void LogReloaded(ILogger logger, string file, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload certificate {File}; keeping the previous one")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string file);

    private sealed record Loaded(X509Certificate2 Leaf, X509Certificate2Collection Bundle, string Stamp);
}
