using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Faults;

/// <summary>
/// The live fault plan of a running sandbox. Rules are consumed in the order added: each request of a
/// matching operation takes one hit from the first rule that still has hits left.
/// </summary>
public sealed class SandboxFaultInjector
{
    private readonly object _gate = new();
    private readonly List<(SandboxFaultRule Rule, int Remaining)> _rules = [];

    internal SandboxFaultInjector(IEnumerable<SandboxFaultRule> rules)
    {
        foreach (var rule in rules) Add(rule);
    }

    /// <summary>Makes the next <c>fault.Count</c> requests of <paramref name="operation"/> misbehave.</summary>
    public void Inject(string operation, SandboxFault fault) => Add(new SandboxFaultRule(operation, fault));

    /// <summary>Adds a fault rule (validated first); it applies to requests from now on.</summary>
    public void Add(SandboxFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate) _rules.Add((rule, rule.Fault.Count));
    }

    /// <summary>Drops every pending fault.</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>Faults still to be sent, summed over rules.</summary>
    public int Pending
    {
        get { lock (_gate) return _rules.Sum(r => r.Remaining); }
    }

    internal SandboxFault? Take(ModelOperation operation)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (!Applies(rule.Operation, operation)) continue;
                if (remaining <= 1) _rules.RemoveAt(i);
                else _rules[i] = (rule, remaining - 1);
                return rule.Fault;
            }
            return null;
        }
    }

    private static bool Applies(string selector, ModelOperation operation) =>
        selector == "*" || selector == operation.OperationId || selector == operation.Key;
}
