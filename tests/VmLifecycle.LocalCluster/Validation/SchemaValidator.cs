using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>
/// Validates a JSON value against an OpenAPI v3 (CRD structural) schema with kube-apiserver's messages:
/// types (incl. int-or-string), nullable, required, enum, formats, bounds, patterns, items and maps.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(JsonNode? value, CompiledSchema schema, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            if (!schema.Nullable && schema.Type is { } expected)
            {
                errors.Add(TypeError(path, expected, "null"));
            }

            return;
        }

        if (!CheckType(value, schema, path, errors))
        {
            return;
        }

        CheckEnum(value, schema, path, errors);
        CheckBounds(value, schema, path, errors);
        CheckCombinators(value, schema, path, errors);

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], items, $"{path}[{i}]", errors);
                }

                break;
        }
    }

    private static void ValidateObject(JsonObject obj, CompiledSchema schema, string path, List<FieldError> errors)
    {
        if (schema.Required is { } required)
        {
            foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>())
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add(new FieldError(SchemaNodes.Join(path, name), "FieldValueRequired", "Required value"));
                }
            }
        }

        var additional = schema.AdditionalProperties;
        foreach (var (key, child) in obj)
        {
            if (path.Length == 0 && key is "metadata" or "apiVersion" or "kind")
            {
                continue;
            }

            if (schema.Property(key) is { } childSchema)
            {
                Validate(child, childSchema, SchemaNodes.Join(path, key), errors);
            }
            else if (additional is not null)
            {
                Validate(child, additional, SchemaNodes.Join(path, key), errors);
            }
        }
    }

    private static bool CheckType(JsonNode value, CompiledSchema schema, string path, List<FieldError> errors)
    {
        var actual = SchemaNodes.TypeOf(value);
        if (schema.IntOrString)
        {
            if (actual is "integer" or "string")
            {
                return true;
            }

            errors.Add(TypeError(path, "integer or string", actual));
            return false;
        }

        var expected = schema.Type;
        var matches = expected switch
        {
            null => true,
            "number" => actual is "number" or "integer",
            _ => expected == actual,
        };
        if (!matches)
        {
            errors.Add(TypeError(path, expected!, actual));
            return false;
        }

        if (actual == "string" && schema.Format?.GetValue<string>() is "date-time" &&
            !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            var text = value.GetValue<string>();
            errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: \"{text}\": {path} in body must be of type date-time: \"{text}\""));
        }

        return true;
    }

    private static void CheckEnum(JsonNode value, CompiledSchema schema, string path, List<FieldError> errors)
    {
        if (schema.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var supported = string.Join(", ", allowed.Select(SchemaNodes.Display));
            errors.Add(new FieldError(path, "FieldValueNotSupported", $"Unsupported value: {SchemaNodes.Display(value)}: supported values: {supported}"));
        }
    }

    private static void CheckBounds(JsonNode value, CompiledSchema schema, string path, List<FieldError> errors)
    {
        // Only for messages: displaying an object or array serialises it, which every node of a valid object would pay for.
        string Shown() => SchemaNodes.Display(value);

        if (SchemaNodes.Number(value) is { } number)
        {
            if (schema.Minimum is { } minimum && number < minimum)
            {
                errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: {Shown()}: {path} in body should be greater than or equal to {schema.Source["minimum"]!.ToJsonString()}"));
            }

            if (schema.Maximum is { } maximum && number > maximum)
            {
                errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: {Shown()}: {path} in body should be less than or equal to {schema.Source["maximum"]!.ToJsonString()}"));
            }
        }

        if (value is JsonValue text && SchemaNodes.TypeOf(value) == "string")
        {
            var s = text.GetValue<string>();
            if (schema.MinLength is { } minLength && s.Length < minLength)
            {
                errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: {Shown()}: {path} in body should be at least {minLength} chars long"));
            }

            if (schema.MaxLength is { } maxLength && s.Length > maxLength)
            {
                errors.Add(new FieldError(path, "FieldValueTooLong", $"Too long: may not be more than {maxLength} bytes"));
            }

            if (schema.Pattern?.GetValue<string>() is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: {Shown()}: {path} in body should match '{pattern}'"));
            }
        }

        if (value is JsonArray array)
        {
            if (schema.MinItems is { } minItems && array.Count < minItems)
            {
                errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: {array.Count}: {path} in body should have at least {minItems} items"));
            }

            if (schema.MaxItems is { } maxItems && array.Count > maxItems)
            {
                errors.Add(new FieldError(path, "FieldValueTooMany", $"Too many: {array.Count}: must have at most {maxItems} items"));
            }
        }
    }

    private static void CheckCombinators(JsonNode value, CompiledSchema schema, string path, List<FieldError> errors)
    {
        if (schema.AllOf is { } allOf)
        {
            foreach (var part in allOf)
            {
                Validate(value, part, path, errors);
            }
        }

        if (schema.IntOrString)
        {
            return;
        }

        foreach (var (combinator, keyword) in (ReadOnlySpan<(string, (int Count, IReadOnlyList<CompiledSchema> Schemas)?)>)[("anyOf", schema.AnyOf), ("oneOf", schema.OneOf)])
        {
            if (keyword is not { Count: > 0 } options)
            {
                continue;
            }

            var results = options.Schemas.Select(option =>
            {
                var optionErrors = new List<FieldError>();
                Validate(value, option, path, optionErrors);
                return optionErrors;
            }).ToList();
            var passing = results.Count(r => r.Count == 0);
            if (passing == 0)
            {
                errors.AddRange(results[0]);
            }
            else if (combinator == "oneOf" && passing > 1)
            {
                errors.Add(new FieldError(path, "FieldValueInvalid", $"Invalid value: {SchemaNodes.Display(value)}: {path} in body must match exactly one schema in oneOf"));
            }
        }
    }

    private static FieldError TypeError(string path, string expected, string actual) =>
        new(path, "FieldValueTypeInvalid", $"Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"");
}
