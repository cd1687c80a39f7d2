using System.Diagnostics;
using SpApi.ColdStart;

// Usage: SpApi.ColdStart spapi|floor BASE_ADDRESS TOKEN_ENDPOINT CLIENT_ID
// The client secret and refresh token come from SPAPI_COLDSTART_SECRET / SPAPI_COLDSTART_REFRESH (never argv).
// Prints one JSON line: { "mode", "readyMs", "firstCallMs", "marketplaces", "loaded": [ assemblies ] }.
var started = Stopwatch.GetTimestamp();
if (args.Length != 4 || args[0] is not ("spapi" or "floor"))
{
    Console.Error.WriteLine("usage: SpApi.ColdStart spapi|floor BASE_ADDRESS TOKEN_ENDPOINT CLIENT_ID");
    return 2;
}
var call = new FirstCall(new Uri(args[1]), new Uri(args[2]), args[3],
    Environment.GetEnvironmentVariable("SPAPI_COLDSTART_SECRET") ?? "",
    Environment.GetEnvironmentVariable("SPAPI_COLDSTART_REFRESH") ?? "");
var result = args[0] == "spapi" ? await call.ThroughSpApiAsync(started) : await call.ThroughFloorAsync(started);
Console.WriteLine(result.ToJson(args[0]));
return 0;
