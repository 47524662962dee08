using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Observability;

namespace VmLifecycle.Aggregator.Authorization;

/// <summary>
/// Authorizes resource requests by SubjectAccessReview, as k8s.io/apiserver's delegating authorizer does: members of
/// system:masters are allowed without a review, every other answer is cached for <see cref="SubjectAccessReviewOptions.CacheTtl"/>
/// (allowed and denied alike) under the whole review spec. Failed reviews are not cached.
/// </summary>
internal sealed class SubjectAccessReviewAuthorizer : IDisposable
{
    private readonly ISubjectAccessReviewClient _client;
    private readonly AggregatorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly MemoryCache _cache;

    public SubjectAccessReviewAuthorizer(ISubjectAccessReviewClient client, IOptions<SubjectAccessReviewOptions> options, TimeProvider time, AggregatorMetrics metrics)
    {
        _client = client;
        _metrics = metrics;
        _time = time;
        _ttl = options.Value.CacheTtl;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheSize, Clock = new TimeProviderClock(time) });
    }

    public async Task<AccessDecision> AuthorizeAsync(ResourceAccessRequest request, CancellationToken cancellationToken)
    {
        if (request.User.Groups.Contains(AuthenticatedUser.MastersGroup, StringComparer.Ordinal))
        {
            return AccessDecision.AllowedForMasters;
        }

        var key = request.CacheKey();
        if (_cache.TryGetValue(key, out AccessDecision? cached) && cached is not null)
        {
            _metrics.AuthorizationCacheHit();
            return cached;
        }

        _metrics.AuthorizationCacheMiss();
        var decision = await _client.ReviewAsync(request, cancellationToken);
        _cache.Set(key, decision, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = _time.GetUtcNow() + _ttl });
        return decision;
    }

    public void Dispose() => _cache.Dispose();
}
