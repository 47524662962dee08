using VmLifecycle.CrdGen;

// crd-gen OUTPUT_DIR: writes one CRD per entity type of api/ and removes generated files no type produces any more.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: crd-gen OUTPUT_DIR");
    return 2;
}

var outputDirectory = Directory.CreateDirectory(args[0]);
var written = new HashSet<string>(StringComparer.Ordinal);
foreach (var entityType in CrdGenerator.EntityTypes)
{
    var path = Path.Combine(outputDirectory.FullName, CrdGenerator.FileName(entityType));
    await File.WriteAllTextAsync(path, CrdGenerator.Generate(entityType));
    written.Add(path);
    Console.WriteLine($"wrote {path}");
}

foreach (var stale in outputDirectory.GetFiles("*.yaml").Where(file => !written.Contains(file.FullName)))
{
    if ((await File.ReadAllLinesAsync(stale.FullName)).FirstOrDefault() == CrdGenerator.Header)
    {
        stale.Delete();
        Console.WriteLine($"removed {stale.FullName}");
    }
}

return 0;
