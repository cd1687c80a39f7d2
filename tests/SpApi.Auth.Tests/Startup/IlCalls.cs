using System.Reflection;
using System.Reflection.Emit;

namespace SpApi.Auth.Tests.Startup;

/// <summary>Walks the IL of every method of an assembly and lists the methods each one calls (call, callvirt, newobj, ldftn).</summary>
internal static class IlCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>(caller, callee) for every call in <paramref name="assembly"/>; callees as <c>Namespace.Type::Name</c>.</summary>
    public static IEnumerable<(MethodBase Caller, string Callee)> Of(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null) continue;
            foreach (var token in CallTokens(il))
            {
                MethodBase? callee;
                try { callee = method.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null); }
                catch (ArgumentException) { continue; }
                if (callee?.DeclaringType is { } declaring)
                    yield return (method, $"{(declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring).FullName}::{callee.Name}");
            }
        }
    }

    private static IEnumerable<int> CallTokens(byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[++i]) : il[i];
            i++;
            if (!OpCodesByValue.TryGetValue(value, out var op)) yield break; // not IL we understand: stop rather than guess
            if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Newobj || op == OpCodes.Ldftn || op == OpCodes.Ldvirtftn)
                yield return BitConverter.ToInt32(il, i);
            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
