using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// Domain operations over <see cref="LibvirtConnection"/>, by domain name. Domains are persistent (defined, then
/// started), so that a domain that stopped while the handler was away still tells how it stopped (shut off with
/// reason shutdown, crashed or destroyed) when the handler comes back; <see cref="Remove"/> undefines them.
/// The calls block on libvirt's RPC (0.3-1 s for start and destroy), so callers run them off latency-sensitive paths.
/// A domain's metadata element is remembered by domain UUID (a lookup knows the UUID without a round trip): only the
/// handler writes it, at define time, and every listing reads it afresh.
/// </summary>
internal sealed class LibvirtDomains(LibvirtConnection connection)
{
    private const uint StartPaused = 1; // VIR_DOMAIN_START_PAUSED
    private const uint ShutdownAcpiPowerButton = 1; // VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN
    private const uint DestroyDefault = 0; // not GRACEFUL: the grace period already was the graceful part
    private const uint ListAll = 0;
    private const uint UndefineFlags = 0x1 | 0x2 | 0x4 | 0x10 | 0x20; // managed save, snapshots metadata, nvram, checkpoints metadata, tpm
    private const int MetadataElement = 2; // VIR_DOMAIN_METADATA_ELEMENT
    private const uint AffectCurrent = 0;
    private readonly ConcurrentDictionary<(string Uuid, string NamespaceUri), string?> _metadata = new();

    public LibvirtConnection Connection => connection;

    /// <summary>Defines the domain from <paramref name="xml"/> and starts it, paused when asked.</summary>
    public void DefineAndStart(string xml, bool paused)
    {
        connection.Use(conn =>
        {
            using var domain = LibvirtNative.virDomainDefineXML(conn, xml);
            ThrowIfInvalid(domain, "virDomainDefineXML");
            ForgetMetadata(domain);
            if (LibvirtNative.virDomainCreateWithFlags(domain, paused ? StartPaused : 0) < 0)
            {
                var error = LibvirtException.FromLastError("virDomainCreateWithFlags");
                _ = LibvirtNative.virDomainUndefineFlags(domain, UndefineFlags);
                LibvirtNative.virResetLastError();
                throw error;
            }

            return 0;
        });
    }

    /// <summary>The domain's state, or null when no domain of that name exists.</summary>
    public DomainStatus? GetStatus(string name) => WithDomainOrDefault(name, domain => (DomainStatus?)ReadStatus(domain));

    /// <summary>
    /// The domain's state and our metadata element (null when it has none) through one lookup, or null when no domain of
    /// that name exists.
    /// </summary>
    public (DomainStatus Status, string? Metadata)? GetStatusAndMetadata(string name, string namespaceUri) =>
        WithDomainOrDefault(name, domain => ((DomainStatus Status, string? Metadata)?)(ReadStatus(domain), RememberedMetadata(domain, namespaceUri)));

    /// <summary>The name of the domain with that UUID, or null when there is none.</summary>
    public string? NameOf(Guid uuid) => connection.Use(conn =>
    {
        using var domain = LibvirtNative.virDomainLookupByUUIDString(conn, uuid.ToString("D"));
        if (domain.IsInvalid)
        {
            var error = LibvirtException.FromLastError("virDomainLookupByUUIDString");
            return error.IsNoDomain ? null : throw error;
        }

        return Marshal.PtrToStringUTF8(LibvirtNative.virDomainGetName(domain.DangerousGetHandle()));
    });

    /// <summary>Our metadata element of the domain (by namespace URI), or null when the domain or the element is missing.</summary>
    public string? GetMetadata(string name, string namespaceUri) => WithDomainOrDefault(name, domain => ReadMetadata(domain, namespaceUri));

    public void SetMetadata(string name, string elementXml, string prefix, string namespaceUri) =>
        WithDomain(name, "virDomainSetMetadata", domain =>
        {
            ForgetMetadata(domain);
            return LibvirtNative.virDomainSetMetadata(domain, MetadataElement, elementXml, prefix, namespaceUri, AffectCurrent);
        });

    public string GetXml(string name) => WithDomainOrDefault(name, domain =>
    {
        var xml = LibvirtNative.virDomainGetXMLDesc(domain, 0);
        return xml == 0 ? throw LibvirtException.FromLastError("virDomainGetXMLDesc") : TakeString(xml);
    }) ?? throw new LibvirtException("virDomainLookupByName", LibvirtErrorCode.NoDomain, 0, $"Domain not found: {name}");

    /// <summary>Every domain of the connection, active or not, with our metadata element when it has one.</summary>
    public unsafe IReadOnlyList<DomainInfo> List(string namespaceUri) => connection.Use(conn =>
    {
        nint* array = null;
        var count = LibvirtNative.virConnectListAllDomains(conn, &array, ListAll);
        if (count < 0)
        {
            throw LibvirtException.FromLastError("virConnectListAllDomains");
        }

        var domains = new List<DomainInfo>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                using var domain = new DomainHandle(array[i]);
                array[i] = 0;
                try
                {
                    var name = Marshal.PtrToStringUTF8(LibvirtNative.virDomainGetName(domain.DangerousGetHandle())) ?? "";
                    var uuid = ReadUuid(domain);
                    var metadata = ReadMetadata(domain, namespaceUri);
                    _metadata[(uuid, namespaceUri)] = metadata;
                    domains.Add(new DomainInfo(name, uuid, ReadStatus(domain), metadata));
                }
                catch (LibvirtException e) when (e.IsNoDomain)
                {
                    // Undefined between the listing and the reads.
                }
            }
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (array[i] != 0)
                {
                    _ = LibvirtNative.virDomainFree(array[i]);
                }
            }

