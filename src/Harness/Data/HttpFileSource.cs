using System.Globalization;

namespace FashionBench.Harness.Data;

/// <summary>A file on an HTTP mirror, downloaded with a time limit for the whole file.</summary>
sealed class HttpFileSource(HttpClient http, Uri url, TimeSpan timeout) : FileSource(url.ToString())
{
    public override string? FetchTo(string tempPath) => FetchAsync(tempPath).GetAwaiter().GetResult();

    async Task<string?> FetchAsync(string tempPath)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            if (!response.IsSuccessStatusCode)
                return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            await using var body = await response.Content.ReadAsStreamAsync(cancel.Token);
            await using var target = CreateTemp(tempPath);
            await body.CopyToAsync(target, cancel.Token);
            target.Flush(flushToDisk: true);
            return null;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return $"timed out after {Seconds(timeout)} s";
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            return $"timed out after {Seconds(http.Timeout)} s (the HttpClient's own timeout)";
        }
        catch (HttpRequestException e) { return $"request failed: {OneLine(e.Message)}"; }
        catch (IOException e) { return $"download interrupted: {OneLine(e.Message)}"; }
    }

    static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
