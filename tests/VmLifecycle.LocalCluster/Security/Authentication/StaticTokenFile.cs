using System.Text;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// kube-apiserver's --token-auth-file (k8s.io/apiserver authentication/token/tokenfile): CSV records
/// token,user,uid[,"group1,group2"], extra columns ignored, blank lines skipped, empty tokens skipped,
/// a later duplicate token wins.
/// </summary>
internal static class StaticTokenFile
{
    public static IReadOnlyDictionary<string, UserInfo> Load(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyDictionary<string, UserInfo> Parse(string content, string source = "token file")
    {
        ArgumentNullException.ThrowIfNull(content);
        var tokens = new Dictionary<string, UserInfo>(StringComparer.Ordinal);
        foreach (var record in CsvRecords(content))
        {
            if (record.Count < 3)
            {
                throw new FormatException($"token file '{source}' must have at least 3 columns (token, user name, user uid), found {record.Count}");
            }

            if (record[0].Length == 0)
            {
                continue;
            }

            var groups = record.Count >= 4 ? record[3].Split(',') : [];
            tokens[record[0]] = UserInfo.Create(record[1], groups) with { Uid = record[2] };
        }

        return tokens;
    }

    /// <summary>RFC 4180 records as Go's encoding/csv reads them with TrimLeadingSpace: quoted fields may hold commas, "" is a quote.</summary>
    private static IEnumerable<List<string>> CsvRecords(string content)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ' ' or '\t' when atFieldStart:
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (record.Count > 0 || field.Length > 0)
                    {
                        record.Add(field.ToString());
                        yield return record;
                    }

                    record = [];
                    field.Clear();
                    atFieldStart = true;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }

        if (record.Count > 0 || field.Length > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
