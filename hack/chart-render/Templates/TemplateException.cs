namespace VmLifecycle.ChartRender.Templates;

/// <summary>A template that cannot be parsed or executed; the message names the template and says why, as helm does.</summary>
internal sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateException()
    {
    }
}
