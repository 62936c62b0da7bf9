using Keukentafel.Data;
using Npgsql;

namespace Keukentafel.Tests.Data;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void PostgreSQL_prepares_frequent_statements_unless_the_operator_chose_otherwise()
    {
        new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPreparedStatements("Host=db;Database=kt")).MaxAutoPrepare.ShouldBe(100);
        new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPreparedStatements("Host=db;Database=kt;Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(DatabaseSettings.WithPreparedStatements("Host=db;Database=kt;max auto prepare=20")).MaxAutoPrepare.ShouldBe(20);
    }
}