            NativeMemory.Free(array);
        }

        return domains;
    });

    /// <summary>Presses the ACPI power button. False when the domain is not running (or gone).</summary>
    public bool Shutdown(string name) => Ignoring(() => WithDomain(name, "virDomainShutdownFlags", d => LibvirtNative.virDomainShutdownFlags(d, ShutdownAcpiPowerButton)));

    /// <summary>Stops the domain at once. False when it was not running (or gone).</summary>
    public bool Destroy(string name) => Ignoring(() => WithDomain(name, "virDomainDestroyFlags", d => LibvirtNative.virDomainDestroyFlags(d, DestroyDefault)));

    public void Suspend(string name) => WithDomain(name, "virDomainSuspend", LibvirtNative.virDomainSuspend);

    public void Resume(string name) => WithDomain(name, "virDomainResume", LibvirtNative.virDomainResume);

    /// <summary>Destroys the domain when it runs and undefines it. False when there was no such domain.</summary>
    public bool Remove(string name)
    {
        _ = Destroy(name);
        return Ignoring(() => WithDomain(name, "virDomainUndefineFlags", d =>
        {
            ForgetMetadata(d);
            return LibvirtNative.virDomainUndefineFlags(d, UndefineFlags);
        }));
    }

    private static bool Ignoring(Action call)
    {
        try
        {
            call();
            return true;
        }
        catch (LibvirtException e) when (e.IsNoDomain || e.Code == LibvirtErrorCode.OperationInvalid)
        {
            return false;
        }
    }

    private void WithDomain(string name, string operation, Func<DomainHandle, int> call) => connection.Use(conn =>
    {
        using var domain = Lookup(conn, name);
        return call(domain) < 0 ? throw LibvirtException.FromLastError(operation) : 0;
    });

    private T? WithDomainOrDefault<T>(string name, Func<DomainHandle, T?> call) => connection.Use(conn =>
    {
        try
        {
            using var domain = Lookup(conn, name);
            return call(domain);
        }
        catch (LibvirtException e) when (e.IsNoDomain)
        {
            return default;
        }
    });

    private static DomainHandle Lookup(ConnectionHandle conn, string name)
    {
        var domain = LibvirtNative.virDomainLookupByName(conn, name);
        ThrowIfInvalid(domain, "virDomainLookupByName");
        return domain;
    }

    private static void ThrowIfInvalid(DomainHandle domain, string operation)
    {
        if (domain.IsInvalid)
        {
            var error = LibvirtException.FromLastError(operation);
            domain.Dispose();
            throw error;
        }
    }

    private static unsafe DomainStatus ReadStatus(DomainHandle domain)
    {
        int state, reason;
        return LibvirtNative.virDomainGetState(domain, &state, &reason, 0) < 0
            ? throw LibvirtException.FromLastError("virDomainGetState")
            : new DomainStatus((DomainState)state, reason);
    }

    private static unsafe string ReadUuid(DomainHandle domain)
    {
        var buffer = stackalloc byte[LibvirtNative.UuidStringBufferLength];
        return LibvirtNative.virDomainGetUUIDString(domain.DangerousGetHandle(), buffer) < 0
            ? throw LibvirtException.FromLastError("virDomainGetUUIDString")
            : Marshal.PtrToStringUTF8((nint)buffer) ?? "";
    }

    private string? RememberedMetadata(DomainHandle domain, string namespaceUri)
    {
        var key = (ReadUuid(domain), namespaceUri);
        if (_metadata.TryGetValue(key, out var metadata))
        {
            return metadata;
        }

        metadata = ReadMetadata(domain, namespaceUri);
        _metadata[key] = metadata;
        return metadata;
    }

    private void ForgetMetadata(DomainHandle domain)
    {
        var uuid = ReadUuid(domain);
        foreach (var key in _metadata.Keys.Where(k => k.Uuid == uuid))
        {
            _metadata.TryRemove(key, out _);
        }
    }

    private static string? ReadMetadata(DomainHandle domain, string namespaceUri)
    {
        var metadata = LibvirtNative.virDomainGetMetadata(domain, MetadataElement, namespaceUri, AffectCurrent);
        if (metadata != 0)
        {
            return TakeString(metadata);
        }

        var error = LibvirtException.FromLastError("virDomainGetMetadata");
        return error.Code == LibvirtErrorCode.NoDomainMetadata ? null : throw error;
    }

    /// <summary>Reads a string libvirt allocated for the caller, and frees it (libvirt documents free()).</summary>
    private static unsafe string TakeString(nint pointer)
    {
        try
        {
            return Marshal.PtrToStringUTF8(pointer) ?? "";
        }
        finally
        {
            NativeMemory.Free((void*)pointer);
        }
    }
}
