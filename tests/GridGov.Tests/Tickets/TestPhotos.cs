using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridGov.Infrastructure.Files;
using SkiaSharp;

namespace GridGov.Tests.Tickets;

static class TestPhotos
{
    // A real 8×8 PNG of random pixels, so each upload is a new file (photos are stored re-encoded:
    // only different pixels make a different file).
    public static byte[] Png(byte shade = 0) => Image(SKEncodedImageFormat.Png, 8, 8, shade);

    public static byte[] Image(SKEncodedImageFormat format, int width, int height, byte shade = 0)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var x = 0; x < width; x++)
            for (var y = 0; y < height; y++)
                bitmap.SetPixel(x, y, new SKColor(shade, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

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
