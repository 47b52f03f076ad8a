using System.Reflection;
using System.Runtime.CompilerServices;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Cli;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Architecture;

/// <summary>
/// No method of the Harness or Contracts assemblies takes more than <see cref="Limit"/> parameters: past that, the
/// arguments belong together in a record. Read by reflection from the compiled assemblies, every type (nested and
/// compiler-generated ones included) and every method and constructor (public or not).
/// </summary>
/// <remarks>
/// What counts: every method a person wrote, lambdas and local functions included (they are emitted as methods of the
/// enclosing or of a compiler-generated type), and every constructor. What does not:
/// <list type="bullet">
/// <item>members the compiler synthesises (<see cref="CompilerGeneratedAttribute"/> on the method or on its type: record
/// <c>Deconstruct</c>, <c>&lt;Clone&gt;$</c>, equality, auto-property accessors, state machines, anonymous types, whose
/// constructor takes one argument per member like a record's), except local functions and lambdas, which carry the
/// attribute or live in a generated type but are written by hand;</item>
/// <item>the parameter the compiler adds to a local function for the variables it captures (a by-reference struct of a
/// compiler-generated type);</item>
/// <item>the primary constructor of a record (the constructor whose parameters are the positional members that
/// <c>Deconstruct</c> hands back): a record is the parameter object this rule asks for, each of its members is named and
/// documented, and <c>with</c> builds one from another. Wide records are listed in the output, not failed.</item>
/// </list>
/// </remarks>
public class ParameterCountTests(ITestOutputHelper output)
{
    private const int Limit = 6;

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void NoMethodTakesMoreThanSixParameters()
    {
        var records = new List<string>();
        var offenders = new List<string>();
        foreach (var (method, count) in Counted([typeof(Commands).Assembly, typeof(ICalibrator).Assembly]))
        {
            if (count <= Limit)
            {
                continue;
            }

            (IsRecordPrimaryConstructor(method) ? records : offenders).Add($"{Name(method)}: {count} parameters");
        }

        foreach (var record in records.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"record (not counted): {record}");
        }

        Assert.True(offenders.Count == 0, $"methods with more than {Limit} parameters (put them in a record):\n" + string.Join('\n', offenders.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void TheCountSeesLambdasLocalFunctionsAndConstructors()
    {
        // The fixture below has one of each past the limit; a walk that skipped generated types or local functions would miss them.
        var wide = Counted([typeof(ParameterCountTests).Assembly])
            .Where(m => m.Count == 7 && m.Method.DeclaringType is { } type && (type == typeof(Wide) || type.DeclaringType == typeof(Wide)))
            .Select(m => Name(m.Method))
            .ToList();
        Assert.Equal(3, wide.Count);
        Assert.Contains(wide, m => m.EndsWith("Wide..ctor", StringComparison.Ordinal));
        Assert.Contains(wide, m => m.Contains("g__Local", StringComparison.Ordinal));
        Assert.Contains(wide, m => m.Contains(">b__", StringComparison.Ordinal));
        Assert.DoesNotContain(Counted([typeof(ParameterCountTests).Assembly]), m => m.Method.DeclaringType == typeof(WideRecord) && m.Method.Name == "Deconstruct");
        var record = typeof(WideRecord).GetConstructors().Single(c => c.GetParameters().Length == 7);
        Assert.True(IsRecordPrimaryConstructor(record));
        Assert.False(IsRecordPrimaryConstructor(typeof(Wide).GetConstructors(All).Single()));
    }

    private static IEnumerable<(MethodBase Method, int Count)> Counted(IEnumerable<Assembly> assemblies) =>
        from assembly in assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All))
        where IsWritten(method)
        select (method, method.GetParameters().Count(p => !IsCapture(p)));

    /// <summary>Hand-written: not synthesised, or a local function or lambda (which the compiler names and may mark).</summary>
    private static bool IsWritten(MethodBase method) =>
        method.Name.Contains(">g__", StringComparison.Ordinal)
        || method.Name.Contains(">b__", StringComparison.Ordinal)
        || (method.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !method.Name.StartsWith('<')
            && method.DeclaringType?.GetCustomAttribute<CompilerGeneratedAttribute>() is null);

    /// <summary>The struct of captured variables the compiler passes by reference to a local function.</summary>
    private static bool IsCapture(ParameterInfo parameter) =>
        parameter.ParameterType.IsByRef && parameter.ParameterType.GetElementType()!.GetCustomAttribute<CompilerGeneratedAttribute>() is not null;

    /// <summary>A record's primary constructor: its parameters are, by name and order, those of the record's <c>Deconstruct</c>.</summary>
    private static bool IsRecordPrimaryConstructor(MethodBase method)
    {
        if (method is not ConstructorInfo { DeclaringType: { } type })
        {
            return false;
        }

        var isRecord = type.GetMethod("<Clone>$", All) is not null || (type.IsValueType && type.GetMethod("PrintMembers", All) is not null);
        var names = method.GetParameters().Select(p => p.Name).ToList();
        return isRecord && type.GetMethods(All).Any(d => d.Name == "Deconstruct" && d.GetParameters().Select(p => p.Name).SequenceEqual(names));
    }

    private static string Name(MethodBase method) => $"{method.DeclaringType?.FullName}.{method.Name}";

    private sealed record WideRecord(int A, int B, int C, int D, int E, int F, int G);

    private sealed class Wide
    {
        // Fixture only: each member takes seven parameters on purpose.
        public Wide(int a, int b, int c, int d, int e, int f, int g)
        {
            var sum = a + b + c + d + e + f + g;
            Func<int, int, int, int, int, int, int, int> lambda = (p, q, r, s, t, u, v) => p + q + r + s + t + u + v + sum;
            Sum = Local(a, b, c, d, e, f, g) + lambda(a, b, c, d, e, f, g);

            int Local(int p, int q, int r, int s, int t, int u, int v) => p + q + r + s + t + u + v + sum;
        }

        public int Sum { get; }
    }
}
