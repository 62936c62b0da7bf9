namespace Keukentafel.Data;

public static class HostStarted
{
    /// <summary>
    /// Waits until the host has started: the database is migrated (<see cref="DatabaseStartup"/> runs before) and the
    /// server takes requests. A background job that reads the database starts its work after this.
    /// </summary>
    public static async Task StartedAsync(this IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(ct);
        }
    }
}
