namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// The table <c>kubectl get</c> prints, read by the header's column positions (a cell may be empty, so splitting a row
/// at blanks would shift the columns after it).
/// </summary>
internal sealed class KubectlTable
{
    private readonly List<(string Name, int Start)> _columns;
    private readonly List<string> _rows;

    private KubectlTable(List<(string Name, int Start)> columns, List<string> rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public IReadOnlyList<string> Columns => [.. _columns.Select(column => column.Name)];

    public int RowCount => _rows.Count;

    public static KubectlTable Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0, "kubectl printed no table");
        var header = lines[0];
        var columns = new List<(string Name, int Start)>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] != ' ' && (i == 0 || header[i - 1] == ' '))
            {
                var end = header.IndexOf(' ', i);
                columns.Add((header[i..(end < 0 ? header.Length : end)], i));
            }
        }

        return new KubectlTable(columns, [.. lines.Skip(1)]);
    }

    /// <summary>The cell of <paramref name="column"/> in the row whose first cell is <paramref name="name"/>.</summary>
    public string Cell(string name, string column)
    {
        var row = _rows.SingleOrDefault(line => line.Split(' ', 2)[0] == name) ?? throw new InvalidOperationException($"no row {name} in:\n{string.Join('\n', _rows)}");
        var index = _columns.FindIndex(c => c.Name == column);
        Assert.True(index >= 0, $"no column {column} in {string.Join(' ', Columns)}");
        var start = _columns[index].Start;
        var end = index + 1 < _columns.Count ? _columns[index + 1].Start : row.Length;
        return start >= row.Length ? "" : row[start..Math.Min(end, row.Length)].Trim();
    }
}
