using System.Collections;
using System.Reflection;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// Every generated method, each string argument in turn set to a hostile value (the others plain): the request the
/// generated code builds must fit its operation's template (same method, literal segments, one segment per argument)
/// and carry no query parameter the value tried to add, or it must not be sent at all. Runs the generated clients
/// over a recording transport without the pipeline, so the templates alone are tested (the pipeline's own guard is
/// covered by the other path scenarios).
/// </summary>
internal static class PathFuzz
{
    public const string InjectedName = "injectedq";

    public static readonly string[] Values =
    [
        "", ".", "..", "%2e%2e", "a/../../b", "../../feeds/2021-06-30/documents", "x?" + InjectedName + "=1", "x#" + InjectedName,
        "x&" + InjectedName + "=1", "x=1&" + InjectedName, "a b", "/", "a\\..\\b", "ü/..", "x\r\n" + InjectedName + ": 1",
    ];

    public static async Task RunAsync(FaultRun run)
    {
        var recorder = new Recorder();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("https://sellingpartnerapi-na.amazon.com/") };
        var calls = 0;
        foreach (var (_, implementation) in SpApi.Clients.GeneratedClients.All)
        {
            var client = Activator.CreateInstance(implementation, http)!;
            foreach (var method in implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var parameters = method.GetParameters();
                if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken)) continue;
                for (var target = 0; target < parameters.Length; target++)
                {
                    if (!IsStringLike(parameters[target].ParameterType)) continue;
                    foreach (var value in Values)
                    {
                        calls++;
                        recorder.Last = null;
                        var args = parameters.Select((p, i) => Argument(p, i == target ? value : "plain-1", run.CancellationToken)).ToArray();
                        try
                        {
                            await (Task)method.Invoke(client, args)!;
                        }
                        catch (Exception e) when (e is ArgumentException || recorder.Last is not null)
                        {
                            // Refused before sending, or the recorded answer did not fit the response type: both fine here.
                        }
                        catch (Exception e)
                        {
                            run.Findings.UntypedErrors++;
                            run.Note($"{implementation.Name}.{method.Name}({parameters[target].Name}=\"{value}\"): {e.GetType().Name} before sending");
                        }
                        if (recorder.Last is { } sent) Check(run, sent, $"{implementation.Name}.{method.Name}({parameters[target].Name}=\"{Show(value)}\")");
                    }
                }
            }
        }
        run.Note($"fuzz: {calls} calls");
    }

    private static void Check(FaultRun run, HttpRequestMessage request, string what)
    {
        if (!request.Options.TryGetValue(SpApiRequestOptions.Operation, out var op) || op is null)
        {
            run.Findings.WrongOperation++;
            run.Note($"{what}: sent without operation metadata");
            return;
        }
        var uri = request.RequestUri!;
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0]));
        if (!SpApiPath.Fits(op, uri.AbsolutePath) || request.Method.Method != op.Method || query.Contains(InjectedName) || uri.Fragment.Length > 0)
        {
            run.Findings.WrongOperation++;
            run.Note($"{what}: {op.Key} went out as {request.Method} {uri.PathAndQuery}");
        }
    }

    private static bool IsStringLike(Type t) => t == typeof(string) || (t != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(t));

    private static object? Argument(ParameterInfo p, string text, CancellationToken ct)
    {
        var t = p.ParameterType;
        if (t == typeof(CancellationToken)) return ct;
        if (t == typeof(string)) return text;
        if (typeof(IEnumerable<string>).IsAssignableFrom(t)) return new List<string> { text };
        var inner = Nullable.GetUnderlyingType(t) ?? t;
        if (inner == typeof(int) || inner == typeof(long) || inner == typeof(double) || inner == typeof(decimal) || inner == typeof(float))
            return Convert.ChangeType(1, inner, System.Globalization.CultureInfo.InvariantCulture);
        if (inner == typeof(bool)) return true;
        if (inner == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (inner == typeof(DateTime)) return DateTime.UnixEpoch;
        if (inner == typeof(Guid)) return Guid.Empty;
        if (inner.IsEnum) return Enum.GetValues(inner).GetValue(0);
        if (inner.IsGenericType && typeof(IEnumerable).IsAssignableFrom(inner)) return Activator.CreateInstance(typeof(List<>).MakeGenericType(inner.GetGenericArguments()[0]));
        if (inner.IsClass && inner.GetConstructor(Type.EmptyTypes) is not null) return Activator.CreateInstance(inner);
        return p.HasDefaultValue ? p.DefaultValue : null;
    }

    private static string Show(string v) => v.Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>Keeps the last request and answers an empty JSON object.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public HttpRequestMessage? Last;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}"), RequestMessage = request });
        }
    }
}
