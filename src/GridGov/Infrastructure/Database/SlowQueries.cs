using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.Infrastructure.Database;

// Logs every database command slower than `GridGov:SlowQueryMs` (default 500 ms) with its SQL, not
// its parameter values (they may be personal data): the first thing an operator wants to see when a
// page turns slow, and how the query plans here were found.
public sealed class SlowQueries(ILogger log, TimeSpan threshold) : DbCommandInterceptor
{
    void Check(DbCommand command, CommandExecutedEventData e)
    {
        if (e.Duration >= threshold)
            log.LogWarning("慢查询（{Ms:F0} 毫秒）：{Sql}", e.Duration.TotalMilliseconds, command.CommandText);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }
}
