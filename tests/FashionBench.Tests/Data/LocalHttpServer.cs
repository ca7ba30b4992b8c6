using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FashionBench.Tests.Data;

/// <summary>
/// Serves fixed files over HTTP on 127.0.0.1 at a free port: a known path returns its bytes, anything else 404.
/// It stops itself after <see cref="Lifetime"/> so a failed test cannot leave it running.
/// </summary>
sealed class LocalHttpServer : IDisposable
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    readonly HttpListener listener;
    readonly IReadOnlyDictionary<string, byte[]> files;
    readonly CancellationTokenSource stop = new(Lifetime);
    readonly Task loop;

    /// <param name="files">Bodies by absolute path, e.g. "/good/train-images-idx3-ubyte.gz".</param>
    public LocalHttpServer(IReadOnlyDictionary<string, byte[]> files)
    {
        this.files = files;
        (listener, BaseUri) = StartOnFreePort();
        stop.Token.Register(listener.Stop);
        loop = Task.Run(Serve);
    }

    public Uri BaseUri { get; }

    /// <summary>Paths requested so far, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    static (HttpListener, Uri) StartOnFreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            // Ask the OS for a free port, release it, and claim it for HttpListener; retry if someone took it meanwhile.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var uri = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(uri.ToString());
            try
            {
                listener.Start();
                return (listener, uri);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (HttpListenerException) { return; }   // stopped
            catch (ObjectDisposedException) { return; } // closed
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(path);
            using var response = context.Response;
            if (files.TryGetValue(path, out var body))
            {
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body);
            }
            else response.StatusCode = 404;
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
        stop.Dispose();
    }
}
