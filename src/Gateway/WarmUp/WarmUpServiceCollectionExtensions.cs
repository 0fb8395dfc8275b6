using Gateway.Diagnostics;

namespace Gateway.WarmUp;

public static class WarmUpServiceCollectionExtensions
{
    /// <summary>The screens' warm-up (the <c>WarmUp</c> section; on by default in Production) and its readiness check.</summary>
    public static IServiceCollection AddScreenWarmUp(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<WarmUpOptions>()
            .BindConfiguration(WarmUpOptions.SectionName)
            .PostConfigure(options => options.Enabled ??= environment.IsProduction())
            .Validate(options => options.Iterations is >= 1 and <= 10_000, "WarmUp:Iterations must be between 1 and 10000.")
            .ValidateOnStart();
        services.AddSingleton<ScreenWarmUp>();
        services.AddHostedService(provider => provider.GetRequiredService<ScreenWarmUp>());
        // A probe during the warm-up waits 2 s for it rather than failing at once.
        WarmUpCompletionHealthCheck.Add<ScreenWarmUp>(services.AddHealthChecks(), "warm-up", warmUp => warmUp.Done,
            TimeSpan.FromSeconds(2), warming: "Warming up the screens.", warm: "Screens warmed up.");
        return services;
    }
}
