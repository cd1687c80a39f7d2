// A worker service: one notification subscription kept, reports polled on an interval.
// dotnet run --project samples/WorkerService      (local sandbox; configure SellingPartnerApi:* for Amazon)
using SpApi.Samples;
using SpApi.Samples.WorkerService;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var sandbox = await SampleSandbox.StartUnlessConfiguredAsync(builder.Configuration, CancellationToken.None);

builder.Services.AddSellingPartnerApi(builder.Configuration.GetSection("SellingPartnerApi"));
if (sandbox is not null) builder.Services.PostConfigure<SpApi.Auth.SellingPartnerOptions>(o => sandbox.Configure(o));
builder.Services.Configure<WorkerSettings>(builder.Configuration.GetSection("Worker"));
builder.Services.AddHostedService<SellerSyncWorker>();

using var host = builder.Build();
await host.RunAsync();
if (sandbox is not null) await sandbox.DisposeAsync();
