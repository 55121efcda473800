using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridGov.Infrastructure.Files;

namespace GridGov.Tests.Tickets;

static class TestPhotos
{
    // A real 1×1 PNG; a different pixel each time so each upload is a new file.
    public static byte[] Png(byte shade = 0) => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
        .Concat(new byte[] { shade }).ToArray();

    public static async Task<string> UploadAsync(HttpClient client, byte[]? bytes = null, string name = "photo.png")
    {
        var response = await PostAsync(client, bytes ?? Png((byte)Random.Shared.Next(256)), name);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StoredFile>())!.Id;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        return client.PostAsync("/api/v1/files/photos", form);
    }
}
