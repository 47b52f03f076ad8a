using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Fetches one published file into a <c>.partial</c> file, resuming with an HTTP Range request when one is already there,
/// then checks its pinned MD5; a file that does not match is deleted and refused.
/// </summary>
public static class Downloader
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Downloads <paramref name="file"/> into <paramref name="folder"/> and returns the verified file's path. What reached
    /// the <c>.partial</c> file before a dropped connection stays there for the next try, which asks only for the rest.
    /// </summary>
    /// <param name="dataset">The dataset's alias, for messages.</param>
    /// <param name="file">The file and its checksum.</param>
    /// <param name="folder">Where the <c>.partial</c> file and the finished file go.</param>
    /// <param name="progress">Progress writer (stderr when a terminal), or null.</param>
    /// <param name="cancellationToken">Stops the download; the partial file is kept.</param>
    public static string Fetch(string dataset, ArchiveFile file, string folder, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, file.FileName);
        var partial = target + ".partial";
        var address = DatasetCatalog.Address(file);
        if (!File.Exists(target))
        {
            try
            {
                Transfer(address, partial, new DownloadProgress(file.FileName, progress), cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                throw new DownloadException($"{dataset}: cannot download {address} ({ex.Message}). {HowOffline(dataset, file)}", network: true, ex);
            }
            catch (IOException ex) when (ex.InnerException is not null || ex is HttpIOException)
            {
                var kept = File.Exists(partial) ? new FileInfo(partial).Length : 0;
                throw new DownloadException(
                    $"{dataset}: the connection to {address} broke after {kept:N0} bytes ({ex.Message}); they are kept in {partial} and the next try resumes from there. {HowOffline(dataset, file)}",
                    network: true,
                    ex);
            }

            File.Move(partial, target, overwrite: true);
        }

        Verify(dataset, file, target);
        return target;
    }

    /// <summary>Checks <paramref name="path"/> against the pinned MD5; a mismatch deletes the file and throws.</summary>
    public static void Verify(string dataset, ArchiveFile file, string path, bool delete = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        string actual;
        using (var stream = File.OpenRead(path))
        {
            actual = Convert.ToHexStringLower(MD5.HashData(stream));
        }

        if (actual != file.Md5)
        {
            if (delete)
            {
                File.Delete(path);
            }

            throw new DownloadException(
                $"{dataset}: {path} has MD5 {actual}, not the published {file.Md5} of {file.FileName}: refused{(delete ? " and deleted" : string.Empty)} "
                + "(a corrupt or different file; fetch it again)",
                network: false);
        }
    }

    /// <summary>The sentence that says how to get a file without this machine reaching the network.</summary>
    public static string HowOffline(string dataset, ArchiveFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return $"Offline? Fetch {file.Url} by hand (MD5 {file.Md5}) on a machine that can, copy it here, then run: eebench data get {dataset} --from {file.FileName}";
    }

    private static void Transfer(Uri address, string partial, DownloadProgress progress, CancellationToken cancellationToken)
    {
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            return; // the partial file already holds every byte; the checksum decides
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DownloadException(
                $"{address}: the server answered {(int)response.StatusCode} {response.ReasonPhrase} (the file is not there; check {DatasetCatalog.UrlBaseVariable} if you set it)",
                network: false);
        }

        // A server that ignores Range answers 200 with the whole file: start again from zero.
        var resumed = response.StatusCode == HttpStatusCode.PartialContent && have > 0;
        var start = resumed ? have : 0;
        var total = response.Content.Headers.ContentLength is { } length ? start + length : (long?)null;
        using var output = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
        using var input = response.Content.ReadAsStream(cancellationToken);
        var buffer = new byte[1 << 16];
        var done = start;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.Write(buffer, 0, read);
            done += read;
            progress.Report(done, total);
        }

        output.Flush();
        if (total is { } expected && done < expected)
        {
            throw new IOException($"the server closed the connection after {done:N0} of {expected:N0} bytes", new EndOfStreamException());
        }

        progress.Report(done, total, final: true);
    }
}
