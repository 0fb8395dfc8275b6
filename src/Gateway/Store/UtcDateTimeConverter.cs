using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gateway.Store;

/// <summary>
/// Keeps instants in UTC: values are normalised on the way in and marked UTC on the way out.
/// The stored form stays the provider's native DateTime, so comparison and ordering run in SQL.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
