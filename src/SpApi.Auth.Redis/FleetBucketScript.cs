using System.Globalization;
using StackExchange.Redis;

namespace SpApi.Auth.Redis;

/// <summary>
/// One atomic Lua script for every change to a shared usage-plan bucket, so workers never read-modify-write a
/// bucket between each other, and all time comes from the Redis server's <c>TIME</c> (never a worker's clock).
/// <para>
/// The bucket is a hash <c>{tokens, ts, rate, shifted, seq, wseq}</c>: tokens at <c>ts</c> (server ms), the adopted rate
/// (absent: the caller's plan rate), until when a 429 does not push the schedule back again (server ms), and the
/// script counters that reveal a server running scripts non-atomically. Tokens refill
/// continuously up to the burst. <c>take</c> reserves the next token in arrival
/// order, letting tokens go below zero: the answer is how long to wait until that token exists, so the fleet's
/// callers are served first come first served with one round trip each. The key expires once the bucket would be
/// full again plus the idle time (recreated full, which is what it would be).
/// </para>
/// </summary>
internal static class FleetBucketScript
{
    public const string Take = "take", Drain = "drain", Rate = "rate", Refund = "refund";

    // ARGV: op, plan rate, burst, idle seconds, max wait ms (-1 = none) or new rate.
    // Returns {granted 1/0, wait ms, rate, overlapped 1/0} as strings (Lua numbers are truncated to integers in replies).
    // 'seq' counts scripts started on the bucket (HINCRBY: one command, atomic on every server) and 'wseq' is the seq of
    // the last script that wrote it: a script that finds wseq other than its own seq - 1 overlapped another script, so
    // the server does not run scripts atomically (Garnet without --lua-transaction-mode) and tokens may go out twice.
    private const string Lua = """
        local key = KEYS[1]
        local op = ARGV[1]
        local rate = tonumber(ARGV[2])
        local burst = tonumber(ARGV[3])
        local idle = tonumber(ARGV[4])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local seq = redis.call('HINCRBY', key, 'seq', 1)
        local s = redis.call('HMGET', key, 'tokens', 'ts', 'rate', 'wseq')
        local overlapped = 0
        if s[4] and tonumber(s[4]) ~= seq - 1 then overlapped = 1 end
        local tokens = tonumber(s[1])
        local ts = tonumber(s[2])
        if s[3] then rate = tonumber(s[3]) end
        if tokens == nil or ts == nil then tokens = burst ts = now end
        if now > ts then tokens = math.min(burst, tokens + (now - ts) * rate / 1000) end
        local granted = 1
        local wait = 0
        if op == 'take' then
          if tokens < 1 then wait = math.ceil((1 - tokens) * 1000 / rate) end
          local maxwait = tonumber(ARGV[5])
          if maxwait >= 0 and wait > maxwait then
            granted = 0
          else
            tokens = tokens - 1
          end
        elseif op == 'drain' then
          if tokens > 0 then
            tokens = 0
          else
            -- Tokens already promised: our schedule may run ahead of the server's. Push it back one interval, once per
            -- horizon: the calls promised before this push keep their times, and their 429s must not push again (a
            -- push per 429 over a deep queue would throw away a token per interval). 'shifted' is when the first call
            -- promised after the push falls due.
            local horizon = tonumber(redis.call('HGET', key, 'shifted'))
            if horizon == nil or now >= horizon then
              redis.call('HSET', key, 'shifted', tostring(now + math.ceil((1 - tokens) * 1000 / rate)))
              tokens = tokens - 1
            end
          end
        elseif op == 'refund' then
          tokens = math.min(burst, tokens + 1)
        elseif op == 'rate' then
          rate = tonumber(ARGV[5])
          redis.call('HSET', key, 'rate', tostring(rate))
        end
        redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now), 'wseq', tostring(seq))
        redis.call('EXPIRE', key, idle + math.ceil(math.max(0, burst - tokens) / rate))
        return { tostring(granted), tostring(wait), tostring(rate), tostring(overlapped) }
        """;

    /// <summary>What the script answered; <paramref name="Overlapped"/>: it ran while another script on the bucket was running.</summary>
    public readonly record struct Answer(bool Granted, TimeSpan Wait, double Rate, bool Overlapped);

    public static async Task<Answer> RunAsync(IDatabase db, RedisKey key, string op, double planRate, int burst, TimeSpan idle, double argument)
    {
        var reply = (RedisResult[]?)await db.ScriptEvaluateAsync(Lua, [key],
            [op, F(planRate), burst, (long)Math.Ceiling(idle.TotalSeconds), F(argument)]).ConfigureAwait(false)
            ?? throw new RedisException("The usage-plan script returned nothing.");
        var granted = reply[0].ToString() == "1";
        var waitMs = double.Parse(reply[1].ToString()!, CultureInfo.InvariantCulture);
        var rate = double.Parse(reply[2].ToString()!, CultureInfo.InvariantCulture);
        // Range-check what came back: a damaged or foreign hash must not produce a negative or endless wait.
        if (!double.IsFinite(waitMs) || waitMs < 0 || !(rate > 0) || !double.IsFinite(rate))
            throw new RedisException($"The usage-plan bucket {key} holds invalid state (wait {waitMs} ms, rate {rate}/s).");
        return new Answer(granted, TimeSpan.FromMilliseconds(waitMs), rate, reply.Length > 3 && reply[3].ToString() == "1");
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
