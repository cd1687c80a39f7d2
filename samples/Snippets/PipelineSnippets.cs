using SpApi.Auth;
using SpApi.Auth.Pipeline;
using SpApi.Runtime;

namespace SpApi.Samples.Snippets;

public static class PipelineSnippets
{
    public static void Configure(IServiceCollection services)
    {
        #region rate-limit-options
        services.AddSellingPartnerApi(o =>
        {
            o.ClientId = "amzn1.application-oa2-client.…";
            o.ClientSecret = "…";
            o.RefreshToken = "Atzr|…";
            o.RateLimiting.MaxWait = TimeSpan.FromSeconds(30);              // fail fast instead of queueing for minutes
            o.RateLimiting.PlanOverrides["getOrders"] = new UsagePlan(1, 5); // a higher limit Amazon granted you
            o.Retry.MaxRetryAttempts = 3;
            o.Retry.ReplayableOperations.Add("getMyFeesEstimates");          // a read-only POST safe to replay
        });
        #endregion
    }

    public static void Stage(IServiceCollection services, Func<IServiceProvider, DelegatingHandler> myRetryHandler)
    {
        #region pipeline-stage
        services.AddSellingPartnerApi(o => { /* … */ })
            .UseStage(PipelineStage.Retry, myRetryHandler)   // replace a stage with your own handler
            .WithoutStage(PipelineStage.Telemetry);          // or let requests pass straight through it
        #endregion
    }
}
