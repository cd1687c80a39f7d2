using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: dotnet run --project build/SpApi.PowerShellHost -- <script.ps1> [-Name value] [-Switch] ...
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: SpApi.PowerShellHost <script.ps1> [-Parameter value] [-Switch]");
    return 2;
}

var script = Path.GetFullPath(args[0]);
if (!File.Exists(script))
{
    Console.Error.WriteLine($"script not found: {script}");
    return 2;
}

var iss = InitialSessionState.CreateDefault2();
using var runspace = RunspaceFactory.CreateRunspace(iss);
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddCommand(script);
for (var i = 1; i < args.Length; i++)
{
    var name = args[i].TrimStart('-');
    if (i + 1 < args.Length && !args[i + 1].StartsWith('-')) ps.AddParameter(name, args[++i]);
    else ps.AddParameter(name, true);
}

// Stream everything as it happens, so a long regeneration shows progress.
ps.Streams.Error.DataAdded += (s, e) => Console.Error.WriteLine("ERROR: " + ((PSDataCollection<ErrorRecord>)s!)[e.Index]);
ps.Streams.Warning.DataAdded += (s, e) => Console.Error.WriteLine("WARNING: " + ((PSDataCollection<WarningRecord>)s!)[e.Index]);
ps.Streams.Information.DataAdded += (s, e) => Console.WriteLine(((PSDataCollection<InformationRecord>)s!)[e.Index]);
var output = new PSDataCollection<PSObject>();
output.DataAdded += (s, e) => Console.WriteLine(((PSDataCollection<PSObject>)s!)[e.Index]);

try
{
    ps.Invoke(null, output);
}
catch (RuntimeException e)
{
    Console.Error.WriteLine($"regenerate failed: {e.Message}");
    return 1;
}
return ps.HadErrors ? 1 : 0;
