using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GridGov.Infrastructure.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GridGov.Infrastructure.Web;

// What the API's JSON reader refuses or cleans for every request, so that no use case can forget
// it: an enum value that names no member (a number like 99 would otherwise be stored as is), and the
// hidden characters of CleanText in every string. A refusal is a StrictJsonException, which
// RequestProblems turns into a 400 naming the field in Chinese. JSON bodies are also capped in
// size (photos are multipart and keep their own limit), so no array or text is big enough to cost
// anything before a use case checks its length.
public static class StrictJson
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static void AddStrictJson(this JsonSerializerOptions options)
    {
        options.Converters.Add(new CleanStringConverter());
        options.Converters.Add(new TextListConverter());
        options.Converters.Add(new DefinedEnumConverterFactory());
    }

    // Before the endpoints: a JSON body larger than MaxBodyBytes is refused (413) before it is parsed:
    // by its declared length, or, sent without one, by reading at most that much first.
    public static IApplicationBuilder UseJsonBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.HasJsonContentType())
        {
            if (request.ContentLength > MaxBodyBytes) throw TooLarge();
            if (request.ContentLength is null)
            {
                var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int n;
                while ((n = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
                {
                    buffer.Write(chunk, 0, n);
                    if (buffer.Length > MaxBodyBytes) throw TooLarge();
                }
                buffer.Position = 0;
                request.Body = buffer;
            }
        }
        await next(http);
    });

    // The OpenAPI document cannot see through converters of our own (it shows "any"): strings and
    // enums are described again as what they are on the wire.
    public static void AddStrictJsonSchemas(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var nullable = type != context.JsonTypeInfo.Type || context.JsonPropertyInfo is { IsGetNullable: true };
        if (type == typeof(string))
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        else if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n))];
        }
        return Task.CompletedTask;
    });

    static BadHttpRequestException TooLarge() => new("Request body too large.", StatusCodes.Status413PayloadTooLarge);
}

// A refusal by the JSON reader; {field} in the message becomes the field's name (RequestProblems).
public sealed class StrictJsonException(string message) : JsonException(message)
{
    public string For(string? field) => Message.Replace("{field}", field ?? "body");
}

// A list of texts (role names, permissions, photo ids) holds texts: a null in it is refused here,
// before any use case would look a null name up.
sealed class TextListConverter : JsonConverter<List<string>>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new StrictJsonException("字段“{field}”应为文本列表");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(reader.TokenType == JsonTokenType.String ? CleanText.Multiline(reader.GetString())!
                : throw new StrictJsonException("字段“{field}”的每一项都应为文本，不能为空"));
        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}

sealed class CleanStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? CleanText.Multiline(reader.GetString())
            : throw new StrictJsonException("字段“{field}”应为文本");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (ValidationProblemDetails' errors) are written as they are.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CleanText.Multiline(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

// Enums as their names (numbers are still read), and only the values the enum defines.
sealed class DefinedEnumConverterFactory : JsonConverterFactory
{
    readonly JsonStringEnumConverter names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DefinedEnumConverter<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options))!;
}

sealed class DefinedEnumConverter<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
{
    readonly JsonConverter<T> names = (JsonConverter<T>)inner;
    static readonly bool Flags = typeof(T).IsDefined(typeof(FlagsAttribute), false);
    static readonly ulong AllFlags = Enum.GetValues<T>().Aggregate(0UL, (a, v) => a | Convert.ToUInt64(v));

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        T value;
        try { value = names.Read(ref reader, typeToConvert, options); }
        catch (JsonException) { throw Unknown(); }
        if (Flags ? (Convert.ToUInt64(value) & ~AllFlags) != 0 : !Enum.IsDefined(value)) throw Unknown();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        names.ReadAsPropertyName(ref reader, typeToConvert, options) is var value && Enum.IsDefined(value) ? value : throw Unknown();

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        names.WriteAsPropertyName(writer, value, options);

    static StrictJsonException Unknown() =>
        new($"字段“{{field}}”的值不在可选范围内，应为 {string.Join("、", Enum.GetNames<T>())} 之一");
}
