namespace VmLifecycle.Aggregator.Authorization;

/// <summary>SubjectAccessReview caching: configuration section "Authorization".</summary>
internal sealed class SubjectAccessReviewOptions
{
    public const string SectionName = "Authorization";

    /// <summary>How long an answer is reused, allowed and denied alike (k8s.io/apiserver's webhook defaults are 10 s each).</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most cached answers (k8s.io/apiserver keeps 8192).</summary>
    public long CacheSize { get; set; } = 8192;
}
