using VmLifecycle.ChartRender.Certificates;
using VmLifecycle.ChartRender.Templates;
using VmLifecycle.ChartRender.Values;

namespace VmLifecycle.ChartRender.Tests.Templates;

public sealed class TemplateEngineTests
{
    [Theory]
    [InlineData("a  {{- \"b\" -}}  c", "abc")]
    [InlineData("a\n{{- /* comment */}}\nb", "a\nb")]
    [InlineData("{{-3}}", "-3")]
    [InlineData("x{{ \"q\" | quote }}", "x\"q\"")]
    [InlineData("{{ printf \"%s-%d\" \"a\" 7 }}", "a-7")]
    [InlineData("{{ \"abcdef-\" | trunc 7 | trimSuffix \"-\" }}", "abcdef")]
    [InlineData("{{ default \"d\" \"\" }}/{{ default \"d\" \"v\" }}", "d/v")]
    [InlineData("{{ if eq 1 1 }}y{{ else }}n{{ end }}", "y")]
    [InlineData("{{ if ne \"a\" \"a\" }}y{{ else if not false }}e{{ else }}n{{ end }}", "e")]
    [InlineData("{{ and 1 0 }} {{ or 0 \"x\" }}", "0 x")]
    [InlineData("{{ range $i, $v := list \"a\" \"b\" }}{{ $i }}={{ $v }};{{ end }}", "0=a;1=b;")]
    [InlineData("{{ range list }}x{{ else }}empty{{ end }}", "empty")]
    [InlineData("{{ with \"w\" }}{{ . }}{{ end }}", "w")]
    [InlineData("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2")]
    [InlineData("{{ \"a\\nb\" | nindent 2 }}", "\n  a\n  b")]
    [InlineData("{{ \"x\" | b64enc }}", "eA==")]
    [InlineData("{{ (index (dict \"k\" (dict \"v\" 5)) \"k\").v }}", "5")]
    [InlineData("{{ lookup \"v1\" \"Secret\" \"ns\" \"name\" | len }}", "0")]
    [InlineData("{{- define \"t\" }}<{{ . }}>{{ end }}{{ template \"t\" 1 }}", "<1>")]
    [InlineData("{{ if false }}a{{ else with \"w\" }}{{ . }}{{ end }}", "w")]
    [InlineData("{{ range $k, $v := dict \"b\" 2 \"a\" 1 }}{{ $k }}{{ $v }}{{ end }}", "a1b2")]
    public void Renders_Like_Text_Template_And_Sprig(string template, string expected)
    {
        Assert.Equal(expected, Render(template, null));
    }

    [Fact]
    public void Include_Renders_A_Define_With_Its_Own_Dot()
    {
        var output = Render("{{- define \"greet\" -}}hello {{ .name }}{{- end -}}{{ include \"greet\" .Values | upper }}",
            new Dictionary<string, object?> { ["Values"] = new Dictionary<string, object?> { ["name"] = "vm" } });

        Assert.Equal("HELLO VM", output);
    }

    [Fact]
    public void ToYaml_Writes_Sorted_Block_Yaml()
    {
        var values = ValuesDocument.Parse("b: [1, \"2\"]\na:\n  c: true\n  d: ''\nl:\n  - name: x\n    value: z\n");

        var yaml = Render("{{ toYaml . }}", values);

        Assert.Equal("a:\n  c: true\n  d: \"\"\nb:\n- 1\n- \"2\"\nl:\n- name: x\n  value: z", yaml);
    }

    [Fact]
    public void Required_Fails_With_Its_Message()
    {
        var exception = Assert.Throws<TemplateException>(() => Render("{{ required \"x is required\" .missing }}", new Dictionary<string, object?>()));

        Assert.Contains("x is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Field_Of_Nothing_Is_An_Error_As_In_Helm()
    {
        var exception = Assert.Throws<TemplateException>(() => Render("{{ .a.b }}", new Dictionary<string, object?>()));

        Assert.Contains("nil pointer evaluating interface {}.b", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_Types_Values_As_Helm_Does()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);

        ValuesDocument.Set(values, "a.b=true,a.c=10,a.d=007,a.e=x\\,y");

        var a = Assert.IsType<Dictionary<string, object?>>(values["a"]);
        Assert.Equal(true, a["b"]);
        Assert.Equal(10L, a["c"]);
        Assert.Equal("007", a["d"]);
        Assert.Equal("x,y", a["e"]);
    }

    private static string Render(string template, object? data)
    {
        var engine = new TemplateEngine(new TemplateFunctions(new CertificateGenerator(TimeProvider.System)));
        engine.Add("test", template);
        return engine.Render("test", data);
    }
}
