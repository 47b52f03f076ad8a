using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// A single-node Slurm cluster of its own under a temp folder: a private munged (own key and socket), slurmctld and
/// slurmd in the foreground on free ports, all state, spool and logs in the folder. Nothing system-wide is used or
/// touched, so a system munged or Slurm keeps running undisturbed; <see cref="Dispose"/> cancels the cluster's jobs and
/// stops exactly the three daemons it started, by their pids.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Tools = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "sinfo", "scancel"];
    private readonly List<Daemon> _daemons = [];
    private readonly Dictionary<string, string> _tools;
    private readonly Action<string> _log;

    private SlurmCluster(string folder, Dictionary<string, string> tools, Action<string> log)
    {
        Folder = folder;
        _tools = tools;
        _log = log;
        NodeName = Dns.GetHostName().Split('.')[0];
    }

    /// <summary>The cluster's folder: <c>slurm.conf</c>, <c>state/</c>, <c>spool/</c>, <c>log/</c>, <c>munge/</c>.</summary>
    public string Folder { get; }

    /// <summary>The one node (this machine's short host name).</summary>
    public string NodeName { get; }

    /// <summary>Its <c>slurm.conf</c>.</summary>
    public string ConfigPath => Path.Combine(Folder, "slurm.conf");

    /// <summary>What a client (sbatch, squeue, an <c>eebench slurm --submit</c>) needs to talk to this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = ConfigPath };

    /// <summary>The job completion log (<c>jobcomp/filetxt</c>): one line per finished job, sacct's stand-in without slurmdbd.</summary>
    public string CompletionLog => Path.Combine(Folder, "log", "jobcomp.txt");

    /// <summary>
    /// Starts the cluster and waits until its node is idle. Throws, saying what to do, when Slurm or munge is not
    /// installed or this process is not root (slurmd must be): the cluster test fails rather than skips.
    /// </summary>
    public static SlurmCluster Start(string folder, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var tools = Tools.ToDictionary(t => t, t => Which(t) ?? string.Empty);
        var missing = tools.Where(t => t.Value.Length == 0).Select(t => t.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Slurm is not installed here (not found: {string.Join(", ", missing)}). ./test.sh installs the Debian 12 packages slurm-wlm and munge " +
                "through build/setup.sh (EEBENCH_TEST_SETUP=1); run it as root or with sudo, or: apt-get install slurm-wlm munge");
        }

        if (!System.Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("The Slurm cluster test starts slurmd, which must run as root; run ./test.sh as root (CI does)");
        }

        var cluster = new SlurmCluster(folder, tools, log);
        try
        {
            cluster.Boot();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm client (squeue, scontrol, …) against this cluster.</summary>
    public ProcessResult Client(string tool, params string[] arguments) =>
        ChildProcess.Run(ChildProcess.StartInfo(_tools[tool], arguments, Folder, Environment), TimeSpan.FromSeconds(30));

    /// <summary>Every line of <c>scontrol -o show job ID</c>: an array job gives one line per task.</summary>
    public IReadOnlyList<SlurmJobLine> ShowJob(string jobId) => SlurmJobLine.Parse(Client("scontrol", "-o", "show", "job", jobId).Out);

    /// <summary>
    /// Polls until every job of <paramref name="jobIds"/> (every task of an array) has ended, logging each new
    /// <c>squeue</c> picture. Fails early when a job can never start (its dependency failed), and after <paramref name="timeout"/>.
    /// </summary>
    public IReadOnlyList<SlurmJobLine> WaitForJobs(IReadOnlyList<string> jobIds, TimeSpan timeout, Func<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var watch = Stopwatch.StartNew();
        var lastQueue = string.Empty;
        while (true)
        {
            var queue = Client("squeue", "-o", "%.8i %.9P %.22j %.9T %R").Out.TrimEnd();
            if (queue != lastQueue)
            {
                _log($"squeue at {watch.Elapsed.TotalSeconds:F0} s:\n{queue}");
                lastQueue = queue;
            }

            var jobs = jobIds.SelectMany(ShowJob).ToList();
            if (jobs.Count > 0 && jobs.All(j => j.Ended))
            {
                return jobs;
            }

            if (jobs.FirstOrDefault(j => j.Reason == "DependencyNeverSatisfied") is { } stuck)
            {
                throw new InvalidOperationException($"job {stuck.JobId} can never run, a job it depends on failed:\n{Lines(jobs)}\n{diagnostics()}\n{Diagnostics()}");
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"the jobs did not finish within {timeout.TotalSeconds:F0} s:\n{Lines(jobs)}\n{queue}\n{diagnostics()}\n{Diagnostics()}");
            }

            Thread.Sleep(1000);
        }
    }

    /// <summary>Cancels whatever still runs on the cluster, then stops slurmd, slurmctld and munged: only these pids.</summary>
    public void Dispose()
    {
        if (_daemons.Any(d => d.Name == "slurmctld" && !d.HasExited))
        {
            try
            {
                CancelEverything();
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Stopping the daemons below matters more; say why the jobs may not have been cancelled.
                _log($"scancel failed: {ex.Message}");
            }
        }

        foreach (var daemon in Enumerable.Reverse(_daemons))
        {
            try
            {
                daemon.Dispose();
                _log($"stopped {daemon.Name} (pid {daemon.Pid})");
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Go on with the others: one that will not stop must not leave the rest running.
                _log($"could not stop {daemon.Name} (pid {daemon.Pid}): {ex.Message}");
            }
        }

        _daemons.Clear();
    }

    private static string Lines(IEnumerable<SlurmJobLine> jobs) => string.Join('\n', jobs.Select(j => j.Summary));

    private static string? Which(string tool)
    {
        // Debian puts the daemons in /usr/sbin, which a non-root PATH may lack.
        var path = (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(["/usr/sbin", "/sbin", "/usr/bin"]).Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Boot()
    {
        foreach (var sub in new[] { "munge", "state", "spool", "log" })
        {
            Directory.CreateDirectory(Path.Combine(Folder, sub));
        }

        var socket = StartMunge();
        var (controllerPort, nodePort) = (FreePort(), FreePort());
        File.WriteAllText(ConfigPath, Config(socket, controllerPort, nodePort));
        StartDaemon("slurmctld", "-D", "-f", ConfigPath);
        StartDaemon("slurmd", "-D", "-f", ConfigPath, "-N", NodeName);
        WaitUntil(() => Client("sinfo", "-h", "-n", NodeName, "-o", "%T").Out.Trim() == "idle", TimeSpan.FromSeconds(60), $"node {NodeName} idle");
        _log($"cluster up: {string.Join(", ", _daemons.Select(d => $"{d.Name} pid {d.Pid}"))}; SLURM_CONF={ConfigPath}");
    }

    /// <summary>A munged of our own: a fresh key and a socket in our folder, so it needs no /etc/munge or /run/munge.</summary>
    private string StartMunge()
    {
        var dir = Path.Combine(Folder, "munge");
        var key = Path.Combine(dir, "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        if (!OperatingSystem.IsWindows())
        {
            // munged refuses a key that others can read.
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var socket = Path.Combine(dir, "munge.socket");
        StartDaemon(
            "munged", "--foreground", $"--socket={socket}", $"--key-file={key}", $"--pid-file={Path.Combine(dir, "munged.pid")}",
            $"--seed-file={Path.Combine(dir, "munged.seed")}", $"--log-file={Path.Combine(dir, "munged.log")}");
        WaitUntil(() => File.Exists(socket), TimeSpan.FromSeconds(20), "the munge socket");
        return socket;
    }

    private string Config(string mungeSocket, int controllerPort, int nodePort) => string.Join('\n', [
        "ClusterName=eebench-test",
        $"SlurmctldHost={NodeName}(127.0.0.1)",
        $"SlurmctldPort={controllerPort.ToString(CultureInfo.InvariantCulture)}",
        $"SlurmdPort={nodePort.ToString(CultureInfo.InvariantCulture)}",
        "SlurmUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        $"AuthInfo=socket={mungeSocket}",
        $"StateSaveLocation={Path.Combine(Folder, "state")}",
        $"SlurmdSpoolDir={Path.Combine(Folder, "spool")}",
        $"SlurmctldPidFile={Path.Combine(Folder, "slurmctld.pid")}",
        $"SlurmdPidFile={Path.Combine(Folder, "slurmd.pid")}",
        $"SlurmctldLogFile={Path.Combine(Folder, "log", "slurmctld.log")}",
        $"SlurmdLogFile={Path.Combine(Folder, "log", "slurmd.log")}",

        // No cgroups in a container: track processes by parent pid, no task binding.
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "MpiDefault=none",
        "MailProg=/bin/true",

        // No slurmdbd: no sacct; finished jobs go to a text completion log instead.
        "AccountingStorageType=accounting_storage/none",
        "JobAcctGatherType=jobacct_gather/none",
        "JobCompType=jobcomp/filetxt",
        $"JobCompLoc={CompletionLog}",
        "ReturnToService=2",
        $"NodeName={NodeName} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN",
        $"PartitionName=eebench Nodes={NodeName} Default=YES MaxTime=INFINITE State=UP",
        string.Empty,
    ]);

    private void StartDaemon(string name, params string[] arguments)
    {
        var daemon = Daemon.Start(name, ChildProcess.StartInfo(_tools[name], arguments, Folder, Environment));
        _daemons.Add(daemon);
        _log($"started {name} (pid {daemon.Pid})");
    }

    private void WaitUntil(Func<bool> ready, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!ready())
        {
            if (_daemons.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"{dead.Name} exited while waiting for {what}:\n{Diagnostics()}");
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"no {what} after {timeout.TotalSeconds:F0} s:\n{Diagnostics()}");
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>The daemons' output and log tails, for a failure message.</summary>
    private string Diagnostics() => string.Join('\n', _daemons.Select(d => $"--- {d.Name} (pid {d.Pid}, {(d.HasExited ? "exited" : "running")}) ---\n{Tail(d.Output)}")
        .Concat(Directory.EnumerateFiles(Path.Combine(Folder, "log")).Select(f => $"--- {f} ---\n{Tail(File.ReadAllText(f))}")));

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(25));

    private void CancelEverything()
    {
        var user = System.Environment.UserName;
        Client("scancel", "--user", user);
        var watch = Stopwatch.StartNew();
        while (Client("squeue", "-h", "-o", "%i").Out.Trim().Length > 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(500);
        }
    }
}
