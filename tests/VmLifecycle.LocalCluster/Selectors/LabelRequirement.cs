namespace VmLifecycle.LocalCluster.Selectors;

/// <summary>One requirement of a label selector.</summary>
internal sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => present,
            LabelOperator.DoesNotExist => !present,
            LabelOperator.Equals or LabelOperator.In => present && Values.Contains(value),
            LabelOperator.NotEquals or LabelOperator.NotIn => !present || !Values.Contains(value),
            _ => false,
        };
    }
}
