using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Keukentafel.Data;

namespace Keukentafel.Privacy;

/// <summary>
/// One writer's chain of audit events. Every application instance, and every operator command or job that writes
/// events in its own transaction, appends to a chain of its own, so writers never compete for a place: no clash, no
/// retry, however many instances share the database. The chain's row is stored together with its first events.
/// </summary>
public sealed class AuditChain
{
    /// <summary>The chain of the events written before every writer had one of its own; its first event links to "".</summary>
    public static readonly Guid Legacy = Guid.Empty;

    private AuditChain() { Writer = ""; }

    public AuditChain(Guid id, string writer, DateTime startedAtUtc)
    {
        Id = id;
        Writer = writer;
        StartedAtUtc = startedAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>Which instance or command wrote it ("host/process purpose"), for the operator who reads a verification.</summary>
    public string Writer { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    /// <summary>What the first event of a chain links to: a hash of the chain's id, so the events cannot be moved to another chain.</summary>
    public static string StartHash(Guid chainId) => chainId == Legacy
        ? ""
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"keukentafel audit chain {chainId}")));

    /// <summary>Names this process in a chain's <see cref="Writer"/>.</summary>
    internal static string WriterName(string purpose) => $"{Environment.MachineName}/{Environment.ProcessId} {purpose}";
}

/// <summary>
/// A chain's head (its newest event's place and hash) as it stood at a moment, signed with the operator's key. Kept in
/// the database and written outside it (the operator's log, and a file store where configured): when the head is no
/// longer in the chain, the newest events were removed, which the chain alone cannot show.
/// </summary>
public sealed class AuditCheckpoint
{
    private const string Kind = "keukentafel-audit-checkpoint";

    private AuditCheckpoint() { Hash = ""; }

    public AuditCheckpoint(DateTime atUtc, Guid chainId, long sequence, string hash, DateTime headAtUtc, string? key)
    {
        AtUtc = StoredTime.WholeMicroseconds(atUtc);
        ChainId = chainId;
        Sequence = sequence;
        Hash = hash;
        HeadAtUtc = StoredTime.WholeMicroseconds(headAtUtc);
        Signature = key is null ? null : Sign(key);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime AtUtc { get; private set; }
    public Guid ChainId { get; private set; }
    public long Sequence { get; private set; }
    public string Hash { get; private set; }

    /// <summary>When the head event happened: a purge that removed it shows by its date.</summary>
    public DateTime HeadAtUtc { get; private set; }

    /// <summary>HMAC-SHA256 with <c>Privacy:AuditCheckpointKey</c>; none when no key is configured.</summary>
    public string? Signature { get; private set; }

    /// <summary>True when signed with this key; false when unsigned or signed otherwise.</summary>
    public bool SignedWith(string key) => Signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature), Encoding.ASCII.GetBytes(Sign(key)));

    private string Sign(string key) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(string.Join('|',
        ChainId, Sequence.ToString(CultureInfo.InvariantCulture), Hash, HeadAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
        AtUtc.Ticks.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>One line of JSON, as it goes to the operator's log and the file store.</summary>
    public string ToLine() => JsonSerializer.Serialize(new Line(Kind, ChainId, Sequence, Hash, HeadAtUtc, AtUtc, Signature));

    /// <summary>
    /// Every checkpoint in a text: lines of the file store, or of the operator's log with a prefix before the JSON (the
    /// console log), or JSON log records that carry it in their message. Other lines are passed over.
    /// </summary>
    public static IEnumerable<AuditCheckpoint> Read(TextReader text)
    {
        while (text.ReadLine() is { } line)
        {
            if (!line.Contains(Kind, StringComparison.Ordinal))
            {
                continue;
            }

            if (Parse(line) is { } plain)
            {
                yield return plain;
                continue;
            }

            // A JSON log record escapes the checkpoint inside its message: look in its texts.
            foreach (var value in Texts(line))
            {
                if (Parse(value) is { } logged)
                {
                    yield return logged;
                    break;
                }
            }
        }
    }

    private static AuditCheckpoint? Parse(string text)
    {
        var start = text.IndexOf("{\"kind\"", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf('}', start);
        if (end < 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Line>(text[start..(end + 1)]) is { Kind: Kind, Hash: { } hash } parsed
                ? new AuditCheckpoint
                {
                    AtUtc = parsed.AtUtc,
                    ChainId = parsed.Chain,
                    Sequence = parsed.Sequence,
                    Hash = hash,
                    HeadAtUtc = parsed.HeadAtUtc,
                    Signature = parsed.Signature,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> Texts(string json)
    {
        var texts = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Collect(document.RootElement);
        }
        catch (JsonException)
        {
            // not a JSON record: no texts
        }

        return texts;

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    texts.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private sealed record Line(
        [property: System.Text.Json.Serialization.JsonPropertyName("kind")] string Kind,
        [property: System.Text.Json.Serialization.JsonPropertyName("chain")] Guid Chain,
        [property: System.Text.Json.Serialization.JsonPropertyName("sequence")] long Sequence,
        [property: System.Text.Json.Serialization.JsonPropertyName("hash")] string Hash,
        [property: System.Text.Json.Serialization.JsonPropertyName("headAtUtc")] DateTime HeadAtUtc,
        [property: System.Text.Json.Serialization.JsonPropertyName("atUtc")] DateTime AtUtc,
        [property: System.Text.Json.Serialization.JsonPropertyName("signature")] string? Signature);
}

/// <summary>
/// Appends to one chain: numbers and links the events and adds them (with the chain's row, the first time) to a unit of
/// work the caller commits. Only a commit moves the head, so a rolled-back unit leaves the chain as it was; when it is
/// unknown whether a unit committed, the writer starts a new chain rather than risk two events in one place.
/// </summary>
/// <remarks>One caller at a time: the audit log's single writer, or a job's sequential runs.</remarks>
internal sealed class AuditChainWriter(string writer, TimeProvider time)
{
    private Guid id = Guid.CreateVersion7();
    private bool stored;
    private long sequence;
    private string hash = "";

    /// <summary>The chain's newest committed event, if it has one.</summary>
    public Head? Committed { get; private set; }

    /// <summary>The head written to the last checkpoint.</summary>
    public Head? Anchored { get; set; }

    /// <summary>True when events were committed since the last checkpoint.</summary>
    public bool Moved => Committed is not null && Committed != Anchored;

    public Staged Stage(KeukentafelDbContext db, IReadOnlyList<AuditEvent> events)
    {
        if (!stored)
        {
            hash = AuditChain.StartHash(id);
            db.AuditChains.Add(new AuditChain(id, writer, time.GetUtcNow().UtcDateTime));
        }

        var (next, previous) = (sequence, hash);
        foreach (var audit in events)
        {
            audit.Chain(id, ++next, previous);
            previous = audit.Hash;
        }

        db.AuditEvents.AddRange(events);
        return new Staged(new Head(id, next, previous, events[^1].AtUtc));
    }

    /// <summary>The unit of work with the staged events committed.</summary>
    public void Commit(Staged staged)
    {
        if (staged.Head.Chain == id)
        {
            stored = true;
            (sequence, hash) = (staged.Head.Sequence, staged.Head.Hash);
            Committed = staged.Head;
        }
    }

    /// <summary>The unit of work failed, and may or may not have committed: continue in a new chain.</summary>
    public void Restart()
    {
        id = Guid.CreateVersion7();
        stored = false;
        sequence = 0;
    }

    internal sealed record Head(Guid Chain, long Sequence, string Hash, DateTime AtUtc);

    internal sealed record Staged(Head Head);
}
