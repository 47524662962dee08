using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// Keeps the request-header settings of ConfigMap kube-system/extension-apiserver-authentication current: read once
/// at start-up (start-up fails when that is impossible, as in k8s.io/apiserver), then watched from its
/// resourceVersion and re-read whenever the watch ends. A ConfigMap that does not parse keeps the previous settings.
/// </summary>
internal sealed partial class ConfigMapRequestHeaderSettingsSource(
    IKubernetes kubernetes,
    IOptions<FrontProxyOptions> options,
    TimeProvider time,
    ILogger<ConfigMapRequestHeaderSettingsSource> logger) : BackgroundService, IRequestHeaderSettingsSource
{
    private volatile RequestHeaderSettings? _current;
    private string? _resourceVersion;

    public RequestHeaderSettings? Current => _current;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.InitialLoadTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Exception? lastError = null;
        try
        {
            while (true)
            {
                try
                {
                    await ReadAsync(linked.Token);
                    break;
                }
                catch (Exception e) when (e is HttpOperationException or HttpRequestException or FormatException)
                {
                    lastError = e;
                    LogReadFailed(logger, e, options.Value.ConfigMapNamespace, options.Value.ConfigMapName);
                    await Task.Delay(options.Value.WatchRetryDelay, time, linked.Token);
                }
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"Could not read ConfigMap {options.Value.ConfigMapNamespace}/{options.Value.ConfigMapName} within {options.Value.InitialLoadTimeout}: {lastError?.Message ?? "no answer"}",
                lastError ?? e);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var namespaceName = options.Value.ConfigMapNamespace;
        var name = options.Value.ConfigMapName;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var (type, configMap) in kubernetes.CoreV1.WatchListNamespacedConfigMapAsync(
                    namespaceName, fieldSelector: $"metadata.name={name}", resourceVersion: _resourceVersion, cancellationToken: stoppingToken))
                {
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        Apply(configMap);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or KubernetesException or FormatException)
            {
                LogWatchFailed(logger, e, namespaceName, name);
            }

            try
            {
                await Task.Delay(options.Value.WatchRetryDelay, time, stoppingToken);
                await ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or FormatException)
            {
                LogReadFailed(logger, e, namespaceName, name);
            }
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var configMap = await kubernetes.CoreV1.ReadNamespacedConfigMapAsync(options.Value.ConfigMapName, options.Value.ConfigMapNamespace, cancellationToken: cancellationToken);
        Apply(configMap);
    }

    private void Apply(V1ConfigMap configMap)
    {
        var version = configMap.Metadata?.ResourceVersion ?? "";
        if (_current is not null && version == _current.Version && version.Length > 0)
        {
            return;
        }

        try
        {
            var settings = RequestHeaderSettingsParser.Parse(configMap.Data, version);
            _current = settings;
            _resourceVersion = version.Length > 0 ? version : null;
            LogLoaded(logger, version, settings.ClientCertificateAuthorities.Count, settings.AllowedNames.Count);
        }
        catch (FormatException e)
        {
            LogParseFailed(logger, e, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded request-header settings (resourceVersion {ResourceVersion}): {CaCount} CA certificates, {AllowedNameCount} allowed names")]
    private static partial void LogLoaded(ILogger logger, string resourceVersion, int caCount, int allowedNameCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request-header settings of resourceVersion {ResourceVersion} do not parse; keeping the previous ones")]
    private static partial void LogParseFailed(ILogger logger, Exception exception, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read ConfigMap {Namespace}/{Name}")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of ConfigMap {Namespace}/{Name} ended; re-reading it")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string @namespace, string name);
}
