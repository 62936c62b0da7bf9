namespace Keukentafel.Data;

/// <summary>
/// Work an instance does in the background at an interval: not before the host has started (the database migrated,
/// the server taking requests), then again at every look; a failed run is logged and tried again at the next look.
/// Work that must run at one instance at a time takes a lease in its run (<see cref="JobLeases"/>).
/// </summary>
public abstract partial class PeriodicJob(IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    /// <summary>What the job is called in the log.</summary>
    protected abstract string Description { get; }

    /// <summary>How often the job looks whether there is work; zero or less switches it off.</summary>
    protected abstract TimeSpan LookEvery { get; }

    /// <summary>How long after the host's start the job first looks: one interval, unless a job says otherwise.</summary>
    protected virtual TimeSpan FirstLookAfter => LookEvery;

    protected abstract Task RunAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (LookEvery <= TimeSpan.Zero)
        {
            return;
        }

        await lifetime.StartedAsync(stoppingToken);
        await Task.Delay(FirstLookAfter, stoppingToken);
        using var timer = new PeriodicTimer(LookEvery);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                Failed(Logger, Description, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; it is tried again at the next look")]
    private static partial void Failed(ILogger logger, string job, Exception failure);
}
